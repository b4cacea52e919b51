//! A list cell's JSON written straight into its quoted CSV cell.
//!
//! A list becomes one cell holding a JSON array, and JSON with strings in it is full of `"`,
//! which CSV (with `"` as its quote character) must double. serde_json writes every `"` of its
//! output through its formatter, so a formatter that writes `""` instead gives the cell's
//! final bytes in one pass, with no copy of the JSON to scan and double afterwards.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// serde_json's compact format with each `"` written twice; for CSV whose quote character is
/// `"`. Records whether it wrote any.
pub(super) struct DoubledQuotes<'q> {
    pub(super) wrote_quote: &'q mut bool,
}

impl Formatter for DoubledQuotes<'_> {
    #[inline]
    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        *self.wrote_quote = true;
        writer.write_all(b"\"\"")
    }

    #[inline]
    fn end_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\"\"")
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        match escape {
            CharEscape::Quote => writer.write_all(b"\\\"\""),
            other => CompactFormatter.write_char_escape(writer, other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the value, the output is serde_json's with each `"` doubled.
    #[test]
    fn is_json_with_every_quote_doubled() {
        let values = [
            serde_json::json!([]),
            serde_json::json!([1, 2.5, null, true]),
            serde_json::json!(["a", "say \"hi\"", "back\\slash", "tab\tnew\nline\u{1}"]),
            serde_json::json!([{"name": "Ibuprofen", "dose": {"mg": 400}}, {"q\"key": "ö"}]),
        ];
        for value in values {
            let mut wrote_quote = false;
            let mut out = Vec::new();
            let formatter = DoubledQuotes {
                wrote_quote: &mut wrote_quote,
            };
            let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
            serde::Serialize::serialize(&value, &mut serializer).unwrap();
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), json.replace('"', "\"\""));
            assert_eq!(wrote_quote, json.contains('"'), "{json}");
        }
    }
}
