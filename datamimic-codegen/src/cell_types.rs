//! Which primitive field types can hold every cell of a column, worked out at bake time so
//! the derive can refuse `#[mimic(weighted = "..")] age: u8` on a text column at compile time.

use crate::bake::Parsed;

/// Whether a cell parses as one type.
type Parses = fn(&str) -> bool;

/// The field types whose `FromCell` parses the cell (the runtime's `parsed_cell!` list), each
/// with the parse that decides it.
const PARSED_TYPES: &[(&str, Parses)] = &[
    ("u8", |c| c.parse::<u8>().is_ok()),
    ("u16", |c| c.parse::<u16>().is_ok()),
    ("u32", |c| c.parse::<u32>().is_ok()),
    ("u64", |c| c.parse::<u64>().is_ok()),
    ("usize", |c| c.parse::<usize>().is_ok()),
    ("i8", |c| c.parse::<i8>().is_ok()),
    ("i16", |c| c.parse::<i16>().is_ok()),
    ("i32", |c| c.parse::<i32>().is_ok()),
    ("i64", |c| c.parse::<i64>().is_ok()),
    ("isize", |c| c.parse::<isize>().is_ok()),
    ("f32", |c| c.parse::<f32>().is_ok()),
    ("f64", |c| c.parse::<f64>().is_ok()),
    ("bool", |c| c.parse::<bool>().is_ok()),
    ("char", |c| c.parse::<char>().is_ok()),
];

/// The first cell of a column that a type refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// The field type, as written (`u8`).
    pub(crate) type_name: &'static str,
    /// The cell.
    pub(crate) cell: String,
    /// The file it is in, as shown in messages.
    pub(crate) source: String,
    /// Its data row, from 1.
    pub(crate) row: usize,
}

/// For column `column` of a family (all its countries), every parsed type that refuses a cell,
/// with the first such cell.
pub(crate) fn refusals(members: &[&Parsed], column: usize) -> Vec<Refusal> {
    PARSED_TYPES
        .iter()
        .filter_map(|&(type_name, parses)| {
            members.iter().find_map(|member| {
                member
                    .table
                    .rows
                    .iter()
                    .position(|row| !parses(&row[column]))
                    .map(|row| Refusal {
                        type_name,
                        cell: member.table.rows[row][column].clone(),
                        source: member.meta.source.clone(),
                        row: row + 1,
                    })
            })
        })
        .collect()
}
