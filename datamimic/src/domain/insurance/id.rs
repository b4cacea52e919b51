//! Record ids in UUID form, kept as 128 bits; the UUID layout is [`crate::ident::uuid`]'s.

use std::fmt;

use crate::MimicRng;
use crate::ident::uuid;

/// An id such as `3f2b8c1e-9a4d-4c7e-8b12-5d6e7f809a1b`: a version-4 UUID layout over 128
/// drawn (or, for table rows, derived) bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RecordId(u128);

impl RecordId {
    /// A random id.
    pub(crate) fn draw(rng: &mut MimicRng) -> RecordId {
        RecordId(uuid::generate_bits(rng))
    }

    /// The stable id of row `row` of the `country` variant of a table keyed `salt`, so a
    /// company or product has the same id in every record.
    pub(crate) fn of_row(salt: u64, country: &str, row: usize) -> RecordId {
        let code = country.bytes().fold(0u64, |n, b| n << 8 | u64::from(b));
        let seed = salt ^ code << 32 ^ row as u64;
        RecordId(uuid::version_4(
            u128::from(mix(seed)) << 64 | u128::from(mix(!seed)),
        ))
    }

    /// The 128 bits.
    pub fn as_u128(&self) -> u128 {
        self.0
    }
}

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        uuid::write(f, self.0)
    }
}

/// A random id in UUID form, one draw from the record's stream.
impl crate::Mimic for RecordId {
    #[inline]
    fn mimic(ctx: &mut crate::Context<'_>) -> RecordId {
        RecordId::draw(ctx.rng())
    }
}

impl serde::Serialize for RecordId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for RecordId {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of table rows are stable across versions (values of the arithmetic before the
    /// UUID layout moved to `ident::uuid`).
    #[test]
    fn row_ids_are_pinned() {
        assert_eq!(
            RecordId::of_row(0xC0_4E_A7, "DE", 3).to_string(),
            "783a4582-c416-4fba-8e94-36396f340e2e"
        );
        assert_eq!(
            RecordId::of_row(0x9D_0C_71, "US", 0).to_string(),
            "1511bb48-a203-41a7-b535-9c27225b924f"
        );
    }

    #[test]
    fn drawn_ids_are_the_uuids_of_ident() {
        let mut a = MimicRng::seed_from_u64(5);
        let mut b = a.clone();
        assert_eq!(RecordId::draw(&mut a).to_string(), uuid::generate(&mut b));
    }
}
