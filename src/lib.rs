//! conflict-events: raw war news in, typed and explainable strike and casualty events out.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dates;
mod error;
mod events;
mod extractor;
pub mod gazetteer;
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
