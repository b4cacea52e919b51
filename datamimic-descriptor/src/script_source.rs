//! A script attribute as it is written in the descriptor.
//!
//! XML attribute-value normalisation turns every line break into a space, so a `//` comment
//! in a multi-line script would swallow the rest of the script. The script text is therefore
//! read from the raw attribute, with character and entity references decoded but line breaks
//! kept, and every character remembers its line and column in the descriptor so script
//! errors can point into the file.

use std::sync::Arc;

use crate::descriptor::Pos;

/// A script's text and where each of its characters stands in the descriptor.
#[derive(Debug, Clone)]
pub struct ScriptSource {
    /// The script as written, line breaks kept.
    pub text: String,
    file: Arc<str>,
    /// Per script line, the descriptor `(line, column)` of each character, plus one past the
    /// end of the line.
    lines: Vec<Vec<(u32, u32)>>,
}

impl ScriptSource {
    /// The attribute whose raw value (between the quotes) is `raw` and starts at descriptor
    /// `start`; `normalized` is the parser's value, used as is when `raw` holds a reference
    /// other than the predefined and numeric ones (its positions are then the start).
    pub fn from_attribute(
        file: Arc<str>,
        raw: &str,
        start: (u32, u32),
        normalized: &str,
    ) -> ScriptSource {
        decode(file.clone(), raw, start).unwrap_or_else(|| ScriptSource {
            text: normalized.to_owned(),
            file,
            lines: vec![vec![start; normalized.chars().count() + 1]],
        })
    }

    /// The descriptor position of 1-based script `line` and `column` (rhai's counting); the
    /// script's start when unknown.
    pub fn pos(&self, line: usize, column: usize) -> Pos {
        let (line, col) = self
            .lines
            .get(line.saturating_sub(1))
            .and_then(|l| l.get(column.saturating_sub(1)).or(l.last()))
            .or_else(|| self.lines.first().and_then(|l| l.first()))
            .copied()
            .unwrap_or((1, 1));
        Pos {
            file: self.file.clone(),
            line,
            col,
        }
    }

    /// The source without its first `bytes` bytes of text (blanks and line breaks a script
    /// starts with), positions kept.
    pub fn skip_bytes(mut self, bytes: usize) -> ScriptSource {
        let skipped: Vec<char> = self.text[..bytes].chars().collect();
        for c in skipped {
            if c == '\n' && self.lines.len() > 1 {
                self.lines.remove(0);
            } else if let Some(first) = self.lines.first_mut()
                && first.len() > 1
            {
                first.remove(0);
            }
        }
        self.text.drain(..bytes);
        self
    }

    /// The source with `suffix` appended, its characters placed at the end of the text (a
    /// method call datamimic adds: `Name(args)` becomes `Name(args).generate()`).
    pub fn with_suffix(mut self, suffix: &str) -> ScriptSource {
        let last = self.lines.last_mut().expect("at least one line");
        let end = *last.last().expect("one past the end");
        last.extend(suffix.chars().map(|_| end));
        self.text.push_str(suffix);
        self
    }

    /// The source with bytes `start..end` of the text replaced by `with`, whose characters
    /// take the position of the first replaced one.
    pub fn splice(self, start: usize, end: usize, with: &str) -> ScriptSource {
        // Per character its position, then the one past the end.
        let mut places: Vec<(u32, u32)> = self.lines.into_iter().flatten().collect();
        let first = self.text[..start].chars().count();
        let removed = self.text[start..end].chars().count();
        let at = places.get(first).copied().unwrap_or((1, 1));
        places.splice(first..first + removed, with.chars().map(|_| at));
        let mut text = self.text;
        text.replace_range(start..end, with);
        let mut lines = vec![Vec::new()];
        let mut places = places.into_iter();
        for c in text.chars() {
            let current = lines.last_mut().expect("at least one line");
            current.push(places.next().unwrap_or(at));
            if c == '\n' {
                lines.push(Vec::new());
            }
        }
        let end = places.next().unwrap_or(at);
        lines.last_mut().expect("at least one line").push(end);
        ScriptSource {
            text,
            file: self.file,
            lines,
        }
    }

    /// The script position's character offset into [`ScriptSource::text`].
    pub fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let line = line.checked_sub(1)?;
        let column = column.checked_sub(1)?;
        let before: usize = self.lines.get(..line)?.iter().map(Vec::len).sum();
        // Each earlier line's entry count is its characters plus its line break.
        Some(before + column)
    }
}

fn decode(file: Arc<str>, raw: &str, (mut line, mut col): (u32, u32)) -> Option<ScriptSource> {
    let mut text = String::with_capacity(raw.len());
    let mut lines = vec![Vec::new()];
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        let current = lines.last_mut().expect("at least one line");
        let (decoded, len) = if c == '&' {
            let end = rest.find(';')?;
            (reference(&rest[1..end])?, end + 1)
        } else {
            (c, c.len_utf8())
        };
        let written = rest[..len].chars().count() as u32;
        rest = &rest[len..];
        if c == '\r' && rest.starts_with('\n') {
            col += 1;
            continue;
        }
        text.push(decoded);
        current.push((line, col));
        if c == '\n' {
            line += 1;
            col = 1;
            lines.push(Vec::new());
        } else {
            col += written;
            // A decoded line break (`&#10;`) starts a script line but not a descriptor line.
            if decoded == '\n' {
                lines.push(Vec::new());
            }
        }
    }
    lines
        .last_mut()
        .expect("at least one line")
        .push((line, col));
    Some(ScriptSource { text, file, lines })
}

/// The character of a predefined or numeric reference (`lt`, `#10`, `#x41`).
fn reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_survive_and_positions_follow_the_file() {
        let s = ScriptSource::from_attribute(
            "d.xml".into(),
            "a &lt; 1 // x\n  b",
            (3, 10),
            "a < 1 // x   b",
        );
        assert_eq!(s.text, "a < 1 // x\n  b");
        assert_eq!(s.pos(1, 1).to_string(), "d.xml:3:10");
        // `1` follows the four-character reference.
        assert_eq!(s.pos(1, 5).to_string(), "d.xml:3:17");
        assert_eq!(s.pos(2, 3).to_string(), "d.xml:4:3");
        assert_eq!(s.offset(2, 3), Some(13));
        assert_eq!(s.text.chars().nth(13), Some('b'));
    }

    #[test]
    fn spliced_text_keeps_the_positions_of_the_rest() {
        let s = ScriptSource::from_attribute("d.xml".into(), "g.a +\n g.b", (2, 5), "");
        let s = s.splice(7, 9, "");
        assert_eq!(s.text, "g.a +\n b");
        assert_eq!(s.pos(2, 2).to_string(), "d.xml:3:4");
        let s = s.splice(0, 2, "parent.");
        assert_eq!(s.text, "parent.a +\n b");
        assert_eq!(s.pos(1, 8).to_string(), "d.xml:2:7");
        assert_eq!(s.pos(2, 2).to_string(), "d.xml:3:4");
    }

    #[test]
    fn unknown_entities_fall_back_to_the_parsed_value() {
        let s = ScriptSource::from_attribute("d.xml".into(), "&custom; 1", (1, 5), "x 1");
        assert_eq!(s.text, "x 1");
        assert_eq!(s.pos(1, 3).to_string(), "d.xml:1:5");
    }
}
