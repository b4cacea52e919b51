//! Weighted draws restricted to the rows of one group (the nouns of a category, the programs of
//! an education level), from the table's own exact weights.

use rand::Rng;

use crate::Table;
use crate::sample::below;

/// The rows of a table split by the value of one column, each group with cumulative weights.
#[derive(Debug)]
pub(crate) struct Grouped {
    table: &'static Table,
    groups: Vec<Group>,
}

#[derive(Debug, Default)]
struct Group {
    cumulative: Vec<u64>,
    rows: Vec<u32>,
}

impl Grouped {
    /// One group per key in `keys` (in that order): the rows of `table` whose `column` equals
    /// the key. A key without rows gets an empty group.
    pub(crate) fn new<'k>(
        table: &'static Table,
        column: usize,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Grouped {
        let groups = keys
            .into_iter()
            .map(|key| {
                let mut group = Group::default();
                let mut total = 0;
                for row in (0..table.len()).filter(|&r| table.cell(r, column) == key) {
                    total += table.scaled_weight(row);
                    group.cumulative.push(total);
                    group.rows.push(row as u32);
                }
                group
            })
            .collect();
        Grouped { table, groups }
    }

    /// One group per list of row indices of `table`, in that order.
    pub(crate) fn from_rows(
        table: &'static Table,
        groups: impl IntoIterator<Item = Vec<usize>>,
    ) -> Grouped {
        let groups = groups
            .into_iter()
            .map(|rows| {
                let mut group = Group::default();
                let mut total = 0;
                for row in rows {
                    total += table.scaled_weight(row);
                    group.cumulative.push(total);
                    group.rows.push(row as u32);
                }
                group
            })
            .collect();
        Grouped { table, groups }
    }

    /// A row of group `group` by weight, or `None` for an empty group.
    #[inline]
    pub(crate) fn sample<R: Rng + ?Sized>(&self, group: usize, rng: &mut R) -> Option<usize> {
        let group = self.groups.get(group)?;
        let total = *group.cumulative.last()?;
        let point = below(rng, total);
        let at = group.cumulative.partition_point(|&c| c <= point);
        Some(group.rows[at] as usize)
    }

    /// The table the groups index into.
    pub(crate) fn table(&self) -> &'static Table {
        self.table
    }
}
