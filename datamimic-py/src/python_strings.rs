//! The Python strings conversions share, per thread: field names interned once, and values
//! that are cells of the baked tables (a given name, a state) made once and shared by every
//! record holding them, as the tables' text never moves nor changes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::struct_dict::Templates;

/// Python strings by the address and length of the `&'static str` they were made from.
pub(crate) type ByAddress =
    HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

/// The Python strings conversions reuse: field names, and values that are cells of the baked
/// tables (a given name, a city, a country), shared by every record that holds them.
pub(crate) struct Strings {
    /// Field and variant names, interned.
    names: RefCell<ByAddress>,
    /// Cells of the baked tables' text.
    cells: RefCell<ByAddress>,
    /// The dicts structs are copied from, by struct type.
    pub(crate) templates: Templates,
    /// Where the baked tables' text lies: it is never freed nor changed, so a `&str` inside it
    /// always holds the same text at the same address. Text built at run time lies outside.
    table_text: Range<usize>,
}

thread_local! {
    /// Per thread: a lookup takes no lock, and a conversion reaches it once, not per field.
    pub(crate) static STRINGS: Strings = Strings {
        names: RefCell::default(),
        cells: RefCell::default(),
        templates: Templates::default(),
        table_text: datamimic::plain_table_text(b',', b'"'),
    };
}

impl Strings {
    /// The Python string of `text` found in `cache` under `key`, or made by `make` and kept.
    /// No borrow is held while Python allocates: that can collect garbage, and a finalizer can
    /// convert another record on this thread.
    fn cached<'py>(
        cache: &RefCell<ByAddress>,
        key: (usize, usize),
        py: Python<'py>,
        make: impl FnOnce() -> Bound<'py, PyString>,
    ) -> Bound<'py, PyString> {
        if let Some(found) = cache.borrow().get(&key) {
            return found.bind(py).clone();
        }
        let made = make();
        if let Ok(mut cache) = cache.try_borrow_mut() {
            cache.insert(key, made.clone().unbind());
        }
        made
    }

    /// A field or variant name, interned once per thread.
    pub(crate) fn name<'py>(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        Strings::cached(&self.names, key, py, || PyString::intern(py, name))
    }

    /// Text as a Python string: made once per thread for a cell of the baked tables, made
    /// afresh for text built at run time.
    pub(crate) fn text<'py>(&self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        let at = text.as_ptr() as usize;
        if self.table_text.start <= at && at + text.len() <= self.table_text.end {
            Strings::cached(&self.cells, (at, text.len()), py, || {
                PyString::new(py, text)
            })
        } else {
            PyString::new(py, text)
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
