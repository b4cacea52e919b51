//! Drawing a row among those whose column holds a given value: the rows of `matching = value`
//! (salutations of the drawn gender, the cities of a drawn state), each group drawn by its
//! own weights.

use crate::sample::below;
use crate::{DatasetCode, PerDataset, Row, Table};

/// Text a value is compared by when it selects rows (`matching = gender`): the cell a row
/// must hold.
///
/// ```
/// use datamimic::CellKey;
///
/// assert_eq!("female".cell_key(), "female");
/// assert_eq!(String::from("DE").cell_key(), "DE");
/// ```
pub trait CellKey {
    /// The text to find in the column.
    fn cell_key(&self) -> &str;
}

impl CellKey for str {
    fn cell_key(&self) -> &str {
        self
    }
}

impl CellKey for String {
    fn cell_key(&self) -> &str {
        self
    }
}

impl<T: CellKey + ?Sized> CellKey for &T {
    fn cell_key(&self) -> &str {
        (**self).cell_key()
    }
}

/// The rows of one table grouped by the text of one column, each group with running sums of
/// its weights; built once per dataset by the call site that draws from it.
#[derive(Debug)]
pub struct MatchIndex {
    groups: PerDataset<Groups>,
}

#[derive(Debug)]
struct Groups {
    /// Sorted by key.
    groups: Vec<(&'static str, Group)>,
}

#[derive(Debug)]
struct Group {
    rows: Vec<u32>,
    /// Running sums of the rows' scaled weights.
    cumulative: Vec<u64>,
}

impl MatchIndex {
    /// No groups built yet.
    pub const fn new() -> MatchIndex {
        MatchIndex {
            groups: PerDataset::new(),
        }
    }

    /// A row of `table` whose `column` holds `key`, drawn by weight among those rows; `None`
    /// (and no draw) when no row with a weight holds it. `table` must be the one `dataset`
    /// resolves to at this call site.
    #[inline]
    pub fn pick<R: rand::Rng + ?Sized>(
        &self,
        table: &'static Table,
        dataset: DatasetCode,
        column: usize,
        key: &str,
        rng: &mut R,
    ) -> Option<Row> {
        let groups = self
            .groups
            .get_or_init(dataset, || Groups::of(table, column));
        let at = groups
            .groups
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()?;
        let group = &groups.groups[at].1;
        let total = *group.cumulative.last()?;
        if total == 0 {
            return None;
        }
        let point = below(rng, total);
        let i = group.cumulative.partition_point(|&sum| sum <= point);
        Some(table.row(group.rows[i] as usize))
    }
}

impl Default for MatchIndex {
    fn default() -> MatchIndex {
        MatchIndex::new()
    }
}

impl Groups {
    fn of(table: &'static Table, column: usize) -> Groups {
        let mut groups: Vec<(&'static str, Group)> = Vec::new();
        for row in 0..table.len() {
            let key = table.cell(row, column);
            let at = match groups.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    groups.push((
                        key,
                        Group {
                            rows: Vec::new(),
                            cumulative: Vec::new(),
                        },
                    ));
                    groups.len() - 1
                }
            };
            let group = &mut groups[at].1;
            let total = group.cumulative.last().copied().unwrap_or(0);
            group.rows.push(row as u32);
            group.cumulative.push(total + table.scaled_weight(row));
        }
        groups.sort_by(|a, b| a.0.cmp(b.0));
        Groups { groups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, tables};

    /// Every drawn salutation belongs to the asked gender, each in about its share.
    #[test]
    fn draws_stay_in_their_group() {
        let settings = Settings::seeded(3);
        let de = DatasetCode::parse("DE").unwrap();
        let table = tables::COMMON_PERSON_SALUTATION.resolve("DE").unwrap();
        let index = MatchIndex::new();
        let mut ctx = crate::Context::new(&settings, 0);
        for gender in ["male", "female", "other"] {
            for _ in 0..200 {
                let row = index.pick(table, de, 0, gender, ctx.rng()).unwrap();
                assert_eq!(row.value(), gender);
            }
        }
        assert!(index.pick(table, de, 0, "nobody", ctx.rng()).is_none());
    }
}
