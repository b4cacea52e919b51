//! The column types of an entity: read from the tapes of a fixed sample of its records, so
//! every thread, page and shard of a run writes one schema.
//!
//! serde reports a value's Rust type for numbers and booleans (`u8` stays `u8`), structs and
//! lists; what it cannot report, a value's type where the record holds `None` and a list's
//! items where it is empty, is taken from the other records of the sample, and dates and
//! times, which serialize as text, are columns of dates and times where every sampled value
//! is one. A column no sampled record gives a value has Arrow's null type: a record that has a
//! value there later stops the run with an error rather than being written wrongly.

use std::fmt;

use super::tape::{Cursor, Event, Int, Tape};
use super::temporal;

/// The records sampled for a schema: records `0..SAMPLE` of the run's service.
pub const SAMPLE: u64 = 2_048;

/// The type of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// No value seen: every sampled record holds `None` (or an empty list) here.
    Unknown,
    /// A boolean.
    Bool,
    /// An integer.
    Int(Int),
    /// An `f32`.
    F32,
    /// An `f64`.
    F64,
    /// Text.
    Text,
    /// A date (`YYYY-MM-DD`).
    Date,
    /// A UTC time (`YYYY-MM-DDTHH:MM:SS[.fff]Z`), to the microsecond.
    Timestamp,
    /// A list of items of one type.
    List(Box<Shape>),
    /// Named fields in order (a struct, or a map with the same keys in every record).
    Struct(Vec<(String, Shape)>),
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Unknown => f.write_str("null"),
            Shape::Bool => f.write_str("boolean"),
            Shape::Int(int) => f.write_str(int.name()),
            Shape::F32 => f.write_str("f32"),
            Shape::F64 => f.write_str("f64"),
            Shape::Text => f.write_str("text"),
            Shape::Date => f.write_str("date"),
            Shape::Timestamp => f.write_str("timestamp"),
            Shape::List(item) => write!(f, "list of {item}"),
            Shape::Struct(fields) => {
                let names: Vec<&str> = fields.iter().map(|(name, _)| name.as_str()).collect();
                write!(f, "struct {{{}}}", names.join(", "))
            }
        }
    }
}

/// A value that does not fit where it stands: `path` is the field (`address.street`,
/// `conditions[]` for a list's items), empty for the record itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The field.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Mismatch {
    /// A mismatch at the current value.
    pub fn new(message: impl Into<String>) -> Mismatch {
        Mismatch {
            path: String::new(),
            message: message.into(),
        }
    }

    /// The mismatch seen from the struct holding field `name`.
    pub fn within(mut self, name: &str) -> Mismatch {
        self.path = if self.path.is_empty() {
            name.to_owned()
        } else if self.path.starts_with('[') {
            format!("{name}{}", self.path)
        } else {
            format!("{name}.{}", self.path)
        };
        self
    }

    /// The mismatch seen from the list holding the value.
    pub fn in_list(mut self) -> Mismatch {
        self.path = if self.path.is_empty() || self.path.starts_with('[') {
            format!("[]{}", self.path)
        } else {
            format!("[].{}", self.path)
        };
        self
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "field `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Mismatch {}

impl Shape {
    /// The shape shared by the records of `tapes` (each tape holds whole records), or why
    /// they have none.
    pub fn of_records<'t>(tapes: impl IntoIterator<Item = &'t Tape>) -> Result<Shape, Mismatch> {
        let mut shape = Shape::Unknown;
        for tape in tapes {
            let mut cursor = Cursor::new(tape);
            while cursor.pos < tape.events.len() {
                shape = shape.merge(Shape::of_value(&mut cursor)?)?;
            }
        }
        match &shape {
            Shape::Struct(fields) if !fields.is_empty() => Ok(shape),
            _ => Err(Mismatch::new(format!(
                "a record must be a struct with fields to be written as columns, not {shape}"
            ))),
        }
    }

    /// The shape of the value at `cursor`.
    fn of_value(cursor: &mut Cursor<'_>) -> Result<Shape, Mismatch> {
        Ok(match cursor.event() {
            Event::Null => Shape::Unknown,
            Event::Bool(_) => Shape::Bool,
            Event::Signed(_, int) | Event::Unsigned(_, int) => Shape::Int(int),
            Event::F32(_) => Shape::F32,
            Event::F64(_) => Shape::F64,
            Event::Text { start, len } => Shape::of_text(cursor.tape.text(start, len)),
            Event::Static(text) => Shape::of_text(text),
            Event::List(n) => {
                let mut item = Shape::Unknown;
                for _ in 0..n {
                    item = item
                        .merge(Shape::of_value(cursor).map_err(Mismatch::in_list)?)
                        .map_err(Mismatch::in_list)?;
                }
                Shape::List(Box::new(item))
            }
            Event::Struct(n) => {
                let mut fields: Vec<(String, Shape)> = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    let name = cursor.name();
                    if fields.iter().any(|(seen, _)| seen == name) {
                        return Err(Mismatch::new("the field is given twice").within(name));
                    }
                    let shape = Shape::of_value(cursor).map_err(|e| e.within(name))?;
                    fields.push((name.to_owned(), shape));
                }
                Shape::Struct(fields)
            }
            Event::Field(_) | Event::Key { .. } => {
                unreachable!("a field name stands only inside a struct")
            }
        })
    }

    /// Text, or a date or time where it is written as one.
    fn of_text(text: &str) -> Shape {
        if temporal::date(text).is_some() {
            Shape::Date
        } else if temporal::timestamp(text).is_some() {
            Shape::Timestamp
        } else {
            Shape::Text
        }
    }

    /// The shape of a column holding values of both shapes.
    fn merge(self, other: Shape) -> Result<Shape, Mismatch> {
        let texts = [Shape::Text, Shape::Date, Shape::Timestamp];
        Ok(match (self, other) {
            (Shape::Unknown, shape) | (shape, Shape::Unknown) => shape,
            (a, b) if a == b && !matches!(a, Shape::List(_) | Shape::Struct(_)) => a,
            // Text that is a date in one record and not in another is text.
            (a, b) if texts.contains(&a) && texts.contains(&b) => Shape::Text,
            (Shape::List(a), Shape::List(b)) => {
                Shape::List(Box::new(a.merge(*b).map_err(Mismatch::in_list)?))
            }
            (Shape::Struct(a), Shape::Struct(b)) => {
                let names = |fields: &[(String, Shape)]| {
                    fields.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>()
                };
                if names(&a) != names(&b) {
                    return Err(Mismatch::new(format!(
                        "records do not all have the same fields ({} in one, {} in another); columns need one shape",
                        names(&a).join(", "),
                        names(&b).join(", ")
                    )));
                }
                let fields = a
                    .into_iter()
                    .zip(b)
                    .map(|((name, a), (_, b))| {
                        let shape = a.merge(b).map_err(|e| e.within(&name))?;
                        Ok((name, shape))
                    })
                    .collect::<Result<_, Mismatch>>()?;
                Shape::Struct(fields)
            }
            (a, b) => {
                return Err(Mismatch::new(format!(
                    "a {a} in one record and a {b} in another; a column holds one type"
                )));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Visit {
        on: String,
        at: Option<String>,
        codes: Vec<u16>,
    }

    fn shape(records: &[Visit]) -> Result<Shape, Mismatch> {
        let mut tape = Tape::default();
        records.iter().for_each(|r| tape.push(r).unwrap());
        Shape::of_records([&tape])
    }

    fn visit(on: &str, at: Option<&str>, codes: &[u16]) -> Visit {
        Visit {
            on: on.into(),
            at: at.map(Into::into),
            codes: codes.to_vec(),
        }
    }

    #[test]
    fn none_and_empty_lists_take_their_type_from_other_records() {
        let records = [
            visit("2024-01-02", None, &[]),
            visit("2024-01-03", Some("2024-01-03T10:00:00Z"), &[7]),
        ];
        let expected = Shape::Struct(vec![
            ("on".into(), Shape::Date),
            ("at".into(), Shape::Timestamp),
            ("codes".into(), Shape::List(Box::new(Shape::Int(Int::U16)))),
        ]);
        assert_eq!(shape(&records).unwrap(), expected);
    }

    #[test]
    fn a_column_never_given_a_value_is_unknown_and_text_not_always_a_date_is_text() {
        let records = [visit("2024-01-02", None, &[]), visit("soon", None, &[])];
        let expected = Shape::Struct(vec![
            ("on".into(), Shape::Text),
            ("at".into(), Shape::Unknown),
            ("codes".into(), Shape::List(Box::new(Shape::Unknown))),
        ]);
        assert_eq!(shape(&records).unwrap(), expected);
    }

    #[test]
    fn records_of_different_types_or_fields_have_no_shape() {
        #[derive(serde::Serialize)]
        struct Other {
            on: u8,
        }
        let mut tape = Tape::default();
        tape.push(&visit("x", None, &[])).unwrap();
        tape.push(&Other { on: 1 }).unwrap();
        let err = Shape::of_records([&tape]).unwrap_err();
        assert!(err.to_string().contains("same fields"), "{err}");

        #[derive(serde::Serialize)]
        struct Nested {
            inner: Vec<Other>,
        }
        #[derive(serde::Serialize)]
        struct NestedText {
            inner: Vec<Visit>,
        }
        let mut tape = Tape::default();
        tape.push(&Nested {
            inner: vec![Other { on: 1 }],
        })
        .unwrap();
        tape.push(&Nested { inner: vec![] }).unwrap();
        assert!(Shape::of_records([&tape]).is_ok());
        tape.push(&NestedText {
            inner: vec![visit("a", None, &[])],
        })
        .unwrap();
        let err = Shape::of_records([&tape]).unwrap_err();
        assert_eq!(err.path, "inner[]", "{err}");

        let mut tape = Tape::default();
        tape.push(&1u8).unwrap();
        let err = Shape::of_records([&tape]).unwrap_err();
        assert!(err.to_string().contains("must be a struct"), "{err}");
    }
}
