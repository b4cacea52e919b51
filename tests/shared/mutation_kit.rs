//! What the two mutation property tests share (descriptors in `datamimic-cli`, dataset CSVs
//! here): where the numbers are, and a repeatable default configuration.

use proptest::test_runner::{Config, RngSeed};

/// Byte ranges of the runs of ASCII digits in `bytes` (char boundaries in UTF-8 text).
pub(crate) fn digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// `cases` fixed cases, so that CI is repeatable; `PROPTEST_CASES` and `PROPTEST_RNG_SEED`
/// explore further.
pub(crate) fn config(cases: u32) -> Config {
    let mut config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(2026);
    }
    config
}
