//! The Python strings conversions share, per thread: field names interned once, and values
//! that are cells of the baked tables (a given name, a state) made once and shared by every
//! record holding them, as the tables' text never moves nor changes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::{self, Write};
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::record_strings::RecordStrings;
use crate::struct_dict::Templates;
use crate::table_cells::TableCells;

/// Python strings by the address and length of the `&'static str` they were made from.
pub(crate) type ByAddress =
    HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

/// The Python strings conversions reuse: field names, and values that are cells of the baked
/// tables (a given name, a city, a country), shared by every record that holds them.
pub(crate) struct Strings {
    /// Field and variant names, interned.
    names: RefCell<ByAddress>,
    /// Cells of the baked tables' text.
    cells: RefCell<TableCells>,
    /// The dicts structs are copied from, by struct type.
    pub(crate) templates: Templates,
    /// Where a value's `Display` form is written before it becomes a Python string.
    scratch: RefCell<String>,
}

thread_local! {
    /// Per thread: a lookup takes no lock, and a conversion reaches it once, not per field.
    pub(crate) static STRINGS: Strings = Strings {
        names: RefCell::default(),
        cells: RefCell::default(),
        templates: Templates::default(),
        scratch: RefCell::default(),
    };
}

impl Strings {
    /// A field or variant name, interned once per thread.
    pub(crate) fn name<'py>(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        if let Some(found) = self.names.borrow().get(&key) {
            return found.bind(py).clone();
        }
        let made = PyString::intern(py, name);
        // No borrow is held while Python allocates: that can collect garbage, and a finalizer
        // can convert another record on this thread. Busy only then: the name is made again.
        if let Ok(mut names) = self.names.try_borrow_mut() {
            names.insert(key, made.clone().unbind());
        }
        made
    }

    /// Text as a Python string: shared by every record for a cell of the baked tables, shared
    /// within `record` for text built at run time (a phone number a record holds twice).
    pub(crate) fn text<'py>(
        &self,
        py: Python<'py>,
        record: &RecordStrings<'py>,
        text: &str,
    ) -> Bound<'py, PyString> {
        match datamimic::baked_text(text) {
            // Making a string allocates no object the garbage collector tracks, so no
            // finalizer converts a record on this thread while the cache is borrowed.
            Some(cell) => match self.cells.try_borrow_mut() {
                Ok(mut cells) => cells.get(py, cell),
                Err(_) => crate::ffi_fast::ascii_string(py, cell),
            },
            None => record.get(py, text),
        }
    }

    /// The `Display` form of `value` as a Python string, shared within `record` as
    /// [`Strings::text`] does, written without a new `String` per value.
    pub(crate) fn display<'py, T: fmt::Display + ?Sized>(
        &self,
        py: Python<'py>,
        record: &RecordStrings<'py>,
        value: &T,
    ) -> Result<Bound<'py, PyString>, fmt::Error> {
        match self.scratch.try_borrow_mut() {
            Ok(mut scratch) => {
                scratch.clear();
                write!(scratch, "{value}")?;
                Ok(record.get(py, &scratch))
            }
            // Busy when `value`'s own `Display` converts a record (it never does in datamimic).
            Err(_) => Ok(record.get(py, &value.to_string())),
        }
    }
}

/// A hasher for addresses: a multiply-xor mix, as the keys are already unique numbers.
#[derive(Default)]
pub(crate) struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_u64(u64::from(*byte));
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
