//! City: one row of `common/address/city` with its state, country and population.

use crate::tables::columns::common_address_city as city_columns;
use crate::{Mimic, Row};

use super::lookup::{Resolved, city_totals};

/// A city with one of its postal codes, drawn by population.
///
/// ```
/// use datamimic::domain::common::CityService;
///
/// let city = CityService::new("FR")?.seed(2).generate();
/// assert_eq!(city.country_code, "FR");
/// assert_eq!(city.language, "fr");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(resolved: &'static Resolved, with = Resolved::here))]
#[mimic(let(place: Row, weighted = "common/address/city"))]
pub struct City {
    /// City (or town) name.
    #[mimic(from = place.cell(city_columns::CITY))]
    pub name: &'static str,
    /// One of the city's postal codes, leading zeros kept.
    #[mimic(from = place.cell(city_columns::POSTAL_CODE))]
    pub postal_code: &'static str,
    /// Telephone area code without the trunk prefix.
    #[mimic(from = place.cell(city_columns::AREA_CODE))]
    pub area_code: &'static str,
    /// The state's name.
    #[mimic(
        from = resolved.state_name(place.cell(city_columns::STATE_CODE)),
        tables = ["common/address/state"]
    )]
    pub state: &'static str,
    /// Language code of the country's main language (`de`).
    #[mimic(from = language(resolved.locale))]
    pub language: &'static str,
    /// The city's population: the source population summed over its postal codes (places
    /// missing from GeoNames count 250 per postal code, see `datasets/SOURCES.md`).
    #[mimic(from = population(place))]
    pub population: u64,
    /// A distinguishing addition to the name (`b Trier`); empty, as no source provides one.
    #[mimic(constant = "")]
    pub name_extension: &'static str,
    /// Country name.
    #[mimic(from = resolved.country_name)]
    pub country: &'static str,
    /// ISO country code.
    #[mimic(from = resolved.country_code)]
    pub country_code: &'static str,
}

/// The language of a locale (`de` of `de_DE`).
fn language(locale: &'static str) -> &'static str {
    locale.split('_').next().unwrap_or(locale)
}

/// The population of the city of `place`, over all its rows, in whole people.
fn population(place: Row) -> u64 {
    let table = place.table();
    let scale = 10u64.pow(table.weight_decimals());
    city_totals(table)
        .get(place.index())
        .map_or(0, |&total| (total + scale / 2) / scale)
}
