//! German health insurance numbers (Krankenversichertennummer, the unchangeable part on the
//! electronic health card): an upper-case letter, eight digits and a check digit, such as
//! `A123456780`.
//!
//! The check digit: the letter becomes its two-digit position in the alphabet (`A` = `01`),
//! the ten digits are weighted 1 2 1 2 ..., the digit sums of the products are added, and the
//! check digit is the sum modulo 10 (GKV-Spitzenverband, Richtlinien nach § 290 SGB V).
//!
//! ```
//! use datamimic::{MimicRng, ident::kvnr};
//! let number = kvnr::generate(&mut MimicRng::seed_from_u64(1));
//! assert!(kvnr::is_valid(&number));
//! assert!(kvnr::is_valid("A123456780"));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::IdError;
use crate::ident::digits::{self, cross_sums};
use crate::sample::below;

const WHAT: &str = "health insurance number";

/// Weights 1 and 2 for a pair of digits.
const W12: [u8; 100] = cross_sums(1, 2);

/// A random number, uniform over the letters and the eight digits.
///
/// ```
/// use datamimic::{MimicRng, ident::kvnr};
/// let number = kvnr::generate(&mut MimicRng::seed_from_u64(2));
/// assert_eq!(number.len(), 10);
/// assert!(number.as_bytes()[0].is_ascii_uppercase());
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    generate_bytes(rng).into_iter().map(char::from).collect()
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::kvnr::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::kvnr};
///
/// #[derive(Mimic)]
/// struct Member {
///     #[mimic(with = kvnr::mimic)]
///     kvnr: String,
/// }
///
/// let record = Service::<Member>::new().seed(1).record(0);
/// assert!(kvnr::is_valid(&record.kvnr));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// The ten ASCII characters of [`generate`]'s number: one draw for the letter and the body.
pub(crate) fn generate_bytes<R: Rng + ?Sized>(rng: &mut R) -> [u8; 10] {
    let x = below(rng, 26 * 100_000_000);
    let (position, body) = ((x / 100_000_000) as u32 + 1, (x % 100_000_000) as u32);
    let fields = [
        position,
        body / 1_000_000,
        body / 10_000 % 100,
        body / 100 % 100,
        body % 100,
    ];
    let mut out = [0u8; 10];
    out[0] = b'A' + position as u8 - 1;
    for (slot, &field) in out[1..9].chunks_exact_mut(2).zip(&fields[1..]) {
        slot.copy_from_slice(&digits::pair(field));
    }
    out[9] = b'0' + check_of_fields(fields);
    out
}

/// The check digit for the letter and the eight digits, or `None` if `first_nine` is not an
/// upper-case ASCII letter followed by eight ASCII digits.
///
/// ```
/// use datamimic::ident::kvnr;
/// assert_eq!(kvnr::check_digit("A12345678"), Some(0));
/// assert_eq!(kvnr::check_digit("a12345678"), None);
/// ```
pub fn check_digit(first_nine: &str) -> Option<u8> {
    let b = first_nine.as_bytes();
    (b.len() == 9 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)).then(
        || {
            let pair = |i: usize| digits::value(b[i]) * 10 + digits::value(b[i + 1]);
            check_of_fields([
                u32::from(b[0] - b'A' + 1),
                pair(1),
                pair(3),
                pair(5),
                pair(7),
            ])
        },
    )
}

/// The ten digits as five two-digit fields, each weighted 1 2.
fn check_of_fields(fields: [u32; 5]) -> u8 {
    let sum: u32 = fields.iter().map(|&f| u32::from(W12[f as usize])).sum();
    (sum % 10) as u8
}

/// Checks a health insurance number: an upper-case letter, eight digits and the check digit.
///
/// ```
/// use datamimic::ident::{IdError, kvnr};
/// assert_eq!(kvnr::validate("A123456780"), Ok(()));
/// assert_eq!(kvnr::validate("A123456781"), Err(IdError::Checksum { what: "health insurance number" }));
/// assert!(matches!(kvnr::validate("1123456780"), Err(IdError::Character { index: 0, .. })));
/// ```
pub fn validate(number: &str) -> Result<(), IdError> {
    digits::exact_length(number, 10, WHAT)?;
    let b = number.as_bytes();
    if !b[0].is_ascii_uppercase() {
        return Err(IdError::Character {
            what: WHAT,
            index: 0,
            found: number.chars().next().unwrap_or('\u{FFFD}'),
            expected: "an upper-case letter",
        });
    }
    digits::all_digits(&number[1..], WHAT).map_err(|e| match e {
        IdError::Character {
            what,
            index,
            found,
            expected,
        } => IdError::Character {
            what,
            index: index + 1,
            found,
            expected,
        },
        other => other,
    })?;
    if check_digit(&number[..9]) != Some(b[9] - b'0') {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `number`.
///
/// ```
/// use datamimic::ident::kvnr;
/// assert!(kvnr::is_valid("A123456780"));
/// assert!(!kvnr::is_valid("A12345678"));
/// ```
pub fn is_valid(number: &str) -> bool {
    validate(number).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;
    use proptest::prelude::*;

    /// The rule digit by digit: the letter's two digits, then the eight, weighted 1 2 1 2 ...
    fn by_digits(number: &str) -> u8 {
        let b = number.as_bytes();
        let letter = u32::from(b[0] - b'A' + 1);
        let values = [letter / 10, letter % 10]
            .into_iter()
            .chain(b[1..9].iter().map(|&c| u32::from(c - b'0')));
        (digits::sum_of_product_digits(values, [1, 2].into_iter().cycle()) % 10) as u8
    }

    proptest! {
        #[test]
        fn every_generated_number_is_valid(seed in any::<u64>()) {
            let number = generate(&mut MimicRng::seed_from_u64(seed));
            prop_assert_eq!(validate(&number), Ok(()));
            prop_assert_eq!(number.as_bytes()[9] - b'0', by_digits(&number));
        }

        #[test]
        fn a_changed_digit_is_caught(seed in any::<u64>(), at in 1usize..10, delta in 1u8..10) {
            let mut number = generate_bytes(&mut MimicRng::seed_from_u64(seed));
            number[at] = b'0' + (number[at] - b'0' + delta) % 10;
            prop_assert!(!is_valid(std::str::from_utf8(&number).unwrap()));
        }
    }

    #[test]
    fn worked_example() {
        // A = 01: digits 0 1 1 2 3 4 5 6 7 8, products 0 2 1 4 3 8 5 12 7 16, digit sums 40.
        assert_eq!(by_digits("A123456780"), 0);
        assert!(is_valid("A123456780"));
    }
}
