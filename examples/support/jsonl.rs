//! The batch mode's line handling, shared by `examples/extract.rs` and the fuzz target
//! `fuzz/fuzz_targets/jsonl_line.rs` (both include this file with `#[path]`; it is not part
//! of the library).
//!
//! A line is read with a size limit ([`read_line`]), then turned into exactly one output
//! line and at most one error line ([`handle`]): a bad line (not UTF-8, not JSON, no id, no
//! text, a bad date, too long) gives `{"id": <its id, or null>, "events": []}` and a message
//! `line N (byte OFFSET): reason`.

// each includer uses its own part of this file
#![allow(dead_code)]

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::sync::Mutex;

use conflict_events::{Document, Event, Extractor, NaiveDate};
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

#[path = "json_out.rs"]
pub mod json_out;

/// The default size limit of one input line: 16 MiB.
pub const DEFAULT_MAX_LINE_BYTES: usize = 16 << 20;
/// Of a line over the size limit, the first bytes kept to read its id from.
pub const KEPT_OF_LONG_LINE: usize = 64 << 10;
/// The room first given to an output line: a little more than the bytes an event takes in
/// the batch output of the bench corpus (684 on average), and its id and brackets.
const EVENT_BYTES: usize = 768;
const LINE_BYTES: usize = 64;
/// Longest piece of input quoted in a message, in chars.
const QUOTED: usize = 80;

/// One input line as read: where it is, its bytes (without the newline), and its full
/// length when it was over the limit (then only its first [`KEPT_OF_LONG_LINE`] bytes are
/// kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine {
    /// 1-based.
    pub number: u64,
    /// Byte offset of its first byte in the stream.
    pub offset: u64,
    pub bytes: Vec<u8>,
    /// Its length in bytes, without the newline.
    pub len: u64,
    /// True if it was over the limit and cut.
    pub cut: bool,
}

impl RawLine {
    /// The offset of the next line.
    pub fn next_offset(&self, had_newline: bool) -> u64 {
        self.offset + self.len + u64::from(had_newline)
    }
}

/// Reads the line after `offset` (line `number`), keeping at most `max` bytes of it: past
/// that it keeps the first [`KEPT_OF_LONG_LINE`] and counts the rest. `None` at the end of
/// the input; otherwise the line and whether it ended with a newline.
pub fn read_line(
    input: &mut impl BufRead,
    max: usize,
    number: u64,
    offset: u64,
) -> io::Result<Option<(RawLine, bool)>> {
    let mut line = RawLine {
        number,
        offset,
        bytes: Vec::new(),
        len: 0,
        cut: false,
    };
    let mut newline = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        let (piece, used) = match find_byte(buf, b'\n') {
            Some(i) => {
                newline = true;
                (buf.get(..i).unwrap_or(buf), i + 1)
            }
            None => (buf, buf.len()),
        };
        line.len += piece.len() as u64;
        if !line.cut {
            if line.len > max as u64 {
                line.cut = true;
                let room = KEPT_OF_LONG_LINE.saturating_sub(line.bytes.len());
                line.bytes
                    .extend_from_slice(piece.get(..room.min(piece.len())).unwrap_or(&[]));
                line.bytes.truncate(KEPT_OF_LONG_LINE);
                line.bytes.shrink_to_fit();
            } else {
                line.bytes.extend_from_slice(piece);
            }
        }
        input.consume(used);
        if newline {
            break;
        }
    }
    if !newline && line.len == 0 {
        return Ok(None);
    }
    Ok(Some((line, newline)))
}

/// Where the first `byte` of `bytes` is (a newline in a line read, a backslash in a line's
/// JSON): thirty-two bytes at a time tested at once, then byte by byte in the thirty-two
/// that hold it.
fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let mut blocks = bytes.chunks_exact(32);
    let mut at = 0;
    for block in &mut blocks {
        let block = <[u8; 32]>::try_from(block).unwrap_or_default();
        // two vector compares (0.3 instructions a byte, where the two eight-byte words of a
        // bit trick took 1.1)
        if any_of(&block, |b| b == byte) {
            break;
        }
        at += 32;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    rest.iter().position(|&b| b == byte).map(|i| at + i)
}

/// What a line gives: its output line (JSON, no newline) and, for a bad line, the reason.
/// The output line is a `String`, or for the batch mode its bytes (`Outcome<Vec<u8>>`),
/// which the JSON writer makes UTF-8 with no check of its own (see [`json_out::to_vec`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<O = String> {
    pub output: O,
    pub error: Option<String>,
}

impl Outcome {
    /// The outcome with its output line as bytes.
    pub fn into_bytes(self) -> Outcome<Vec<u8>> {
        Outcome {
            output: self.output.into_bytes(),
            error: self.error,
        }
    }
}

impl Outcome<Vec<u8>> {
    /// The outcome with its output line as a `String` (UTF-8 as made; any byte that were
    /// not would be replaced).
    pub fn into_text(self) -> Outcome {
        let output = String::from_utf8(self.output)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Outcome {
            output,
            error: self.error,
        }
    }
}

/// A good line: its id, text and publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub id: Value,
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// A bad line: its id if readable, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Bad {
    pub id: Option<Value>,
    pub reason: String,
}

/// The whole work of one line, on one thread: read it, extract, write the output line.
/// `max_line_bytes` is the limit the line was read with.
pub fn handle(extractor: &Extractor, mut line: RawLine, max_line_bytes: usize) -> Outcome {
    let (number, offset) = (line.number, line.offset);
    match parse(&mut line, max_line_bytes) {
        Ok(request) => extract(extractor, request, number, offset).into_text(),
        Err(bad) => bad_outcome(&bad, number, offset),
    }
}

/// The outcome of a bad line.
pub fn bad_outcome(bad: &Bad, number: u64, offset: u64) -> Outcome {
    Outcome {
        output: output_line(bad.id.as_ref().unwrap_or(&Value::Null), &[]),
        error: Some(format!("line {number} (byte {offset}): {}", bad.reason)),
    }
}

/// The events of a good line, as its output line's bytes.
pub fn extract(
    extractor: &Extractor,
    request: Request,
    number: u64,
    offset: u64,
) -> Outcome<Vec<u8>> {
    let mut doc = Document::new(&request.text);
    if let Some(d) = request.date {
        doc = doc.published(d);
    }
    let events = extractor.extract(&doc);
    let output = output_bytes(&request.id, &events);
    drop(events);
    keep_text(request.text);
    Outcome {
        output,
        error: None,
    }
    .or_if_failed(&request.id, number, offset)
}

impl Outcome<Vec<u8>> {
    /// An output line that could not be made (the id or an event would not serialise)
    /// becomes a bad line.
    fn or_if_failed(self, id: &Value, number: u64, offset: u64) -> Outcome<Vec<u8>> {
        if !self.output.is_empty() {
            return self;
        }
        let bad = Bad {
            id: Some(id.clone()),
            reason: "cannot serialise the events".to_string(),
        };
        bad_outcome(&bad, number, offset).into_bytes()
    }
}

/// `{"id": ..., "events": [...]}`, or an empty string if it cannot be serialised.
pub fn output_line(id: &Value, events: &[Event]) -> String {
    String::from_utf8(output_bytes(id, events)).unwrap_or_default()
}

/// [`output_line`] as bytes, UTF-8 with no check (see [`json_out::to_vec`]); empty if it
/// cannot be serialised.
pub fn output_bytes(id: &Value, events: &[Event]) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a Value,
        events: &'a [Event],
    }
    json_out::to_vec_in(
        &Line { id, events },
        spare(LINE_BYTES + EVENT_BYTES * events.len()),
    )
    .unwrap_or_default()
}

/// Output buffers given back by the writer once it wrote their line ([`give_back`]), for the
/// next lines' output. A buffer of a line's size (15 KB in the bench corpus) made anew for
/// every line is a request of 1 kB or more, which makes glibc's malloc consolidate its fast
/// bins, and the extraction's small allocations after it are then cut from free chunks.
static SPARE: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// The most buffers [`SPARE`] holds (some lines in flight for each of a few workers).
const SPARE_BUFFERS: usize = 32;

/// The largest buffer [`SPARE`] and [`TEXT`] keep: a larger one is freed, so that one long
/// line does not hold its memory for the rest of the batch.
const KEEP_BYTES: usize = 1 << 20;

/// An emptied buffer with room for `capacity` bytes: a spare one if the writer gave one
/// back, else a new one.
fn spare(capacity: usize) -> Vec<u8> {
    let reused = SPARE.lock().ok().and_then(|mut s| s.pop());
    let mut buf = reused.unwrap_or_default();
    buf.clear();
    buf.reserve(capacity);
    buf
}

/// Gives a written line's buffer back for the next lines' output ([`SPARE`]).
pub fn give_back(buf: Vec<u8>) {
    if buf.capacity() == 0 || buf.capacity() > KEEP_BYTES {
        return;
    }
    if let Ok(mut s) = SPARE.lock() {
        if s.len() < SPARE_BUFFERS {
            s.push(buf);
        }
    }
}

thread_local! {
    /// The text of this thread's last request, emptied: the next article's text with
    /// escapes is unescaped into it ([`flat_string`]), not into a new string of its size
    /// (the same large request as an output buffer's, [`SPARE`]).
    static TEXT: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// An emptied string with room for `room` bytes: the thread's kept text ([`TEXT`]) for a
/// room of 1 kB or more, else a new one.
fn text_buffer(room: usize) -> String {
    let mut out = if room >= 1024 {
        TEXT.with(std::cell::Cell::take)
    } else {
        String::new()
    };
    out.clear();
    out.reserve(room);
    out
}

/// Keeps a request's text, once read, for the thread's next one ([`TEXT`]).
fn keep_text(text: String) {
    if text.capacity() <= KEEP_BYTES {
        TEXT.with(|t| t.set(text));
    }
}

/// Reads a line's request: skips a byte-order mark, checks UTF-8, reads a flat object by
/// [`flat_object`], or else replaces lone surrogate escapes and parses the JSON with
/// serde_json; takes the fields.
pub fn parse(line: &mut RawLine, max_line_bytes: usize) -> Result<Request, Bad> {
    let bytes = line
        .bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(&line.bytes);
    let skipped = line.bytes.len() - bytes.len();
    if line.cut {
        return Err(Bad {
            id: id_before_text(bytes),
            reason: format!(
                "the line is {} bytes, over the limit of {max_line_bytes} (--max-line-bytes)",
                line.len
            ),
        });
    }
    let bytes = line.bytes.get_mut(skipped..).unwrap_or_default();
    // the usual line, a flat object of strings, has no `\u` escape and so nothing to
    // rewrite; any other line is read as it always was
    if let Ok(text) = std::str::from_utf8(bytes) {
        let mut fields = Fields::default();
        if flat_members(text, |key, value| fields.take(&key, value)).is_some() {
            return request(fields);
        }
    }
    replace_lone_surrogates(bytes);
    let bytes: &[u8] = bytes;
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = skipped + e.valid_up_to();
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(Bad {
                id: id_before_text(bytes),
                reason: format!("not UTF-8: byte 0x{byte:02x} at column {}", at + 1),
            });
        }
    };
    if text.trim().is_empty() {
        return Err(Bad {
            id: None,
            reason: "empty line, expected a JSON object".to_string(),
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| Bad {
        id: id_before_text(bytes),
        reason: format!("not JSON: {}", json_error(&e, skipped)),
    })?;
    let Value::Object(mut fields) = value else {
        return Err(Bad {
            id: None,
            reason: format!("not a JSON object: {}", quote(text)),
        });
    };
    request(Fields {
        id: fields.remove("id"),
        text: fields.remove("text"),
        date: fields.remove("date"),
    })
}

/// The members of a line that is one flat object, `{"key": "string" or null, ...}` with
/// JSON whitespace anywhere between tokens and no escape but the two-byte ones (`\n`,
/// `\"`...; not `\u`), read with strings scanned sixteen bytes at a time; `None` for
/// anything else (a number, a nested value, a `\u` escape, a syntax error), which
/// serde_json then reads, with every error its own. What it gives is what
/// `serde_json::from_str` gives: a later duplicate key replaces the value of an earlier
/// one, as `Map::insert` does for serde_json. (With no `\u` escape, the line had no lone
/// surrogate to rewrite either.)
pub fn flat_object(text: &str) -> Option<Map<String, Value>> {
    let mut fields = Map::new();
    flat_members(text, |key, value| {
        fields.insert(key.into_owned(), value);
    })?;
    Some(fields)
}

/// The walk of [`flat_object`]: gives `member` each key and value in turn (a key without
/// escapes borrowed from the line), and `None` where [`flat_object`] gives none (some
/// members may have been given by then).
fn flat_members<'t>(text: &'t str, mut member: impl FnMut(Cow<'t, str>, Value)) -> Option<()> {
    let bytes = text.as_bytes();
    let mut pos = skip_space(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos = skip_space(bytes, pos + 1);
    if bytes.get(pos) != Some(&b'}') {
        loop {
            if bytes.get(pos) != Some(&b'"') {
                return None;
            }
            let (key, end) = flat_string(text, pos + 1)?;
            pos = skip_space(bytes, end);
            if bytes.get(pos) != Some(&b':') {
                return None;
            }
            pos = skip_space(bytes, pos + 1);
            let (value, end) = match bytes.get(pos)? {
                b'"' => flat_string(text, pos + 1)
                    .map(|(s, end)| (Value::String(s.into_owned()), end))?,
                b'n' if bytes.get(pos..pos + 4) == Some(b"null") => (Value::Null, pos + 4),
                _ => return None,
            };
            member(key, value);
            pos = skip_space(bytes, end);
            match bytes.get(pos)? {
                b',' => pos = skip_space(bytes, pos + 1),
                b'}' => break,
                _ => return None,
            }
        }
    }
    (skip_space(bytes, pos + 1) == bytes.len()).then_some(())
}

/// The JSON string whose contents start at `start` (after its opening quote), and the
/// position after its closing quote (borrowed when it has no escape); `None` if it holds a
/// `\u` escape, a bad escape or a control char, or has no end.
fn flat_string(text: &str, start: usize) -> Option<(Cow<'_, str>, usize)> {
    let bytes = text.as_bytes();
    let mut at = next_special(bytes, start)?;
    if bytes.get(at) == Some(&b'"') {
        return Some((Cow::Borrowed(text.get(start..at)?), at + 1));
    }
    // what is left of the line bounds the string, which its escapes only shorten: one
    // allocation
    let mut out = text_buffer(bytes.len() - start);
    let mut run = start;
    loop {
        // every special byte is ASCII, so `run..at` lies on char boundaries
        out.push_str(text.get(run..at)?);
        match bytes.get(at)? {
            b'"' => return Some((Cow::Owned(out), at + 1)),
            b'\\' => {
                // a table, not a `match` (a jump table: an indirect branch the text's mix
                // of `\n` and `\"` mispredicted 12.8 k times over the batch profile)
                let unescaped = UNESCAPE[usize::from(*bytes.get(at + 1)?)];
                if unescaped == 0 {
                    return None;
                }
                out.push(char::from(unescaped));
                run = at + 2;
                // escapes often come in twos (`\r\n`): the next one needs no search
                at = if bytes.get(run) == Some(&b'\\') {
                    run
                } else {
                    next_special(bytes, run)?
                };
            }
            // a control char, which serde_json refuses raw
            _ => return None,
        }
    }
}

/// For each byte after a backslash, what its two-byte escape stands for; 0 for any other
/// byte (`u` among them: a line with a `\u` escape is left to serde_json).
static UNESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'/' as usize] = b'/';
    table[b'b' as usize] = 0x08;
    table[b'f' as usize] = 0x0C;
    table[b'n' as usize] = b'\n';
    table[b'r' as usize] = b'\r';
    table[b't' as usize] = b'\t';
    table
};

/// Where the first byte at or after `from` that a JSON string cannot hold raw (`"`, `\\`,
/// a control char) is, read sixteen bytes at a time.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut pairs = rest.chunks_exact(16);
    let mut at = from;
    for pair in &mut pairs {
        let pair = <[u8; 16]>::try_from(pair).unwrap_or_default();
        // tested at once: `is_special` as a zero test of one minimum, kept by the compiler
        // in vector registers (nine vector instructions and one mask test; `is_special`'s
        // three tests make three masks); where the sixteen hold one, the bit trick below
        // finds which
        let special = |b: u8| (b ^ b'"').min(b ^ b'\\').min(b.saturating_sub(0x1F)) == 0;
        if !any_of(&pair, special) {
            at += 16;
            continue;
        }
        let both = u128::from_le_bytes(pair);
        let bits =
            u128::from(specials(both as u64)) | (u128::from(specials((both >> 64) as u64)) << 64);
        // the lowest bit set of the two words together: a move on a condition, not a branch
        return Some(at + (bits.trailing_zeros() / 8) as usize);
    }
    let i = pairs.remainder().iter().position(|&b| is_special(b))?;
    Some(at + i)
}

/// True if a byte of `block` passes `test`: a fold with `|` and no early exit over a
/// fixed-size array, which the compiler makes vector instructions and one mask test for
/// each sixteen bytes.
#[inline(always)]
fn any_of<const N: usize>(block: &[u8; N], test: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(false, |any, &b| any | test(b))
}

/// True for a byte a JSON string cannot hold raw: a control char, `"` or `\\`.
#[inline(always)]
fn is_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Of eight bytes read little-endian, the high bit of each byte below 0x20 or equal to `"`
/// or `\\`, and maybe of bytes above the first such (a borrow carries only upwards), so that
/// the lowest bit set is exact.
#[inline]
fn specials(w: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    ((w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES)
        | (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES)
        | w.wrapping_sub(ONES * 0x20))
        & !w
        & (ONES << 7)
}

/// The members of a line that make a request: of each key, the last value.
#[derive(Default)]
struct Fields {
    id: Option<Value>,
    text: Option<Value>,
    date: Option<Value>,
}

impl Fields {
    /// Keeps the value of a member the request reads, over any earlier one of that key.
    fn take(&mut self, key: &str, value: Value) {
        match key {
            "id" => self.id = Some(value),
            "text" => self.text = Some(value),
            "date" => self.date = Some(value),
            _ => {}
        }
    }
}

/// The request of a JSON object line's fields.
fn request(fields: Fields) -> Result<Request, Bad> {
    let Some(id) = fields.id else {
        return Err(Bad {
            id: None,
            reason: "no \"id\" field".to_string(),
        });
    };
    let fail = |reason: String| Bad {
        id: Some(id.clone()),
        reason,
    };
    let text = match fields.text {
        Some(Value::String(t)) => t,
        Some(other) => {
            return Err(fail(format!(
                "\"text\" must be a string, got {}",
                quote(&other.to_string())
            )))
        }
        None => return Err(fail("no \"text\" field".to_string())),
    };
    let date = match fields.date {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) => Some(
            parse_date(&d)
                .map_err(|e| fail(format!("\"date\" {}: {e}", quote(&format!("{d:?}")))))?,
        ),
        Some(other) => {
            return Err(fail(format!(
                "\"date\" must be a string, got {}",
                quote(&other.to_string())
            )))
        }
    };
    Ok(Request { id, text, date })
}

/// A `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    if let Some(date) = iso_date(s) {
        return Ok(date);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("not a date YYYY-MM-DD ({e})"))
}

/// A date of exactly ten bytes, four digits, `-`, two, `-`, two, that is a day: read by
/// hand, where chrono's `%Y-%m-%d` reads the same date from it at some 1,200 instructions
/// (its parser); `None` for anything else, which chrono reads with every error its own.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = <[u8; 10]>::try_from(s.as_bytes()).ok()?
    else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m1, m2])?, number(&[d1, d2])?)
}

/// A serde_json error without its "at line 1 column N" (a line is one JSON line), with the
/// column in the input line instead.
fn json_error(e: &serde_json::Error, skipped: usize) -> String {
    let full = e.to_string();
    let what = match full.rsplit_once(" at line ") {
        Some((what, _)) => what.to_string(),
        None => full,
    };
    if e.line() == 0 {
        what
    } else {
        format!("{what} at column {}", e.column() + skipped)
    }
}

/// At most [`QUOTED`] chars of `s`, with an ellipsis if cut; control chars escaped.
pub fn quote(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(QUOTED)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if s.chars().nth(QUOTED).is_some() {
        out.push('…');
    }
    out
}

/// Rewrites each lone UTF-16 surrogate escape (`\ud800` without its pair, which Python's
/// `json.dumps` writes for some broken text and serde_json refuses) as `\ufffd`, the
/// replacement character, in place: same length, so offsets do not move. Escaped
/// backslashes (`\\ud800`) are left alone. Returns how many were replaced.
pub fn replace_lone_surrogates(bytes: &mut [u8]) -> usize {
    let mut replaced = 0;
    let mut i = 0;
    while let Some(pos) = bytes.get(i..).and_then(|r| find_byte(r, b'\\')) {
        i += pos;
        let unit = |at: usize, bytes: &[u8]| -> Option<u16> {
            if bytes.get(at) != Some(&b'\\') || bytes.get(at + 1) != Some(&b'u') {
                return None;
            }
            let hex = std::str::from_utf8(bytes.get(at + 2..at + 6)?).ok()?;
            u16::from_str_radix(hex, 16).ok()
        };
        match unit(i, bytes) {
            Some(u) if (0xD800..0xDC00).contains(&u) => {
                match unit(i + 6, bytes) {
                    // a pair: both escapes are kept
                    Some(low) if (0xDC00..0xE000).contains(&low) => i += 12,
                    _ => {
                        write_fffd(bytes, i);
                        replaced += 1;
                        i += 6;
                    }
                }
            }
            Some(u) if (0xDC00..0xE000).contains(&u) => {
                write_fffd(bytes, i);
                replaced += 1;
                i += 6;
            }
            Some(_) => i += 6,
            // any other escape is two bytes: `\\`, `\"`, `\n`...
            None => i += 2,
        }
    }
    replaced
}

fn write_fffd(bytes: &mut [u8], at: usize) {
    if let Some(hex) = bytes.get_mut(at + 2..at + 6) {
        hex.copy_from_slice(b"fffd");
    }
}

/// The `"id"` of a line that cannot be parsed whole (cut, not UTF-8, not JSON), if the
/// object's members up to it can be read: `{"id": 7, "text": "...` gives 7, a line whose
/// text comes first and is cut before the id gives none.
pub fn id_before_text(bytes: &[u8]) -> Option<Value> {
    let mut pos = skip_space(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos += 1;
    loop {
        pos = skip_space(bytes, pos);
        let (key, used) = one::<String>(bytes.get(pos..)?)?;
        pos = skip_space(bytes, pos + used);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos += 1;
        if key == "id" {
            return one::<Value>(bytes.get(pos..)?).map(|(v, _)| v);
        }
        let (IgnoredAny, used) = one::<IgnoredAny>(bytes.get(pos..)?)?;
        pos = skip_space(bytes, pos + used);
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos += 1;
    }
}

/// One JSON value at the start of `bytes`, and the bytes it took.
fn one<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<(T, usize)> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    let v = values.next()?.ok()?;
    Some((v, values.byte_offset()))
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while bytes
        .get(pos)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_read_by_hand_is_chronos() {
        for s in [
            "2016-08-16",
            "0000-01-01",
            "9999-12-31",
            "2016-02-29",
            "2015-02-29",
            "2016-00-10",
            "2016-13-01",
            "2016-04-31",
            "2016-04-00",
            "2016/04/01",
            "2016-4-01",
            "20160-4-01",
            "+016-04-01",
            "2016-04-0a",
            "2016-04-01 ",
            "２016-04-01",
        ] {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            assert!(iso_date(s).is_none() || iso_date(s) == chrono, "{s}");
            assert_eq!(parse_date(s).ok(), chrono, "{s}");
        }
        assert!(iso_date("2016-08-16").is_some());
        assert!(iso_date("2015-02-29").is_none());
    }

    #[test]
    fn the_block_searches_find_the_first_byte_a_byte_loop_finds() {
        // every byte value, at every place in and across the blocks, after filler bytes
        // just around the ones searched for
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 47, 64, 65, 100] {
            for at in 0..=len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    if let Some(x) = bytes.get_mut(at) {
                        *x = b;
                    }
                    if let Some(x) = bytes.get_mut(at + 3) {
                        *x = b'\\';
                    }
                    let newline = bytes.iter().position(|&c| c == b'\n');
                    assert_eq!(find_byte(&bytes, b'\n'), newline, "{len} {at} {b}");
                    let special = |from: usize| {
                        let rest = bytes.get(from..)?;
                        let i = rest
                            .iter()
                            .position(|&c| json_out::ESCAPE[usize::from(c)] != 0);
                        i.map(|i| from + i)
                    };
                    for from in [0, 1, at.saturating_sub(1), at] {
                        assert_eq!(next_special(&bytes, from), special(from), "{len} {at} {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn each_two_byte_escape_is_read_as_serde_json_reads_it() {
        for b in 0..=255u8 {
            let line = format!("\"a\\{}b\"", char::from(b));
            let ours = flat_string(&line, 1).map(|(s, _)| s.into_owned());
            let theirs = serde_json::from_str::<String>(&line).ok();
            match ours {
                Some(s) => assert_eq!(Some(s), theirs, "{b}"),
                // not read here: `\u`, which serde_json reads (here without its digits it
                // fails there too), or no escape at all
                None => assert!(b == b'u' || theirs.is_none(), "{b}"),
            }
        }
    }

    #[test]
    fn a_flat_line_gives_the_request_serde_json_gives() {
        let lines = [
            r#"{"id": "a", "text": "x\ny", "date": "2016-01-02", "id": "7", "more": null}"#,
            r#"{"text": "t", "date": null, "text": "u", "i\"d": "b", "id": "c"}"#,
            r#"{"text": "t", "date": "2016-02-30", "id": "d"}"#,
            r#"{"text": null, "id": "e"}"#,
            r#"{"text": "t"}"#,
        ];
        for line in lines {
            let mut fields = Fields::default();
            assert!(flat_members(line, |key, value| fields.take(&key, value)).is_some());
            let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(line) else {
                panic!("{line}");
            };
            let slow = request(Fields {
                id: map.remove("id"),
                text: map.remove("text"),
                date: map.remove("date"),
            });
            assert_eq!(request(fields), slow, "{line}");
        }
    }
}
