//! Python strings of baked table cells, shared by every record that holds the same text (a
//! state code of 34,000 city rows, a given name of several decades' tables): a direct-mapped
//! cache keyed by the text, of a fixed number of slots, so that its memory stays flat however
//! many distinct cells a run meets. A slot keeps the cell's `&'static str`, so a lookup
//! compares text without reading the Python string.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// The number of slots: a power of two, enough for the cells that recur in most records
/// (titles, states, countries, common names) alongside the many that rarely do. At 2^16
/// (1.5 MB a thread) half the misses of 2^13 go: a US person makes two cell strings instead
/// of four, 0.8 k instructions less per `to_dict()`.
const SLOTS: usize = 1 << 16;

/// A cached cell and its Python string.
struct Slot {
    text: &'static str,
    string: Py<PyString>,
}

/// The cache of one thread.
pub(crate) struct TableCells {
    slots: Vec<Option<Slot>>,
}

impl Default for TableCells {
    fn default() -> TableCells {
        TableCells {
            slots: std::iter::repeat_with(|| None).take(SLOTS).collect(),
        }
    }
}

impl TableCells {
    /// The Python string of `cell`, made on a miss and kept in its slot in place of the
    /// string there.
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, cell: &'static str) -> Bound<'py, PyString> {
        let slot = &mut self.slots[slot_of(cell)];
        if let Some(found) = slot
            && (std::ptr::eq(found.text, cell) || found.text == cell)
        {
            return found.string.bind(py).clone();
        }
        let made = crate::ffi_fast::ascii_string(py, cell);
        *slot = Some(Slot {
            text: cell,
            string: made.clone().unbind(),
        });
        made
    }
}

/// The slot of `text`: a hash of its length and of its first and last eight bytes (of all
/// its bytes when it is shorter).
fn slot_of(text: &str) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes = text.as_bytes();
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => {
            let all = bytes
                .iter()
                .fold(0u64, |word, &byte| word << 8 | u64::from(byte));
            (all, all)
        }
    };
    let hash = ((bytes.len() as u64 ^ head).wrapping_mul(K).rotate_left(29) ^ tail).wrapping_mul(K);
    (hash >> (64 - SLOTS.trailing_zeros())) as usize
}
