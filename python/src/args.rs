//! Arguments from Python: texts, publication dates, paths. Every wrong type is a
//! `TypeError` and every wrong value a `ValueError` whose message names the argument.

use conflict_events::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyFloat, PyString};

/// One article, owned, so that it can go to another thread with the interpreter detached.
pub(crate) struct Article {
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// How a message names an argument: `text`, `date`, `texts[3]`, `dates[0]`.
#[derive(Clone, Copy)]
pub(crate) struct Arg<'a> {
    pub name: &'a str,
    pub index: Option<usize>,
}

impl Arg<'_> {
    pub(crate) const fn named(name: &str) -> Arg<'_> {
        Arg { name, index: None }
    }
}

impl std::fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}]", self.name),
            None => f.write_str(self.name),
        }
    }
}

/// The name of an object's type, for messages ("int", "bytes").
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string())
}

/// A `str`, copied. Anything else (`bytes` too: decode it first) is a `TypeError`.
pub(crate) fn text(obj: &Bound<'_, PyAny>, what: Arg<'_>) -> PyResult<String> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            type_name(obj)
        )));
    };
    // a UnicodeEncodeError (a ValueError) for lone surrogates
    Ok(s.to_cow()?.into_owned())
}

/// `None`, a `datetime.date` (a `datetime.datetime` gives its date) or `"YYYY-MM-DD"`.
/// pandas' missing values, `NaN` (a float) and `NaT` (a datetime unequal to itself), are
/// `None` too: a date column with gaps holds them.
pub(crate) fn date(obj: Option<&Bound<'_, PyAny>>, what: Arg<'_>) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            Ok(d) => Ok(Some(d)),
            Err(e) => Err(PyValueError::new_err(format!(
                "{what} {} is not a date YYYY-MM-DD ({e})",
                obj.repr()?
            ))),
        };
    }
    if let Ok(d) = obj.cast::<PyDate>() {
        if d.ne(d)? {
            return Ok(None); // NaT
        }
        let (y, m, day) = (d.get_year(), d.get_month(), d.get_day());
        return NaiveDate::from_ymd_opt(y, m.into(), day.into())
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("{what} {y}-{m}-{day} is out of range")));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a datetime.date, a str \"YYYY-MM-DD\" or None, not {}",
        type_name(obj)
    )))
}

/// The items of an iterable, refusing a lone `str` (which would iterate over characters).
fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str (wrap it in a list)"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable, not {}",
            type_name(obj)
        ))
    })?;
    iter.collect()
}

/// The articles of `extract_many`: `texts` with `dates` (None, or one per text).
pub(crate) fn articles(
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Article>> {
    let texts = items(texts, "texts")?;
    let dates = match dates.filter(|d| !d.is_none()) {
        None => None,
        Some(d) => {
            let dates = items(d, "dates")?;
            if dates.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "dates has {} items but texts has {}: give one date (or None) per text",
                    dates.len(),
                    texts.len()
                )));
            }
            Some(dates)
        }
    };
    let mut out = Vec::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        let date_obj = dates.as_ref().and_then(|d| d.get(i));
        out.push(Article {
            text: text(
                t,
                Arg {
                    name: "texts",
                    index: Some(i),
                },
            )?,
            date: date(
                date_obj,
                Arg {
                    name: "dates",
                    index: Some(i),
                },
            )?,
        });
    }
    Ok(out)
}
