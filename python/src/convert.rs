//! Events to Python objects: the JSON of SCHEMA.md, as lists and dicts.

use conflict_events::Event;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

/// The events as one JSON array, as the `extract` example prints them.
pub(crate) fn to_json(events: &[Event]) -> Result<String, String> {
    serde_json::to_string(events).map_err(|e| format!("cannot serialise the events: {e}"))
}

/// A JSON text to Python objects by the standard library's `json.loads`.
///
/// Measured against building the dicts from a `serde_json::Value` in Rust (one `PyDict` per
/// object, interned keys), on the events of a 365-byte and a 3,650-byte article:
/// `to_string` + `json.loads` took 20 and 130 µs, `to_value` + dicts 23 and 270-330 µs.
/// The C decoder allocates less and memoizes the keys, and it keeps the fields in the
/// order the types declare them (a `Value` map sorts them unless `preserve_order`).
pub(crate) fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.import(py, "json", "loads")?;
    loads.call1((PyString::new(py, json),))
}

/// Keeps Python's cyclic garbage collector off while it lives, and turns it back on when
/// dropped if it was on.
///
/// Building the events of many articles makes millions of dicts and lists, none of them in a
/// cycle, and the collector walks the young ones again and again as they pile up: on the
/// bench corpus (1,221 articles, 14 MB of JSON) `json.loads` took 0.35 s with the collector
/// on and 0.16 s with it off. Only `extract_many` pauses it, and only while it converts.
pub(crate) struct GcPaused<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPaused<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<GcPaused<'py>> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPaused { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPaused { gc: Some(gc) })
    }
}

impl Drop for GcPaused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            if let Err(e) = gc.call_method0("enable") {
                e.write_unraisable(gc.py(), Some(gc.as_any()));
            }
        }
    }
}
