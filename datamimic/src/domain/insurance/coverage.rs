//! InsuranceCoverage: one cover of a product with its amount range, declared with
//! `#[derive(Mimic)]`.

use std::fmt;

use crate::Row;
use crate::tables::columns::insurance_coverage as column;

use crate::tables::columns::insurance_product::TYPE as PRODUCT_TYPE;

use super::tables::InsuranceTables;

/// A coverage, with the fields of datamimic-ce's InsuranceCoverage in its order.
///
/// ```
/// use datamimic::domain::insurance::InsuranceCoverageService;
///
/// let cover = InsuranceCoverageService::new("US")?.seed(1).generate();
/// assert!(cover.min_coverage <= cover.max_coverage);
/// assert!(cover.description.to_string().contains(cover.name));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static InsuranceTables))]
#[mimic(let(coverage: Row, weighted = "insurance/coverage"))]
pub struct InsuranceCoverage {
    /// Name of the cover (`Collision`, `Teilkasko`).
    #[mimic(from = coverage.cell(column::NAME))]
    pub name: &'static str,
    /// Short code (`COLL`).
    #[mimic(from = coverage.cell(column::CODE))]
    pub code: &'static str,
    /// Code of the product it belongs to (`AUTO`).
    #[mimic(from = coverage.cell(column::PRODUCT_CODE))]
    pub product_code: &'static str,
    /// The cover and its product in the country's language.
    #[mimic(from = CoverageDescription::of_row(tables, coverage.index()))]
    pub description: CoverageDescription,
    /// Smallest insured amount offered, in the country's currency.
    #[mimic(from = tables.amounts[coverage.index()].0)]
    pub min_coverage: u64,
    /// Largest insured amount offered.
    #[mimic(from = tables.amounts[coverage.index()].1)]
    pub max_coverage: u64,
}

impl InsuranceCoverage {
    /// The coverage of row `row` of the coverage table, as a product's [`CoverageSet`]
    /// lists it (the derive draws the same fields from a drawn row).
    ///
    /// [`CoverageSet`]: super::CoverageSet
    pub(crate) fn of_row(tables: &InsuranceTables, row: usize) -> InsuranceCoverage {
        let (min_coverage, max_coverage) = tables.amounts[row];
        InsuranceCoverage {
            name: tables.coverage.cell(row, column::NAME),
            code: tables.coverage.cell(row, column::CODE),
            product_code: tables.coverage.cell(row, column::PRODUCT_CODE),
            description: CoverageDescription::of_row(tables, row),
            min_coverage,
            max_coverage,
        }
    }
}

/// "Collision cover under Auto Insurance", "Teilkasko in der Kfz-Versicherung".
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CoverageDescription {
    name: &'static str,
    product_type: &'static str,
    german: bool,
}

impl CoverageDescription {
    /// The description of row `row` of the coverage table.
    fn of_row(tables: &InsuranceTables, row: usize) -> CoverageDescription {
        CoverageDescription {
            name: tables.coverage.cell(row, column::NAME),
            product_type: tables
                .product
                .cell(usize::from(tables.product_of[row]), PRODUCT_TYPE),
            german: tables.german,
        }
    }
}

impl fmt::Display for CoverageDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every German line is a "-versicherung", feminine: "in der".
        if self.german {
            write!(f, "{} in der {}", self.name, self.product_type)
        } else {
            write!(f, "{} cover under {}", self.name, self.product_type)
        }
    }
}

impl serde::Serialize for CoverageDescription {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for CoverageDescription {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DatasetCode, Service};

    /// The derived coverage and a product's listed one read a row alike.
    #[test]
    fn a_drawn_coverage_is_a_listed_one() {
        for code in ["US", "DE"] {
            let service = Service::<InsuranceCoverage>::new()
                .dataset(code)
                .unwrap()
                .seed(9);
            let tables = InsuranceTables::of_code(DatasetCode::parse(code).unwrap());
            for i in 0..50 {
                let drawn = service.record(i);
                assert!(
                    (0..tables.coverage.len())
                        .any(|row| InsuranceCoverage::of_row(tables, row) == drawn),
                    "{code}: {drawn:?}"
                );
            }
        }
    }
}
