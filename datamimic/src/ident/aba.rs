//! ABA routing transit numbers: nine digits, the first two in a Federal Reserve range, with the
//! checksum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
//!
//! ```
//! use datamimic::{MimicRng, ident::aba};
//! let routing = aba::generate(&mut MimicRng::seed_from_u64(4));
//! assert!(aba::is_valid(&routing));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::{IdError, digits};
use crate::sample::below;

const WHAT: &str = "ABA routing number";

/// Valid first two digits: 00 (US government), 01-12 (Federal Reserve districts), 21-32
/// (thrifts), 61-72 (electronic transactions), 80 (traveler's cheques).
fn prefix_is_valid(prefix: u32) -> bool {
    matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80)
}

/// The 38 valid prefixes, in order.
const PREFIXES: [u8; 38] = {
    let mut out = [0u8; 38];
    let mut i = 0;
    let mut p = 0u8;
    while p <= 80 {
        if matches!(p, 0..=12 | 21..=32 | 61..=72 | 80) {
            out[i] = p;
            i += 1;
        }
        p += 1;
    }
    out
};

/// A random routing number, uniform over all valid ones.
///
/// ```
/// use datamimic::{MimicRng, ident::aba};
/// assert_eq!(aba::generate(&mut MimicRng::seed_from_u64(1)).len(), 9);
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    // One draw for prefix and the six free digits.
    let x = below(rng, PREFIXES.len() as u64 * digits::pow10(6));
    let mut number = String::with_capacity(9);
    digits::push_padded(
        &mut number,
        u64::from(PREFIXES[(x / digits::pow10(6)) as usize]),
        2,
    );
    digits::push_padded(&mut number, x % digits::pow10(6), 6);
    let check = check_digit_ascii(number.as_bytes());
    number.push(char::from(b'0' + check));
    number
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::aba::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::aba};
///
/// #[derive(Mimic)]
/// struct Bank {
///     #[mimic(with = aba::mimic)]
///     routing_number: String,
/// }
///
/// let record = Service::<Bank>::new().seed(1).record(0);
/// assert!(aba::is_valid(&record.routing_number));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// The ninth digit for the first eight, or `None` if `first_eight` is not eight ASCII digits.
///
/// ```
/// use datamimic::ident::aba;
/// assert_eq!(aba::check_digit("01100001"), Some(5));
/// ```
pub fn check_digit(first_eight: &str) -> Option<u8> {
    (first_eight.len() == 8 && first_eight.bytes().all(|b| b.is_ascii_digit()))
        .then(|| check_digit_ascii(first_eight.as_bytes()))
}

/// Checks a routing number: nine digits, a valid Federal Reserve prefix, and the checksum.
///
/// ```
/// use datamimic::ident::{IdError, aba};
/// assert_eq!(aba::validate("011000015"), Ok(()));
/// assert_eq!(aba::validate("011000016"), Err(IdError::Checksum { what: "ABA routing number" }));
/// assert!(matches!(aba::validate("501000019"), Err(IdError::NotIssued { .. })));
/// ```
pub fn validate(routing: &str) -> Result<(), IdError> {
    digits::all_digits(routing, WHAT)?;
    digits::exact_length(routing, 9, WHAT)?;
    let b = routing.as_bytes();
    if !prefix_is_valid(digits::value(b[0]) * 10 + digits::value(b[1])) {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "the first two digits must be 00-12, 21-32, 61-72 or 80",
        });
    }
    if check_digit_ascii(&b[..8]) != b[8] - b'0' {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `routing`.
///
/// ```
/// use datamimic::ident::aba;
/// assert!(aba::is_valid("021000021"));
/// assert!(!aba::is_valid("02100002"));
/// ```
pub fn is_valid(routing: &str) -> bool {
    validate(routing).is_ok()
}

/// d9 has weight 1, so it is whatever brings the weighted sum of d1..d8 to a multiple of 10.
fn check_digit_ascii(first_eight: &[u8]) -> u8 {
    let d = |i: usize| digits::value(first_eight[i]);
    let sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5));
    ((10 - sum % 10) % 10) as u8
}
