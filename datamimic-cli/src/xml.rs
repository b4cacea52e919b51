//! XML output: `<list>` of `<item>` elements, one per line; lists repeat their tag, and
//! datetimes keep their time (they are written as serialized, ISO 8601).
//!
//! A record is written straight from serde, element by element, as its JSON form would read
//! (`null` and non-finite numbers are empty elements, enum variants wrap their content in an
//! element of their name), without building that JSON value first.

use std::io::Write as _;

use serde::ser::{self, Serialize};

use crate::serialize_parts::{
    fields_through, items_through, small_integers_widened, wrappers_forwarded,
};

/// The opening of the document.
pub const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list>\n";
/// The end of the document.
pub const TAIL: &str = "</list>\n";

/// Why a record cannot be written (a map key that is not text or a number).
pub type Error = serde_json::Error;

/// Appends `record` as one `<item>` line.
pub fn write_item<R: Serialize + ?Sized>(record: &R, out: &mut Vec<u8>) -> Result<(), Error> {
    out.extend_from_slice(b"  ");
    record.serialize(Element { name: "item", out })?;
    out.push(b'\n');
    Ok(())
}

/// A value to be written as elements named `name` (several for a list, one otherwise).
struct Element<'n, 'o> {
    name: &'n str,
    out: &'o mut Vec<u8>,
}

impl<'n, 'o> Element<'n, 'o> {
    fn open(&mut self) {
        self.out.push(b'<');
        tag_name(self.name, self.out);
        self.out.push(b'>');
    }

    fn close(&mut self) {
        self.out.extend_from_slice(b"</");
        tag_name(self.name, self.out);
        self.out.push(b'>');
    }

    fn empty(self) -> Result<(), Error> {
        self.out.push(b'<');
        tag_name(self.name, self.out);
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    fn text(mut self, text: &[u8]) -> Result<(), Error> {
        self.open();
        escape(text, self.out);
        self.close();
        Ok(())
    }

    /// A number as its JSON text, or an empty element where JSON has `null` (NaN, infinity).
    fn number<T: Serialize>(self, value: T) -> Result<(), Error> {
        match serde_json::to_value(value)? {
            serde_json::Value::Number(n) => {
                let mut element = self;
                element.open();
                let _ = write!(element.out, "{n}");
                element.close();
                Ok(())
            }
            _ => self.empty(),
        }
    }

    /// `<name><variant>` … `</variant></name>`, for enum variants with content.
    fn variant(mut self, variant: &'static str) -> Wrapped<'n, 'o> {
        self.open();
        Wrapped {
            outer: self.name,
            inner: variant,
            out: self.out,
        }
    }
}

impl<'n, 'o> ser::Serializer for Element<'n, 'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Repeated<'n, 'o>;
    type SerializeTuple = Repeated<'n, 'o>;
    type SerializeTupleStruct = Repeated<'n, 'o>;
    type SerializeTupleVariant = WrappedList<'n, 'o>;
    type SerializeMap = Children<'n, 'o>;
    type SerializeStruct = Children<'n, 'o>;
    type SerializeStructVariant = WrappedChildren<'n, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.text(if v { b"true" } else { b"false" })
    }
    small_integers_widened!();
    wrappers_forwarded!();
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.text(itoa::Buffer::new().format(v).as_bytes())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.text(itoa::Buffer::new().format(v).as_bytes())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]).as_bytes())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v.as_bytes())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // As JSON has them: a list of numbers.
        for byte in v {
            Element {
                name: self.name,
                out: &mut *self.out,
            }
            .serialize_u8(*byte)?;
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.empty()
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.empty()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.empty()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant.as_bytes())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let wrapped = self.variant(variant);
        value.serialize(Element {
            name: wrapped.inner,
            out: &mut *wrapped.out,
        })?;
        wrapped.finish()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Repeated<'n, 'o>, Error> {
        Ok(Repeated {
            name: self.name,
            out: self.out,
        })
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<WrappedList<'n, 'o>, Error> {
        Ok(WrappedList(self.variant(variant)))
    }
    fn serialize_map(mut self, _len: Option<usize>) -> Result<Children<'n, 'o>, Error> {
        self.open();
        Ok(Children {
            name: self.name,
            out: self.out,
            key: String::new(),
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Children<'n, 'o>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<WrappedChildren<'n, 'o>, Error> {
        let mut wrapped = self.variant(variant);
        wrapped.open_inner();
        Ok(WrappedChildren(wrapped))
    }
}

/// A list: each item is an element of the list's name (lists in lists flatten).
struct Repeated<'n, 'o> {
    name: &'n str,
    out: &'o mut Vec<u8>,
}

impl Repeated<'_, '_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Element {
            name: self.name,
            out: &mut *self.out,
        })
    }

    fn done(self) -> Result<(), Error> {
        Ok(())
    }
}

items_through!(Repeated<'_, '_>, Error, item, done:
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
);

/// An object: `<name>`, an element per field or entry, `</name>`.
struct Children<'n, 'o> {
    name: &'n str,
    out: &'o mut Vec<u8>,
    /// The current map key, as JSON would have it.
    key: String,
}

impl Children<'_, '_> {
    fn child<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        value.serialize(Element {
            name,
            out: &mut *self.out,
        })
    }

    fn finish(self) -> Result<(), Error> {
        Element {
            name: self.name,
            out: self.out,
        }
        .close();
        Ok(())
    }
}

impl ser::SerializeMap for Children<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys become text as in JSON (numbers as digits); others are an error there too.
        self.key = match serde_json::to_value(key)? {
            serde_json::Value::String(text) => text,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => return Err(ser::Error::custom("a map key must be text or a number")),
        };
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = std::mem::take(&mut self.key);
        let result = self.child(&key, value);
        self.key = key;
        result
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

fields_through!(Children<'_, '_>, Error, child, finish: SerializeStruct);

/// An enum variant with content inside its value's element: `<name><variant>`.
struct Wrapped<'n, 'o> {
    outer: &'n str,
    inner: &'static str,
    out: &'o mut Vec<u8>,
}

impl Wrapped<'_, '_> {
    fn open_inner(&mut self) {
        Element {
            name: self.inner,
            out: &mut *self.out,
        }
        .open();
    }

    fn close_inner(&mut self) {
        Element {
            name: self.inner,
            out: &mut *self.out,
        }
        .close();
    }

    fn finish(self) -> Result<(), Error> {
        Element {
            name: self.outer,
            out: self.out,
        }
        .close();
        Ok(())
    }
}

/// A tuple variant: its items repeat the variant's element.
struct WrappedList<'n, 'o>(Wrapped<'n, 'o>);

impl WrappedList<'_, '_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Element {
            name: self.0.inner,
            out: &mut *self.0.out,
        })
    }

    fn finish(self) -> Result<(), Error> {
        self.0.finish()
    }
}

items_through!(WrappedList<'_, '_>, Error, item, finish: SerializeTupleVariant::serialize_field);

/// A struct variant: its fields inside the variant's element.
struct WrappedChildren<'n, 'o>(Wrapped<'n, 'o>);

impl WrappedChildren<'_, '_> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        value.serialize(Element {
            name,
            out: &mut *self.0.out,
        })
    }

    fn finish(mut self) -> Result<(), Error> {
        self.0.close_inner();
        self.0.finish()
    }
}

fields_through!(WrappedChildren<'_, '_>, Error, field, finish: SerializeStructVariant);

/// Writes `name` as a valid XML name: other characters become `_`.
fn tag_name(name: &str, out: &mut Vec<u8>) {
    // Field names are nearly always plain ASCII names already.
    let bytes = name.as_bytes();
    let plain_start = bytes
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
    if plain_start
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    {
        out.extend_from_slice(bytes);
        return;
    }
    let starts_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    if !starts_ok {
        out.push(b'_');
    }
    for c in name.chars() {
        if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            out.push(b'_');
        }
    }
}

/// Copies `text`, escaping `<`, `>`, `&` and `"`; the runs between them are copied whole.
fn escape(text: &[u8], out: &mut Vec<u8>) {
    let mut rest = text;
    while let Some(at) = rest
        .iter()
        .position(|b| matches!(b, b'<' | b'>' | b'&' | b'"'))
    {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(match rest[at] {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            _ => b"&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The element writer this one replaced: from the record's JSON value. The two must agree
    /// on every input.
    fn via_value(value: &Value, out: &mut Vec<u8>) {
        fn element(name: &str, value: &Value, out: &mut Vec<u8>) {
            match value {
                Value::Array(items) => items.iter().for_each(|item| element(name, item, out)),
                Value::Null => {
                    out.push(b'<');
                    tag_name(name, out);
                    out.extend_from_slice(b"/>");
                }
                _ => {
                    out.push(b'<');
                    tag_name(name, out);
                    out.push(b'>');
                    match value {
                        Value::Object(map) => map.iter().for_each(|(k, v)| element(k, v, out)),
                        Value::String(s) => escape(s.as_bytes(), out),
                        other => out.extend_from_slice(other.to_string().as_bytes()),
                    }
                    out.extend_from_slice(b"</");
                    tag_name(name, out);
                    out.push(b'>');
                }
            }
        }
        out.extend_from_slice(b"  ");
        element("item", value, out);
        out.push(b'\n');
    }

    fn assert_as_via_value<T: Serialize>(record: &T) {
        let mut direct = Vec::new();
        write_item(record, &mut direct).unwrap();
        let mut expected = Vec::new();
        via_value(&serde_json::to_value(record).unwrap(), &mut expected);
        assert_eq!(
            String::from_utf8(direct).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn nests_repeats_and_escapes() {
        let v = serde_json::json!({"n": "a<b", "tags": ["x", "y"], "addr": {"city": "B"}, "none": null, "at": "2025-01-01T12:30:00"});
        let mut out = Vec::new();
        write_item(&v, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  <item><n>a&lt;b</n><tags>x</tags><tags>y</tags><addr><city>B</city></addr><none/><at>2025-01-01T12:30:00</at></item>\n"
        );
    }

    #[derive(serde::Serialize)]
    enum Shape {
        Dot,
        Circle(f64),
        Pair(u8, Option<u8>),
        Box { w: u32, tags: Vec<&'static str> },
    }

    #[derive(serde::Serialize)]
    struct Unit;

    #[derive(serde::Serialize)]
    struct Odd {
        #[serde(rename = "9 lives & more")]
        lives: i64,
        #[serde(rename = "Straße")]
        street: char,
        small: f32,
        nan: f64,
        big: u128,
        nested: Vec<Vec<i8>>,
        bytes: serde_bytes_like::Bytes,
        unit: Unit,
        shapes: Vec<Shape>,
        map: std::collections::BTreeMap<u16, &'static str>,
        flag: bool,
        text: &'static str,
    }

    mod serde_bytes_like {
        /// Serializes as bytes (serde's `serialize_bytes`).
        pub(super) struct Bytes(pub(super) &'static [u8]);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
    }

    #[test]
    fn agrees_with_the_json_value_form() {
        assert_as_via_value(&Odd {
            lives: -9,
            street: 'ß',
            small: 1.1,
            nan: f64::NAN,
            big: 12_345_678_901_234_567_890,
            nested: vec![vec![1, -2], vec![], vec![3]],
            bytes: serde_bytes_like::Bytes(b"\x00\xff"),
            unit: Unit,
            shapes: vec![
                Shape::Dot,
                Shape::Circle(0.5),
                Shape::Pair(1, None),
                Shape::Box {
                    w: 3,
                    tags: vec!["<a>", "\"b\" & c"],
                },
            ],
            map: [(1, "one"), (20, "twenty")].into_iter().collect(),
            flag: true,
            text: "",
        });
        assert_as_via_value(&vec![1, 2]);
        // A map key JSON cannot hold is an error, as it is for JSON.
        let odd_keys: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(write_item(&odd_keys, &mut Vec::new()).is_err());
        assert!(serde_json::to_value(&odd_keys).is_err());
        assert_as_via_value(&Option::<u8>::None);
        assert_as_via_value(&f64::INFINITY);
    }
}
