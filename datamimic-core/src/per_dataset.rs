//! A value computed once per dataset code, for generators that prepare lookups per country.

use std::fmt;
use std::sync::OnceLock;

use crate::DatasetCode;

/// One lazily built value per dataset code (676 slots, built on first use, shared by all
/// threads). Domain generators keep their per-country lookups in one of these statics.
///
/// ```
/// use datamimic::{DatasetCode, PerDataset};
///
/// static LENGTHS: PerDataset<usize> = PerDataset::new();
/// let de = DatasetCode::parse("DE").unwrap();
/// assert_eq!(*LENGTHS.get_or_init(de, || 5), 5);
/// assert_eq!(*LENGTHS.get_or_init(de, || 7), 5, "built once");
/// ```
pub struct PerDataset<T> {
    slots: [OnceLock<Box<T>>; 26 * 26],
}

impl<T> PerDataset<T> {
    /// No values yet.
    pub const fn new() -> PerDataset<T> {
        PerDataset {
            slots: [const { OnceLock::new() }; 26 * 26],
        }
    }

    /// The value for `code`, built by `init` the first time it is asked for.
    #[inline]
    pub fn get_or_init(&self, code: DatasetCode, init: impl FnOnce() -> T) -> &T {
        self.slots[code.index()].get_or_init(|| Box::new(init()))
    }
}

impl<T> Default for PerDataset<T> {
    fn default() -> PerDataset<T> {
        PerDataset::new()
    }
}

impl<T> fmt::Debug for PerDataset<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let built = self.slots.iter().filter(|s| s.get().is_some()).count();
        f.debug_struct("PerDataset").field("built", &built).finish()
    }
}
