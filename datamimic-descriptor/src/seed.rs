//! Seeds of a run's parts: each generate and variable draws from its own stream, derived from
//! the run seed and the part's label, so that adding a part does not shift the others.

/// A seed for one part of a run (a generate, a variable), from the run seed and a label.
pub fn derive_seed(seed: u64, label: &str) -> u64 {
    derive_seed_from_bytes(seed, label.as_bytes())
}

/// [`derive_seed`] for a label of any bytes (a script's `random.Random(b"..")` seed).
pub fn derive_seed_from_bytes(seed: u64, label: &[u8]) -> u64 {
    // FNV-1a of the label, mixed with the seed by SplitMix64's finaliser.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in label {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut z = seed ^ h;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
