//! TXT output as DATAMIMIC writes it: one line per record, `NAME: {record}`, the record in
//! Python's `repr` (`{'id': 1, 'name': 'Ann', 'vip': True, 'note': None}`). The sink writes
//! the `NAME: ` prefix ([`crate::sink`]); this module writes the record.
//!
//! Strings are quoted and escaped as Python's `repr` does (single quotes unless the text holds
//! a single quote and no double one; `\\`, `\n`, `\r`, `\t` and other control characters
//! escaped), so no record spans two lines. Floats are Python's shortest form (`1.0`, `1e+16`,
//! `1.5e-05`).

use serde::Serialize;
use serde_json::Value;

/// Appends `record` in Python `repr` form and a line break.
pub fn write_record<R: Serialize + ?Sized>(
    record: &R,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    let value = serde_json::to_value(record)?;
    let mut text = String::new();
    repr(&value, &mut text);
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
    Ok(())
}

/// `value` as Python's `repr` writes the equivalent Python value.
pub fn repr(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => out.push_str(&i.to_string()),
            (None, Some(u), _) => out.push_str(&u.to_string()),
            (None, None, Some(f)) => out.push_str(&python_float(f)),
            _ => out.push_str(&n.to_string()),
        },
        Value::String(s) => python_str(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                python_str(key, out);
                out.push_str(": ");
                repr(item, out);
            }
            out.push('}');
        }
    }
}

/// A string literal as Python's `repr` writes it.
fn python_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// A float as Python's `repr` writes it: the shortest digits that read back, positional for
/// exponents from -4 to 15, scientific otherwise.
pub fn python_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // `{:e}` gives the shortest round-trip digits: `-1.5e-5`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exp.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_as_python_writes_them() {
        for (f, python) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345.6, "123456789012345.6"),
            (1e15, "1000000000000000.0"),
            (-1.25e100, "-1.25e+100"),
            (0.0, "0.0"),
        ] {
            assert_eq!(python_float(f), python, "{f}");
        }
    }

    #[test]
    fn records_read_as_python_dicts() {
        let value = serde_json::json!({
            "id": 1, "name": "O'Neil", "q": "say \"hi\"\n", "both": "'\"", "ok": true,
            "none": null, "xs": [1.5, false], "nested": {"a": "b"}
        });
        let mut out = String::new();
        repr(&value, &mut out);
        assert_eq!(
            out,
            r#"{'id': 1, 'name': "O'Neil", 'q': 'say "hi"\n', 'both': '\'"', 'ok': True, 'none': None, 'xs': [1.5, False], 'nested': {'a': 'b'}}"#
        );
    }
}
