//! conflict-events: raw war news in, typed and explainable strike and casualty events out.
//!
//! ```
//! use conflict_events::{Document, Event, Extractor, NaiveDate};
//!
//! let text = "Russian warplanes bombed Nusra Front positions in Idlib province on Monday, \
//!             killing 9 fighters, the Syrian Observatory for Human Rights said.";
//! let date = NaiveDate::from_ymd_opt(2016, 8, 16).unwrap();
//! for event in Extractor::new().extract(&Document::new(text).published(date)) {
//!     match event {
//!         Event::Strike(s) => assert_eq!(s.provinces[0].code.as_deref(), Some("SY-ID")),
//!         Event::Casualty(c) => assert_eq!(c.count.value, Some(9)),
//!         _ => {}
//!     }
//! }
//! ```
//!
//! The pipeline, one module per stage: [`text`] (furniture, sentences, clauses),
//! [`gazetteer`] (names found by hashed word prefixes, acronyms by aho-corasick),
//! [`numbers`], [`dates`], then the event
//! rules, which fill strike and casualty slots per clause and merge the mentions of one
//! strike per article. The output types ([`Event`], [`Strike`], [`Casualty`]...) serialize
//! to the JSON of `SCHEMA.md`. Built-in data: see `data/README.md`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dates;
mod error;
mod events;
pub mod export;
mod extractor;
pub mod gazetteer;
mod hash;
pub mod model;
pub mod numbers;
mod span;
pub mod text;

pub use chrono::NaiveDate;
pub use error::{Error, ErrorKind};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use gazetteer::Gazetteer;
pub use model::*;
pub use span::Span;

/// The README's code examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
