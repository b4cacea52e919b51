//! Where `IncrementGenerator` counts from inside a list `<nestedKey>`: as in DATAMIMIC, where
//! one generator serves the key for every element of every record, the elements of a list
//! continue the count (a list of 10: 1–10 in record 0, 11–20 in record 1). The ordinal is
//! computed from the record index and the element's place, not kept as running state, so it
//! is the same for every thread count. A list whose length varies (`minCount`) reserves its
//! longest length per record, so ids stay unique but may leave gaps.

use std::cell::Cell;

thread_local! {
    /// The ordinal of the list element being evaluated on this thread, if any.
    static ELEMENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The ordinal an `IncrementGenerator` counts from: the list element's, else the record's.
pub(crate) fn current(record: u64) -> u64 {
    ELEMENT.with(Cell::get).unwrap_or(record)
}

/// The ordinal of element `place` of a list holding at most `longest` elements in each of
/// its parents (the record, or an enclosing list's element); `None` beyond `u64`.
pub(crate) fn of_element(record: u64, longest: u64, place: u64) -> Option<u64> {
    current(record).checked_mul(longest)?.checked_add(place)
}

/// Runs `body` with `ordinal` as the current element's, restoring the enclosing one after.
pub(crate) fn within<R>(ordinal: u64, body: impl FnOnce() -> R) -> R {
    let outer = ELEMENT.with(|e| e.replace(Some(ordinal)));
    let result = body();
    ELEMENT.with(|e| e.set(outer));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_continue_the_count_and_nest() {
        assert_eq!(current(7), 7);
        assert_eq!(of_element(1, 10, 0), Some(10));
        let inner = within(of_element(1, 10, 3).unwrap(), || {
            assert_eq!(current(1), 13);
            of_element(1, 2, 1)
        });
        assert_eq!(inner, Some(27));
        assert_eq!(current(1), 1, "restored after the element");
        assert_eq!(of_element(u64::MAX, 2, 0), None);
    }
}
