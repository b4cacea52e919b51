//! City: one row of `common/address/city` with its state, country and population.

use crate::{Context, Mimic, TableUse, tables};

use super::lookup::{
    CITY_AREA_CODE, CITY_NAME, CITY_POSTAL_CODE, CITY_STATE, Resolved, city_totals,
};

/// A city with one of its postal codes, drawn by population. Hand-written rather than derived
/// because `population` is the city's total over all its rows, which a field attribute cannot
/// reach.
///
/// ```
/// use datamimic::domain::common::CityService;
///
/// let city = CityService::new("FR")?.seed(2).generate();
/// assert_eq!(city.country_code, "FR");
/// assert_eq!(city.language, "fr");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct City {
    /// City (or town) name.
    pub name: &'static str,
    /// One of the city's postal codes, leading zeros kept.
    pub postal_code: &'static str,
    /// Telephone area code without the trunk prefix.
    pub area_code: &'static str,
    /// The state's name.
    pub state: &'static str,
    /// Language code of the country's main language (`de`).
    pub language: &'static str,
    /// The city's population: the source population summed over its postal codes (places
    /// missing from GeoNames count 250 per postal code, see `datasets/SOURCES.md`).
    pub population: u64,
    /// A distinguishing addition to the name (`b Trier`); empty, as no source provides one.
    pub name_extension: &'static str,
    /// Country name.
    pub country: &'static str,
    /// ISO country code.
    pub country_code: &'static str,
}

impl Mimic for City {
    fn mimic(ctx: &mut Context<'_>) -> City {
        let resolved = Resolved::of(ctx);
        let table = resolved.city;
        let row = table.sample_row(ctx.rng());
        let locale = resolved.locale;
        let scale = 10u64.pow(table.weight_decimals());
        City {
            name: row.cell(CITY_NAME),
            postal_code: row.cell(CITY_POSTAL_CODE),
            area_code: row.cell(CITY_AREA_CODE),
            state: resolved.state_name(row.cell(CITY_STATE)),
            language: locale.split('_').next().unwrap_or(locale),
            population: city_totals(table)
                .get(row.index())
                .map_or(0, |&total| (total + scale / 2) / scale),
            name_extension: "",
            country: resolved.country_name,
            country_code: resolved.country_code,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        for family in [&tables::COMMON_ADDRESS_CITY, &tables::COMMON_ADDRESS_STATE] {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
    }
}
