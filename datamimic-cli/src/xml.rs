//! XML output: `<list>` of `<item>` elements, one per line; lists repeat their tag, and
//! datetimes keep their time (they are written as serialized, ISO 8601).

use serde_json::Value;

/// The opening of the document.
pub const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list>\n";
/// The end of the document.
pub const TAIL: &str = "</list>\n";

/// Appends `record` as one `<item>` line.
pub fn write_item(record: &Value, out: &mut Vec<u8>) {
    out.extend_from_slice(b"  ");
    element("item", record, out);
    out.push(b'\n');
}

fn element(name: &str, value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Array(items) => {
            for item in items {
                element(name, item, out);
            }
        }
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
                Value::Object(map) => {
                    for (k, v) in map {
                        element(k, v, out);
                    }
                }
                Value::String(s) => escape(s, out),
                other => out.extend_from_slice(other.to_string().as_bytes()),
            }
            out.extend_from_slice(b"</");
            tag_name(name, out);
            out.push(b'>');
        }
    }
}

/// Writes `name` as a valid XML name: other characters become `_`.
fn tag_name(name: &str, out: &mut Vec<u8>) {
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

fn escape(text: &str, out: &mut Vec<u8>) {
    for b in text.bytes() {
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_repeats_and_escapes() {
        let v = serde_json::json!({"n": "a<b", "tags": ["x", "y"], "addr": {"city": "B"}, "none": null, "at": "2025-01-01T12:30:00"});
        let mut out = Vec::new();
        write_item(&v, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  <item><n>a&lt;b</n><tags>x</tags><tags>y</tags><addr><city>B</city></addr><none/><at>2025-01-01T12:30:00</at></item>\n"
        );
    }
}
