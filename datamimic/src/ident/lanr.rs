//! German lifelong physician numbers (Lebenslange Arztnummer, LANR): a six-digit serial, its
//! check digit and a two-digit specialty group, nine digits such as `123456601`.
//!
//! The check digit: the six serial digits are weighted 4 9 4 9 4 9, and the check digit tops
//! the sum up to a multiple of ten (KBV, Richtlinie zur Vergabe der Arzt-, Betriebsstätten-
//! sowie der Praxisnetznummern). The KBV's pseudo-number `999999900` passes it.
//!
//! ```
//! use datamimic::{MimicRng, ident::lanr};
//! let number = lanr::generate(&mut MimicRng::seed_from_u64(1), 1);
//! assert!(number.ends_with("01"));
//! assert!(lanr::is_valid(&number));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::{IdError, digits};
use crate::sample::below;

const WHAT: &str = "LANR";

/// A random LANR of specialty group `group` (below 100): a serial from 100000 to 999999.
///
/// ```
/// use datamimic::{MimicRng, ident::lanr};
/// assert_eq!(lanr::generate(&mut MimicRng::seed_from_u64(2), 34).len(), 9);
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R, group: u8) -> String {
    let serial = generate_serial(rng);
    let mut out = String::with_capacity(9);
    digits::push_padded(&mut out, u64::from(serial), 6);
    digits::push_padded(&mut out, u64::from(check_digit_of(serial)), 1);
    digits::push_padded(&mut out, u64::from(group % 100), 2);
    out
}

/// [`generate`] with the record's generator, for a derived field next to the specialty group:
/// `#[mimic(with = datamimic::ident::lanr::mimic(group))]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::lanr};
///
/// #[derive(Mimic)]
/// struct Physician {
///     #[mimic(range = "1..=99")]
///     group: u8,
///     #[mimic(with = lanr::mimic(group))]
///     lanr: String,
/// }
///
/// let record = Service::<Physician>::new().seed(1).record(0);
/// assert!(lanr::is_valid(&record.lanr));
/// assert_eq!(record.lanr[7..].parse::<u8>().unwrap(), record.group);
/// ```
pub fn mimic(ctx: &mut Context<'_>, group: &u8) -> String {
    generate(ctx.rng(), *group)
}

/// The serial of [`generate`]'s LANR, uniform over 100000 to 999999.
pub fn generate_serial<R: Rng + ?Sized>(rng: &mut R) -> u32 {
    100_000 + below(rng, 900_000) as u32
}

/// The check digit of the six-digit `serial` (a larger number counts with its last six digits).
///
/// ```
/// use datamimic::ident::lanr;
/// assert_eq!(lanr::check_digit_of(123_456), 6);
/// assert_eq!(lanr::check_digit_of(999_999), 9);
/// ```
pub fn check_digit_of(serial: u32) -> u8 {
    let mut rest = serial;
    let mut sum = 0;
    // From the right the weights are 9 4 9 4 9 4.
    for weight in [9, 4, 9, 4, 9, 4] {
        sum += rest % 10 * weight;
        rest /= 10;
    }
    ((10 - sum % 10) % 10) as u8
}

/// Checks a LANR: nine digits whose seventh is the check digit of the first six.
///
/// ```
/// use datamimic::ident::{IdError, lanr};
/// assert_eq!(lanr::validate("999999900"), Ok(()));
/// assert_eq!(lanr::validate("999999800"), Err(IdError::Checksum { what: "LANR" }));
/// assert!(matches!(lanr::validate("99999990"), Err(IdError::Length { .. })));
/// ```
pub fn validate(number: &str) -> Result<(), IdError> {
    digits::all_digits(number, WHAT)?;
    digits::exact_length(number, 9, WHAT)?;
    let serial = number[..6].parse::<u32>().unwrap_or_default();
    if check_digit_of(serial) != number.as_bytes()[6] - b'0' {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `number`.
///
/// ```
/// use datamimic::ident::lanr;
/// assert!(lanr::is_valid("123456601"));
/// assert!(!lanr::is_valid("123456701"));
/// ```
pub fn is_valid(number: &str) -> bool {
    validate(number).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_generated_number_is_valid(seed in any::<u64>(), group in 0u8..100) {
            let number = generate(&mut MimicRng::seed_from_u64(seed), group);
            prop_assert_eq!(validate(&number), Ok(()));
            prop_assert_eq!(number[7..].parse::<u8>().unwrap(), group);
        }

    }

    #[test]
    fn the_kbv_pseudo_number_is_valid() {
        // 9·4 + 9·9 + 9·4 + 9·9 + 9·4 + 9·9 = 351: check digit 9, group 00.
        assert!(is_valid("999999900"));
    }
}
