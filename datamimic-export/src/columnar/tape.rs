//! Records as tapes: the serde events of a record in order (a struct's fields, a list's
//! items, each leaf value with its Rust type), written on the worker threads and read by the
//! schema sampler ([`super::shape`]) and the column builders.

use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};

/// The width and signedness of an integer, as serde reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int {
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
}

impl Int {
    /// The Rust name (`u8`), for messages.
    pub fn name(self) -> &'static str {
        match self {
            Int::I8 => "i8",
            Int::I16 => "i16",
            Int::I32 => "i32",
            Int::I64 => "i64",
            Int::U8 => "u8",
            Int::U16 => "u16",
            Int::U32 => "u32",
            Int::U64 => "u64",
        }
    }
}

/// One serde event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// `None` or `()`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A signed integer of the given type.
    Signed(i64, Int),
    /// An unsigned integer of the given type.
    Unsigned(u64, Int),
    /// An `f32`.
    F32(f32),
    /// An `f64`.
    F64(f64),
    /// Text: `len` bytes at `start` of the tape's text.
    Text {
        /// Offset into [`Tape::text`].
        start: u32,
        /// Length in bytes.
        len: u32,
    },
    /// Text known at compile time (an enum's variant name).
    Static(&'static str),
    /// A list of `len` values, which follow.
    List(u32),
    /// A struct or map of `len` fields, each a [`Event::Field`] or [`Event::Key`] followed by
    /// its value.
    Struct(u32),
    /// A struct field's name.
    Field(&'static str),
    /// A map key: `len` bytes at `start` of the tape's text.
    Key {
        /// Offset into [`Tape::text`].
        start: u32,
        /// Length in bytes.
        len: u32,
    },
}

/// The events of some records, and the text they refer to.
#[derive(Debug, Default, Clone)]
pub struct Tape {
    /// The events, one value per record.
    pub events: Vec<Event>,
    /// The text of [`Event::Text`] and [`Event::Key`].
    pub text: String,
}

/// A record that cannot be written as columns (an enum variant holding data, raw bytes).
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

impl Tape {
    /// Appends the events of `record`.
    pub fn push<R: Serialize + ?Sized>(&mut self, record: &R) -> Result<(), Unsupported> {
        record.serialize(Recorder { tape: self })
    }

    /// Empties the tape, keeping its capacity.
    pub fn clear(&mut self) {
        self.events.clear();
        self.text.clear();
    }

    /// The memory the tape takes, in bytes.
    pub fn weight(&self) -> usize {
        self.events.len() * std::mem::size_of::<Event>() + self.text.len()
    }

    /// The text an [`Event::Text`] or [`Event::Key`] refers to.
    pub fn text(&self, start: u32, len: u32) -> &str {
        &self.text[start as usize..(start + len) as usize]
    }

    /// Appends text, returning where it is.
    fn text_span(&mut self, write: impl FnOnce(&mut String) -> fmt::Result) -> (u32, u32) {
        let start = self.text.len();
        // Writing into a `String` cannot fail; a `Display` impl that reports an error anyway
        // leaves what it wrote.
        let _ = write(&mut self.text);
        (offset(start), offset(self.text.len() - start))
    }
}

/// A text offset: pages are handed over long before they hold 4 GiB of text.
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("a page's text stays under 4 GiB")
}

/// Reads a tape's events in order.
#[derive(Debug)]
pub struct Cursor<'t> {
    /// The tape.
    pub tape: &'t Tape,
    /// The next event.
    pub pos: usize,
}

impl<'t> Cursor<'t> {
    /// A cursor at the start of `tape`.
    pub fn new(tape: &'t Tape) -> Cursor<'t> {
        Cursor { tape, pos: 0 }
    }

    /// The next event.
    #[inline]
    pub fn event(&mut self) -> Event {
        let event = self.tape.events[self.pos];
        self.pos += 1;
        event
    }

    /// The name of the next field of a struct or map.
    pub fn name(&mut self) -> &'t str {
        match self.event() {
            Event::Field(name) => name,
            Event::Key { start, len } => self.tape.text(start, len),
            other => unreachable!("a struct's tape names each field, not {other:?}"),
        }
    }

    /// Skips one value.
    pub fn skip(&mut self) {
        match self.event() {
            Event::List(n) => (0..n).for_each(|_| self.skip()),
            Event::Struct(n) => (0..n).for_each(|_| {
                self.name();
                self.skip();
            }),
            _ => {}
        }
    }
}

/// The serializer appending one value's events.
struct Recorder<'t> {
    tape: &'t mut Tape,
}

impl<'t> Recorder<'t> {
    fn push(self, event: Event) -> Result<(), Unsupported> {
        self.tape.events.push(event);
        Ok(())
    }

    fn text(self, write: impl FnOnce(&mut String) -> fmt::Result) -> Result<(), Unsupported> {
        let (start, len) = self.tape.text_span(write);
        self.push(Event::Text { start, len })
    }

    fn unsupported(what: &str) -> Result<(), Unsupported> {
        Err(Unsupported(format!(
            "{what} cannot be written as Parquet or Arrow columns"
        )))
    }

    /// Starts a list or struct whose length is patched at its end.
    fn open(self, event: Event) -> Open<'t> {
        let at = self.tape.events.len();
        self.tape.events.push(event);
        Open {
            tape: self.tape,
            at,
            len: 0,
        }
    }
}

/// A list or struct being recorded.
struct Open<'t> {
    tape: &'t mut Tape,
    at: usize,
    len: u32,
}

impl Open<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.len += 1;
        value.serialize(Recorder { tape: self.tape })
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.tape.events.push(Event::Field(name));
        self.item(value)
    }

    fn close(self) -> Result<(), Unsupported> {
        match &mut self.tape.events[self.at] {
            Event::List(len) | Event::Struct(len) => *len = self.len,
            _ => unreachable!("`Open` starts at a list or struct"),
        }
        Ok(())
    }
}

impl<'t> ser::Serializer for Recorder<'t> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Open<'t>;
    type SerializeTuple = Open<'t>;
    type SerializeTupleStruct = Open<'t>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Open<'t>;
    type SerializeStruct = Open<'t>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.push(Event::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.push(Event::Signed(v.into(), Int::I8))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.push(Event::Signed(v.into(), Int::I16))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.push(Event::Signed(v.into(), Int::I32))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.push(Event::Signed(v, Int::I64))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.push(Event::Unsigned(v.into(), Int::U8))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.push(Event::Unsigned(v.into(), Int::U16))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.push(Event::Unsigned(v.into(), Int::U32))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.push(Event::Unsigned(v, Int::U64))
    }
    fn serialize_i128(self, _: i128) -> Result<(), Unsupported> {
        Recorder::unsupported("a 128-bit integer")
    }
    fn serialize_u128(self, _: u128) -> Result<(), Unsupported> {
        Recorder::unsupported("a 128-bit integer")
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.push(Event::F32(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        self.push(Event::F64(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.text(|text| text.write_char(v))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.text(|text| text.write_str(v))
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        self.text(|text| write!(text, "{value}"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Recorder::unsupported("raw bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.push(Event::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.push(Event::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.push(Event::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.push(Event::Static(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Recorder::unsupported(&format!(
            "the enum variant `{name}::{variant}` holding data"
        ))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(Event::List(0)))
    }
    fn serialize_tuple(self, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(Event::List(0)))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(Event::List(0)))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported(format!(
            "the enum variant `{name}::{variant}` holding data cannot be written as Parquet or Arrow columns"
        )))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(Event::Struct(0)))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(Event::Struct(0)))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported(format!(
            "the enum variant `{name}::{variant}` holding data cannot be written as Parquet or Arrow columns"
        )))
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),+) => {$(
        impl ser::$trait for Open<'_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.item(value)
            }
            fn end(self) -> Result<(), Unsupported> {
                self.close()
            }
        }
    )+};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(name, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // Keys are recorded as text; a key of another kind is refused by the reader.
        let mark = self.tape.events.len();
        key.serialize(Recorder { tape: self.tape })?;
        match self.tape.events.get(mark..) {
            Some([Event::Text { start, len }]) => {
                let (start, len) = (*start, *len);
                self.tape.events[mark] = Event::Key { start, len };
                Ok(())
            }
            Some([Event::Static(name)]) => {
                let name = *name;
                self.tape.events[mark] = Event::Field(name);
                Ok(())
            }
            _ => Err(Unsupported(
                "a map whose keys are not text cannot be written as Parquet or Arrow columns"
                    .into(),
            )),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.item(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Inner {
        street: &'static str,
        number: u16,
    }

    #[derive(serde::Serialize)]
    struct Record {
        name: String,
        age: u8,
        score: Option<f64>,
        tags: Vec<&'static str>,
        home: Inner,
    }

    #[test]
    fn a_record_becomes_its_events_in_field_order() {
        let mut tape = Tape::default();
        let record = Record {
            name: "Ann".into(),
            age: 31,
            score: None,
            tags: vec!["a", "bc"],
            home: Inner {
                street: "Main",
                number: 7,
            },
        };
        tape.push(&record).unwrap();
        use Event::*;
        assert_eq!(
            tape.events,
            [
                Struct(5),
                Field("name"),
                Text { start: 0, len: 3 },
                Field("age"),
                Unsigned(31, Int::U8),
                Field("score"),
                Null,
                Field("tags"),
                List(2),
                Text { start: 3, len: 1 },
                Text { start: 4, len: 2 },
                Field("home"),
                Struct(2),
                Field("street"),
                Text { start: 6, len: 4 },
                Field("number"),
                Unsigned(7, Int::U16),
            ]
        );
        assert_eq!(tape.text, "AnnabcMain");
    }

    #[test]
    fn enum_variants_with_data_are_refused() {
        #[derive(serde::Serialize)]
        enum Shape {
            Circle(f64),
        }
        let err = Tape::default().push(&Shape::Circle(1.0)).unwrap_err();
        assert!(
            err.to_string().contains("`Shape::Circle` holding data"),
            "{err}"
        );
    }
}
