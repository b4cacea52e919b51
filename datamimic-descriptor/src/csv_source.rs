//! CSV files as record sources (`source="data/people.ent.csv"`): on a `<generate>` every
//! record starts as a row, its columns in header order, which keys may read and replace by
//! name; on a `<variable>` each record sees one row as a map (`person.givenName`). The records
//! a [`crate::memstore`] keeps are read the same way ([`Rows::Mem`]).
//!
//! A file is read once, when the descriptor is parsed: the first row names the columns, the
//! separator is the element's `separator` or the setup's `defaultSeparator` (`|`), and every
//! row must have as many fields as the header. Values are text.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, anyhow};
use rhai::{Dynamic, Map, Scope};

use crate::descriptor::{Pos, error_at};
use crate::memstore::MemRows;
use crate::record::Node;
use crate::script::{uniform_int, with_rng};

/// The rows of one CSV file.
#[derive(Debug)]
pub struct CsvRows {
    /// The file as the descriptor names it.
    pub name: String,
    /// The column names.
    pub header: Vec<String>,
    /// The rows, each with one value per column.
    pub rows: Vec<Vec<Dynamic>>,
}

impl CsvRows {
    /// Reads the file at `path` (shown as `name` in errors).
    pub fn read(path: &Path, name: &str, separator: u8) -> Result<CsvRows> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(true)
            .flexible(false)
            .from_path(path)
            .map_err(|e| anyhow!("cannot read `{name}`: {e}"))?;
        let located = |e: csv::Error| match e.position() {
            Some(p) => anyhow!("{name}:{}:1: {}", p.line(), csv_message(&e)),
            None => anyhow!("{name}: {}", csv_message(&e)),
        };
        let header: Vec<String> = reader
            .headers()
            .map_err(located)?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        if header.iter().all(String::is_empty) {
            return Err(anyhow!("{name}:1:1: no header row naming the columns"));
        }
        if let Some(i) = header.iter().position(String::is_empty) {
            return Err(anyhow!("{name}:1:1: column {} has no name", i + 1));
        }
        for (i, h) in header.iter().enumerate() {
            if header[..i].contains(h) {
                return Err(anyhow!("{name}:1:1: the column `{h}` appears twice"));
            }
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(located)?;
            rows.push(record.iter().map(|v| Dynamic::from(v.to_owned())).collect());
        }
        Ok(CsvRows {
            name: name.to_owned(),
            header,
            rows,
        })
    }
}

/// The csv crate's message without its own position (the error names the line itself).
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields, the header {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
        _ => e.to_string(),
    }
}

/// How a `<variable source>` picks its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distribution {
    /// Row `i` for record `i`.
    Ordered,
    /// A row drawn from the record's own stream.
    Random,
}

/// The rows a source reads: a CSV file's, or the records a memstore keeps under one type.
#[derive(Debug, Clone)]
pub enum Rows {
    /// A CSV file.
    Csv(Arc<CsvRows>),
    /// `source="mem" type="NAME"`.
    Mem(MemRows),
    /// A JSON file: an array of objects.
    Json(Arc<crate::json_source::JsonRows>),
    /// `source="db"` with a `selector` or a table: read when the run reaches it.
    Db(Arc<crate::database::DbRows>),
}

impl Rows {
    /// How many rows.
    pub fn len(&self) -> u64 {
        match self {
            Rows::Csv(rows) => rows.rows.len() as u64,
            Rows::Mem(rows) => rows.len(),
            Rows::Json(rows) => rows.rows.len() as u64,
            Rows::Db(query) => query.rows().map_or(0, |r| r.rows.len() as u64),
        }
    }

    /// Whether the rows are known when the descriptor is read (a query runs later).
    pub fn known(&self) -> bool {
        !matches!(self, Rows::Db(_))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values one row holds at most (for the memstore bound).
    pub fn width(&self) -> u64 {
        match self {
            Rows::Csv(rows) => rows.header.len() as u64,
            Rows::Mem(rows) => rows.chunks.iter().map(|c| c.width).max().unwrap_or(0),
            Rows::Json(rows) => rows.width(),
            Rows::Db(query) => query.rows().map_or(0, |r| r.header.len() as u64),
        }
    }

    /// Whether every row has fields (a table made of them has columns).
    pub fn has_fields(&self) -> bool {
        match self {
            Rows::Csv(_) | Rows::Db(_) => true,
            Rows::Json(rows) => rows.rows.iter().all(|r| !r.is_empty()),
            Rows::Mem(rows) => rows.chunks.iter().all(|c| c.has_fields),
        }
    }

    /// The source as named in messages.
    pub fn name(&self) -> &str {
        match self {
            Rows::Csv(rows) => &rows.name,
            Rows::Mem(rows) => &rows.name,
            Rows::Json(rows) => &rows.name,
            Rows::Db(query) => &query.name,
        }
    }

    /// Row `i`'s columns: name, value for scripts, value for the record.
    fn fields(&self, i: u64) -> Result<Vec<(&str, Dynamic, Node)>> {
        Ok(match self {
            Rows::Csv(rows) => rows
                .header
                .iter()
                .zip(&rows.rows[usize::try_from(i).unwrap_or(usize::MAX)])
                .map(|(name, value)| (name.as_str(), value.clone(), Node::Value(value.clone())))
                .collect(),
            Rows::Mem(rows) => rows.fields(i)?.collect(),
            Rows::Json(rows) => rows.rows[usize::try_from(i).unwrap_or(usize::MAX)]
                .iter()
                .map(|(name, node)| (name.as_str(), node.to_dynamic(), node.clone()))
                .collect(),
            Rows::Db(query) => {
                let rows = query.rows().ok_or_else(|| {
                    anyhow!(
                        "internal error: {} was read before its query ran",
                        query.name
                    )
                })?;
                rows.header
                    .iter()
                    .zip(&rows.rows[usize::try_from(i).unwrap_or(usize::MAX)])
                    .map(|(name, value)| (name.as_str(), value.clone(), Node::Value(value.clone())))
                    .collect()
            }
        })
    }
}

/// A `source` on a generate or variable.
#[derive(Debug, Clone)]
pub struct RowSource {
    /// Where `source` is written.
    pub pos: Pos,
    /// The rows.
    pub rows: Rows,
    /// `cyclic`: an ordered source starts again after its last row.
    pub cyclic: bool,
    /// `distribution`.
    pub distribution: Distribution,
}

impl RowSource {
    /// The row number for record `index`.
    fn row(&self, index: u64) -> Result<u64> {
        let n = self.rows.len();
        let i = match self.distribution {
            // Parsing refused sources without rows for these two.
            Distribution::Random => {
                let last = i64::try_from(n).unwrap_or(i64::MAX) - 1;
                u64::try_from(with_rng(|rng| uniform_int(rng, 0, last.max(0)))).unwrap_or(0)
            }
            Distribution::Ordered if self.cyclic && n > 0 => index % n,
            Distribution::Ordered => Some(index).filter(|&i| i < n).ok_or_else(|| {
                error_at(
                    &self.pos,
                    format_args!(
                        "`{}` has {n} rows, and record {index} needs row {}; set \
                             `cyclic=\"True\"` to start again after the last row",
                        self.rows.name(),
                        u128::from(index) + 1
                    ),
                )
            })?,
        };
        Ok(i)
    }

    /// The row of record `index` as a map, for a variable.
    pub fn map(&self, index: u64) -> Result<Dynamic> {
        let row = self.rows.fields(self.row(index)?)?;
        let map: Map = row
            .into_iter()
            .map(|(name, value, _)| (name.into(), value))
            .collect();
        Ok(map.into())
    }

    /// The first column of the row of record `index` (a `<reference>`'s key).
    pub fn first_value(&self, index: u64) -> Result<Dynamic> {
        let row = self.rows.fields(self.row(index)?)?;
        Ok(row
            .into_iter()
            .next()
            .map_or(Dynamic::UNIT, |(_, value, _)| value))
    }

    /// The rows of a nestedKey's `count` elements: in order, or (`distribution="random"`) a
    /// shuffle of all rows drawn from the record's stream, each starting again after the
    /// last row (`cyclic`; the caller bounds `count` otherwise).
    pub fn element_order(&self, count: u64) -> Vec<u64> {
        let n = self.rows.len();
        if n == 0 {
            return Vec::new();
        }
        let mut rows: Vec<u64> = (0..n).collect();
        if self.distribution == Distribution::Random {
            with_rng(|rng| {
                for i in (1..rows.len()).rev() {
                    let j = datamimic::sample::below(rng, i as u64 + 1) as usize;
                    rows.swap(i, j);
                }
            });
        }
        (0..count).map(|i| rows[(i % n) as usize]).collect()
    }

    /// Starts an element from row `row`: its columns become variables and the first fields;
    /// returns how many.
    pub fn start_row(
        &self,
        engine: &crate::script::Engine,
        row: u64,
        scope: &mut Scope<'_>,
        fields: &mut Vec<(String, Node)>,
    ) -> Result<usize> {
        let mut row = self.rows.fields(row)?;
        crate::source_scripted::evaluate(engine, &mut row, scope, &self.pos)?;
        let columns = row.len();
        for (name, value, node) in row {
            scope.push_dynamic(name, value);
            fields.push((name.to_owned(), node));
        }
        Ok(columns)
    }

    /// Starts record `index` of a generate: the row's columns become variables and the first
    /// fields; returns how many.
    pub fn start_record(
        &self,
        engine: &crate::script::Engine,
        index: u64,
        scope: &mut Scope<'_>,
        fields: &mut Vec<(String, Node)>,
    ) -> Result<usize> {
        let mut row = self.rows.fields(self.row(index)?)?;
        crate::source_scripted::evaluate(engine, &mut row, scope, &self.pos)?;
        let columns = row.len();
        for (name, value, node) in row {
            scope.push_dynamic(name, value);
            fields.push((name.to_owned(), node));
        }
        Ok(columns)
    }
}

/// Moves every field after the first `columns` (the generate's keys) that has a column's name
/// into that column's place, so a key replaces the row's value where the column stands.
pub fn overlay(fields: &mut Vec<(String, Node)>, columns: usize) {
    let columns = columns.min(fields.len());
    let mut i = columns;
    while i < fields.len() {
        if let Some(at) = fields[..columns]
            .iter()
            .position(|(n, _)| *n == fields[i].0)
        {
            let (_, node) = fields.remove(i);
            fields[at].1 = node;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_replace_columns_in_place() {
        let value = |v: i64| Node::Value(v.into());
        let mut fields = vec![
            ("a".to_owned(), value(1)),
            ("b".to_owned(), value(2)),
            ("c".to_owned(), value(3)),
            ("b".to_owned(), value(20)),
        ];
        overlay(&mut fields, 2);
        let shown: Vec<String> = fields
            .iter()
            .map(|(n, v)| format!("{n}={}", v.to_dynamic()))
            .collect();
        assert_eq!(shown, ["a=1", "b=20", "c=3"]);
    }
}
