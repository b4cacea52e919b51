//! The e-commerce tables of one dataset, resolved once per process: per-category nouns, tax
//! rates and shipping costs are indexed up front so a record pays array lookups only.

use crate::PerDataset;

use crate::domain::grouped::Grouped;
use crate::domain::money::{Money, parse_ppm};
use crate::ident::ean::Gs1Prefixes;
use crate::{Context, DatasetCode, Mimic, Strictness, Table, TableFamily, TableUse, tables};

use super::profile::{self, Profile};
use super::status;
use super::wording;

/// Columns of `ecommerce/product_noun`, `ecommerce/tax_rate` and `ecommerce/shipping_method`.
const NOUN_CATEGORY: usize = 0;
const NOUN: usize = 1;
const TAX_RATE: usize = 1;
const SHIPPING_COST: usize = 3;

/// Every table family an e-commerce record reads (for strict-mode checks).
pub(crate) static FAMILIES: &[&TableFamily] = &[
    &tables::ECOMMERCE_PRODUCT_CATEGORY,
    &tables::ECOMMERCE_PRODUCT_NOUN,
    &tables::ECOMMERCE_PRODUCT_ADJECTIVE,
    &tables::ECOMMERCE_BRAND,
    &tables::ECOMMERCE_TAX_RATE,
    &tables::ECOMMERCE_ORDER_STATUS,
    &tables::ECOMMERCE_PAYMENT_METHOD,
    &tables::ECOMMERCE_SHIPPING_METHOD,
    &tables::FINANCE_CURRENCY,
];

/// The resolved e-commerce tables of one dataset.
#[derive(Debug)]
pub(crate) struct Catalog {
    pub(crate) category: &'static Table,
    /// Nouns grouped by the row index of their category in `category`.
    nouns: Grouped,
    /// Price and weight profile, by category row.
    profiles: Vec<Profile>,
    /// Tax rate in parts per million, by category row.
    tax_ppm: Vec<u32>,
    /// Adjectives by category row: those that suit the category.
    adjectives: Grouped,
    pub(crate) brand: &'static Table,
    pub(crate) status: &'static Table,
    /// Age window of an order in seconds (`low..high` before now), by status row.
    status_age: Vec<(i64, i64)>,
    pub(crate) payment: &'static Table,
    pub(crate) shipping: &'static Table,
    /// Shipping cost by shipping row.
    shipping_cost: Vec<Money>,
    /// The country's own currency (ISO 4217): the top-weighted row of `finance/currency`.
    pub(crate) currency: &'static str,
    /// The GS1 prefixes of the dataset's country (US and Canada's where GS1 has none listed).
    pub(crate) gs1: Gs1Prefixes,
    /// Whether product names put the noun first (`Motoröl von Nordlicht`): German word order.
    pub(crate) german: bool,
}

impl Catalog {
    fn new(code: DatasetCode) -> Catalog {
        let variant = |family: &'static TableFamily| -> &'static Table {
            family
                .resolve_code(code, Strictness::Fallback)
                .unwrap_or(family.variants()[0])
        };
        let category = variant(&tables::ECOMMERCE_PRODUCT_CATEGORY);
        let categories = || (0..category.len()).map(|r| category.value(r));
        let nouns = Grouped::new(
            variant(&tables::ECOMMERCE_PRODUCT_NOUN),
            NOUN_CATEGORY,
            categories(),
        );
        let taxes = variant(&tables::ECOMMERCE_TAX_RATE);
        let tax_ppm = categories()
            .map(|name| {
                (0..taxes.len())
                    .find(|&r| taxes.value(r) == name)
                    .and_then(|r| parse_ppm(taxes.cell(r, TAX_RATE)))
                    .unwrap_or(0)
            })
            .collect();
        let shipping = variant(&tables::ECOMMERCE_SHIPPING_METHOD);
        let shipping_cost = (0..shipping.len())
            .map(|r| Money::parse(shipping.cell(r, SHIPPING_COST)).unwrap_or(Money::ZERO))
            .collect();
        let adjective = variant(&tables::ECOMMERCE_PRODUCT_ADJECTIVE);
        let adjectives = Grouped::from_rows(
            adjective,
            categories().map(|category| {
                (0..adjective.len())
                    .filter(|&r| wording::suits(adjective.value(r), category))
                    .collect()
            }),
        );
        let statuses = variant(&tables::ECOMMERCE_ORDER_STATUS);
        let currencies = variant(&tables::FINANCE_CURRENCY);
        let local = (0..currencies.len())
            .max_by_key(|&r| currencies.scaled_weight(r))
            .unwrap_or(0);
        Catalog {
            category,
            nouns,
            profiles: categories().map(profile::of).collect(),
            tax_ppm,
            adjectives,
            brand: variant(&tables::ECOMMERCE_BRAND),
            status: statuses,
            status_age: (0..statuses.len())
                .map(|r| status::age_window(statuses.value(r)))
                .collect(),
            payment: variant(&tables::ECOMMERCE_PAYMENT_METHOD),
            shipping,
            shipping_cost,
            currency: currencies.value(local),
            gs1: Gs1Prefixes::for_country(code.as_str()).unwrap_or(Gs1Prefixes::US_CANADA),
            german: matches!(category.country(), Some("DE" | "AT" | "CH")),
        }
    }

    /// The catalog of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static Catalog {
        static CACHE: PerDataset<Catalog> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || Catalog::new(code))
    }

    /// A noun of the category in row `category` of [`Catalog::category`].
    #[inline]
    pub(crate) fn noun<R: rand::Rng + ?Sized>(&self, category: usize, rng: &mut R) -> &'static str {
        self.nouns
            .sample(category, rng)
            .map_or("", |row| self.nouns.table().cell(row, NOUN))
    }

    /// An adjective that suits the category in row `category`.
    #[inline]
    pub(crate) fn adjective<R: rand::Rng + ?Sized>(
        &self,
        category: usize,
        rng: &mut R,
    ) -> &'static str {
        self.adjectives
            .sample(category, rng)
            .map_or("", |row| self.adjectives.table().value(row))
    }

    /// How long ago an order of the status in row `status` was placed: `low..high` seconds.
    #[inline]
    pub(crate) fn status_age(&self, status: usize) -> (i64, i64) {
        self.status_age[status]
    }

    /// The price and weight profile of the category in row `category`.
    #[inline]
    pub(crate) fn profile(&self, category: usize) -> &Profile {
        &self.profiles[category]
    }

    /// The tax rate of the category in row `category`, in parts per million.
    #[inline]
    pub(crate) fn tax_ppm(&self, category: usize) -> u32 {
        self.tax_ppm[category]
    }

    /// The cost of the shipping method in row `row`.
    #[inline]
    pub(crate) fn shipping_cost(&self, row: usize) -> Money {
        self.shipping_cost[row]
    }
}

/// The dataset's catalog as a derived entity's `let(catalog: &'static Catalog)`: resolved once
/// per dataset, and every table it reads is reported to a service's checks. Draws nothing.
impl Mimic for &'static Catalog {
    #[inline]
    fn mimic(ctx: &mut Context<'_>) -> &'static Catalog {
        Catalog::of(ctx)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        TableUse::visit_families(FAMILIES, visitor);
    }
}
