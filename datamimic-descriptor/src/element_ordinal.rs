//! Where `IncrementGenerator` counts from, and which record an entity `<variable>` draws,
//! inside a list `<nestedKey>` or a nested `<generate>`.
//!
//! As in DATAMIMIC, where one generator serves a key for every element of every record, the
//! elements of a list continue the count (a list of 10: 1–10 in record 0, 11–20 in record 1).
//! A nested `<generate>` restarts it for every parent record (DATAMIMIC builds the nested
//! generate's tasks, and with them its `IncrementGenerator`s, afresh for each parent): children
//! 1–3 of parent 1, 1–3 of parent 2. An entity `<variable>` draws a record of its own for every
//! element and every child, never the same as a sibling's.
//!
//! The ordinals are computed from the record index and the element's place, not kept as
//! running state, so they are the same for every thread count. A list whose length varies
//! (`minCount`) reserves its longest length per record, so ids stay unique but may leave gaps.

use std::cell::Cell;

/// The ordinals of the element or nested record being evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ordinals {
    /// Where `IncrementGenerator` counts from.
    count: u64,
    /// The record an entity variable draws: distinct for every element and nested record.
    draw: u64,
}

impl Ordinals {
    /// Child `place` of a nested `<generate>` whose record index is `record` (unique in the
    /// run): the count restarts at the place, the draw is the record's.
    pub(crate) fn nested_record(record: u64, place: u64) -> Ordinals {
        Ordinals {
            count: place,
            draw: record,
        }
    }

    /// Element `place` of a list a script gave (the template students a `<nestedKey
    /// script>` rewrites), whose length is known only once it is made: the count stays the
    /// enclosing one's, and the draw is mixed from the enclosing draw and the place, so each
    /// element draws an entity of its own (distinct but for a 64-bit collision).
    pub(crate) fn script_element(record: u64, place: u64) -> Ordinals {
        use rand::Rng;
        Ordinals {
            count: current(record),
            draw: datamimic::RecordStreams::new(entity_record(record))
                .children(SCRIPT_ELEMENTS, place)
                .record(0)
                .next_u64(),
        }
    }
}

/// The relation tag of a script list's elements, for [`Ordinals::script_element`].
const SCRIPT_ELEMENTS: u64 = 0x5C21_97E1;

thread_local! {
    /// The ordinals of the element or nested record being evaluated on this thread, if any.
    static ELEMENT: Cell<Option<Ordinals>> = const { Cell::new(None) };
}

/// The ordinal an `IncrementGenerator` counts from: the element's, else the record's.
pub(crate) fn current(record: u64) -> u64 {
    ELEMENT.with(Cell::get).map_or(record, |o| o.count)
}

/// The record an entity variable draws: the element's, else the record's.
pub(crate) fn entity_record(record: u64) -> u64 {
    ELEMENT.with(Cell::get).map_or(record, |o| o.draw)
}

/// The ordinals of element `place` of a list holding at most `longest` elements in each of
/// its parents (the record, or an enclosing list's element); `None` beyond `u64`.
pub(crate) fn of_element(record: u64, longest: u64, place: u64) -> Option<Ordinals> {
    Some(Ordinals {
        count: current(record).checked_mul(longest)?.checked_add(place)?,
        draw: entity_record(record)
            .checked_mul(longest)?
            .checked_add(place)?,
    })
}

/// Runs `body` with `ordinals` as the current element's, restoring the enclosing ones after.
pub(crate) fn within<R>(ordinals: Ordinals, body: impl FnOnce() -> R) -> R {
    let outer = ELEMENT.with(|e| e.replace(Some(ordinals)));
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
        assert_eq!(of_element(1, 10, 0).map(|o| o.count), Some(10));
        let inner = within(of_element(1, 10, 3).unwrap(), || {
            assert_eq!(current(1), 13);
            assert_eq!(entity_record(1), 13);
            of_element(1, 2, 1)
        });
        assert_eq!(inner.map(|o| o.count), Some(27));
        assert_eq!(current(1), 1, "restored after the element");
        assert_eq!(of_element(u64::MAX, 2, 0), None);
    }

    #[test]
    fn a_script_lists_elements_draw_apart_and_keep_the_count() {
        let draws: std::collections::HashSet<u64> = (0..3)
            .flat_map(|record| {
                (0..50).map(move |place| {
                    let element = Ordinals::script_element(record, place);
                    assert_eq!(element.count, record);
                    assert_eq!(element, Ordinals::script_element(record, place));
                    element.draw
                })
            })
            .collect();
        assert_eq!(draws.len(), 150);
    }

    #[test]
    fn nested_records_restart_the_count_but_draw_their_own_entities() {
        // Parent 1's second child of three is record 4 of the nested generate.
        within(Ordinals::nested_record(4, 1), || {
            assert_eq!(current(4), 1);
            assert_eq!(entity_record(4), 4);
            // A list inside the child: its count restarts with the child, its draws stay apart
            // from those of the other children.
            let element = of_element(4, 5, 2).unwrap();
            assert_eq!((element.count, element.draw), (7, 22));
        });
    }
}
