//! Drawing a row among those whose column holds a given value: the rows of `matching = value`
//! (salutations of the drawn gender, the cities of a drawn state), each group drawn by its
//! own weights.

use crate::sample::below;
use std::cmp::Ordering;

use crate::{DatasetCode, PerDataset, Row, Table, TableFamily};

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
    /// The dataset's variant of the table the rows are numbered in.
    table: &'static Table,
    /// Sorted by their keys' [`GroupKey::cmp_text`], the order they are searched in.
    groups: Vec<Group>,
}

/// A group's text with up to eight of its bytes packed into an integer, so a lookup compares
/// integers and reads the text only for keys longer than eight bytes: one call per record
/// (`matching = gender`) would otherwise spend more on `memcmp` than on the draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GroupKey {
    packed: u64,
    len: usize,
    text: &'static str,
}

impl GroupKey {
    fn new(text: &'static str) -> GroupKey {
        GroupKey {
            packed: packed_bytes(text),
            len: text.len(),
            text,
        }
    }

    /// Whether this is the key of `text`, whose [`packed_bytes`] are `packed`.
    #[inline]
    fn is(&self, packed: u64, text: &str) -> bool {
        self.packed == packed && self.len == text.len() && (text.len() <= 8 || self.text == text)
    }

    /// Orders by the packed bytes, then the length, then (only when the packed bytes do not
    /// hold the whole text) the text: a total order in which equal texts compare equal.
    #[inline]
    fn cmp_text(&self, packed: u64, text: &str) -> Ordering {
        self.packed
            .cmp(&packed)
            .then(self.len.cmp(&text.len()))
            .then_with(|| {
                if text.len() > 8 {
                    self.text.cmp(text)
                } else {
                    Ordering::Equal
                }
            })
    }
}

/// Up to eight bytes of `text` as an integer that, together with the length, tells apart
/// every two texts of at most eight bytes: the first and last four bytes of four to eight,
/// the first, middle and last of one to three, the first eight of longer texts. Loads, no
/// loop: this runs once per record and matching field.
#[inline]
fn packed_bytes(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let len = bytes.len();
    if let Some(first) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*first);
    }
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) << 32 | u64::from(u32::from_le_bytes(*last))
        }
        _ if len > 0 => {
            u64::from(bytes[0]) << 16 | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1])
        }
        _ => 0,
    }
}

#[derive(Debug)]
struct Group {
    key: GroupKey,
    /// The summed scaled weight of the rows.
    total: u64,
    rows: Vec<GroupRow>,
}

#[derive(Debug)]
struct GroupRow {
    /// The running sum of the group's scaled weights up to and including this row.
    sum: u64,
    index: u32,
    /// The cell the call site reads (`column = ...`), taken out once rather than per draw;
    /// empty when it reads the whole row.
    cell: &'static str,
}

impl MatchIndex {
    /// No groups built yet.
    pub const fn new() -> MatchIndex {
        MatchIndex {
            groups: PerDataset::new(),
        }
    }

    /// A row of `family`'s variant for `dataset` whose `column` holds `key`, drawn by weight
    /// among those rows; `None` (and no draw) when no row with a weight holds it. The variant
    /// is resolved when the dataset's groups are built, not per record.
    #[inline]
    pub fn pick<R: rand::Rng + ?Sized>(
        &self,
        family: &'static TableFamily,
        dataset: DatasetCode,
        column: usize,
        key: &str,
        rng: &mut R,
    ) -> Option<Row> {
        let (table, row) = self.draw(family, dataset, column, None, key, rng)?;
        Some(table.row(row.index as usize))
    }

    /// The cell in column `read` of [`MatchIndex::pick`]'s row. A call site uses either this
    /// or `pick`, never both: the groups keep the cells of the first call's `read`.
    #[inline]
    pub fn pick_cell<R: rand::Rng + ?Sized>(
        &self,
        family: &'static TableFamily,
        dataset: DatasetCode,
        column: usize,
        read: usize,
        key: &str,
        rng: &mut R,
    ) -> Option<&'static str> {
        let (_, row) = self.draw(family, dataset, column, Some(read), key, rng)?;
        Some(row.cell)
    }

    #[inline]
    fn draw<R: rand::Rng + ?Sized>(
        &self,
        family: &'static TableFamily,
        dataset: DatasetCode,
        column: usize,
        read: Option<usize>,
        key: &str,
        rng: &mut R,
    ) -> Option<(&'static Table, &GroupRow)> {
        let Groups { table, groups } = self.groups.get_or_init(dataset, || {
            Groups::of(family.for_dataset(dataset), column, read)
        });
        let packed = packed_bytes(key);
        // Most columns matched on have a handful of values (genders, categories), and most
        // groups a handful of rows: scanned, which beats a binary search at that size.
        let group = if groups.len() <= 8 {
            groups.iter().find(|g| g.key.is(packed, key))?
        } else {
            let at = groups
                .binary_search_by(|g| g.key.cmp_text(packed, key))
                .ok()?;
            &groups[at]
        };
        if group.total == 0 {
            return None;
        }
        let point = below(rng, group.total);
        let rows = &group.rows;
        let at = if rows.len() <= 8 {
            rows.iter().position(|row| point < row.sum)?
        } else {
            rows.partition_point(|row| row.sum <= point)
        };
        Some((table, &rows[at]))
    }
}

impl Default for MatchIndex {
    fn default() -> MatchIndex {
        MatchIndex::new()
    }
}

impl Groups {
    fn of(table: &'static Table, column: usize, read: Option<usize>) -> Groups {
        let mut groups: Vec<Group> = Vec::new();
        for row in 0..table.len() {
            let key = table.cell(row, column);
            let at = match groups.iter().position(|g| g.key.text == key) {
                Some(at) => at,
                None => {
                    groups.push(Group {
                        key: GroupKey::new(key),
                        total: 0,
                        rows: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[at];
            group.total += table.scaled_weight(row);
            group.rows.push(GroupRow {
                sum: group.total,
                index: row as u32,
                cell: read.map_or("", |read| table.cell(row, read)),
            });
        }
        groups.sort_by(|a, b| a.key.cmp_text(b.key.packed, b.key.text));
        Groups { table, groups }
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
        let family = &tables::COMMON_PERSON_SALUTATION;
        let index = MatchIndex::new();
        let mut ctx = crate::Context::new(&settings, 0);
        for gender in ["male", "female", "other"] {
            for _ in 0..200 {
                let row = index.pick(family, de, 0, gender, ctx.rng()).unwrap();
                assert_eq!(row.value(), gender);
                assert_eq!(row.table().country(), Some("DE"));
            }
        }
        assert!(index.pick(family, de, 0, "nobody", ctx.rng()).is_none());
        // The cell of a drawn row, from a call site of its own.
        let salutation = family.column_index("salutation").unwrap();
        let cells = MatchIndex::new();
        let table = family.for_dataset(de);
        for _ in 0..200 {
            let cell = cells
                .pick_cell(family, de, 0, salutation, "female", ctx.rng())
                .unwrap();
            assert!(
                table
                    .iter()
                    .any(|row| row.value() == "female" && row.cell(salutation) == cell),
                "{cell}"
            );
        }
    }

    /// Both searches find every key, short, long and sharing long prefixes, and only those:
    /// texts that differ after eight bytes, in the middle, by a trailing NUL or by length.
    #[test]
    fn packed_keys_find_exactly_their_text() {
        let texts = [
            "",
            "a",
            "a\0",
            "ab",
            "male",
            "female",
            "other",
            "Baden-Württemberg",
            "Baden-Wü",
            "Baden-Wüx",
            "Baden-Wx",
            "abcdefgh",
            "abcdefghi",
            "abcdefghj",
            "abcdefgg",
        ];
        let mut keys: Vec<GroupKey> = texts.iter().map(|t| GroupKey::new(t)).collect();
        keys.sort_by(|a, b| a.cmp_text(b.packed, b.text));
        let find = |text: &str| {
            keys.binary_search_by(|k| k.cmp_text(packed_bytes(text), text))
                .ok()
                .map(|at| keys[at].text)
        };
        for text in texts {
            assert_eq!(find(text), Some(text), "{text:?}");
        }
        for absent in [
            "b",
            "a\0\0",
            "abcdefghk",
            "Baden-Württemberx",
            "mal",
            "males",
        ] {
            assert_eq!(find(absent), None, "{absent:?}");
        }
        for text in texts {
            let packed = packed_bytes(text);
            let found: Vec<&str> = keys
                .iter()
                .filter(|k| k.is(packed, text))
                .map(|k| k.text)
                .collect();
            assert_eq!(found, [text], "{text:?}");
        }
        for absent in ["b", "abcdefghk", "mal", "males", "femalf", "aab"] {
            let packed = packed_bytes(absent);
            assert!(!keys.iter().any(|k| k.is(packed, absent)), "{absent:?}");
        }
    }
}
