//! `Records`: a built service as its entities read it. Record `i` depends only on the seed and
//! `i` (an unseeded service draws its seed and reads the clock once, when it is built), so an
//! entity keeps the index of its record and has it generated when Python first reads it, as
//! DATAMIMIC's entities draw their values on first access.

use datamimic::Service;
use datamimic_export::entities::{self, Entity as CatalogueEntity, Record, ServiceVisitor};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::value_error;
use crate::to_python::{self, to_python};

/// A built catalogue entity and its name: a Python object of its own, which the service and
/// every record it made hold a reference to.
#[pyclass(frozen, module = "datamimic._native")]
pub(crate) struct Records {
    /// The catalogue name (`Person`).
    pub(crate) name: &'static str,
    entity: Box<dyn CatalogueEntity>,
}

impl Records {
    pub(crate) fn new(name: &'static str, entity: Box<dyn CatalogueEntity>) -> Records {
        Records { name, entity }
    }

    /// The built service.
    pub(crate) fn entity(&self) -> &dyn CatalogueEntity {
        &*self.entity
    }

    /// Record `index`, generated now, as a fresh dict (nested records as dicts, lists as
    /// lists): `to_dict()`.
    pub(crate) fn dict<'py>(&self, py: Python<'py>, index: u64) -> PyResult<Bound<'py, PyDict>> {
        let value = self.to_python(py, index).map_err(value_error)?;
        Ok(value.cast_into::<PyDict>()?)
    }

    /// Record `index`, generated now, as a Python object: what `json.loads` makes of the JSON
    /// `datamimic generate -f json` writes for it.
    pub(crate) fn to_python<'py>(
        &self,
        py: Python<'py>,
        index: u64,
    ) -> to_python::Result<Bound<'py, PyAny>> {
        match entities::visit_service(&*self.entity, Convert { py, index }) {
            Ok(converted) => converted,
            // A type outside the catalogue: its record converted through type erasure.
            Err(_) => to_python(py, &self.entity.owned_record(index)),
        }
    }
}

/// Generates a record as its own type and converts it, so that the conversion runs serde code
/// made for that type (no erasure per field) and the record never leaves the stack.
struct Convert<'py> {
    py: Python<'py>,
    index: u64,
}

impl<'py> ServiceVisitor for Convert<'py> {
    type Out = to_python::Result<Bound<'py, PyAny>>;

    fn visit<T: Record>(self, service: &Service<T>) -> Self::Out {
        to_python(self.py, &service.record(self.index))
    }
}
