//! Dates: "Tuesday", "yesterday", "on March 17", "9 May 2020", "last September", "in March".
//!
//! Relative dates resolve against the publication date. A news report speaks of the past:
//! a weekday is the latest such day on or before the publication date, "in March" the latest
//! March on or before it. Without a publication date a relative date is kept with `date: None`;
//! nothing is invented. The library never reads the clock.
//!

use std::cell::Cell;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::model::{DateRef, Excerpt, Precision};
use crate::numbers;
use crate::span::Span;

/// Every date expression inside `range` of `text`, in text order, non-overlapping.
///
/// - weekdays, optionally with "on", "last", "'s", "morning/afternoon/evening/night"; precision day
/// - "today", "yesterday", "last night", "overnight", "this morning" (precision day)
/// - "March 17", "17 March", "March 17, 2016", "17 March 2016", "Dec. 3", "on 9 May 2020"
///   (a day without year takes the latest such day on or before the publication date)
/// - "last September", "in March", "in March 2016", "March 2016" (precision month, date = 1st)
/// - "in 2016", "since 2011" (precision year, date = Jan 1st)
///
/// (A vector for the tests: the extractor reads them through [`for_each_date`].)
#[cfg(test)]
pub fn dates(text: &str, range: Span, published: Option<NaiveDate>) -> Vec<DateRef> {
    let mut out = Vec::new();
    for_each_date(text, range, published, |d| out.push(with_words(d, text)));
    out
}

/// For the tests: `d` with its words, as the extractor outputs it (see [`mk`]).
#[cfg(test)]
pub(crate) fn with_words(d: DateRef, text: &str) -> DateRef {
    DateRef {
        text: d.span.get(text).unwrap_or("").into(),
        ..d
    }
}

/// The dates of `dates`, handed to `each` in text order: a caller that keeps them with
/// more (their tokens) builds its own vector, not a second one.
pub(crate) fn for_each_date(
    text: &str,
    range: Span,
    published: Option<NaiveDate>,
    each: impl FnMut(DateRef),
) {
    let mut start = range.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.min(text.len()).max(start);
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    for_each_date_in(text, &words(text, start, end), published, each);
}

/// The dates read from the words of a sentence ([`words`]).
fn for_each_date_in(
    text: &str,
    words: &[Word],
    published: Option<NaiveDate>,
    mut each: impl FnMut(DateRef),
) {
    let mut i = 0;
    while let Some(w) = words.get(i) {
        if !is_head_at(text.as_bytes(), w) {
            i += 1;
            continue;
        }
        if let Some((d, next)) = read(text, words, i, published) {
            each(d);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
}

/// The day a date's words name when they give a month but no year ("May 1", "1 May",
/// "Dec. 3", "in March"), in the leap year 2000, so that two such dates of an article
/// without a publication date can be compared; `None` for words that name no month
/// (a weekday, "yesterday": they cannot be placed without the publication date).
/// For a date whose `date` is `None`: only those keep their words while the rules run.
pub(crate) fn year_free(date: &DateRef) -> Option<NaiveDate> {
    let text = date.text.as_str();
    let m = words(text, 0, text.len()).iter().find_map(|w| month(w.s))?;
    if date.precision != Precision::Day {
        // a month's words are its name alone ("in" is not kept): its first day
        return NaiveDate::from_ymd_opt(2000, m, 1);
    }
    // its last day as the publication date: every month and day of the year falls in 2000
    let reference = NaiveDate::from_ymd_opt(2000, 12, 31)?;
    let mut found = None;
    for_each_date(text, Span::new(0, text.len()), Some(reference), |d| {
        found = found.or(d.date);
    });
    found
}

/// A word of the date scanner: letters and digits, and '-' inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    s: &'t [u8],
    span: Span,
}

pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut v = Vec::new();
    words_into(text, start, end, &mut v);
    v
}

/// The words of [`words`], pushed onto `v`.
fn words_into<'t>(text: &'t str, start: usize, end: usize, v: &mut Vec<Word<'t>>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let b = s.as_bytes();
    // an English word with its gap takes about six bytes: mostly one allocation per call
    v.reserve(b.len() / 5 + 4);
    // A word: alphanumeric chars, and '-' inside. ASCII bytes are told by a table, and
    // non-ASCII chars are decoded one by one; every stop is on a char boundary.
    let mut i = 0;
    while let Some(gap) = b.get(i..) {
        // the next ASCII letter or digit, or non-ASCII byte (mostly after one space)
        let off = match gap {
            [b' ', c, ..] if class(*c) & ALNUM != 0 => 1,
            _ => match gap.iter().position(|&c| class(c) & (ALNUM | HIGH) != 0) {
                Some(off) => off,
                None => break,
            },
        };
        i += off;
        if b.get(i).is_some_and(|&c| c >= 0x80) {
            let (alnum, width) = decode(s, i);
            if !alnum {
                i += width;
                continue;
            }
        }
        let a = i;
        loop {
            let run = b.get(i..).unwrap_or(&[]);
            i += run
                .iter()
                .position(|&c| class(c) & (ALNUM | DASH) == 0)
                .unwrap_or(run.len());
            if b.get(i).is_some_and(|&c| c >= 0x80) {
                let (alnum, width) = decode(s, i);
                if alnum {
                    i += width;
                    continue;
                }
            }
            break;
        }
        // no trailing '-' (the first byte is no '-')
        let mut e = i;
        while e > a && b.get(e - 1) == Some(&b'-') {
            e -= 1;
        }
        let w = b.get(a..e).unwrap_or(&[]);
        v.push(Word {
            s: w,
            span: Span::new(start + a, start + a + w.len()),
        });
    }
}

/// The dates of a sentence read from its tokens, as [`for_each_date_in`] reads them from
/// the sentence's words: `toks` in text order cover every char of the sentence but
/// whitespace, each a word token (mark 0: a letter or digit, then letters and digits
/// joined by '-', '.', ',' or '\'') or a mark (one char, or "'s" with mark '\''), as
/// `tok` gives their spans and marks; `cuts` are the offsets of the '.', ',' and '\''
/// inside the word tokens, in text order. `keyword` is false only for a token whose word
/// is none of [`KEYWORDS`] in any case (the events lexicon's `MARK_DATE`, which the
/// tokenizer has set already), starts with no ASCII digit and has no cut (the events
/// tokenizer tells these too): such a word starts no date, told without comparing it
/// ([`is_keyword`]) nor reading it; `|_| true` asks the words themselves.
///
/// Most words start no date ([`is_head`]): the words are read only in the windows of the
/// text around the words that can ([`head_windows`]), and a sentence without one is passed
/// over at once. A window ends on whitespace both sides, so its words are the sentence's
/// words there, and it holds all that [`read`] looks at for a date that starts in it.
#[inline(never)]
pub(crate) fn for_each_date_of_tokens<'t, T>(
    text: &'t str,
    toks: &[T],
    tok: impl Fn(&T) -> (Span, u8),
    keyword: impl Fn(&T) -> bool,
    cuts: &[usize],
    published: Option<NaiveDate>,
    mut each: impl FnMut(DateRef),
) {
    // taken at the first window: most sentences have none, and leave the vector where it is
    let mut taken: Option<Vec<Word<'t>>> = None;
    head_windows(text, toks, &tok, &keyword, cuts, |a, e| {
        let words = taken.get_or_insert_with(|| WORDS.take());
        words.clear();
        let window = toks.get(a..e).unwrap_or(&[]);
        window_words(text, window, &tok, cuts, words);
        for_each_date_in(text, words, published, &mut each);
    });
    // kept for the next sentence of the thread, unless it is large
    let Some(mut words) = taken else {
        return;
    };
    if words.capacity() <= KEEP_WORDS {
        words.clear();
        // (empty: no word is mapped; the vector is reused in place)
        WORDS.set(
            words
                .into_iter()
                .map(|w| Word {
                    s: &[],
                    span: w.span,
                })
                .collect(),
        );
    }
}

/// The words of a window of tokens (see [`head_windows`]) onto `v`: its word tokens when
/// it has no cuts, no '-' mark and no "'s" (the other marks end a scanner word, and a word
/// token starts and ends with a letter or digit: each is a scanner word), else the words
/// the scanner reads from its text.
fn window_words<'t, T>(
    text: &'t str,
    window: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    cuts: &[usize],
    v: &mut Vec<Word<'t>>,
) {
    let from = window.first().map_or(0, |t| tok(t).0.start);
    let to = window.last().map_or(from, |t| tok(t).0.end);
    let first_cut = cuts.partition_point(|&k| k < from);
    if cuts.get(first_cut).is_none_or(|&k| k >= to) {
        let simple = window.iter().all(|t| match tok(t) {
            // (the char 0 is a token of mark 0 but no word: the scanner reads it)
            (span, 0) => text.as_bytes().get(span.start..span.end).is_some_and(|s| {
                v.push(Word { s, span });
                s != b"\0"
            }),
            (span, mark) => mark != b'-' && !(mark == b'\'' && span.len() == 2),
        });
        if simple {
            return;
        }
        v.clear();
    }
    words_into(text, from, to, v);
}

/// For the tests: checks that every window of a sentence's tokens (see
/// [`for_each_date_of_tokens`]) has the words the scanner reads from its text, and that
/// these are a run of the words of the whole sentence (`span`).
#[cfg(test)]
pub(crate) fn check_windows<T>(
    text: &str,
    span: Span,
    toks: &[T],
    tok: impl Fn(&T) -> (Span, u8),
    keyword: impl Fn(&T) -> bool,
    cuts: &[usize],
) {
    let all = words(text, span.start, span.end);
    head_windows(text, toks, &tok, &keyword, cuts, |a, e| {
        let window = toks.get(a..e).unwrap_or(&[]);
        let mut got = Vec::new();
        window_words(text, window, &tok, cuts, &mut got);
        let from = window.first().map_or(0, |t| tok(t).0.start);
        let to = window.last().map_or(from, |t| tok(t).0.end);
        assert_eq!(got, words(text, from, to), "{text:?} [{a}, {e})");
        assert!(
            got.is_empty() || all.windows(got.len()).any(|w| w == got.as_slice()),
            "{text:?} [{a}, {e})"
        );
    });
}

/// How many words [`WORDS`] keeps room for between sentences.
const KEEP_WORDS: usize = 1024;

thread_local! {
    /// The word vector of [`for_each_date_of_tokens`], kept between calls so that reading
    /// the dates of a sentence does not allocate it anew (a nested call, taking it while it
    /// is out, gets an empty one). Kept empty, with no lifetime: a vector of no words is
    /// turned into one of another lifetime in place, as the types have the same layout.
    static WORDS: Cell<Vec<Word<'static>>> = const { Cell::new(Vec::new()) };
}

/// The windows of tokens `[a, e)` that hold the dates of a sentence (its tokens and cuts
/// as [`for_each_date_of_tokens`] takes them), in text order, handed to `window`.
///
/// A word of the scanner ([`words`]) never goes across whitespace: the tokens between two
/// gaps (a segment) hold whole words. A word that can start a date starts a word token or
/// a part of one between cuts (the scanner's words start there, or at the 's' of a "'s"
/// mark, which starts none). Its window runs from the last segment with a word token
/// before its own ([`window_start`], for the word before it) to the end of the next
/// segment with a word token ([`window_end`], for the word after it; [`read`] looks at the
/// one after that only for a year, which starts with a digit: a head, whose window goes
/// on): [`read`] sees there what it sees in the whole sentence. A window that would reach into
/// the one before is one with it; a window that starts where the one before ends holds no
/// word that a date of that one reads, nor the reverse. Every token is read at most twice.
/// A figure that starts no date ([`figure_starts_date`]: "12 people") opens no window,
/// though [`window_end`] goes on at it as at every head.
fn head_windows<T>(
    text: &str,
    toks: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    keyword: &impl Fn(&T) -> bool,
    cuts: &[usize],
    mut window: impl FnMut(usize, usize),
) {
    let mut ci = 0;
    // the tokens of the window read last, not yet handed over
    let mut last: Option<(usize, usize)> = None;
    let mut x = 0;
    while let Some(h) = next_head(text, toks, tok, keyword, cuts, &mut ci, x) {
        let start = window_start(text, toks, tok, h, last.map_or(0, |(_, e)| e));
        let e = window_end(text, toks, tok, keyword, cuts, &mut ci, h);
        last = match (last, start) {
            (Some((a, _)), None) => Some((a, e)),
            (Some((a, le)), Some(start)) => {
                window(a, le);
                Some((start, e))
            }
            (None, start) => Some((start.unwrap_or(0), e)),
        };
        x = e;
    }
    if let Some((a, e)) = last {
        window(a, e);
    }
}

/// The first word token from token `x` on that can start a date (see [`has_head`] for
/// `ci` and `keyword`, and [`figure_starts_date`]).
fn next_head<T>(
    text: &str,
    toks: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    keyword: &impl Fn(&T) -> bool,
    cuts: &[usize],
    ci: &mut usize,
    mut x: usize,
) -> Option<usize> {
    let b = text.as_bytes();
    // the first cut not before the token, read once for all the tokens up to it
    let mut next_cut = cuts.get(*ci).copied().unwrap_or(usize::MAX);
    while let Some(y) = next_candidate(toks, keyword, x) {
        x = y;
        let Some(t) = toks.get(x) else {
            break;
        };
        let (span, mark) = tok(t);
        if mark == 0 {
            if next_cut < span.end {
                // a token with cuts, which moves `ci`, is read in parts: each may start a
                // date, and any can ([`parts_start_date`])
                if parts_start_date(text, toks, (tok, keyword), cuts, ci, x) {
                    return Some(x);
                }
                next_cut = cuts.get(*ci).copied().unwrap_or(usize::MAX);
            } else if let Some(&first) = b.get(span.start) {
                // a figure, or a word the lexicon marked that is a keyword as written
                let head = if first.is_ascii_digit() {
                    figure_starts_date(text, toks, (tok, keyword), cuts, *ci, x)
                } else {
                    keyword(t)
                        && is_keyword_at(b, span, first)
                        && keyword_starts_date(text, toks, tok, x)
                };
                if head {
                    return Some(x);
                }
            }
        }
        x += 1;
    }
    None
}

/// The first token from token `x` on that [`next_head`] has to look at: every word token
/// with a cut, a figure or a word the lexicon marked, as `keyword` tells them (see
/// [`for_each_date_of_tokens`]; it may tell more tokens, which [`next_head`] passes). Most
/// tokens are none of these: a loop of its own, with little to keep in registers, passes
/// them at one test each, where it read each token's mark, end and first byte.
#[inline(never)]
fn next_candidate<T>(toks: &[T], keyword: &impl Fn(&T) -> bool, x: usize) -> Option<usize> {
    let k = toks.get(x..)?.iter().position(keyword)?;
    Some(x + k)
}

/// Whether the keyword at token `x` (a word token without cuts, one of [`KEYWORDS`]) may
/// start a date: any but "last" and "this" ([`Relative::parts`]), and these only before a
/// word token that starts with one of their parts of the day ("last night"), the next word
/// of the scanner (the char 0, a token of mark 0, is none) but after a "'s" (then the word
/// "s", which is none). A test that errs on
/// the side of a date ("nightly", a mark between), as [`read`] tells the rest; where a
/// "this" before any word opened a window read for nothing. (A date read at a weekday or a
/// month's name after "last" is that word's window, which takes in the word before.)
fn keyword_starts_date<T>(
    text: &str,
    toks: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    x: usize,
) -> bool {
    let b = text.as_bytes();
    let Some((span, _)) = toks.get(x).map(tok) else {
        return true;
    };
    // (only a word of four bytes is "last" or "this": most keywords are told by the length)
    if span.len() != 4 {
        return true;
    }
    let parts = match keyword_named(b, span) {
        Some(Named::Relative(r)) => r.parts(),
        _ => return true,
    };
    if parts.is_empty() {
        return true;
    }
    let next = toks
        .get(x + 1..)
        .unwrap_or(&[])
        .iter()
        .map(tok)
        .find(|&(t, mark)| is_word(text, (t, mark)) || mark == b'\'' && t.len() == 2);
    match next {
        Some((t, 0)) => b
            .get(t.start..t.end)
            .is_some_and(|w| parts.iter().any(|p| w.starts_with(p))),
        _ => false,
    }
}

/// Whether the figure at token `x`, without cuts (one word of the scanner), can start a
/// date as [`read`] reads one: only as a year (four digits) or as a day before a month's
/// name ([`next_may_be_month`]; `ci` is the index in `cuts` of the first cut after it). A
/// figure that starts no date ("killed 12 people", "3 Syrian soldiers") needs no window of
/// its own: a date that reads it as its day starts at a head before it, whose window takes
/// it in ([`window_end`] goes on at every head).
fn figure_starts_date<T>(
    text: &str,
    toks: &[T],
    (tok, keyword): (&impl Fn(&T) -> (Span, u8), &impl Fn(&T) -> bool),
    cuts: &[usize],
    ci: usize,
    x: usize,
) -> bool {
    toks.get(x)
        .map(tok)
        .is_some_and(|(span, _)| span.len() == 4)
        || next_may_be_month(text, toks, (tok, keyword), cuts, ci, x)
}

/// Whether the word after token `x` may be a month's name, for a figure at `x` or ending it:
/// the next word token starts with a capital, and is marked as a keyword (`keyword`, see
/// [`for_each_date_of_tokens`]) or has cuts (a cut at `cuts[ci]` or after), whose first
/// part may be one. The next word token stands for the next word (a "'s" between them is a
/// word without a capital: the test errs on the side of a date).
fn next_may_be_month<T>(
    text: &str,
    toks: &[T],
    (tok, keyword): (&impl Fn(&T) -> (Span, u8), &impl Fn(&T) -> bool),
    cuts: &[usize],
    ci: usize,
    x: usize,
) -> bool {
    let b = text.as_bytes();
    toks.get(x + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|t| is_word(text, tok(t)))
        .is_some_and(|t| {
            let (next, _) = tok(t);
            b.get(next.start).is_some_and(u8::is_ascii_uppercase)
                && (keyword(t) || cuts.get(ci).is_some_and(|&k| k < next.end))
        })
}

/// [`has_head`] for the token at `x`, which has cuts, as [`next_head`] reads it: a part of it
/// can start a date, a figure only as [`figure_starts_date`] tells (before another part,
/// one that starts with a capital: "Dec.3" may start one, "15.0" not); moves `ci` past its
/// cuts.
fn parts_start_date<T>(
    text: &str,
    toks: &[T],
    (tok, keyword): (&impl Fn(&T) -> (Span, u8), &impl Fn(&T) -> bool),
    cuts: &[usize],
    ci: &mut usize,
    x: usize,
) -> bool {
    let b = text.as_bytes();
    let Some((t, _)) = toks.get(x).map(tok) else {
        return false;
    };
    // a part that can start a date if it is no figure, or a year, or if the word after it
    // may be a month's name (`month`, asked last)
    let starts = |p: &[u8], month: &dyn Fn() -> bool| {
        is_head(p) && (!p.first().is_some_and(u8::is_ascii_digit) || p.len() == 4 || month())
    };
    let mut head = false;
    let mut a = t.start;
    while let Some(&k) = cuts.get(*ci).filter(|&&k| k < t.end) {
        let month = || b.get(k + 1).is_some_and(u8::is_ascii_uppercase);
        head = head || b.get(a..k).is_some_and(|p| starts(p, &month));
        a = k + 1;
        *ci += 1;
    }
    let month = || next_may_be_month(text, toks, (tok, keyword), cuts, *ci, x);
    head || b.get(a..t.end).is_some_and(|p| starts(p, &month))
}

/// The first token of the window of a head at token `h` (see [`head_windows`]): the start
/// of the last segment with a word token before the segment of `h`, not before token
/// `floor` (the end of the window before, on a gap, or 0). `None` if there is none from
/// `floor` on but there are tokens before it: the window is one with the window before.
fn window_start<T>(
    text: &str,
    toks: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    h: usize,
    floor: usize,
) -> Option<usize> {
    let at = |i: usize| toks.get(i).map(tok);
    // token `i` touches the token before it
    let touches = |i: usize| {
        i.checked_sub(1)
            .and_then(at)
            .zip(at(i))
            .is_some_and(|((p, _), (t, _))| p.end == t.start)
    };
    let mut a = h;
    while a > floor && touches(a) {
        a -= 1;
    }
    // `a` starts a segment: read back the segments before it
    while a > floor {
        let mut b = a - 1;
        let mut word = at(b).is_some_and(|t| is_word(text, t));
        while b > floor && touches(b) {
            b -= 1;
            word |= at(b).is_some_and(|t| is_word(text, t));
        }
        if word {
            return Some(b);
        }
        a = b;
    }
    (floor == 0).then_some(0)
}

/// The end (a token index) of the window of a head at token `h` (see [`head_windows`]):
/// the end of the segment with a word token after the last segment with a head in a run
/// of them, or of the tokens. Reads the heads of the tokens after `h` (see
/// [`has_head`] for `ci`).
fn window_end<T>(
    text: &str,
    toks: &[T],
    tok: &impl Fn(&T) -> (Span, u8),
    keyword: &impl Fn(&T) -> bool,
    cuts: &[usize],
    ci: &mut usize,
    h: usize,
) -> usize {
    // the segments with word tokens still to take, and what the segment read has
    let mut need = 1u8;
    let (mut word, mut head) = (true, true);
    let mut prev_end = toks.get(h).map_or(0, |t| tok(t).0.end);
    for (y, t) in toks.iter().enumerate().skip(h + 1) {
        let (span, mark) = tok(t);
        if span.start != prev_end {
            // a gap: the segment ends
            if word && !head {
                need -= 1;
                if need == 0 {
                    return y;
                }
            }
            (word, head) = (false, false);
        }
        prev_end = span.end;
        if is_word(text, (span, mark)) {
            word = true;
            if has_head(text, span, keyword(t), cuts, ci) {
                head = true;
                need = 1;
            }
        }
    }
    toks.len()
}

/// Whether a token (its span and mark) is a word token: of mark 0, and not the char 0
/// (a token of mark 0 too, but no word).
#[inline]
fn is_word(text: &str, (span, mark): (Span, u8)) -> bool {
    mark == 0 && text.as_bytes().get(span.start) != Some(&0)
}

/// Whether the word token at `t`, or a part of it between cuts, can start a date; `ci` is
/// the index in `cuts` of the first cut not before it, moved past its cuts. `keyword` is
/// false for a word that is none of [`KEYWORDS`] in any case, starts with no ASCII digit
/// and has no cut (see [`for_each_date_of_tokens`]), which starts no date: told with no
/// read of its end or its bytes.
#[inline]
fn has_head(text: &str, t: Span, keyword: bool, cuts: &[usize], ci: &mut usize) -> bool {
    if !keyword {
        return false;
    }
    let b = text.as_bytes();
    if cuts.get(*ci).is_some_and(|&k| k < t.end) {
        return parts_have_head(b, t, cuts, ci);
    }
    b.get(t.start)
        .is_some_and(|&first| first.is_ascii_digit() || is_keyword_at(b, t, first))
}

/// [`is_keyword`] for the word at `t` in `b`, whose first byte is `first`: some words the
/// lexicon marks are told no keyword by their first byte and length ([`may_head`]: "may",
/// "march", as a name is a keyword only capitalised), without taking their slice.
#[inline]
fn is_keyword_at(b: &[u8], t: Span, first: u8) -> bool {
    may_head(first, t.end.wrapping_sub(t.start)) && keyword_in(b, t.start, t.end)
}

/// [`has_head`] for a token with cuts.
#[inline(never)]
fn parts_have_head(b: &[u8], t: Span, cuts: &[usize], ci: &mut usize) -> bool {
    let mut head = false;
    let mut a = t.start;
    while let Some(&k) = cuts.get(*ci).filter(|&&k| k < t.end) {
        head = head || b.get(a..k).is_some_and(is_head);
        a = k + 1;
        *ci += 1;
    }
    head || b.get(a..t.end).is_some_and(is_head)
}

/// Whether a word can start a date ([`read`] reads none from any other): it starts with a
/// digit, is "overnight", "today", "yesterday", "last" or "this" in any case, or a weekday
/// or month name. Told by the first byte and the length for most words: this runs on every
/// word of a sentence.
#[inline]
fn is_head(w: &[u8]) -> bool {
    let Some(&first) = w.first() else {
        return false;
    };
    may_head(first, w.len()) && (first.is_ascii_digit() || is_keyword(w))
}

/// [`is_head`] of a word of `b` (its bytes are `b` at its span), its keywords told by
/// [`keyword_in`].
#[inline]
fn is_head_at(b: &[u8], w: &Word) -> bool {
    let Some(&first) = w.s.first() else {
        return false;
    };
    may_head(first, w.s.len())
        && (first.is_ascii_digit() || keyword_in(b, w.span.start, w.span.end))
}

/// Whether a word that starts with byte `first` and has `len` bytes can start a date
/// ([`is_head`]), by one look-up: it starts with a digit, or a keyword of its length
/// starts with its first byte ([`HEAD_LENGTHS`]). A necessary test, not a sufficient one:
/// a length is read modulo 32 (no clamp on the way), and a word that long is no keyword,
/// which [`is_keyword`] tells exactly.
#[inline]
fn may_head(first: u8, len: usize) -> bool {
    // (`as u32` keeps the low bits, all that the shift reads)
    HEAD_LENGTHS[usize::from(first)].wrapping_shr(len as u32) & 1 != 0
}

/// The words [`is_keyword`] looks for, but the lowercase forms of the relative ones. The
/// events lexicon marks them in any case (its `MARK_DATE`), so that a sentence
/// without one (and without a figure or a cut) is known to have no date before it is read.
pub(crate) const KEYWORDS: &[&[u8]] = &[
    b"Overnight",
    b"Today",
    b"Yesterday",
    b"Last",
    b"This",
    b"Monday",
    b"Mon",
    b"Tuesday",
    b"Tue",
    b"Tues",
    b"Wednesday",
    b"Wed",
    b"Thursday",
    b"Thu",
    b"Thur",
    b"Thurs",
    b"Friday",
    b"Fri",
    b"Saturday",
    b"Sat",
    b"Sunday",
    b"Sun",
    b"January",
    b"Jan",
    b"February",
    b"Feb",
    b"March",
    b"Mar",
    b"April",
    b"Apr",
    b"May",
    b"June",
    b"Jun",
    b"July",
    b"Jul",
    b"August",
    b"Aug",
    b"September",
    b"Sept",
    b"Sep",
    b"October",
    b"Oct",
    b"November",
    b"Nov",
    b"December",
    b"Dec",
];

/// For each first byte, the lengths (as bits) of the words of [`KEYWORDS`] that start
/// with it, the relative words with their lowercase first letters too: a word of another
/// length is no keyword, told without reading it. A digit has every length: a figure of
/// any length can start a date.
static HEAD_LENGTHS: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = u32::MAX;
        d += 1;
    }
    let mut k = 0;
    while k < KEYWORDS.len() {
        let w = KEYWORDS[k];
        t[w[0] as usize] |= 1 << w.len();
        // "Overnight", "Today", "Yesterday", "Last", "This"
        if k < 5 {
            t[w[0].to_ascii_lowercase() as usize] |= 1 << w.len();
        }
        k += 1;
    }
    t
};

/// The key of [`KEYWORDS`]' word `k` in [`KEYWORD_SLOTS`]: a name as written, a relative
/// word (the first five) with its case bits set.
const fn stored_key(k: usize) -> u128 {
    let w = KEYWORDS[k];
    let key = numbers::word_key(w);
    if k < 5 {
        key | (CASE_BITS & ((1 << (8 * w.len())) - 1))
    } else {
        key
    }
}

/// The multiplier and bits of [`KEYWORD_SLOTS`].
const KEYWORD_HASH: (u64, u32) = (0xd6ed_cc70_4541_6ee3, 7);

/// [`KEYWORDS`] by their slots ([`numbers::slot`] by [`KEYWORD_HASH`], of their
/// [`numbers::word_key`]): the names as written, the relative words (the first five)
/// lowercased. The build fails if two share a slot.
static KEYWORD_SLOTS: [u128; 128] = {
    let mut t = [u128::MAX; 128];
    let mut k = 0;
    while k < KEYWORDS.len() {
        let key = stored_key(k);
        let at = numbers::slot(key, KEYWORD_HASH.0, KEYWORD_HASH.1);
        assert!(t[at] == u128::MAX, "two keywords in one slot");
        t[at] = key;
        k += 1;
    }
    t
};

/// The case bit of each of sixteen bytes.
const CASE_BITS: u128 = u128::from_le_bytes([0x20; 16]);

/// What each word of [`KEYWORDS`] names, in their order, as a code ([`named`]): 1 to 5 the
/// relative words ([`RELATIVE`]), 8 and on a weekday (8 + its days from Monday), 16 and on a
/// month (16 + its number). The tests hold each to [`weekday`] and [`month`].
const KEYWORD_CODES: [u8; KEYWORDS.len()] = [
    1, 2, 3, 4, 5, // Overnight, Today, Yesterday, Last, This
    8, 8, 9, 9, 9, 10, 10, 11, 11, 11, 11, 12, 12, 13, 13, 14, 14, // Monday ... Sun
    17, 17, 18, 18, 19, 19, 20, 20, 21, 22, 22, 23, 23, 24, 24, 25, 25, 25, 26, 26, 27, 27, 28,
    28, // January ... Dec
];

/// The relative words, by their code in [`KEYWORD_CODES`] less one (the order of
/// [`KEYWORDS`]).
const RELATIVE: [Relative; 5] = [
    Relative::Overnight,
    Relative::Today,
    Relative::Yesterday,
    Relative::Last,
    Relative::This,
];

/// The weekdays from Monday, by their code in [`KEYWORD_CODES`] less 8.
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// [`KEYWORD_CODES`] by the slots of [`KEYWORD_SLOTS`] (0 in a slot of no keyword).
static KEYWORD_SLOT_CODES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut k = 0;
    while k < KEYWORDS.len() {
        let key = stored_key(k);
        t[numbers::slot(key, KEYWORD_HASH.0, KEYWORD_HASH.1)] = KEYWORD_CODES[k];
        k += 1;
    }
    t
};

/// A relative word of [`KEYWORDS`] (in any case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relative {
    Overnight,
    Today,
    Yesterday,
    Last,
    This,
}

/// The parts of the day that make "last" a date ("last night"), as written.
const AFTER_LAST: &[&[u8]] = &[b"night"];
/// The parts of the day that make "this" a date ("this morning"), as written.
const AFTER_THIS: &[&[u8]] = &[b"morning", b"afternoon", b"evening"];

impl Relative {
    /// The words after it that make it a date ([`read_relative`]) when it starts no date
    /// alone ("last", "this"); none for the others, which do.
    fn parts(self) -> &'static [&'static [u8]] {
        match self {
            Relative::Last => AFTER_LAST,
            Relative::This => AFTER_THIS,
            Relative::Overnight | Relative::Today | Relative::Yesterday => &[],
        }
    }
}

/// What a word that may start a date names ([`keyword_named`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    Relative(Relative),
    Weekday(Weekday),
    Month(u32),
}

/// What a code of [`KEYWORD_CODES`] names; `None` for 0 (no keyword).
#[inline]
fn named(code: u8) -> Option<Named> {
    match code {
        1..=5 => RELATIVE
            .get(usize::from(code - 1))
            .map(|&r| Named::Relative(r)),
        8..=14 => WEEKDAYS
            .get(usize::from(code - 8))
            .map(|&d| Named::Weekday(d)),
        17..=28 => Some(Named::Month(u32::from(code - 16))),
        _ => None,
    }
}

/// What the word at `t` in `b` names if it is one of [`KEYWORDS`] (a relative word in any
/// case, a name as written), told as [`keyword_in`] tells that it is one: by the two
/// look-ups of its slot, with no branch on its bytes, where [`read`] compared it with each
/// relative word and matched it on the weekdays' and the months' names (a jump table on
/// its length, and compares). A word with fewer than sixteen bytes after its start, or of
/// sixteen or more, is looked for in [`KEYWORDS`] one by one. Inlined in its two callers
/// (out of line, [`read`] lost more to the call than its copy costs).
#[inline(always)]
fn keyword_named(b: &[u8], t: Span) -> Option<Named> {
    let code = match keyword_keys(b, t.start, t.end) {
        Some(keys) => {
            // (a relative word as written lowercase is found by both: the same code)
            let code = |key: u128| {
                let at = numbers::slot(key, KEYWORD_HASH.0, KEYWORD_HASH.1);
                let hit = KEYWORD_SLOTS.get(at) == Some(&key);
                KEYWORD_SLOT_CODES
                    .get(at)
                    .map_or(0, |&c| if hit { c } else { 0 })
            };
            code(keys[0]) | code(keys[1])
        }
        None => b.get(t.start..t.end).map_or(0, keyword_code),
    };
    named(code)
}

/// The two keys of [`KEYWORD_SLOTS`] the word `b[start..end]` is looked up by: its bytes
/// as written (a name) and with their case bits set (a relative word, folded as
/// [`is_keyword`] folds it), each with its length in the top byte, read from the sixteen
/// bytes at its start with no branch on its length. `None` for a word of sixteen bytes or
/// more, or with fewer than sixteen bytes of the text after its start.
#[inline(always)]
fn keyword_keys(b: &[u8], start: usize, end: usize) -> Option<[u128; 2]> {
    let n = end.wrapping_sub(start);
    let chunk = b.get(start..).and_then(<[u8]>::first_chunk::<16>)?;
    if n >= 16 {
        return None;
    }
    let keep = (1u128 << (8 * n)) - 1;
    let x = u128::from_le_bytes(*chunk) & keep;
    let len = (n as u128) << 120;
    Some([x | len, x | (CASE_BITS & keep) | len])
}

/// The code in [`KEYWORD_CODES`] of the word `w` (0 for none): [`keyword_named`] for a word
/// it does not look up.
fn keyword_code(w: &[u8]) -> u8 {
    KEYWORDS
        .iter()
        .zip(KEYWORD_CODES)
        .enumerate()
        .find(|(k, (x, _))| {
            if *k < 5 {
                w.eq_ignore_ascii_case(x)
            } else {
                w == **x
            }
        })
        .map_or(0, |(_, (_, code))| code)
}

/// [`is_keyword`] of the word `b[start..end]`, told by two look-ups in [`KEYWORD_SLOTS`]
/// (the word as written, for a name, and with its case bits set, for a relative word,
/// as [`is_keyword`] folds it) from the sixteen bytes of `b` at its start: no branch on its
/// length and bytes, where [`is_keyword`]'s match on them has a jump table. A word with
/// fewer bytes after its start, or of sixteen bytes or more, is told by [`is_keyword`].
#[inline]
fn keyword_in(b: &[u8], start: usize, end: usize) -> bool {
    match keyword_keys(b, start, end) {
        Some(keys) => {
            let hit = |key: u128| {
                let at = numbers::slot(key, KEYWORD_HASH.0, KEYWORD_HASH.1);
                KEYWORD_SLOTS.get(at) == Some(&key)
            };
            hit(keys[0]) | hit(keys[1])
        }
        None => b.get(start..end).is_some_and(is_keyword),
    }
}

/// [`is_head`] for a word that starts with a capital or one of 'o', 't', 'y', 'l', and has
/// the length of a keyword that starts so (modulo 32, [`may_head`]: this test is exact
/// whatever the length): one of the relative words in any case, or a weekday's or month's
/// name or abbreviation ([`weekday`], [`month`]). The word is read as an array of its
/// length, whose compares are a few integer compares, not one per name of the lists; kept
/// out of line, as most words never get here ([`keyword_in`] tells the words of the text
/// by a table, and asks this only of a word in the last sixteen bytes).
#[inline(never)]
fn is_keyword(w: &[u8]) -> bool {
    // a relative word is all lowercase letters: a byte with its case bit set is equal to one
    // of them only if it is that letter in either case
    fn folded<const N: usize>(a: [u8; N]) -> [u8; N] {
        a.map(|c| c | 0x20)
    }
    if let Ok(a) = <[u8; 3]>::try_from(w) {
        return matches!(
            &a,
            b"Mon"
                | b"Tue"
                | b"Wed"
                | b"Thu"
                | b"Fri"
                | b"Sat"
                | b"Sun"
                | b"Jan"
                | b"Feb"
                | b"Mar"
                | b"Apr"
                | b"May"
                | b"Jun"
                | b"Jul"
                | b"Aug"
                | b"Sep"
                | b"Oct"
                | b"Nov"
                | b"Dec"
        );
    }
    if let Ok(a) = <[u8; 4]>::try_from(w) {
        return matches!(&folded(a), b"last" | b"this")
            || matches!(&a, b"Tues" | b"Thur" | b"June" | b"July" | b"Sept");
    }
    if let Ok(a) = <[u8; 5]>::try_from(w) {
        return &folded(a) == b"today" || matches!(&a, b"Thurs" | b"March" | b"April");
    }
    if let Ok(a) = <[u8; 9]>::try_from(w) {
        return matches!(&folded(a), b"overnight" | b"yesterday")
            || matches!(&a, b"Wednesday" | b"September");
    }
    if let Ok(a) = <[u8; 6]>::try_from(w) {
        return matches!(&a, b"Monday" | b"Friday" | b"Sunday" | b"August");
    }
    if let Ok(a) = <[u8; 7]>::try_from(w) {
        return matches!(&a, b"Tuesday" | b"January" | b"October");
    }
    if let Ok(a) = <[u8; 8]>::try_from(w) {
        return matches!(
            &a,
            b"Thursday" | b"Saturday" | b"February" | b"November" | b"December"
        );
    }
    false
}

const ALNUM: u8 = 1;
const DASH: u8 = 2;
const HIGH: u8 = 4;

/// Byte classes of the word scanner: ASCII letters and digits, '-', non-ASCII bytes.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if b == b'-' {
            DASH
        } else if b >= 0x80 {
            HIGH
        } else {
            0
        };
        c += 1;
    }
    t
};

fn class(c: u8) -> u8 {
    CLASS[usize::from(c)]
}

/// Whether the char at byte `i` of `s` is alphanumeric, and its length.
fn decode(s: &str, i: usize) -> (bool, usize) {
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(ch) => (ch.is_alphanumeric(), ch.len_utf8()),
        None => (false, 1),
    }
}

fn weekday(w: &[u8]) -> Option<Weekday> {
    Some(match w {
        b"Monday" | b"Mon" => Weekday::Mon,
        b"Tuesday" | b"Tue" | b"Tues" => Weekday::Tue,
        b"Wednesday" | b"Wed" => Weekday::Wed,
        b"Thursday" | b"Thu" | b"Thur" | b"Thurs" => Weekday::Thu,
        b"Friday" | b"Fri" => Weekday::Fri,
        b"Saturday" | b"Sat" => Weekday::Sat,
        b"Sunday" | b"Sun" => Weekday::Sun,
        _ => return None,
    })
}

fn month(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"January" | b"Jan" => 1,
        b"February" | b"Feb" => 2,
        b"March" | b"Mar" => 3,
        b"April" | b"Apr" => 4,
        b"May" => 5,
        b"June" | b"Jun" => 6,
        b"July" | b"Jul" => 7,
        b"August" | b"Aug" => 8,
        b"September" | b"Sept" | b"Sep" => 9,
        b"October" | b"Oct" => 10,
        b"November" | b"Nov" => 11,
        b"December" | b"Dec" => 12,
        _ => return None,
    })
}

fn is_abbrev(w: &[u8]) -> bool {
    w.len() <= 4 && w != b"May" && w != b"June" && w != b"July"
}

/// A word is followed by '.' in the text (abbreviations need it).
fn dotted(text: &str, w: &Word) -> bool {
    text.get(w.span.end..w.span.end + 1) == Some(".")
}

fn day_num(b: &[u8]) -> Option<u32> {
    // digits, then an optional "st", "nd", "rd", "th"
    let digits_end = b
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let (d, suffix) = (b.get(..digits_end)?, b.get(digits_end..)?);
    if !suffix.is_empty() && !matches!(suffix, b"st" | b"nd" | b"rd" | b"th") {
        return None;
    }
    let v = digits_value(d)?;
    (1..=31).contains(&v).then_some(v)
}

/// The value of a run of ASCII digits (saturating), None for anything else.
fn digits_value(d: &[u8]) -> Option<u32> {
    if d.is_empty() {
        return None;
    }
    d.iter().try_fold(0u32, |v, &c| {
        c.is_ascii_digit()
            .then(|| v.saturating_mul(10).saturating_add(u32::from(c - b'0')))
    })
}

fn year_num(w: &[u8]) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let v = i32::try_from(digits_value(w)?).ok()?;
    (1900..=2100).contains(&v).then_some(v)
}

/// `w` is one of `list`, ignoring ASCII case.
fn is_any(w: &[u8], list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
}

/// The latest `weekday` on or before `published`.
pub fn weekday_on_or_before(published: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back =
        (7 + published.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    published
        .checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(published)
}

fn latest_day(published: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let y = published.year();
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(x) if x <= published => Some(x),
        _ => NaiveDate::from_ymd_opt(y - 1, m, d),
    }
}

fn mk(
    text: &str,
    words: &[Word],
    a: usize,
    b: usize,
    date: Option<NaiveDate>,
    p: Precision,
) -> DateRef {
    let span = Span::run(
        words.get(a).map(|w| w.span),
        words.get(b.saturating_sub(1).max(a)).map(|w| w.span),
    );
    DateRef {
        // the words of a resolved date are not copied here: most dates found are never
        // output, and the extractor sets the words of those that are from their spans (as
        // it maps them back to the article). Those of a date without a day are kept: the
        // rules read them ([`year_free`]).
        text: if date.is_none() {
            Excerpt::from(span.get(text).unwrap_or(""))
        } else {
            Excerpt::default()
        },
        date,
        precision: p,
        span,
        inferred: false,
    }
}

fn read(
    text: &str,
    words: &[Word],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let w = words.get(i)?;
    // A date starts with a digit (days, years), or one of [`KEYWORDS`], which says what it
    // reads: a weekday or a month's name (as written), or "overnight", "today",
    // "yesterday", "last", "this" in any case.
    if !w.s.first()?.is_ascii_digit() {
        return match keyword_named(text.as_bytes(), w.span)? {
            Named::Relative(r) => read_relative(text, words, i, r, published),
            Named::Weekday(wd) => read_weekday(text, words, i, wd, published),
            Named::Month(m) => read_month(text, words, i, m, published),
        };
    }
    // "17 March": a day before a month's name, which starts with a capital (a figure before
    // any other word is no day, and no year either when it reads as a day)
    let before_capital = words
        .get(i + 1)
        .and_then(|x| x.s.first())
        .is_some_and(u8::is_ascii_uppercase);
    if let Some(d) = before_capital.then(|| day_num(w.s)).flatten() {
        return read_day_month(text, words, i, d, published);
    }
    let y = year_num(w.s)?;
    if is_any(
        word_at(words, i.checked_sub(1)),
        &["in", "since", "during", "of"],
    ) {
        let date = NaiveDate::from_ymd_opt(y, 1, 1);
        return Some((mk(text, words, i, i + 1, date, Precision::Year), i + 1));
    }
    None
}

/// The word at index `j`, "" for none.
fn word_at<'t>(words: &[Word<'t>], j: Option<usize>) -> &'t [u8] {
    j.and_then(|j| words.get(j)).map_or(&[], |w| w.s)
}

/// A relative day at word `i`, the relative word `r`: "overnight", "today", "yesterday",
/// "last night", "this morning".
fn read_relative(
    text: &str,
    words: &[Word],
    i: usize,
    r: Relative,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let next = word_at(words, Some(i + 1));
    let (date, b) = match r {
        // "overnight on Sunday": the weekday says which night
        Relative::Overnight
            if words
                .get(i + 1)
                .is_some_and(|n| n.s == b"on" || weekday(n.s).is_some()) =>
        {
            return None;
        }
        Relative::Overnight | Relative::Today => (published, i + 1),
        Relative::Yesterday => (published.and_then(|p| p.pred_opt()), i + 1),
        Relative::Last | Relative::This if r.parts().contains(&next) => (published, i + 2),
        Relative::Last | Relative::This => return None,
    };
    Some((mk(text, words, i, b, date, Precision::Day), b))
}

/// A weekday `wd` at word `i`: "Tuesday", "last Tuesday", "Tuesday morning", "Tue.".
fn read_weekday(
    text: &str,
    words: &[Word],
    i: usize,
    wd: Weekday,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let w = words.get(i)?;
    if w.s.len() <= 4 && !dotted(text, w) {
        return None;
    }
    let prev = word_at(words, i.checked_sub(1));
    let last = prev.eq_ignore_ascii_case(b"last");
    let nxt = prev.eq_ignore_ascii_case(b"next");
    let a = if last || nxt { i - 1 } else { i };
    let mut b = i + 1;
    if matches!(
        word_at(words, Some(i + 1)),
        b"morning" | b"afternoon" | b"evening" | b"night"
    ) {
        b += 1;
    }
    let date = published.map(|p| {
        let d = weekday_on_or_before(p, wd);
        if nxt {
            d.checked_add_days(Days::new(7)).unwrap_or(d)
        } else if last && d == p {
            d.checked_sub_days(Days::new(7)).unwrap_or(d)
        } else {
            d
        }
    });
    Some((mk(text, words, a, b, date, Precision::Day), b))
}

/// A day `d` at word `i` before a month: "17 March", "17 March 2016".
fn read_day_month(
    text: &str,
    words: &[Word],
    i: usize,
    d: u32,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let m = words.get(i + 1).and_then(|x| {
        month(x.s).filter(|_| !is_abbrev(x.s) || dotted(text, x) || x.s.len() == 3)
    })?;
    let year = words.get(i + 2).and_then(|x| year_num(x.s));
    let b = if year.is_some() { i + 3 } else { i + 2 };
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d),
        None => published.and_then(|p| latest_day(p, m, d)),
    };
    if year.is_some() && date.is_none() {
        return None;
    }
    if date.is_none() && published.is_some() {
        return None;
    }
    Some((mk(text, words, i, b, date, Precision::Day), b))
}

/// A month `m` at word `i`: "March 17", "March 17, 2016", "March 2016", "in March", "last
/// September".
fn read_month(
    text: &str,
    words: &[Word],
    i: usize,
    m: u32,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let w = words.get(i)?;
    if is_abbrev(w.s) && !dotted(text, w) && w.s.len() != 3 {
        return None;
    }
    if w.s.len() == 3 && !dotted(text, w) && words.get(i + 1).is_none_or(|x| day_num(x.s).is_none())
    {
        return None;
    }
    let prev = word_at(words, i.checked_sub(1));
    let prev_is = |x: &str| prev.eq_ignore_ascii_case(x.as_bytes());
    // "March 17[, 2016]"
    if let Some(d) = words.get(i + 1).and_then(|x| day_num(x.s)) {
        let year = words.get(i + 2).and_then(|x| year_num(x.s));
        let b = if year.is_some() { i + 3 } else { i + 2 };
        let date = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => published.and_then(|p| latest_day(p, m, d)),
        };
        if date.is_none() && (year.is_some() || published.is_some()) {
            return None;
        }
        return Some((mk(text, words, i, b, date, Precision::Day), b));
    }
    // "March 2016"
    if let Some(y) = words.get(i + 1).and_then(|x| year_num(x.s)) {
        let a = if is_any(prev, &["in", "since", "during", "early", "late", "mid"]) {
            i - 1
        } else {
            i
        };
        let date = NaiveDate::from_ymd_opt(y, m, 1);
        return Some((mk(text, words, a, i + 2, date, Precision::Month), i + 2));
    }
    // "in March", "last September"
    let cue = is_any(
        prev,
        &[
            "in", "since", "during", "last", "early", "late", "mid", "until", "by", "of", "mid-",
        ],
    );
    if !cue || (w.s == b"May" && !prev_is("in") && !prev_is("last")) {
        return None;
    }
    let strict = prev_is("last");
    let date = published.and_then(|p| {
        let y = if m < p.month() || (m == p.month() && !strict) {
            p.year()
        } else {
            p.year() - 1
        };
        NaiveDate::from_ymd_opt(y, m, 1)
    });
    let a = if prev_is("last") { i - 1 } else { i };
    Some((mk(text, words, a, i + 1, date, Precision::Month), i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn all(t: &str, p: Option<NaiveDate>) -> Vec<DateRef> {
        dates(t, Span::new(0, t.len()), p)
    }

    #[test]
    fn weekdays_are_in_the_past() {
        let p = Some(d(2016, 8, 16)); // Tuesday
        let want = [
            ("Monday", d(2016, 8, 15)),
            ("Tuesday", d(2016, 8, 16)),
            ("Wednesday", d(2016, 8, 10)),
            ("Thursday", d(2016, 8, 11)),
            ("Friday", d(2016, 8, 12)),
            ("Saturday", d(2016, 8, 13)),
            ("Sunday", d(2016, 8, 14)),
        ];
        for (w, date) in want {
            let t = format!("killed on {w} morning");
            let r = all(&t, p);
            assert_eq!(r[0].date, Some(date), "{w}");
            assert_eq!(r[0].text, format!("{w} morning"));
        }
        assert_eq!(all("last Tuesday", p)[0].date, Some(d(2016, 8, 9)));
        assert_eq!(all("Tuesday\u{2019}s strikes", p)[0].text, "Tuesday");
    }

    #[test]
    fn absolute_and_month_dates() {
        let p = Some(d(2016, 8, 16));
        assert_eq!(all("on March 17", p)[0].date, Some(d(2016, 3, 17)));
        assert_eq!(all("on 9 May 2020", None)[0].date, Some(d(2020, 5, 9)));
        assert_eq!(all("May 9, 2020", None)[0].date, Some(d(2020, 5, 9)));
        assert_eq!(all("on Dec. 3", p)[0].date, Some(d(2015, 12, 3)));
        let r = all("last September", p);
        assert_eq!(
            (r[0].date, r[0].precision),
            (Some(d(2015, 9, 1)), Precision::Month)
        );
        assert_eq!(all("in March", p)[0].date, Some(d(2016, 3, 1)));
        assert_eq!(
            all("in March", Some(d(2016, 2, 1)))[0].date,
            Some(d(2015, 3, 1))
        );
        assert_eq!(all("since 2011", p)[0].precision, Precision::Year);
        assert_eq!(
            all("December 30", Some(d(2016, 1, 5)))[0].date,
            Some(d(2015, 12, 30))
        );
        assert_eq!(all("yesterday", p)[0].date, Some(d(2016, 8, 15)));
    }

    #[test]
    fn words_that_are_not_dates() {
        let p = Some(d(2016, 8, 16));
        assert!(all("they may march on the capital; May I?", p).is_empty());
        assert!(all("February 30 and 31 April", p).is_empty());
        assert!(all("2016 people", p).is_empty());
    }

    #[test]
    fn no_publication_date_no_guess() {
        let r = all("on Tuesday", None);
        assert_eq!((r[0].date, r[0].text.as_str()), (None, "Tuesday"));
    }

    #[test]
    fn odd_inputs() {
        for t in ["", "Tuesday", "é Monday é", "\u{1F600}March 3", "31", "in"] {
            for r in dates(t, Span::new(0, t.len() + 3), Some(d(2020, 1, 1))) {
                assert_eq!(r.span.get(t), Some(r.text.as_str()));
            }
        }
    }

    /// The words [`is_head`] takes are the keywords, in the cases [`read`] reads them.
    #[test]
    fn heads() {
        for w in KEYWORDS {
            assert!(is_head(w), "{w:?}");
        }
        for w in [
            "overnight",
            "today",
            "yesterday",
            "last",
            "this",
            "LAST",
            "ToDaY",
            "3x",
        ] {
            assert!(is_head(w.as_bytes()), "{w}");
        }
        for w in [
            "the", "The", "Mark", "Sunni", "Jane", "monday", "tod", "lastly", "M", "",
        ] {
            assert!(!is_head(w.as_bytes()), "{w}");
        }
        // lengths are read modulo 32 before the exact test: a long figure is a head, a long
        // word of a keyword's length modulo 32 is not
        assert!(is_head("7".repeat(40).as_bytes()));
        assert!(!is_head(format!("Monday{}", "y".repeat(32)).as_bytes()));
        assert!(!is_head(format!("last{}", "s".repeat(32)).as_bytes()));
    }

    /// [`keyword_in`] tells what [`is_keyword`] tells, with the text after the word or not.
    #[test]
    fn keyword_in_as_is_keyword() {
        // every keyword, lowercase and in capitals, and words one byte from one, with and
        // without sixteen bytes of text from their start, at the start of the text or after
        let mut words: Vec<Vec<u8>> = Vec::new();
        for w in KEYWORDS {
            for w in [w.to_vec(), w.to_ascii_lowercase(), w.to_ascii_uppercase()] {
                for i in 0..w.len() {
                    for c in [w[i] ^ 0x20, w[i] + 1, w[i] - 1, b'@', b'`', 0xc3] {
                        let mut v = w.clone();
                        v[i] = c;
                        words.push(v);
                    }
                }
                words.push(w[1..].to_vec());
                words.push([&w[..], b"s"].concat());
                words.push(w);
            }
        }
        words.push(b"aaaaaaaaaaaaaaaaaaaa".to_vec());
        let mut found = 0;
        for w in &words {
            for (before, after) in [("", ""), ("", " of the week before"), ("on ", " at")] {
                let text = [before.as_bytes(), w, after.as_bytes()].concat();
                let at = before.len();
                let got = keyword_in(&text, at, at + w.len());
                assert_eq!(got, is_keyword(w), "{:?}", String::from_utf8_lossy(&text));
                found += usize::from(got);
            }
        }
        assert!(found > KEYWORDS.len() * 3, "{found}");
        assert!(!keyword_in(b"Monday", 3, 1), "an empty span");
    }

    /// [`is_keyword`] reads the words of [`weekday`] and [`month`] exactly and the relative
    /// words in any case, as it did by those functions: on each keyword and on every word one
    /// byte away from one (a byte's case flipped, or moved by one, or set to '@' or '`').
    #[test]
    fn keywords_as_the_lists() {
        let relative = ["overnight", "today", "yesterday", "last", "this"];
        let by_lists = |w: &[u8]| {
            relative
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r.as_bytes()))
                || weekday(w).is_some()
                || month(w).is_some()
        };
        let mut words: Vec<Vec<u8>> = KEYWORDS.iter().map(|w| w.to_vec()).collect();
        words.extend(relative.iter().map(|r| r.as_bytes().to_vec()));
        words.extend([b"the".to_vec(), b"The".to_vec(), b"Thx".to_vec()]);
        let mut checked = 0;
        for w in &words {
            for i in 0..w.len() {
                for c in [w[i] ^ 0x20, w[i] + 1, w[i] - 1, b'@', b'`', w[i]] {
                    let mut v = w.clone();
                    v[i] = c;
                    assert_eq!(
                        is_keyword(&v),
                        by_lists(&v),
                        "{:?}",
                        String::from_utf8_lossy(&v)
                    );
                    checked += usize::from(by_lists(&v));
                }
            }
        }
        // every keyword in each of its cases that the lists take
        assert!(checked > KEYWORDS.len() * 5, "{checked}");
    }

    proptest::proptest! {
        /// A date starts only at a word [`is_head`] takes: the reader passes over the others.
        #[test]
        fn proptest_dates_start_at_heads(
            t in "((Monday|Mon|Tuesday|Tue|Tues|Wednesday|Wed|Thursday|Thu|Thur|Thurs|Friday|Fri|Saturday|Sat|Sunday|Sun|January|Jan|February|Feb|March|Mar|April|Apr|May|June|Jun|July|Jul|August|Aug|September|Sept|Sep|October|Oct|November|Nov|December|Dec|(?i:overnight|today|yesterday|last|this|night|morning|in|since|of|on|next)|[a-zA-Z]{1,4}|[0-9]{1,5}(st|th)?)[ .,'-]{1,2}){0,10}"
        ) {
            let ws = words(&t, 0, t.len());
            for i in 0..ws.len() {
                for p in [None, Some(d(2016, 8, 16))] {
                    if read(&t, &ws, i, p).is_some() {
                        assert!(is_head(ws[i].s), "{t:?} {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_scanner() {
        let p = Some(d(2016, 8, 16));
        // a dash, an en dash and non-ASCII letters
        let r = all("Monday-\u{2013}March 3 and Tuesdayé, «Sunday»", p);
        let texts: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Monday", "March 3", "Sunday"]);
        assert_eq!(r[1].date, Some(d(2016, 3, 3)));
        assert_eq!(all("3rd March 2016", None)[0].date, Some(d(2016, 3, 3)));
        // leading zeros are read as str::parse reads them
        let r = all("in 00000000000000000000003 March", p);
        assert_eq!(r[0].text, "00000000000000000000003 March");
        for t in [
            "3x March",
            "0 March",
            "32 March",
            "99999999999999999999 March",
        ] {
            assert!(all(t, p).is_empty(), "{t}");
        }
        assert_eq!(all("LAST night", p)[0].text, "LAST night");
        assert!(all("last NIGHT", p).is_empty());
        assert_eq!(all("Yesterday", p)[0].date, Some(d(2016, 8, 15)));
        assert!(all("monday march 3 the tuesday", p).is_empty());
    }

    /// A figure starts a date only as a year or before a capital that may be a month's name
    /// (a keyword, or a word with cuts): no window for "12 people", "7 Syrian"; nor for a
    /// figure in parts before a part or word that is none ("15.0 percent").
    #[test]
    fn figures_that_start_no_date() {
        let text =
            "12 people , 3 May , 2016 , 7 's X , 5 Syrian 6 Dec.3 4 it 9 , 15.0 percent 1.5 March";
        let mut toks = Vec::new();
        let mut cuts = Vec::new();
        let mut at = 0;
        for piece in text.split(' ') {
            let mark = match piece {
                "," => b',',
                "'s" => b'\'',
                _ => 0,
            };
            if let Some(k) = piece.find('.') {
                cuts.push(at + k);
            }
            toks.push((Span::new(at, at + piece.len()), mark));
            at += piece.len() + 1;
        }
        let tok = |t: &(Span, u8)| *t;
        let keyword = |t: &(Span, u8)| {
            let w = t.0.get(text).unwrap().as_bytes();
            KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(w))
        };
        let starts = |x: usize| {
            let (span, _) = toks[x];
            let mut ci = cuts.partition_point(|&k| k < span.start);
            if cuts.get(ci).is_some_and(|&k| k < span.end) {
                let head = parts_start_date(text, &toks, (&tok, &keyword), &cuts, &mut ci, x);
                assert_eq!(ci, cuts.partition_point(|&k| k < span.end), "{x}");
                head
            } else {
                figure_starts_date(text, &toks, (&tok, &keyword), &cuts, ci, x)
            }
        };
        let got: Vec<(&str, bool)> = (0..toks.len())
            .filter(|&x| toks[x].1 == 0 && text.as_bytes()[toks[x].0.start].is_ascii_digit())
            .map(|x| (toks[x].0.get(text).unwrap(), starts(x)))
            .collect();
        assert_eq!(
            got,
            [
                ("12", false),
                ("3", true),
                ("2016", true),
                ("7", false),
                ("5", false),
                ("6", true),
                ("4", false),
                ("9", false),
                ("15.0", false),
                ("1.5", true)
            ]
        );
    }

    /// Space-separated pieces of `text` as tokens: "," "-" and "'s" marks, other pieces word
    /// tokens (no cuts: none of the texts here has a '.' or ',' inside a word).
    fn piece_tokens(text: &str) -> Vec<(Span, u8)> {
        let mut toks = Vec::new();
        let mut at = 0;
        for piece in text.split(' ') {
            let mark = match piece {
                "," => b',',
                "-" => b'-',
                "'s" => b'\'',
                _ => 0,
            };
            if !piece.is_empty() {
                toks.push((Span::new(at, at + piece.len()), mark));
            }
            at += piece.len() + 1;
        }
        toks
    }

    /// "last" and "this" open a window only before a part of the day that makes them a date
    /// ([`keyword_starts_date`]), the next word token past marks but "'s"; the other
    /// keywords always do.
    #[test]
    fn last_and_this_start_a_date_only_before_a_part_of_the_day() {
        for (text, want) in [
            ("this week", false),
            ("this", false),
            ("last year", false),
            ("LAST week", false),
            ("last night", true),
            ("Last night", true),
            ("LAST nightly", true),
            ("last Night", false),
            ("this morning", true),
            ("tHiS afternoon", true),
            ("This evening", true),
            ("this , morning", true),
            ("this - evening", true),
            ("last 's night", false),
            ("last \u{0} night", true),
            ("this \u{0}", false),
            ("today x", true),
            ("Monday x", true),
            ("March x", true),
        ] {
            let toks = piece_tokens(text);
            let got = keyword_starts_date(text, &toks, &|t: &(Span, u8)| *t, 0);
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The dates read from tokens are the scanner's dates for "last" and "this" before
    /// every part of the day, other words and marks, in any case, with other heads around
    /// them: the windows that [`keyword_starts_date`] spares held no date.
    #[test]
    fn dates_around_last_and_this_are_the_scanners() {
        let heads = ["last", "Last", "LAST", "this", "This", "tHIS"];
        let mut after: Vec<String> = [AFTER_LAST, AFTER_THIS]
            .concat()
            .iter()
            .map(|w| String::from_utf8_lossy(w).into_owned())
            .collect();
        after.extend(
            [
                "Night", "nightly", "week", "Monday", "March", "3", "2016", "x", "",
            ]
            .map(String::from),
        );
        let tok = |t: &(Span, u8)| *t;
        for h in heads {
            for a in &after {
                for (before, between) in [
                    ("", ""),
                    ("3 May", ","),
                    ("killed", "-"),
                    ("in", "'s"),
                    ("x", "\u{0}"),
                ] {
                    for text in [
                        format!("{before} {h} {a} Tuesday"),
                        format!("{before} {h} {between} {a}"),
                        format!("{h} {a} {h} 2016 {h}"),
                    ] {
                        let toks = piece_tokens(&text);
                        for published in [None, NaiveDate::from_ymd_opt(2016, 8, 16)] {
                            let mut got = Vec::new();
                            let keyword = |_: &(Span, u8)| true;
                            for_each_date_of_tokens(
                                &text,
                                &toks,
                                tok,
                                keyword,
                                &[],
                                published,
                                |d| got.push(with_words(d, &text)),
                            );
                            let want = dates(&text, Span::new(0, text.len()), published);
                            assert_eq!(got, want, "{text:?}");
                        }
                    }
                }
            }
        }
    }

    /// What the keywords' slots tell a word names ([`keyword_named`]) is what the names'
    /// matches and the relative words in any case tell, for the keywords in several cases,
    /// words near them and other words, read with sixteen bytes after them or at the end
    /// of the text (where the list is searched one by one), and it is a keyword exactly
    /// when [`is_keyword`] says so.
    #[test]
    fn keyword_named_agrees_with_the_names() {
        let relative: [&[u8]; 5] = [b"overnight", b"today", b"yesterday", b"last", b"this"];
        let slow = |w: &[u8]| -> Option<Named> {
            if let Some(k) = relative.iter().position(|x| w.eq_ignore_ascii_case(x)) {
                return RELATIVE.get(k).map(|&r| Named::Relative(r));
            }
            weekday(w)
                .map(Named::Weekday)
                .or_else(|| month(w).map(Named::Month))
        };
        let mut words: Vec<Vec<u8>> = Vec::new();
        for k in KEYWORDS {
            let lower = k.to_ascii_lowercase();
            let upper = k.to_ascii_uppercase();
            let mut plural = k.to_vec();
            plural.push(b's');
            let mut mixed = lower.clone();
            mixed[k.len() - 1] = mixed[k.len() - 1].to_ascii_uppercase();
            let short = k[..k.len() - 1].to_vec();
            words.extend([k.to_vec(), lower, upper, plural, mixed, short]);
        }
        let other = "the strikes killed 12 people in Aleppo on Tuesday morning , Mayor \
                     Marching overnights Todays yesterday's lasting thistle 2016 17th \
                     Septembers Internationalisation-of-everything \u{e9}t\u{e9} x";
        words.extend(other.split(' ').map(|w| w.as_bytes().to_vec()));
        let mut checked = 0;
        for w in &words {
            let want = slow(w);
            assert_eq!(
                want.is_some(),
                is_keyword(w),
                "{:?}",
                String::from_utf8_lossy(w)
            );
            // with sixteen bytes after it, and at the end of the text
            for pad in [0, 1, 20] {
                let mut text = b"on ".to_vec();
                text.extend_from_slice(w);
                text.extend(std::iter::repeat_n(b' ', pad));
                let span = Span::new(3, 3 + w.len());
                assert_eq!(
                    keyword_named(&text, span),
                    want,
                    "{:?} {pad}",
                    String::from_utf8_lossy(w)
                );
                checked += 1;
            }
            assert_eq!(
                named(keyword_code(w)),
                want,
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
        assert!(checked > 800, "{checked}");
    }

    /// A weekday in a report is the latest such day on or before its publication.
    #[test]
    fn a_weekday_is_in_the_past() {
        let t = "killed 12 militants Tuesday";
        let published = NaiveDate::from_ymd_opt(2016, 8, 16); // a Tuesday
        let d = dates(t, Span::new(0, t.len()), published);
        assert_eq!(d[0].text, "Tuesday");
        assert_eq!(d[0].date, published); // the same day, not next week
    }
}
