//! Text built at run time that one record holds more than once (a person's phone number is
//! also its address's, its name is also its full name) becomes one Python string: each new
//! string of a record is looked up among the last few the record made. Strings are immutable,
//! so sharing one changes no value a caller can see.

use std::cell::RefCell;

use pyo3::prelude::*;
use pyo3::types::PyString;

/// How many of a record's latest strings a new one is compared with: a person's name follows
/// its full name, and its address's phones come two strings after its own.
const RECENT: usize = 4;

/// Text shorter than this is not shared: its key would need padding, and Python makes short
/// strings cheaply.
const SHORTEST: usize = 8;

/// What tells texts apart before their bytes are compared: the length, the first eight bytes
/// and the last eight.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    /// The key of `text`, at least [`SHORTEST`] bytes long.
    fn of(text: &str) -> Key {
        let bytes = text.as_bytes();
        let word = |chunk: Option<&[u8; 8]>| chunk.map_or(0, |word| u64::from_le_bytes(*word));
        Key {
            len: bytes.len(),
            head: word(bytes.first_chunk()),
            tail: word(bytes.last_chunk()),
        }
    }
}

/// The latest strings of the record being converted, round a ring.
pub(crate) struct RecordStrings<'py> {
    ring: RefCell<Ring<'py>>,
}

/// The ring itself, read and written in place: one borrow per lookup, no copy of the keys.
#[derive(Default)]
struct Ring<'py> {
    keys: [Key; RECENT],
    strings: [Option<Bound<'py, PyString>>; RECENT],
    /// Where the next string goes.
    next: usize,
}

impl<'py> RecordStrings<'py> {
    pub(crate) fn new() -> RecordStrings<'py> {
        RecordStrings {
            ring: RefCell::default(),
        }
    }

    /// `text` as a Python string: one the record made already for the same text, or a new
    /// one.
    pub(crate) fn get(&self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        if text.len() < SHORTEST {
            return crate::ffi_fast::ascii_string(py, text);
        }
        let key = Key::of(text);
        // Making a string allocates no object the garbage collector tracks, so no finalizer
        // reaches this ring while it is borrowed; busy only if one ever did: not shared then.
        let Ok(mut ring) = self.ring.try_borrow_mut() else {
            return crate::ffi_fast::ascii_string(py, text);
        };
        if let Some(at) = ring.keys.iter().position(|k| *k == key)
            && let Some(same) = same(ring.strings[at].as_ref(), text)
        {
            return same;
        }
        let string = crate::ffi_fast::ascii_string(py, text);
        let at = ring.next;
        ring.strings[at] = Some(string.clone());
        ring.keys[at] = key;
        ring.next = (at + 1) % RECENT;
        string
    }
}

/// `found` when its text is `text`. Only ASCII text is compared: reading a Python string's
/// bytes is free for ASCII, where other text would need a UTF-8 copy made for the comparison.
fn same<'py>(found: Option<&Bound<'py, PyString>>, text: &str) -> Option<Bound<'py, PyString>> {
    let found = found?;
    (text.is_ascii() && found.to_str().ok()? == text).then(|| found.clone())
}
