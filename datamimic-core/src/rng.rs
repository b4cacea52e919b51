//! Seeded randomness: one independent xoshiro256++ stream per record.
//!
//! A run's 256-bit key is derived from the `u64` seed by SplitMix64, and record `i`'s
//! generator state is the key mixed with `i` by SplitMix64's output function. Record `i` is
//! therefore the same whatever the thread count, batch size or order in which records are
//! made, and can be made on its own in O(1).
//!
//! Why not ChaCha: a ChaCha stream computes four 64-byte blocks before its first word, about
//! 380 instructions, which is more than a small record spends on everything else. The
//! records of a run need independent, well-mixed streams, not secrecy; xoshiro256++ (Blackman
//! and Vigna 2019) passes BigCrush and PractRand, costs a few instructions per draw, and is
//! written here so that no dependency upgrade can change a seed's values.

use std::convert::Infallible;
use std::fmt;

use rand::TryRng;

/// The stream used by [`MimicRng::seed_from_u64`], kept apart from the record streams.
const FREE_STREAM: u64 = u64::MAX;

/// SplitMix64's increment: the odd integer closest to 2^64 / φ.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// datamimic's random number generator: xoshiro256++ on a state derived from a seed and a
/// record index.
///
/// Implements [`rand::Rng`] (through [`TryRng`]), so every `rand` API works on it; datamimic's
/// own sampling reads only `next_u64`, which keeps seeded values stable across `rand`
/// releases.
///
/// ```
/// use datamimic::MimicRng;
/// use rand::Rng;
/// let mut a = MimicRng::seed_from_u64(42);
/// let mut b = a.clone();
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct MimicRng {
    state: [u64; 4],
}

impl MimicRng {
    /// A generator for `seed`, on a stream that no record uses.
    pub fn seed_from_u64(seed: u64) -> MimicRng {
        RecordStreams::new(seed).record(FREE_STREAM)
    }

    /// The generator of record `index` of a run seeded with `seed`.
    pub fn for_record(seed: u64, index: u64) -> MimicRng {
        RecordStreams::new(seed).record(index)
    }

    /// A generator seeded from the operating system, for unseeded runs.
    pub fn from_os() -> MimicRng {
        // std's hasher keys come from the operating system's random source (once per thread,
        // then stepped), so this needs no random-number crate of its own: rand's `thread_rng`
        // would add ChaCha, getrandom and libc to every user's build.
        use std::hash::{BuildHasher, Hasher};
        let seed = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        MimicRng::seed_from_u64(seed)
    }

    /// The generator with exactly this xoshiro256++ state; an all-zero state, the one state
    /// xoshiro cannot leave, is replaced by a fixed non-zero one.
    pub fn from_state(state: [u64; 4]) -> MimicRng {
        if state == [0; 4] {
            return MimicRng {
                state: [GOLDEN_GAMMA, 0, 0, 0],
            };
        }
        MimicRng { state }
    }

    /// The next 64 random bits: one xoshiro256++ step.
    #[inline(always)]
    fn step(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.state;
        let result = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        self.state = [s0, s1, s2 ^ t, s3.rotate_left(45)];
        result
    }
}

impl TryRng for MimicRng {
    type Error = Infallible;

    /// The high half of a 64-bit draw (xoshiro's strongest bits).
    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok((self.step() >> 32) as u32)
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.step())
    }

    /// Little-endian 64-bit draws, the last one cut to fit.
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let bytes = self.step().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

impl fmt::Debug for MimicRng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MimicRng { .. }")
    }
}

/// The per-record generators of one seeded run.
///
/// ```
/// use datamimic::RecordStreams;
/// use rand::Rng;
/// let streams = RecordStreams::new(7);
/// // Record 5 is the same whether or not records 0..5 were made first.
/// assert_eq!(streams.record(5).next_u64(), RecordStreams::new(7).record(5).next_u64());
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RecordStreams {
    key: [u64; 4],
}

impl RecordStreams {
    /// The streams of the run seeded with `seed`.
    pub fn new(seed: u64) -> RecordStreams {
        let mut state = seed;
        RecordStreams {
            key: std::array::from_fn(|_| splitmix64(&mut state)),
        }
    }

    /// The generator of record `index`: each key word advanced by `index` SplitMix64 steps
    /// and mixed, so neighbouring records start from unrelated states.
    #[inline]
    pub fn record(&self, index: u64) -> MimicRng {
        let offset = index.wrapping_mul(GOLDEN_GAMMA);
        MimicRng::from_state(self.key.map(|k| mix64(k.wrapping_add(offset))))
    }

    /// The streams of the children of record `parent` in the relation tagged `relation`
    /// (one tag per kind of child, so an account's transactions and its cards draw
    /// independent values): a key of their own, mixed from this run's key, the parent index
    /// and the tag, so no child stream repeats a record stream of the run.
    ///
    /// ```
    /// use datamimic::RecordStreams;
    /// use rand::Rng;
    /// let run = RecordStreams::new(7);
    /// let third_child = run.children(1, 5).record(2).next_u64();
    /// assert_eq!(third_child, RecordStreams::new(7).children(1, 5).record(2).next_u64());
    /// assert_ne!(third_child, run.children(2, 5).record(2).next_u64());
    /// ```
    #[inline]
    pub fn children(&self, relation: u64, parent: u64) -> RecordStreams {
        let tag = mix64(relation ^ CHILD_TAG);
        let offset = parent.wrapping_mul(CHILD_GAMMA);
        RecordStreams {
            key: self.key.map(|k| mix64(k.wrapping_add(offset) ^ tag)),
        }
    }
}

/// Kept apart from [`GOLDEN_GAMMA`] so a parent index and a record index never step a key
/// word alike: an odd constant from the fractional digits of √2.
const CHILD_GAMMA: u64 = 0x6A09_E667_F3BC_C909;

/// Marks child keys, so relation 0 of parent 0 is not the run's own key.
const CHILD_TAG: u64 = 0xB7E1_5162_8AED_2A6B;

impl fmt::Debug for RecordStreams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecordStreams { .. }")
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a fixed, well-mixed expansion of the seed.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    mix64(*state)
}

/// SplitMix64's output function: a bijection of `u64` with full avalanche.
#[inline]
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn splitmix_matches_reference_values() {
        // First outputs for seed 0 from the reference implementation.
        let mut state = 0;
        assert_eq!(splitmix64(&mut state), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut state), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn xoshiro_matches_reference_values() {
        // xoshiro256plusplus.c from state {1, 2, 3, 4}.
        let mut rng = MimicRng::from_state([1, 2, 3, 4]);
        let first: Vec<u64> = (0..6).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                41943041,
                58720359,
                3588806011781223,
                3591011842654386,
                9228616714210784205,
                9973669472204895162
            ]
        );
    }

    #[test]
    fn the_all_zero_state_is_replaced() {
        let mut rng = MimicRng::from_state([0; 4]);
        assert_ne!(rng.next_u64() | rng.next_u64(), 0);
    }

    #[test]
    fn fill_bytes_is_little_endian_draws() {
        let mut a = MimicRng::seed_from_u64(9);
        let mut b = a.clone();
        let mut bytes = [0u8; 12];
        a.fill_bytes(&mut bytes);
        assert_eq!(bytes[..8], b.next_u64().to_le_bytes());
        assert_eq!(bytes[8..], b.next_u64().to_le_bytes()[..4]);
    }

    #[test]
    fn records_are_independent_of_order() {
        let streams = RecordStreams::new(1);
        let forward: Vec<u64> = (0..4).map(|i| streams.record(i).next_u64()).collect();
        let backward: Vec<u64> = (0..4).rev().map(|i| streams.record(i).next_u64()).collect();
        assert_eq!(forward, backward.into_iter().rev().collect::<Vec<_>>());
        assert_ne!(forward[0], forward[1]);
    }

    #[test]
    fn clone_continues_at_the_same_position() {
        let mut rng = MimicRng::seed_from_u64(3);
        for _ in 0..17 {
            rng.next_u32();
        }
        let mut copy = rng.clone();
        assert_eq!(rng.next_u64(), copy.next_u64());
    }
}
