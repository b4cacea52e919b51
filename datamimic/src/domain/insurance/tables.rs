//! The insurance tables of a dataset, resolved once per process, with each product's coverages.

use crate::PerDataset;

use crate::{Context, DatasetCode, Mimic, Table, TableFamily, TableUse, tables};

use tables::columns::{
    insurance_company as company_column, insurance_coverage as coverage_column,
    insurance_product as product_column,
};

/// Every table family [`InsuranceTables`] reads.
const FAMILIES: [&TableFamily; 5] = [
    &tables::INSURANCE_COMPANY,
    &tables::INSURANCE_PRODUCT,
    &tables::INSURANCE_COVERAGE,
    &tables::INSURANCE_PREMIUM_FREQUENCY,
    &tables::INSURANCE_POLICY_STATUS,
];

/// A product may have at most this many coverages (they are chosen with a bit mask).
pub(crate) const MAX_COVERAGES: usize = 32;

/// The insurance tables of one dataset; everything follows the product table's country.
#[derive(Debug)]
pub(crate) struct InsuranceTables {
    pub(crate) country: &'static str,
    pub(crate) german: bool,
    pub(crate) product: &'static Table,
    pub(crate) coverage: &'static Table,
    /// Per product row: its coverage rows, the heaviest (the core cover) first.
    pub(crate) coverages_of: Box<[Box<[u16]>]>,
    /// Per coverage row: its product row.
    pub(crate) product_of: Box<[u16]>,
    /// Per coverage row: minimum and maximum cover amount.
    pub(crate) amounts: Box<[(u64, u64)]>,
    /// Per company row: the founding year.
    pub(crate) founded: Box<[u16]>,
}

impl InsuranceTables {
    fn new(code: DatasetCode) -> InsuranceTables {
        let product = tables::INSURANCE_PRODUCT.for_dataset(code);
        let country = product.country().unwrap_or("US");
        let own = DatasetCode::parse(country).unwrap_or(DatasetCode::US);
        let coverage = tables::INSURANCE_COVERAGE.for_dataset(own);
        let company = tables::INSURANCE_COMPANY.for_dataset(own);
        let coverages_of: Box<[Box<[u16]>]> = (0..product.len())
            .map(|p| {
                let mut rows: Vec<u16> = (0..coverage.len())
                    .filter(|&c| {
                        coverage.cell(c, coverage_column::PRODUCT_CODE)
                            == product.cell(p, product_column::CODE)
                    })
                    .map(|c| c as u16)
                    .collect();
                rows.sort_by_key(|&c| std::cmp::Reverse(coverage.scaled_weight(usize::from(c))));
                assert!(
                    !rows.is_empty() && rows.len() <= MAX_COVERAGES,
                    "{}: product `{}` has {} coverages (1 to {MAX_COVERAGES} are supported)",
                    coverage.source(),
                    product.cell(p, product_column::CODE),
                    rows.len()
                );
                rows.into_boxed_slice()
            })
            .collect();
        let product_of = (0..coverage.len())
            .map(|c| {
                let code = coverage.cell(c, coverage_column::PRODUCT_CODE);
                (0..product.len())
                    .position(|p| product.cell(p, product_column::CODE) == code)
                    .unwrap_or_else(|| panic!("{}: unknown product `{code}`", coverage.source()))
                    as u16
            })
            .collect();
        let number = |table: &Table, r: usize, c: usize| -> u64 {
            table.cell(r, c).parse().unwrap_or_else(|_| {
                panic!(
                    "{}: `{}` is not a whole number",
                    table.source(),
                    table.cell(r, c)
                )
            })
        };
        InsuranceTables {
            country,
            german: country == "DE",
            product,
            coverage,
            coverages_of,
            product_of,
            amounts: (0..coverage.len())
                .map(|c| {
                    (
                        number(coverage, c, coverage_column::MIN_COVERAGE),
                        number(coverage, c, coverage_column::MAX_COVERAGE),
                    )
                })
                .collect(),
            founded: (0..company.len())
                .map(|r| number(company, r, company_column::FOUNDED_YEAR) as u16)
                .collect(),
        }
    }

    /// The insurance tables of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static InsuranceTables {
        InsuranceTables::of_code(ctx.dataset())
    }

    /// The insurance tables of dataset `code`.
    #[inline]
    pub(crate) fn of_code(code: DatasetCode) -> &'static InsuranceTables {
        static CACHE: PerDataset<InsuranceTables> = PerDataset::new();
        CACHE.get_or_init(code, || InsuranceTables::new(code))
    }
}

/// The dataset's insurance tables as a derived entity's `let(tables: &'static
/// InsuranceTables)`: resolved once per dataset, and every table they read is reported to a
/// service's checks. Draws nothing.
impl Mimic for &'static InsuranceTables {
    #[inline]
    fn mimic(ctx: &mut Context<'_>) -> &'static InsuranceTables {
        InsuranceTables::of(ctx)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        TableUse::visit_families(&FAMILIES, visitor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dataset_resolves() {
        for country in tables::INSURANCE_PRODUCT.countries() {
            let tables = InsuranceTables::new(DatasetCode::parse(country).unwrap());
            assert_eq!(tables.country, country);
        }
    }
}
