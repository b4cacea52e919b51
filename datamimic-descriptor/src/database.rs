//! SQLite databases in descriptors: `<database id="db" dbms="sqlite">` (or its settings in
//! `conf/{environment}.env.properties`, `{system}.db.dbms` and `{system}.db.database`, as
//! DATAMIMIC reads them), `<execute uri="*.sql" target="db">`, `target="db"` on a generate
//! (its records are inserted into the table of its name, whose columns they must match) and
//! `source="db"` with `selector="SELECT …"` or `type="TABLE"` (rows as records on a generate,
//! a row per record on a variable, as a CSV source gives them), and `<reference name source
//! sourceType sourceKey>` (a value of a column of another table per record, drawn at random by
//! default).
//!
//! The database is the file `{database}.sqlite` in the output folder, staged for the whole
//! run ([`datamimic_export::database`]): a failed run leaves it as it was. Database servers
//! (PostgreSQL, MySQL, SQL Server, Oracle, MongoDB) are refused when the descriptor is read.
//!
//! Queries run when the generate or variable that reads them is reached, after everything
//! before it in the descriptor has run, so a source sees the rows inserted before it.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use anyhow::{Result, anyhow};
use datamimic_export::database::Cell as Sql;
use datamimic_export::database::Database;
use rhai::{Dynamic, Scope};

use crate::csv_source::{CsvRows, Distribution, RowSource, Rows};
use crate::descriptor::{Generate, Pos, Stmt, ValueSource, error_at};
use crate::line_index::LineIndex;

/// A declared `<database>`.
#[derive(Debug, Clone)]
pub struct DatabaseDecl {
    /// Where it is declared.
    pub pos: Pos,
    /// `id`.
    pub id: String,
    /// The file in the output folder: `{database}.sqlite`.
    pub file_name: String,
}

/// `<execute uri="*.sql" target="db">`.
#[derive(Debug)]
pub struct Execute {
    /// Where it is.
    pub pos: Pos,
    /// The database id.
    pub db: String,
    /// The script file as the descriptor names it, for messages.
    pub file: String,
    /// The script.
    pub text: String,
}

impl Execute {
    /// Runs the script against its database; a refused statement is named by its place in
    /// the script file.
    pub fn run(&self, dbs: &Databases) -> Result<()> {
        let db = dbs.get(&self.db, &self.pos)?;
        db.execute_script(&self.text).map_err(|e| {
            let (line, col) = LineIndex::new(&self.text).line_col(&self.text, e.offset);
            anyhow!(
                "{}:{line}:{col}: {} (executed by `<execute>` at {})",
                self.file,
                e.message,
                self.pos
            )
        })
    }
}

/// The rows of a database query, read when the run reaches the statement that reads them.
#[derive(Debug)]
pub struct DbRows {
    /// The database id.
    pub db: String,
    /// The query.
    pub sql: String,
    /// Where the query is written (the `selector`, or the `source` for a whole table), and
    /// whether the query is the selector as written (so SQLite's offsets fall inside it).
    pub pos: Pos,
    /// Whether `pos` is the start of the query text itself.
    pub exact: bool,
    /// The source as named in messages.
    pub name: String,
    loaded: OnceLock<Arc<CsvRows>>,
}

impl DbRows {
    /// A query not yet run.
    pub fn new(db: String, sql: String, pos: Pos, exact: bool, name: String) -> DbRows {
        DbRows {
            db,
            sql,
            pos,
            exact,
            name,
            loaded: OnceLock::new(),
        }
    }

    /// The rows, once read.
    pub fn rows(&self) -> Option<&Arc<CsvRows>> {
        self.loaded.get()
    }

    /// Runs the query (once).
    fn load(&self, dbs: &Databases, globals: &Scope<'_>) -> Result<&Arc<CsvRows>> {
        if let Some(rows) = self.loaded.get() {
            return Ok(rows);
        }
        let db = dbs.get(&self.db, &self.pos)?;
        let sql = self.substitute(globals)?;
        let result = db.query(&sql).map_err(|e| {
            let mut pos = self.pos.clone();
            if self.exact && sql == self.sql && !sql[..e.offset].contains('\n') {
                pos.col += u32::try_from(sql[..e.offset].chars().count()).unwrap_or(0);
            }
            error_at(&pos, format_args!("{}: {}", self.name, e.message))
        })?;
        let mut rows = Vec::with_capacity(result.rows.len());
        for row in result.rows {
            rows.push(
                row.into_iter()
                    .map(|cell| value(cell).map_err(|e| error_at(&self.pos, e)))
                    .collect::<Result<Vec<_>>>()?,
            );
        }
        let loaded = Arc::new(CsvRows {
            name: self.name.clone(),
            header: result.columns,
            rows,
        });
        Ok(self.loaded.get_or_init(|| loaded))
    }
}

impl DbRows {
    /// The query with each `__name__` replaced by the text of the setup variable `name`, as
    /// DATAMIMIC does; an unknown name is an error at its place.
    fn substitute(&self, globals: &Scope<'_>) -> Result<String> {
        let mut out = String::with_capacity(self.sql.len());
        let mut rest = self.sql.as_str();
        while let Some(at) = variable_reference(rest) {
            let after = &rest[at + 2..];
            let len = after.find("__").unwrap_or(0);
            let name = &after[..len];
            let Some(value) = globals.get(name) else {
                let mut pos = self.pos.clone();
                let offset = self.sql.len() - rest.len() + at;
                if self.exact && !self.sql[..offset].contains('\n') {
                    pos.col += u32::try_from(self.sql[..offset].chars().count()).unwrap_or(0);
                }
                let known: Vec<&str> = globals.iter_raw().map(|(n, _, _)| n).collect();
                let hint = datamimic_export::suggest::did_you_mean(name, known).unwrap_or_default();
                return Err(error_at(
                    &pos,
                    format_args!(
                        "`__{name}__`: no setup `<variable>` `{name}` is set before this query{hint}"
                    ),
                ));
            };
            out.push_str(&rest[..at]);
            out.push_str(&value.to_string());
            rest = &after[len + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Where a `__name__` reference (DATAMIMIC's variable substitution) starts in `text`.
pub fn variable_reference(text: &str) -> Option<usize> {
    let mut search = 0;
    while let Some(start) = text[search..].find("__").map(|i| i + search) {
        let rest = &text[start + 2..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if let Some(inner) = name.strip_suffix("__")
            && !inner.is_empty()
            && !inner.starts_with('_')
            && !inner.contains("__")
        {
            return Some(start);
        }
        search = start + 2;
    }
    None
}

/// A database cell as a script value.
fn value(cell: Sql) -> Result<Dynamic, String> {
    Ok(match cell {
        Sql::Null => Dynamic::UNIT,
        Sql::Integer(i) => i.into(),
        Sql::Real(f) => f.into(),
        Sql::Text(t) => t.into(),
        Sql::Blob(_) => return Err("BLOB columns cannot be read".to_owned()),
    })
}

/// The databases of a run, open under their temporary names.
#[derive(Debug, Default)]
pub struct Databases {
    open: HashMap<String, Arc<Database>>,
}

impl Databases {
    /// Adds database `id`.
    pub fn insert(&mut self, id: String, db: Arc<Database>) {
        self.open.insert(id, db);
    }

    /// Database `id` (declared, so open; `pos` places an internal error).
    pub fn get(&self, id: &str, pos: &Pos) -> Result<&Arc<Database>> {
        self.open
            .get(id)
            .ok_or_else(|| error_at(pos, format_args!("database `{id}` is not open")))
    }

    /// Every database, to be finished when the run succeeded.
    pub fn all(&self) -> impl Iterator<Item = &Arc<Database>> {
        self.open.values()
    }

    /// Every database with its id.
    pub fn by_id(&self) -> impl Iterator<Item = (&str, &Arc<Database>)> {
        self.open.iter().map(|(id, db)| (id.as_str(), db))
    }
}

impl RowSource {
    /// Reads the rows of a database source; the rows must allow what the source asks of them.
    pub fn load(&self, dbs: &Databases, globals: &Scope<'_>) -> Result<()> {
        let Rows::Db(query) = &self.rows else {
            return Ok(());
        };
        let rows = query.load(dbs, globals)?;
        if rows.rows.is_empty() && (self.cyclic || self.distribution == Distribution::Random) {
            return Err(error_at(
                &self.pos,
                format_args!("{} has no rows to repeat or draw from", query.name),
            ));
        }
        Ok(())
    }
}

/// Reads every database source of `g`, its statements and nested generates.
pub fn load_generate(g: &Generate, dbs: &Databases, globals: &Scope<'_>) -> Result<()> {
    if let Some(source) = &g.source {
        source.load(dbs, globals)?;
    }
    load_stmts(&g.body, dbs, globals)?;
    g.children
        .iter()
        .try_for_each(|c| load_generate(c, dbs, globals))
}

/// Reads every database source of `stmts`.
pub fn load_stmts(stmts: &[Stmt], dbs: &Databases, globals: &Scope<'_>) -> Result<()> {
    for stmt in stmts {
        match stmt {
            Stmt::Variable(field) | Stmt::Key(field) => {
                if let ValueSource::Rows(source) | ValueSource::Reference(source) = &field.source {
                    source.load(dbs, globals)?;
                }
            }
            Stmt::Nested(nested) => load_stmts(&nested.body, dbs, globals)?,
            Stmt::Echo(_) => {}
            Stmt::Condition(branches) => {
                for branch in branches {
                    load_stmts(&branch.body, dbs, globals)?;
                }
            }
            Stmt::List(list) => {
                for item in &list.items {
                    load_stmts(&item.body, dbs, globals)?;
                }
            }
        }
    }
    Ok(())
}
