//! 32-bit random draws, two from each `next_u64`, for the many small choices of one record.

use rand::Rng;

/// Hands out the two 32-bit halves of each `next_u64` in turn: 32 bits resolve the
/// prevalences and weights of the clinical tables, and a record makes a dozen such choices.
#[derive(Debug, Default)]
pub(crate) struct Halves {
    bits: u64,
    spare: bool,
}

impl Halves {
    /// The largest span [`Halves::below`] is meant for: each value within 1/256 of its share.
    pub(crate) const MAX_SPAN: u64 = 1 << 24;

    /// The next 32 random bits.
    #[inline]
    pub(crate) fn next<R: Rng + ?Sized>(&mut self, rng: &mut R) -> u32 {
        self.spare = !self.spare;
        if self.spare {
            self.bits = rng.next_u64();
            self.bits as u32
        } else {
            (self.bits >> 32) as u32
        }
    }

    /// A uniform integer in `0..span` by multiply-shift: each value's chance is within one
    /// part in `2^32 / span` of the exact one, so use it for spans up to [`Halves::MAX_SPAN`]
    /// (weights, shares, small choices) and full draws for large number spaces.
    #[inline]
    pub(crate) fn below<R: Rng + ?Sized>(&mut self, rng: &mut R, span: u64) -> u64 {
        debug_assert!(span <= 1 << 32);
        self.point_below(rng, span)
    }

    /// A uniform point under `limit` at 32 bits of resolution, for a probability kept in
    /// fixed point (any `limit`).
    #[inline]
    pub(crate) fn point_below<R: Rng + ?Sized>(&mut self, rng: &mut R, limit: u64) -> u64 {
        ((u128::from(self.next(rng)) * u128::from(limit)) >> 32) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn two_halves_per_draw() {
        let mut rng = MimicRng::seed_from_u64(1);
        let whole = MimicRng::seed_from_u64(1).next_u64();
        let mut halves = Halves::default();
        assert_eq!(halves.next(&mut rng), whole as u32);
        assert_eq!(halves.next(&mut rng), (whole >> 32) as u32);
        assert!((0..1000).all(|_| halves.below(&mut rng, 7) < 7));
    }
}
