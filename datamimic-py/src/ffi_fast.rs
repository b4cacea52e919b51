//! The two CPython calls pyo3's safe API does not offer and that issue 16's speed aim needs
//! (`generate_batch` + `to_dict()` of 100,000 persons at least 100 times DATAMIMIC CE's):
//! with [`crate::record_object`], the only modules of the workspace allowed `unsafe` code, each
//! block with its reasons.
//!
//! - [`untrack`] takes an entity off the garbage collector's lists. Every pyclass object is
//!   tracked, yet an entity's traversal visits none of the objects it holds (it defines no
//!   `__traverse__`), so a collection can never find a cycle through one: tracked, a batch of
//!   100,000 entities only makes every collection while they live walk them all, which was
//!   most of the cost of `generate_batch` and a large part of `to_dict()`'s.
//! - [`ascii_string`] makes a Python string of ASCII text by copying its bytes into a string
//!   of ASCII kind, where `PyString::new` decodes them as UTF-8 and checks every byte again.
//!
//! `tests/test_ffi_fast.py` checks both against the safe path: equal values, reference
//! counts of shared strings that stay put across many dicts, entities that die with their
//! batch.

#![allow(unsafe_code)]

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::entity::Entity;

/// Takes `entity` off the garbage collector's lists (see the module's doc): the collector no
/// longer walks it, and nothing else changes, as its traversal reported none of its objects.
pub(crate) fn untrack(entity: &Bound<'_, Entity>) {
    // SAFETY: the interpreter is attached (a `Bound` exists only then) and `entity` is a live
    // object (the `Bound` holds a reference) of a GC type (every pyclass is one).
    // `PyObject_GC_UnTrack` accepts an object tracked or not, so the untracking pyo3's
    // deallocator does when the entity dies stays valid. Entity defines no `__traverse__`, so
    // no cycle the collector could break runs through it whether it is tracked or not.
    unsafe { ffi::PyObject_GC_UnTrack(entity.as_ptr().cast()) }
}

/// `text` as a Python string, copied byte for byte into a string of ASCII kind when it is
/// ASCII and longer than one character (decoded as UTF-8 by CPython otherwise, which returns
/// its shared strings for the empty text and single Latin-1 characters).
pub(crate) fn ascii_string<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyString> {
    if text.len() < 2 || !text.is_ascii() {
        return PyString::new(py, text);
    }
    let Ok(len) = ffi::Py_ssize_t::try_from(text.len()) else {
        return PyString::new(py, text);
    };
    // SAFETY: the interpreter is attached (`py`). `PyUnicode_New(len, 127)` returns a new
    // compact ASCII string of `len` characters, one byte each, with room for them and a
    // terminating NUL it writes itself, or NULL with an exception set (then `from_owned_ptr`
    // panics with it, as `PyString::new` does on the same failure). Its data is `len`
    // writable bytes that no other object sees yet, and `text` is `len` bytes that do not
    // overlap them. Every byte copied is below 128 (`is_ascii`), which is what a string of
    // maximum character 127 must hold. The reference `PyUnicode_New` returns is owned and
    // handed to the `Bound`, which releases it.
    unsafe {
        let string = ffi::PyUnicode_New(len, 127);
        let string = Bound::from_owned_ptr(py, string);
        std::ptr::copy_nonoverlapping(
            text.as_ptr(),
            ffi::PyUnicode_1BYTE_DATA(string.as_ptr()),
            text.len(),
        );
        string.cast_into_unchecked()
    }
}
