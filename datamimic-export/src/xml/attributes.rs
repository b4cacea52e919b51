//! XML attributes and text content in records, as DATAMIMIC writes them (xmltodict's
//! convention): in a map, a key `@name` is the attribute `name` of the map's element and the
//! key `#text` its text, beside its child elements. Attributes and text hold scalars only.

use serde::Serialize;

use super::escape::{Unwritable, escape_text};

/// The key prefix of an attribute.
pub(super) const ATTRIBUTE: char = '@';
/// The key of the text content.
pub(super) const TEXT: &str = "#text";

/// A scalar as attribute or text content: text as it is, numbers and booleans as JSON writes
/// them, null as nothing; lists and maps cannot be.
pub(super) fn scalar_text<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    match serde_json::to_value(value).map_err(|e| e.to_string())? {
        serde_json::Value::Null => Ok(String::new()),
        serde_json::Value::String(text) => Ok(text),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        serde_json::Value::Array(_) => Err("holds a list, which XML cannot write there".into()),
        serde_json::Value::Object(_) => Err("holds a dict, which XML cannot write there".into()),
    }
}

/// Appends ` name="value"`, the value escaped so that a parser reads it back exactly (tabs
/// and line feeds as character references, which attribute normalisation keeps).
pub(super) fn write_attribute(
    name: &str,
    value: &str,
    out: &mut Vec<u8>,
) -> Result<(), Unwritable> {
    out.push(b' ');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"=\"");
    let mut rest = value;
    while let Some(at) = rest.find(['\n', '\t']) {
        escape_text(&rest[..at], out)?;
        out.extend_from_slice(if rest.as_bytes()[at] == b'\n' {
            b"&#10;"
        } else {
            b"&#9;"
        });
        rest = &rest[at + 1..];
    }
    escape_text(rest, out)?;
    out.push(b'"');
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use crate::xml::write_item;

    /// A value whose maps keep their order (as descriptor records do).
    enum V {
        Text(&'static str),
        Int(i64),
        Null,
        List(Vec<V>),
        Map(Vec<(&'static str, V)>),
    }

    impl Serialize for V {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                V::Text(t) => s.serialize_str(t),
                V::Int(i) => s.serialize_i64(*i),
                V::Null => s.serialize_unit(),
                V::List(items) => {
                    let mut seq = s.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(item)?;
                    }
                    seq.end()
                }
                V::Map(fields) => {
                    let mut map = s.serialize_map(Some(fields.len()))?;
                    for (k, v) in fields {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
            }
        }
    }

    fn written(record: &V) -> Result<String, String> {
        let mut out = Vec::new();
        write_item(record, &mut out).map_err(|e| e.to_string())?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn at_keys_are_attributes_and_hash_text_the_text() {
        let record = V::Map(vec![
            ("@id", V::Int(7)),
            (
                "author",
                V::Map(vec![
                    ("@name", V::Text("Ann \"A\" <B>\n\t")),
                    ("@born", V::Null),
                ]),
            ),
            (
                "title",
                V::Map(vec![
                    ("@language", V::Text("en")),
                    ("#text", V::Text("Rust & XML")),
                ]),
            ),
            ("empty", V::Map(vec![])),
            ("pages", V::Int(120)),
        ]);
        assert_eq!(
            written(&record).unwrap(),
            "  <item id=\"7\"><author name=\"Ann &quot;A&quot; &lt;B&gt;&#10;&#9;\" born=\"\"></author>\
             <title language=\"en\">Rust &amp; XML</title><empty></empty><pages>120</pages></item>\n"
        );
    }

    #[test]
    fn attributes_after_children_go_into_the_start_tag() {
        // A script's dicts keep no order: `#text` may come before the attributes.
        let late = V::Map(vec![
            ("#text", V::Text("x")),
            (
                "b",
                V::Map(vec![("#text", V::Text("y")), ("@t", V::Int(2))]),
            ),
            ("@id", V::Int(1)),
            ("@n", V::Text("z")),
        ]);
        assert_eq!(
            written(&late).unwrap(),
            "  <item id=\"1\" n=\"z\">x<b t=\"2\">y</b></item>\n"
        );
    }

    #[test]
    fn lists_dicts_and_bad_names_are_errors() {
        let list = V::Map(vec![(
            "book",
            V::Map(vec![("@tags", V::List(vec![V::Int(1), V::Int(2)]))]),
        )]);
        assert_eq!(
            written(&list).unwrap_err(),
            "`book.@tags`: holds a list, which XML cannot write there"
        );
        let dict = V::Map(vec![("#text", V::Map(vec![("a", V::Int(1))]))]);
        assert_eq!(
            written(&dict).unwrap_err(),
            "`#text`: holds a dict, which XML cannot write there"
        );
        // Not an attribute name: an element name error, as before.
        let bad = V::Map(vec![("@1", V::Int(1))]);
        assert!(written(&bad).unwrap_err().starts_with("`@1`: "));
    }
}
