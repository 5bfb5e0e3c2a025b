//! Numbers: "more than 280,000", "dozens", "twelve", "two dozen", "3 – 7", "between 3 and 7".
//!
//! Knows nothing of events: it reports every figure with its kind, and the event stage
//! decides which are casualty counts.
//!
//! OWNER: helper "numbers". Signatures are fixed; bodies to be written.

use crate::model::Count;
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
/// Number words: "one" .. "twenty", tens, "hundred", "thousand", "million" combos ("twenty-five",
/// "two dozen" = 24, "1.5 million" = 1500000, "2 million"). Digits with `,` separators.
/// Ranges "3-7", "3 – 7", "3 to 7", "between 3 and 7": low 3, high 7, value None, qualifier range.
/// Never panics; spans are on char boundaries; ignores `range` parts outside the text.
pub fn numbers(text: &str, range: Span) -> Vec<Number> {
    let _ = (text, range);
    unimplemented!()
}
