//! `format` strings taken apart at compile time, so the generated code appends literal text
//! and fields directly instead of going through `format_args!` for every record.

use syn::Type;

/// A piece of a `format` string.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Literal text, braces unescaped.
    Text(String),
    /// A placeholder naming a field; `spec` when it says more than the name (`{age:>3}`).
    Field { name: String, spec: bool },
}

/// The pieces of a format string (`{name}`, `{name:>8}`; `{{` and `}}` are escapes), or why
/// it is malformed.
pub(crate) fn parse(format: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => inner.push(c),
                        None => {
                            return Err(
                                "a `{` is not closed; write `{{` for a literal brace".to_owned()
                            );
                        }
                    }
                }
                let name = inner.split(':').next().unwrap_or("").trim();
                if name.is_empty()
                    || !name.chars().all(|c| c.is_alphanumeric() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    return Err(format!(
                        "`{{{inner}}}` must name a field, such as `{{family_name}}`"
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Field {
                    name: name.to_owned(),
                    spec: name != inner,
                });
            }
            '}' => {
                return Err("a `}` has no opening `{`; write `}}` for a literal brace".to_owned());
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// The pieces of `format` when every placeholder is a bare field name; `None` when one carries
/// a format spec, which only `format_args!` can apply, or the string is malformed (reported by
/// the checks).
pub(crate) fn plain_pieces(format: &str) -> Option<Vec<Piece>> {
    parse(format).ok().filter(|pieces| {
        !pieces
            .iter()
            .any(|p| matches!(p, Piece::Field { spec: true, .. }))
    })
}

/// How a field's text is appended, decided from its declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// `&str`: copied.
    Str,
    /// `String`: copied.
    String,
    /// `char`: pushed.
    Char,
    /// A primitive integer: digits written by `itoa`.
    Integer,
    /// Anything else: through `Display`, as `format_args!` would.
    Display,
}

/// The [`TextKind`] of a field declared with type `ty`. Only the plain spellings are
/// recognised; an alias or a path such as `std::string::String` takes the `Display` route,
/// which writes the same text.
pub(crate) fn text_kind(ty: &Type) -> TextKind {
    match ty {
        Type::Reference(reference) if reference.mutability.is_none() => {
            if single_ident(&reference.elem).is_some_and(|ident| ident == "str") {
                TextKind::Str
            } else {
                TextKind::Display
            }
        }
        ty => match single_ident(ty).map(|ident| ident.to_string()).as_deref() {
            Some("String") => TextKind::String,
            Some("char") => TextKind::Char,
            Some(
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize",
            ) => TextKind::Integer,
            _ => TextKind::Display,
        },
    }
}

/// The identifier of a type written as one bare identifier (`String`, `u8`, `str`).
fn single_ident(ty: &Type) -> Option<&syn::Ident> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.get_ident(),
        Type::Group(group) => single_ident(&group.elem),
        Type::Paren(paren) => single_ident(&paren.elem),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> Piece {
        Piece::Field {
            name: name.into(),
            spec: false,
        }
    }

    #[test]
    fn splits_text_and_fields() {
        assert_eq!(
            plain_pieces("{given_name}.{family_name}@example.com"),
            Some(vec![
                field("given_name"),
                Piece::Text(".".into()),
                field("family_name"),
                Piece::Text("@example.com".into()),
            ])
        );
        assert_eq!(
            plain_pieces("{{literal}} {x}}}"),
            Some(vec![
                Piece::Text("{literal} ".into()),
                field("x"),
                Piece::Text("}".into()),
            ])
        );
        assert_eq!(plain_pieces(""), Some(vec![]));
    }

    #[test]
    fn kinds_follow_the_declared_type() {
        let kind = |ty: &str| text_kind(&syn::parse_str(ty).unwrap());
        assert_eq!(kind("&'static str"), TextKind::Str);
        assert_eq!(kind("&str"), TextKind::Str);
        assert_eq!(kind("String"), TextKind::String);
        assert_eq!(kind("char"), TextKind::Char);
        assert_eq!(kind("u64"), TextKind::Integer);
        assert_eq!(kind("i8"), TextKind::Integer);
        assert_eq!(kind("f64"), TextKind::Display);
        assert_eq!(kind("NaiveDate"), TextKind::Display);
        assert_eq!(kind("&mut str"), TextKind::Display);
        assert_eq!(kind("Option<String>"), TextKind::Display);
        assert_eq!(kind("std::string::String"), TextKind::Display);
    }

    #[test]
    fn leaves_specs_and_malformed_strings_to_format_args() {
        assert_eq!(plain_pieces("{age:>3}"), None);
        assert_eq!(plain_pieces("{0}"), None);
        assert_eq!(plain_pieces("{open"), None);
        assert_eq!(plain_pieces("close}"), None);
        assert_eq!(plain_pieces("{}"), None);
        assert_eq!(
            parse("{age:>3}"),
            Ok(vec![Piece::Field {
                name: "age".into(),
                spec: true
            }])
        );
        assert!(parse("{0}").unwrap_err().contains("must name a field"));
        assert!(parse("close}").unwrap_err().contains("no opening"));
    }
}
