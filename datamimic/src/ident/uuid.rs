//! UUIDs of version 4 (RFC 9562): 122 random bits with the version nibble `4` and the RFC
//! variant bits `10`, written `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` in lower-case hex.
//!
//! ```
//! use datamimic::{MimicRng, ident::uuid};
//! let id = uuid::generate(&mut MimicRng::seed_from_u64(1));
//! assert_eq!(id.len(), 36);
//! assert_eq!(&id[14..15], "4");
//! assert!(uuid::is_valid(&id));
//! ```

use std::fmt;

use rand::Rng;

use crate::Context;
use crate::ident::IdError;

const WHAT: &str = "UUID";

/// Where the hyphens stand.
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

/// A random version-4 UUID, uniform over all of them.
///
/// ```
/// use datamimic::{MimicRng, ident::uuid};
/// let mut rng = MimicRng::seed_from_u64(2);
/// assert_ne!(uuid::generate(&mut rng), uuid::generate(&mut rng));
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut text = String::with_capacity(36);
    write(&mut text, generate_bits(rng)).expect("a String takes any text");
    text
}

/// The 128 bits of [`generate`]'s UUID: two draws, the first the high half.
///
/// ```
/// use datamimic::{MimicRng, ident::uuid};
/// let bits = uuid::generate_bits(&mut MimicRng::seed_from_u64(3));
/// assert_eq!(bits >> 76 & 0xF, 4);
/// ```
pub fn generate_bits<R: Rng + ?Sized>(rng: &mut R) -> u128 {
    let high = u128::from(rng.next_u64());
    version_4(high << 64 | u128::from(rng.next_u64()))
}

/// `bits` with the version nibble set to 4 and the variant bits to `10`: a version-4 UUID
/// made from any 128 bits (random or derived).
///
/// ```
/// use datamimic::ident::uuid;
/// let mut text = String::new();
/// uuid::write(&mut text, uuid::version_4(0))?;
/// assert_eq!(text, "00000000-0000-4000-8000-000000000000");
/// # Ok::<(), std::fmt::Error>(())
/// ```
pub fn version_4(bits: u128) -> u128 {
    // Version in bits 76-79, RFC variant in bits 62-63.
    let cleared = bits & !(0xF << 76) & !(0x3 << 62);
    cleared | (0x4 << 76) | (0x2 << 62)
}

/// Writes `bits` as a UUID: 32 lower-case hex digits in groups of 8, 4, 4, 4 and 12.
pub fn write(out: &mut impl fmt::Write, bits: u128) -> fmt::Result {
    write!(
        out,
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        (bits >> 96) as u32,
        (bits >> 80) as u16,
        (bits >> 64) as u16,
        (bits >> 48) as u16,
        bits & 0xFFFF_FFFF_FFFF
    )
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::uuid::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::uuid};
///
/// #[derive(Mimic)]
/// struct Event {
///     #[mimic(with = uuid::mimic)]
///     id: String,
/// }
///
/// assert!(uuid::is_valid(&Service::<Event>::new().seed(1).record(0).id));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// Checks a UUID in its hyphenated form (hex digits of either case): version 1 to 8 and the
/// RFC variant, or the nil and max UUIDs.
///
/// ```
/// use datamimic::ident::{IdError, uuid};
/// assert_eq!(uuid::validate("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"), Ok(()));
/// assert_eq!(uuid::validate("00000000-0000-0000-0000-000000000000"), Ok(()));
/// assert!(matches!(uuid::validate("f81d4fae7dec11d0a76500a0c91e6bf6"), Err(IdError::Length { .. })));
/// assert!(matches!(uuid::validate("f81d4fae-7dec-11d0-c765-00a0c91e6bf6"), Err(IdError::NotIssued { .. })));
/// ```
pub fn validate(uuid: &str) -> Result<(), IdError> {
    crate::ident::digits::exact_length(uuid, 36, WHAT)?;
    for (index, found) in uuid.chars().enumerate() {
        let ok = if HYPHENS.contains(&index) {
            found == '-'
        } else {
            found.is_ascii_hexdigit()
        };
        if !ok {
            return Err(IdError::Character {
                what: WHAT,
                index,
                found,
                expected: if HYPHENS.contains(&index) {
                    "a hyphen"
                } else {
                    "a hex digit"
                },
            });
        }
    }
    let hex: String = uuid.chars().filter(|&c| c != '-').collect();
    let bits = u128::from_str_radix(&hex, 16).unwrap_or_default();
    if bits == 0 || bits == u128::MAX {
        return Ok(());
    }
    let version = bits >> 76 & 0xF;
    let variant = bits >> 62 & 0x3;
    if !(1..=8).contains(&version) || variant != 0x2 {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "the version must be 1 to 8 and the variant that of RFC 9562",
        });
    }
    Ok(())
}

/// Whether [`validate`] accepts `uuid`.
///
/// ```
/// use datamimic::ident::uuid;
/// assert!(uuid::is_valid("3f2b8c1e-9a4d-4c7e-8b12-5d6e7f809a1b"));
/// assert!(!uuid::is_valid("3f2b8c1e-9a4d-4c7e-8b12-5d6e7f809a1"));
/// ```
pub fn is_valid(uuid: &str) -> bool {
    validate(uuid).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_generated_uuid_is_valid_and_version_4(seed in any::<u64>()) {
            let id = generate(&mut MimicRng::seed_from_u64(seed));
            prop_assert_eq!(validate(&id), Ok(()));
            prop_assert_eq!(&id[14..15], "4");
            prop_assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
        }

        #[test]
        fn version_4_keeps_the_other_122_bits(bits in any::<u128>()) {
            let mask = !(0xF << 76) & !(0x3 << 62);
            prop_assert_eq!(version_4(bits) & mask, bits & mask);
        }
    }

    #[test]
    fn rfc_example() {
        // The version-1 example UUID of RFC 4122 and RFC 9562.
        assert!(is_valid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
        assert!(is_valid("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"));
    }
}
