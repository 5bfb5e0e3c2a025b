//! Byte spans into the article text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` into the UTF-8 text an event was read from.
///
/// Spans produced by this crate are always on `char` boundaries and inside the text.
/// In JSON a span is the two-element array `[start, end]`.
///
/// ```
/// use conflict_events::Span;
/// let text = "Strikes hit Idlib";
/// let span = Span::new(12, 17);
/// assert_eq!(span.get(text), Some("Idlib"));
/// assert_eq!(Span::new(12, 99).get(text), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`.
    pub const fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True if the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The text the span covers, or `None` if it is out of range or not on char boundaries.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span from the start of `first` to the end of `last` (a run of words), or an empty
    /// span at the start of `first` when `last` is missing; `Span::default()` without `first`.
    pub(crate) fn run(first: Option<Span>, last: Option<Span>) -> Span {
        match first {
            Some(f) => Span::new(f.start, last.map_or(f.start, |l| l.end)),
            None => Span::default(),
        }
    }

    /// True if `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}
