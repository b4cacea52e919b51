//! A serde serializer that builds Python objects directly: the dict of a record is what
//! `json.loads` makes of the JSON `datamimic generate -f json` writes for it (the same key
//! order, variants, numbers and nulls), without writing and parsing the text.
//!
//! Rules shared with serde_json: an `f32` becomes the float of its shortest decimal form (a
//! rating of 4.9 is 4.9, not 4.900000095367432); NaN and infinities become `None`; a unit
//! variant is its name, a newtype, tuple or struct variant `{name: value}`; bytes are a list
//! of numbers; map keys become strings.
//!
//! Strings and dicts are the bulk of the work: names and table cells are made once per thread
//! ([`crate::python_strings`]), text a record holds twice becomes one string
//! ([`RecordStrings`]), and a struct's dict is a copy of its type's keys filled in place
//! ([`StructDict`]).

use std::fmt;

use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};

use crate::python_strings::{STRINGS, Strings};
use crate::record_strings::RecordStrings;
use crate::struct_dict::StructDict;

/// Why a value could not become a Python object.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(err: PyErr) -> Error {
        Error(err.to_string())
    }
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

/// `value` as a Python object.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> Result<Bound<'py, PyAny>> {
    let record = RecordStrings::new();
    STRINGS.with(|strings| {
        value.serialize(ToPython {
            py,
            strings,
            record: &record,
        })
    })
}

#[derive(Clone, Copy)]
struct ToPython<'py, 's> {
    py: Python<'py>,
    strings: &'s Strings,
    /// The strings the record being converted made so far.
    record: &'s RecordStrings<'py>,
}

impl<'py> ToPython<'py, '_> {
    fn float(self, value: f64) -> Bound<'py, PyAny> {
        if value.is_finite() {
            PyFloat::new(self.py, value).into_any()
        } else {
            self.py.None().into_bound(self.py)
        }
    }

    fn int<T: IntoPyObject<'py>>(self, value: T) -> Result<Bound<'py, PyAny>> {
        Ok(value
            .into_pyobject(self.py)
            .map_err(|e| Error(e.into().to_string()))?
            .into_bound()
            .into_any())
    }

    /// `{variant: value}`.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.strings.name(self.py, variant), value)?;
        Ok(dict.into_any())
    }
}

/// A list being built; `variant` wraps it as `{variant: [...]}`.
struct Seq<'py, 's> {
    to: ToPython<'py, 's>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'py, '_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let list = PyList::new(self.to.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.to.tagged(variant, list),
            None => Ok(list),
        }
    }
}

/// A dict being built; `variant` wraps it as `{variant: {...}}`.
struct Map<'py, 's> {
    to: ToPython<'py, 's>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'py, '_> {
    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.to.tagged(variant, dict),
            None => Ok(dict),
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        let value = value.serialize(self.to)?;
        self.dict
            .set_item(self.to.strings.name(self.to.py, key), value)?;
        Ok(())
    }
}

/// A struct's dict being built ([`StructDict`]).
struct Struct<'py, 's> {
    to: ToPython<'py, 's>,
    dict: StructDict<'py>,
}

impl<'py, 's> ser::Serializer for ToPython<'py, 's> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py, 's>;
    type SerializeTuple = Seq<'py, 's>;
    type SerializeTupleStruct = Seq<'py, 's>;
    type SerializeTupleVariant = Seq<'py, 's>;
    type SerializeMap = Map<'py, 's>;
    type SerializeStruct = Struct<'py, 's>;
    type SerializeStructVariant = Map<'py, 's>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        if !v.is_finite() {
            return Ok(self.float(f64::NAN));
        }
        // The shortest decimal that reads back as `v`, as a double: what JSON holds.
        let mut buffer = ryu::Buffer::new();
        let shortest = buffer
            .format_finite(v)
            .parse::<f64>()
            .map_err(<Error as ser::Error>::custom)?;
        Ok(self.float(shortest))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        Ok(self.float(v))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        Ok(PyString::new(self.py, v.encode_utf8(&mut [0; 4])).into_any())
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(self.strings.text(self.py, self.record, v).into_any())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        let string = self
            .strings
            .display(self.py, self.record, value)
            .map_err(<Error as ser::Error>::custom)?;
        Ok(string.into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.strings.name(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let value = value.serialize(self)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py, 's>> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py, 's>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'py, 's>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'py, 's>> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py, 's>> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Struct<'py, 's>> {
        Ok(Struct {
            to: self,
            dict: StructDict::start(self.py, self.strings, name, len)?,
        })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'py, 's>> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

impl<'py> ser::SerializeSeq for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for Map<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = key.serialize(self.to)?;
        // JSON object keys are strings: a number key becomes its text, as serde_json writes it.
        let key = if key.is_instance_of::<PyString>() {
            key
        } else {
            key.str()?.into_any()
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without a key".to_owned()))?;
        let value = value.serialize(self.to)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Struct<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let value = value.serialize(self.to)?;
        Ok(self.dict.field(self.to.py, self.to.strings, key, value)?)
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.finish(self.to.py, self.to.strings)?.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Map<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}
