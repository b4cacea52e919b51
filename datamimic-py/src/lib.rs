//! The native part of the `datamimic` Python package: the entity catalogue of
//! `datamimic-export` behind one generic service class. The package's Python modules give each
//! entity DATAMIMIC's service class (`PersonService(dataset="US", rng=Random(42))`).

mod arrow_stream;
mod build;
mod entity;
mod errors;
mod ffi_fast;
mod python_strings;
mod record_object;
mod record_strings;
mod records;
mod service;
mod struct_dict;
mod table_cells;
mod to_python;

use pyo3::prelude::*;

/// Every entity of the catalogue, in `datamimic list entities` order.
#[pyfunction]
fn entity_names() -> Vec<&'static str> {
    datamimic_export::entities::ENTITIES
        .iter()
        .map(|def| def.name)
        .collect()
}

/// The module `datamimic._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<service::EntityService>()?;
    m.add_class::<entity::Entity>()?;
    m.add_class::<arrow_stream::ArrowStream>()?;
    m.add("Record", record_object::record_type(m.py())?)?;
    m.add_function(wrap_pyfunction!(entity_names, m)?)?;
    m.add_function(wrap_pyfunction!(service::supported_datasets, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
