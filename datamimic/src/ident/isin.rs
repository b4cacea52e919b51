//! Securities identifiers: ISINs (ISO 6166) and the CUSIPs US ISINs are built from. An ISIN
//! is a two-letter country code, a nine-character national number (NSIN) and a check digit:
//! the Luhn digit of the characters written as numbers (`A` = 10 ... `Z` = 35). A CUSIP's
//! ninth character is a modulus 10 "double add double" digit over its first eight.
//!
//! ```
//! use datamimic::{MimicRng, ident::isin};
//! let id = isin::generate(&mut MimicRng::seed_from_u64(3), "DE");
//! assert!(id.starts_with("DE000") && isin::is_valid(&id));
//! assert!(isin::is_valid("US0378331005")); // Apple
//! ```

use rand::Rng;

use crate::ident::{IdError, luhn};
use crate::sample::below;

const WHAT: &str = "ISIN";

const ALPHANUMERIC: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The number a digit or upper-case letter stands for: `0`-`9`, then `A` = 10 to `Z` = 35.
fn char_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

/// The check digit of a CUSIP's first eight characters (digits and upper-case letters);
/// `None` for another character.
///
/// ```
/// use datamimic::ident::isin;
/// assert_eq!(isin::cusip_check_digit(b"03783310"), Some(0)); // Apple: 037833100
/// ```
pub fn cusip_check_digit(payload: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, &c) in payload.iter().enumerate() {
        let v = char_value(c)? * if i % 2 == 1 { 2 } else { 1 };
        sum += v / 10 + v % 10;
    }
    Some(((10 - sum % 10) % 10) as u8)
}

/// The check digit of an ISIN's first eleven characters; `None` for a character that is not
/// a digit or upper-case letter.
///
/// ```
/// use datamimic::ident::isin;
/// assert_eq!(isin::check_digit("DE000716460"), Some(0)); // SAP: DE0007164600
/// ```
pub fn check_digit(payload: &str) -> Option<u8> {
    let mut digits = String::with_capacity(2 * payload.len());
    for c in payload.bytes() {
        let value = char_value(c)?;
        if value >= 10 {
            digits.push(char::from(b'0' + (value / 10) as u8));
        }
        digits.push(char::from(b'0' + (value % 10) as u8));
    }
    luhn::check_digit(&digits)
}

/// A random ISIN of `country`: for `DE`, `DE000` and six letters or digits (a WKN), for
/// any other country a `US` ISIN of a random CUSIP of issue number `10` (common stock).
pub fn generate<R: Rng + ?Sized>(rng: &mut R, country: &str) -> String {
    let mut isin = String::with_capacity(12);
    let mut push_random = |isin: &mut String, n: usize| {
        for _ in 0..n {
            isin.push(char::from(ALPHANUMERIC[below(rng, 36) as usize]));
        }
    };
    if country == "DE" {
        isin.push_str("DE000");
        push_random(&mut isin, 6);
    } else {
        isin.push_str("US");
        push_random(&mut isin, 6);
        isin.push_str("10");
        let check = cusip_check_digit(&isin.as_bytes()[2..]).unwrap_or(0);
        isin.push(char::from(b'0' + check));
    }
    let check = check_digit(&isin).unwrap_or(0);
    isin.push(char::from(b'0' + check));
    isin
}

/// Checks length, characters (two letters, nine letters or digits, a digit) and the check
/// digit; for a `US` ISIN also the CUSIP's own check digit.
pub fn validate(isin: &str) -> Result<(), IdError> {
    let bytes = isin.as_bytes();
    if bytes.len() != 12 {
        return Err(IdError::Length {
            what: WHAT,
            found: isin.chars().count(),
            expected: "12".to_owned(),
        });
    }
    for (index, &c) in bytes.iter().enumerate() {
        let (fits, expected) = match index {
            0 | 1 => (c.is_ascii_uppercase(), "an upper-case letter"),
            11 => (c.is_ascii_digit(), "a digit"),
            _ => (
                c.is_ascii_digit() || c.is_ascii_uppercase(),
                "a digit or an upper-case letter",
            ),
        };
        if !fits {
            return Err(IdError::Character {
                what: WHAT,
                index,
                found: isin[index..].chars().next().unwrap_or('?'),
                expected,
            });
        }
    }
    let cusip_fails =
        &isin[..2] == "US" && cusip_check_digit(&bytes[2..10]) != Some(bytes[10] - b'0');
    if cusip_fails || check_digit(&isin[..11]) != Some(bytes[11] - b'0') {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `isin`.
pub fn is_valid(isin: &str) -> bool {
    validate(isin).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn published_identifiers_check_out() {
        // Apple: CUSIP 037833100, ISIN US0378331005; SAP: ISIN DE0007164600.
        assert_eq!(cusip_check_digit(b"03783310"), Some(0));
        assert_eq!(check_digit("US037833100"), Some(5));
        assert_eq!(check_digit("DE000716460"), Some(0));
        assert!(is_valid("US0378331005") && is_valid("DE0007164600"));
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(
            validate("US0378331006"),
            Err(IdError::Checksum { what: WHAT })
        );
        assert!(matches!(
            validate("US037833100"),
            Err(IdError::Length { found: 11, .. })
        ));
        assert!(matches!(
            validate("U10378331005"),
            Err(IdError::Character { index: 1, .. })
        ));
        assert!(matches!(
            validate("US03783310a5"),
            Err(IdError::Character { index: 10, .. })
        ));
        assert_eq!(check_digit("us"), None);
    }

    #[test]
    fn generated_ones_are_valid() {
        let mut rng = MimicRng::seed_from_u64(11);
        for country in ["DE", "US", "FR"] {
            for _ in 0..500 {
                let isin = generate(&mut rng, country);
                assert!(is_valid(&isin), "{isin}");
            }
        }
    }
}
