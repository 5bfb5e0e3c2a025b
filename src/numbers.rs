//! Numbers: "more than 280,000", "dozens", "twelve", "two dozen", "3 – 7", "between 3 and 7".
//!
//! Knows nothing of events: it reports every figure with its kind, and the event stage
//! decides which are casualty counts.
//!

use crate::model::{Count, Qualifier};
use crate::span::Span;

/// A figure found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// The figure with its qualifier words; `count.span` covers them all.
    pub count: Count,
    /// What the figure is.
    pub kind: NumberKind,
}

/// What a figure is. Only [`NumberKind::Count`] can be a casualty figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberKind {
    /// A count of things or people: "12", "more than 280,000", "dozens", "twelve".
    Count,
    /// A year: "2016", "in 2011", "since 2011" (1900..=2100 standing alone).
    Year,
    /// A percentage: "12%", "12 percent", "12 per cent".
    Percent,
    /// A distance, length or other measure: "12 km", "10 miles", "120mm", "82-mm", "5 kg".
    Measure,
    /// An age: "aged 12", "12-year-old", "12 years old".
    Age,
    /// An ordinal: "1st", "third", "the 4th".
    Ordinal,
    /// A time of day: "10:30", "3 p.m.".
    Time,
    /// Money: "$5 million", "5 million dollars".
    Money,
    /// The day of a date: "9 May", "May 9", "9/5/2020".
    DatePart,
    /// A duration: "12 hours", "three days", "two weeks", "five years".
    Duration,
}

/// Every figure inside `range` of `text`, in text order, non-overlapping.
///
/// Qualifiers: "more than", "over" → `more_than`; "at least" → `at_least`; "nearly", "almost",
/// "about", "around", "approximately", "some", "roughly", "an estimated" → `about`; "up to",
/// "as many as" → `up_to`; "fewer than", "less than", "under" → `fewer_than`.
/// Vague words: "dozens" (low 24), "scores" (low 40), "hundreds" (low 200), "thousands" (low
/// 2000), "tens of thousands" (low 20000), "hundreds of thousands" (low 200000), "millions" (low
/// 2000000), "several" (low 3), "a few" (low 2), "a dozen" is exact 12, "a handful" (low 3).
/// Ranges "3-7", "3 – 7", "3 to 7", "between 3 and 7": low 3, high 7, value None, qualifier range.
/// Never panics; spans are on char boundaries; ignores `range` parts outside the text.
///
/// ```
/// use conflict_events::numbers::{numbers, NumberKind};
/// use conflict_events::{Qualifier, Span};
/// let t = "more than 280,000 people, twelve soldiers and 30 km in 2016";
/// let n = numbers(t, Span::new(0, t.len()));
/// assert_eq!(n[0].count.value, Some(280_000));
/// assert_eq!(n[0].count.qualifier, Qualifier::MoreThan);
/// assert_eq!(n[0].count.text, "more than 280,000");
/// assert_eq!(n[1].count.value, Some(12));
/// assert_eq!(n[2].kind, NumberKind::Measure);
/// assert_eq!(n[3].kind, NumberKind::Year);
/// ```
pub fn numbers(text: &str, range: Span) -> Vec<Number> {
    let mut out = Vec::new();
    let start = clamp_boundary(text, range.start.min(text.len()));
    let end = clamp_boundary(text, range.end.min(text.len())).max(start);
    let mut buf = String::new();
    let words = words(text, start, end, &mut buf);
    let mut i = 0;
    while let Some(w) = words.get(i) {
        // most words start no number: a cheap test before the readers
        if !starts_number(w) {
            i += 1;
            continue;
        }
        match read_number(text, &words, i) {
            Some((num, next)) => {
                out.push(num);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn clamp_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Copy)]
struct Word<'t> {
    s: &'t str,
    span: Span,
    /// The word ASCII-lowercased when it is ASCII and at most 16 bytes (longer words are no
    /// number words, units or qualifiers), else empty: the text itself when it has no
    /// capital, else a copy in the sentence's buffer.
    low: &'t str,
}

impl<'t> Word<'t> {
    fn lower(&self) -> &'t str {
        self.low
    }
}

/// The words of `text[start..end]` (spans into `text`), and for those with a capital their
/// lowercase form in `buf` (one buffer per sentence instead of a copy per word).
fn words<'t>(text: &'t str, start: usize, end: usize, buf: &'t mut String) -> Vec<Word<'t>> {
    let raw = word_spans(text, start, end);
    // lowercase copies, appended to one buffer (sized once) before any word borrows it
    buf.clear();
    buf.reserve(end.saturating_sub(start));
    let mut at = Vec::with_capacity(raw.len());
    for &(a, b) in &raw {
        let w = text.get(a..b).unwrap_or("");
        if w.len() <= 16 && w.is_ascii() && w.bytes().any(|c| c.is_ascii_uppercase()) {
            let from = buf.len();
            buf.push_str(w);
            buf.get_mut(from..)
                .map(|t| t.make_ascii_lowercase())
                .unwrap_or(());
            at.push(Some((from, buf.len())));
        } else {
            at.push(None);
        }
    }
    let buf: &'t str = buf;
    raw.iter()
        .zip(at)
        .map(|(&(a, b), copy)| {
            let s = text.get(a..b).unwrap_or("");
            let low = match copy {
                Some((x, y)) => buf.get(x..y).unwrap_or(""),
                None if s.len() <= 16 && s.is_ascii() => s,
                None => "",
            };
            Word {
                s,
                span: Span::new(a, b),
                low,
            }
        })
        .collect()
}

/// Byte ranges of the words of `text[start..end]`.
fn word_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    // one allocation: a word takes five bytes or more with its space
    let mut v = Vec::with_capacity(s.len() / 5 + 2);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            let j0 = i;
            while i < b.len() {
                let c = b[i];
                let joiner = (c == b',' || c == b'.' || c == b'-' || c == b':' || c == b'\'')
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
                if c.is_ascii_alphanumeric() || c >= 0x80 || joiner {
                    i += 1;
                } else {
                    break;
                }
            }
            // keep word ends on char boundaries
            while i < b.len() && !s.is_char_boundary(i) {
                i += 1;
            }
            if s.get(j0..i).is_some() {
                v.push((start + j0, start + i));
            }
        } else {
            if (c == b'%' || c == b'$') && s.get(i..i + 1).is_some() {
                v.push((start + i, start + i + 1));
            }
            i += 1;
        }
    }
    v
}

fn lw<'a>(w: Option<&'a Word>) -> &'a str {
    w.map(Word::lower).unwrap_or("")
}

fn unit_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// The value of a number word below a hundred: "twelve", "twenty-five".
pub fn parse_number_word(w: &str) -> Option<u64> {
    number_word(&w.to_ascii_lowercase())
}

/// [`parse_number_word`] of a word already lowercased.
fn number_word(w: &str) -> Option<u64> {
    if let Some(v) = unit_word(w).or_else(|| tens_word(w)) {
        return Some(v);
    }
    let (t, u) = w.split_once('-')?;
    Some(tens_word(t)? + unit_word(u).filter(|u| (1..10).contains(u))?)
}

/// True if a number can start at this word: digits, a number word, an ordinal, or a word
/// of the vague and article forms ("dozens", "a dozen", "half a dozen"). Every word
/// [`read_number`] reads passes; the others are skipped without reading.
fn starts_number(w: &Word) -> bool {
    let l = w.lower();
    match l.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        // no number word starts with these letters ("in", "was", "by", "with", "people")
        Some(b'b' | b'c' | b'g' | b'i' | b'j' | b'k' | b'l' | b'p' | b'q' | b'r' | b'u')
        | Some(b'v' | b'w' | b'x' | b'y') => false,
        Some(_) => {
            matches!(
                l,
                "a" | "an"
                    | "half"
                    | "tens"
                    | "hundreds"
                    | "dozens"
                    | "scores"
                    | "thousands"
                    | "millions"
                    | "several"
            ) || number_word(l).is_some()
                || is_ordinal_word(l)
        }
        // not ASCII, or longer than 16 bytes: digits still start a number
        None => w.s.as_bytes().first().is_some_and(u8::is_ascii_digit),
    }
}

fn is_ordinal_word(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "twentieth"
            | "hundredth"
    )
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Digits with separators: "280,000", "12", "1.5" (decimal part kept in thousandths).
fn parse_digits(s: &str) -> Option<(u64, bool)> {
    let mut v: u64 = 0;
    let mut decimal = false;
    let mut frac = 0u64;
    let mut frac_digits = 0u32;
    let b = s.as_bytes();
    if b.first().is_none_or(|c| !c.is_ascii_digit()) {
        return None;
    }
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' if decimal => {
                if frac_digits < 3 {
                    frac = frac * 10 + u64::from(c - b'0');
                    frac_digits += 1;
                }
            }
            b'0'..=b'9' => v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?,
            b',' => {
                // thousands separator: exactly three digits follow
                let rest = b.get(k + 1..k + 4)?;
                if !rest.iter().all(u8::is_ascii_digit)
                    || b.get(k + 4).is_some_and(u8::is_ascii_digit)
                {
                    return None;
                }
            }
            b'.' if !decimal => decimal = true,
            _ => return None,
        }
    }
    let scale = 10u64.pow(3 - frac_digits.min(3));
    Some((v.checked_mul(1000)?.checked_add(frac * scale)?, decimal))
}

fn qualifier_before(words: &[Word], i: usize) -> Option<(Qualifier, usize)> {
    let w1 = if i >= 1 { lw(words.get(i - 1)) } else { "" };
    let w2 = if i >= 2 { lw(words.get(i - 2)) } else { "" };
    let two = match (w2, w1) {
        ("more", "than") => Some(Qualifier::MoreThan),
        ("at", "least") => Some(Qualifier::AtLeast),
        ("up", "to") => Some(Qualifier::UpTo),
        ("as", "many") => None,
        ("fewer", "than") | ("less", "than") => Some(Qualifier::FewerThan),
        ("an", "estimated") => Some(Qualifier::About),
        _ => None,
    };
    if let Some(q) = two {
        return Some((q, i - 2));
    }
    if w1 == "as" && i >= 3 && lw(words.get(i - 2)) == "many" && lw(words.get(i - 3)) == "as" {
        return Some((Qualifier::UpTo, i - 3));
    }
    let one = match w1 {
        "over" => Some(Qualifier::MoreThan),
        "nearly" | "almost" | "about" | "around" | "approximately" | "some" | "roughly"
        | "approx" | "circa" | "estimated" => Some(Qualifier::About),
        "under" => Some(Qualifier::FewerThan),
        _ => None,
    };
    one.map(|q| (q, i - 1))
}

/// Reads a plain value at word `i`: digits (with a scale word after) or number words.
/// Returns (value, is_decimal_without_scale, next word index).
fn read_value(words: &[Word], i: usize) -> Option<(u64, bool, usize)> {
    let w = words.get(i)?;
    if let Some((v1000, decimal)) = parse_digits(w.s) {
        let next = lw(words.get(i + 1));
        if let Some(sc) = scale_word(next) {
            return Some((v1000.checked_mul(sc)? / 1000, false, i + 2));
        }
        return Some((v1000 / 1000, decimal, i + 1));
    }
    let l = w.lower();
    // "a dozen", "two dozen", "half a dozen", "a hundred"
    if l == "half" && lw(words.get(i + 1)) == "a" && lw(words.get(i + 2)) == "dozen" {
        return Some((6, false, i + 3));
    }
    let mut total: u64 = 0;
    let mut current: u64;
    let mut j = i;
    if l == "a" || l == "an" {
        let n = lw(words.get(i + 1));
        if n == "dozen" {
            return Some((12, false, i + 2));
        }
        if n == "hundred" || n == "thousand" || n == "million" {
            current = 1;
            j = i + 1;
        } else {
            return None;
        }
    } else {
        current = number_word(l)?;
        j += 1;
        // "twenty seven"
        if tens_word(l).is_some() {
            if let Some(u) = words
                .get(j)
                .and_then(|w| unit_word(w.lower()))
                .filter(|u| (1..10).contains(u))
            {
                current += u;
                j += 1;
            }
        }
        if lw(words.get(j)) == "dozen" {
            return Some((current.checked_mul(12)?, false, j + 1));
        }
    }
    loop {
        let n = lw(words.get(j));
        if let Some(sc) = scale_word(n) {
            if sc == 100 {
                current = current.checked_mul(100)?;
            } else {
                total = total.checked_add(current.checked_mul(sc)?)?;
                current = 0;
            }
            j += 1;
            // "one hundred and twenty"
            if lw(words.get(j)) == "and"
                && words
                    .get(j + 1)
                    .is_some_and(|w| number_word(w.lower()).is_some())
            {
                j += 1;
            }
            if let Some(v) = words.get(j).and_then(|w| number_word(w.lower())) {
                current = current.checked_add(v)?;
                j += 1;
            }
            continue;
        }
        break;
    }
    Some((total.checked_add(current)?, false, j))
}

fn vague_at(words: &[Word], i: usize) -> Option<(u64, usize)> {
    let w = lw(words.get(i));
    let n1 = lw(words.get(i + 1));
    let n2 = lw(words.get(i + 2));
    Some(match w {
        "tens" if n1 == "of" && n2 == "thousands" => (20_000, i + 3),
        "hundreds" if n1 == "of" && n2 == "thousands" => (200_000, i + 3),
        "dozens" => (24, i + 1),
        "scores" if n1 == "of" => (40, i + 1),
        "hundreds" => (200, i + 1),
        "thousands" => (2_000, i + 1),
        "millions" => (2_000_000, i + 1),
        "several" => (3, i + 1),
        "a" if n1 == "few" => (2, i + 2),
        "a" if n1 == "handful" => (3, i + 2),
        _ => return None,
    })
}

fn read_number(text: &str, words: &[Word], i: usize) -> Option<(Number, usize)> {
    let w = words.get(i)?;
    let first = w.s.as_bytes().first().copied().unwrap_or(0);
    let l = w.lower();
    let mut kind = NumberKind::Count;
    let (low_v, high_v, value, qualifier, end_word);
    if let Some((low, next)) = vague_at(words, i) {
        // "several hundred" is a value, not vague
        if lw(words.get(next)) == "hundred" || lw(words.get(next)) == "thousand" {
            return None;
        }
        low_v = Some(low);
        high_v = None;
        value = None;
        qualifier = Qualifier::Vague;
        end_word = next;
    } else if first.is_ascii_digit() {
        // "120mm", "1st", "24-year-old", "2019-2020", "3-7", "10:30"
        if let Some(n) = special_digits(w.s) {
            return Some((make(text, words, i, i + 1, n.0, n.1, n.2, n.3, n.4), i + 1));
        }
        let (v, decimal, next) = read_value(words, i)?;
        if decimal {
            kind = NumberKind::Measure;
        }
        value = Some(v);
        low_v = None;
        high_v = None;
        qualifier = Qualifier::Exact;
        end_word = next;
    } else if first.is_ascii_alphabetic() {
        if l == "one" && matches!(lw(words.get(i + 1)), "another" | "day" | "time") {
            return None;
        }
        if l == "one" && i > 0 && lw(words.get(i - 1)) == "no" {
            return None;
        }
        if is_ordinal_word(l) {
            return Some((
                make(
                    text,
                    words,
                    i,
                    i + 1,
                    None,
                    None,
                    None,
                    Qualifier::Exact,
                    NumberKind::Ordinal,
                ),
                i + 1,
            ));
        }
        let (v, _, next) = read_value(words, i)?;
        value = Some(v);
        low_v = None;
        high_v = None;
        qualifier = Qualifier::Exact;
        end_word = next;
    } else {
        return None;
    }
    // ranges: "3 to 7", "3 or 4", "between 3 and 7"
    let mut start_word = i;
    let mut end = end_word;
    let (mut value, mut low_v, mut high_v, mut qualifier) = (value, low_v, high_v, qualifier);
    if qualifier == Qualifier::Exact {
        let conn = lw(words.get(end));
        let between = i > 0 && lw(words.get(i - 1)) == "between" && conn == "and";
        if conn == "to" || conn == "or" || between {
            if let Some((v2, _, next2)) = read_value(words, end + 1) {
                if v2 > value.unwrap_or(0) && !is_year_like(value) {
                    low_v = value;
                    high_v = Some(v2);
                    value = None;
                    qualifier = Qualifier::Range;
                    end = next2;
                    if between {
                        start_word = i - 1;
                    }
                }
            }
        }
    }
    if qualifier != Qualifier::Range && qualifier != Qualifier::Vague {
        if let Some((q, at)) = qualifier_before(words, i) {
            qualifier = q;
            start_word = at;
            match q {
                Qualifier::MoreThan | Qualifier::AtLeast => low_v = value,
                Qualifier::UpTo | Qualifier::FewerThan => high_v = value,
                _ => {}
            }
        }
    }
    if kind == NumberKind::Count {
        kind = classify_context(words, i, end, value.or(low_v));
    }
    Some((
        make(
            text, words, start_word, end, value, low_v, high_v, qualifier, kind,
        ),
        end,
    ))
}

fn is_year_like(v: Option<u64>) -> bool {
    v.is_some_and(|v| (1900..=2100).contains(&v))
}

/// Digits glued to other things: (value, low, high, qualifier, kind).
type Special = (Option<u64>, Option<u64>, Option<u64>, Qualifier, NumberKind);

fn special_digits(s: &str) -> Option<Special> {
    let l = s.to_ascii_lowercase();
    let digits_end = l
        .find(|c: char| !c.is_ascii_digit() && c != ',')
        .unwrap_or(l.len());
    if digits_end == l.len() {
        return None;
    }
    let head = l.get(..digits_end)?;
    let rest = l.get(digits_end..)?;
    let v = parse_digits(head).map(|(v, _)| v / 1000);
    if rest.starts_with('.')
        && rest
            .get(1..)
            .is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit()))
    {
        return None; // a decimal: read_value handles it
    }
    if matches!(rest, "st" | "nd" | "rd" | "th") {
        return Some((v, None, None, Qualifier::Exact, NumberKind::Ordinal));
    }
    if rest.contains("year") {
        return Some((v, None, None, Qualifier::Exact, NumberKind::Age));
    }
    if rest.starts_with(':') {
        return Some((v, None, None, Qualifier::Exact, NumberKind::Time));
    }
    if rest == "am"
        || rest == "pm"
        || rest == "a.m"
        || rest == "p.m"
        || rest == "gmt"
        || rest == "hrs"
    {
        return Some((v, None, None, Qualifier::Exact, NumberKind::Time));
    }
    if let Some(r) = rest.strip_prefix('-') {
        if let Some((v2, _)) = parse_digits(r) {
            let v2 = v2 / 1000;
            if is_year_like(v) && is_year_like(Some(v2)) {
                return Some((v, None, None, Qualifier::Exact, NumberKind::Year));
            }
            // "2020-05-09"
            if r.contains('-') {
                return Some((v, None, None, Qualifier::Exact, NumberKind::DatePart));
            }
            if Some(v2) > v {
                return Some((None, v, Some(v2), Qualifier::Range, NumberKind::Count));
            }
            return Some((v, None, None, Qualifier::Exact, NumberKind::Measure));
        }
        if r.contains("year") || r.contains("month") || r.contains("day") || r.contains("week") {
            return Some((v, None, None, Qualifier::Exact, NumberKind::Age));
        }
        return Some((v, None, None, Qualifier::Exact, NumberKind::Measure));
    }
    if rest.starts_with('/') {
        return Some((v, None, None, Qualifier::Exact, NumberKind::DatePart));
    }
    Some((v, None, None, Qualifier::Exact, NumberKind::Measure))
}

fn classify_context(words: &[Word], i: usize, end: usize, v: Option<u64>) -> NumberKind {
    let next = lw(words.get(end));
    let next2 = lw(words.get(end + 1));
    let prev = if i > 0 { lw(words.get(i - 1)) } else { "" };
    match next {
        "%" | "percent" | "pct" => return NumberKind::Percent,
        "per" if next2 == "cent" => return NumberKind::Percent,
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "miles" | "mile"
        | "metres" | "meters" | "metre" | "meter" | "m" | "mm" | "cm" | "kg" | "kilograms"
        | "tonnes" | "tons" | "tonne" | "ton" | "feet" | "ft" | "millimetre" | "millimeter"
        | "millimetres" | "millimeters" | "yards" | "inches" | "hectares" | "acres" | "sq"
        | "square" | "degrees" | "kilos" | "pounds" | "litres" | "liters" | "barrels" | "knots"
        | "mph" | "kph" => return NumberKind::Measure,
        "years" | "year" if next2 == "old" => return NumberKind::Age,
        "hours" | "hour" | "days" | "day" | "weeks" | "week" | "months" | "month" | "years"
        | "year" | "minutes" | "minute" | "seconds" | "decades" | "nights" => {
            return NumberKind::Duration
        }
        "dollars" | "euros" | "usd" | "eur" | "rubles" | "roubles" | "riyals" | "lira" => {
            return NumberKind::Money
        }
        "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" => return NumberKind::Time,
        "local" if next2 == "time" => return NumberKind::Time,
        _ => {}
    }
    if MONTHS.contains(&next) || MONTHS.contains(&prev) {
        if v.is_some_and(|v| (1..=31).contains(&v)) {
            return NumberKind::DatePart;
        }
        if is_year_like(v) {
            return NumberKind::Year;
        }
    }
    if prev == "$" || prev == "usd" || prev == "us$" {
        return NumberKind::Money;
    }
    if matches!(prev, "aged" | "age" | "ages") {
        return NumberKind::Age;
    }
    if is_year_like(v) && end == i + 1 {
        let person_after = matches!(
            next,
            "people"
                | "civilians"
                | "soldiers"
                | "militants"
                | "fighters"
                | "refugees"
                | "children"
                | "persons"
                | "troops"
                | "families"
        );
        if !person_after {
            return NumberKind::Year;
        }
    }
    NumberKind::Count
}

#[allow(clippy::too_many_arguments)]
fn make(
    text: &str,
    words: &[Word],
    a: usize,
    b: usize,
    value: Option<u64>,
    low: Option<u64>,
    high: Option<u64>,
    qualifier: Qualifier,
    kind: NumberKind,
) -> Number {
    let span = Span::run(
        words.get(a).map(|w| w.span),
        words.get(b.saturating_sub(1).max(a)).map(|w| w.span),
    );
    let t = span.get(text).unwrap_or("");
    Number {
        count: Count::new(value, low, high, qualifier, t, span),
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &str) -> Vec<Number> {
        numbers(t, Span::new(0, t.len()))
    }

    fn one(t: &str) -> Number {
        let v = all(t);
        assert_eq!(v.len(), 1, "{t:?}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn every_kind_of_number_word_is_read() {
        // one word per first letter a number can start with, capitalised or not
        for (t, v) in [
            ("Zero people", 0),
            ("one person", 1),
            ("Two people", 2),
            ("three people", 3),
            ("Four people", 4),
            ("eleven people", 11),
            ("Eighteen people", 18),
            ("nineteen people", 19),
            ("Sixty people", 60),
            ("forty-two people", 42),
            ("a dozen people", 12),
            ("half a dozen people", 6),
            ("a hundred people", 100),
        ] {
            assert_eq!(one(t).count.value, Some(v), "{t}");
        }
        for (t, low) in [
            ("Several people", 3),
            ("dozens of people", 24),
            ("Hundreds of people", 200),
            ("thousands of people", 2_000),
            ("Millions of people", 2_000_000),
            ("scores of people", 40),
            ("tens of thousands of people", 20_000),
            ("a few people", 2),
        ] {
            assert_eq!(one(t).count.low, Some(low), "{t}");
        }
        assert_eq!(one("the fifth day").kind, NumberKind::Ordinal);
        assert_eq!(one("Second, they").kind, NumberKind::Ordinal);
        assert!(all("by people in cities, with villagers").is_empty());
    }

    #[test]
    fn digits_words_and_qualifiers() {
        let n = one("more than 280,000 people");
        assert_eq!(
            (n.count.value, n.count.low, n.count.qualifier),
            (Some(280_000), Some(280_000), Qualifier::MoreThan)
        );
        assert_eq!(n.count.text, "more than 280,000");
        assert_eq!(
            one("at least 12 killed").count.qualifier,
            Qualifier::AtLeast
        );
        assert_eq!(one("nearly 40 died").count.qualifier, Qualifier::About);
        let n = one("up to 7 hurt");
        assert_eq!(
            (n.count.high, n.count.qualifier),
            (Some(7), Qualifier::UpTo)
        );
        assert_eq!(one("twelve soldiers").count.value, Some(12));
        assert_eq!(one("twenty-five soldiers").count.value, Some(25));
        assert_eq!(one("twenty seven soldiers").count.value, Some(27));
        assert_eq!(one("two dozen soldiers").count.value, Some(24));
        assert_eq!(one("a dozen soldiers").count.value, Some(12));
        assert_eq!(one("one hundred and twenty men").count.value, Some(120));
        assert_eq!(one("1.5 million people").count.value, Some(1_500_000));
        assert_eq!(one("as many as 30 people").count.qualifier, Qualifier::UpTo);
        assert_eq!(
            one("fewer than 5 people").count.qualifier,
            Qualifier::FewerThan
        );
    }

    #[test]
    fn vague_and_ranges() {
        let n = one("displaced millions");
        assert_eq!(
            (n.count.value, n.count.low, n.count.qualifier),
            (None, Some(2_000_000), Qualifier::Vague)
        );
        assert_eq!(one("dozens of people").count.low, Some(24));
        assert_eq!(one("tens of thousands fled").count.low, Some(20_000));
        let n = one("between 3 and 7 people");
        assert_eq!(
            (n.count.low, n.count.high, n.count.qualifier),
            (Some(3), Some(7), Qualifier::Range)
        );
        assert_eq!(n.count.text, "between 3 and 7");
        assert_eq!(one("3-7 people").count.qualifier, Qualifier::Range);
        assert_eq!(one("3 to 7 people").count.high, Some(7));
    }

    #[test]
    fn kinds_that_are_not_counts() {
        let cases = [
            ("in 2016", NumberKind::Year),
            ("a 12-year-old boy", NumberKind::Age),
            ("aged 12", NumberKind::Age),
            ("30 km away", NumberKind::Measure),
            ("120mm mortars", NumberKind::Measure),
            ("82-mm shells", NumberKind::Measure),
            ("12% of", NumberKind::Percent),
            ("12 percent", NumberKind::Percent),
            ("at 10:30", NumberKind::Time),
            ("on 9 May", NumberKind::DatePart),
            ("three days", NumberKind::Duration),
            ("the 4th brigade", NumberKind::Ordinal),
            ("2019-2020", NumberKind::Year),
        ];
        for (t, k) in cases {
            assert_eq!(one(t).kind, k, "{t}");
        }
        assert!(all("F-16 and Su-24 and T-4").is_empty());
        assert!(all("no one was hurt; they helped one another").is_empty());
        assert_eq!(one("$5 million").kind, NumberKind::Money);
        assert_eq!(one("at 0300 local time").kind, NumberKind::Time);
        // "wounded 40, local officials said": a count, not a time
        assert_eq!(
            one("wounded 40, local officials said").kind,
            NumberKind::Count
        );
    }

    #[test]
    fn spans_are_exact_and_safe() {
        let t = "Über 12 Menschen – «more than 3» é 1,";
        for n in all(t) {
            assert_eq!(n.count.span.get(t), Some(n.count.text.as_str()));
        }
        for t in [
            "",
            "1",
            "more than",
            "between 3 and",
            ",000",
            "1,",
            "\u{1F600}5\u{1F600}",
            "9999999999999999999999 people",
        ] {
            for n in numbers(t, Span::new(0, t.len() + 10)) {
                assert!(n.count.span.get(t).is_some());
            }
        }
        let t = "é12";
        assert!(numbers(t, Span::new(1, 3))
            .iter()
            .all(|n| n.count.span.get(t).is_some()));
    }
}
