//! US National Provider Identifiers: ten digits, the first 1 or 2, the last a Luhn check digit
//! computed with the card-issuer prefix `80840` in front (as CMS specifies).
//!
//! ```
//! use datamimic::{MimicRng, ident::npi};
//! let id = npi::generate(&mut MimicRng::seed_from_u64(9));
//! assert!(npi::is_valid(&id));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::{IdError, digits, luhn};
use crate::sample::below;

const WHAT: &str = "NPI";

/// The health-industry card-issuer prefix the NPI check digit is computed under.
const PREFIX: u64 = 80840;

/// A random NPI, uniform over all valid ones (first digit 1 or 2).
///
/// ```
/// use datamimic::{MimicRng, ident::npi};
/// let id = npi::generate(&mut MimicRng::seed_from_u64(1));
/// assert_eq!(id.len(), 10);
/// assert!(id.starts_with('1') || id.starts_with('2'));
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    let body = digits::pow10(8) + below(rng, 2 * digits::pow10(8));
    let mut npi = String::with_capacity(10);
    digits::push_padded(&mut npi, append_check_digit(body), 10);
    npi
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::npi::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::npi};
///
/// #[derive(Mimic)]
/// struct Provider {
///     #[mimic(with = npi::mimic)]
///     npi: String,
/// }
///
/// let record = Service::<Provider>::new().seed(1).record(0);
/// assert!(npi::is_valid(&record.npi));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// The ten-digit NPI of the nine-digit `body`: `body` followed by its check digit; `None` when
/// `body` has more than nine digits.
///
/// ```
/// use datamimic::ident::npi;
/// assert_eq!(npi::with_check_digit(123_456_789), Some(1_234_567_893));
/// assert_eq!(npi::with_check_digit(1_234_567_890), None);
/// ```
pub fn with_check_digit(body: u64) -> Option<u64> {
    (body < digits::pow10(9)).then(|| append_check_digit(body))
}

/// [`with_check_digit`] of a `body` known to be below `10^9`.
pub(crate) fn append_check_digit(body: u64) -> u64 {
    // The prefix goes in front of the nine digits: 14 digits, five groups of three.
    body * 10
        + u64::from(luhn::check_digit_of_width::<5>(
            PREFIX * digits::pow10(9) + body,
        ))
}

/// The check digit for the first nine digits of an NPI, or `None` if `first_nine` is not nine
/// ASCII digits.
///
/// ```
/// use datamimic::ident::npi;
/// assert_eq!(npi::check_digit("123456789"), Some(3));
/// ```
pub fn check_digit(first_nine: &str) -> Option<u8> {
    if first_nine.len() != 9 || !first_nine.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let body = first_nine
        .bytes()
        .fold(0, |n, b| n * 10 + u64::from(b - b'0'));
    Some((append_check_digit(body) % 10) as u8)
}

/// Checks an NPI: ten digits, the first 1 or 2, the Luhn check over `80840` and the number.
///
/// ```
/// use datamimic::ident::{IdError, npi};
/// assert_eq!(npi::validate("1234567893"), Ok(()));
/// assert_eq!(npi::validate("1234567890"), Err(IdError::Checksum { what: "NPI" }));
/// assert!(matches!(npi::validate("3234567893"), Err(IdError::NotIssued { .. })));
/// ```
pub fn validate(npi: &str) -> Result<(), IdError> {
    digits::all_digits(npi, WHAT)?;
    digits::exact_length(npi, 10, WHAT)?;
    if !npi.starts_with(['1', '2']) {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "the first digit must be 1 or 2",
        });
    }
    if check_digit(&npi[..9]) != Some(npi.as_bytes()[9] - b'0') {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `npi`.
///
/// ```
/// use datamimic::ident::npi;
/// assert!(npi::is_valid("1234567893"));
/// assert!(!npi::is_valid("123456789"));
/// ```
pub fn is_valid(npi: &str) -> bool {
    validate(npi).is_ok()
}
