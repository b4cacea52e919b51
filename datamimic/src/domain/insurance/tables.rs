//! The insurance tables of a dataset, resolved once per process, with each product's coverages.

use crate::PerDataset;

use crate::{Context, DatasetCode, Table, TableFamily, TableUse, tables};

/// Columns of `insurance/company`.
pub(crate) const COMPANY_NAME: usize = 0;
pub(crate) const COMPANY_CODE: usize = 1;
pub(crate) const COMPANY_FOUNDED: usize = 2;
pub(crate) const COMPANY_HEADQUARTERS: usize = 3;
pub(crate) const COMPANY_WEBSITE: usize = 4;
/// Columns of `insurance/product`.
pub(crate) const PRODUCT_TYPE: usize = 0;
pub(crate) const PRODUCT_CODE: usize = 1;
pub(crate) const PRODUCT_DESCRIPTION: usize = 2;
/// Columns of `insurance/coverage`.
pub(crate) const COVERAGE_PRODUCT: usize = 0;
pub(crate) const COVERAGE_NAME: usize = 1;
pub(crate) const COVERAGE_CODE: usize = 2;
const COVERAGE_MIN: usize = 3;
const COVERAGE_MAX: usize = 4;

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
    pub(crate) company: &'static Table,
    pub(crate) product: &'static Table,
    pub(crate) coverage: &'static Table,
    pub(crate) premium_frequency: &'static Table,
    pub(crate) policy_status: &'static Table,
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
                        coverage.cell(c, COVERAGE_PRODUCT) == product.cell(p, PRODUCT_CODE)
                    })
                    .map(|c| c as u16)
                    .collect();
                rows.sort_by_key(|&c| std::cmp::Reverse(coverage.scaled_weight(usize::from(c))));
                assert!(
                    !rows.is_empty() && rows.len() <= MAX_COVERAGES,
                    "{}: product `{}` has {} coverages (1 to {MAX_COVERAGES} are supported)",
                    coverage.source(),
                    product.cell(p, PRODUCT_CODE),
                    rows.len()
                );
                rows.into_boxed_slice()
            })
            .collect();
        let product_of = (0..coverage.len())
            .map(|c| {
                let code = coverage.cell(c, COVERAGE_PRODUCT);
                (0..product.len())
                    .position(|p| product.cell(p, PRODUCT_CODE) == code)
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
            company,
            product,
            coverage,
            premium_frequency: tables::INSURANCE_PREMIUM_FREQUENCY.for_dataset(own),
            policy_status: tables::INSURANCE_POLICY_STATUS.for_dataset(own),
            coverages_of,
            product_of,
            amounts: (0..coverage.len())
                .map(|c| {
                    (
                        number(coverage, c, COVERAGE_MIN),
                        number(coverage, c, COVERAGE_MAX),
                    )
                })
                .collect(),
            founded: (0..company.len())
                .map(|r| number(company, r, COMPANY_FOUNDED) as u16)
                .collect(),
        }
    }

    /// The insurance tables of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static InsuranceTables {
        static CACHE: PerDataset<InsuranceTables> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || InsuranceTables::new(code))
    }
}

/// Reports the tables [`InsuranceTables`] reads, for a service's strict-mode check.
pub(crate) fn visit_insurance(visitor: &mut dyn FnMut(TableUse)) {
    for family in FAMILIES {
        visitor(TableUse {
            family,
            column: 0,
            accepts: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_constants_match_the_tables() {
        let company = &tables::INSURANCE_COMPANY;
        for (name, column) in [
            ("name", COMPANY_NAME),
            ("code", COMPANY_CODE),
            ("founded_year", COMPANY_FOUNDED),
            ("headquarters", COMPANY_HEADQUARTERS),
            ("website", COMPANY_WEBSITE),
        ] {
            assert_eq!(company.column_index(name), Some(column), "{name}");
        }
        let product = &tables::INSURANCE_PRODUCT;
        assert_eq!(product.column_index("type"), Some(PRODUCT_TYPE));
        assert_eq!(product.column_index("code"), Some(PRODUCT_CODE));
        assert_eq!(
            product.column_index("description"),
            Some(PRODUCT_DESCRIPTION)
        );
        let coverage = &tables::INSURANCE_COVERAGE;
        for (name, column) in [
            ("product_code", COVERAGE_PRODUCT),
            ("name", COVERAGE_NAME),
            ("code", COVERAGE_CODE),
            ("min_coverage", COVERAGE_MIN),
            ("max_coverage", COVERAGE_MAX),
        ] {
            assert_eq!(coverage.column_index(name), Some(column), "{name}");
        }
    }

    #[test]
    fn every_dataset_resolves() {
        for country in tables::INSURANCE_PRODUCT.countries() {
            let tables = InsuranceTables::new(DatasetCode::parse(country).unwrap());
            assert_eq!(tables.country, country);
        }
    }
}
