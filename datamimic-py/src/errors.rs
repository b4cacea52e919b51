//! How Rust errors reach Python: a bad argument (an unknown dataset code, impossible ages) is
//! a `ValueError` carrying the whole message, causes included.

use pyo3::PyErr;
use pyo3::exceptions::PyValueError;

/// A `ValueError` with `err`'s message and causes (`anyhow`'s `{:#}`).
pub(crate) fn value_error(err: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("{err:#}"))
}
