//! A compact JSON writer for serde whose output is byte-identical to
//! `serde_json::to_string`, at a lower cost on the batch mode's output lines, whose strings
//! are mostly a few bytes long (61% have six bytes or fewer, 99% sixteen or fewer): a string
//! of up to sixteen bytes is read as one or two words, checked for bytes to escape eight at a
//! time and written as one or two eight-byte stores cut to length, a longer one is checked
//! eight bytes at a time and copied whole when nothing in it needs an escape; a struct's
//! field name or an enum's variant name takes a path inlined where the name is a constant,
//! so that its check and words fold away; an integer of up to eight digits is made in one
//! word too, its digits all at once. The output is a `Vec<u8>` checked as UTF-8 once at the end.
//!
//! It writes what serde_json writes for every value it accepts: the same escapes (`\"`,
//! `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, any other control char as `\u00xx` in lowercase
//! hex, everything else raw, U+2028 included), integers in decimal, floats by serde_json
//! itself, `null` for `None` and unit, enums tagged as serde_json tags them. What it does not
//! take (a map key that is not a string, a byte string, a 128-bit integer, an error raised
//! by a `Serialize` impl) is an [`Unsupported`] error: [`to_string`] then writes the value
//! with serde_json, so its output never differs from serde_json's.

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

/// The value as compact JSON, as `serde_json::to_string` writes it (and its error when
/// serde_json cannot write it either), written in `capacity` bytes reserved at first.
pub fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> serde_json::Result<String> {
    let mut out = Writer {
        out: Vec::with_capacity(capacity),
    };
    if value.serialize(&mut out).is_ok() {
        if let Ok(text) = String::from_utf8(out.out) {
            return Ok(text);
        }
    }
    serde_json::to_string(value)
}

/// [`to_string`]'s bytes, without its UTF-8 check (about half an instruction a byte of
/// output, 2.1 M over the batch profile's 4.5 MB): the [`Writer`] puts in only whole
/// `&str`s and ASCII bytes, so they are UTF-8 as made (the tests read them as a `String`);
/// serde_json's own bytes for what the writer does not take.
pub fn to_vec<T: Serialize + ?Sized>(value: &T, capacity: usize) -> serde_json::Result<Vec<u8>> {
    to_vec_in(value, Vec::with_capacity(capacity))
}

/// [`to_vec`] into `buf`, emptied first: a buffer used before, whose allocation is reused.
pub fn to_vec_in<T: Serialize + ?Sized>(
    value: &T,
    mut buf: Vec<u8>,
) -> serde_json::Result<Vec<u8>> {
    buf.clear();
    let mut out = Writer { out: buf };
    if value.serialize(&mut out).is_ok() {
        debug_assert!(std::str::from_utf8(&out.out).is_ok());
        return Ok(out.out);
    }
    serde_json::to_vec(value)
}

/// Why [`Writer`] gave up on a value: one serde_json writes (or refuses) its own way, with
/// its own message, so this one names only the kind of value. A constant: the `Result` of
/// each of the writer's calls is then two words returned in registers, not a `String` the
/// caller checks in memory and must drop (0.5 M over the batch profile).
#[derive(Debug)]
pub struct Unsupported(&'static str);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is left to serde_json", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported("an error of a Serialize impl")
    }
}

fn unsupported<T>(what: &'static str) -> Result<T, Unsupported> {
    Err(Unsupported(what))
}

/// The serde `Serializer` that writes compact JSON. Only whole UTF-8 strings and ASCII go
/// into `out`, so it is UTF-8 (and [`to_string`] checks it).
pub struct Writer {
    pub out: Vec<u8>,
}

/// For each byte, its escape as serde_json writes it: 0 for none, `u` for `\u00xx`, else
/// the letter after the backslash. (Nonzero for exactly the bytes a JSON string cannot hold
/// raw: the batch mode's line reader finds its strings' ends by it.)
pub static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Eight bytes, each `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// True if one of the eight bytes of `word` is a control char, `"` or `\`. Each test is
/// exact as a whole (a byte below `n`, for `n <= 0x80`, sets the high bit of the
/// difference only when some byte is below `n`).
#[inline]
fn needs_escape(word: u64) -> bool {
    let below = |w: u64, n: u8| w.wrapping_sub(splat(n)) & !w & splat(0x80);
    (below(word, 0x20) | below(word ^ splat(b'"'), 1) | below(word ^ splat(b'\\'), 1)) != 0
}

/// True if no byte of `bytes` needs an escape, read eight bytes at a time: the last word
/// is the last eight bytes (some read twice), or for a string shorter than eight its bytes
/// after spaces.
fn is_clean(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        if needs_escape(load(word)) {
            return false;
        }
    }
    if words.remainder().is_empty() {
        return true;
    }
    let last = match bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
    {
        Some(tail) => load(tail),
        None => bytes
            .iter()
            .fold(splat(b' '), |word, &b| (word << 8) | u64::from(b)),
    };
    !needs_escape(last)
}

/// Eight bytes as a word; anything else as a word that needs an escape.
#[inline]
fn load(bytes: &[u8]) -> u64 {
    <[u8; 8]>::try_from(bytes).map_or(0, u64::from_ne_bytes)
}

/// `s` as a JSON string, quotes included. A string of up to sixteen bytes (99% of the
/// batch output's strings) is read and written as one or two words, with no call to copy
/// it.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    if !write_in_words(out, s.as_bytes()) {
        write_long_or_escaped(out, s.as_bytes());
    }
}

/// A string [`write_in_words`] does not take (over sixteen bytes, or with escapes): apart,
/// so that the short strings' path saves few registers.
#[inline(never)]
fn write_long_or_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    if bytes.len() > 16 && is_clean(bytes) {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    out.push(b'"');
    write_escaped(out, bytes);
    out.push(b'"');
}

/// A name the code knows (an enum's variant) as a JSON string: for a name of up to
/// fourteen bytes with nothing to escape, its sixteen bytes between quotes are made at once
/// (constants, where the call is inlined) and written as one copy cut to length; any other
/// as [`write_str`] writes it.
#[inline(always)]
fn write_name(out: &mut Vec<u8>, name: &str) {
    let bytes = name.as_bytes();
    let n = bytes.len();
    if n <= 14 && is_clean_short(bytes) {
        // the quote after the name is already there
        let mut quoted = [b'"'; 16];
        if let Some(room) = quoted.get_mut(1..1 + n) {
            room.copy_from_slice(bytes);
        }
        write_cut(out, &quoted, n + 2);
        return;
    }
    write_str(out, name);
}

/// The first `len` bytes of `bytes`: all of them copied, the rest cut off.
#[inline(always)]
fn write_cut(out: &mut Vec<u8>, bytes: &[u8], len: usize) {
    let end = out.len() + len;
    out.extend_from_slice(bytes);
    out.truncate(end);
}

/// A struct's field name the code knows, with the byte before it (`{` or `,`) and the colon
/// after it: for a name of up to twelve bytes with nothing to escape, `,"name":` is sixteen
/// bytes made at once (constants but for the first byte, where the call is inlined) and
/// written as one copy cut to length.
#[inline(always)]
fn write_key(out: &mut Vec<u8>, separator: u8, name: &str) {
    let bytes = name.as_bytes();
    let n = bytes.len();
    if n <= 12 && is_clean_short(bytes) {
        let mut key = [0u8; 16];
        key[0] = separator;
        key[1] = b'"';
        if let Some(room) = key.get_mut(2..2 + n) {
            room.copy_from_slice(bytes);
        }
        key[2 + n] = b'"';
        key[3 + n] = b':';
        write_cut(out, &key, n + 4);
        return;
    }
    out.push(separator);
    write_str(out, name);
    out.push(b':');
}

/// True if no byte of `bytes`, at most sixteen of them, needs an escape: as
/// [`write_in_words`] checks them, so that for a name the code knows it folds away.
#[inline(always)]
fn is_clean_short(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return !needs_escape(small_word(bytes) | (splat(b' ') << (8 * n)));
    }
    let first = load(bytes.get(..8).unwrap_or_default());
    let last = load(bytes.get(n.saturating_sub(8)..).unwrap_or_default());
    !needs_escape(first) && !needs_escape(last)
}

/// Writes a string of up to sixteen bytes with its quotes, if none of its bytes needs an
/// escape, as one copy of sixteen or twenty-four bytes cut to length, made from one or two
/// words read from it; false (and nothing written) otherwise.
#[inline(always)]
fn write_in_words(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        let data = small_word(bytes);
        // spaces above the string's bytes: they need no escape
        if needs_escape(data | (splat(b' ') << (8 * n))) {
            return false;
        }
        // an opening quote, the string's bytes and quotes above them: the closing quote is
        // the byte after the string, in the first word or (for seven bytes) the second
        let first = ((data | (splat(b'"') << (8 * n))) << 8) | u64::from(b'"');
        let quoted = u128::from(first) | (u128::from(splat(b'"')) << 64);
        write_cut(out, &quoted.to_le_bytes(), n + 2);
        return true;
    }
    if n > 16 {
        return false;
    }
    let first = load(bytes.get(..8).unwrap_or_default());
    let last = load(bytes.get(n - 8..).unwrap_or_default());
    if needs_escape(first) || needs_escape(last) {
        return false;
    }
    // the last word overwrites what the first put past the string's first n - 8 bytes; the
    // closing quote, after both, is already there
    let mut quoted = [b'"'; 24];
    if let Some(at) = quoted.get_mut(1..9) {
        at.copy_from_slice(&first.to_ne_bytes());
    }
    if let Some(at) = quoted.get_mut(n - 7..n + 1) {
        at.copy_from_slice(&last.to_ne_bytes());
    }
    write_cut(out, &quoted, n + 2);
    true
}

/// The bytes of a string shorter than eight as a little-endian word, zeros above: from two
/// four-byte reads that overlap (on the same bytes) when it has four or more, else from its
/// first, middle and last bytes (the same byte twice or three times, in the same place, for
/// one or two bytes), with no loop.
#[inline]
fn small_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match (
        bytes.get(..4),
        n.checked_sub(4).and_then(|from| bytes.get(from..)),
    ) {
        (Some(head), Some(tail)) => {
            u64::from(load4(head)) | (u64::from(load4(tail)) << (8 * (n - 4)))
        }
        _ => match (bytes.first(), bytes.get(n / 2), bytes.last()) {
            (Some(&first), Some(&middle), Some(&last)) => {
                u64::from(first)
                    | (u64::from(middle) << (8 * (n / 2)))
                    | (u64::from(last) << (8 * n - 8))
            }
            _ => 0,
        },
    }
}

#[inline]
fn load4(bytes: &[u8]) -> u32 {
    <[u8; 4]>::try_from(bytes).map_or(0, u32::from_le_bytes)
}

/// The contents of a string with escapes: the runs between escaped bytes copied whole.
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape != 0 {
            out.extend_from_slice(bytes.get(start..at).unwrap_or_default());
            write_escape(out, b, escape);
            start = at + 1;
        }
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
}

fn write_escape(out: &mut Vec<u8>, b: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(b"\\u00");
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 0xF)]);
    } else {
        out.push(b'\\');
        out.push(escape);
    }
}

/// `v` in decimal, `-` first if `negative`: a number of up to four digits (all the batch
/// output's numbers) made in one word, written whole and cut to length; any other by
/// [`write_other_int`].
#[inline]
fn write_int(out: &mut Vec<u8>, negative: bool, v: u64) {
    if negative || v >= 10_000 {
        write_other_int(out, negative, v);
        return;
    }
    let digits = four_digits(v);
    // the leading zeros are the lowest bytes, zero bytes until the ASCII is added: shifted
    // out, but for the last digit (of 0)
    let zeros = (digits.trailing_zeros() / 8).min(3);
    let word = (digits + 0x3030_3030) >> (8 * zeros);
    write_cut(out, &word.to_le_bytes(), 4 - zeros as usize);
}

/// `v` in decimal, `-` first if `negative`: up to eight digits made in one word as
/// [`write_int`] makes four, more from the last digit back.
#[inline(never)]
fn write_other_int(out: &mut Vec<u8>, negative: bool, v: u64) {
    if negative {
        out.push(b'-');
    }
    if v < 10_000 {
        write_int(out, false, v);
        return;
    }
    if v >= 100_000_000 {
        write_long_int(out, v);
        return;
    }
    let digits = eight_digits(v);
    let zeros = (digits.trailing_zeros() / 8).min(7);
    let word = (digits + 0x3030_3030_3030_3030) >> (8 * zeros);
    write_cut(out, &word.to_le_bytes(), 8 - zeros as usize);
}

/// The four decimal digits of `v < 10_000` (values 0 to 9, not ASCII), leading zeros
/// included, as a little-endian word (the first digit in the lowest byte): as
/// [`eight_digits`] makes each half (`v / 100` is `v * 5_243 >> 19` there, exact below
/// 43,699).
fn four_digits(v: u64) -> u32 {
    let high = (v * 5_243) >> 19;
    let pairs = ((v - high * 100) << 16) | high;
    let tens = ((pairs * 103) >> 10) & 0x000F_000F;
    let ones = pairs - tens * 10;
    // below 2^32: four bytes of digits
    (tens | (ones << 8)) as u32
}

/// The eight decimal digits of `v < 100_000_000` (values 0 to 9, not ASCII), leading zeros
/// included, as a little-endian word (the first digit in the lowest byte), all made at
/// once: `v` split into two halves of four digits in 32-bit lanes, each into two pairs in
/// 16-bit lanes, each into two digits in bytes. A division by 100 of a lane below 10,000 is
/// `* 10_486 >> 20`, by 10 of one below 100 is `* 103 >> 10` (exact there: all 10^8 values
/// were checked against `format!` once; the mask drops what the shift brings down from the
/// lane above).
fn eight_digits(v: u64) -> u64 {
    let halves = (v / 10_000) | ((v % 10_000) << 32);
    let high_pairs = ((halves * 10_486) >> 20) & ((0x7F << 32) | 0x7F);
    let pairs = ((halves - high_pairs * 100) << 16) | high_pairs;
    let tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
    let ones = pairs - tens * 10;
    tens | (ones << 8)
}

/// `v` in decimal, made from its last digit back in a buffer.
fn write_long_int(out: &mut Vec<u8>, mut v: u64) {
    // u64::MAX has 20 digits
    let mut digits = [0u8; 20];
    let mut from = digits.len();
    for d in digits.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
        from -= 1;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(from..).unwrap_or_default());
}

/// A float as serde_json writes it (`null` if not finite).
fn write_float<F: Serialize>(out: &mut Vec<u8>, v: F) -> Result<(), Unsupported> {
    serde_json::to_writer(out, &v).map_err(|_| Unsupported("a float serde_json refused"))
}

impl Writer {
    /// `{"variant":` before a variant's content; the caller writes the content and `}`.
    fn open_variant(&mut self, variant: &str) {
        write_key(&mut self.out, b'{', variant);
    }
}

/// A `fmt::Write` that appends to the output, for `collect_str`: lighter than the
/// `io::Write` adapter of a `Vec`.
struct Appended<'a>(&'a mut Vec<u8>);

impl fmt::Write for Appended<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }

    /// An ASCII char (a date's `-`) as one byte, not through `write_str`.
    fn write_char(&mut self, c: char) -> fmt::Result {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => self.0.push(b),
            _ => self
                .0
                .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
        Ok(())
    }
}

/// An array, object or tagged variant being written: whether the next element is the
/// first, what opens and closes it, and whether it is a variant's content (then a `}`
/// closes the variant too). The opening bracket is written with the first element, as the
/// byte before it where the others have a comma (so that a field's `,"name":` is one
/// write), or by [`Compound::close`] when there is none.
pub struct Compound<'w> {
    writer: &'w mut Writer,
    first: bool,
    open: u8,
    close: u8,
    in_variant: bool,
}

impl<'w> Compound<'w> {
    fn open(writer: &'w mut Writer, open: u8, close: u8, in_variant: bool) -> Self {
        Compound {
            writer,
            first: true,
            open,
            close,
            in_variant,
        }
    }

    /// The byte before the next element: the opening bracket before the first, else a comma.
    #[inline(always)]
    fn separator(&mut self) -> u8 {
        let separator = if self.first { self.open } else { b',' };
        self.first = false;
        separator
    }

    #[inline(always)]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let separator = self.separator();
        self.writer.out.push(separator);
        value.serialize(&mut *self.writer)
    }

    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unsupported> {
        let separator = self.separator();
        write_key(&mut self.writer.out, separator, key);
        value.serialize(&mut *self.writer)
    }

    /// Inlined, so that where the caller knows whether anything was written and what closes
    /// it (a struct's fields, a span's two numbers), only the closing byte's write is left
    /// (it was a call of 26 instructions, 39,229 of them over the batch profile).
    #[inline(always)]
    fn close(self) -> Result<(), Unsupported> {
        let out = &mut self.writer.out;
        if self.first {
            out.push(self.open);
        }
        out.push(self.close);
        if self.in_variant {
            out.push(b'}');
        }
        Ok(())
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        let text: &[u8] = if v { b"true" } else { b"false" };
        self.out.extend_from_slice(text);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        write_int(&mut self.out, v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        write_int(&mut self.out, false, v);
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Unsupported> {
        unsupported("an i128")
    }
    fn serialize_u128(self, _: u128) -> Result<(), Unsupported> {
        unsupported("a u128")
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        write_float(&mut self.out, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        write_float(&mut self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("a byte string")
    }
    /// Written in place, then escaped if it needs it (a date, a number).
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        let start = self.out.len() + 1;
        self.out.push(b'"');
        fmt::write(&mut Appended(&mut self.out), format_args!("{value}"))
            .map_err(|_| Unsupported("an error of a Display impl"))?;
        let written = self.out.get(start..).unwrap_or_default();
        if written.iter().any(|&b| ESCAPE[usize::from(b)] != 0) {
            let text = self.out.split_off(start);
            write_escaped(&mut self.out, &text);
        }
        self.out.push(b'"');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    #[inline(always)]
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        write_name(&mut self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w>, Unsupported> {
        Ok(Compound::open(self, b'[', b']', false))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'w>, Unsupported> {
        Ok(Compound::open(self, b'[', b']', false))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, Unsupported> {
        Ok(Compound::open(self, b'[', b']', false))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, Unsupported> {
        self.open_variant(variant);
        Ok(Compound::open(self, b'[', b']', true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w>, Unsupported> {
        Ok(Compound::open(self, b'{', b'}', false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w>, Unsupported> {
        Ok(Compound::open(self, b'{', b'}', false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, Unsupported> {
        self.open_variant(variant);
        Ok(Compound::open(self, b'{', b'}', true))
    }
}

/// The four serde traits of a JSON array (a sequence, a tuple, a tuple struct, a tuple
/// variant's fields): each element written by [`Compound::element`].
macro_rules! array_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;
            #[inline(always)]
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.element(value)
            }
            #[inline(always)]
            fn end(self) -> Result<(), Unsupported> {
                self.close()
            }
        }
    )*};
}

array_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        let separator = self.separator();
        self.writer.out.push(separator);
        key.serialize(KeyWriter {
            out: &mut self.writer.out,
        })?;
        self.writer.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.writer)
    }
    #[inline(always)]
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    #[inline(always)]
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    #[inline(always)]
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

/// A map key: a string, a char, a unit variant or a newtype around one of them. Any other
/// key is [`Unsupported`] (serde_json quotes numbers and booleans, refuses the rest).
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

type Never = Impossible<(), Unsupported>;

/// The key writer's refusals of a map key that is a plain value: serde_json quotes numbers
/// and booleans and refuses the rest, and a line with any of them is left to serde_json.
macro_rules! refuse_keys {
    ($($method:ident : $ty:ty),*) => {$(
        fn $method(self, _: $ty) -> Result<(), Unsupported> {
            unsupported("a key")
        }
    )*};
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Never;
    type SerializeTuple = Never;
    type SerializeTupleStruct = Never;
    type SerializeTupleVariant = Never;
    type SerializeMap = Never;
    type SerializeStruct = Never;
    type SerializeStructVariant = Never;

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    refuse_keys!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_bytes: &[u8]
    );
    fn serialize_none(self) -> Result<(), Unsupported> {
        unsupported("a key")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unsupported> {
        unsupported("a key")
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        unsupported("a key")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        unsupported("a key")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("a key")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_tuple(self, _: usize) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Never, Unsupported> {
        unsupported("a key")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Field names of every length around the twelve bytes [`write_key`] writes at once,
    /// with escapes at its edges.
    #[derive(serde::Serialize)]
    struct Keys {
        #[serde(rename = "")]
        k0: u8,
        #[serde(rename = "a")]
        k1: u8,
        #[serde(rename = "abcd")]
        k4: u8,
        #[serde(rename = "abcdefgh")]
        k8: u8,
        #[serde(rename = "abcdefghijk")]
        k11: u8,
        #[serde(rename = "abcdefghijkl")]
        k12: u8,
        #[serde(rename = "abcdefghijklm")]
        k13: u8,
        #[serde(rename = "abcdefghijk\\")]
        backslash12: u8,
        #[serde(rename = "\"")]
        quote: u8,
        #[serde(rename = "abc\u{1}")]
        control: u8,
        #[serde(rename = "é€")]
        utf8: u8,
    }

    #[derive(serde::Serialize)]
    struct Empty {}

    #[derive(serde::Serialize)]
    enum Variants {
        #[serde(rename = "abcdefghijklmn")]
        Fourteen,
        #[serde(rename = "abcdefghijklmno")]
        Fifteen,
        #[serde(rename = "abcdefghijklm\"")]
        QuoteLast,
        Empty {},
        Tuple(),
        Struct {
            #[serde(rename = "abcdefghijkl")]
            a: Empty,
            b: Vec<u8>,
        },
    }

    fn same<T: Serialize>(value: &T) {
        assert_eq!(to_string(value, 0).ok(), serde_json::to_string(value).ok());
        assert_eq!(to_vec(value, 0).ok(), serde_json::to_vec(value).ok());
    }

    #[test]
    fn keys_and_names_of_every_length_are_serde_jsons() {
        let keys = Keys {
            k0: 0,
            k1: 1,
            k4: 4,
            k8: 8,
            k11: 11,
            k12: 12,
            k13: 13,
            backslash12: 12,
            quote: 1,
            control: 4,
            utf8: 5,
        };
        same(&keys);
        same(&(Empty {}, [Empty {}], Vec::<Empty>::new()));
        same(&[
            Variants::Fourteen,
            Variants::Fifteen,
            Variants::QuoteLast,
            Variants::Empty {},
            Variants::Tuple(),
            Variants::Struct {
                a: Empty {},
                b: vec![],
            },
        ]);
    }

    #[test]
    fn small_words_are_the_bytes_in_order() {
        let text = b"\x01\xffabc\"\\";
        for start in 0..text.len() {
            for end in start..text.len().min(start + 7) + 1 {
                let bytes = &text[start..end];
                let expected = bytes
                    .iter()
                    .rev()
                    .fold(0, |word, &b| (word << 8) | u64::from(b));
                assert_eq!(small_word(bytes), expected, "{bytes:?}");
            }
        }
        for s in [
            "", "a", "ab", "abc", "abcd", "abcdefg", "ab\"", "\u{1}", "é", "aé€",
        ] {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap_or_default(), "{s:?}");
        }
    }

    #[test]
    fn four_digits_are_the_decimal_digits() {
        for v in 0..10_000u64 {
            let digits: Vec<u8> = four_digits(v)
                .to_le_bytes()
                .iter()
                .map(|d| d + b'0')
                .collect();
            assert_eq!(digits, format!("{v:04}").into_bytes());
        }
    }
}
