//! The Python module `conflict_events`: war news in, typed events out, as the dicts of the
//! JSON contract (`SCHEMA.md`).
//!
//! The extension module is `conflict_events._native`; `python/python/conflict_events/`
//! re-exports it with the type stubs. Nothing here panics: every failure is a Python
//! exception (the lints below keep `unwrap`, `expect`, `panic!` and indexing out).

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod args;
mod batch;
mod convert;

use std::path::PathBuf;

use conflict_events::gazetteer::Gazetteer;
use conflict_events::{Document, Event, Extractor as Core};
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyRuntimeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use args::{Arg, Article};

/// Reads war news and returns typed events (strikes, casualty figures) as dicts.
#[pymodule(name = "_native")]
mod native {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{extract, PyExtractor};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}

/// The events of one article (run with the interpreter detached).
fn events_of(core: &Core, article: &Article) -> Vec<Event> {
    let mut doc = Document::new(&article.text);
    if let Some(d) = article.date {
        doc = doc.published(d);
    }
    core.extract(&doc)
}

/// One article, from Python arguments to Python events.
fn extract_one<'py>(
    py: Python<'py>,
    core: &Core,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let article = Article {
        text: args::text(text, Arg::named("text"))?,
        date: args::date(date, Arg::named("date"))?,
    };
    let events = py.detach(|| events_of(core, &article));
    convert::to_python(&convert::Keys::new(py), &events)
}

/// The events of one article, with the built-in gazetteer: a list of dicts, the JSON
/// objects of the `extract` example (see `SCHEMA.md`), in the order the text tells them.
///
/// `date` is the publication date (a `datetime.date` or a str "YYYY-MM-DD"; None, NaN or
/// NaT for none); relative dates ("Tuesday", "yesterday") resolve against it. Raises
/// `TypeError` when `text` is not a str, `ValueError` when `date` is not a date.
#[pyfunction]
#[pyo3(signature = (text, date = None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    extract_one(py, &Core::new(), text, date)
}

/// Reads articles and returns their events. Build one and reuse it: building reads the
/// gazetteers. Safe to share between threads.
///
/// `gazetteer_tsv`: a path (str or os.PathLike) to a user gazetteer, a TSV file in the
/// format of the built-in one, added to it. A malformed file raises `ValueError` naming
/// the file, the line and the reason; a file that cannot be read raises `OSError`.
///
/// `asserted_only`: keep only the events reported as having happened (modality
/// "asserted"); planned, hypothetical and denied ones are dropped.
#[pyclass(name = "Extractor", module = "conflict_events", frozen)]
struct PyExtractor {
    core: Core,
    gazetteer_tsv: Option<PathBuf>,
    asserted_only: bool,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (gazetteer_tsv = None, asserted_only = false))]
    fn new(py: Python<'_>, gazetteer_tsv: Option<PathBuf>, asserted_only: bool) -> PyResult<Self> {
        let gazetteer = match &gazetteer_tsv {
            None => None,
            Some(path) => Some(user_gazetteer(py, path)?),
        };
        let mut builder = Core::builder().asserted_only(asserted_only);
        if let Some(g) = gazetteer {
            builder = builder.gazetteer(g);
        }
        // the first build of the built-in gazetteer takes some 0.1 s: other threads run
        let core = py
            .detach(|| builder.build())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyExtractor {
            core,
            gazetteer_tsv,
            asserted_only,
        })
    }

    /// The events of one article: a list of dicts (see `conflict_events.extract`).
    #[pyo3(signature = (text, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        extract_one(py, &self.core, text, date)
    }

    /// The events of many articles: one list of event dicts per text, in the order of
    /// `texts`. `dates` is None or one date (datetime.date, "YYYY-MM-DD" or None) per text.
    /// Runs on `threads` threads (None: one per core) with the interpreter released, so
    /// other Python threads run meanwhile.
    #[pyo3(signature = (texts, dates = None, threads = None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = match threads {
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Some(n) => usize::try_from(n).ok().filter(|n| *n > 0).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "threads must be at least 1 (None: one per core), not {n}"
                ))
            })?,
        };
        let articles = args::articles(texts, dates)?;
        let core = &self.core;
        let results = py
            .detach(|| batch::map_in_order(&articles, threads, |a| events_of(core, a)))
            .map_err(PyRuntimeError::new_err)?;
        let out = PyList::empty(py);
        let keys = convert::Keys::new(py);
        let _paused = convert::GcPaused::new(py)?;
        for events in results {
            out.append(convert::to_python(&keys, &events)?)?;
        }
        Ok(out)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let path = match &self.gazetteer_tsv {
            // the path as Python would write it, quotes and escapes included
            Some(p) => PyString::new(py, &p.display().to_string())
                .repr()?
                .to_string(),
            None => "None".to_string(),
        };
        let flag = if self.asserted_only { "True" } else { "False" };
        Ok(format!(
            "Extractor(gazetteer_tsv={path}, asserted_only={flag})"
        ))
    }
}

/// The built-in gazetteer with a user TSV file added.
fn user_gazetteer(py: Python<'_>, path: &std::path::Path) -> PyResult<Gazetteer> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = format!("cannot read the gazetteer {shown}: {e}");
        match e.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
            _ => PyOSError::new_err(msg),
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        PyValueError::new_err(format!(
            "{shown} is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    py.detach(|| Gazetteer::builder().add_tsv(shown.clone(), text).build())
        .map_err(|e| PyValueError::new_err(e.to_string()))
}
