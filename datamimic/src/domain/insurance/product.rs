//! InsuranceProduct: a line of business with all its coverages, declared with
//! `#[derive(Mimic)]`.

use crate::Row;
use crate::tables::columns::insurance_product as column;

use super::tables::InsuranceTables;
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
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static InsuranceTables))]
#[mimic(let(product: Row, weighted = "insurance/product"))]
pub struct InsuranceProduct {
    /// Stable id of the product.
    #[mimic(from = RecordId::of_row(ID_SALT, tables.country, product.index()))]
    pub id: RecordId,
    /// Line of business (`Auto Insurance`, `Kfz-Versicherung`).
    #[mimic(from = product.cell(column::TYPE))]
    pub r#type: &'static str,
    /// Short code (`AUTO`).
    #[mimic(from = product.cell(column::CODE))]
    pub code: &'static str,
    /// What it covers.
    #[mimic(from = product.cell(column::DESCRIPTION))]
    pub description: &'static str,
    /// Every coverage the product offers, core cover first.
    #[mimic(from = CoverageSet::all(tables, product.index()))]
    pub coverages: CoverageSet,
}
