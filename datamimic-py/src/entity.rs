//! `Entity`: a generated record's fields as Python reads them, with DATAMIMIC's attribute
//! access (`person.name`, `person.address.street`) and `to_dict()`.
//!
//! Services return [`crate::record_object`]'s records, which hold the index of their record
//! and nothing more until Python reads them, as DATAMIMIC's entities draw their values on
//! first access; a record's first attribute read makes its entity, which generates the record
//! and converts its fields to Python objects, kept for later reads. Each `to_dict()` generates
//! the record again (the same values: record `i` depends only on the seed and `i`) and
//! converts it into fresh dicts, straight from its serde form ([`crate::to_python`]): a
//! record's dict is what `json.loads` makes of the JSON `datamimic generate -f json` writes
//! for it. Nested records (an address) come back as entities of their own.

use std::sync::OnceLock;

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::records::Records;

/// Where an entity's fields come from.
enum Source {
    /// Record `index` of `records`.
    Record { records: Py<Records>, index: u64 },
    /// A record nested in another, in its field `field` (`address`): only its converted
    /// fields.
    Nested { field: Box<str> },
}

/// A generated record (or a record nested in one).
#[pyclass(module = "datamimic._native", frozen)]
pub(crate) struct Entity {
    source: Source,
    /// The fields as a Python dict, made on the first attribute read.
    fields: OnceLock<Py<PyDict>>,
    /// The entities of nested records read so far, by field: `person.address` is the same
    /// object each time it is read.
    nested: OnceLock<Py<PyDict>>,
}

impl Entity {
    /// Record `index` of `records`, generated when it is first read.
    pub(crate) fn record(records: Py<Records>, index: u64) -> Entity {
        Entity {
            source: Source::Record { records, index },
            fields: OnceLock::new(),
            nested: OnceLock::new(),
        }
    }

    /// The entity as a Python object, off the garbage collector's lists: it holds no object
    /// the collector could see ([`crate::ffi_fast::untrack`]).
    pub(crate) fn into_object(self, py: Python<'_>) -> PyResult<Bound<'_, Entity>> {
        let object = Bound::new(py, self)?;
        crate::ffi_fast::untrack(&object);
        Ok(object)
    }

    /// The nested record `fields` found in field `field`.
    fn nested(field: &str, fields: Bound<'_, PyDict>) -> Entity {
        Entity {
            source: Source::Nested {
                field: Box::from(field),
            },
            fields: OnceLock::from(fields.unbind()),
            nested: OnceLock::new(),
        }
    }

    /// The entity's name (`Person`), or the field a nested record sits in (`address`).
    fn kind(&self) -> &str {
        match &self.source {
            Source::Record { records, .. } => records.get().name,
            Source::Nested { field } => field,
        }
    }

    /// A fresh dict of the record's fields.
    fn convert<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        match &self.source {
            Source::Record { records, index } => records.get().dict(py, *index),
            Source::Nested { .. } => {
                let fields = self.fields(py)?;
                let copy = py.import("copy")?.getattr("deepcopy")?.call1((fields,))?;
                Ok(copy.cast_into::<PyDict>()?)
            }
        }
    }

    /// The fields, converted once.
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        if let Some(fields) = self.fields.get() {
            return Ok(fields.bind(py).clone());
        }
        let fields = self.convert(py)?;
        // Another thread may have converted it meanwhile: keep the first, equal, dict.
        let _ = self.fields.set(fields.unbind());
        Ok(self.fields.get().expect("just set").bind(py).clone())
    }

    /// The value of field `name`: a nested dict becomes an entity (`person.address.street`),
    /// made once; anything else is returned as it is.
    fn wrap<'py>(
        &self,
        py: Python<'py>,
        name: &Bound<'py, PyString>,
        value: Bound<'py, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        let dict = match value.cast_into::<PyDict>() {
            Ok(dict) => dict,
            Err(err) => return Ok(err.into_inner().unbind()),
        };
        let nested = self
            .nested
            .get_or_init(|| PyDict::new(py).unbind())
            .bind(py);
        if let Some(entity) = nested.get_item(name)? {
            return Ok(entity.unbind());
        }
        let entity = Entity::nested(name.to_str()?, dict)
            .into_object(py)?
            .into_any();
        // `setdefault`: a thread that wrapped it meanwhile keeps its entity for both.
        Ok(nested.call_method1("setdefault", (name, entity))?.unbind())
    }
}

/// DATAMIMIC's legacy spelling rule: `givenName`, `GIVEN_NAME` and `given_name` are the same
/// field.
fn loose(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

#[pymethods]
impl Entity {
    /// The field `name`, matched exactly or ignoring case and underscores.
    fn __getattr__<'py>(
        &self,
        py: Python<'py>,
        name: &Bound<'py, PyString>,
    ) -> PyResult<Py<PyAny>> {
        let text = name.to_str()?;
        let no_such = |fields: Option<&Bound<'_, PyDict>>| {
            let known = fields
                .map(|f| {
                    let keys: Vec<String> = f.keys().iter().map(|k| k.to_string()).collect();
                    format!("; its fields: {}", keys.join(", "))
                })
                .unwrap_or_default();
            PyAttributeError::new_err(format!(
                "'{}' has no attribute '{text}'{known}",
                self.kind()
            ))
        };
        // Python's own protocols (copy, pickle) ask for dunder names: not fields.
        if text.starts_with("__") {
            return Err(no_such(None));
        }
        let fields = self.fields(py)?;
        if let Some(value) = fields.get_item(name)? {
            return self.wrap(py, name, value);
        }
        let wanted = loose(text);
        for (key, value) in fields.iter() {
            let key = key.cast_into::<PyString>()?;
            if loose(key.to_str()?) == wanted {
                return self.wrap(py, &key, value);
            }
        }
        Err(no_such(Some(&fields)))
    }

    /// The fields as a new dict (nested records as dicts, lists as lists), in DATAMIMIC's key
    /// order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.convert(py)
    }

    /// The field names, for `dir()` and completion.
    fn __dir__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let names = self.fields(py)?.keys();
        names.append("to_dict")?;
        Ok(names)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("{}({})", self.kind(), self.fields(py)?.repr()?))
    }

    /// Entities are equal when their fields are; an entity equals the dict of its fields.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let other = match other.cast::<Entity>() {
            Ok(entity) => entity.get().fields(py)?,
            Err(_) => match other.cast::<PyDict>() {
                Ok(dict) => dict.clone(),
                Err(_) => return Ok(py.NotImplemented()),
            },
        };
        let equal = self.fields(py)?.eq(other)?;
        Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind())
    }
}
