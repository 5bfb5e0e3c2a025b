//! Errors. They come from configuration only (gazetteer files, builder settings), never
//! from article text: extraction itself cannot fail.

use std::fmt;

/// An error building a gazetteer or an extractor.
///
/// The message names the file, the line and the reason:
/// `my_groups.tsv:3: unknown kind "armed group" (expected one of: ...)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// What kind of [`Error`] it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A gazetteer file is malformed.
    Gazetteer,
    /// The pattern automaton could not be built (too many or too long patterns).
    Automaton,
}

impl Error {
    pub(crate) fn gazetteer(file: &str, line: usize, reason: impl fmt::Display) -> Error {
        Error {
            kind: ErrorKind::Gazetteer,
            message: format!("{file}:{line}: {reason}"),
        }
    }

    pub(crate) fn automaton(reason: impl fmt::Display) -> Error {
        Error {
            kind: ErrorKind::Automaton,
            message: format!("cannot build the gazetteer automaton: {reason}"),
        }
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
