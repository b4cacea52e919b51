//! Record ids in UUID form, kept as 128 bits.

use std::fmt;

use crate::MimicRng;

/// An id such as `3f2b8c1e-9a4d-4c7e-8b12-5d6e7f809a1b`: a version-4 UUID layout over 128
/// drawn (or, for table rows, derived) bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RecordId(u128);

impl RecordId {
    /// A random id.
    pub(crate) fn draw(rng: &mut MimicRng) -> RecordId {
        use rand::Rng;
        RecordId::from_bits(u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64()))
    }

    /// The stable id of row `row` of the `country` variant of a table keyed `salt`, so a
    /// company or product has the same id in every record.
    pub(crate) fn of_row(salt: u64, country: &str, row: usize) -> RecordId {
        let code = country.bytes().fold(0u64, |n, b| n << 8 | u64::from(b));
        let seed = salt ^ code << 32 ^ row as u64;
        RecordId::from_bits(u128::from(mix(seed)) << 64 | u128::from(mix(!seed)))
    }

    fn from_bits(bits: u128) -> RecordId {
        // Version 4 in bits 76-79, RFC 4122 variant in bits 62-63.
        let cleared = bits & !(0xF << 76) & !(0x3 << 62);
        RecordId(cleared | (0x4 << 76) | (0x2 << 62))
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
        let v = self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (v >> 96) as u32,
            (v >> 80) as u16,
            (v >> 64) as u16,
            (v >> 48) as u16,
            v & 0xFFFF_FFFF_FFFF
        )
    }
}

impl serde::Serialize for RecordId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
