//! What XML 1.0 can hold: element text escaped so a parser reads back exactly the value, and
//! element names checked against the `Name` production (without `:`, which namespaces
//! reserve for prefixes).

/// A character XML 1.0 has no way to write, not even as a character reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unwritable(pub char);

/// The bytes [`escape_text`] stops at: markup, `\r` (which a parser would turn into `\n`),
/// the control characters XML forbids and `0xEF`, the lead byte of U+FFFE and U+FFFF.
const STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    stops[b'<' as usize] = true;
    stops[b'>' as usize] = true;
    stops[b'&' as usize] = true;
    stops[b'"' as usize] = true;
    stops[0xEF] = true;
    stops
};

/// Appends `text` as element content: `<`, `>`, `&` and `"` as entities, `\r` as `&#13;`
/// (kept by parsers, where a raw one is normalised away), the runs between them copied whole.
/// Fails on the first character XML 1.0 cannot hold; `out` then holds a partial value.
pub(super) fn escape_text(text: &str, out: &mut Vec<u8>) -> Result<(), Unwritable> {
    let mut rest = text.as_bytes();
    while let Some(at) = rest.iter().position(|&b| STOPS[usize::from(b)]) {
        out.extend_from_slice(&rest[..at]);
        let (replacement, taken): (&[u8], usize) = match rest[at] {
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'&' => (b"&amp;", 1),
            b'"' => (b"&quot;", 1),
            b'\r' => (b"&#13;", 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other EF sequences are text.
            0xEF => match rest.get(at + 1..at + 3) {
                Some([0xBF, last @ (0xBE | 0xBF)]) => {
                    return Err(Unwritable(if *last == 0xBE {
                        '\u{FFFE}'
                    } else {
                        '\u{FFFF}'
                    }));
                }
                _ => (&rest[at..=at], 1),
            },
            control => return Err(Unwritable(char::from(control))),
        };
        out.extend_from_slice(replacement);
        rest = &rest[at + taken..];
    }
    out.extend_from_slice(rest);
    Ok(())
}

/// Whether `name` can be an element's name: an XML 1.0 `Name` without `:`.
pub fn is_element_name(name: &str) -> bool {
    // Nearly every name is plain ASCII.
    let bytes = name.as_bytes();
    if bytes
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    {
        return true;
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// XML 1.0 `NameStartChar`, without `:`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 `NameChar`, without `:`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> Result<String, Unwritable> {
        let mut out = Vec::new();
        escape_text(text, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn markup_and_carriage_returns_are_escaped() {
        assert_eq!(
            escaped("a<b>&\"c'\r\n\t]]>\u{FFFD}\u{FEFF}😀").unwrap(),
            "a&lt;b&gt;&amp;&quot;c'&#13;\n\t]]&gt;\u{FFFD}\u{FEFF}😀"
        );
        assert_eq!(escaped("").unwrap(), "");
    }

    #[test]
    fn characters_xml_forbids_are_refused() {
        for c in (0..0x20u8)
            .map(char::from)
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        {
            assert_eq!(escaped(&format!("ok{c}")), Err(Unwritable(c)), "{c:?}");
        }
        assert_eq!(escaped("x\u{FFFE}"), Err(Unwritable('\u{FFFE}')));
        assert_eq!(escaped("\u{FFFF}y"), Err(Unwritable('\u{FFFF}')));
        assert!(escaped("\u{7F}\u{85}\u{10FFFF}\u{1FFFE}").is_ok());
    }

    #[test]
    fn element_names_follow_the_name_production() {
        for good in ["a", "_x-y.z", "Straße", "名前", "xmlish", "a·b", "é1"] {
            assert!(is_element_name(good), "{good}");
        }
        for bad in [
            "",
            "a²",
            "1st",
            "first name",
            "a:b",
            "-a",
            ".a",
            "a/b",
            "a&b",
        ] {
            assert!(!is_element_name(bad), "{bad}");
        }
    }
}
