//! The `range` and `len` attribute values: `"18..=67"`, `"-20.0..40.0"`,
//! `"1950-01-01..=2000-12-31"`.

use proc_macro2::TokenStream;
use quote::quote;

/// One bound of a range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Bound {
    /// An integer, as written (with its sign).
    Int(i128),
    /// A float, as written.
    Float(String),
    /// `YYYY-MM-DD`
    Date(i32, u32, u32),
    /// `YYYY-MM-DDTHH:MM:SS`
    DateTime(i32, u32, u32, u32, u32, u32),
}

/// `low..high` or `low..=high`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RangeSpec {
    pub(crate) low: Bound,
    pub(crate) high: Bound,
    pub(crate) inclusive: bool,
}

impl RangeSpec {
    /// Whether this is a range of non-negative integers (a length).
    pub(crate) fn is_count(&self) -> bool {
        matches!((&self.low, &self.high), (Bound::Int(a), Bound::Int(b)) if *a >= 0 && *b >= 0)
    }

    /// Tokens of one bound, as an expression of the field's type.
    pub(crate) fn bound_tokens(bound: &Bound, krate: &TokenStream) -> TokenStream {
        match bound {
            Bound::Int(v) => {
                let lit = proc_macro2::Literal::i128_unsuffixed(v.abs());
                if *v < 0 { quote!(-#lit) } else { quote!(#lit) }
            }
            Bound::Float(text) => {
                let negative = text.starts_with('-');
                let lit: proc_macro2::Literal = text
                    .trim_start_matches('-')
                    .parse()
                    .expect("valid float literal");
                if negative {
                    quote!(-#lit)
                } else {
                    quote!(#lit)
                }
            }
            Bound::Date(y, m, d) => quote!(#krate::__private::date(#y, #m, #d)),
            Bound::DateTime(y, mo, d, h, mi, s) => {
                quote!(#krate::__private::datetime(#y, #mo, #d, #h, #mi, #s))
            }
        }
    }
}

/// Parses a range written in an attribute string, or says what is wrong.
pub(crate) fn parse_range(text: &str) -> Result<RangeSpec, String> {
    let (low, high, inclusive) = if let Some((low, high)) = text.split_once("..=") {
        (low, high, true)
    } else if let Some((low, high)) = text.split_once("..") {
        (low, high, false)
    } else {
        return Err("expected `low..high` or `low..=high`".to_owned());
    };
    let (mut low, mut high) = (parse_bound(low.trim())?, parse_bound(high.trim())?);
    // An integer next to a float is read as a float.
    match (&low, &high) {
        (Bound::Int(v), Bound::Float(_)) => low = Bound::Float(format!("{v}.0")),
        (Bound::Float(_), Bound::Int(v)) => high = Bound::Float(format!("{v}.0")),
        _ => {}
    }
    if std::mem::discriminant(&low) != std::mem::discriminant(&high) {
        return Err(
            "both bounds must be of the same kind (numbers, dates or date-times)".to_owned(),
        );
    }
    let empty = match (&low, &high) {
        (Bound::Int(a), Bound::Int(b)) => {
            if inclusive {
                a > b
            } else {
                a >= b
            }
        }
        (Bound::Float(a), Bound::Float(b)) => {
            let (a, b) = (
                a.parse::<f64>().unwrap_or(0.0),
                b.parse::<f64>().unwrap_or(0.0),
            );
            if inclusive { a > b } else { a >= b }
        }
        (a, b) => {
            let key = |b: &Bound| match *b {
                Bound::Date(y, m, d) => (y, m, d, 0, 0, 0),
                Bound::DateTime(y, m, d, h, mi, s) => (y, m, d, h, mi, s),
                _ => (0, 0, 0, 0, 0, 0),
            };
            if inclusive {
                key(a) > key(b)
            } else {
                key(a) >= key(b)
            }
        }
    };
    if empty {
        return Err("the range is empty: its low bound is above its high bound".to_owned());
    }
    Ok(RangeSpec {
        low,
        high,
        inclusive,
    })
}

fn parse_bound(text: &str) -> Result<Bound, String> {
    if text.is_empty() {
        return Err("both bounds are required".to_owned());
    }
    if let Ok(v) = text.parse::<i128>() {
        return Ok(Bound::Int(v));
    }
    if text.parse::<f64>().is_ok_and(f64::is_finite)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
    {
        let normalized = if text.contains('.') {
            text.to_owned()
        } else {
            format!("{text}.0")
        };
        return Ok(Bound::Float(normalized));
    }
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(format!("`{text}` is not a number or a date (`YYYY-MM-DD`)"));
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(format!("`{text}` is not a number or a date (`YYYY-MM-DD`)"));
    };
    if !valid_date(y, m, d) {
        return Err(format!("`{text}` is not a valid date"));
    }
    let Some(time) = time else {
        return Ok(Bound::Date(y, m, d));
    };
    let parts: Vec<Option<u32>> = time.split(':').map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [Some(h), Some(mi), Some(s)] if *h < 24 && *mi < 60 && *s < 60 => {
            Ok(Bound::DateTime(y, m, d, *h, *mi, *s))
        }
        _ => Err(format!(
            "`{text}` is not a valid date-time (`YYYY-MM-DDTHH:MM:SS`)"
        )),
    }
}

fn valid_date(y: i32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_and_dates() {
        assert_eq!(
            parse_range("18..=67").unwrap(),
            RangeSpec {
                low: Bound::Int(18),
                high: Bound::Int(67),
                inclusive: true
            }
        );
        assert_eq!(
            parse_range("-20.0..40").unwrap().high,
            Bound::Float("40.0".into())
        );
        assert_eq!(
            parse_range("1950-01-01..=2000-12-31").unwrap().low,
            Bound::Date(1950, 1, 1)
        );
        assert!(
            parse_range("2024-02-30..=2025-01-01")
                .unwrap_err()
                .contains("not a valid date")
        );
        assert!(parse_range("10..5").unwrap_err().contains("empty"));
        assert!(parse_range("a..b").is_err());
        assert!(parse_range("5").is_err());
        assert!(
            parse_range("1..2000-01-01")
                .unwrap_err()
                .contains("same kind")
        );
    }
}
