//! InsuranceCoverage: one cover of a product with its amount range.

use std::fmt;

use crate::{Context, Mimic, TableUse};

use super::tables::{
    COVERAGE_CODE, COVERAGE_NAME, COVERAGE_PRODUCT, InsuranceTables, PRODUCT_TYPE, visit_insurance,
};

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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct InsuranceCoverage {
    /// Name of the cover (`Collision`, `Teilkasko`).
    pub name: &'static str,
    /// Short code (`COLL`).
    pub code: &'static str,
    /// Code of the product it belongs to (`AUTO`).
    pub product_code: &'static str,
    /// The cover and its product in the country's language.
    pub description: CoverageDescription,
    /// Smallest insured amount offered, in the country's currency.
    pub min_coverage: u64,
    /// Largest insured amount offered.
    pub max_coverage: u64,
}

impl InsuranceCoverage {
    /// The coverage of row `row` of the coverage table.
    pub(crate) fn of_row(tables: &InsuranceTables, row: usize) -> InsuranceCoverage {
        let (min_coverage, max_coverage) = tables.amounts[row];
        let name = tables.coverage.cell(row, COVERAGE_NAME);
        InsuranceCoverage {
            name,
            code: tables.coverage.cell(row, COVERAGE_CODE),
            product_code: tables.coverage.cell(row, COVERAGE_PRODUCT),
            description: CoverageDescription {
                name,
                product_type: tables
                    .product
                    .cell(usize::from(tables.product_of[row]), PRODUCT_TYPE),
                german: tables.german,
            },
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

impl Mimic for InsuranceCoverage {
    fn mimic(ctx: &mut Context<'_>) -> InsuranceCoverage {
        let tables = InsuranceTables::of(ctx);
        let row = tables.coverage.sample_index(ctx.rng());
        InsuranceCoverage::of_row(tables, row)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_insurance(visitor);
    }
}
