//! Sharded runs: shard `K/N` of a run of `count` records is one contiguous range of record
//! indices, so N machines (or processes) can each write one shard and the N shards, taken in
//! order, hold exactly the records of the one-machine run with the same seed.
//!
//! Record `i` depends only on the seed and `i` ([`datamimic::Service::record`]), which is what
//! makes a shard computable on its own.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// Shard `index` of `of` (both counted from 1), as `--shard 2/4` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    of: u64,
}

impl Shard {
    /// Shard `index` of `of`; `index` runs from 1 to `of`.
    pub fn new(index: u64, of: u64) -> Result<Shard, String> {
        if of == 0 {
            return Err(format!(
                "`{index}/{of}`: the number of shards must be at least 1"
            ));
        }
        if index == 0 || index > of {
            return Err(format!(
                "`{index}/{of}`: the shard must be between 1 and {of} (shards count from 1)"
            ));
        }
        Ok(Shard { index, of })
    }

    /// The whole run as one shard.
    pub fn whole() -> Shard {
        Shard { index: 1, of: 1 }
    }

    /// The shard's number, from 1.
    pub fn index(self) -> u64 {
        self.index
    }

    /// The number of shards.
    pub fn of(self) -> u64 {
        self.of
    }

    /// The record indices of this shard in a run of `count` records: shards differ in size by
    /// at most one record, and shard `K`'s range ends where shard `K + 1`'s begins.
    pub fn range(self, count: u64) -> Range<u64> {
        let bound = |k: u64| (u128::from(count) * u128::from(k) / u128::from(self.of)) as u64;
        bound(self.index - 1)..bound(self.index)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Reads `K/N`, such as `2/4`.
    fn from_str(text: &str) -> Result<Shard, String> {
        let number = |part: &str| part.trim().parse::<u64>().ok();
        match text.split_once('/') {
            Some((k, n)) => match (number(k), number(n)) {
                (Some(k), Some(n)) => Shard::new(k, n),
                _ => Err(format!(
                    "`{text}` is not a shard: write K/N with whole numbers, such as 2/4"
                )),
            },
            None => Err(format!(
                "`{text}` is not a shard: write K/N (shard K of N, from 1), such as 2/4"
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_k_of_n_and_refuses_the_rest() {
        assert_eq!("2/4".parse::<Shard>(), Shard::new(2, 4));
        assert_eq!("1/1".parse::<Shard>(), Ok(Shard::whole()));
        for bad in [
            "0/4", "5/4", "1/0", "a/b", "2", "2/", "/4", "-1/4", "2/4/8", "",
        ] {
            let err = bad.parse::<Shard>().unwrap_err();
            assert!(err.contains(&format!("`{bad}`")), "{bad}: {err}");
        }
        assert!(
            "0/4"
                .parse::<Shard>()
                .unwrap_err()
                .contains("between 1 and 4")
        );
    }

    #[test]
    fn uneven_counts_split_by_at_most_one_record() {
        let ranges: Vec<_> = (1..=4)
            .map(|k| Shard::new(k, 4).unwrap().range(10))
            .collect();
        assert_eq!(ranges, [0..2, 2..5, 5..7, 7..10]);
        let few: Vec<_> = (1..=4)
            .map(|k| Shard::new(k, 4).unwrap().range(3))
            .collect();
        assert_eq!(few, [0..0, 0..1, 1..2, 2..3]);
        assert_eq!(Shard::new(3, 3).unwrap().range(u64::MAX).end, u64::MAX);
    }

    proptest! {
        #[test]
        fn the_shards_tile_the_run(count in 0u64..1_000_000_000_000, of in 1u64..200) {
            let mut next = 0;
            for k in 1..=of {
                let range = Shard::new(k, of).unwrap().range(count);
                prop_assert_eq!(range.start, next);
                prop_assert!(range.end - range.start <= count / of + 1);
                next = range.end;
            }
            prop_assert_eq!(next, count);
        }
    }
}
