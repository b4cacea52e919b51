//! An SQLite database that a run reads and writes as a whole: SQL scripts run against it,
//! generated records are inserted into its existing tables, and queries read rows back.
//!
//! The database is staged like every output ([`crate::staging`]): an existing file is copied
//! to a temporary name, everything happens there in one transaction, and the file is renamed
//! into place only when the whole run succeeded, so a failed run leaves the old database (or
//! none) and never a half-written one.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use anyhow::{Context as _, Result, anyhow, bail};
use rusqlite::types::Value as Sql;

/// A database cell: NULL, an integer, a real, text or a blob.
pub use rusqlite::types::Value as Cell;

use crate::staging::Staged;
use crate::suggest::did_you_mean;

/// An SQLite database being changed by a run.
pub struct Database {
    shown: String,
    conn: Mutex<Option<rusqlite::Connection>>,
    staged: Mutex<Option<Staged>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("file", &self.shown)
            .finish()
    }
}

/// A statement of an SQL script that SQLite refused.
#[derive(Debug)]
pub struct ScriptError {
    /// Byte offset in the script where the problem is (the statement's start when SQLite
    /// names no place inside it).
    pub offset: usize,
    /// SQLite's message.
    pub message: String,
}

/// Records that do not fit the table they go into (no such table, or a column the table
/// lacks): the caller names the generate that made them.
#[derive(Debug)]
pub struct TableMismatch(pub String);

impl std::fmt::Display for TableMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableMismatch {}

/// How records go into a table: the insert statement and which of their cells it takes.
#[derive(Debug, Clone)]
pub struct InsertPlan {
    statement: String,
    /// Cells per record.
    width: usize,
    /// The cells inserted, when some are left out.
    kept: Option<Vec<usize>>,
    /// The record's columns the table lacks, left out of its rows.
    pub left_out: Vec<LeftOut>,
}

/// A column of the records that their table lacks, left out of its rows.
#[derive(Debug, Clone)]
pub struct LeftOut {
    /// The column (the key's name).
    pub column: String,
    /// Which table lacks it and the closest columns it has.
    pub message: String,
}

/// The rows a query returned: column names, then one value per column for each row.
#[derive(Debug, Default)]
pub struct QueryRows {
    /// The column names, in order.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Sql>>,
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Database {
    /// Opens the database file at `path` under its temporary name: a copy of the existing
    /// file, or a new empty database.
    pub fn open(path: &Path) -> Result<Database> {
        let shown = path.display().to_string();
        let staged = Staged::new(path);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => {
                std::fs::copy(path, staged.tmp())
                    .with_context(|| format!("cannot read SQLite database `{shown}`"))?;
            }
            Ok(_) => bail!("cannot write `{shown}`: not a regular file"),
            Err(_) => {}
        }
        let conn = rusqlite::Connection::open(staged.tmp())
            .with_context(|| format!("cannot open SQLite database `{shown}`"))?;
        // The file is a temporary copy renamed on success: no journal is needed. Foreign keys
        // are not enforced, as in DATAMIMIC's SQLite (scripts drop referenced tables first).
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; BEGIN;",
        )
            .with_context(|| format!("cannot open SQLite database `{shown}`"))?;
        Ok(Database {
            shown,
            conn: Mutex::new(Some(conn)),
            staged: Mutex::new(Some(staged)),
        })
    }

    /// The file as shown in messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    fn conn(&self) -> Result<MutexGuard<'_, Option<rusqlite::Connection>>> {
        Ok(self.conn.lock().unwrap_or_else(|p| p.into_inner()))
    }

    fn with_conn<T>(&self, f: impl FnOnce(&rusqlite::Connection) -> Result<T>) -> Result<T> {
        let guard = self.conn()?;
        let conn = guard
            .as_ref()
            .ok_or_else(|| anyhow!("SQLite database `{}` is already closed", self.shown))?;
        f(conn)
    }

    /// Runs every statement of `script` in order; the first one SQLite refuses stops it.
    pub fn execute_script(&self, script: &str) -> Result<(), ScriptError> {
        let result = self.with_conn(|conn| {
            for (start, statement) in statements(script) {
                if let Err(e) = conn.execute_batch(statement) {
                    let inner = match &e {
                        rusqlite::Error::SqlInputError { offset, .. } => {
                            usize::try_from(*offset).unwrap_or(0)
                        }
                        _ => leading_blank(statement),
                    };
                    return Ok(Some(ScriptError {
                        offset: start + inner.min(statement.len()),
                        message: sqlite_message(&e),
                    }));
                }
            }
            Ok(None)
        });
        match result {
            Ok(None) => Ok(()),
            Ok(Some(e)) => Err(e),
            Err(e) => Err(ScriptError {
                offset: 0,
                message: format!("{e:#}"),
            }),
        }
    }

    /// The tables of the database, in name order.
    pub fn tables(&self) -> Result<Vec<String>> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?;
            let names = stmt
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(names)
        })
    }

    /// The columns of `table`, or an error naming the tables there are.
    pub fn columns(&self, table: &str) -> Result<Vec<String>> {
        let columns = self.with_conn(|conn| {
            let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let names = stmt
                .query_map([table], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(names)
        })?;
        if columns.is_empty() {
            return Err(TableMismatch(self.unknown_table(table)).into());
        }
        Ok(columns)
    }

    fn unknown_table(&self, table: &str) -> String {
        let tables = self.tables().unwrap_or_default();
        let hint = did_you_mean(table, tables.iter().map(String::as_str)).unwrap_or_else(|| {
            if tables.is_empty() {
                " (it has no tables; create them with an `<execute uri=\"*.sql\">` first)"
                    .to_owned()
            } else {
                format!("; its tables: {}", tables.join(", "))
            }
        });
        format!(
            "SQLite database `{}` has no table `{table}`{hint}",
            self.shown
        )
    }

    /// Runs the query `sql` and returns all its rows. A problem is placed by its byte offset
    /// in `sql` when SQLite knows it.
    pub fn query(&self, sql: &str) -> Result<QueryRows, ScriptError> {
        let result = self.with_conn(|conn| {
            let mut stmt = match conn.prepare(sql) {
                Ok(stmt) => stmt,
                Err(e) => return Ok(Err(place(sql, &e))),
            };
            let columns: Vec<String> = stmt.column_names().map(String::from).collect();
            let width = columns.len();
            let mut rows = Vec::new();
            let mut cursor = match stmt.query([]) {
                Ok(cursor) => cursor,
                Err(e) => return Ok(Err(place(sql, &e))),
            };
            loop {
                match cursor.next() {
                    Ok(Some(row)) => {
                        let mut values = Vec::with_capacity(width);
                        for i in 0..width {
                            match row.get::<_, Sql>(i) {
                                Ok(v) => values.push(v),
                                Err(e) => return Ok(Err(place(sql, &e))),
                            }
                        }
                        rows.push(values);
                    }
                    Ok(None) => break,
                    Err(e) => return Ok(Err(place(sql, &e))),
                }
            }
            Ok(Ok(QueryRows { columns, rows }))
        });
        match result {
            Ok(Ok(rows)) => Ok(rows),
            Ok(Err(e)) => Err(self.hint_tables(e)),
            Err(e) => Err(ScriptError {
                offset: 0,
                message: format!("{e:#}"),
            }),
        }
    }

    /// Adds the closest table names to a "no such table" message (with the lock released).
    fn hint_tables(&self, mut e: ScriptError) -> ScriptError {
        if let Some(table) = e.message.strip_prefix("no such table: ") {
            let tables = self.tables().unwrap_or_default();
            if let Some(hint) = did_you_mean(table, tables.iter().map(String::as_str)) {
                e.message.push_str(&hint);
            } else if !tables.is_empty() {
                e.message
                    .push_str(&format!("; tables: {}", tables.join(", ")));
            }
        }
        e
    }

    /// The insert statement for those of a record's `columns` that `table` has. A column the
    /// table lacks is left out of the rows, as DATAMIMIC does, and reported in
    /// [`InsertPlan::left_out`] for the caller to warn about; a record none of whose columns
    /// the table has is an error.
    pub fn insert_plan(&self, table: &str, columns: &[String]) -> Result<InsertPlan> {
        let known = self.columns(table)?;
        let mut kept = Vec::with_capacity(columns.len());
        let mut left_out = Vec::new();
        for (i, column) in columns.iter().enumerate() {
            if known.iter().any(|k| k.eq_ignore_ascii_case(column)) {
                kept.push(i);
            } else {
                let hint = did_you_mean(column, known.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("; its columns: {}", known.join(", ")));
                left_out.push(LeftOut {
                    column: column.clone(),
                    message: format!(
                        "table `{table}` of SQLite database `{}` has no column `{column}`{hint}",
                        self.shown
                    ),
                });
            }
        }
        if kept.is_empty() && !columns.is_empty() {
            return Err(TableMismatch(format!(
                "table `{table}` of SQLite database `{}` has none of the record's columns ({}); its columns: {}",
                self.shown,
                columns.join(", "),
                known.join(", ")
            ))
            .into());
        }
        let names: Vec<String> = kept.iter().map(|&i| quote_ident(&columns[i])).collect();
        let marks = vec!["?"; kept.len()].join(", ");
        let statement = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            quote_ident(table),
            names.join(", ")
        );
        Ok(InsertPlan {
            statement,
            width: columns.len(),
            kept: if left_out.is_empty() {
                None
            } else {
                Some(kept)
            },
            left_out,
        })
    }

    /// Inserts the records of `cells` (each with a cell for every column the plan was made
    /// for) as `plan` says.
    pub fn insert_planned(&self, plan: &InsertPlan, cells: &[Sql]) -> Result<()> {
        match &plan.kept {
            None => self.insert(&plan.statement, plan.width, cells),
            Some(kept) if plan.width > 0 => {
                let rows: Vec<Sql> = cells
                    .chunks(plan.width)
                    .flat_map(|row| kept.iter().map(|&i| row[i].clone()))
                    .collect();
                self.insert(&plan.statement, kept.len(), &rows)
            }
            Some(_) => Ok(()),
        }
    }

    /// Inserts rows of `width` cells each with `statement`.
    pub fn insert(&self, statement: &str, width: usize, cells: &[Sql]) -> Result<()> {
        if width == 0 {
            return Ok(());
        }
        self.with_conn(|conn| {
            let mut stmt = conn.prepare_cached(statement)?;
            for row in cells.chunks(width) {
                stmt.execute(rusqlite::params_from_iter(row)).map_err(|e| {
                    TableMismatch(format!(
                        "a record does not fit the table of SQLite database `{}`: {}",
                        self.shown,
                        sqlite_message(&e)
                    ))
                })?;
            }
            Ok(())
        })
    }

    /// Commits everything and closes the database; it stays under its temporary name until
    /// the returned file is committed.
    pub fn finish(&self) -> Result<Staged> {
        let conn = self.conn()?.take();
        if let Some(conn) = conn {
            conn.execute_batch("COMMIT;")
                .and_then(|()| conn.close().map_err(|(_, e)| e))
                .with_context(|| format!("cannot write SQLite database `{}`", self.shown))?;
        }
        self.staged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| anyhow!("SQLite database `{}` is finished twice", self.shown))
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        // Closed before the uncommitted temporary file is removed.
        if let Some(conn) = self
            .conn
            .get_mut()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        {
            let _ = conn.close();
        }
    }
}

/// `e` placed by its byte offset in `sql` (the first token when SQLite names no place).
fn place(sql: &str, e: &rusqlite::Error) -> ScriptError {
    let offset = match e {
        rusqlite::Error::SqlInputError { offset, .. } => usize::try_from(*offset).unwrap_or(0),
        _ => leading_blank(sql),
    };
    ScriptError {
        offset: offset.min(sql.len()),
        message: sqlite_message(e),
    }
}

/// SQLite's own message, without rusqlite's wrapping.
fn sqlite_message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => other.to_string(),
    }
}

/// Bytes of blanks and comments before the first token of `sql`.
fn leading_blank(sql: &str) -> usize {
    let mut rest = sql;
    loop {
        let trimmed = rest.trim_start();
        if let Some(comment) = trimmed.strip_prefix("--") {
            rest = comment.find('\n').map_or("", |i| &comment[i..]);
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            rest = comment.find("*/").map_or("", |i| &comment[i + 2..]);
        } else {
            return sql.len() - trimmed.len();
        }
    }
}

/// The statements of an SQL script with their byte offsets, split at `;` outside quotes,
/// comments and the `BEGIN … END` body of a trigger; blank ones (only comments) are left out.
pub fn statements<'s>(script: &'s str) -> Vec<(usize, &'s str)> {
    let bytes = script.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<(usize, &'s str)>, from: usize, to: usize| {
        let text = &script[from..to];
        if leading_blank(text) < text.len() {
            out.push((from, text));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                i += 1;
            }
            b'[' => {
                while i < bytes.len() && bytes[i] != b']' {
                    i += 1;
                }
                i += 1;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
            }
            b';' => {
                let text = &script[start..i];
                if !is_open_trigger(text) {
                    push(&mut out, start, i);
                    start = i + 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if start < script.len() {
        push(&mut out, start, script.len());
    }
    out
}

/// Whether `text` is a `CREATE TRIGGER` whose body has not reached its `END` yet.
fn is_open_trigger(text: &str) -> bool {
    let body = &text[leading_blank(text)..];
    let words: Vec<String> = body
        .split_whitespace()
        .take(3)
        .map(str::to_ascii_uppercase)
        .collect();
    let trigger = words.first().is_some_and(|w| w == "CREATE")
        && words.iter().skip(1).take(2).any(|w| w == "TRIGGER");
    trigger
        && !body
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("END"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_statements_outside_quotes_comments_and_triggers() {
        let script = "-- a; comment\nCREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x;y');\n\
                      /* ; */ CREATE TRIGGER g AFTER INSERT ON t BEGIN DELETE FROM t; END;\n-- end";
        let parts: Vec<&str> = statements(script)
            .into_iter()
            .map(|(_, s)| s.trim())
            .collect();
        assert_eq!(
            parts,
            [
                "-- a; comment\nCREATE TABLE t (a TEXT)",
                "INSERT INTO t VALUES ('x;y')",
                "/* ; */ CREATE TRIGGER g AFTER INSERT ON t BEGIN DELETE FROM t; END",
            ]
        );
    }

    #[test]
    fn a_bad_statement_is_placed_in_the_script() {
        let dir = std::env::temp_dir().join(format!("dm-db-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = Database::open(&dir.join("t.sqlite")).unwrap();
        let script = "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\nSELEC 1;";
        let err = db.execute_script(script).unwrap_err();
        assert_eq!(&script[err.offset..err.offset + 5], "SELEC");
        assert!(err.message.contains("syntax error"), "{}", err.message);
        let err = db.query("SELECT * FROM tt").unwrap_err();
        assert!(err.message.contains("did you mean `t`?"), "{}", err.message);
        let rows = db.query("SELECT a FROM t").unwrap();
        assert_eq!(rows.columns, ["a"]);
        assert_eq!(rows.rows, [[Sql::Integer(1)]]);
        drop(db);
        // Nothing was committed: no file, no temporary file.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir(&dir).unwrap();
    }
}
