//! SQLite output: one table created from the first record's flattened fields, rows inserted
//! in one transaction per page.

use std::path::Path;

use anyhow::{Context as _, Result};
use rusqlite::types::Value as Sql;
use serde_json::Value;

/// The flattened cells of `record` (same order as [`crate::csv::columns`]); lists become JSON
/// text, booleans 0/1.
pub fn row(record: &Value, out: &mut Vec<Sql>) {
    match record {
        Value::Object(map) => map.values().for_each(|v| row(v, out)),
        Value::Null => out.push(Sql::Null),
        Value::Bool(b) => out.push(Sql::Integer(i64::from(*b))),
        Value::Number(n) => out.push(match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(f64::NAN)),
        }),
        Value::String(s) => out.push(Sql::Text(s.clone())),
        Value::Array(_) => out.push(Sql::Text(record.to_string())),
    }
}

/// An open database file being filled.
pub struct Writer {
    conn: rusqlite::Connection,
    table: String,
    insert: String,
    width: usize,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("table", &self.table)
            .finish()
    }
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Writer {
    /// Opens (creates) the database file at `path`; the table is named `table`.
    pub fn open(path: &Path, table: &str) -> Result<Writer> {
        let conn = rusqlite::Connection::open(path)
            .with_context(|| format!("cannot create SQLite database `{}`", path.display()))?;
        // The file is a temporary one renamed on success, so no journal is needed.
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
        Ok(Writer {
            conn,
            table: table.to_owned(),
            insert: String::new(),
            width: 0,
        })
    }

    /// Creates the table from the column names and the first row's value types.
    pub fn create(&mut self, columns: &[String], first: &[Sql]) -> Result<()> {
        let defs: Vec<String> = columns
            .iter()
            .zip(first)
            .map(|(c, v)| {
                let ty = match v {
                    Sql::Integer(_) => " INTEGER",
                    Sql::Real(_) => " REAL",
                    Sql::Text(_) => " TEXT",
                    _ => "",
                };
                format!("{}{ty}", quote_ident(c))
            })
            .collect();
        let table = quote_ident(&self.table);
        self.conn
            .execute_batch(&format!(
                "DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({});",
                defs.join(", ")
            ))
            .with_context(|| format!("cannot create table {table}"))?;
        let marks = vec!["?"; columns.len()].join(", ");
        self.insert = format!("INSERT INTO {table} VALUES ({marks})");
        self.width = columns.len();
        Ok(())
    }

    /// Inserts a page of rows (`width` values each) in one transaction.
    pub fn insert(&mut self, cells: &[Sql]) -> Result<()> {
        if self.width == 0 {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(&self.insert)?;
            for row in cells.chunks(self.width) {
                stmt.execute(rusqlite::params_from_iter(row))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Closes the database.
    pub fn finish(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| e)?;
        Ok(())
    }
}
