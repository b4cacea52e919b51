//! Country: one row of `common/geo/country`.

use crate::Mimic;
use crate::tables::columns::common_geo_country as columns;

use super::lookup::country_row;

/// A country, drawn with probability proportional to its population (GeoNames).
///
/// ```
/// use datamimic::domain::common::{Country, CountryService};
///
/// let country = CountryService::new("US")?.seed(3).generate();
/// assert_eq!(country.iso_code.len(), 2);
/// assert_eq!(Country::by_code("DE").unwrap().phone_code, "49");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`DE`).
    #[mimic(weighted = "common/geo/country", column = "iso_code")]
    pub iso_code: &'static str,
    /// English short name (`Germany`).
    #[mimic(weighted = "common/geo/country", column = "name")]
    pub name: &'static str,
    /// The main language's locale (`de_DE`).
    #[mimic(weighted = "common/geo/country", column = "default_language_locale")]
    pub default_language_locale: &'static str,
    /// The international calling code without `+` (`49`).
    #[mimic(weighted = "common/geo/country", column = "phone_code")]
    pub phone_code: &'static str,
    /// Population (GeoNames).
    #[mimic(weighted = "common/geo/country", column = "population")]
    pub population: u64,
}

impl Country {
    /// The country with ISO code `code` (upper case), if GeoNames lists it.
    pub fn by_code(code: &str) -> Option<Country> {
        let row = country_row(code)?;
        Some(Country {
            iso_code: row.cell(columns::ISO_CODE),
            name: row.cell(columns::NAME),
            default_language_locale: row.cell(columns::DEFAULT_LANGUAGE_LOCALE),
            phone_code: row.cell(columns::PHONE_CODE),
            population: row.cell(columns::POPULATION).parse().unwrap_or_default(),
        })
    }
}
