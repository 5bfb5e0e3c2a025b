//! Events to Python objects: the JSON of SCHEMA.md, as lists and dicts.
//!
//! A serde `Serializer` that builds Python objects directly, as `json.loads` would give
//! them for the text serde_json writes: structs and maps are dicts (fields in declaration
//! order), sequences, tuples and arrays are lists (a span is `[start, end]`, as in JSON),
//! unit enum variants are their names, `None` and unit are `None`, non-finite floats are
//! `None` (serde_json writes them as `null`).
//!
//! Measured against serde_json + `json.loads` of its text, on the events of three
//! articles (4.2 KB, 4.2 KB, 365 bytes, interpreter loaded by other work): 180-200, 70-78
//! and 27-42 µs against 240-340, 118-140 and 53 µs. `json.loads` scans the text again and
//! makes a str per key; here each field name is made once per call and reused. Building
//! from a `serde_json::Value` was slower still (a tree of allocations, then the dicts).

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::ser::{self, Serialize};

/// Python objects for a value of any `Serialize` type (see the module docs).
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    keys: &Keys<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPython { keys }).map_err(|e| e.0)
}

/// The field names made so far, as Python str, by the address of the `&'static str` serde
/// gives them with: one object per name instead of one per field of every event.
pub(crate) struct Keys<'py> {
    py: Python<'py>,
    made: RefCell<HashMap<(usize, usize), Bound<'py, PyString>>>,
}

impl<'py> Keys<'py> {
    pub(crate) fn new(py: Python<'py>) -> Keys<'py> {
        Keys {
            py,
            made: RefCell::new(HashMap::new()),
        }
    }

    fn get(&self, name: &'static str) -> Bound<'py, PyString> {
        let id = (name.as_ptr() as usize, name.len());
        let mut made = self.made.borrow_mut();
        made.entry(id)
            .or_insert_with(|| PyString::new(self.py, name))
            .clone()
    }
}

/// A Python exception on its way through serde.
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(format!(
            "cannot convert the events: {msg}"
        )))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

#[derive(Clone, Copy)]
struct ToPython<'k, 'py> {
    keys: &'k Keys<'py>,
}

impl<'k, 'py> ToPython<'k, 'py> {
    fn py(self) -> Python<'py> {
        self.keys.py
    }

    fn int<I>(self, v: I) -> Out<'py>
    where
        I: IntoPyObject<'py, Target = PyInt, Output = Bound<'py, PyInt>, Error = Infallible>,
    {
        Ok(PyInt::new(self.py(), v).into_any())
    }

    /// `{name: value}`: how serde_json writes a newtype, tuple or struct variant.
    fn tagged(self, name: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
        let dict = PyDict::new(self.py());
        dict.set_item(self.keys.get(name), value)?;
        Ok(dict.into_any())
    }

    fn list(self, len: usize) -> List<'k, 'py> {
        List {
            to: self,
            items: Vec::with_capacity(len),
        }
    }

    fn dict(self) -> Dict<'k, 'py> {
        Dict {
            to: self,
            dict: PyDict::new(self.py()),
            key: None,
        }
    }
}

impl<'k, 'py> ser::Serializer for ToPython<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = List<'k, 'py>;
    type SerializeTuple = List<'k, 'py>;
    type SerializeTupleStruct = List<'k, 'py>;
    type SerializeTupleVariant = Variant<List<'k, 'py>>;
    type SerializeMap = Dict<'k, 'py>;
    type SerializeStruct = Dict<'k, 'py>;
    type SerializeStructVariant = Variant<Dict<'k, 'py>>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        if v.is_finite() {
            Ok(PyFloat::new(self.py(), v).into_any())
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py(), v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyList::new(self.py(), v)?.into_any()) // serde_json: an array of numbers
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.keys.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let value = value.serialize(self)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List<'k, 'py>, Error> {
        Ok(self.list(len.unwrap_or(0)))
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'k, 'py>, Error> {
        Ok(self.list(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<List<'k, 'py>, Error> {
        Ok(self.list(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<List<'k, 'py>>, Error> {
        Ok(Variant {
            name: variant,
            inner: self.list(len),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Dict<'k, 'py>, Error> {
        Ok(self.dict())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Dict<'k, 'py>, Error> {
        Ok(self.dict())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<Dict<'k, 'py>>, Error> {
        Ok(Variant {
            name: variant,
            inner: self.dict(),
        })
    }
}

/// A sequence, tuple or array on its way to a `list`.
pub(crate) struct List<'k, 'py> {
    to: ToPython<'k, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> List<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        Ok(PyList::new(self.to.py(), self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A struct or map on its way to a `dict`.
pub(crate) struct Dict<'k, 'py> {
    to: ToPython<'k, 'py>,
    dict: Bound<'py, PyDict>,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(self.to)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let value = value.serialize(self.to)?;
        self.dict.set_item(self.to.keys.get(name), value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

/// A tuple or struct variant: `{name: [...]}` or `{name: {...}}`.
pub(crate) struct Variant<T> {
    name: &'static str,
    inner: T,
}

impl<'py> ser::SerializeTupleVariant for Variant<List<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.inner.push(value)
    }
    fn end(self) -> Out<'py> {
        let to = self.inner.to;
        to.tagged(self.name, self.inner.finish()?)
    }
}

impl<'py> ser::SerializeStructVariant for Variant<Dict<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, name, value)
    }
    fn end(self) -> Out<'py> {
        let to = self.inner.to;
        to.tagged(self.name, self.inner.dict.into_any())
    }
}

/// Keeps Python's cyclic garbage collector off while it lives, and turns it back on when
/// dropped if it was on.
///
/// Building the events of many articles makes hundreds of thousands of dicts and lists,
/// none of them in a cycle, and the collector's passes walk them again and again as they
/// pile up: on the bench corpus (1,221 articles, 27,606 events, one thread) `extract_many`
/// took 0.96 s of CPU with the collector on and 0.56 s with it off. Only `extract_many`
/// pauses it, and only while it converts; a second thread that turns the collector off or
/// on meanwhile may find it turned back on at the end.
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
