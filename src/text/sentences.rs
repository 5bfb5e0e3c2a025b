//! Sentence segmentation, the trailing teaser, the headline, the dateline and clauses.
//!
//! One pass over the bytes ([`Marks`], 32 at a time) cuts the text into trimmed lines grouped
//! in paragraphs and notes where its `.`, `!` and `?` are; each run of prose lines is then cut
//! at those offsets, without reading its bytes again. The abbreviation check runs only at a
//! `.` that is followed by white space and a capital, or glued to a capitalised word
//! ("market.Witnesses", scraped text that lost its space), so the cost is a byte scan plus a
//! little per line and per sentence end.

use super::furniture::{
    ends_with_sentence_punct, is_closer, is_furniture_trimmed_line, is_teaser_candidate,
    last_significant, trim_bounds, word_count,
};
use super::scan::{Marks, WIDE};
use super::{Part, Segmented, Sentence};
use crate::span::Span;
use std::cell::{Cell, RefCell};

/// Words that take a period without ending the sentence (case-sensitive, without the `.`).
/// [`is_listed`] matches exactly these; the tests hold the two together. [`LISTED_ENDS`] is
/// made from their last two letters.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Gens", "Col", "Lt", "Maj", "Capt", "Sgt", "Adm", "Brig",
    "Cpl", "Pvt", "Cmdr", "Rep", "Reps", "Sen", "Sens", "Gov", "Pres", "Prof", "Rev", "Fr", "Hon",
    "Messrs", "St", "Mt", "Ft", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sept", "Sep", "Oct", "Nov", "Dec", "etc", "vs", "approx", "Inc", "Ltd", "Co", "Corp", "Jr",
    "Sr",
];

/// The longest word [`is_listed`] knows ("Messrs", "approx").
const LONGEST_LISTED: usize = 6;

/// The last two letters of the [`ABBREVIATIONS`]: bit `a & 63` of row `b & 63` is set when a
/// listed word ends in the letters `a`, `b` (in that order). Letters only: `& 63` keeps the 52
/// letters apart (digits would meet lowercase letters, and no listed word has one).
const LISTED_ENDS: [u64; 64] = listed_ends();

/// Builds [`LISTED_ENDS`] (at compile time).
const fn listed_ends() -> [u64; 64] {
    let mut table = [0; 64];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if let [.., a, b] = ABBREVIATIONS[i].as_bytes() {
            table[(*b & 63) as usize] |= 1 << (*a & 63);
        }
        i += 1;
    }
    table
}

/// The longest token [`is_abbreviation`] looks at.
const MAX_ABBREVIATION: usize = 24;

/// One non-blank line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    para: usize,
    /// Index in the text's `terminals` of the first `.`, `!` or `?` at or after `start`.
    terminal: usize,
    furniture: bool,
}

/// A block of consecutive non-blank lines: `lines[first..end]`.
#[derive(Clone, Copy, Debug)]
struct Para {
    first: usize,
    end: usize,
    /// Hard-wrapped prose (wire copy): line breaks are plain white space.
    wrapped: bool,
}

/// `text[start..end]`, or "" if that is not a valid slice.
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// The span of `text[start..end]` without its leading and trailing white space (as
/// [`str::trim`] cuts it), or `None` if nothing is left or the range is not a slice of `text`.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    if start >= end {
        return None;
    }
    let (a, z) = trim_bounds(slice(text, start, end));
    (a < z).then(|| Span::new(start + a, start + z))
}

/// The char at byte `at`, if `at` is a char boundary inside `text` (an ASCII byte always is
/// one, and is its own char: no decoding).
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..).and_then(|s| s.chars().next()),
    }
}

/// First offset at or after `at` (and before `limit`) that is not white space.
fn skip_ws(text: &str, mut at: usize, limit: usize) -> usize {
    while at < limit {
        match char_at(text, at) {
            Some(c) if c.is_whitespace() => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// A char that may start a sentence: a letter that is not lower case (capitals and
/// caseless scripts), a digit or an opening quote.
fn is_sentence_start(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_ascii_digit()
        || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}')
}

/// [`is_sentence_start`] of the char at byte `k` of `text` (false past its end), told from the
/// byte when it is ASCII: a capital, a digit or a quote.
fn starts_sentence(text: &str, k: usize) -> bool {
    match text.as_bytes().get(k) {
        Some(&b) if b.is_ascii() => {
            b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'"' || b == b'\''
        }
        _ => char_at(text, k).is_some_and(is_sentence_start),
    }
}

/// `.`, `!` and `?`: the bytes where a sentence may end (1 for those, 0 for any other).
fn is_terminal(b: u8) -> u8 {
    u8::from(b == b'.') | u8::from(b == b'!') | u8::from(b == b'?')
}

/// A line break or an [`is_terminal`] byte: what [`split_lines`] reads in its one pass.
fn is_line_mark(b: u8) -> u8 {
    u8::from(b == b'\n') | is_terminal(b)
}

#[cfg(test)]
/// The bytes where [`for_each_clause`] may cut: `;`, `,`, `-`, the lead byte of an en or em
/// dash (`0xE2`) and the `b` of "but".
fn is_clause_mark(b: u8) -> u8 {
    u8::from(b == b';')
        | u8::from(b == b',')
        | u8::from(b == b'-')
        | u8::from(b == 0xe2)
        | u8::from(b == b'b')
}

/// How many lines (or paragraphs, or sentence ends) [`SCRATCH`] keeps room for between texts.
const KEEP_LINES: usize = 1024;

/// What [`split_lines`] reads a text into.
#[derive(Default)]
struct Scratch {
    lines: Vec<Line>,
    paras: Vec<Para>,
    /// Offsets of the `.`, `!` and `?` of the text, in order.
    terminals: Vec<usize>,
}

thread_local! {
    /// The vectors of [`segment`], kept for the next text of the thread: they live only while
    /// a text is cut, and making them anew cost three allocations a text.
    static SCRATCH: RefCell<Scratch> = const {
        RefCell::new(Scratch {
            lines: Vec::new(),
            paras: Vec::new(),
            terminals: Vec::new(),
        })
    };
}

thread_local! {
    /// The sentences' vector of the thread's last [`Segmented`] given back by
    /// [`Segmented::keep`], emptied: some 2 kB an article, an allocation above the
    /// allocator's small sizes.
    static SENTENCES: Cell<Vec<Sentence>> = const { Cell::new(Vec::new()) };
}

impl Segmented {
    /// Gives the sentences' vector back to the thread for its next text, emptied (dropped if
    /// it grew large, [`crate::kept::keep_list`]): for a caller done with the sentences of
    /// a text of `len` bytes, which took the thread's vector if it is short
    /// ([`sentences_vector`]); a longer text's is dropped, the thread's left as it was.
    pub(crate) fn keep(self, len: usize) {
        crate::kept::keep_list_for(&SENTENCES, len, self.sentences);
    }
}

/// An empty vector for the sentences of a text of `len` bytes, with room for `room`: the
/// thread's ([`SENTENCES`]) if the text is short and it has the room, else a new one.
fn sentences_vector(len: usize, room: usize) -> Vec<Sentence> {
    let kept = crate::kept::take_for(&SENTENCES, len);
    // one too small is replaced, not grown (growing copies its stale bytes)
    if kept.capacity() < room {
        return Vec::with_capacity(room);
    }
    kept
}

/// See [`super::segment`].
pub(super) fn segment(text: &str, part: Part) -> Segmented {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            let out = segment_with(text, part, &mut scratch);
            // the vectors of a text of many lines are not kept
            if scratch.lines.capacity() > KEEP_LINES {
                scratch.lines = Vec::new();
            }
            if scratch.paras.capacity() > KEEP_LINES {
                scratch.paras = Vec::new();
            }
            if scratch.terminals.capacity() > KEEP_LINES {
                scratch.terminals = Vec::new();
            }
            out
        }
        // not reached (nothing here segments while segmenting): fresh vectors do as well
        Err(_) => segment_with(text, part, &mut Scratch::default()),
    })
}

/// [`segment`] with the vectors its lines, paragraphs and sentence ends are read into.
fn segment_with(text: &str, part: Part, scratch: &mut Scratch) -> Segmented {
    split_lines(text, scratch);
    let Scratch {
        lines,
        paras,
        terminals,
    } = scratch;
    for line in lines.iter_mut() {
        // the lines are trimmed (`split_lines`)
        line.furniture = is_furniture_trimmed_line(slice(text, line.start, line.end));
    }
    if part.last {
        mark_teasers(text, lines, paras);
    }

    let mut out = Segmented {
        #[cfg(test)]
        furniture: lines
            .iter()
            .filter(|l| l.furniture)
            .map(|l| Span::new(l.start, l.end))
            .collect(),
        // a sentence of news takes some ninety bytes: most texts fit without growing
        sentences: sentences_vector(text.len(), text.len() / 64 + 4),
        ..Segmented::default()
    };
    for (index, para) in paras.iter().enumerate() {
        let Some(para_lines) = lines.get(para.first..para.end) else {
            continue;
        };
        for run in para_lines.split(|l| l.furniture) {
            let prose = Prose {
                run,
                wrapped: para.wrapped,
                paragraph: index,
            };
            split_run(text, &prose, terminals, &mut out.sentences);
        }
    }
    if part.first {
        mark_headline(text, lines, paras, &mut out.sentences);
        take_dateline(text, &mut out);
    }
    out
}

/// Cuts `text` into trimmed non-blank lines, groups them into paragraphs and notes where
/// its `.`, `!` and `?` are, in one pass over the bytes.
fn split_lines(text: &str, scratch: &mut Scratch) {
    let bytes = text.as_bytes();
    let Scratch {
        lines,
        paras,
        terminals,
    } = scratch;
    lines.clear();
    paras.clear();
    terminals.clear();
    let mut marks = Marks::wide(bytes, is_line_mark, 0);
    let mut in_para = false;
    let mut pos = 0;
    loop {
        // the sentence ends of this line (none before `pos` was a line start) come next
        let terminal = terminals.len();
        let newline = next_newline(&mut marks, terminals);
        let line_end = line_end(bytes, pos, newline);
        match trimmed(text, pos, line_end) {
            None => in_para = false,
            Some(line) => {
                if !in_para {
                    paras.push(Para {
                        first: lines.len(),
                        end: lines.len(),
                        wrapped: false,
                    });
                    in_para = true;
                }
                lines.push(Line {
                    start: line.start,
                    end: line.end,
                    para: paras.len().saturating_sub(1),
                    terminal,
                    furniture: false,
                });
                if let Some(p) = paras.last_mut() {
                    p.end = lines.len();
                }
            }
        }
        match newline {
            Some(n) => pos = n + 1,
            None => break,
        }
    }
    for para in paras.iter_mut() {
        para.wrapped = lines.get(para.first..para.end).is_some_and(is_wrapped);
    }
}

/// Where the line from `pos` ends for trimming: at its line break `newline` (the text's end
/// if none), before a `\r` or a space just ahead of it (a CRLF text, its `\r` folded to a
/// space or not), which trimming would cut anyway: the blank lines of such a text are then
/// empty at once and its other lines mostly end in a byte [`trim_bounds`] keeps at once.
fn line_end(bytes: &[u8], pos: usize, newline: Option<usize>) -> usize {
    let end = newline.unwrap_or(bytes.len());
    match end.checked_sub(1) {
        Some(before) if before >= pos && matches!(bytes.get(before), Some(b'\r' | b' ')) => before,
        _ => end,
    }
}

/// The first line break after the marks taken so far; the `.`, `!` and `?` before it go to
/// `terminals`.
fn next_newline(
    marks: &mut Marks<impl Fn(u8) -> u8 + Copy, WIDE>,
    terminals: &mut Vec<usize>,
) -> Option<usize> {
    loop {
        let at = marks.pop(usize::MAX)?;
        if marks.byte(at) == Some(b'\n') {
            return Some(at);
        }
        terminals.push(at);
    }
}

/// Hard-wrapped prose: three or more lines, all but the last of similar length (30 to 100
/// bytes, within 30 of each other).
fn is_wrapped(lines: &[Line]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = lines.get(..lines.len() - 1).unwrap_or(&[]);
    let mut min = usize::MAX;
    let mut max = 0;
    for l in body {
        let len = l.end.saturating_sub(l.start);
        min = min.min(len);
        max = max.max(len);
    }
    (30..=100).contains(&min) && max <= 100 && max - min <= 30
}

/// Marks as furniture the last line(s) of the article when they look like the headline of
/// another story: short, no final punctuation, after at least one line of prose.
fn mark_teasers(text: &str, lines: &mut [Line], paras: &[Para]) {
    let mut first_teaser = None;
    let mut stop = None;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.furniture {
            continue;
        }
        let wrapped = paras.get(line.para).is_some_and(|p| p.wrapped);
        if !wrapped && is_teaser_candidate(slice(text, line.start, line.end)) {
            first_teaser = Some(i);
            continue;
        }
        stop = Some(i);
        break;
    }
    let (Some(first_teaser), Some(stop)) = (first_teaser, stop) else {
        return;
    };
    let (Some(teaser), Some(before)) = (lines.get(first_teaser), lines.get(stop)) else {
        return;
    };
    // Inside one paragraph the line before must end its sentence.
    if teaser.para == before.para
        && !ends_with_sentence_punct(slice(text, before.start, before.end))
    {
        return;
    }
    let has_body = lines.get(..=stop).is_some_and(|ls| {
        ls.iter()
            .any(|l| !l.furniture && ends_with_sentence_punct(slice(text, l.start, l.end)))
    });
    if !has_body {
        return;
    }
    if let Some(tail) = lines.get_mut(first_teaser..) {
        for line in tail {
            line.furniture = true;
        }
    }
}

/// Pushes `text[start..end]` as a sentence if it is not empty. Its ends need no trimming:
/// [`split_run`] cuts only where a sentence starts (a trimmed line's start, or a char that is
/// no white space: [`starts_sentence`] or a capital) and ends (a trimmed line's end, or
/// after a `.!?` run and its closers), so no white space is at either edge.
fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    debug_assert_eq!(
        trimmed(text, start, end),
        (start < end).then(|| Span::new(start, end)),
        "a sentence's edges are no white space"
    );
    if start < end {
        out.push(Sentence {
            span: Span::new(start, end),
            paragraph,
            headline: false,
        });
    }
}

/// A run of consecutive prose lines of one paragraph.
struct Prose<'l> {
    run: &'l [Line],
    /// The paragraph is hard-wrapped ([`Para::wrapped`]).
    wrapped: bool,
    /// Index of the paragraph.
    paragraph: usize,
}

/// Splits one run of consecutive prose lines into sentences; `terminals` are the offsets of
/// the text's `.`, `!` and `?`, in order.
fn split_run(text: &str, prose: &Prose, terminals: &[usize], out: &mut Vec<Sentence>) {
    let Prose {
        run,
        wrapped,
        paragraph,
    } = *prose;
    let Some(first) = run.first() else {
        return;
    };
    let mut t = first.terminal;
    let mut start = first.start;
    for (li, line) in run.iter().enumerate() {
        let mut i = line.start.max(start);
        while i < line.end {
            while terminals.get(t).is_some_and(|&p| p < i) {
                t += 1;
            }
            // the line's last byte ends no sentence here (decided below): one exit for a
            // line whether it ends in punctuation or not
            let Some(&p) = terminals.get(t).filter(|&&p| p + 1 < line.end) else {
                break;
            };
            let Some((j, next)) = sentence_end(text, p, line.end) else {
                break; // punctuation and closers to the line's end: decided below
            };
            match next {
                Some(k) => {
                    push(out, text, start, j, paragraph);
                    start = k;
                    i = k;
                }
                None => i = j,
            }
        }
        match run.get(li + 1) {
            None => push(out, text, start, line.end, paragraph),
            Some(next) => {
                if line_break_splits(text, line, next, wrapped) {
                    push(out, text, start, line.end, paragraph);
                    start = next.start;
                }
            }
        }
    }
}

/// Where the sentence that the punctuation at `p` may end ends ([`after_terminal`]), and
/// where the next one starts if it ends one ([`next_sentence_start`]); `None` when the
/// punctuation ends the line (at `limit`). Most are told at once: the line's last byte
/// (the last of a paragraph), or followed by a space and an ASCII capital (". The"), with
/// no run or closer to read and no space to skip.
fn sentence_end(text: &str, p: usize, limit: usize) -> Option<(usize, Option<usize>)> {
    if p + 1 >= limit {
        return None;
    }
    let bytes = text.as_bytes();
    if let Some(&[b' ', c]) = bytes.get(p + 1..p + 3) {
        if c.is_ascii_uppercase() && p + 2 < limit {
            return Some((p + 1, (!ends_abbreviation(text, p)).then_some(p + 2)));
        }
    }
    let j = after_terminal(text, p, limit);
    (j < limit).then(|| (j, next_sentence_start(text, p, j, limit)))
}

/// Offset after the run of `.!?` at `p` and any closing quotes or brackets.
fn after_terminal(text: &str, p: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = p;
    while j < limit && matches!(bytes.get(j), Some(b'.' | b'!' | b'?')) {
        j += 1;
    }
    while j < limit {
        match char_at(text, j) {
            Some(c) if is_closer(c) => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// Where the next sentence starts if the punctuation at `p` (its run ending at `j`) ends
/// one: white space, then a capital, digit or quote, and `p` is not an abbreviation's dot.
fn next_sentence_start(text: &str, p: usize, j: usize, limit: usize) -> Option<usize> {
    if !char_at(text, j)?.is_whitespace() {
        return glued_sentence_start(text, p, j, limit);
    }
    let k = skip_ws(text, j, limit);
    if k >= limit || !starts_sentence(text, k) {
        return None;
    }
    if ends_abbreviation(text, p) {
        return None;
    }
    Some(k)
}

/// True if the punctuation at `p` is the period of an abbreviation ([`is_abbreviation`]),
/// which ends no sentence.
fn ends_abbreviation(text: &str, p: usize) -> bool {
    text.as_bytes().get(p) == Some(&b'.') && is_abbreviation(text, p)
}

/// Where the next sentence starts when scraping lost the space after the punctuation at
/// `p` ("near the market.Witnesses said"): a lowercase word of two letters or more before it,
/// a capitalised word right after it (a capital, then a lowercase letter or a space), and
/// neither side part of a web address or an e-mail ("www.Example.com", "bbc.co.uk/News").
/// "U.S.", "e.g.", "3.5" and "No.5" keep their dots.
fn glued_sentence_start(text: &str, p: usize, j: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // the word before: at least two ASCII letters, the last lowercase
    let before = bytes.get(..p)?;
    let letters = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters < 2 || !before.last().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    // the word after: a capital, then a lowercase letter ("Witnesses"), or "A"/"I" alone
    let first = *bytes.get(j)?;
    let second = bytes.get(j + 1).copied().unwrap_or(b' ');
    if j >= limit || !first.is_ascii_uppercase() {
        return None;
    }
    if !(second.is_ascii_lowercase() || matches!(first, b'A' | b'I') && second == b' ') {
        return None;
    }
    // the whole stretch without white space around the dot: no address
    let start = before
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |k| k + 1);
    let end = bytes
        .get(j..limit)?
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(limit, |k| j + k);
    let chunk = bytes.get(start..end)?;
    let after_word = bytes.get(j..end)?;
    let word_len = after_word
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let address = chunk
        .iter()
        .any(|b| matches!(b, b'/' | b'@' | b':' | b'_' | b'='))
        || chunk.len() >= 4
            && chunk
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
        || matches!(after_word.get(word_len), Some(b'.') if after_word.get(word_len + 1).is_some_and(u8::is_ascii_alphanumeric));
    if address {
        return None;
    }
    if bytes.get(p) == Some(&b'.') && is_abbreviation(text, p) {
        return None;
    }
    Some(j)
}

/// True if the break between `line` and `next` (same paragraph) ends a sentence.
fn line_break_splits(text: &str, line: &Line, next: &Line, wrapped: bool) -> bool {
    let Some((off, last)) = last_significant(slice(text, line.start, line.end)) else {
        return false;
    };
    let Some(first) = char_at(text, next.start) else {
        return false;
    };
    if wrapped {
        return matches!(last, '.' | '!' | '?')
            && is_sentence_start(first)
            && !(last == '.' && is_abbreviation(text, line.start + off));
    }
    if first.is_lowercase() {
        return false;
    }
    !matches!(
        last,
        ':' | ',' | ';' | '-' | '(' | '&' | '/' | '+' | '\u{2013}' | '\u{2014}'
    )
}

/// True if the `.` at `dot` ends an abbreviation: a listed word (Mr, Gen, Dec, etc, Inc, ...),
/// a single capital initial, or dotted letters (U.S, U.N, a.m, e.g).
///
/// Most dots end a plain word ("said.", "city."): when the two bytes before the dot are
/// letters or digits, the token's last piece has two bytes or more and is an abbreviation
/// only if it is listed, so two letters that end no listed word ("id", "ty") or a digit say
/// no with one table look-up, before the token is read.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let pair = dot.checked_sub(2).and_then(|s| bytes.get(s..dot));
    if let Some(&[a, b]) = pair {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && !may_end_listed(a, b) {
            return false;
        }
    }
    token_is_abbreviation(text, dot)
}

/// [`is_abbreviation`] read from the token before the dot.
#[inline(never)]
fn token_is_abbreviation(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    // The letters and digits just before the dot, the last piece of the token. Most dots end
    // a plain word ("said."): a piece of two bytes or more is an abbreviation only if it is
    // listed (dotted letters have pieces of one), and none is longer than `LONGEST_LISTED`.
    let before = bytes.get(..dot).unwrap_or(&[]);
    let piece = before
        .iter()
        .rev()
        .take(LONGEST_LISTED + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if piece == 0 || piece > LONGEST_LISTED {
        return false;
    }
    if piece >= 2 && !before.get(dot - piece..).is_some_and(is_listed) {
        return false;
    }
    let mut s = dot;
    while s > 0 {
        match bytes.get(s - 1) {
            Some(b) if b.is_ascii_alphanumeric() || *b == b'.' => s -= 1,
            _ => break,
        }
        if dot - s > MAX_ABBREVIATION {
            return false;
        }
    }
    let mut token = bytes.get(s..dot).unwrap_or(&[]);
    while let Some((b'.', rest)) = token.split_first() {
        token = rest;
    }
    let Some(last_dot) = token.iter().rposition(|&b| b == b'.') else {
        return matches!(token, [b] if b.is_ascii_uppercase()) || is_listed(token);
    };
    // Dotted letters: odd length, letters at even offsets and dots between them.
    let initialism = token.len() % 2 == 1
        && token.iter().enumerate().all(|(i, b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                *b == b'.'
            }
        });
    initialism || token.get(last_dot + 1..).is_some_and(is_listed)
}

/// The bytes `a`, `b` may be the last two of a listed word ([`LISTED_ENDS`]).
fn may_end_listed(a: u8, b: u8) -> bool {
    a.is_ascii_alphabetic()
        && b.is_ascii_alphabetic()
        && LISTED_ENDS
            .get(usize::from(b & 63))
            .is_some_and(|row| row >> (a & 63) & 1 == 1)
}

/// True if `word` is one of the `ABBREVIATIONS` list (a match on the bytes: a few comparisons).
fn is_listed(word: &[u8]) -> bool {
    matches!(
        word,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"Gen"
            | b"Gens"
            | b"Col"
            | b"Lt"
            | b"Maj"
            | b"Capt"
            | b"Sgt"
            | b"Adm"
            | b"Brig"
            | b"Cpl"
            | b"Pvt"
            | b"Cmdr"
            | b"Rep"
            | b"Reps"
            | b"Sen"
            | b"Sens"
            | b"Gov"
            | b"Pres"
            | b"Prof"
            | b"Rev"
            | b"Fr"
            | b"Hon"
            | b"Messrs"
            | b"St"
            | b"Mt"
            | b"Ft"
            | b"No"
            | b"Nos"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sept"
            | b"Sep"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"etc"
            | b"vs"
            | b"approx"
            | b"Inc"
            | b"Ltd"
            | b"Co"
            | b"Corp"
            | b"Jr"
            | b"Sr"
    )
}

/// Marks the headline: the sentence(s) of the first prose line when that line stands alone
/// (not hard-wrapped, its own sentence(s)), has no final punctuation and fewer than 20 words.
fn mark_headline(text: &str, lines: &[Line], paras: &[Para], sentences: &mut [Sentence]) {
    let mut prose = lines.iter().filter(|l| !l.furniture);
    let Some(first) = prose.next() else {
        return;
    };
    // A headline stands above a body: a lone line (a note, a caption) is not one.
    if prose.next().is_none() {
        return;
    }
    if paras.get(first.para).is_some_and(|p| p.wrapped) {
        return;
    }
    let line = slice(text, first.start, first.end);
    if ends_with_sentence_punct(line) || word_count(line, 20) >= 20 {
        return;
    }
    let n = sentences
        .iter()
        .take_while(|s| s.span.end <= first.end)
        .count();
    let Some(inside) = sentences.get_mut(..n) else {
        return;
    };
    let tiles = inside.first().is_some_and(|s| s.span.start == first.start)
        && inside.last().is_some_and(|s| s.span.end == first.end);
    if tiles {
        for s in inside {
            s.headline = true;
        }
    }
}

/// Moves a dateline at the start of the first body sentence to `out.dateline`.
fn take_dateline(text: &str, out: &mut Segmented) {
    let Some(sentence) = out.sentences.iter_mut().find(|s| !s.headline) else {
        return;
    };
    let start = sentence.span.start;
    if let Some((end, body)) = dateline(slice(text, start, sentence.span.end)) {
        out.dateline = Some(Span::new(start, start + end));
        sentence.span.start = start + body;
    }
}

/// End of an all-caps word starting at `at` and its number of capitals, or `None` if the
/// word is not all caps ("AL-HASAKAH", "ST.", "N'DJAMENA").
fn caps_word(s: &str, at: usize) -> Option<(usize, usize)> {
    let first = char_at(s, at)?;
    if !first.is_uppercase() {
        return None;
    }
    let mut i = at;
    let mut caps = 0;
    while let Some(c) = char_at(s, i) {
        if c.is_uppercase() {
            caps += 1;
        } else if !matches!(c, '-' | '\'' | '.') {
            if c.is_alphanumeric() {
                return None;
            }
            break;
        }
        i += c.len_utf8();
    }
    Some((i, caps))
}

/// Parses a dateline at the start of `s`: an all-caps place, optionally ", Region" words,
/// optionally "(Agency)", then a dash or a colon. Returns the end of the dateline and the
/// start of the body after it.
fn dateline(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let (mut i, mut caps) = caps_word(s, 0)?;
    let mut words = 1;
    while words < 6 && bytes.get(i) == Some(&b' ') {
        match caps_word(s, i + 1) {
            Some((end, c)) => {
                i = end;
                caps += c;
                words += 1;
            }
            None => break,
        }
    }
    if caps < 2 {
        return None;
    }
    if bytes.get(i) == Some(&b',') {
        i = region(s, i + 1)?;
    }
    let j = skip_ws(s, i, s.len());
    if bytes.get(j) == Some(&b'(') {
        let window = bytes.get(j..s.len().min(j + 48))?;
        let close = window.iter().position(|&b| b == b')' || b == b'\n')?;
        if window.get(close) != Some(&b')') {
            return None;
        }
        i = j + close + 1;
    }
    let j = skip_ws(s, i, s.len());
    let end = match char_at(s, j)? {
        '-' => {
            let mut k = j;
            while bytes.get(k) == Some(&b'-') {
                k += 1;
            }
            k
        }
        c @ ('\u{2013}' | '\u{2014}') => j + c.len_utf8(),
        ':' if j == i => j + 1,
        _ => return None,
    };
    if !char_at(s, end)?.is_whitespace() {
        return None;
    }
    let body = skip_ws(s, end, s.len());
    (body < s.len()).then_some((end, body))
}

/// Skips the ", Syria" / ", Aug 16" part of a dateline from just after the comma; returns
/// where it ends, or `None` if it reads like prose (a lower-case word).
fn region(s: &str, mut i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut words = 0;
    loop {
        let ws = skip_ws(s, i, s.len());
        let mut we = ws;
        while let Some(c) = char_at(s, we) {
            if c.is_alphanumeric() || matches!(c, '.' | '\'') || (c == '-' && we > ws) {
                we += c.len_utf8();
            } else {
                break;
            }
        }
        let word = slice(s, ws, we);
        let first = word.chars().next()?;
        if !(first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(word, "of" | "and" | "the" | "de" | "al" | "el"))
        {
            return None;
        }
        words += 1;
        if words > 8 {
            return None;
        }
        i = we;
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b' ') => {
                let next = skip_ws(s, i, s.len());
                match char_at(s, next) {
                    Some('(' | '-' | '\u{2013}' | '\u{2014}') => return Some(i),
                    Some(_) => {}
                    None => return None,
                }
            }
            _ => return Some(i),
        }
    }
}

/// See [`super::clause_cut`].
pub(super) fn clause_cut(text: &str, sentence: Span, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let after_space = p > sentence.start && bytes.get(p - 1) == Some(&b' ');
    match *bytes.get(p)? {
        b';' => Some(p + 1),
        b',' => comma_word(bytes, p + 1, sentence.end),
        b'b' => (after_space && bytes.get(p..p + 4) == Some(&b"but "[..]) && p + 4 < sentence.end)
            .then_some(p),
        b'-' | 0xe2 if after_space => spaced_dash(text, p - 1, sentence.end),
        _ => None,
    }
}

/// See [`super::for_each_clause`].
#[cfg(test)]
pub(super) fn for_each_clause(text: &str, sentence: Span, mut out: impl FnMut(Span)) {
    let mut end = sentence.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = sentence.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let bytes = text.as_bytes();
    let mut marks = Marks::new(bytes, is_clause_mark, start);
    let mut clause = start;
    let mut i = start;
    while i < end {
        let Some(p) = marks.pop(end) else {
            break;
        };
        i = p + 1;
        let after_space = p > start && bytes.get(p - 1) == Some(&b' ');
        match bytes.get(p) {
            Some(b';') => {
                push_clause(&mut out, text, clause, p + 1);
                clause = p + 1;
            }
            Some(b',') => {
                if let Some(word) = comma_word(bytes, p + 1, end) {
                    push_clause(&mut out, text, clause, p + 1);
                    clause = word;
                    i = word + 1;
                    marks.seek(i);
                }
            }
            Some(b'b') => {
                if after_space && bytes.get(p..p + 4) == Some(&b"but "[..]) && p + 4 < end {
                    push_clause(&mut out, text, clause, p - 1);
                    clause = p;
                    i = p + 3;
                    marks.seek(i);
                }
            }
            _ => {
                if after_space {
                    if let Some(dash_end) = spaced_dash(text, p - 1, end) {
                        push_clause(&mut out, text, clause, dash_end);
                        clause = dash_end;
                        i = dash_end;
                        marks.seek(i);
                    }
                }
            }
        }
    }
    push_clause(&mut out, text, clause, end);
}

/// Gives `out` the trimmed `text[start..end]` as a clause if it is not empty.
#[cfg(test)]
fn push_clause(out: &mut impl FnMut(Span), text: &str, start: usize, end: usize) {
    if let Some(span) = trimmed(text, start, end) {
        out(span);
    }
}

/// After a comma at `at - 1`: the offset of a clause-opening word (which, who, while,
/// whereas, but, although, though) if one follows the spaces.
fn comma_word(bytes: &[u8], at: usize, end: usize) -> Option<usize> {
    const WORDS: &[&[u8]] = &[
        b"which",
        b"who",
        b"while",
        b"whereas",
        b"but",
        b"although",
        b"though",
    ];
    let mut w = at;
    while bytes.get(w) == Some(&b' ') {
        w += 1;
    }
    if w == at {
        return None;
    }
    let first = bytes.get(w);
    let found = WORDS.iter().find(|word| {
        word.first() == first
            && bytes.get(w..w + word.len()) == Some(word)
            && w + word.len() <= end
            && bytes
                .get(w + word.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric() || w + word.len() == end)
    });
    found.map(|_| w)
}

/// At a space at `at`: the end of a spaced dash (" - ", " -- ", " — ") that separates words,
/// not a range between two numbers ("3 - 7").
fn spaced_dash(text: &str, at: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = at + 1;
    match char_at(text, k)? {
        '-' => {
            while bytes.get(k) == Some(&b'-') && k - at <= 2 {
                k += 1;
            }
        }
        c @ ('\u{2013}' | '\u{2014}') => k += c.len_utf8(),
        _ => return None,
    }
    if k >= end || bytes.get(k) != Some(&b' ') {
        return None;
    }
    let before_digit = at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_digit);
    let after_digit = bytes.get(k + 1).is_some_and(u8::is_ascii_digit);
    if before_digit && after_digit {
        return None;
    }
    // "Regiment 46 - Military Base", "Deir ez-Zor - Al-Joura": a dash inside a name.
    let word_start = bytes
        .get(..at)
        .and_then(|b| b.iter().rposition(|&c| c == b' '))
        .map_or(0, |p| p + 1);
    let before_name =
        char_at(text, word_start).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let after_name = char_at(text, k + 1).is_some_and(char::is_uppercase);
    if before_name && after_name {
        return None;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole article cut into sentences.
    fn segment(text: &str) -> Segmented {
        super::segment(text, Part::WHOLE)
    }

    /// The sentences' vector given back is the next text's: not made anew.
    #[test]
    fn the_sentences_vector_is_kept_between_texts() {
        let text = "Jets struck the town. Two were killed.";
        let seg = segment(text);
        let had = (seg.sentences.as_ptr() as usize, seg.sentences.capacity());
        seg.keep(text.len());
        let again = segment(text);
        assert_eq!(again.sentences.len(), 2);
        let has = (
            again.sentences.as_ptr() as usize,
            again.sentences.capacity(),
        );
        assert_eq!(has, had);
    }

    #[test]
    fn marks_match_a_plain_scan() {
        let hay = "Jets hit; ten died, but \u{2014} no. Then? Yes! a/b>c abcdefghijklmnop >/. \
                   and more text after it, past one block, two blocks; then the end.\n\
                   A second line, past a wide block of sixty-four bytes, and a third\nline."
            .as_bytes();
        for start in 0..hay.len() {
            for limit in [
                start,
                start + 1,
                start + 7,
                start + 40,
                start + 90,
                usize::MAX,
            ] {
                let want = |set: &[u8]| {
                    let end = limit.min(hay.len());
                    let slice = hay.get(start..end).unwrap_or(&[]);
                    slice
                        .iter()
                        .position(|b| set.contains(b))
                        .map(|p| start + p)
                };
                let mut marks = Marks::new(hay, is_terminal, start);
                assert_eq!(marks.next(start, limit), want(b".!?"), "{start} {limit}");
                let mut marks = Marks::new(hay, is_clause_mark, 0);
                assert_eq!(
                    marks.next(start, limit),
                    want(b";,-\xe2b"),
                    "{start} {limit}"
                );
                let mut marks = Marks::wide(hay, is_line_mark, start);
                assert_eq!(marks.next(start, limit), want(b"\n.!?"), "{start} {limit}");
                let mut marks = Marks::wide(hay, is_line_mark, 0);
                assert_eq!(marks.next(start, limit), want(b"\n.!?"), "{start} {limit}");
            }
        }
        assert_eq!(Marks::new(b"", is_terminal, 0).next(0, 10), None);
    }

    #[test]
    fn marks_go_forward_and_back() {
        let hay = "a.b.c. ".repeat(30);
        let dots: Vec<usize> = hay.match_indices('.').map(|(i, _)| i).collect();
        let mut marks = Marks::new(hay.as_bytes(), is_terminal, 0);
        let mut from = 0;
        let mut found = Vec::new();
        while let Some(p) = marks.next(from, hay.len()) {
            found.push(p);
            from = p + 1;
        }
        assert_eq!(found, dots);
        // a look-up behind the last one reads its block again
        assert_eq!(marks.next(0, hay.len()), Some(1));
        assert_eq!(
            marks.next(100, hay.len()),
            dots.iter().copied().find(|&d| d >= 100)
        );
        assert_eq!(marks.next(5, 4), None);
    }

    #[test]
    fn pop_takes_every_pick_in_turn() {
        let hay = "Jets hit; ten died, but \u{2014} no. Then? Yes!\nA line, past a wide block of \
                   sixty-four bytes, and more.\n\nThe end. "
            .repeat(3);
        let bytes = hay.as_bytes();
        let want = |set: &[u8], from: usize, limit: usize| -> Vec<usize> {
            (from..limit.min(bytes.len()))
                .filter(|&i| set.contains(&bytes[i]))
                .collect()
        };
        for limit in [0, 1, 63, 64, 65, 100, bytes.len(), usize::MAX] {
            let mut marks = Marks::wide(bytes, is_line_mark, 0);
            let got: Vec<usize> = std::iter::from_fn(|| marks.pop(limit)).take(200).collect();
            assert_eq!(got, want(b"\n.!?", 0, limit), "{limit}");
        }
        // a seek drops the picks before it, in the block read last or past it
        for start in 0..bytes.len() {
            for jump in [
                start,
                start + 1,
                start + 5,
                start + 31,
                start + 33,
                start + 80,
            ] {
                let mut marks = Marks::new(bytes, is_clause_mark, start);
                let first = marks.pop(usize::MAX);
                assert_eq!(first, want(b";,-\xe2b", start, usize::MAX).first().copied());
                let from = jump.max(first.map_or(start, |p| p + 1));
                marks.seek(from);
                let got: Vec<usize> = std::iter::from_fn(|| marks.pop(usize::MAX))
                    .take(200)
                    .collect();
                assert_eq!(got, want(b";,-\xe2b", from, usize::MAX), "{start} {jump}");
            }
        }
    }

    #[test]
    fn char_at_is_the_char_at_a_boundary() {
        let text = "a\u{e9}\u{2014}b \u{1f600}.";
        for at in 0..=text.len() + 1 {
            let want = text.get(at..).and_then(|s| s.chars().next());
            assert_eq!(char_at(text, at), want, "{at}");
        }
    }

    #[test]
    fn trimmed_cuts_as_str_trim() {
        let text = " a \u{a0}b\u{2003}\n\u{85}c\t x\u{b}  \u{3000}";
        for start in 0..=text.len() + 1 {
            for end in 0..=text.len() + 1 {
                let want = text.get(start..end).and_then(|raw| {
                    let t = raw.trim();
                    let s = start + (raw.len() - raw.trim_start().len());
                    (!t.is_empty()).then(|| Span::new(s, s + t.len()))
                });
                assert_eq!(trimmed(text, start, end), want, "{start} {end}");
            }
        }
    }

    #[test]
    fn abbreviation_tokens() {
        let check = |s: &str| is_abbreviation(s, s.len() - 1);
        for s in [
            "U.S.", "the U.K.", "(U.N.", "5 a.m.", "e.g.", "Mr.", "Lt.Col.", "Dec.", "John F.",
            "etc.",
        ] {
            assert!(check(s), "{s}");
        }
        for s in [
            "Syria.",
            "2011.",
            "word...",
            "f.",
            "1.5.",
            "NATO.",
            ".",
            "example.com.",
        ] {
            assert!(!check(s), "{s}");
        }
        let long = "A.".repeat(40);
        assert!(!check(&long));
    }

    #[test]
    fn listed_ends_are_the_ends_of_the_abbreviations() {
        let letters = (b'A'..=b'Z').chain(b'a'..=b'z');
        for a in letters.clone() {
            for b in letters.clone() {
                let listed = ABBREVIATIONS
                    .iter()
                    .any(|w| w.as_bytes().ends_with(&[a, b]));
                assert_eq!(may_end_listed(a, b), listed, "{}{}", a as char, b as char);
            }
        }
        for (a, b) in [
            (b'1', b'p'),
            (b'p', b'1'),
            (b'0', b'0'),
            (b'.', b'r'),
            (b'M', b' '),
        ] {
            assert!(!may_end_listed(a, b));
        }
    }

    #[test]
    fn listed_words_are_the_abbreviations() {
        for a in ABBREVIATIONS {
            assert!(is_listed(a.as_bytes()), "{a}");
            let mut longer = a.to_string();
            longer.push('s');
            assert_eq!(
                is_listed(longer.as_bytes()),
                ABBREVIATIONS.contains(&&*longer)
            );
            assert!(!is_listed(&a.as_bytes()[1..]) || ABBREVIATIONS.contains(&&a[1..]));
            assert!(!is_listed(a.to_uppercase().as_bytes()) || a.len() < 2);
        }
        let longest = ABBREVIATIONS.iter().map(|a| a.len()).max();
        assert_eq!(longest, Some(LONGEST_LISTED));
        for w in ["", "M", "mr", "MR", "Mrs.", "Gn", "Decs", "Approx"] {
            assert!(!is_listed(w.as_bytes()), "{w}");
        }
    }

    /// The token rules of [`is_abbreviation`], on strings.
    fn is_abbreviation_reference(text: &str, dot: usize) -> bool {
        let bytes = text.as_bytes();
        let mut s = dot;
        while s > 0 && (bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] == b'.') {
            s -= 1;
            if dot - s > MAX_ABBREVIATION {
                return false;
            }
        }
        let token = text[s..dot].trim_start_matches('.');
        if token.is_empty() {
            return false;
        }
        if token.contains('.') {
            return token
                .split('.')
                .all(|seg| seg.len() == 1 && seg.bytes().all(|b| b.is_ascii_alphabetic()))
                || ABBREVIATIONS.contains(&token.rsplit('.').next().unwrap());
        }
        (token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase()))
            || ABBREVIATIONS.contains(&token)
    }

    #[test]
    fn abbreviation_agrees_with_string_rules() {
        const PIECES: &[&str] = &[
            "U", "S", "a", "m", ".", "..", "Gen", "No", "x", "1", " ", "Dec", "etc",
        ];
        let mut next = crate::text::xorshift(0x853c_49e6_748f_ea9b);
        let mut dots = 0;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next() % 9 {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            for (dot, _) in s.match_indices('.') {
                assert_eq!(
                    is_abbreviation(&s, dot),
                    is_abbreviation_reference(&s, dot),
                    "{s:?} {dot}"
                );
                dots += 1;
            }
        }
        assert!(dots > 10_000);
    }

    #[test]
    fn starts_sentence_is_the_char_test() {
        let text = "aZ09\"'.(\u{201c}\u{2018}\u{ab}\u{e9}\u{c9}\u{5d0} \t";
        for k in 0..=text.len() + 1 {
            assert_eq!(
                starts_sentence(text, k),
                char_at(text, k).is_some_and(is_sentence_start),
                "{k}"
            );
        }
        for b in 0..128u8 {
            let text = char::from(b).to_string();
            assert_eq!(
                starts_sentence(&text, 0),
                is_sentence_start(char::from(b)),
                "{b}"
            );
        }
    }

    /// [`push`] takes a sentence's ends as they are cut: they must need no trimming.
    #[test]
    fn sentences_need_no_trimming() {
        const PIECES: &[&str] = &[
            "Jets hit",
            ".",
            "!",
            "?",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\"",
            "\u{201d}",
            ")",
            "\u{a0}",
            "\u{3000}",
            "U.S",
            "Gen",
            "said",
            "A",
            "a",
            "3",
            "market.Witnesses",
            "\t",
            "\u{2019}",
            "\u{c9}t\u{e9}",
            "x",
        ];
        let mut next = crate::text::xorshift(0x6a09_e667_f3bc_c908);
        let mut sentences = 0;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next() % 16 {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            for part in [Part::WHOLE, Part::default()] {
                for sentence in super::segment(&s, part).sentences {
                    let (a, z) = (sentence.span.start, sentence.span.end);
                    assert_eq!(trimmed(&s, a, z), Some(sentence.span), "{s:?} {a}..{z}");
                    sentences += 1;
                }
            }
        }
        assert!(sentences > 20_000);
    }

    #[test]
    fn dateline_parser() {
        assert_eq!(dateline("MOSCOW (Reuters) - Russia"), Some((18, 19)));
        assert_eq!(dateline("BEIRUT: Jets"), Some((7, 8)));
        assert_eq!(dateline("ALEPPO, Syria - \nShells"), Some((15, 17)));
        // Agency without closing bracket, lower-case region, nothing after the dash.
        assert_eq!(dateline("HOMS (Reuters - Jets"), None);
        assert_eq!(dateline("HOMS, the city - Jets"), None);
        assert_eq!(dateline("HOMS -"), None);
        assert_eq!(dateline("HOMS - "), None);
        assert_eq!(dateline("Homs - Jets"), None);
        assert_eq!(dateline("A - Jets"), None);
        assert_eq!(dateline("HOMS:Jets"), None);
        assert_eq!(dateline(""), None);
    }

    #[test]
    fn line_end_cuts_one_cr_or_space_before_the_break() {
        let text = b"ab \ncd\r\n \n\nef ";
        assert_eq!(line_end(text, 0, Some(3)), 2);
        assert_eq!(line_end(text, 4, Some(7)), 6);
        assert_eq!(line_end(text, 8, Some(9)), 8);
        assert_eq!(line_end(text, 10, Some(10)), 10);
        assert_eq!(line_end(text, 11, None), 13);
        assert_eq!(line_end(b"a\tb\n", 0, Some(3)), 3);
    }

    #[test]
    fn wrapped_detection_needs_three_even_lines() {
        let line = |start, len| Line {
            start,
            end: start + len,
            para: 0,
            terminal: 0,
            furniture: false,
        };
        assert!(is_wrapped(&[line(0, 60), line(61, 66), line(128, 12)]));
        assert!(!is_wrapped(&[line(0, 60), line(61, 12)]));
        assert!(!is_wrapped(&[line(0, 20), line(21, 66), line(88, 12)]));
        assert!(!is_wrapped(&[line(0, 300), line(301, 290), line(600, 12)]));
    }

    #[test]
    fn teaser_needs_sentence_end_before_it_in_same_paragraph() {
        let text = "Rebels shelled the\nNorthern Districts Of The City";
        let seg = segment(text);
        assert!(seg.furniture.is_empty());
        // In its own paragraph after prose it goes.
        let text = "Rebels shelled the city.\n\nNorthern Districts Of The City";
        assert_eq!(segment(text).furniture, [Span::new(26, text.len())]);
        // Never without prose before it.
        let text = "Share\n\nNorthern Districts Of The City";
        assert_eq!(segment(text).furniture.len(), 1);
    }
}
