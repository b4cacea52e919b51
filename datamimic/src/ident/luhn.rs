//! The Luhn (mod 10) check digit: card numbers, NPIs and German account numbers (the
//! Bundesbank's check method 00 is Luhn over the ten-digit account number).

use crate::ident::digits::value;

/// The Luhn check digit to append to `payload`, or `None` when `payload` is empty or not all
/// ASCII digits.
///
/// ```
/// use datamimic::ident::luhn;
/// assert_eq!(luhn::check_digit("411111111111111"), Some(1));
/// assert_eq!(luhn::check_digit("7992739871"), Some(3));
/// assert_eq!(luhn::check_digit("12a"), None);
/// ```
pub fn check_digit(payload: &str) -> Option<u8> {
    if payload.is_empty() || !payload.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(check_digit_ascii(payload.as_bytes()))
}

/// Whether `number` (ASCII digits only, at least two) ends in its Luhn check digit.
///
/// ```
/// use datamimic::ident::luhn;
/// assert!(luhn::is_valid("79927398713"));
/// assert!(!luhn::is_valid("79927398710"));
/// assert!(!luhn::is_valid("7992 7398 713"));
/// ```
pub fn is_valid(number: &str) -> bool {
    number.len() >= 2
        && number.bytes().all(|b| b.is_ascii_digit())
        && sum(number.as_bytes(), false).is_multiple_of(10)
}

/// The check digit of ASCII-digit `payload` (not checked).
pub(crate) fn check_digit_ascii(payload: &[u8]) -> u8 {
    ((10 - sum(payload, true) % 10) % 10) as u8
}

/// The Luhn sum: digits from the right, every second one doubled (the rightmost when
/// `double_rightmost`, i.e. when the check digit is still to come) and reduced by 9.
fn sum(digits: &[u8], double_rightmost: bool) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = value(b);
            if (i % 2 == 0) == double_rightmost {
                if d > 4 { 2 * d - 9 } else { 2 * d }
            } else {
                d
            }
        })
        .sum()
}
