//! conflict-events: raw war news in, typed and explainable strike and casualty events out.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dates;
mod error;
pub mod model;
pub mod numbers;
pub mod gazetteer;
mod span;
pub mod text;

pub use error::{Error, ErrorKind};
pub use model::*;
pub use span::Span;
