//! Exact decimal weights.
//!
//! Weights such as `37.4`, `0.0025` or `2501922` are parsed as decimal digits, never through
//! floats, and a table's weights are scaled by a common power of ten into integers.

/// The most decimal places a weight may have.
const MAX_DECIMALS: u32 = 18;

/// One parsed weight: `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalWeight {
    /// All digits of the weight, as an integer.
    pub mantissa: u128,
    /// How many of them follow the decimal point.
    pub decimals: u32,
}

/// Parses a non-negative plain decimal (`37.4`, `0.0025`, `2501922`, `.5`, `3.`), or says why
/// the cell is not one.
pub fn parse_decimal_weight(cell: &str) -> Result<DecimalWeight, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err("missing weight".to_owned());
    }
    if text.starts_with('-') && text.len() > 1 {
        return Err(format!(
            "weight `{text}` is negative; weights must be non-negative"
        ));
    }
    let lower = text.to_ascii_lowercase();
    if ["nan", "+nan", "inf", "+inf", "infinity", "+infinity"].contains(&lower.as_str()) {
        return Err(format!("weight `{text}` is not a finite number"));
    }
    let digits = text.strip_prefix('+').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!(
            "weight `{text}` is not a non-negative decimal number (for example `37.4` or `2501922`)"
        ));
    }
    let fraction = fraction.trim_end_matches('0');
    let decimals = fraction.len() as u32;
    if decimals > MAX_DECIMALS {
        return Err(format!(
            "weight `{text}` has more than {MAX_DECIMALS} decimal places"
        ));
    }
    let mut mantissa: u128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(b - b'0')))
            .ok_or_else(|| format!("weight `{text}` is too large"))?;
    }
    Ok(DecimalWeight { mantissa, decimals })
}

/// A table's weights as integers with one shared decimal scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weights {
    /// Weight of each row times `10^decimals`.
    pub scaled: Vec<u64>,
    /// The shared number of decimal places.
    pub decimals: u32,
    /// Sum of `scaled`.
    pub total: u64,
}

impl Weights {
    /// Scales parsed weights to a common number of decimals; fails if a scaled weight or their
    /// sum does not fit in 64 bits.
    pub fn scale(weights: &[DecimalWeight]) -> Result<Weights, String> {
        let decimals = weights.iter().map(|w| w.decimals).max().unwrap_or(0);
        let mut scaled = Vec::with_capacity(weights.len());
        let mut total: u64 = 0;
        for w in weights {
            let factor = 10u128.pow(decimals - w.decimals);
            let value = w
                .mantissa
                .checked_mul(factor)
                .and_then(|v| u64::try_from(v).ok())
                .ok_or_else(too_large)?;
            total = total.checked_add(value).ok_or_else(too_large)?;
            scaled.push(value);
        }
        Ok(Weights {
            scaled,
            decimals,
            total,
        })
    }

    /// The total weight as an exact decimal string (`2501922`, `100.5`).
    pub fn total_display(&self) -> String {
        format_scaled(self.total, self.decimals)
    }
}

fn too_large() -> String {
    "the weights are too large or too precise: after scaling to a common number of decimal \
     places, their sum must stay below 2^64"
        .to_owned()
}

/// Formats `value / 10^decimals` exactly, without trailing zeros.
pub(crate) fn format_scaled(value: u64, decimals: u32) -> String {
    if decimals == 0 {
        return value.to_string();
    }
    let digits = format!("{value:0>width$}", width = decimals as usize + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> DecimalWeight {
        parse_decimal_weight(s).unwrap()
    }

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(
            w("37.4"),
            DecimalWeight {
                mantissa: 374,
                decimals: 1
            }
        );
        assert_eq!(
            w("0.0025"),
            DecimalWeight {
                mantissa: 25,
                decimals: 4
            }
        );
        assert_eq!(
            w("2501922"),
            DecimalWeight {
                mantissa: 2501922,
                decimals: 0
            }
        );
        assert_eq!(
            w("1.50"),
            DecimalWeight {
                mantissa: 15,
                decimals: 1
            }
        );
        assert_eq!(
            w(" 38"),
            DecimalWeight {
                mantissa: 38,
                decimals: 0
            }
        );
    }

    #[test]
    fn rejects_what_is_not_a_weight() {
        for (cell, needle) in [
            ("", "missing"),
            ("-1", "negative"),
            ("NaN", "finite"),
            ("inf", "finite"),
            ("abc", "not a non-negative decimal"),
            ("1e5", "not a non-negative decimal"),
            ("1,5", "not a non-negative decimal"),
            (".", "not a non-negative decimal"),
        ] {
            let err = parse_decimal_weight(cell).unwrap_err();
            assert!(err.contains(needle), "{cell:?}: {err}");
        }
    }

    #[test]
    fn scales_to_a_common_decimal_point() {
        let weights = Weights::scale(&[w("37.4"), w("0.0025"), w("2")]).unwrap();
        assert_eq!(weights.scaled, vec![374000, 25, 20000]);
        assert_eq!(weights.decimals, 4);
        assert_eq!(weights.total_display(), "39.4025");
        assert!(Weights::scale(&[w("18446744073709551615"), w("1")]).is_err());
    }

    #[test]
    fn formats_scaled_values() {
        assert_eq!(format_scaled(5, 3), "0.005");
        assert_eq!(format_scaled(1000, 3), "1");
        assert_eq!(format_scaled(1234, 2), "12.34");
    }
}
