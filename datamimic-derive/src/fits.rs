//! Whether what an attribute writes fits the field's type: `range` bounds, `values` and
//! `constant` literals, and text sources. The type is known here only by its name, so these
//! checks cover the primitives, text and the chrono types; anything else is left to the
//! compiler.

use syn::{Lit, Type};

use crate::range::{Bound, RangeSpec};

/// What kind of values a field's type holds, as far as its name tells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An integer type with its limits.
    Int {
        name: &'static str,
        min: i128,
        max: i128,
    },
    /// `f32` or `f64`.
    Float {
        name: &'static str,
    },
    Bool,
    Char,
    /// `String`, `&str`, `Cow<str>`.
    Text,
    /// `NaiveDate`.
    Date,
    /// `NaiveDateTime` or `DateTime<Utc>`.
    DateTime,
    /// A type this module does not know.
    Other,
}

const INTEGERS: &[(&str, i128, i128)] = &[
    ("u8", 0, u8::MAX as i128),
    ("u16", 0, u16::MAX as i128),
    ("u32", 0, u32::MAX as i128),
    ("u64", 0, u64::MAX as i128),
    ("usize", 0, u64::MAX as i128),
    ("i8", i8::MIN as i128, i8::MAX as i128),
    ("i16", i16::MIN as i128, i16::MAX as i128),
    ("i32", i32::MIN as i128, i32::MAX as i128),
    ("i64", i64::MIN as i128, i64::MAX as i128),
    ("isize", i64::MIN as i128, i64::MAX as i128),
    ("i128", i128::MIN, i128::MAX),
];

impl Kind {
    pub(crate) fn of(ty: &Type) -> Kind {
        if let Type::Reference(reference) = ty {
            return match Kind::of(&reference.elem) {
                Kind::Text => Kind::Text,
                _ => Kind::Other,
            };
        }
        let Type::Path(path) = ty else {
            return Kind::Other;
        };
        let Some(last) = path.path.segments.last() else {
            return Kind::Other;
        };
        let name = last.ident.to_string();
        if let Some(&(name, min, max)) = INTEGERS.iter().find(|(n, ..)| *n == name) {
            return Kind::Int { name, min, max };
        }
        match name.as_str() {
            "f32" => Kind::Float { name: "f32" },
            "f64" => Kind::Float { name: "f64" },
            "bool" => Kind::Bool,
            "char" => Kind::Char,
            "String" | "str" | "Cow" => Kind::Text,
            "NaiveDate" => Kind::Date,
            "NaiveDateTime" | "DateTime" => Kind::DateTime,
            _ => Kind::Other,
        }
    }

    /// Whether a generated text (`pattern`, `format`, a case conversion) cannot go into it.
    pub(crate) fn refuses_text(self) -> bool {
        !matches!(self, Kind::Text | Kind::Other)
    }
}

/// `a` or `an` before a type name, as it is read aloud.
pub(crate) fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'f']) {
        "an"
    } else {
        "a"
    }
}

/// Why `spec` cannot fill a field of kind `kind` (written `ty`), or `None` when it fits.
pub(crate) fn range_misfit(spec: &RangeSpec, kind: Kind, ty: &str) -> Option<String> {
    let a = article(ty);
    match kind {
        Kind::Int { name, min, max } => {
            for bound in [&spec.low, &spec.high] {
                match bound {
                    Bound::Int(v) if *v < 0 && min == 0 => {
                        return Some(format!("mimic `range` bound `{v}` is negative, but {a} `{ty}` field holds no negative numbers"));
                    }
                    Bound::Int(v) if *v < min || *v > max => {
                        let hint = if !spec.inclusive && *v == max + 1 && bound == &spec.high {
                            format!("; write `..={max}` to include {max}")
                        } else {
                            String::new()
                        };
                        return Some(format!("mimic `range` bound `{v}` does not fit in {a} `{name}` field, which holds {min} to {max}{hint}"));
                    }
                    Bound::Int(_) => {}
                    Bound::Float(text) => {
                        return Some(format!("mimic `range` on {a} `{ty}` field needs whole numbers, but `{text}` is a decimal"));
                    }
                    Bound::Date(..) | Bound::DateTime(..) => {
                        return Some(format!("mimic `range` with dates needs a date field (`NaiveDate`, `NaiveDateTime`, `DateTime<Utc>`), but this field is `{ty}`"));
                    }
                }
            }
            None
        }
        Kind::Float { name } => match (&spec.low, &spec.high) {
            (Bound::Int(low), Bound::Int(high)) => {
                let dots = if spec.inclusive { "..=" } else { ".." };
                Some(format!("mimic `range` on {a} `{ty}` field needs decimal bounds: write `range = \"{low}.0{dots}{high}.0\"`"))
            }
            (Bound::Float(low), Bound::Float(high)) => [low, high]
                .into_iter()
                .find(|text| name == "f32" && !text.parse::<f32>().is_ok_and(f32::is_finite))
                .map(|text| format!("mimic `range` bound `{text}` does not fit in an `f32` field")),
            _ => Some(format!("mimic `range` with dates needs a date field (`NaiveDate`, `NaiveDateTime`, `DateTime<Utc>`), but this field is `{ty}`")),
        },
        Kind::Date => (!matches!(spec.low, Bound::Date(..))).then(|| {
            format!("mimic `range` on {a} `{ty}` field needs dates as bounds: `range = \"1950-01-01..=2000-12-31\"`")
        }),
        Kind::DateTime => (!matches!(spec.low, Bound::DateTime(..))).then(|| {
            format!("mimic `range` on {a} `{ty}` field needs date-times as bounds: `range = \"2024-01-01T00:00:00..2025-01-01T00:00:00\"`")
        }),
        Kind::Bool | Kind::Char | Kind::Text => Some(format!(
            "mimic `range` needs a numeric or date field, but this field is `{ty}`"
        )),
        Kind::Other => None,
    }
}

/// Why the literal `lit` (negated when `negative`) of attribute `attr` cannot be a value of a
/// field of kind `kind` (written `ty`), or `None` when it fits.
pub(crate) fn literal_misfit(
    attr: &str,
    lit: &Lit,
    negative: bool,
    kind: Kind,
    ty: &str,
) -> Option<String> {
    let a = article(ty);
    let written = |digits: &str| {
        if negative {
            format!("-{digits}")
        } else {
            digits.to_owned()
        }
    };
    let wrong_kind = |what: &str| {
        Some(format!(
            "mimic `{attr}` gives {what}, but this field is `{ty}`"
        ))
    };
    match (lit, kind) {
        (_, Kind::Other) => None,
        (Lit::Int(int), Kind::Int { name, min, max }) => {
            let text = written(int.base10_digits());
            match text.parse::<i128>() {
                Ok(v) if v < 0 && min == 0 => Some(format!(
                    "mimic `{attr}` value `{text}` is negative, but {a} `{ty}` field holds no negative numbers"
                )),
                Ok(v) if (min..=max).contains(&v) => None,
                _ => Some(format!(
                    "mimic `{attr}` value `{text}` does not fit in {a} `{name}` field, which holds {min} to {max}"
                )),
            }
        }
        (Lit::Int(int), Kind::Float { .. }) => Some(format!(
            "mimic `{attr}` value `{0}` is a whole number, but {a} `{ty}` field needs a decimal: write `{0}.0`",
            written(int.base10_digits())
        )),
        (Lit::Float(float), Kind::Float { name }) => {
            let text = written(float.base10_digits());
            (name == "f32" && !text.parse::<f32>().is_ok_and(f32::is_finite))
                .then(|| format!("mimic `{attr}` value `{text}` does not fit in an `f32` field"))
        }
        (Lit::Float(float), Kind::Int { .. }) => Some(format!(
            "mimic `{attr}` value `{}` is a decimal, but {a} `{ty}` field holds whole numbers",
            written(float.base10_digits())
        )),
        (Lit::Str(_), Kind::Text) | (Lit::Bool(_), Kind::Bool) | (Lit::Char(_), Kind::Char) => None,
        (Lit::Str(_), _) => wrong_kind("text"),
        (Lit::Int(_) | Lit::Float(_), _) => wrong_kind("a number"),
        (Lit::Bool(_), _) => wrong_kind("`true` or `false`"),
        (Lit::Char(_), _) => wrong_kind("a character"),
        (_, _) => wrong_kind("a literal of another type"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::range::parse_range;

    fn kind(ty: &str) -> Kind {
        Kind::of(&syn::parse_str::<Type>(ty).unwrap())
    }

    fn range(text: &str, ty: &str) -> Option<String> {
        range_misfit(&parse_range(text).unwrap(), kind(ty), ty)
    }

    #[test]
    fn ranges_must_fit_their_type() {
        assert_eq!(range("18..=255", "u8"), None);
        assert!(
            range("18..=300", "u8")
                .unwrap()
                .contains("`300` does not fit")
        );
        assert!(range("0..256", "u8").unwrap().contains("write `..=255`"));
        assert!(range("-5..5", "u32").unwrap().contains("negative"));
        assert_eq!(range("-128..=127", "i8"), None);
        assert!(range("0..100", "f32").unwrap().contains("\"0.0..100.0\""));
        assert_eq!(range("0.0..100", "f32"), None);
        assert!(range("0.5..2", "u8").unwrap().contains("decimal"));
        assert!(range("1..10", "NaiveDate").unwrap().contains("dates"));
        assert!(range("2000-01-01..2001-01-01", "NaiveDateTime").is_some());
        assert_eq!(range("1..10", "Age"), None);
    }

    #[test]
    fn literals_must_fit_their_type() {
        let misfit = |lit: &str, negative: bool, ty: &str| {
            literal_misfit(
                "values",
                &syn::parse_str(lit).unwrap(),
                negative,
                kind(ty),
                ty,
            )
        };
        assert_eq!(misfit("200", false, "u8"), None);
        assert!(misfit("300", false, "u8").unwrap().contains("does not fit"));
        assert!(misfit("1", true, "u64").unwrap().contains("negative"));
        assert!(misfit("1", false, "f32").unwrap().contains("write `1.0`"));
        assert!(
            misfit("\"a\"", false, "u32")
                .unwrap()
                .contains("gives text")
        );
        assert!(
            misfit("3", false, "String")
                .unwrap()
                .contains("gives a number")
        );
        assert_eq!(misfit("\"a\"", false, "&'static str"), None);
        assert_eq!(misfit("\"a\"", false, "Department"), None);
    }
}
