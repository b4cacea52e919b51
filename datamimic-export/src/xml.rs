//! XML output: `<list>` of `<item>` elements, one per line; lists repeat their tag, and
//! datetimes keep their time (they are written as serialized, ISO 8601).
//!
//! A record is written straight from serde, element by element, as its JSON form would read
//! (`null` and non-finite numbers are empty elements, enum variants wrap their content in an
//! element of their name), without building that JSON value first.
//!
//! In a map, keys `@name` are the attributes of its element and `#text` its text
//! (xmltodict's convention), as DATAMIMIC's XML records have them.
//!
//! Every value reads back exactly (`\r` is written `&#13;`). A value holding a character XML
//! 1.0 cannot write, or a key that is not an element name, fails the record with its path:
//! nothing is mangled.

mod attributes;
mod escape;

use std::fmt;
use std::io::Write as _;

use serde::ser::{self, Serialize};

pub use self::escape::is_element_name;
use self::escape::{Unwritable, escape_text};
use crate::serialize_parts::{
    fields_through, items_through, small_integers_widened, wrappers_forwarded,
};

/// The opening of the document.
pub const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list>\n";
/// The end of the document.
pub const TAIL: &str = "</list>\n";

/// Why a record cannot be written, and where in it.
#[derive(Debug)]
pub struct Error {
    /// The keys from the value up to the record, innermost first.
    path: Vec<String>,
    message: String,
}

impl Error {
    /// The same error, seen from the element `name` that holds it.
    fn within(mut self, name: &str) -> Error {
        self.path.push(name.to_owned());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            f.write_str("`")?;
            for (i, key) in self.path.iter().rev().enumerate() {
                if i > 0 {
                    f.write_str(".")?;
                }
                f.write_str(key)?;
            }
            f.write_str("`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error {
            path: Vec::new(),
            message: message.to_string(),
        }
    }
}

impl From<Unwritable> for Error {
    fn from(Unwritable(c): Unwritable) -> Error {
        ser::Error::custom(format_args!(
            "the value holds U+{:04X}, a character XML 1.0 cannot represent",
            u32::from(c)
        ))
    }
}

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
    fn open(&mut self) -> Result<(), Error> {
        self.out.push(b'<');
        tag_name(self.name, self.out)?;
        self.out.push(b'>');
        Ok(())
    }

    /// The closing tag (of a name [`Element::open`] checked).
    fn close(&mut self) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(self.name.as_bytes());
        self.out.push(b'>');
    }

    fn empty(self) -> Result<(), Error> {
        self.out.push(b'<');
        tag_name(self.name, self.out)?;
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    fn text(mut self, text: &str) -> Result<(), Error> {
        self.open()?;
        escape_text(text, self.out)?;
        self.close();
        Ok(())
    }

    /// Digits and other text that needs no escaping.
    fn plain(mut self, text: &[u8]) -> Result<(), Error> {
        self.open()?;
        self.out.extend_from_slice(text);
        self.close();
        Ok(())
    }

    /// A number as its JSON text, or an empty element where JSON has `null` (NaN, infinity).
    fn number<T: Serialize>(self, value: T) -> Result<(), Error> {
        match serde_json::to_value(value).map_err(<Error as ser::Error>::custom)? {
            serde_json::Value::Number(n) => {
                let mut element = self;
                element.open()?;
                let _ = write!(element.out, "{n}");
                element.close();
                Ok(())
            }
            _ => self.empty(),
        }
    }

    /// `<name><variant>` … `</variant></name>`, for enum variants with content.
    fn variant(mut self, variant: &'static str) -> Result<Wrapped<'n, 'o>, Error> {
        self.open()?;
        Ok(Wrapped {
            outer: self.name,
            inner: variant,
            out: self.out,
        })
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
        self.plain(if v { b"true" } else { b"false" })
    }
    small_integers_widened!();
    wrappers_forwarded!();
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.plain(itoa::Buffer::new().format(v).as_bytes())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.plain(itoa::Buffer::new().format(v).as_bytes())
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
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
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
        self.text(variant)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let wrapped = self.variant(variant)?;
        value
            .serialize(Element {
                name: wrapped.inner,
                out: &mut *wrapped.out,
            })
            .map_err(|e| e.within(variant))?;
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
        Ok(WrappedList(self.variant(variant)?))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Children<'n, 'o>, Error> {
        self.out.push(b'<');
        tag_name(self.name, self.out)?;
        let attributes_at = self.out.len();
        self.out.push(b'>');
        Ok(Children {
            name: self.name,
            out: self.out,
            key: String::new(),
            attributes_at,
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
        let mut wrapped = self.variant(variant)?;
        wrapped.open_inner().map_err(|e| e.within(variant))?;
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
    /// Where in `out` the next attribute goes: the end of the start tag, before its `>`
    /// (attributes may come after children: a script's dicts keep no order).
    attributes_at: usize,
}

impl Children<'_, '_> {
    fn child<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        // Element names start with neither `@` nor `#`: one byte tells the usual case.
        if matches!(name.as_bytes().first(), Some(b'@' | b'#')) {
            return self.attribute_or_text(name, value);
        }
        value
            .serialize(Element {
                name,
                out: &mut *self.out,
            })
            .map_err(|e| e.within(name))
    }

    /// `@name` (an attribute, into the start tag) or `#text`; another name is an element
    /// name (which fails as such).
    fn attribute_or_text<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), Error> {
        if let Some(attribute) = name.strip_prefix(attributes::ATTRIBUTE)
            && is_element_name(attribute)
        {
            let text = attributes::scalar_text(value)
                .map_err(|m| <Error as ser::Error>::custom(m).within(name))?;
            let mut written = Vec::new();
            attributes::write_attribute(attribute, &text, &mut written)
                .map_err(|e| Error::from(e).within(name))?;
            let at = self.attributes_at;
            self.out.splice(at..at, written.iter().copied());
            self.attributes_at += written.len();
            return Ok(());
        }
        if name == attributes::TEXT {
            let text = attributes::scalar_text(value)
                .map_err(|m| <Error as ser::Error>::custom(m).within(name))?;
            return escape_text(&text, self.out).map_err(|e| Error::from(e).within(name));
        }
        value
            .serialize(Element {
                name,
                out: &mut *self.out,
            })
            .map_err(|e| e.within(name))
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
        self.key = match serde_json::to_value(key).map_err(<Error as ser::Error>::custom)? {
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
    fn open_inner(&mut self) -> Result<(), Error> {
        Element {
            name: self.inner,
            out: &mut *self.out,
        }
        .open()
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
        value
            .serialize(Element {
                name: self.0.inner,
                out: &mut *self.0.out,
            })
            .map_err(|e| e.within(self.0.inner))
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
        value
            .serialize(Element {
                name,
                out: &mut *self.0.out,
            })
            .map_err(|e| e.within(name).within(self.0.inner))
    }

    fn finish(mut self) -> Result<(), Error> {
        self.0.close_inner();
        self.0.finish()
    }
}

fields_through!(WrappedChildren<'_, '_>, Error, field, finish: SerializeStructVariant);

/// Writes `name` as an element name, or fails if it is not one.
fn tag_name(name: &str, out: &mut Vec<u8>) -> Result<(), Error> {
    if !is_element_name(name) {
        return Err(ser::Error::custom(format_args!(
            "`{name}` is not a valid XML element name"
        )));
    }
    out.extend_from_slice(name.as_bytes());
    Ok(())
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
                    tag_name(name, out).unwrap();
                    out.extend_from_slice(b"/>");
                }
                _ => {
                    out.push(b'<');
                    tag_name(name, out).unwrap();
                    out.push(b'>');
                    match value {
                        Value::Object(map) => map.iter().for_each(|(k, v)| element(k, v, out)),
                        Value::String(s) => escape_text(s, out).unwrap(),
                        other => out.extend_from_slice(other.to_string().as_bytes()),
                    }
                    out.extend_from_slice(b"</");
                    tag_name(name, out).unwrap();
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
        #[serde(rename = "_9-lives.more")]
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
        map: std::collections::BTreeMap<&'static str, &'static str>,
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
            map: [("one", "1"), ("twenty", "20")].into_iter().collect(),
            flag: true,
            text: "a\r\nb\r",
        });
        assert_as_via_value(&vec![1, 2]);
        // A map key JSON cannot hold is an error, as it is for JSON.
        let odd_keys: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(write_item(&odd_keys, &mut Vec::new()).is_err());
        assert!(serde_json::to_value(&odd_keys).is_err());
        assert_as_via_value(&Option::<u8>::None);
        assert_as_via_value(&f64::INFINITY);
    }

    fn error_of<T: Serialize>(record: &T) -> String {
        write_item(record, &mut Vec::new()).unwrap_err().to_string()
    }

    #[test]
    fn carriage_returns_are_character_references() {
        let mut out = Vec::new();
        write_item(&serde_json::json!({"t": "a\r\nb\r"}), &mut out).unwrap();
        assert_eq!(out, b"  <item><t>a&#13;\nb&#13;</t></item>\n");
    }

    #[test]
    fn unwritable_values_and_keys_fail_with_their_path() {
        assert_eq!(
            error_of(&serde_json::json!({"a": {"b": ["ok", "x\u{1}"]}})),
            "`a.b`: the value holds U+0001, a character XML 1.0 cannot represent"
        );
        assert_eq!(
            error_of(&serde_json::json!({"m": [{"ok": 1}, {"a b": 1}]})),
            "`m.a b`: `a b` is not a valid XML element name"
        );
        assert_eq!(
            error_of(&"\u{FFFF}"),
            "the value holds U+FFFF, a character XML 1.0 cannot represent"
        );
        // Map keys that are numbers make names that start with a digit.
        let numbered: std::collections::BTreeMap<u16, u8> = [(1, 1)].into();
        assert_eq!(
            error_of(&numbered),
            "`1`: `1` is not a valid XML element name"
        );
        #[derive(serde::Serialize)]
        struct Holder {
            shapes: Vec<Shape>,
        }
        let boxed = Holder {
            shapes: vec![Shape::Box {
                w: 1,
                tags: vec!["\u{0}"],
            }],
        };
        assert_eq!(
            error_of(&boxed),
            "`shapes.Box.tags`: the value holds U+0000, a character XML 1.0 cannot represent"
        );
        let pair = Holder {
            shapes: vec![Shape::Circle(1.0), Shape::Pair(1, Some(2))],
        };
        assert!(write_item(&pair, &mut Vec::new()).is_ok());
    }
}
