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
/// ```
/// use conflict_events::dates::dates;
/// use conflict_events::{NaiveDate, Span};
/// let t = "killed 12 militants Tuesday";
/// let published = NaiveDate::from_ymd_opt(2016, 8, 16); // a Tuesday
/// let d = dates(t, Span::new(0, t.len()), published);
/// assert_eq!(d[0].text, "Tuesday");
/// assert_eq!(d[0].date, published); // the same day, not next week
/// ```
pub fn dates(text: &str, range: Span, published: Option<NaiveDate>) -> Vec<DateRef> {
    let mut out = Vec::new();
    let mut start = range.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.min(text.len()).max(start);
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let words = words(text, start, end);
    let mut i = 0;
    while let Some(w) = words.get(i) {
        // most words start no date: a cheap test before the reader
        if !may_start_date(w.s) {
            i += 1;
            continue;
        }
        if let Some((d, next)) = read(text, &words, i, published) {
            out.push(d);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// True if a date can start at this word: digits, a capitalised word (weekdays and months
/// are matched as written), or a relative day word. Every word [`read`] reads passes.
fn may_start_date(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_digit() || b.is_ascii_uppercase() => true,
        _ => ["today", "overnight", "yesterday", "last", "this"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k)),
    }
}

/// A word ASCII-lowercased on the stack: the cue words compared here are short, and a
/// longer or non-ASCII word reads as empty.
#[derive(Clone, Copy, Default)]
struct Low {
    buf: [u8; 16],
    len: usize,
}

impl Low {
    fn new(w: &str) -> Low {
        let mut l = Low::default();
        if let Some(dst) = l.buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
            dst.copy_from_slice(w.as_bytes());
            dst.make_ascii_lowercase();
            l.len = w.len();
        }
        l
    }

    fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Clone, Copy)]
struct Word<'t> {
    s: &'t str,
    span: Span,
}

fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    // one allocation: a word takes five bytes or more with its space
    let mut v = Vec::with_capacity(s.len() / 5 + 2);
    let bytes = s.as_bytes();
    let mut cur: Option<usize> = None;
    let mut i = 0;
    loop {
        // chars decoded only where the text is not ASCII; a space after the end
        let (c, len) = match bytes.get(i) {
            None => (' ', 0),
            Some(&b) if b.is_ascii() => (char::from(b), 1),
            Some(_) => match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        let part = c.is_alphanumeric() || c == '-' && cur.is_some();
        match (part, cur) {
            (true, None) => cur = Some(i),
            (false, Some(a)) => {
                let w = s.get(a..i).unwrap_or("").trim_end_matches('-');
                v.push(Word {
                    s: w,
                    span: Span::new(start + a, start + a + w.len()),
                });
                cur = None;
            }
            _ => {}
        }
        if len == 0 {
            break;
        }
        i += len;
    }
    v
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
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[d.len()..];
    if !suffix.is_empty() && !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    let v: u32 = d.parse().ok()?;
    (1..=31).contains(&v).then_some(v)
}

fn year_num(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let v: i32 = w.parse().ok()?;
    (1900..=2100).contains(&v).then_some(v)
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
    }
}

fn read(
    text: &str,
    words: &[Word],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(DateRef, usize)> {
    let w = words.get(i)?;
    let lower = Low::new(w.s);
    let prev = i
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map(|w| Low::new(w.s))
        .unwrap_or_default();
    let next = words.get(i + 1).map(|w| w.s).unwrap_or("");
    // relative days
    match lower.as_str() {
        // "overnight on Sunday": the weekday says which night
        "overnight"
            if words
                .get(i + 1)
                .is_some_and(|n| n.s == "on" || weekday(n.s).is_some()) =>
        {
            return None
        }
        "today" | "overnight" => {
            return Some((mk(text, words, i, i + 1, published, Precision::Day), i + 1))
        }
        "yesterday" => {
            let d = published.and_then(|p| p.pred_opt());
            return Some((mk(text, words, i, i + 1, d, Precision::Day), i + 1));
        }
        "last" if next == "night" => {
            return Some((mk(text, words, i, i + 2, published, Precision::Day), i + 2))
        }
        "this" if matches!(next, "morning" | "afternoon" | "evening") => {
            return Some((mk(text, words, i, i + 2, published, Precision::Day), i + 2))
        }
        _ => {}
    }
    if let Some(wd) = weekday(w.s) {
        if w.s.len() <= 4 && !dotted(text, w) {
            return None;
        }
        let last = prev == "last";
        let nxt = prev == "next";
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
    if let Some(d) = day_num(w.s) {
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
    if let Some(m) = month(w.s) {
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
            let a = if matches!(
                prev.as_str(),
                "in" | "since" | "during" | "early" | "late" | "mid"
            ) {
                i - 1
            } else {
                i
            };
            let date = NaiveDate::from_ymd_opt(y, m, 1);
            return Some((mk(text, words, a, i + 2, date, Precision::Month), i + 2));
        }
        // "in March", "last September"
        let cue = matches!(
            prev.as_str(),
            "in" | "since"
                | "during"
                | "last"
                | "early"
                | "late"
                | "mid"
                | "until"
                | "by"
                | "of"
                | "mid-"
        );
        if !cue || (w.s == "May" && prev != "in" && prev != "last") {
            return None;
        }
        let strict = prev == "last";
        let date = published.and_then(|p| {
            let y = if m < p.month() || (m == p.month() && !strict) {
                p.year()
            } else {
                p.year() - 1
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        });
        let a = if prev == "last" { i - 1 } else { i };
        return Some((mk(text, words, a, i + 1, date, Precision::Month), i + 1));
    }
    if let Some(y) = year_num(w.s) {
        if matches!(prev.as_str(), "in" | "since" | "during" | "of") {
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
}
