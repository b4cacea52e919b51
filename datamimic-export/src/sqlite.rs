//! SQLite output: one table created from the first record's flattened fields, every row
//! inserted in one transaction. One transaction whatever the page size keeps the file's header
//! (its change counter) and so the whole file the same for every page size.

use std::path::Path;

use anyhow::{Context as _, Result};
use rusqlite::types::Value as Sql;
use serde::ser::{self, Serialize};

use crate::serialize_parts::{
    fields_through, items_through, small_integers_widened, wrappers_forwarded,
};

/// Why a record cannot be stored (a value JSON cannot hold, such as a 128-bit number out of
/// its range).
pub type Error = serde_json::Error;

/// Appends the flattened cells of `record` (same order as [`crate::csv::columns`]): nested
/// structs and maps give their values, lists become JSON text, booleans 0 and 1, `null` and
/// non-finite numbers NULL. Written straight from serde, with the values its JSON form holds.
pub fn row<R: Serialize + ?Sized>(record: &R, out: &mut Vec<Sql>) -> Result<(), Error> {
    record.serialize(Cells { out })
}

/// A value to be appended as cells.
struct Cells<'o> {
    out: &'o mut Vec<Sql>,
}

impl Cells<'_> {
    fn push(self, cell: Sql) -> Result<(), Error> {
        self.out.push(cell);
        Ok(())
    }

    /// A number as JSON holds it: an integer if it fits `i64`, a real otherwise, NULL where
    /// JSON has `null`.
    fn number<T: Serialize>(self, value: T) -> Result<(), Error> {
        self.push(match serde_json::to_value(value)? {
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Sql::Integer(i),
                None => Sql::Real(n.as_f64().unwrap_or(f64::NAN)),
            },
            _ => Sql::Null,
        })
    }
}

impl<'o> ser::Serializer for Cells<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = List<'o>;
    type SerializeTuple = List<'o>;
    type SerializeTupleStruct = List<'o>;
    type SerializeTupleVariant = List<'o>;
    type SerializeMap = Flat<'o>;
    type SerializeStruct = Flat<'o>;
    type SerializeStructVariant = Flat<'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(Sql::Integer(i64::from(v)))
    }
    small_integers_widened!();
    wrappers_forwarded!();
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.push(Sql::Integer(v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.push(match i64::try_from(v) {
            Ok(i) => Sql::Integer(i),
            Err(_) => Sql::Real(v as f64),
        })
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.push(if v.is_finite() {
            Sql::Real(v)
        } else {
            Sql::Null
        })
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.push(Sql::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.push(Sql::Text(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.push(Sql::Text(serde_json::to_string(v)?))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push(Sql::Null)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push(Sql::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.push(Sql::Null)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        // `{variant: value}`, flattened: the value's cells.
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<List<'o>, Error> {
        Ok(List {
            out: self.out,
            json: vec![b'['],
        })
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<List<'o>, Error> {
        // `{variant: [...]}`, flattened: the list's one cell.
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Flat<'o>, Error> {
        Ok(Flat { out: self.out })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Flat<'o>, Error> {
        Ok(Flat { out: self.out })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Flat<'o>, Error> {
        Ok(Flat { out: self.out })
    }
}

/// A list: one cell of JSON text, each item as its JSON value writes.
struct List<'o> {
    out: &'o mut Vec<Sql>,
    json: Vec<u8>,
}

impl List<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if self.json.len() > 1 {
            self.json.push(b',');
        }
        // Through the value, as JSON holds it (an `f32` as the `f64` it widens to).
        serde_json::to_writer(&mut self.json, &serde_json::to_value(value)?)
    }

    fn finish(mut self) -> Result<(), Error> {
        self.json.push(b']');
        let json = String::from_utf8(self.json).map_err(ser::Error::custom)?;
        self.out.push(Sql::Text(json));
        Ok(())
    }
}

items_through!(List<'_>, Error, item, finish:
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

/// A struct or map: its values' cells, in order.
struct Flat<'o> {
    out: &'o mut Vec<Sql>,
}

impl Flat<'_> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Cells {
            out: &mut *self.out,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, _name: &str, value: &T) -> Result<(), Error> {
        self.value(value)
    }

    fn done(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeMap for Flat<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Only checked, as JSON would: text or a number.
        match serde_json::to_value(key)? {
            serde_json::Value::String(_)
            | serde_json::Value::Number(_)
            | serde_json::Value::Bool(_) => Ok(()),
            _ => Err(ser::Error::custom("a map key must be text or a number")),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

fields_through!(Flat<'_>, Error, field, done: SerializeStruct, SerializeStructVariant);

/// An open database file being filled.
pub struct Writer {
    conn: rusqlite::Connection,
    table: String,
    insert: String,
    width: usize,
    keys: Keys,
}

/// The keys a table declares: its `INTEGER PRIMARY KEY` column and a column that references
/// another table's primary key (a related set's parent id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    /// The primary key column.
    pub primary: Option<String>,
    /// The column that references another table's key.
    pub foreign: Option<ForeignKey>,
}

/// A column that holds another table's key: a related set's child row naming its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    /// The column (`bank_account_id`).
    pub column: String,
    /// The table it references (`BankAccount`).
    pub table: String,
    /// That table's key column (`id`).
    pub key: String,
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
        // The file is a temporary one renamed on success, so no journal is needed. A related
        // set's child table references a parent table that lives in another file until the
        // end, so declared foreign keys are not enforced while writing.
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; BEGIN;",
        )?;
        Ok(Writer {
            conn,
            table: table.to_owned(),
            insert: String::new(),
            width: 0,
            keys: Keys::default(),
        })
    }

    /// Declares the table's keys; call before the first page.
    pub fn declare_keys(&mut self, keys: Keys) {
        self.keys = keys;
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
                let key = if self.keys.primary.as_ref() == Some(c) {
                    " PRIMARY KEY".to_owned()
                } else {
                    match &self.keys.foreign {
                        Some(foreign) if &foreign.column == c => format!(
                            " REFERENCES {}({})",
                            quote_ident(&foreign.table),
                            quote_ident(&foreign.key)
                        ),
                        _ => String::new(),
                    }
                };
                format!("{}{ty}{key}", quote_ident(c))
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

    /// Inserts a page of rows (`width` values each) into the run's transaction.
    pub fn insert(&mut self, cells: &[Sql]) -> Result<()> {
        if self.width == 0 {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(&self.insert)?;
        for row in cells.chunks(self.width) {
            stmt.execute(rusqlite::params_from_iter(row))?;
        }
        Ok(())
    }

    /// Commits the rows and closes the database.
    pub fn finish(self) -> Result<()> {
        self.conn.execute_batch("COMMIT;")?;
        self.conn.close().map_err(|(_, e)| e)?;
        Ok(())
    }
}

/// Copies table `table` of each finished database `part`, in order, into the finished
/// database `into`, with the statement that created it (its keys included): the tables of a
/// related set, each written on its own, become one database. The same parts give the same
/// bytes, however their rows were paged.
pub fn merge_tables(into: &Path, parts: &[(&Path, &str)]) -> Result<()> {
    let conn = rusqlite::Connection::open(into)
        .with_context(|| format!("cannot open SQLite database `{}`", into.display()))?;
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;",
    )?;
    for (part, table) in parts {
        conn.execute(
            "ATTACH DATABASE ?1 AS part",
            [part.to_string_lossy().as_ref()],
        )?;
        let create: String = conn.query_row(
            "SELECT sql FROM part.sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get(0),
        )?;
        let name = quote_ident(table);
        conn.execute_batch(&format!(
            "BEGIN; {create}; INSERT INTO main.{name} SELECT * FROM part.{name}; COMMIT;"
        ))
        .with_context(|| format!("cannot copy table {name}"))?;
        conn.execute_batch("DETACH DATABASE part")?;
    }
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The cell writer this one replaced: from the record's JSON value.
    fn via_value(record: &Value, out: &mut Vec<Sql>) {
        match record {
            Value::Object(map) => map.values().for_each(|v| via_value(v, out)),
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

    #[derive(serde::Serialize)]
    enum Shape {
        Dot,
        Circle(f64),
        Pair(u8, Option<u8>),
        Box { w: u32, tags: Vec<&'static str> },
    }

    #[derive(serde::Serialize)]
    struct Odd {
        small: f32,
        smalls: Vec<f32>,
        nan: f64,
        big: u64,
        huge: u128,
        nested: Vec<Vec<i8>>,
        none: Option<u8>,
        shapes: (Shape, Shape, Shape, Shape),
        map: std::collections::BTreeMap<u16, bool>,
        ch: char,
        text: &'static str,
    }

    #[test]
    fn agrees_with_the_json_value_form() {
        let odd = Odd {
            small: 1.1,
            smalls: vec![1.1, f32::NAN],
            nan: f64::NAN,
            big: u64::MAX,
            huge: 7,
            nested: vec![vec![1, -2], vec![]],
            none: None,
            shapes: (
                Shape::Dot,
                Shape::Circle(0.5),
                Shape::Pair(1, None),
                Shape::Box {
                    w: 3,
                    tags: vec!["a\"b"],
                },
            ),
            map: [(1, true), (20, false)].into_iter().collect(),
            ch: 'ß',
            text: "",
        };
        let mut direct = Vec::new();
        row(&odd, &mut direct).unwrap();
        let mut expected = Vec::new();
        via_value(&serde_json::to_value(&odd).unwrap(), &mut expected);
        // NaN is not equal to itself: compare the debug text.
        assert_eq!(format!("{direct:?}"), format!("{expected:?}"));
        // A map key JSON cannot hold is an error, as it is for JSON.
        let odd_keys: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(row(&odd_keys, &mut Vec::new()).is_err());
        assert!(serde_json::to_value(&odd_keys).is_err());
    }
}
