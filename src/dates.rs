//! Dates: "Tuesday", "yesterday", "on March 17", "9 May 2020", "last September", "in March".
//!
//! Relative dates resolve against the publication date. A news report speaks of the past:
//! a weekday is the latest such day on or before the publication date, "in March" the latest
//! March on or before it. Without a publication date a relative date is kept with `date: None`;
//! nothing is invented. The library never reads the clock.
//!
//! OWNER: helper "dates". Signatures are fixed; bodies to be written.

use chrono::NaiveDate;

use crate::model::DateRef;
use crate::span::Span;

/// Every date expression inside `range` of `text`, in text order, non-overlapping.
///
/// - weekdays, optionally with "on", "last", "'s", "morning/afternoon/evening/night" (span covers
///   the weekday words, e.g. "Tuesday morning", "Tuesday's" → text "Tuesday"); precision day
/// - "today", "yesterday", "last night", "overnight", "this morning" (precision day)
/// - "March 17", "17 March", "March 17, 2016", "17 March 2016", "Dec. 3", "on 9 May 2020"
///   (a day without year takes the latest such day on or before the publication date)
/// - "last September", "in March", "in March 2016", "March 2016" (precision month, date = 1st)
/// - "in 2016", "since 2011" (precision year, date = Jan 1st); a bare number is not a year here
///   unless preceded by "in", "since", "of", "during" or followed by a month phrase above.
/// Month names may be abbreviated ("Sept.", "Aug."). Never panics; spans on char boundaries.
pub fn dates(text: &str, range: Span, published: Option<NaiveDate>) -> Vec<DateRef> {
    let _ = (text, range, published);
    unimplemented!()
}
