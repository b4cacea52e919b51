//! `Entity`: one generated record as Python sees it, with DATAMIMIC's attribute access
//! (`person.name`, `person.address.street`) and `to_dict()`.
//!
//! A record stays a Rust value until Python reads it: a batch of 100,000 records costs one
//! small Python object each, and the fields become Python objects on the first attribute
//! read, built directly from the record's serde form ([`crate::to_python`]): a record's dict
//! is what `json.loads` makes of the JSON `datamimic generate -f json` writes for it. Nested
//! records (an address) come back as entities of their own.

use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::errors::value_error;
use crate::to_python::ToPy;

/// A record kept for Python: any serializable domain value.
pub(crate) type OwnedRecord = Box<dyn ToPy>;

/// A generated record (or a record nested in one).
#[pyclass(module = "datamimic._native", frozen)]
pub(crate) struct Entity {
    /// The entity's name (`Person`), or the field a nested record sits in (`address`).
    kind: Arc<str>,
    /// The Rust value; `None` for a nested record, which only has its fields.
    record: Option<OwnedRecord>,
    /// The fields as a Python dict, made on the first attribute read.
    fields: OnceLock<Py<PyDict>>,
}

impl Entity {
    /// An entity of `kind` backed by `record`.
    pub(crate) fn new(kind: Arc<str>, record: OwnedRecord) -> Entity {
        Entity {
            kind,
            record: Some(record),
            fields: OnceLock::new(),
        }
    }

    /// The nested record `fields` found in field `kind`.
    fn nested(kind: &str, fields: Bound<'_, PyDict>) -> Entity {
        Entity {
            kind: Arc::from(kind),
            record: None,
            fields: OnceLock::from(fields.unbind()),
        }
    }

    /// A fresh dict of the record's fields.
    fn convert<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        match &self.record {
            Some(record) => {
                let value = record.to_py(py).map_err(value_error)?;
                Ok(value.cast_into::<PyDict>()?)
            }
            None => {
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

    /// A nested dict becomes an entity (`person.address.street`); anything else is returned
    /// as it is.
    fn wrap<'py>(py: Python<'py>, name: &str, value: Bound<'py, PyAny>) -> PyResult<Py<PyAny>> {
        match value.cast_into::<PyDict>() {
            Ok(dict) => Ok(Bound::new(py, Entity::nested(name, dict))?
                .into_any()
                .unbind()),
            Err(err) => Ok(err.into_inner().unbind()),
        }
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
    fn __getattr__(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        let no_such = |fields: Option<&Bound<'_, PyDict>>| {
            let known = fields
                .map(|f| {
                    let keys: Vec<String> = f.keys().iter().map(|k| k.to_string()).collect();
                    format!("; its fields: {}", keys.join(", "))
                })
                .unwrap_or_default();
            PyAttributeError::new_err(format!("'{}' has no attribute '{name}'{known}", self.kind))
        };
        // Python's own protocols (copy, pickle) ask for dunder names: not fields.
        if name.starts_with("__") {
            return Err(no_such(None));
        }
        let fields = self.fields(py)?;
        if let Some(value) = fields.get_item(name)? {
            return Entity::wrap(py, name, value);
        }
        let wanted = loose(name);
        for (key, value) in fields.iter() {
            let key = key.cast_into::<PyString>()?;
            let key = key.to_str()?;
            if loose(key) == wanted {
                return Entity::wrap(py, key, value);
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
        Ok(format!("{}({})", self.kind, self.fields(py)?.repr()?))
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
