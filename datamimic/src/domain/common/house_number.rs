//! House numbers: drawn from the country's distribution where it has one
//! (`common/address/house_number`), otherwise by an illustrative rule skewed towards small
//! numbers, as every street starts at 1 and few streets are long.

use rand::Rng;

use crate::Table;
use crate::sample::below;

/// The house numbers of one `common/address/house_number` table, parsed once. A row is one
/// number (`12`, as the Swiss count publishes them) or a range drawn uniformly (`100-199`,
/// where a source counts numbers by band).
#[derive(Debug)]
pub(crate) struct HouseNumbers {
    table: &'static Table,
    /// The first and last number of each row (equal for a single number).
    ranges: Vec<(u16, u16)>,
}

impl HouseNumbers {
    /// Parses `table`'s values. The error names the table and row of a value that is not a
    /// house number (1 to 65,535) or a range of them (`100-199`, first not above last).
    pub(crate) fn new(table: &'static Table) -> Result<HouseNumbers, String> {
        let number = |text: &str| text.parse::<u16>().ok().filter(|&n| n > 0);
        let ranges = (0..table.len())
            .map(|row| {
                let value = table.value(row);
                let range = match value.split_once('-') {
                    Some((first, last)) => number(first)
                        .zip(number(last))
                        .filter(|(first, last)| first <= last),
                    None => number(value).map(|n| (n, n)),
                };
                range.ok_or_else(|| {
                    format!(
                        "{}: row {}: `{value}` is not a house number or a range of them",
                        table.source(),
                        row + 1
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(HouseNumbers { table, ranges })
    }

    /// A house number drawn by the table's weights; within a range row, uniformly.
    #[inline]
    pub(crate) fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> u16 {
        let (first, last) = self.ranges[self.table.sample_index(rng)];
        if first == last {
            first
        } else {
            first + below(rng, u64::from(last - first) + 1) as u16
        }
    }
}

/// Where no distribution is published: the minimum of two uniform draws up to 150 (up to
/// 9,999 in the US, which numbers by block). Illustrative: no statistic is used.
pub(crate) fn illustrative<R: Rng + ?Sized>(rng: &mut R, is_us: bool) -> u16 {
    let max = if is_us { 9_999 } else { 150 };
    let (a, b) = (below(rng, max), below(rng, max));
    1 + a.min(b) as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MimicRng, tables};

    #[test]
    fn every_baked_house_number_table_parses() {
        for table in tables::COMMON_ADDRESS_HOUSE_NUMBER.variants() {
            let numbers = HouseNumbers::new(table).unwrap();
            assert_eq!(numbers.ranges.len(), table.len());
            assert!(
                numbers.ranges.iter().any(|&(first, _)| first == 1),
                "{}",
                table.source()
            );
        }
    }

    /// A one-column table of `values` with equal weights.
    fn table_of(values: &[&str]) -> &'static Table {
        let rows = values.iter().map(|v| vec![(*v).to_owned()]).collect();
        Table::build_leaked("house_number", &["value"], rows, &vec!["1"; values.len()]).unwrap()
    }

    #[test]
    fn a_value_that_is_no_house_number_is_refused_with_its_row() {
        for bad in ["0", "12a", "70000", "9-3", "0-5", "1-", "5-70000"] {
            let error = HouseNumbers::new(table_of(&["1", bad])).unwrap_err();
            assert!(
                error.contains("row 2") && error.contains(&format!("`{bad}`")),
                "{error}"
            );
        }
        let numbers = HouseNumbers::new(table_of(&["7"])).unwrap();
        assert_eq!(numbers.sample(&mut MimicRng::seed_from_u64(1)), 7);
    }

    #[test]
    fn a_range_row_draws_every_number_of_its_range_and_no_other() {
        let numbers = HouseNumbers::new(table_of(&["10-14"])).unwrap();
        let mut rng = MimicRng::seed_from_u64(3);
        let mut seen = [0u32; 5];
        for _ in 0..5_000 {
            let n = numbers.sample(&mut rng);
            assert!((10..=14).contains(&n), "{n}");
            seen[usize::from(n - 10)] += 1;
        }
        // Uniform: each of the five near a thousand draws.
        assert!(seen.iter().all(|&c| (850..1150).contains(&c)), "{seen:?}");
    }
}
