//! JSON files as record sources (`source="data/people.json"`): a JSON array of objects, each
//! object a row (a single object is one row). On a `<generate>` every record starts as a row,
//! its fields in the file's order with nested objects and arrays kept; on a `<variable>` each
//! record sees one row as a map, as with a CSV source ([`crate::csv_source`]).
//!
//! A file is read once, when the descriptor is parsed. Numbers are integers where they are
//! written as 64-bit integers, floats otherwise; an integer beyond 64 bits is an error at its
//! place in the file rather than a rounded value.

use std::path::Path;

use anyhow::{Result, anyhow};
use rhai::Dynamic;
use serde_json::Value;

use crate::record::Node;

/// The rows of one JSON file.
#[derive(Debug)]
pub struct JsonRows {
    /// The file as the descriptor names it.
    pub name: String,
    /// The rows, each its fields in the file's order.
    pub rows: Vec<Vec<(String, Node)>>,
}

impl JsonRows {
    /// Reads the file at `path` (shown as `name` in errors).
    pub fn read(path: &Path, name: &str) -> Result<JsonRows> {
        let text =
            std::fs::read_to_string(path).map_err(|e| anyhow!("cannot read `{name}`: {e}"))?;
        let value: Value = serde_json::from_str(&text).map_err(|e| {
            // serde_json ends its message with the position, which leads this one.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(&*message, |(m, _)| m);
            anyhow!(
                "{name}:{}:{}: not valid JSON: {message}",
                e.line(),
                e.column()
            )
        })?;
        let items = match value {
            Value::Array(items) => items,
            object @ Value::Object(_) => vec![object],
            other => {
                return Err(anyhow!(
                    "{name}:1:1: a JSON source is an array of objects, not {}",
                    kind(&other)
                ));
            }
        };
        let mut rows = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let Value::Object(map) = item else {
                return Err(anyhow!(
                    "{name}: element {} of the array is {}, not an object",
                    i + 1,
                    kind(&item)
                ));
            };
            let mut row = Vec::with_capacity(map.len());
            for (key, value) in map {
                let node = node(value)
                    .map_err(|m| anyhow!("{name}: element {} of the array, `{key}`: {m}", i + 1))?;
                row.push((key, node));
            }
            rows.push(row);
        }
        Ok(JsonRows {
            name: name.to_owned(),
            rows,
        })
    }

    /// The most fields a row has.
    pub fn width(&self) -> u64 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u64
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON value as a record part.
fn node(value: Value) -> Result<Node, String> {
    Ok(match value {
        Value::Null => Node::Value(Dynamic::UNIT),
        Value::Bool(b) => Node::Value(b.into()),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Node::Value(i.into()),
            (None, Some(_), _) => {
                return Err(format!("{n} is beyond the 64-bit integer range"));
            }
            (None, None, Some(f)) => Node::Value(f.into()),
            _ => return Err(format!("{n} is not a number datamimic can hold")),
        },
        Value::String(s) => Node::Value(s.into()),
        Value::Array(items) => Node::List(items.into_iter().map(node).collect::<Result<_, _>>()?),
        Value::Object(map) => Node::Map(
            map.into_iter()
                .map(|(k, v)| node(v).map(|n| (k, n)))
                .collect::<Result<_, _>>()?,
        ),
    })
}
