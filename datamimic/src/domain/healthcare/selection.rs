//! Short lists taken from a per-dataset list, kept as a bit set over it: a record's
//! conditions, medications and allergies cost no allocation.

use std::fmt;

/// Some items of a list resolved once per dataset (at most its first 128), in the list's
/// order. Iterates, compares and serialises like a list of `T`.
///
/// ```
/// use datamimic::domain::healthcare::PatientService;
///
/// let patient = PatientService::new("US")?.seed(3).generate();
/// let codes: Vec<&str> = patient.conditions.iter().map(|c| c.icd10_code).collect();
/// assert_eq!(codes.len(), patient.conditions.len());
/// # Ok::<(), datamimic::Error>(())
/// ```
pub struct Selection<T: 'static> {
    all: &'static [T],
    set: u128,
}

impl<T> Selection<T> {
    /// The items of `all` whose bits are set in `set`; every set bit must index `all`.
    pub(crate) fn new(all: &'static [T], set: u128) -> Selection<T> {
        debug_assert!(all.len() >= 128 || set >> all.len() == 0);
        Selection { all, set }
    }

    /// How many items were chosen.
    pub fn len(&self) -> usize {
        self.set.count_ones() as usize
    }

    /// Whether none was chosen.
    pub fn is_empty(&self) -> bool {
        self.set == 0
    }

    /// The chosen items in list order.
    pub fn iter(&self) -> SelectionIter<T> {
        SelectionIter {
            all: self.all,
            set: self.set,
        }
    }

    /// The chosen items as a vector.
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.iter().cloned().collect()
    }
}

// Written out: derived impls would require `T: Clone` / `T: Copy` for what is two words.
impl<T> Clone for Selection<T> {
    fn clone(&self) -> Selection<T> {
        *self
    }
}

impl<T> Copy for Selection<T> {}

impl<T: PartialEq> PartialEq for Selection<T> {
    fn eq(&self, other: &Selection<T>) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<T: fmt::Debug> fmt::Debug for Selection<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: serde::Serialize> serde::Serialize for Selection<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

// The column of what `serialize` writes.
impl<T: crate::Columnar> crate::Columnar for Selection<T> {
    fn column() -> crate::Column {
        crate::Column::List(Box::new(T::column()))
    }
}

impl<T> IntoIterator for Selection<T> {
    type Item = &'static T;
    type IntoIter = SelectionIter<T>;
    fn into_iter(self) -> SelectionIter<T> {
        self.iter()
    }
}

impl<T> IntoIterator for &Selection<T> {
    type Item = &'static T;
    type IntoIter = SelectionIter<T>;
    fn into_iter(self) -> SelectionIter<T> {
        self.iter()
    }
}

/// The items of a [`Selection`], in list order.
pub struct SelectionIter<T: 'static> {
    all: &'static [T],
    set: u128,
}

impl<T> Iterator for SelectionIter<T> {
    type Item = &'static T;

    fn next(&mut self) -> Option<&'static T> {
        if self.set == 0 {
            return None;
        }
        let i = self.set.trailing_zeros() as usize;
        self.set &= self.set - 1;
        self.all.get(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.set.count_ones() as usize;
        (len, Some(len))
    }
}

impl<T> ExactSizeIterator for SelectionIter<T> {}

impl<T> fmt::Debug for SelectionIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SelectionIter")
            .field("remaining", &self.set.count_ones())
            .finish()
    }
}

/// The indices of the set bits of `set`, in increasing order.
pub(crate) fn set_bits(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            i
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORDS: [&str; 4] = ["a", "b", "c", "d"];

    #[test]
    fn iterates_in_list_order() {
        let picked = Selection::new(&WORDS, 0b1101);
        assert_eq!(picked.len(), 3);
        assert_eq!(picked.to_vec(), ["a", "c", "d"]);
        assert_eq!(format!("{picked:?}"), r#"["a", "c", "d"]"#);
        assert!(Selection::new(&WORDS, 0).is_empty());
    }
}
