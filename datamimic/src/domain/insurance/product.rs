//! InsuranceProduct: a line of business with all its coverages.

use crate::{Context, Mimic, TableUse};

use super::tables::{
    InsuranceTables, PRODUCT_CODE, PRODUCT_DESCRIPTION, PRODUCT_TYPE, visit_insurance,
};
use super::{CoverageSet, RecordId};

/// Salt of the stable product ids.
const ID_SALT: u64 = 0x9D_0C_71;

/// An insurance product, with the fields of datamimic-ce's InsuranceProduct in its order.
/// Products are weighted by their share of premiums where published (DE: GDV); the coverages
/// are exactly the product's own.
///
/// ```
/// use datamimic::domain::insurance::InsuranceProductService;
///
/// let product = InsuranceProductService::new("US")?.seed(1).generate();
/// assert!(product.coverages.iter().all(|c| c.product_code == product.code));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct InsuranceProduct {
    /// Stable id of the product.
    pub id: RecordId,
    /// Line of business (`Auto Insurance`, `Kfz-Versicherung`).
    pub r#type: &'static str,
    /// Short code (`AUTO`).
    pub code: &'static str,
    /// What it covers.
    pub description: &'static str,
    /// Every coverage the product offers, core cover first.
    pub coverages: CoverageSet,
}

impl InsuranceProduct {
    /// The product of row `row` of the product table.
    pub(crate) fn of_row(tables: &'static InsuranceTables, row: usize) -> InsuranceProduct {
        let table = tables.product;
        InsuranceProduct {
            id: RecordId::of_row(ID_SALT, tables.country, row),
            r#type: table.cell(row, PRODUCT_TYPE),
            code: table.cell(row, PRODUCT_CODE),
            description: table.cell(row, PRODUCT_DESCRIPTION),
            coverages: CoverageSet::all(tables, row),
        }
    }
}

impl Mimic for InsuranceProduct {
    fn mimic(ctx: &mut Context<'_>) -> InsuranceProduct {
        let tables = InsuranceTables::of(ctx);
        let row = tables.product.sample_index(ctx.rng());
        InsuranceProduct::of_row(tables, row)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_insurance(visitor);
    }
}
