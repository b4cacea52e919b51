//! Related records: children generated for a parent, seeing the parent's fields.
//!
//! A type becomes the child of another by implementing [`ChildOf`]; a [`Service`] of the
//! child type then makes the children of any parent ([`Service::children`],
//! [`Service::for_parent`]), as many per parent as a [`ChildCount`] says. The built-in domain
//! uses the same mechanism (a bank account's transactions, a person's accounts and cards), and
//! a user's own types use it the same way:
//!
//! ```
//! use datamimic::{ChildCount, ChildOf, Context, Mimic, Service, Siblings};
//! use chrono::{Duration, NaiveDate};
//!
//! #[derive(Mimic, Debug)]
//! struct Patient {
//!     #[mimic(seq)]
//!     id: u64,
//!     #[mimic(range = "2015-01-01..=2024-12-31")]
//!     admitted: NaiveDate,
//! }
//!
//! #[derive(Mimic, Debug)]
//! struct Visit {
//!     #[mimic(skip)]
//!     patient_id: u64,
//!     #[mimic(skip)]
//!     day: NaiveDate,
//!     #[mimic(values = ["check-up", "follow-up", "emergency"], weights = [6, 3, 1])]
//!     reason: &'static str,
//!     #[mimic(range = "1..=30")]
//!     days_until_next: i64,
//! }
//!
//! // A visit belongs to its patient and follows the visit before it.
//! impl ChildOf<Patient> for Visit {
//!     fn mimic_child(patient: &Patient, siblings: &Siblings<'_, Visit>, ctx: &mut Context<'_>) -> Visit {
//!         let visit = Visit::mimic(ctx);
//!         let day = match siblings.previous() {
//!             Some(previous) => previous.day + Duration::days(previous.days_until_next),
//!             None => patient.admitted,
//!         };
//!         Visit { patient_id: patient.id, day, ..visit }
//!     }
//! }
//!
//! let patients = Service::<Patient>::new().seed(42);
//! let visits = Service::<Visit>::new().seed(42);
//! let per_patient = ChildCount::between(1, 4)?;
//! for index in 0..100 {
//!     let patient = patients.record(index);
//!     let children = visits.children(&patient, index, per_patient);
//!     assert!((1..=4).contains(&children.len()));
//!     assert!(children.iter().all(|v| v.patient_id == patient.id && v.day >= patient.admitted));
//!     assert!(children.windows(2).all(|w| w[0].day < w[1].day));
//!     assert!(children.iter().all(|v| !v.reason.is_empty()));
//!     // The same children whenever they are asked for.
//!     assert_eq!(children.len(), visits.children(&patient, index, per_patient).len());
//! }
//! # Ok::<(), datamimic::Error>(())
//! ```
//!
//! Determinism: the number of children of parent `i` and each child's values come from
//! streams derived from the child service's seed, the relation (the parent's and the child's
//! type names), `i` and the child's own index, so a related set is the same whatever the
//! thread count, batch size or order in which parents are visited.

use std::fmt;
use std::ops::RangeInclusive;

use crate::sample::below;
use crate::service::short_type_name;
use crate::{Context, Error, Mimic, RecordStreams, Result, Service};

/// A type generated as the child of a `P`: an account's transaction, an order's review, a
/// patient's visit. See the [module documentation](crate::relation) for a complete example.
pub trait ChildOf<P>: Sized {
    /// Generates one child of `parent` from the child's own stream in `ctx`.
    ///
    /// `siblings` holds the children of `parent` generated before this one, in generation
    /// order, and their total, so a child can follow its predecessor (dates in order, a
    /// running total). `ctx.index()` is the child's index among its siblings (0, 1, 2, ...),
    /// so a derived `#[mimic(seq)]` field numbers the children of each parent from its start.
    fn mimic_child(parent: &P, siblings: &Siblings<'_, Self>, ctx: &mut Context<'_>) -> Self;

    /// Who decides how many children a parent gets: the caller ([`Counting::Caller`], the
    /// default), the parent alone, or the caller within the parent's limit. It says what
    /// [`ChildOf::count`] does, so a writer knows when it may count children without making
    /// their parent ([`Service::drawn_count`]).
    const COUNTING: Counting = Counting::Caller;

    /// How many children `parent` gets when the caller's [`ChildCount`] drew `asked` for it:
    /// `asked` by default. A parent may fix the number (an order's items are its lines:
    /// [`Counting::Parent`]) or lower it (an order not delivered has no reviews:
    /// [`Counting::Capped`]); say which in [`ChildOf::COUNTING`].
    fn count(parent: &P, asked: usize) -> usize {
        let _ = parent;
        asked
    }

    /// Puts the children of one parent, all generated, in their final order; by default they
    /// stay in generation order. (Transactions, for one, are generated newest first, walking
    /// the balance back from the account's, and listed oldest first.)
    fn finish(parent: &P, children: &mut [Self]) {
        let _ = (parent, children);
    }
}

/// The children of one parent generated so far, as a child sees them.
pub struct Siblings<'a, C> {
    made: &'a [C],
    count: usize,
}

impl<C> Siblings<'static, C> {
    /// The siblings of a record generated on its own: none before it, one child in all. A
    /// derived `child_of` type sees these when it is generated without a parent.
    pub const fn alone() -> Siblings<'static, C> {
        Siblings {
            made: &[],
            count: 1,
        }
    }
}

impl<'a, C> Siblings<'a, C> {
    /// The child's index among its siblings: how many were generated before it.
    #[inline]
    pub fn index(&self) -> usize {
        self.made.len()
    }

    /// How many children the parent gets in all.
    #[inline]
    pub fn count(&self) -> usize {
        self.count
    }

    /// The siblings generated before this child, in generation order.
    #[inline]
    pub fn made(&self) -> &'a [C] {
        self.made
    }

    /// The sibling generated just before this child (`None` for the first).
    #[inline]
    pub fn previous(&self) -> Option<&'a C> {
        self.made.last()
    }
}

impl<C> fmt::Debug for Siblings<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Siblings")
            .field("index", &self.index())
            .field("count", &self.count)
            .finish()
    }
}

/// Who decides how many children a parent gets ([`ChildOf::COUNTING`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Counting {
    /// The caller's [`ChildCount`], whatever the parent: [`ChildOf::count`] returns what it is
    /// asked. A writer can then count the children of many parents without making them.
    Caller,
    /// The parent alone (an order's items are its lines); the caller's count is ignored.
    Parent,
    /// The caller's count, which the parent may lower, never raise (no reviews of an order
    /// not delivered, one claim at most on a life policy).
    Capped,
}

/// How many children each parent gets: a fixed number, or a number drawn per parent,
/// uniformly from an inclusive range.
///
/// ```
/// use datamimic::ChildCount;
///
/// assert_eq!(ChildCount::from(10), ChildCount::between(10, 10)?);
/// assert_eq!(ChildCount::try_from(0..=3)?.max(), 3);
/// assert!(ChildCount::between(5, 1).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChildCount {
    min: u32,
    max: u32,
}

impl ChildCount {
    /// Exactly `n` children per parent.
    pub const fn exactly(n: u32) -> ChildCount {
        ChildCount { min: n, max: n }
    }

    /// `min` to `max` children per parent (both included); `min > max` is an error.
    pub fn between(min: u32, max: u32) -> Result<ChildCount> {
        if min > max {
            return Err(Error::Constraint(format!(
                "a child count from {min} to {max}: the minimum is above the maximum"
            )));
        }
        Ok(ChildCount { min, max })
    }

    /// The fewest children a parent gets.
    pub const fn min(self) -> u32 {
        self.min
    }

    /// The most children a parent gets.
    pub const fn max(self) -> u32 {
        self.max
    }

    /// The count of one parent, from the parent's count stream.
    fn draw(self, streams: &RecordStreams) -> usize {
        if self.min == self.max {
            return self.min as usize;
        }
        let span = u64::from(self.max - self.min) + 1;
        (u64::from(self.min) + below(&mut streams.record(COUNT_STREAM), span)) as usize
    }
}

impl From<u32> for ChildCount {
    fn from(n: u32) -> ChildCount {
        ChildCount::exactly(n)
    }
}

impl TryFrom<RangeInclusive<u32>> for ChildCount {
    type Error = Error;

    fn try_from(range: RangeInclusive<u32>) -> Result<ChildCount> {
        ChildCount::between(*range.start(), *range.end())
    }
}

impl fmt::Display for ChildCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}..={}", self.min, self.max)
        }
    }
}

/// The stream of a parent's children that draws their count; children use `0, 1, 2, ...`.
const COUNT_STREAM: u64 = u64::MAX;

impl<C: Mimic> Service<C> {
    /// The children of `parent`, which is record `parent_index` of its own run: as many as
    /// `count` says (drawn for this parent when it is a range) as far as the parent agrees
    /// ([`ChildOf::count`]), each generated by
    /// [`ChildOf::mimic_child`] from its own stream under this service's settings (dataset,
    /// clock, configuration), then put in order by [`ChildOf::finish`].
    ///
    /// The same parent index gives the same children every time, in any order and on any
    /// thread; give each parent of a run its own index (the one it was generated with).
    pub fn children<P>(&self, parent: &P, parent_index: u64, count: impl Into<ChildCount>) -> Vec<C>
    where
        C: ChildOf<P>,
    {
        let mut children = Vec::new();
        self.children_into(parent, parent_index, count, &mut children);
        children
    }

    /// [`Service::children`] into `out` (cleared first), so a loop over many parents reuses
    /// one buffer.
    pub fn children_into<P>(
        &self,
        parent: &P,
        parent_index: u64,
        count: impl Into<ChildCount>,
        out: &mut Vec<C>,
    ) where
        C: ChildOf<P>,
    {
        out.clear();
        let streams = self
            .settings()
            .streams
            .children(self.relation_tag::<P>(), parent_index);
        let count = C::count(parent, count.into().draw(&streams));
        out.reserve(count);
        for index in 0..count {
            let mut ctx =
                Context::with_stream(self.settings(), index as u64, streams.record(index as u64));
            let child = C::mimic_child(parent, &Siblings { made: out, count }, &mut ctx);
            out.push(child);
        }
        C::finish(parent, out);
    }

    /// How many children [`Service::children`] makes for `parent`, record `parent_index`:
    /// the one `count` draws for it, as far as the parent agrees ([`ChildOf::count`]).
    pub fn child_count<P>(
        &self,
        parent: &P,
        parent_index: u64,
        count: impl Into<ChildCount>,
    ) -> usize
    where
        C: ChildOf<P>,
    {
        C::count(parent, self.drawn_count::<P>(parent_index, count))
    }

    /// The number of children `count` draws for parent `parent_index` of a `P`, without the
    /// parent: what [`Service::children`] makes when the caller decides
    /// ([`Counting::Caller`]). Cheap (one draw at most), so a writer can number the children
    /// of many parents up front.
    pub fn drawn_count<P>(&self, parent_index: u64, count: impl Into<ChildCount>) -> usize
    where
        C: ChildOf<P>,
    {
        let streams = self
            .settings()
            .streams
            .children(self.relation_tag::<P>(), parent_index);
        count.into().draw(&streams)
    }

    /// [`relation_tag`] of `P → C`, kept for the parent type asked for first.
    #[inline]
    fn relation_tag<P>(&self) -> u64 {
        let parent = std::any::type_name::<P>();
        let (name, tag) = self
            .relation
            .get_or_init(|| (parent, relation_tag::<P, C>()));
        if std::ptr::eq(*name, parent) {
            *tag
        } else {
            relation_tag::<P, C>()
        }
    }

    /// The children of the next parent: `parent` takes the next record index of this service
    /// (0, then 1, ...), as [`Service::generate`] does, so a loop that generates a parent and
    /// asks for its children gives them the parent's index.
    ///
    /// ```
    /// use datamimic::Service;
    /// use datamimic::domain::finance::{BankAccount, Transaction};
    ///
    /// let mut accounts = Service::<BankAccount>::new().dataset("DE")?.seed(1);
    /// let mut transactions = Service::<Transaction>::new().dataset("DE")?.seed(1);
    /// let account = accounts.generate();
    /// let booked = transactions.for_parent(&account, 10);
    /// assert_eq!(booked, transactions.children(&account, 0, 10));
    /// # Ok::<(), datamimic::Error>(())
    /// ```
    pub fn for_parent<P>(&mut self, parent: &P, count: impl Into<ChildCount>) -> Vec<C>
    where
        C: ChildOf<P>,
    {
        let index = self.advance();
        self.children(parent, index, count)
    }
}

/// The stream tag of the relation `P → C`: FNV-1a of the two type names (without their module
/// paths, so moving a type keeps its values), so two kinds of children of one parent draw
/// independent values even under one seed.
fn relation_tag<P, C>() -> u64 {
    const OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let names = [short_type_name::<P>(), "→", short_type_name::<C>()];
    names
        .iter()
        .flat_map(|name| name.bytes())
        .fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Parent;
    struct OtherParent;

    #[test]
    fn relations_have_distinct_tags() {
        assert_ne!(
            relation_tag::<Parent, u8>(),
            relation_tag::<OtherParent, u8>()
        );
        assert_ne!(relation_tag::<Parent, u8>(), relation_tag::<Parent, u16>());
        assert_eq!(relation_tag::<Parent, u8>(), relation_tag::<Parent, u8>());
    }

    #[test]
    fn counts_stay_within_their_range_and_reach_both_ends() {
        let count = ChildCount::between(2, 4).unwrap();
        let run = RecordStreams::new(3);
        let drawn: Vec<usize> = (0..200).map(|p| count.draw(&run.children(1, p))).collect();
        assert!(drawn.iter().all(|n| (2..=4).contains(n)));
        assert!(drawn.contains(&2) && drawn.contains(&4));
        assert_eq!(ChildCount::exactly(7).draw(&run), 7);
    }
}
