//! Properties files (`<include uri="conf/base.properties">`) and the `{name}` placeholders
//! that read them in attribute values (`count="{customer_count}"`).
//!
//! A properties file holds Java-style `key=value` (or `key: value`) lines; blank lines and
//! lines starting with `#` or `!` are ignored, and both sides are trimmed. Escapes and line
//! continuations (`\`) are refused rather than read differently from Java.

use std::collections::HashMap;

/// One `key=value` line, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The key.
    pub key: String,
    /// The value, trimmed.
    pub value: String,
    /// The line it is on.
    pub line: u32,
}

/// A properties file's problem at `line`:`col` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line.
    pub line: u32,
    /// The column (a character count).
    pub col: u32,
    /// What is wrong.
    pub message: String,
}

/// Reads the properties of `text` in order (a later line with the same key wins when they are
/// collected into a map).
pub fn parse(text: &str) -> Result<Vec<Property>, Problem> {
    let mut out = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let line = u32::try_from(number + 1).unwrap_or(u32::MAX);
        let at = |byte: usize, message: String| Problem {
            line,
            col: u32::try_from(raw[..byte].chars().count() + 1).unwrap_or(u32::MAX),
            message,
        };
        let content = raw.trim_start();
        if content.is_empty() || content.starts_with(['#', '!']) {
            continue;
        }
        let indent = raw.len() - content.len();
        if let Some(slash) = raw.find('\\') {
            return Err(at(
                slash,
                "escapes and line continuations (`\\`) are not supported in properties".to_owned(),
            ));
        }
        let Some(split) = content.find(['=', ':']) else {
            return Err(at(
                indent,
                format!("expected `key=value`, got `{}`", content.trim_end()),
            ));
        };
        let key = content[..split].trim();
        if key.is_empty() {
            return Err(at(indent, "a property needs a key before `=`".to_owned()));
        }
        if key.contains(char::is_whitespace) {
            return Err(at(
                indent,
                format!("the key `{key}` contains a space; expected `key=value`"),
            ));
        }
        out.push(Property {
            key: key.to_owned(),
            value: content[split + 1..].trim().to_owned(),
            line,
        });
    }
    Ok(out)
}

/// Replaces every `{name}` of `text` by `values[name]`. On failure: the byte offset in `text`
/// of the bad placeholder and what is wrong.
pub fn substitute(text: &str, values: &HashMap<String, String>) -> Result<String, (usize, String)> {
    if !text.contains(['{', '}']) {
        return Ok(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let offset = text.len() - rest.len() + open;
        if rest[open..].starts_with('}') {
            return Err((offset, "`}` without a matching `{`".to_owned()));
        }
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            return Err((offset, "`{` without a matching `}`".to_owned()));
        };
        let name = rest[open + 1..open + close].trim();
        match values.get(name) {
            Some(value) => out.push_str(value),
            None => {
                let known = if values.is_empty() {
                    "no properties or constant setup variables are defined before it".to_owned()
                } else {
                    let mut names: Vec<&str> = values.keys().map(String::as_str).collect();
                    names.sort_unstable();
                    datamimic_export::suggest::did_you_mean(name, names.iter().copied())
                        .map(|hint| hint.trim_start_matches("; ").to_owned())
                        .unwrap_or_else(|| format!("known: {}", names.join(", ")))
                };
                return Err((
                    offset,
                    format!(
                        "unknown placeholder `{{{name}}}`: not a property or constant setup \
                         variable defined before it ({known})"
                    ),
                ));
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_java_style_lines() {
        let props = parse("# comment\n\n  ! also\ncount = 10\nname:Ann  \nempty=\n").unwrap();
        let pairs: Vec<(&str, &str, u32)> = props
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str(), p.line))
            .collect();
        assert_eq!(
            pairs,
            [("count", "10", 4), ("name", "Ann", 5), ("empty", "", 6)]
        );
        assert_eq!(parse("a=1\n  oops\n").unwrap_err().col, 3);
        assert_eq!(parse("a=1\n  oops\n").unwrap_err().line, 2);
        assert!(parse("=1").is_err());
        assert!(parse("a b=1").is_err());
        assert_eq!(parse("a=c:\\\\x").unwrap_err().col, 5);
    }

    #[test]
    fn placeholders_are_replaced_or_refused() {
        let values = HashMap::from([("n".to_owned(), "7".to_owned())]);
        assert_eq!(substitute("{n}", &values).unwrap(), "7");
        assert_eq!(substitute("a{ n }b{n}", &values).unwrap(), "a7b7");
        assert_eq!(substitute("plain", &values).unwrap(), "plain");
        assert_eq!(substitute("x{m}", &values).unwrap_err().0, 1);
        assert_eq!(substitute("x{n", &values).unwrap_err().0, 1);
        assert_eq!(substitute("n}", &values).unwrap_err().0, 1);
    }
}
