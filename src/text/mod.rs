//! Text stage: normalisation, page furniture, sentences and clauses.
//!
//! Knows nothing of gazetteers or events. Every span is a byte span into the text it was given.
//!
//! [`Normalized`] folds typographic debris (curly quotes, dashes, odd spaces, soft hyphens)
//! to ASCII look-alikes and maps offsets back; [`segment`] cuts the folded text into
//! sentences, setting aside page furniture and the dateline; `clauses` cuts a sentence.
//! All of it is a few linear byte scans with no per-char allocation.

mod furniture;
mod scan;
mod sentences;
mod windows;

use scan::Marks;

pub(crate) use windows::{windows, Part, MIN_WINDOW};

use std::borrow::Cow;
use std::cell::Cell;

use crate::span::Span;

/// The article text with scraped-text debris folded to ASCII look-alikes, and a map back
/// to the bytes of the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// Offsets of `text` in the original; `None` when `text` is the original unchanged.
    map: Option<OffsetMap>,
}

/// Where folding shifts offsets, as steps, with a table of blocks that finds the step of an
/// offset in a comparison or two, and the shift of most spans in one.
#[derive(Clone, Debug)]
struct OffsetMap {
    /// `(i, shift)` pairs sorted by `i`, the first `(0, 0)`. Byte `j` of the folded text
    /// (or its end) is at `j + shift` in the original, with the `shift` of the last pair
    /// whose `i <= j`.
    steps: Vec<(usize, usize)>,
    /// `blocks[b]`: the step of offset `b * INDEX_BLOCK` and where the next one starts, for
    /// `b` up to `len / INDEX_BLOCK`.
    blocks: Vec<Block>,
}

/// An entry of [`OffsetMap::blocks`]: the step of the block's first offset, its shift, and
/// the offset of the step after it. A span from inside the block that ends before `next`
/// shifts by `shift` throughout.
#[derive(Clone, Copy, Debug)]
struct Block {
    /// The step of the block's first offset.
    step: usize,
    /// Its shift.
    shift: usize,
    /// Where the next step starts, `usize::MAX` after the last.
    next: usize,
}

/// Folded bytes per entry of [`OffsetMap::blocks`].
const INDEX_BLOCK: usize = 64;

impl OffsetMap {
    /// Indexes `steps` of a folded text of `len` bytes, in `blocks` (emptied first).
    fn new(steps: Vec<(usize, usize)>, mut blocks: Vec<Block>, len: usize) -> OffsetMap {
        let count = len / INDEX_BLOCK + 1;
        blocks.clear();
        blocks.reserve(count);
        // step `k` is the step of the blocks that start from its offset up to the next step's
        for (k, &(_, shift)) in steps.iter().enumerate() {
            let next = steps.get(k + 1).map_or(usize::MAX, |&(i, _)| i);
            let upto = next.div_ceil(INDEX_BLOCK).min(count);
            if upto > blocks.len() {
                blocks.resize(
                    upto,
                    Block {
                        step: k,
                        shift,
                        next,
                    },
                );
            }
        }
        OffsetMap { steps, blocks }
    }

    /// The step of folded offset `offset`, `None` past the indexed blocks.
    fn step(&self, offset: usize) -> Option<usize> {
        let k = self.blocks.get(offset / INDEX_BLOCK)?.step;
        Some(self.step_from(k, offset))
    }

    /// The step of folded offset `offset`, looking from step `k` (at or before it) on.
    fn step_from(&self, k: usize, offset: usize) -> usize {
        let later = self.steps.get(k + 1..).unwrap_or(&[]);
        k + later.iter().take_while(|&&(i, _)| i <= offset).count()
    }

    /// The shift of folded offset `offset` and where the step after its own starts
    /// (`usize::MAX` after the last), looking from step `k` (at or before it) on.
    fn shift_and_next(&self, k: usize, offset: usize) -> (usize, usize) {
        let k = self.step_from(k, offset);
        let next = self.steps.get(k + 1).map_or(usize::MAX, |&(i, _)| i);
        (self.shift(k), next)
    }

    /// The shift of step `k`.
    fn shift(&self, k: usize) -> usize {
        self.steps.get(k).map_or(0, |&(_, shift)| shift)
    }

    /// Where the end of a non-empty `span` maps by the shift of its last byte, if no step
    /// lies between that byte and the end; `None` if one does (the chars of its last byte's
    /// fold, or dropped ones, follow it: [`Normalized::span_by_steps`] ends it there) or the
    /// span is empty.
    fn end_by_last_byte(&self, span: Span) -> Option<usize> {
        let last = span.end.checked_sub(1).filter(|&l| l >= span.start)?;
        let block = *self.blocks.get(last / INDEX_BLOCK)?;
        let (shift, next) = if last < block.next {
            (block.shift, block.next)
        } else {
            self.shift_and_next(block.step, last)
        };
        (span.end < next).then_some(span.end + shift)
    }
}

/// The buffers of a folded text: its text, steps and blocks. A thread keeps those of the
/// last [`Normalized`] it dropped for the next one: they live while a window is read, and
/// making them anew cost three allocations a text and two growths of the steps (the text's
/// of the window's size from the allocator's slow path), a fifth of the folding's
/// instructions and a third of its mispredicted branches.
#[derive(Default)]
struct Buffers {
    text: String,
    steps: Vec<(usize, usize)>,
    blocks: Vec<Block>,
}

/// The folded bytes up to which a thread keeps the buffers of a text: a default window's.
const KEEP_BYTES: usize = 64 * 1024;

thread_local! {
    /// The buffers of the last folded text the thread dropped (see [`Buffers`]).
    static BUFFERS: Cell<Buffers> = const {
        Cell::new(Buffers {
            text: String::new(),
            steps: Vec::new(),
            blocks: Vec::new(),
        })
    };
}

impl Buffers {
    /// The thread's buffers (not emptied), or new ones.
    fn take() -> Buffers {
        crate::kept::take(&BUFFERS)
    }

    /// Keeps the buffers for the thread's next text, unless they grew past a window's size.
    fn keep(self) {
        let largest = self.text.capacity();
        crate::kept::keep(&BUFFERS, self, largest, KEEP_BYTES);
    }
}

impl Drop for Normalized<'_> {
    fn drop(&mut self) {
        if let (Cow::Owned(text), Some(map)) = (&mut self.text, self.map.take()) {
            Buffers {
                text: std::mem::take(text),
                steps: map.steps,
                blocks: map.blocks,
            }
            .keep();
        }
    }
}

impl<'a> Normalized<'a> {
    /// Folds typographic characters: curly quotes to `'` `"`, dashes and non-breaking hyphens to
    /// `-`, non-breaking and thin spaces to ` `, `\r` to ` `; drops soft hyphens and zero-width
    /// spaces. Borrows when there is nothing to fold.
    pub fn new(input: &'a str) -> Normalized<'a> {
        let mut marks = Marks::new(input.as_bytes(), is_candidate, 0);
        let Some(first) = first_fold(input, &mut marks) else {
            return Normalized {
                original: input,
                text: Cow::Borrowed(input),
                map: None,
            };
        };
        // the buffers of the thread's last folded text, emptied (see `Buffers`)
        let Buffers {
            mut text,
            mut steps,
            blocks,
        } = Buffers::take();
        text.clear();
        text.reserve(input.len());
        steps.clear();
        steps.push((0, 0));
        // Invariant: `text` holds the folded `input[..copied]`, and
        // `text.len() + shift == copied`.
        let mut shift = 0;
        let mut copied = 0;
        // `at` is a char boundary: `first`, then each next candidate of `marks`.
        let mut at = first;
        while at < input.len() {
            if input.as_bytes().get(at) == Some(&b'\r') {
                // a CR, one a line in a CRLF text (three folds in four): a space, byte for
                // byte, with no char to decode and no step
                text.push_str(input.get(copied..at).unwrap_or(""));
                if input.as_bytes().get(at + 1..at + 4) == Some(b"\n\r\n") {
                    // a paragraph break, where half the CRs are: both folded at once, so
                    // that the one byte between them is no copy of its own (a call of
                    // `memcpy`) and no turn of the loop
                    text.push_str(" \n \n");
                    copied = at + 4;
                } else {
                    text.push(' ');
                    copied = at + 1;
                }
                at = marks
                    .next_rare(copied, may_be_candidate)
                    .unwrap_or(input.len());
                continue;
            }
            let Some(c) = input.get(at..).and_then(|s| s.chars().next()) else {
                break;
            };
            let width = c.len_utf8();
            let folded = match fold(c) {
                Fold::Keep => None,
                Fold::Drop => Some(None),
                Fold::To(b) => Some(Some(b)),
            };
            if let Some(to) = folded {
                text.push_str(input.get(copied..at).unwrap_or(""));
                let mut gone = width;
                if let Some(b) = to {
                    text.push(char::from(b));
                    gone -= 1;
                }
                if gone > 0 {
                    shift += gone;
                    add_step(&mut steps, text.len(), shift);
                }
                copied = at + width;
            }
            at = marks
                .next_rare(at + width, may_be_candidate)
                .unwrap_or(input.len());
        }
        text.push_str(input.get(copied..).unwrap_or(""));
        let map = OffsetMap::new(steps, blocks, text.len());
        Normalized {
            original: input,
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// The text given to [`Normalized::new`].
    #[cfg(test)]
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// True if nothing was folded and [`Normalized::as_str`] is the original itself.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original offset of byte `offset` of the folded text (or of its end), `None` past
    /// the end. May be inside a char of the original.
    fn map_at(&self, offset: usize) -> Option<usize> {
        match &self.map {
            None => (offset <= self.original.len()).then_some(offset),
            Some(map) => {
                if offset > self.text.len() {
                    return None;
                }
                Some(offset.saturating_add(map.shift(map.step(offset)?)))
            }
        }
    }

    /// The original offset of a byte offset into the folded text (clamped to the end).
    ///
    /// Always a char boundary of the original: an offset inside a char moves back to its start.
    pub fn to_original(&self, offset: usize) -> usize {
        let mut o = self
            .map_at(offset)
            .unwrap_or(self.original.len())
            .min(self.original.len());
        while !self.original.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The original span of a span of the folded text with no step after its start up to
    /// its end (so that all its bytes shift alike), and whose shifted ends are char
    /// boundaries of the original, with the original's text of it: most spans, found with
    /// one look-up (and a short walk over the steps of the block when one lies before the
    /// span in it). `None` for the others. What it gives is what
    /// [`Normalized::span_to_original_stepwise`] works out step by step for such a span.
    #[inline]
    fn unshifted_span(&self, span: Span) -> Option<(Span, &'a str)> {
        let map = self.map.as_ref()?;
        let block = *map.blocks.get(span.start / INDEX_BLOCK)?;
        // most spans end before the block's next step (and so start before it): one test
        let shift = if span.end < block.next {
            block.shift
        } else if span.start < block.next {
            return None; // a step inside the span
        } else {
            let (shift, next) = map.shift_and_next(block.step, span.start);
            if span.end >= next {
                return None;
            }
            shift
        };
        // A span past the folded text's end fails `get`: only the last step has no next one,
        // so such a span takes the last shift, and the text's end plus it is the original's.
        let (start, end) = (span.start + shift, span.end + shift);
        // `get` checks that both ends are char boundaries of the original
        let text = self.original.get(start..end)?;
        Some((Span::new(start, end), text))
    }

    /// The original span of a span of the folded text; on char boundaries of the original.
    ///
    /// A non-empty span ends with the original char of its last byte, so dropped chars
    /// (soft hyphens, zero-width spaces) just after it stay outside. The crate takes it with
    /// the text, by [`Normalized::span_and_text_to_original`]; the tests take it alone.
    #[cfg(test)]
    pub fn span_to_original(&self, span: Span) -> Span {
        self.span_and_text_to_original(span).0
    }

    /// `Normalized::span_to_original`, with the original's text of the span: the
    /// remapping of an event's fields takes both, the text found where the span is.
    /// Always inlined: the remapping calls it for spans with words and for those without
    /// (where the text goes unused), and a call of its own cost more than its fast path.
    #[inline(always)]
    pub fn span_and_text_to_original(&self, span: Span) -> (Span, Option<&'a str>) {
        match self.unshifted_span(span) {
            Some((back, text)) => (back, Some(text)),
            None => {
                let back = self.span_to_original_stepwise(span);
                (back, back.get(self.original))
            }
        }
    }

    /// `Normalized::span_to_original` of any span, step by step, or with a look-up for
    /// each end where a step inside the span is all that kept it from
    /// [`Normalized::unshifted_span`] ([`Normalized::span_past_a_step`]).
    #[inline(never)]
    fn span_to_original_stepwise(&self, span: Span) -> Span {
        match self.span_past_a_step(span) {
            Some(back) => back,
            None => self.span_by_steps(span),
        }
    }

    /// The original span of a span of the folded text with a step inside it (a sentence,
    /// mostly, with a folded quote): its start shifts by its block's shift, its end by its
    /// last byte's ([`OffsetMap::end_by_last_byte`]), where both shifted ends are char
    /// boundaries of the original; `None` for other spans. What it gives is what
    /// [`Normalized::span_by_steps`] works out for such a span.
    fn span_past_a_step(&self, span: Span) -> Option<Span> {
        let map = self.map.as_ref()?;
        let block = *map.blocks.get(span.start / INDEX_BLOCK)?;
        if span.start >= block.next {
            return None;
        }
        let (start, end) = (span.start + block.shift, map.end_by_last_byte(span)?);
        // `get` checks that both ends are char boundaries of the original
        self.original.get(start..end).map(|_| Span::new(start, end))
    }

    /// `Normalized::span_to_original` of any span, step by step.
    fn span_by_steps(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let len = self.original.len();
        let last = span.end.checked_sub(1).filter(|&l| l >= span.start);
        let end = match (&self.map, last) {
            (Some(map), Some(last)) if last <= self.text.len() => {
                let k = map.step(last).unwrap_or(0);
                // One past the original char of the last byte...
                let mut after_last = last.saturating_add(map.shift(k)).saturating_add(1).min(len);
                while !self.original.is_char_boundary(after_last) {
                    after_last += 1;
                }
                // ... or where the end maps, if that is before.
                let mut end = if span.end <= self.text.len() {
                    span.end
                        .saturating_add(map.shift(map.step_from(k, span.end)))
                } else {
                    len
                };
                end = end.min(len);
                while !self.original.is_char_boundary(end) {
                    end -= 1;
                }
                end.min(after_last)
            }
            _ => self.to_original(span.end),
        };
        Span::new(start, end.max(start))
    }
}

/// Records that from folded offset `at` on, the original is `shift` bytes further on.
fn add_step(steps: &mut Vec<(usize, usize)>, at: usize, shift: usize) {
    match steps.last_mut() {
        Some(last) if last.0 == at => last.1 = shift,
        _ => steps.push((at, shift)),
    }
}

/// One sentence of the article body or its headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its paragraph (blank-line or line separated block), from 0.
    pub paragraph: usize,
    /// True for a headline: a first paragraph that is one line without final punctuation.
    pub headline: bool,
}

/// The article cut into sentences, with what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Sentences in text order, furniture and dateline excluded.
    pub sentences: Vec<Sentence>,
    /// Page furniture removed: "Share", "Advertisement", "Read more: ...", "Related: ...",
    /// a trailing teaser headline of another story, bylines, photo credits.
    ///
    /// Gathered for the tests only: the extraction reads the sentences, and this list was
    /// a pass over every line and an allocation in most articles for nothing.
    #[cfg(test)]
    pub furniture: Vec<Span>,
    /// A dateline ("DAMASCUS, Syria (AP) —", "MOSCOW (Reuters) -") if the body starts with one.
    pub dateline: Option<Span>,
}

/// Cuts `text` into sentences. Abbreviations (U.S., Dec., Col., Gen., Mr., No.) and
/// decimals do not end a sentence; a line break inside a paragraph without final
/// punctuation does (scraped headlines and captions).
///
/// Blank lines separate paragraphs. Whole lines of page furniture ("Share", "Advertisement",
/// "Read more: ...", bylines, photo credits) and a short unpunctuated last line after the
/// prose (the teaser of another story) go to `furniture`; a dateline opening the first body
/// sentence goes to `dateline`. Hard-wrapped wire copy (three or more lines of similar
/// length) is read as running text.
///
/// `part` tells where the text lies in the article when it is a window of one
/// ([`windows()`]): only the first window has a headline and a dateline, only the last a
/// teaser; `Part::WHOLE` for a whole article.
pub fn segment(text: &str, part: Part) -> Segmented {
    sentences::segment(text, part)
}

/// The clauses of a sentence: split at `;`, at `, which`/`, who`/`, while`/`, but`/`, although`,
/// at ` but `, and at a dash between words. Spans cover the whole sentence without gaps
/// (each clause is trimmed of white space).
///
/// Punctuation at a cut (`;`, `,`, the dash) stays with the clause before it; the comma
/// words start the clause after it. A span outside `text` is clamped.
#[cfg(test)]
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    for_each_clause(text, sentence, |c| out.push(c));
    out
}

/// [`clauses`], each given to `each` in text order: nothing is collected. The byte scan
/// the rules were first written as; the extraction cuts a sentence's tokens with
/// [`clause_cut`], and a test holds the two equal.
#[cfg(test)]
pub(crate) fn for_each_clause(text: &str, sentence: Span, each: impl FnMut(Span)) {
    sentences::for_each_clause(text, sentence, each)
}

/// Where the clause after a cut at byte `p` of `sentence` starts, if the text may be cut
/// there into clauses (`clauses`'s rules), or `None`: `p + 1` after a `;`, the comma word
/// after a `,` (past the spaces), `p` at a " but ", the space after a spaced dash. `p` is
/// where a token starts: a cut falls only at such a byte (`;`, `,`, `-`, an en or em dash,
/// the `b` of "but", each a token or the start of one), and the clause before ends with the
/// tokens that start before the offset returned, none of which reaches past it. The
/// sentence must be on char boundaries inside `text`.
pub(crate) fn clause_cut(text: &str, sentence: Span, p: usize) -> Option<usize> {
    sentences::clause_cut(text, sentence, p)
}

/// What [`Normalized::new`] does with one char.
enum Fold {
    Keep,
    Drop,
    To(u8),
}

fn fold(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => {
            Fold::To(b'\'')
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => Fold::To(b'"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::To(b'-'),
        '\u{a0}'
        | '\u{2007}'
        | '\u{202f}'
        | '\u{2009}'
        | '\u{200a}'
        | '\u{2002}'..='\u{2006}'
        | '\r' => Fold::To(b' '),
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// A byte that may start a char [`fold`] changes (1, else 0): `\r` or the lead byte of
/// U+00A0..U+00BF (`0xC2`), of U+02BC (`0xCA`), of U+2000..U+2FFF (`0xE2`) or of U+FEFF
/// (`0xEF`). Never a continuation byte, so always at a char boundary.
fn is_candidate(b: u8) -> u8 {
    u8::from(b == b'\r')
        | u8::from(b == 0xc2)
        | u8::from(b == 0xca)
        | u8::from(b == 0xe2)
        | u8::from(b == 0xef)
}

/// A byte that [`is_candidate`] may pick (1, else 0): `\r` or not ASCII. One compare less
/// a byte, and few others in news: the test that passes the blocks without a candidate.
fn may_be_candidate(b: u8) -> u8 {
    u8::from(b >= 0x80) | u8::from(b == b'\r')
}

/// Offset of the first char that [`fold`] changes, found with `marks` (of [`is_candidate`]
/// over `input`), which it leaves there.
fn first_fold<F: Fn(u8) -> u8 + Copy>(input: &str, marks: &mut Marks<'_, F>) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = marks.next_rare(from, may_be_candidate)?;
        let c = input.get(at..)?.chars().next()?;
        if !matches!(fold(c), Fold::Keep) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
}

/// True if `word` is one of `words`, ASCII case aside. The lengths and first bytes are
/// compared first: most words are in no list, and most fail there.
pub(crate) fn is_one_of(word: &str, words: &[&str]) -> bool {
    let n = word.len();
    let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
    let same = |w: &&str| {
        w.as_bytes().first().map(u8::to_ascii_lowercase) == first && word.eq_ignore_ascii_case(w)
    };
    let (head, rest) = words.split_at(words.len().min(64));
    // the words of the same length as bits, gathered with no branch a word (whether a length
    // matches follows no pattern a predictor learns), then only those compared
    let mut by_len = head
        .iter()
        .enumerate()
        .fold(0u64, |m, (i, w)| m | (u64::from(w.len() == n) << i));
    while by_len != 0 {
        if head.get(by_len.trailing_zeros() as usize).is_some_and(same) {
            return true;
        }
        by_len &= by_len - 1;
    }
    rest.iter().any(|w| w.len() == n && same(w))
}

/// A xorshift64 stream for the fuzz tests of this stage (deterministic, no dependency).
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_one_of_compares_length_first_byte_and_the_rest_ascii_case_aside() {
        let list = ["sea", "gulf", "straits", ""];
        assert!(is_one_of("Sea", &list));
        assert!(is_one_of("GULF", &list));
        assert!(is_one_of("straits", &list));
        assert!(!is_one_of("strait", &list)); // a prefix
        assert!(!is_one_of("tea", &list)); // same length, another first byte
        assert!(!is_one_of("sex", &list)); // same length and first byte
        assert!(!is_one_of("seas", &list));
        assert!(is_one_of("", &list));
        assert!(!is_one_of("", &["sea"]));
        assert!(!is_one_of("\0", &[""]));
        assert!(!is_one_of("sea", &[]));
        // past the 64 words gathered as bits, and at the last of them
        let many: Vec<String> = (0..70).map(|i| format!("w{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for w in ["w0", "W63", "w64", "w69"] {
            assert!(is_one_of(w, &many), "{w}");
        }
        assert!(!is_one_of("w70", &many));
        assert!(!is_one_of("x1", &many));
    }

    /// A whole article cut into sentences.
    fn segment(text: &str) -> Segmented {
        super::segment(text, Part::WHOLE)
    }

    fn sents(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.get(text).unwrap())
            .collect()
    }

    fn furniture_of(text: &str) -> Vec<&str> {
        segment(text)
            .furniture
            .iter()
            .map(|s| s.get(text).unwrap())
            .collect()
    }

    // ---- Normalized ----

    #[test]
    fn folds_single_quotes_and_apostrophes() {
        let n = Normalized::new("\u{2018}a\u{2019} \u{201a}b\u{201b} 5\u{2032} Hawai\u{02bc}i");
        assert_eq!(n.as_str(), "'a' 'b' 5' Hawai'i");
    }

    #[test]
    fn folds_double_quotes_and_guillemets() {
        let n = Normalized::new("\u{201c}a\u{201d} \u{201e}b\u{2033} \u{ab}c\u{bb}");
        assert_eq!(n.as_str(), "\"a\" \"b\" \"c\"");
    }

    #[test]
    fn folds_every_dash() {
        let input: String = [
            '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        ]
        .iter()
        .collect();
        assert_eq!(Normalized::new(&input).as_str(), "-------");
    }

    #[test]
    fn folds_every_space_and_cr() {
        let spaces = [
            '\u{a0}', '\u{2007}', '\u{202f}', '\u{2009}', '\u{200a}', '\u{2002}', '\u{2003}',
            '\u{2004}', '\u{2005}', '\u{2006}', '\r',
        ];
        for c in spaces {
            let input = format!("a{c}b");
            assert_eq!(Normalized::new(&input).as_str(), "a b", "{:?}", c);
        }
    }

    #[test]
    fn drops_invisible_chars() {
        let n = Normalized::new("\u{feff}war\u{ad}time\u{200b} z\u{200c}w\u{200d}j");
        assert_eq!(n.as_str(), "wartime zwj");
        // "time" in the folded text maps back to "time" in the original.
        let span = n.span_to_original(Span::new(3, 7));
        assert_eq!(span.get(n.original()), Some("time"));
        // A span ending before a dropped char does not swallow it.
        assert_eq!(
            n.span_to_original(Span::new(0, 3)).get(n.original()),
            Some("war")
        );
    }

    #[test]
    fn buffers_of_a_dropped_text_leave_nothing_in_the_next() {
        // a long text of many steps, then a short one in the buffers it leaves
        let long = "\u{201c}x\u{ad}\u{ad}y\u{201d} ".repeat(200);
        let n = Normalized::new(&long);
        assert_eq!(n.as_str(), "\"xy\" ".repeat(200));
        drop(n);
        let zs = "z".repeat(100);
        let short = format!("a\u{2014}b {zs} \u{2019}c");
        let n = Normalized::new(&short);
        assert_eq!(n.as_str(), format!("a-b {zs} 'c"));
        for (folded, original) in [("b", "b"), ("'c", "\u{2019}c"), ("a-b", "a\u{2014}b")] {
            let s = n.as_str().find(folded).unwrap();
            let back = n.span_to_original(Span::new(s, s + folded.len()));
            assert_eq!(back.get(&short), Some(original));
        }
        // and a text with nothing to fold borrows as before
        drop(n);
        assert!(Normalized::new("plain").is_borrowed());
    }

    #[test]
    fn map_round_trip_with_curly_quotes_and_nbsp() {
        let original =
            "He said \u{201c}we will\u{a0}strike\u{201d} \u{2014} officials\u{2019} words.";
        let n = Normalized::new(original);
        let folded = n.as_str();
        assert_eq!(folded, "He said \"we will strike\" - officials' words.");
        let find = |needle: &str| {
            let s = folded.find(needle).unwrap();
            n.span_to_original(Span::new(s, s + needle.len()))
                .get(original)
                .unwrap()
        };
        assert_eq!(
            find("\"we will strike\""),
            "\u{201c}we will\u{a0}strike\u{201d}"
        );
        assert_eq!(find("will strike"), "will\u{a0}strike");
        assert_eq!(find("officials'"), "officials\u{2019}");
        assert_eq!(find("- officials"), "\u{2014} officials");
        assert_eq!(find("words."), "words.");
        assert_eq!(n.to_original(folded.len()), original.len());
    }

    #[test]
    fn map_has_one_entry_per_byte_plus_end() {
        let original = "\u{2018}\u{e9}\u{2019}x";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "'\u{e9}'x");
        let map: Vec<Option<usize>> = (0..n.as_str().len() + 2).map(|i| n.map_at(i)).collect();
        let want = [0, 3, 4, 5, 8, 9].map(Some);
        assert_eq!(map[..want.len()], want);
        assert_eq!(map[want.len()], None);
        // Steps only where the shift changes.
        assert_eq!(n.map.as_ref().unwrap().steps, [(0, 0), (1, 2), (4, 4)]);
    }

    /// The folded text and the dense offset map (one entry per folded byte plus the end),
    /// char by char.
    fn fold_reference(input: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        for (i, c) in input.char_indices() {
            match fold(c) {
                Fold::Keep => {
                    text.push(c);
                    map.extend(i..i + c.len_utf8());
                }
                Fold::Drop => {}
                Fold::To(b) => {
                    text.push(char::from(b));
                    map.push(i);
                }
            }
        }
        map.push(input.len());
        (text, map)
    }

    /// A random text of fewer than `most` pieces: letters, spaces, line breaks and chars the
    /// fold changes (a step in its map) or drops.
    fn random_folded_text(next: &mut impl FnMut() -> u64, most: u64) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Bc ",
            "\r",
            "\n",
            "\u{a0}",
            "\u{a9}",
            "\u{ad}",
            "\u{e9}",
            "\u{2bc}",
            "\u{2014}",
            "\u{2022}",
            "\u{201c}",
            "\u{2019}",
            "\u{200b}",
            "\u{feff}",
            "\u{ef}",
            "\u{1f600}",
            "\u{627}",
        ];
        let mut s = String::new();
        for _ in 0..next() % most {
            s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        s
    }

    #[test]
    fn sparse_map_agrees_with_a_dense_one() {
        let mut next = super::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let s = random_folded_text(&mut next, 120);
            let n = Normalized::new(&s);
            let (text, map) = fold_reference(&s);
            assert_eq!(n.as_str(), text, "{s:?}");
            assert_eq!(n.is_borrowed(), text == s);
            for (i, &o) in map.iter().enumerate() {
                assert_eq!(n.map_at(i), Some(o), "{s:?} {i}");
            }
            assert_eq!(n.map_at(map.len()), None);
            for start in 0..map.len() + 2 {
                let ends = start.saturating_sub(1)..(start + 12).min(map.len() + 2);
                for end in ends.chain([map.len() - 1, map.len(), map.len() + 5]) {
                    let span = Span::new(start, end);
                    let want = span_to_original_reference(&s, &map, span);
                    assert_eq!(n.span_to_original(span), want, "{s:?} {span:?}");
                }
            }
        }
    }

    /// Every span that [`Normalized::span_past_a_step`] maps (sentences' spans with a step
    /// inside among them) maps as [`Normalized::span_by_steps`] maps it.
    #[test]
    fn spans_past_a_step_agree_with_the_stepwise_ones() {
        let mut next = super::xorshift(0x6a09_e667_f3bc_c909);
        let mut quick = 0;
        for _ in 0..300 {
            let s = random_folded_text(&mut next, 200);
            let n = Normalized::new(&s);
            let len = n.as_str().len();
            for start in 0..len + 2 {
                for end in (start.saturating_sub(1)..len + 3).step_by(3) {
                    let span = Span::new(start, end);
                    if let Some(back) = n.span_past_a_step(span) {
                        quick += 1;
                        assert_eq!(back, n.span_by_steps(span), "{s:?} {span:?}");
                    }
                }
            }
        }
        assert!(quick > 20_000, "{quick}");
    }

    /// Every string of up to seven pieces of CRLF texts (CR, LF, a letter, a char folded
    /// with a step) folds as [`fold_reference`] folds it: the paragraph breaks
    /// (`"\r\n\r\n"`) that [`Normalized::new`] folds in one go among the others.
    #[test]
    fn crlf_paragraph_breaks_fold_as_each_cr_alone() {
        const PIECES: [&str; 4] = ["\r", "\n", "a", "\u{2014}"];
        // the strings of each length made from those one piece shorter
        let mut inputs = vec![String::new()];
        let mut longest = vec![String::new()];
        for _ in 0..7 {
            longest = longest
                .iter()
                .flat_map(|s| PIECES.iter().map(move |p| format!("{s}{p}")))
                .collect();
            inputs.extend(longest.iter().cloned());
        }
        assert_eq!(inputs.len(), (0..=7).map(|n| 4usize.pow(n)).sum::<usize>());
        for s in &inputs {
            let n = Normalized::new(s);
            let (text, map) = fold_reference(s);
            assert_eq!(n.as_str(), text, "{s:?}");
            for (i, &o) in map.iter().enumerate() {
                assert_eq!(n.map_at(i), Some(o), "{s:?} {i}");
            }
        }
    }

    /// [`Normalized::span_to_original`] on a dense map.
    fn span_to_original_reference(original: &str, map: &[usize], span: Span) -> Span {
        let to_original = |offset: usize| {
            let mut o = map.get(offset).copied().unwrap_or(original.len());
            while !original.is_char_boundary(o) {
                o -= 1;
            }
            o
        };
        let start = to_original(span.start);
        let mut end = to_original(span.end);
        if span.end > span.start {
            if let Some(&last) = map.get(span.end - 1) {
                let mut e = (last + 1).min(original.len());
                while !original.is_char_boundary(e) {
                    e += 1;
                }
                end = end.min(e);
            }
        }
        Span::new(start, end.max(start))
    }

    #[test]
    fn candidates_match_a_plain_scan() {
        let hay = "plain text here\r\nand caf\u{e9} \u{627} then \u{2019} plain ascii and more \u{a0}\u{feff}x\u{2bc}"
            .as_bytes();
        for start in 0..=hay.len() + 1 {
            let want = hay
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .position(|b| [b'\r', 0xc2, 0xca, 0xe2, 0xef].contains(b))
                .map(|p| start + p);
            let mut marks = Marks::new(hay, is_candidate, 0);
            assert_eq!(marks.next_rare(start, may_be_candidate), want, "{start}");
        }
    }

    #[test]
    fn rare_marks_match_a_plain_scan_across_blocks() {
        let hay: Vec<u8> = (0..200u32).map(|i| (i * 7 % 61) as u8 + 32).collect();
        for needle in [b'.', b' ', b'~', 32, 91] {
            for len in [0, 1, 31, 32, 33, 64, 100, 200] {
                let hay = &hay[..len];
                let hit = |b| u8::from(b == needle);
                // the test itself, a wider one, and one that picks every byte but 0
                let coarse = |b| hit(b) | u8::from(b == needle.wrapping_add(3));
                let all = |b| u8::from(b != 0);
                // one scanner for look-ups that go forward, as the folding makes them
                let mut marks = [
                    Marks::new(hay, hit, 0),
                    Marks::new(hay, hit, 0),
                    Marks::new(hay, hit, 0),
                ];
                for start in 0..=len + 1 {
                    let want = hay
                        .get(start..)
                        .unwrap_or(&[])
                        .iter()
                        .position(|&b| b == needle)
                        .map(|p| start + p);
                    let [a, b, c] = &mut marks;
                    assert_eq!(a.next_rare(start, hit), want, "{needle} {len} {start}");
                    assert_eq!(b.next_rare(start, coarse), want, "{needle} {len} {start}");
                    assert_eq!(c.next_rare(start, all), want, "{needle} {len} {start}");
                    let fresh = Marks::new(hay, hit, 0).next_rare(start, coarse);
                    assert_eq!(fresh, want, "{needle} {len} {start}");
                }
            }
        }
    }

    #[test]
    fn folds_after_kept_non_ascii_and_at_both_ends() {
        // Kept non-ASCII chars that share a lead byte with folded ones (U+00E9 is not one,
        // U+00A9 and U+2022 are) stay as they are between folded chars.
        let original = "\u{ad}\u{a9}\u{2022}\u{e9}\u{2014}x\u{200b}";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "\u{a9}\u{2022}\u{e9}-x");
        for (folded, orig) in [(0, 2), (2, 4), (5, 7), (7, 9), (8, 12), (9, 16)] {
            assert_eq!(n.to_original(folded), orig, "{folded}");
        }
        assert_eq!(
            n.span_to_original(Span::new(7, 9)).get(original),
            Some("\u{2014}x")
        );
    }

    #[test]
    fn borrows_when_nothing_to_fold() {
        for text in [
            "",
            "plain ascii\nlines",
            "Caf\u{e9} in Dara\u{2019}a"
                .split('\u{2019}')
                .next()
                .unwrap(),
            "\u{627}\u{644}\u{642}\u{62f}\u{633} \u{1f600}",
        ] {
            let n = Normalized::new(text);
            assert!(n.is_borrowed(), "{text:?}");
            assert!(n.map.is_none());
            assert_eq!(n.as_str(), text);
            assert_eq!(n.to_original(0), 0);
            assert_eq!(n.to_original(text.len()), text.len());
        }
    }

    #[test]
    fn to_original_clamps_and_stays_on_boundaries() {
        let n = Normalized::new("ab");
        assert_eq!(n.to_original(99), 2);
        let n = Normalized::new("\u{201c}\u{e9}");
        assert_eq!(n.to_original(99), 5);
        // Byte 2 of the folded text is inside "\u{e9}": moved back to its start.
        assert_eq!(n.to_original(2), 3);
        let s = n.span_to_original(Span::new(50, 60));
        assert_eq!(s, Span::new(5, 5));
        let n = Normalized::new("\u{e9}x");
        assert_eq!(n.to_original(1), 0);
    }

    #[test]
    fn crlf_text_segments_like_lf() {
        let original = "Shelling hits border town\r\n\r\nTwo people died. Five were hurt.\r\n\r\nAdvertisement\r\n";
        let n = Normalized::new(original);
        assert!(!n.is_borrowed());
        let text = n.as_str();
        assert_eq!(
            sents(text),
            [
                "Shelling hits border town",
                "Two people died.",
                "Five were hurt."
            ]
        );
        // CRLF straight into segment also works (\r is white space).
        assert_eq!(sents(original), sents(text));
        let seg = segment(text);
        assert!(seg.sentences[0].headline);
        assert_eq!(seg.sentences[1].paragraph, 1);
        assert_eq!(furniture_of(text), ["Advertisement"]);
        let back = n.span_to_original(seg.sentences[2].span);
        assert_eq!(back.get(original), Some("Five were hurt."));
    }

    // ---- sentences ----

    #[test]
    fn splits_at_sentence_punctuation() {
        assert_eq!(
            sents("Jets struck the base. Was anyone hurt? Nobody knows! 12 died."),
            [
                "Jets struck the base.",
                "Was anyone hurt?",
                "Nobody knows!",
                "12 died."
            ]
        );
    }

    #[test]
    fn splits_after_closing_quote() {
        assert_eq!(
            sents("He said: \"We will respond.\" The army denied it. 'Nothing.' \"Never.\""),
            [
                "He said: \"We will respond.\"",
                "The army denied it.",
                "'Nothing.'",
                "\"Never.\""
            ]
        );
        // A quote ending in "?" followed by a lower-case word does not split.
        assert_eq!(
            sents("\"Who fired?\" he asked. Nobody answered."),
            ["\"Who fired?\" he asked.", "Nobody answered."]
        );
    }

    #[test]
    fn no_split_before_lower_case() {
        assert_eq!(
            sents("The toll rose. some reports differ."),
            ["The toll rose. some reports differ."]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        for t in [
            "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Adm", "Brig",
            "Cpl", "Pvt", "Rep", "Sen", "Gov", "Pres", "St",
        ] {
            let text = format!("Troops met {t}. Haddad at the base. He left.");
            assert_eq!(sents(&text).len(), 2, "{t}");
        }
    }

    #[test]
    fn months_and_numbers_do_not_end_sentences() {
        for t in [
            "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No",
        ] {
            let text = format!("It began on {t}. 14 near the river. Then it stopped.");
            assert_eq!(sents(&text).len(), 2, "{t}");
        }
    }

    #[test]
    fn initialisms_and_company_words_do_not_end_sentences() {
        assert_eq!(
            sents("The U.S. Army and U.N. Envoy met U.K. Officials. Talks ended.").len(),
            2
        );
        assert_eq!(
            sents("At 5 a.m. Rockets fell. At 6 p.m. Calm returned."),
            ["At 5 a.m. Rockets fell.", "At 6 p.m. Calm returned."]
        );
        for t in [
            "etc", "vs", "approx", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr",
        ] {
            let text = format!("They named Acme {t}. Holdings in the report. It denied it.");
            assert_eq!(sents(&text).len(), 2, "{t}");
        }
    }

    #[test]
    fn us_at_sentence_end_stays_joined() {
        // Ambiguous: kept as one (too long beats broken).
        assert_eq!(
            sents("Russia blamed the U.S. Moscow said talks failed."),
            ["Russia blamed the U.S. Moscow said talks failed."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sents("Streets named after John F. Kennedy were shelled. Residents fled."),
            [
                "Streets named after John F. Kennedy were shelled.",
                "Residents fled."
            ]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            sents("Jets hit the market.Witnesses said 8 died.The toll rose!Medics fled."),
            [
                "Jets hit the market.",
                "Witnesses said 8 died.",
                "The toll rose!",
                "Medics fled."
            ]
        );
        assert_eq!(
            sents("Shells fell on the town.A boy died."),
            ["Shells fell on the town.", "A boy died."]
        );
        // not inside initials, decimals, abbreviations, addresses or file names
        for one in [
            "The U.S.Army said 3.5 million fled, e.g.Syrians and others.",
            "See www.Example.com or bbc.co.Uk/News for more.",
            "Details at example.com/Idlib.Html today.",
            "Mail press@unit.Org now.",
            "Gen.Petrov said the No.5 unit left.",
        ] {
            assert_eq!(sents(one), [one], "{one}");
        }
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sents("About 1.5 million fled and 2.75 percent returned. Aid is short."),
            [
                "About 1.5 million fled and 2.75 percent returned.",
                "Aid is short."
            ]
        );
        // A number ending a sentence still ends it.
        assert_eq!(
            sents("The war began in 2011. It goes on."),
            ["The war began in 2011.", "It goes on."]
        );
    }

    #[test]
    fn line_break_without_punctuation_ends_sentence() {
        let text = "Smoke over the old market\nResidents said 4 shops burned.\nThe fire spread to the\nmosque nearby.";
        assert_eq!(
            sents(text),
            [
                "Smoke over the old market",
                "Residents said 4 shops burned.",
                "The fire spread to the\nmosque nearby."
            ]
        );
        let seg = segment(text);
        assert!(seg.sentences.iter().all(|s| s.paragraph == 0));
    }

    #[test]
    fn colon_and_comma_at_line_end_continue() {
        assert_eq!(
            sents("The minister said:\n\"We are ready.\""),
            ["The minister said:\n\"We are ready.\""]
        );
        assert_eq!(
            sents("Shelling hit Ariha,\nKafr Nabl and Saraqib."),
            ["Shelling hit Ariha,\nKafr Nabl and Saraqib."]
        );
    }

    #[test]
    fn hard_wrapped_wire_copy_reads_as_running_text() {
        let text = "Government forces shelled the rebel-held town of\n\
                    Tal Rifaat on Sunday and killed six civilians, a\n\
                    monitor said. Four children were among the dead,\n\
                    the monitor said.";
        assert_eq!(
            sents(text),
            [
                "Government forces shelled the rebel-held town of\nTal Rifaat on Sunday and killed six civilians, a\nmonitor said.",
                "Four children were among the dead,\nthe monitor said."
            ]
        );
    }

    #[test]
    fn paragraphs_are_counted_from_zero_including_furniture_ones() {
        let text =
            "Share\n\nFirst body line here.\n  \t \nSecond paragraph. Still second.\n\n\n\nThird.";
        let seg = segment(text);
        let paras: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [1, 2, 2, 3]);
    }

    #[test]
    fn spans_are_trimmed() {
        let text = "   Indented sentence.   Another one.  \n\n\t Last.\t";
        assert_eq!(sents(text), ["Indented sentence.", "Another one.", "Last."]);
    }

    // ---- headline ----

    #[test]
    fn headline_is_first_short_unpunctuated_paragraph() {
        let text = "Share\n\nDrone strike hits fuel depot in the north\n\nA drone hit the depot. Two guards died.";
        let seg = segment(text);
        let flags: Vec<bool> = seg.sentences.iter().map(|s| s.headline).collect();
        assert_eq!(flags, [true, false, false]);
        assert_eq!(
            seg.sentences[0].span.get(text),
            Some("Drone strike hits fuel depot in the north")
        );
    }

    #[test]
    fn no_headline_when_first_paragraph_is_prose() {
        let seg = segment("A drone hit the depot.\n\nTwo guards died.");
        assert!(seg.sentences.iter().all(|s| !s.headline));
        // Too long for a headline (20 words or more).
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty\n\nBody.";
        assert!(segment(long).sentences.iter().all(|s| !s.headline));
    }

    #[test]
    fn lone_line_is_not_a_headline() {
        let seg = segment("On 3 May, gunmen killed 2 herders near the river (North district)");
        assert_eq!(seg.sentences.len(), 1);
        assert!(!seg.sentences[0].headline);
        let seg = segment("Share\n\nGunmen kill 2 herders\n\nAdvertisement");
        assert!(!seg.sentences[0].headline);
    }

    #[test]
    fn headline_line_above_body_in_same_block() {
        let text = "Floods and shelling hit Marib\nThe strikes began at dawn. Nine died.";
        let seg = segment(text);
        let flags: Vec<bool> = seg.sentences.iter().map(|s| s.headline).collect();
        assert_eq!(flags, [true, false, false]);
    }

    // ---- furniture ----

    #[test]
    fn furniture_lines_produce_no_sentences() {
        let text = "Share this article\n\nBy Maria Ortiz\n\nRebels took the hill. Six died.\n\nAdvertisement\n\nRead more: Other news from the front\nThe army retreated.\n\nPhoto: Some Agency\n\nCopyright 2024 Some Agency. All rights reserved.";
        assert_eq!(
            sents(text),
            ["Rebels took the hill.", "Six died.", "The army retreated."]
        );
        assert_eq!(
            furniture_of(text),
            [
                "Share this article",
                "By Maria Ortiz",
                "Advertisement",
                "Read more: Other news from the front",
                "Photo: Some Agency",
                "Copyright 2024 Some Agency. All rights reserved."
            ]
        );
    }

    #[test]
    fn furniture_line_inside_a_paragraph_splits_the_run() {
        let text = "The convoy was hit near the\nAdvertisement\nborder crossing.";
        let seg = segment(text);
        assert_eq!(furniture_of(text), ["Advertisement"]);
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn only_furniture_gives_no_sentences() {
        let seg = segment("Share\n\nAdvertisement\nTweet\n\nEmail");
        assert!(seg.sentences.is_empty());
        assert_eq!(seg.furniture.len(), 4);
        assert_eq!(seg.dateline, None);
    }

    #[test]
    fn trailing_teaser_is_furniture() {
        let text = "Rockets hit the capital\n\nThree rockets landed near the airport. No one was hurt.\n\nAdvertisement\n\nChile: Miners rescued after week underground";
        assert_eq!(
            furniture_of(text),
            [
                "Advertisement",
                "Chile: Miners rescued after week underground"
            ]
        );
        let s = sents(text);
        assert_eq!(s.last(), Some(&"No one was hurt."));
        assert_eq!(s.first(), Some(&"Rockets hit the capital"));
    }

    #[test]
    fn two_trailing_teasers_and_teaser_on_own_line() {
        let text = "Troops crossed the river at night.\nKenya: Rains wash away bridge\nPeru: Protest blocks highway";
        assert_eq!(
            furniture_of(text),
            [
                "Kenya: Rains wash away bridge",
                "Peru: Protest blocks highway"
            ]
        );
        assert_eq!(sents(text), ["Troops crossed the river at night."]);
    }

    #[test]
    fn final_sentence_with_punctuation_is_kept() {
        let text = "Storm hits coast\n\nWinds reached 150 km/h.\n\nThe army sent help.";
        assert!(furniture_of(text).is_empty());
        assert_eq!(sents(text).last(), Some(&"The army sent help."));
    }

    #[test]
    fn headline_alone_is_not_a_teaser() {
        let text = "Storm hits coast\n\nWinds reach the capital";
        assert!(furniture_of(text).is_empty());
        assert_eq!(sents(text).len(), 2);
    }

    // ---- dateline ----

    #[test]
    fn dateline_with_country_and_agency() {
        let text = "DAMASCUS, Syria (AP) - Syrian jets bombed the town. Five died.";
        let seg = segment(text);
        assert_eq!(
            seg.dateline.unwrap().get(text),
            Some("DAMASCUS, Syria (AP) -")
        );
        assert_eq!(
            seg.sentences[0].span.get(text),
            Some("Syrian jets bombed the town.")
        );
    }

    #[test]
    fn dateline_forms() {
        let cases = [
            (
                "MOSCOW (Reuters) - Russia said it struck targets.",
                "MOSCOW (Reuters) -",
                "Russia said",
            ),
            (
                "BEIRUT: Israeli jets struck the south.",
                "BEIRUT:",
                "Israeli jets",
            ),
            (
                "KYIV, Ukraine -- Drones hit the grid.",
                "KYIV, Ukraine --",
                "Drones hit",
            ),
            (
                "SANA'A, Yemen, March 3 (AFP) - Air raids hit the port.",
                "SANA'A, Yemen, March 3 (AFP) -",
                "Air raids",
            ),
            (
                "DEIR EZ-ZOR (SANA) - Shells fell on the city.",
                "DEIR EZ-ZOR (SANA) -",
                "Shells fell",
            ),
            (
                "GAZA CITY - Strikes continued overnight.",
                "GAZA CITY -",
                "Strikes continued",
            ),
        ];
        for (text, dl, body) in cases {
            let seg = segment(text);
            assert_eq!(seg.dateline.and_then(|d| d.get(text)), Some(dl), "{text}");
            assert!(
                seg.sentences[0].span.get(text).unwrap().starts_with(body),
                "{text}"
            );
        }
    }

    #[test]
    fn dateline_after_headline_and_folded_em_dash() {
        let original = "Jets strike oil field\n\nHOMS, Syria (Reuters) \u{2014} Jets struck an oil field on Monday.";
        let n = Normalized::new(original);
        let text = n.as_str();
        let seg = segment(text);
        assert!(seg.sentences[0].headline);
        let dl = seg.dateline.unwrap();
        assert_eq!(
            n.span_to_original(dl).get(original),
            Some("HOMS, Syria (Reuters) \u{2014}")
        );
        assert_eq!(
            seg.sentences[1].span.get(text),
            Some("Jets struck an oil field on Monday.")
        );
        // Also on the raw text.
        assert!(segment(original).dateline.is_some());
    }

    #[test]
    fn not_datelines() {
        for text in [
            "Syrian jets - the army said - hit the town.",
            "ISIS fighters attacked the post.",
            "NATO said the drills would go on: they did.",
            "DAMASCUS, the army said - it denied it.",
            "US - ",
        ] {
            assert_eq!(segment(text).dateline, None, "{text}");
        }
    }

    // ---- clauses ----

    fn clause_texts(text: &str) -> Vec<&str> {
        clauses(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.get(text).unwrap())
            .collect()
    }

    #[test]
    fn clauses_at_semicolon_and_comma_words() {
        assert_eq!(
            clause_texts("Jets hit the town; two died, which angered locals, who protested"),
            [
                "Jets hit the town;",
                "two died,",
                "which angered locals,",
                "who protested"
            ]
        );
        assert_eq!(
            clause_texts("Rebels held, while troops advanced, whereas aid stopped, although talks went on, though slowly"),
            ["Rebels held,", "while troops advanced,", "whereas aid stopped,", "although talks went on,", "though slowly"]
        );
    }

    #[test]
    fn clauses_at_but_and_spaced_dash() {
        assert_eq!(
            clause_texts("The army denied it, but witnesses saw jets"),
            ["The army denied it,", "but witnesses saw jets"]
        );
        assert_eq!(
            clause_texts("The army denied it but witnesses saw jets"),
            ["The army denied it", "but witnesses saw jets"]
        );
        assert_eq!(
            clause_texts("Shells hit Idlib - the monitor said - at dawn"),
            ["Shells hit Idlib -", "the monitor said -", "at dawn"]
        );
        // Between capitalised words the dash is part of a name.
        assert_eq!(
            clause_texts("Troops held Regiment 46 - Military Base and Deir-ez-Zor - Al-Joura"),
            ["Troops held Regiment 46 - Military Base and Deir-ez-Zor - Al-Joura"]
        );
        // Hyphens, word-internal matches and number ranges do not split.
        assert_eq!(
            clause_texts(
                "A pro-government whole-hearted butcher, whose shop, whoever said, killed 3 - 7"
            ),
            ["A pro-government whole-hearted butcher, whose shop, whoever said, killed 3 - 7"]
        );
    }

    #[test]
    fn clauses_of_a_sentence_inside_a_text() {
        let text = "First.  Troops left; rebels came.  Last.";
        let seg = segment(text);
        let s = seg.sentences[1].span;
        let cl = clauses(text, s);
        let got: Vec<&str> = cl.iter().map(|c| c.get(text).unwrap()).collect();
        assert_eq!(got, ["Troops left;", "rebels came."]);
        assert!(cl.iter().all(|c| s.contains(*c)));
        // Padded span: trimmed; empty or reversed span: nothing.
        assert_eq!(clauses(text, Span::new(6, 21)).len(), 1);
        assert!(clauses(text, Span::new(5, 5)).is_empty());
        assert!(clauses("", Span::new(3, 9)).is_empty());
        assert!(clauses(" \n ", Span::new(0, 3)).is_empty());
        assert_eq!(
            clauses("; ;", Span::new(0, 3)),
            [Span::new(0, 1), Span::new(2, 3)]
        );
    }

    #[test]
    fn whole_scraped_page() {
        let original =
            "Skip to content\nMenu\n\nShare\n\nShelling kills five in northern border town\n\n\
            By Lina Haddad and Omar Said\n\n\
            ALEPPO, Syria (AP) \u{2014} Government artillery shelled the town of Azaz on Tuesday, \
            killing five civilians, Dr.\u{a0}Sami Nour said. The U.N. envoy called for calm.\n\n\
            Advertisement\n\n\
            \u{201c}We heard four blasts,\u{201d} a resident said; nobody was warned.\n\n\
            Related: Aid convoy reaches besieged district\n\n\
            The army did not comment.\n\n\
            Photo: Agency handout\n\n\
            Floods force thousands from homes in the delta\n";
        let n = Normalized::new(original);
        let text = n.as_str();
        let seg = segment(text);
        let got: Vec<(&str, bool)> = seg
            .sentences
            .iter()
            .map(|s| (s.span.get(text).unwrap(), s.headline))
            .collect();
        assert_eq!(
            got,
            [
                ("Shelling kills five in northern border town", true),
                (
                    "Government artillery shelled the town of Azaz on Tuesday, killing five civilians, Dr. Sami Nour said.",
                    false
                ),
                ("The U.N. envoy called for calm.", false),
                ("\"We heard four blasts,\" a resident said; nobody was warned.", false),
                ("The army did not comment.", false),
            ]
        );
        assert_eq!(
            seg.dateline.unwrap().get(text),
            Some("ALEPPO, Syria (AP) -")
        );
        assert_eq!(
            furniture_of(text),
            [
                "Skip to content",
                "Menu",
                "Share",
                "By Lina Haddad and Omar Said",
                "Advertisement",
                "Related: Aid convoy reaches besieged district",
                "Photo: Agency handout",
                "Floods force thousands from homes in the delta"
            ]
        );
        // Back to the original bytes.
        let quote = n
            .span_to_original(seg.sentences[3].span)
            .get(original)
            .unwrap();
        assert!(quote.starts_with('\u{201c}'));
        assert!(quote.ends_with("warned."));
        let dr = n
            .span_to_original(seg.sentences[1].span)
            .get(original)
            .unwrap();
        assert!(dr.contains("Dr.\u{a0}Sami"));
        let paras: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [2, 4, 4, 6, 8]);
    }

    // ---- odd inputs ----

    #[test]
    fn empty_and_blank_inputs() {
        for text in [
            "", "\n", "\n\n\n", "   ", "\r\n\r\n", ".", "...", "?!", "\"", "-",
        ] {
            let seg = segment(text);
            assert!(seg.sentences.len() <= 1, "{text:?}");
            assert_eq!(seg.dateline, None);
            let _ = Normalized::new(text);
        }
        assert!(segment("").sentences.is_empty());
        assert!(segment("\n \n\t\n").sentences.is_empty());
    }

    #[test]
    fn unicode_scripts_are_segmented() {
        let text = "\u{627}\u{644}\u{62d}\u{631}\u{628}. \u{627}\u{644}\u{633}\u{644}\u{627}\u{645}. \u{1f4a5} Blast.";
        let s = sents(text);
        // Caseless letters start sentences; an emoji does not.
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], "\u{627}\u{644}\u{62d}\u{631}\u{628}.");
        assert!(s[1].ends_with("\u{1f4a5} Blast."));
    }

    /// Checks the invariants on one text: spans inside, on char boundaries, ordered, trimmed.
    fn check_invariants(text: &str) {
        let n = Normalized::new(text);
        let folded = n.as_str();
        let seg = segment(folded);
        let mut all: Vec<Span> = seg.sentences.iter().map(|s| s.span).collect();
        all.extend(seg.furniture.iter().copied());
        all.extend(seg.dateline);
        for s in &all {
            let got = s
                .get(folded)
                .unwrap_or_else(|| panic!("{s:?} in {folded:?}"));
            assert!(!got.is_empty());
            assert_eq!(got, got.trim());
            let o = n.span_to_original(*s);
            assert!(o.get(text).is_some(), "{o:?} in {text:?}");
        }
        for w in seg.sentences.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{folded:?}");
            assert!(w[0].paragraph <= w[1].paragraph);
        }
        for w in seg.furniture.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for s in &seg.sentences {
            let cl = clauses(folded, s.span);
            assert!(!cl.is_empty());
            for c in &cl {
                assert!(s.span.contains(*c));
                assert!(c
                    .get(folded)
                    .is_some_and(|t| !t.is_empty() && t == t.trim()));
            }
            for w in cl.windows(2) {
                let gap = folded.get(w[0].end..w[1].start).unwrap();
                assert!(gap.trim().is_empty(), "gap {gap:?}");
            }
        }
        // Deterministic.
        assert_eq!(segment(folded), seg);
        // Arbitrary spans never panic.
        for k in 0..text.len() + 3 {
            let _ = n.span_to_original(Span::new(k, k + 2));
            let _ = clauses(text, Span::new(k, k + 5));
        }
    }

    proptest::proptest! {
        #[test]
        fn proptest_any_string_keeps_invariants(s in proptest::prelude::any::<String>()) {
            check_invariants(&s);
        }

        #[test]
        fn proptest_prose_like_strings_keep_invariants(
            s in "([A-Z][a-z]{0,6}|U\\.S\\.|Mr\\.|[0-9]\\.[0-9]|[.!?;,:\"'()-]|\u{2014}|\u{a0}|\u{ad}|\r?\n| ){0,60}"
        ) {
            check_invariants(&s);
        }
    }

    #[test]
    fn property_weird_strings_keep_spans_on_boundaries() {
        const PIECES: &[&str] = &[
            "U.S. ",
            "Mr. ",
            "A. ",
            "1.5 ",
            ". ",
            "? ",
            "! ",
            "\n",
            "\n\n",
            "\r\n",
            " ",
            "\u{a0}",
            "\u{ad}",
            "\u{200b}",
            "\u{feff}",
            "\u{201c}",
            "\u{201d}",
            "\u{2019}",
            "\u{2014}",
            " - ",
            "; ",
            ", which ",
            " but ",
            "\u{e9}",
            "\u{301}",
            "\u{1f600}",
            "\u{627}\u{644}",
            "Share",
            "Advertisement\n",
            "By Ann Lee\n",
            "BEIRUT (AP) - ",
            "MOSCOW: ",
            "word",
            "Word",
            "\"",
            "'",
            ")",
            "(",
            ":",
            "...",
            "12",
            "Dec.",
            "a.m.",
            "-",
            "--",
            "\t",
            "\u{2028}",
        ];
        let mut next = super::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            check_invariants(&s);
        }
        let huge = "a".repeat(100_000) + ". " + &"B.".repeat(50_000) + &"\u{a0}".repeat(1000);
        check_invariants(&huge);
    }

    #[test]
    fn typography_is_folded() {
        let n = Normalized::new("Shoigu\u{a0}said \u{201c}no\u{201d} \u{2014} twice");
        assert_eq!(n.as_str(), "Shoigu said \"no\" - twice");
    }

    #[test]
    fn headline_dateline_abbreviation_and_furniture() {
        let text = "Rebels shell port city\n\nBEIRUT (AP) - Rebels shelled the port. Gen. Ali said 3 died.\n\nShare";
        let seg = segment(text);
        let got: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            got,
            [
                "Rebels shell port city",
                "Rebels shelled the port.",
                "Gen. Ali said 3 died."
            ]
        );
        assert!(seg.sentences[0].headline);
        assert_eq!(
            seg.dateline.map(|d| &text[d.start..d.end]),
            Some("BEIRUT (AP) -")
        );
        assert_eq!(seg.furniture.len(), 1);
    }
}
