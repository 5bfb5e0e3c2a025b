//! Dates: "Tuesday", "yesterday", "on March 17", "9 May 2020", "last September", "in March".
//!
//! Relative dates resolve against the publication date. A news report speaks of the past:
//! a weekday is the latest such day on or before the publication date, "in March" the latest
//! March on or before it. Without a publication date a relative date is kept with `date: None`;
//! nothing is invented. The library never reads the clock.
//!

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::model::{DateRef, Precision};
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
    for_each_date(text, range, published, |d| out.push(d));
    out
}

/// The dates of [`dates`], handed to `each` in text order: a caller that keeps them with
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

/// The dates read from the words of a sentence (its tokens through [`words_of_tokens`]).
pub(crate) fn for_each_date_in(
    text: &str,
    words: &[Word],
    published: Option<NaiveDate>,
    mut each: impl FnMut(DateRef),
) {
    let mut i = 0;
    while i < words.len() {
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
    s: &'t str,
    span: Span,
}

pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    let b = s.as_bytes();
    // an English word with its gap takes about six bytes: mostly one allocation per call
    let mut v = Vec::with_capacity(b.len() / 5 + 4);
    // A word: alphanumeric chars, and '-' inside. ASCII bytes are told by a table, and
    // non-ASCII chars are decoded one by one; every stop is on a char boundary.
    let mut i = 0;
    while let Some(gap) = b.get(i..) {
        // the next ASCII letter or digit, or non-ASCII byte (mostly after one space)
        let off = match gap {
            [b' ', c, ..] if class(*c) == ALNUM => 1,
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
        let w = s.get(a..e).unwrap_or("");
        v.push(Word {
            s: w,
            span: Span::new(start + a, start + a + w.len()),
        });
    }
    v
}

/// The words of [`words`] over a sentence, read from its tokens: `toks` are the spans and
/// marks (0 for a word) of `n` tokens in text order that cover every char of the sentence
/// but whitespace, each a word (a letter or digit, then letters and digits joined by '-',
/// '.', ',' or '\'') or a mark (one char, or "'s" with mark '\''); `cuts` are the offsets
/// of the '.', ',' and '\'' inside the words. The scanner's word is a run of letters,
/// digits and '-' without its end dashes: the part of a word token between cuts is such a
/// run, or a part of one that goes on into a token touching it ("a--b" is one scanner
/// word, and two words and two marks as tokens; "'stop" the mark "'s" and the word "top").
pub(crate) fn words_of_tokens<'t>(
    text: &'t str,
    toks: impl Iterator<Item = (Span, u8)>,
    n: usize,
    cuts: &[usize],
) -> Vec<Word<'t>> {
    let mut v = Vec::with_capacity(n + cuts.len());
    // the run of letters, digits and '-' being read, and whether a '-' mark is in it
    let mut run: Option<(Span, bool)> = None;
    let piece =
        |v: &mut Vec<Word<'t>>, run: &mut Option<(Span, bool)>, p: Span, dash: bool| match run {
            Some((r, d)) if r.end == p.start => {
                r.end = p.end;
                *d |= dash;
            }
            _ => {
                if let Some(r) = run.replace((p, dash)) {
                    push_run(text, r, v);
                }
            }
        };
    let mut cuts = cuts.iter().copied().peekable();
    for (t, mark) in toks {
        match mark {
            0 => {
                let mut a = t.start;
                while let Some(k) = cuts.next_if(|&k| k < t.end) {
                    piece(&mut v, &mut run, Span::new(a, k), false);
                    if let Some(r) = run.take() {
                        push_run(text, r, &mut v);
                    }
                    a = k + 1;
                }
                piece(&mut v, &mut run, Span::new(a, t.end), false);
            }
            b'-' => piece(&mut v, &mut run, t, true),
            b'\'' if t.len() == 2 => {
                piece(&mut v, &mut run, Span::new(t.start + 1, t.end), false);
            }
            _ => {
                if let Some(r) = run.take() {
                    push_run(text, r, &mut v);
                }
            }
        }
    }
    if let Some(r) = run {
        push_run(text, r, &mut v);
    }
    v
}

/// A run of letters, digits and '-' as a word, without its end dashes (only a run with a
/// '-' mark can have them: a word token starts and ends with a letter or digit), if any
/// is left.
fn push_run<'t>(text: &'t str, (r, dashed): (Span, bool), v: &mut Vec<Word<'t>>) {
    let (mut a, mut e) = (r.start, r.end);
    if dashed {
        let b = text.as_bytes();
        while a < e && b.get(a) == Some(&b'-') {
            a += 1;
        }
        while e > a && b.get(e - 1) == Some(&b'-') {
            e -= 1;
        }
    }
    if let Some(s) = text.get(a..e).filter(|s| !s.is_empty()) {
        v.push(Word {
            s,
            span: Span::new(a, e),
        });
    }
}

const ALNUM: u8 = 1;
const DASH: u8 = 2;
const HIGH: u8 = 4;

/// Byte classes for the word scanner: ASCII letters and digits, '-', non-ASCII bytes.
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

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "Monday" | "Mon" => Weekday::Mon,
        "Tuesday" | "Tue" | "Tues" => Weekday::Tue,
        "Wednesday" | "Wed" => Weekday::Wed,
        "Thursday" | "Thu" | "Thur" | "Thurs" => Weekday::Thu,
        "Friday" | "Fri" => Weekday::Fri,
        "Saturday" | "Sat" => Weekday::Sat,
        "Sunday" | "Sun" => Weekday::Sun,
        _ => return None,
    })
}

fn month(w: &str) -> Option<u32> {
    Some(match w {
        "January" | "Jan" => 1,
        "February" | "Feb" => 2,
        "March" | "Mar" => 3,
        "April" | "Apr" => 4,
        "May" => 5,
        "June" | "Jun" => 6,
        "July" | "Jul" => 7,
        "August" | "Aug" => 8,
        "September" | "Sept" | "Sep" => 9,
        "October" | "Oct" => 10,
        "November" | "Nov" => 11,
        "December" | "Dec" => 12,
        _ => return None,
    })
}

fn is_abbrev(w: &str) -> bool {
    w.len() <= 4 && w != "May" && w != "June" && w != "July"
}

/// A word is followed by '.' in the text (abbreviations need it).
fn dotted(text: &str, w: &Word) -> bool {
    text.get(w.span.end..w.span.end + 1) == Some(".")
}

fn day_num(w: &str) -> Option<u32> {
    let b = w.as_bytes();
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

fn year_num(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let v = i32::try_from(digits_value(w.as_bytes())?).ok()?;
    (1900..=2100).contains(&v).then_some(v)
}

/// `w` is one of `list`, ignoring ASCII case.
fn is_any(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
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
        text: span.get(text).unwrap_or("").to_string(),
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
    // A date starts with a digit, a capital (weekdays and months are capitalized) or one of
    // "overnight", "today", "yesterday", "last", "this" in any case: a quick no for most words.
    let first = *w.s.as_bytes().first()?;
    let digit = first.is_ascii_digit();
    let capital = first.is_ascii_uppercase();
    if !(digit || capital || matches!(first, b'o' | b't' | b'y' | b'l')) {
        return None;
    }
    let prev = i
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map_or("", |w| w.s);
    let prev_is = |x: &str| prev.eq_ignore_ascii_case(x);
    let next = words.get(i + 1).map(|w| w.s).unwrap_or("");
    // relative days
    let is = |x: &str| w.s.eq_ignore_ascii_case(x);
    if is("overnight") {
        // "overnight on Sunday": the weekday says which night
        if words
            .get(i + 1)
            .is_some_and(|n| n.s == "on" || weekday(n.s).is_some())
        {
            return None;
        }
        return Some((mk(text, words, i, i + 1, published, Precision::Day), i + 1));
    }
    if is("today") {
        return Some((mk(text, words, i, i + 1, published, Precision::Day), i + 1));
    }
    if is("yesterday") {
        let d = published.and_then(|p| p.pred_opt());
        return Some((mk(text, words, i, i + 1, d, Precision::Day), i + 1));
    }
    if is("last") && next == "night" {
        return Some((mk(text, words, i, i + 2, published, Precision::Day), i + 2));
    }
    if is("this") && matches!(next, "morning" | "afternoon" | "evening") {
        return Some((mk(text, words, i, i + 2, published, Precision::Day), i + 2));
    }
    // the rest starts with a digit (days, years) or a capital (weekdays, months)
    if !digit && !capital {
        return None;
    }
    if let Some(wd) = capital.then(|| weekday(w.s)).flatten() {
        if w.s.len() <= 4 && !dotted(text, w) {
            return None;
        }
        let last = prev_is("last");
        let nxt = prev_is("next");
        let a = if last || nxt { i - 1 } else { i };
        let mut b = i + 1;
        if matches!(next, "morning" | "afternoon" | "evening" | "night") {
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
        return Some((mk(text, words, a, b, date, Precision::Day), b));
    }
    // "17 March [2016]"
    if let Some(d) = digit.then(|| day_num(w.s)).flatten() {
        if let Some(m) = words.get(i + 1).and_then(|x| {
            month(x.s).filter(|_| !is_abbrev(x.s) || dotted(text, x) || x.s.len() == 3)
        }) {
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
            return Some((mk(text, words, i, b, date, Precision::Day), b));
        }
        return None;
    }
    if let Some(m) = capital.then(|| month(w.s)).flatten() {
        if is_abbrev(w.s) && !dotted(text, w) && w.s.len() != 3 {
            return None;
        }
        if w.s.len() == 3
            && !dotted(text, w)
            && words.get(i + 1).is_none_or(|x| day_num(x.s).is_none())
        {
            return None;
        }
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
                "in", "since", "during", "last", "early", "late", "mid", "until", "by", "of",
                "mid-",
            ],
        );
        if !cue || (w.s == "May" && !prev_is("in") && !prev_is("last")) {
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
        return Some((mk(text, words, a, i + 1, date, Precision::Month), i + 1));
    }
    if let Some(y) = year_num(w.s) {
        if is_any(prev, &["in", "since", "during", "of"]) {
            return Some((
                mk(
                    text,
                    words,
                    i,
                    i + 1,
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    Precision::Year,
                ),
                i + 1,
            ));
        }
    }
    None
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
