//! Text built at run time that one record holds more than once (a person's phone number is
//! also its address's, its name is also its full name) becomes one Python string: each new
//! string of a record is looked up among the last few the record made. Strings are immutable,
//! so sharing one changes no value a caller can see.

use std::cell::{Cell, RefCell};

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
    keys: Cell<[Key; RECENT]>,
    strings: RefCell<[Option<Bound<'py, PyString>>; RECENT]>,
    /// Where the next string goes.
    next: Cell<usize>,
}

impl<'py> RecordStrings<'py> {
    pub(crate) fn new() -> RecordStrings<'py> {
        RecordStrings {
            keys: Cell::default(),
            strings: RefCell::default(),
            next: Cell::new(0),
        }
    }

    /// `text` as a Python string: one the record made already for the same text, or a new
    /// one.
    pub(crate) fn get(&self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        if text.len() < SHORTEST {
            return crate::ffi_fast::ascii_string(py, text);
        }
        let key = Key::of(text);
        let mut keys = self.keys.get();
        if let Some(at) = keys.iter().position(|k| *k == key)
            && let Some(same) = self.same(at, text)
        {
            return same;
        }
        let string = crate::ffi_fast::ascii_string(py, text);
        let at = self.next.get();
        if let Ok(mut strings) = self.strings.try_borrow_mut() {
            strings[at] = Some(string.clone());
            keys[at] = key;
            self.keys.set(keys);
            self.next.set((at + 1) % RECENT);
        }
        string
    }

    /// The string at `at` when its text is `text`. Only ASCII text is compared: reading a
    /// Python string's bytes is free for ASCII, where other text would need a UTF-8 copy made
    /// for the comparison.
    fn same(&self, at: usize, text: &str) -> Option<Bound<'py, PyString>> {
        let strings = self.strings.try_borrow().ok()?;
        let found = strings[at].as_ref()?;
        (text.is_ascii() && found.to_str().ok()? == text).then(|| found.clone())
    }
}
