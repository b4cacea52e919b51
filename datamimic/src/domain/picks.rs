//! Short lists of table cells (tags, certifications, programs) without a heap allocation.

use std::fmt;
use std::ops::Deref;

use rand::Rng;

use crate::Table;

/// Up to `N` distinct `&'static str` values, stored inline; dereferences to a slice and
/// serialises as a list.
///
/// ```
/// use datamimic::domain::ecommerce::Picks;
///
/// let mut tags = Picks::<3>::new();
/// tags.push("new");
/// tags.push("new");
/// tags.push("sale");
/// assert_eq!(&*tags, &["new", "sale"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Picks<const N: usize> {
    items: [&'static str; N],
    len: u8,
}

impl<const N: usize> Picks<N> {
    /// An empty list.
    pub const fn new() -> Picks<N> {
        Picks {
            items: [""; N],
            len: 0,
        }
    }

    /// Appends `item` unless it is already there or the list is full; whether it was added.
    pub fn push(&mut self, item: &'static str) -> bool {
        if self.len() == N || self.contains(&item) {
            return false;
        }
        self.items[self.len()] = item;
        self.len += 1;
        true
    }

    /// The values as a slice.
    pub fn as_slice(&self) -> &[&'static str] {
        &self.items[..usize::from(self.len)]
    }
}

/// The values in order, each unless already there or the list is full (as [`Picks::push`]).
///
/// ```
/// use datamimic::domain::ecommerce::Picks;
///
/// let tags: Picks<3> = ["TOYS", "Premium", "TOYS", "Acme", "Extra"].into_iter().collect();
/// assert_eq!(tags.as_slice(), ["TOYS", "Premium", "Acme"]);
/// ```
impl<const N: usize> FromIterator<&'static str> for Picks<N> {
    fn from_iter<I: IntoIterator<Item = &'static str>>(items: I) -> Picks<N> {
        let mut picks = Picks::new();
        for item in items {
            picks.push(item);
        }
        picks
    }
}

impl<const N: usize> Default for Picks<N> {
    fn default() -> Picks<N> {
        Picks::new()
    }
}

impl<const N: usize> Deref for Picks<N> {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.as_slice()
    }
}

impl<const N: usize> fmt::Debug for Picks<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<const N: usize> serde::Serialize for Picks<N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

// The column of what `serialize` writes.
impl<const N: usize> crate::Columnar for Picks<N> {
    fn column() -> crate::Column {
        crate::Column::List(Box::new(crate::Column::Text))
    }
}

/// `count` distinct first-column values of `table` by weight (fewer if the table is smaller):
/// draws again on a repeat, which is sampling without replacement.
pub(crate) fn distinct<const N: usize, R: Rng + ?Sized>(
    table: &'static Table,
    count: usize,
    rng: &mut R,
) -> Picks<N> {
    let mut picks = Picks::new();
    let mut rows = [usize::MAX; N];
    let count = count.min(table.len()).min(N);
    // Bounded so a table dominated by a few rows cannot loop for long; repeats are found by
    // row index, not by comparing text.
    for _ in 0..count * 16 {
        if picks.len() == count {
            break;
        }
        let row = table.sample_index(rng);
        if !rows[..picks.len()].contains(&row) {
            rows[picks.len()] = row;
            picks.push(table.value(row));
        }
    }
    picks
}

/// One of `items`, uniformly.
#[inline]
pub(crate) fn one_of<R: Rng + ?Sized>(rng: &mut R, items: &[&'static str]) -> &'static str {
    items[crate::sample::below(rng, items.len() as u64) as usize]
}

/// `count` distinct values of `items`, uniformly (fewer if `items` is shorter).
pub(crate) fn distinct_of<const N: usize, R: Rng + ?Sized>(
    items: &[&'static str],
    count: usize,
    rng: &mut R,
) -> Picks<N> {
    let mut picks = Picks::new();
    let count = count.min(items.len()).min(N);
    while picks.len() < count {
        picks.push(one_of(rng, items));
    }
    picks
}
