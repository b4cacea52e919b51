//! Arrow columns built from tapes, checked against the schema value by value: a record
//! whose value does not have its column's type is a [`Mismatch`], never a null.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int8Builder, Int16Builder,
    Int32Builder, Int64Builder, StringBuilder, TimestampMicrosecondBuilder, UInt8Builder,
    UInt16Builder, UInt32Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, ListArray, NullArray, StructArray};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, TimeUnit};

use super::shape::{Mismatch, SAMPLE, Shape};
use super::tape::{Cursor, Event, Int};
use super::temporal;

/// The Arrow type of a column of `shape`. Every field is nullable: `None` is a value of any
/// column.
pub fn data_type(shape: &Shape) -> DataType {
    match shape {
        Shape::Unknown => DataType::Null,
        Shape::Bool => DataType::Boolean,
        Shape::Int(Int::I8) => DataType::Int8,
        Shape::Int(Int::I16) => DataType::Int16,
        Shape::Int(Int::I32) => DataType::Int32,
        Shape::Int(Int::I64) => DataType::Int64,
        Shape::Int(Int::U8) => DataType::UInt8,
        Shape::Int(Int::U16) => DataType::UInt16,
        Shape::Int(Int::U32) => DataType::UInt32,
        Shape::Int(Int::U64) => DataType::UInt64,
        Shape::F32 => DataType::Float32,
        Shape::F64 => DataType::Float64,
        Shape::Text => DataType::Utf8,
        Shape::Date => DataType::Date32,
        Shape::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        Shape::List(item) => DataType::List(item_field(item)),
        Shape::Struct(fields) => DataType::Struct(struct_fields(fields)),
    }
}

/// The schema of records of `shape` (a struct): one column per field.
pub fn schema(shape: &Shape) -> Schema {
    match shape {
        Shape::Struct(fields) => Schema::new(struct_fields(fields)),
        other => unreachable!("a record's shape is a struct, not {other}"),
    }
}

fn item_field(item: &Shape) -> FieldRef {
    Arc::new(Field::new("item", data_type(item), true))
}

fn struct_fields(fields: &[(String, Shape)]) -> Fields {
    fields
        .iter()
        .map(|(name, shape)| Field::new(name, data_type(shape), true))
        .collect()
}

/// A column being filled.
#[derive(Debug)]
pub enum Column {
    /// No sampled record had a value here: only nulls fit.
    Null(usize),
    /// Booleans.
    Bool(BooleanBuilder),
    /// `i8`.
    I8(Int8Builder),
    /// `i16`.
    I16(Int16Builder),
    /// `i32`.
    I32(Int32Builder),
    /// `i64`.
    I64(Int64Builder),
    /// `u8`.
    U8(UInt8Builder),
    /// `u16`.
    U16(UInt16Builder),
    /// `u32`.
    U32(UInt32Builder),
    /// `u64`.
    U64(UInt64Builder),
    /// `f32`.
    F32(Float32Builder),
    /// `f64`.
    F64(Float64Builder),
    /// Text.
    Text(StringBuilder),
    /// Days since 1970-01-01.
    Date(Date32Builder),
    /// Microseconds since 1970-01-01T00:00:00Z.
    Timestamp(TimestampMicrosecondBuilder),
    /// Lists.
    List(Box<ListColumn>),
    /// Structs.
    Struct(StructColumn),
}

/// A list column: offsets into its items' column.
#[derive(Debug)]
pub struct ListColumn {
    field: FieldRef,
    offsets: Vec<i32>,
    nulls: NullBufferBuilder,
    items: Column,
}

/// A struct column: one column per field.
#[derive(Debug)]
pub struct StructColumn {
    fields: Fields,
    columns: Vec<Column>,
    nulls: NullBufferBuilder,
    len: usize,
}

/// What an event is, for messages.
fn found(cursor: &Cursor<'_>, event: Event) -> String {
    match event {
        Event::Null => "null".into(),
        Event::Bool(v) => format!("the boolean {v}"),
        Event::Signed(v, int) => format!("the {} {v}", int.name()),
        Event::Unsigned(v, int) => format!("the {} {v}", int.name()),
        Event::F32(v) => format!("the f32 {v}"),
        Event::F64(v) => format!("the f64 {v}"),
        Event::Text { start, len } => format!("the text `{}`", cursor.tape.text(start, len)),
        Event::Static(text) => format!("the text `{text}`"),
        Event::List(n) => format!("a list of {n}"),
        Event::Struct(n) => format!("a struct of {n} fields"),
        Event::Field(_) | Event::Key { .. } => "a field name".into(),
    }
}

/// A timestamp column's values, for messages.
const TIMESTAMP: &str = "a UTC time to the microsecond (YYYY-MM-DDTHH:MM:SS[.ffffff]Z)";

/// A value that is not what its column holds.
fn wrong(cursor: &Cursor<'_>, event: Event, holds: &str) -> Mismatch {
    Mismatch::new(format!(
        "{} where the column holds {holds}",
        found(cursor, event)
    ))
}

macro_rules! integer_arms {
    ($self:expr, $event:expr, $($column:ident, $tape:ident, $kind:ident, $ty:ty;)+) => {
        match ($self, $event) {
            $((Column::$column(b), Event::$tape(v, Int::$kind)) => {
                // The tape holds the value of the type it names, widened.
                b.append_value(v as $ty);
                return Ok(());
            })+
            (column, event) => (column, event),
        }
    };
}

impl StructColumn {
    fn new(fields: &[(String, Shape)]) -> StructColumn {
        StructColumn {
            fields: struct_fields(fields),
            columns: fields.iter().map(|(_, shape)| Column::new(shape)).collect(),
            nulls: NullBufferBuilder::new(0),
            len: 0,
        }
    }

    /// The columns of records of `shape` (a struct).
    pub fn for_records(shape: &Shape) -> StructColumn {
        match shape {
            Shape::Struct(fields) => StructColumn::new(fields),
            other => unreachable!("a record's shape is a struct, not {other}"),
        }
    }

    /// Appends the record at `cursor`: it must be a struct with the columns' fields.
    pub fn append_record(&mut self, cursor: &mut Cursor<'_>) -> Result<(), Mismatch> {
        match cursor.event() {
            Event::Struct(n) => self.append_fields(n, cursor),
            event => Err(Mismatch::new(format!(
                "the record is {} where a struct was expected",
                found(cursor, event)
            ))),
        }
    }

    fn append_fields(&mut self, n: u32, cursor: &mut Cursor<'_>) -> Result<(), Mismatch> {
        if n as usize != self.columns.len() {
            return Err(Mismatch::new(format!(
                "{n} fields where the schema has {} ({})",
                self.columns.len(),
                self.names()
            )));
        }
        for (field, column) in self.fields.iter().zip(&mut self.columns) {
            let name = cursor.name();
            if name != field.name() {
                return Err(Mismatch::new(format!(
                    "a field `{name}` where the schema has `{}`",
                    field.name()
                )));
            }
            column.append(cursor).map_err(|e| e.within(name))?;
        }
        self.nulls.append_non_null();
        self.len += 1;
        Ok(())
    }

    fn names(&self) -> String {
        let names: Vec<&str> = self.fields.iter().map(|f| f.name().as_str()).collect();
        names.join(", ")
    }

    fn append_null(&mut self) {
        self.columns.iter_mut().for_each(Column::append_null);
        self.nulls.append_null();
        self.len += 1;
    }

    /// The rows appended since the last [`StructColumn::finish_columns`].
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no rows were appended since the last [`StructColumn::finish_columns`].
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The finished columns, one per field, leaving this column empty.
    pub fn finish_columns(&mut self) -> Vec<ArrayRef> {
        self.len = 0;
        self.nulls = NullBufferBuilder::new(0);
        self.columns.iter_mut().map(Column::finish).collect()
    }

    fn finish(&mut self) -> ArrayRef {
        let nulls = self.nulls.finish();
        let len = self.len;
        let columns = self.finish_columns();
        Arc::new(
            StructArray::try_new_with_length(self.fields.clone(), columns, nulls, len)
                .expect("every field column has a row per struct row"),
        )
    }
}

impl Column {
    /// An empty column of `shape`.
    pub fn new(shape: &Shape) -> Column {
        match shape {
            Shape::Unknown => Column::Null(0),
            Shape::Bool => Column::Bool(BooleanBuilder::new()),
            Shape::Int(Int::I8) => Column::I8(Int8Builder::new()),
            Shape::Int(Int::I16) => Column::I16(Int16Builder::new()),
            Shape::Int(Int::I32) => Column::I32(Int32Builder::new()),
            Shape::Int(Int::I64) => Column::I64(Int64Builder::new()),
            Shape::Int(Int::U8) => Column::U8(UInt8Builder::new()),
            Shape::Int(Int::U16) => Column::U16(UInt16Builder::new()),
            Shape::Int(Int::U32) => Column::U32(UInt32Builder::new()),
            Shape::Int(Int::U64) => Column::U64(UInt64Builder::new()),
            Shape::F32 => Column::F32(Float32Builder::new()),
            Shape::F64 => Column::F64(Float64Builder::new()),
            Shape::Text => Column::Text(StringBuilder::new()),
            Shape::Date => Column::Date(Date32Builder::new()),
            Shape::Timestamp => {
                Column::Timestamp(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
            }
            Shape::List(item) => Column::List(Box::new(ListColumn {
                field: item_field(item),
                offsets: vec![0],
                nulls: NullBufferBuilder::new(0),
                items: Column::new(item),
            })),
            Shape::Struct(fields) => Column::Struct(StructColumn::new(fields)),
        }
    }

    /// What the column holds, for messages.
    fn kind(&self) -> &'static str {
        match self {
            Column::Null(_) => "no value",
            Column::Bool(_) => "a boolean",
            Column::I8(_) => "an i8",
            Column::I16(_) => "an i16",
            Column::I32(_) => "an i32",
            Column::I64(_) => "an i64",
            Column::U8(_) => "a u8",
            Column::U16(_) => "a u16",
            Column::U32(_) => "a u32",
            Column::U64(_) => "a u64",
            Column::F32(_) => "an f32",
            Column::F64(_) => "an f64",
            Column::Text(_) => "text",
            Column::Date(_) => "a date (YYYY-MM-DD)",
            Column::Timestamp(_) => TIMESTAMP,
            Column::List(_) => "a list",
            Column::Struct(_) => "a struct",
        }
    }

    fn append_null(&mut self) {
        match self {
            Column::Null(n) => *n += 1,
            Column::Bool(b) => b.append_null(),
            Column::I8(b) => b.append_null(),
            Column::I16(b) => b.append_null(),
            Column::I32(b) => b.append_null(),
            Column::I64(b) => b.append_null(),
            Column::U8(b) => b.append_null(),
            Column::U16(b) => b.append_null(),
            Column::U32(b) => b.append_null(),
            Column::U64(b) => b.append_null(),
            Column::F32(b) => b.append_null(),
            Column::F64(b) => b.append_null(),
            Column::Text(b) => b.append_null(),
            Column::Date(b) => b.append_null(),
            Column::Timestamp(b) => b.append_null(),
            Column::List(list) => {
                let end = *list.offsets.last().expect("offsets start with 0");
                list.offsets.push(end);
                list.nulls.append_null();
            }
            Column::Struct(s) => s.append_null(),
        }
    }

    /// Appends the value at `cursor`.
    fn append(&mut self, cursor: &mut Cursor<'_>) -> Result<(), Mismatch> {
        let event = cursor.event();
        if event == Event::Null {
            self.append_null();
            return Ok(());
        }
        let (column, event) = integer_arms!(self, event,
            I8, Signed, I8, i8;
            I16, Signed, I16, i16;
            I32, Signed, I32, i32;
            I64, Signed, I64, i64;
            U8, Unsigned, U8, u8;
            U16, Unsigned, U16, u16;
            U32, Unsigned, U32, u32;
            U64, Unsigned, U64, u64;
        );
        let text = match event {
            Event::Text { start, len } => Some(cursor.tape.text(start, len)),
            Event::Static(text) => Some(text),
            _ => None,
        };
        match (column, event, text) {
            (Column::Bool(b), Event::Bool(v), _) => b.append_value(v),
            (Column::F32(b), Event::F32(v), _) => b.append_value(v),
            (Column::F64(b), Event::F64(v), _) => b.append_value(v),
            (Column::Text(b), _, Some(text)) => b.append_value(text),
            (Column::Date(b), _, Some(text)) => match temporal::date(text) {
                Some(days) => b.append_value(days),
                None => return Err(wrong(cursor, event, "a date (YYYY-MM-DD)")),
            },
            (Column::Timestamp(b), _, Some(text)) => match temporal::timestamp(text) {
                Some(micros) => b.append_value(micros),
                None => return Err(wrong(cursor, event, TIMESTAMP)),
            },
            (Column::List(list), Event::List(n), _) => {
                for _ in 0..n {
                    list.items.append(cursor).map_err(Mismatch::in_list)?;
                }
                let end = list.offsets.last().expect("offsets start with 0") + n as i32;
                list.offsets.push(end);
                list.nulls.append_non_null();
            }
            (Column::Struct(s), Event::Struct(n), _) => s.append_fields(n, cursor)?,
            (Column::Null(_), event, _) => {
                return Err(Mismatch::new(format!(
                    "{} where none of the first {SAMPLE} records has a value, so the column has no type; \
                     write this entity in another format",
                    found(cursor, event)
                )));
            }
            (column, event, _) => return Err(wrong(cursor, event, column.kind())),
        }
        Ok(())
    }

    /// The finished column, leaving this one empty.
    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Null(n) => Arc::new(NullArray::new(std::mem::take(n))),
            Column::Bool(b) => Arc::new(b.finish()),
            Column::I8(b) => Arc::new(b.finish()),
            Column::I16(b) => Arc::new(b.finish()),
            Column::I32(b) => Arc::new(b.finish()),
            Column::I64(b) => Arc::new(b.finish()),
            Column::U8(b) => Arc::new(b.finish()),
            Column::U16(b) => Arc::new(b.finish()),
            Column::U32(b) => Arc::new(b.finish()),
            Column::U64(b) => Arc::new(b.finish()),
            Column::F32(b) => Arc::new(b.finish()),
            Column::F64(b) => Arc::new(b.finish()),
            Column::Text(b) => Arc::new(b.finish()),
            Column::Date(b) => Arc::new(b.finish()),
            Column::Timestamp(b) => Arc::new(b.finish()),
            Column::List(list) => {
                let offsets = std::mem::replace(&mut list.offsets, vec![0]);
                let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
                Arc::new(ListArray::new(
                    list.field.clone(),
                    offsets,
                    list.items.finish(),
                    list.nulls.finish(),
                ))
            }
            Column::Struct(s) => s.finish(),
        }
    }
}
