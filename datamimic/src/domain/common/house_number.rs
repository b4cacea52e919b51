//! House numbers: drawn from the country's published distribution where it has one
//! (`common/address/house_number`), otherwise by an illustrative rule skewed towards small
//! numbers, as every street starts at 1 and few streets are long.

use rand::Rng;

use crate::Table;
use crate::sample::below;

/// The house numbers of one `common/address/house_number` table, parsed once.
#[derive(Debug)]
pub(crate) struct HouseNumbers {
    table: &'static Table,
    /// The number of each row.
    numbers: Vec<u16>,
}

impl HouseNumbers {
    /// Parses `table`'s values. The error names the table and row of a value that is not a
    /// house number (1 to 65,535).
    pub(crate) fn new(table: &'static Table) -> Result<HouseNumbers, String> {
        let numbers = (0..table.len())
            .map(|row| {
                let value = table.value(row);
                value.parse::<u16>().ok().filter(|&n| n > 0).ok_or_else(|| {
                    format!(
                        "{}: row {}: `{value}` is not a house number",
                        table.source(),
                        row + 1
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(HouseNumbers { table, numbers })
    }

    /// A house number drawn by the table's weights.
    #[inline]
    pub(crate) fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> u16 {
        self.numbers[self.table.sample_index(rng)]
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
            assert_eq!(numbers.numbers.len(), table.len());
            assert!(numbers.numbers.contains(&1), "{}", table.source());
        }
    }

    /// A one-column table of `values` with equal weights.
    fn table_of(values: &[&str]) -> &'static Table {
        let rows = values.iter().map(|v| vec![(*v).to_owned()]).collect();
        Table::build_leaked("house_number", &["value"], rows, &vec!["1"; values.len()]).unwrap()
    }

    #[test]
    fn a_value_that_is_no_house_number_is_refused_with_its_row() {
        for bad in ["0", "12a", "70000"] {
            let error = HouseNumbers::new(table_of(&["1", bad])).unwrap_err();
            assert!(
                error.contains("row 2") && error.contains(&format!("`{bad}`")),
                "{error}"
            );
        }
        let numbers = HouseNumbers::new(table_of(&["7"])).unwrap();
        assert_eq!(numbers.sample(&mut MimicRng::seed_from_u64(1)), 7);
    }
}
