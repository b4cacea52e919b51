//! The Luhn (mod 10) check digit of ISO/IEC 7812: card numbers, NPIs and German account numbers
//! (the Bundesbank's check method 00 is Luhn over the ten-digit account number).
//!
//! One implementation for text and for numbers: the digits are summed three at a time through
//! a table of the Luhn sums of `000` to `999`.

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

/// The Luhn check digit to append to the decimal digits of `payload` (leading zeros add
/// nothing, so they need not be written).
///
/// ```
/// use datamimic::ident::luhn;
/// assert_eq!(luhn::check_digit_of(7_992_739_871), 3);
/// assert_eq!(luhn::check_digit_of(411_111_111_111_111), 1);
/// ```
pub fn check_digit_of(mut payload: u64) -> u8 {
    let mut sum = 0u32;
    let mut group = 0;
    while payload > 0 {
        sum += u32::from(GROUPS[group % 2][(payload % 1000) as usize]);
        payload /= 1000;
        group += 1;
    }
    digit_for(sum)
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
    let bytes = number.as_bytes();
    bytes.len() >= 2
        && bytes.iter().all(u8::is_ascii_digit)
        && check_digit_ascii(&bytes[..bytes.len() - 1]) == value(bytes[bytes.len() - 1]) as u8
}

/// [`check_digit_of`] for a payload of at most `3 * GROUPS_OF_THREE` digits, unrolled for
/// callers that know their payload's length.
#[inline]
pub(crate) fn check_digit_of_width<const GROUPS_OF_THREE: usize>(mut payload: u64) -> u8 {
    let mut sum = 0u32;
    for group in 0..GROUPS_OF_THREE {
        sum += u32::from(GROUPS[group % 2][(payload % 1000) as usize]);
        payload /= 1000;
    }
    digit_for(sum)
}

/// The check digit of ASCII-digit `payload` (not checked), any length.
pub(crate) fn check_digit_ascii(payload: &[u8]) -> u8 {
    let sum = payload
        .rchunks(3)
        .enumerate()
        .map(|(group, chunk)| {
            let n = chunk.iter().fold(0, |n, &b| n * 10 + value(b));
            u32::from(GROUPS[group % 2][n as usize])
        })
        .sum();
    digit_for(sum)
}

/// The digit that tops a Luhn sum up to a multiple of ten.
#[inline]
fn digit_for(sum: u32) -> u8 {
    ((10 - sum % 10) % 10) as u8
}

/// Luhn sums of the three-digit groups `000` to `999`, counted from the right of the payload
/// (whose last digit is doubled, as the check digit follows it): `[0]` for groups that start
/// at an even position (units and hundreds doubled), `[1]` for the others (tens doubled).
const GROUPS: [[u8; 1000]; 2] = {
    const fn term(digit: u32, doubled: bool) -> u32 {
        match (doubled, digit * 2) {
            (false, _) => digit,
            (true, x) if x > 9 => x - 9,
            (true, x) => x,
        }
    }
    let mut groups = [[0u8; 1000]; 2];
    let mut n = 0;
    while n < 1000 {
        let (units, tens, hundreds) = (n % 10, n / 10 % 10, n / 100);
        groups[0][n as usize] =
            (term(units, true) + term(tens, false) + term(hundreds, true)) as u8;
        groups[1][n as usize] =
            (term(units, false) + term(tens, true) + term(hundreds, false)) as u8;
        n += 1;
    }
    groups
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The digit-by-digit definition: from the right, every second digit doubled (starting with
    /// the payload's last), doubled digits above 9 reduced by 9.
    fn by_digits(payload: &str) -> u8 {
        let sum: u32 = payload
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
                if d > 9 { d - 9 } else { d }
            })
            .sum();
        ((10 - sum % 10) % 10) as u8
    }

    proptest! {
        #[test]
        fn text_and_number_agree_with_the_definition(payload in any::<u64>()) {
            let text = payload.to_string();
            let expected = by_digits(&text);
            prop_assert_eq!(check_digit(&text), Some(expected));
            prop_assert_eq!(check_digit_of(payload), expected);
            prop_assert_eq!(check_digit_of_width::<7>(payload), expected);
            // Leading zeros change nothing.
            prop_assert_eq!(check_digit(&format!("000{text}")), Some(expected));
        }

        #[test]
        fn a_number_with_its_check_digit_is_valid(digits in "[0-9]{1,40}") {
            let check = check_digit(&digits).unwrap();
            let number = format!("{digits}{check}");
            prop_assert!(is_valid(&number));
            let wrong = format!("{digits}{}", (check + 1) % 10);
            prop_assert!(!is_valid(&wrong));
        }
    }

    #[test]
    fn published_examples() {
        // The textbook example and the test card numbers the networks publish.
        assert_eq!(check_digit_of(7_992_739_871), 3);
        for number in [
            "79927398713",
            "4111111111111111",
            "378282246310005",
            "6011111111111117",
        ] {
            assert!(is_valid(number), "{number}");
        }
    }
}
