//! US Medicare Beneficiary Identifiers: eleven characters in the pattern CMS publishes
//! (`1EG4-TE5-MK73`, written without dashes), digits and upper-case letters without S, L, O,
//! I, B and Z. An MBI has no check digit; its rules are the character class of each position.
//!
//! ```
//! use datamimic::{MimicRng, ident::mbi};
//! let id = mbi::generate(&mut MimicRng::seed_from_u64(1));
//! assert_eq!(id.len(), 11);
//! assert!(mbi::is_valid(&id));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::{IdError, digits};
use crate::sample::below;

const WHAT: &str = "MBI";

/// MBI letters: A-Z without S, L, O, I, B and Z.
const LETTERS: &[u8] = b"ACDEFGHJKMNPQRTUVWXY";
const NUMERIC: &[u8] = b"0123456789";
const ALNUM: &[u8] = b"0123456789ACDEFGHJKMNPQRTUVWXY";
const FIRST: &[u8] = b"123456789";

/// What may stand at each position: C (1-9), A (letter), AN (letter or digit), N (digit).
const POSITIONS: [&[u8]; 11] = [
    FIRST, LETTERS, ALNUM, NUMERIC, LETTERS, ALNUM, NUMERIC, LETTERS, LETTERS, NUMERIC, NUMERIC,
];

/// A random MBI, uniform over all of them.
///
/// ```
/// use datamimic::{MimicRng, ident::mbi};
/// let id = mbi::generate(&mut MimicRng::seed_from_u64(2));
/// assert!(!id.contains(['S', 'L', 'O', 'I', 'B', 'Z']));
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    generate_bytes(rng).into_iter().map(char::from).collect()
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::mbi::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::mbi};
///
/// #[derive(Mimic)]
/// struct Beneficiary {
///     #[mimic(with = mbi::mimic)]
///     mbi: String,
/// }
///
/// let record = Service::<Beneficiary>::new().seed(1).record(0);
/// assert!(mbi::is_valid(&record.mbi));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// The eleven ASCII characters of [`generate`]'s MBI: one draw over all MBIs, decoded position
/// by position (mixed radix).
pub(crate) fn generate_bytes<R: Rng + ?Sized>(rng: &mut R) -> [u8; 11] {
    let total: u64 = POSITIONS.iter().map(|p| p.len() as u64).product();
    let mut x = below(rng, total);
    let mut out = [0u8; 11];
    for (slot, alphabet) in out.iter_mut().zip(POSITIONS) {
        let base = alphabet.len() as u64;
        *slot = alphabet[(x % base) as usize];
        x /= base;
    }
    out
}

/// Checks an MBI, written as eleven characters or with dashes after the fourth and the
/// seventh (`1EG4-TE5-MK73`): each position of its class.
///
/// ```
/// use datamimic::ident::{IdError, mbi};
/// assert_eq!(mbi::validate("1EG4-TE5-MK73"), Ok(()));
/// assert_eq!(mbi::validate("1EG4TE5MK73"), Ok(()));
/// assert!(matches!(mbi::validate("0EG4TE5MK73"), Err(IdError::Character { index: 0, .. })));
/// assert!(matches!(mbi::validate("1SG4TE5MK73"), Err(IdError::Character { index: 1, .. })));
/// ```
pub fn validate(mbi: &str) -> Result<(), IdError> {
    let b = mbi.as_bytes();
    let compact = if b.len() == 13 && b[4] == b'-' && b[8] == b'-' {
        format!("{}{}{}", &mbi[..4], &mbi[5..8], &mbi[9..])
    } else {
        mbi.to_owned()
    };
    digits::exact_length(&compact, 11, WHAT)?;
    for (index, (found, alphabet)) in compact.chars().zip(POSITIONS).enumerate() {
        if !found.is_ascii() || !alphabet.contains(&(found as u8)) {
            return Err(IdError::Character {
                what: WHAT,
                index,
                found,
                expected: match alphabet.len() {
                    9 => "a digit 1-9",
                    10 => "a digit",
                    20 => "an upper-case letter other than S, L, O, I, B and Z",
                    _ => "a digit or an upper-case letter other than S, L, O, I, B and Z",
                },
            });
        }
    }
    Ok(())
}

/// Whether [`validate`] accepts `mbi`.
///
/// ```
/// use datamimic::ident::mbi;
/// assert!(mbi::is_valid("1EG4TE5MK73"));
/// assert!(!mbi::is_valid("1EG4TE5MK7"));
/// ```
pub fn is_valid(mbi: &str) -> bool {
    validate(mbi).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_generated_mbi_is_valid(seed in any::<u64>()) {
            let id = generate(&mut MimicRng::seed_from_u64(seed));
            prop_assert_eq!(validate(&id), Ok(()));
        }
    }

    #[test]
    fn the_cms_example_is_valid() {
        // The example MBI of CMS's "Understanding the MBI format".
        assert!(is_valid("1EG4-TE5-MK73"));
        assert!(!is_valid("1EG4-TE5-MK7S"));
    }
}
