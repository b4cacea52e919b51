//! Keyed lookups in baked tables that entities need per record, each O(1) or O(log n).

use crate::PerDataset;
use std::sync::OnceLock;

use crate::{Context, DatasetCode, Row, Strictness, Table, TableFamily, tables};

use super::email::LocalParts;
use super::given_name_cohort::CohortNames;
use super::house_number::HouseNumbers;
use super::naming_convention::NamingConvention;
use super::phone::{Lead, NumberingPlan, leads_by_row};
use super::title_share::Shares;

use crate::tables::columns::{
    common_address_city as city_columns, common_address_state as state_columns,
    common_geo_country as country_columns,
};

/// The `common/geo/country` row of an ISO code (`"DE"`), found through an index built once.
pub(crate) fn country_row(code: &str) -> Option<Row> {
    static INDEX: OnceLock<Box<[u16; 26 * 26]>> = OnceLock::new();
    let table = country_table();
    let index = INDEX.get_or_init(|| {
        let mut index = Box::new([0u16; 26 * 26]);
        for row in table.iter() {
            if let Some(slot) = code_slot(row.value()) {
                index[slot] = row.index() as u16 + 1;
            }
        }
        index
    });
    let found = index[code_slot(code)?];
    (found > 0).then(|| table.row(usize::from(found) - 1))
}

fn country_table() -> &'static Table {
    tables::COMMON_GEO_COUNTRY.variants()[0]
}

fn code_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

/// State codes of up to eight bytes as integers that sort like the text, so the per-record
/// state lookup compares integers instead of strings.
#[inline]
fn packed_code(code: &str) -> Option<u64> {
    let bytes = code.as_bytes();
    // Shifted in byte by byte: codes are two or three bytes, too short for a `memcpy` call.
    (bytes.len() <= 8).then(|| {
        let word = bytes.iter().fold(0u64, |word, &b| word << 8 | u64::from(b));
        word.checked_shl(8 * (8 - bytes.len() as u32)).unwrap_or(0)
    })
}

/// The name of the state `code` in a `common/address/state` table, which is sorted by code
/// (checked by the tests); the code itself if the table lacks it.
pub(crate) fn state_name(table: &'static Table, code: &'static str) -> &'static str {
    let (mut low, mut high) = (0, table.len());
    while low < high {
        let mid = (low + high) / 2;
        match table.value(mid).cmp(code) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return table.cell(mid, state_columns::NAME),
        }
    }
    code
}

/// The variant of `family` for exactly the table's country, without the US fallback: used for
/// optional tables such as nobility titles, which most countries rightly lack.
pub(crate) fn exact_variant(family: &'static TableFamily, country: &str) -> Option<&'static Table> {
    family
        .countries()
        .position(|c| c == country)
        .map(|i| family.variants()[i])
}

/// Each row's summed weight over all rows with the same city and state: the city's population
/// when the source spread it over the city's postal codes. Computed once per table.
pub(crate) fn city_totals(table: &'static Table) -> &'static [u64] {
    static TOTALS: OnceLock<Vec<OnceLock<Box<[u64]>>>> = OnceLock::new();
    let family = &tables::COMMON_ADDRESS_CITY;
    let slots = TOTALS.get_or_init(|| family.variants().iter().map(|_| OnceLock::new()).collect());
    let Some(slot) = family
        .variants()
        .iter()
        .position(|t| std::ptr::eq(*t, table))
    else {
        return &[];
    };
    slots[slot].get_or_init(|| {
        let mut sums: std::collections::HashMap<(&str, &str), u64> =
            std::collections::HashMap::new();
        for r in 0..table.len() {
            *sums
                .entry((
                    table.cell(r, city_columns::CITY),
                    table.cell(r, city_columns::STATE_CODE),
                ))
                .or_default() += table.scaled_weight(r);
        }
        (0..table.len())
            .map(|r| {
                sums[&(
                    table.cell(r, city_columns::CITY),
                    table.cell(r, city_columns::STATE_CODE),
                )]
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_find_their_rows() {
        let germany = country_row("DE").expect("DE is a country");
        assert_eq!(germany.cell(country_columns::NAME), "Germany");
        assert_eq!(germany.cell(country_columns::PHONE_CODE), "49");
        assert!(country_row("ZZ").is_none());
        assert!(country_row("de").is_none());
        let states = tables::COMMON_ADDRESS_STATE.resolve("US").unwrap();
        assert_eq!(state_name(states, "CA"), "California");
        assert_eq!(state_name(states, "XX"), "XX");
    }

    #[test]
    fn the_packed_state_lookup_agrees_with_the_table() {
        for code in tables::COMMON_ADDRESS_STATE.countries() {
            let dataset = crate::DatasetCode::parse(code).unwrap();
            let settings = crate::Settings::seeded(0).with_dataset(dataset);
            let resolved = Resolved::of(&Context::new(&settings, 0));
            for row in resolved.state.iter() {
                assert_eq!(
                    resolved.state_name(row.value()),
                    state_name(resolved.state, row.value())
                );
            }
            assert_eq!(resolved.state_name("??"), "??");
            assert_eq!(resolved.state_name("A-VERY-LONG-CODE"), "A-VERY-LONG-CODE");
        }
    }

    #[test]
    fn state_tables_are_sorted_by_code() {
        for table in tables::COMMON_ADDRESS_STATE.variants() {
            let codes: Vec<&str> = (0..table.len()).map(|r| table.value(r)).collect();
            assert!(
                codes.is_sorted(),
                "{} is not sorted by code",
                table.source()
            );
        }
    }
}

/// Everything a record of one dataset reads besides its random draws: the table variants
/// (with the US fallback of [`Context::table`](crate::Context::table)), the country's row
/// and the salutations grouped by gender. Resolved once per dataset and process, so a record
/// pays one array index instead of a dozen keyed lookups.
#[derive(Debug)]
pub(crate) struct Resolved {
    pub(crate) given_male: &'static Table,
    pub(crate) given_female: &'static Table,
    /// Given names by birth decade (male, female), where the names' country publishes them.
    pub(crate) given_by_decade: [Option<CohortNames>; 2],
    pub(crate) family_name: &'static Table,
    /// The country of `family_name` (US when the dataset fell back to it).
    pub(crate) names_country: &'static str,
    /// How `names_country` composes full names.
    pub(crate) naming_convention: NamingConvention,
    /// The female forms of `family_name` where surnames agree with the bearer's sex (PL).
    pub(crate) family_name_female: Option<&'static Table>,
    pub(crate) email_domain: &'static Table,
    pub(crate) nobility_male: Option<&'static Table>,
    pub(crate) nobility_female: Option<&'static Table>,
    pub(crate) state: &'static Table,
    pub(crate) street: &'static Table,
    /// The city table, whose rows carry state, postal and area code.
    pub(crate) city: &'static Table,
    pub(crate) mobile_prefix: &'static Table,
    /// `state` as (packed code, name), in code order.
    state_names: Vec<(u64, &'static str)>,
    pub(crate) company_words: Option<&'static Table>,
    /// The published house-number distribution of `country_code`, where it has one.
    pub(crate) house_numbers: Option<HouseNumbers>,
    /// The country of the city table in use (US when the dataset fell back to it).
    pub(crate) country_code: &'static str,
    /// Whether `country_code` is `US` (house numbers follow the US block numbering).
    pub(crate) is_us: bool,
    pub(crate) country_name: &'static str,
    /// Phone numbers of `country_code`.
    pub(crate) phone_plan: NumberingPlan,
    /// The lead of the landlines of each `city` row (`+1 212 `).
    pub(crate) landline_leads: Vec<Lead>,
    /// The lead of each `mobile_prefix` row.
    pub(crate) mobile_leads: Vec<Lead>,
    pub(crate) locale: &'static str,
    /// The dataset these tables were resolved for.
    pub(crate) dataset: DatasetCode,
    /// The published shares of titled people, read when the first person is made.
    pub(super) title_shares: OnceLock<Shares>,
    /// The e-mail local parts of the names, folded when the first e-mail is made.
    pub(super) local_parts: OnceLock<LocalParts>,
}

impl Resolved {
    fn new(code: DatasetCode) -> Resolved {
        let variant = |family: &'static TableFamily| -> &'static Table {
            family.get(code).unwrap_or_else(|| {
                family
                    .resolve_code(code, Strictness::Fallback)
                    .unwrap_or(family.variants()[0])
            })
        };
        let city = variant(&tables::COMMON_ADDRESS_CITY);
        let country_code = city.country().unwrap_or("US");
        let country = country_row(country_code);
        let names = variant(&tables::COMMON_PERSON_FAMILY_NAME);
        let names_country = names.country().unwrap_or("US");
        let calling_code = country.map_or("1", |c| c.cell(country_columns::PHONE_CODE));
        let state = variant(&tables::COMMON_ADDRESS_STATE);
        let mobile_prefix = variant(&tables::COMMON_PHONE_MOBILE_PREFIX);
        let state_names = state
            .iter()
            .filter_map(|row| Some((packed_code(row.value())?, row.cell(state_columns::NAME))))
            .collect();
        Resolved {
            given_male: variant(&tables::COMMON_PERSON_GIVEN_NAME_MALE),
            given_female: variant(&tables::COMMON_PERSON_GIVEN_NAME_FEMALE),
            given_by_decade: [
                &tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_MALE,
                &tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_FEMALE,
            ]
            .map(|family| {
                exact_variant(family, names_country).map(|table| {
                    // The baked tables are checked by `given_name_cohort`'s tests.
                    CohortNames::new(table).unwrap_or_else(|message| panic!("{message}"))
                })
            }),
            family_name: names,
            names_country,
            naming_convention: NamingConvention::of(names_country),
            family_name_female: exact_variant(
                &tables::COMMON_PERSON_FAMILY_NAME_FEMALE,
                names_country,
            ),
            email_domain: variant(&tables::COMMON_NET_EMAIL_DOMAIN),
            nobility_male: exact_variant(&tables::COMMON_PERSON_NOBILITY_TITLE_MALE, names_country),
            nobility_female: exact_variant(
                &tables::COMMON_PERSON_NOBILITY_TITLE_FEMALE,
                names_country,
            ),
            state,
            street: variant(&tables::COMMON_ADDRESS_STREET),
            city,
            state_names,
            mobile_prefix,
            company_words: exact_variant(
                &tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD,
                country_code,
            ),
            house_numbers: exact_variant(&tables::COMMON_ADDRESS_HOUSE_NUMBER, country_code).map(
                |table| {
                    // The baked tables are checked by `house_number`'s tests.
                    HouseNumbers::new(table).unwrap_or_else(|message| panic!("{message}"))
                },
            ),
            country_code,
            is_us: country_code == "US",
            country_name: country.map_or(country_code, |c| c.cell(country_columns::NAME)),
            phone_plan: NumberingPlan::new(country_code, calling_code),
            landline_leads: leads_by_row(calling_code, city, city_columns::AREA_CODE),
            mobile_leads: leads_by_row(calling_code, mobile_prefix, 0),
            locale: country.map_or("", |c| c.cell(country_columns::DEFAULT_LANGUAGE_LOCALE)),
            dataset: code,
            title_shares: OnceLock::new(),
            local_parts: OnceLock::new(),
        }
    }

    /// The resolved tables of `ctx`'s dataset, in the shape of a `with` function.
    #[inline]
    pub(crate) fn here(ctx: &mut Context<'_>) -> &'static Resolved {
        Resolved::of(ctx)
    }

    /// The resolved tables of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static Resolved {
        static CACHE: PerDataset<Resolved> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || Resolved::new(code))
    }

    /// The name of the state `code` of this dataset's state table; the code itself if the
    /// table lacks it.
    #[inline]
    pub(crate) fn state_name(&self, code: &'static str) -> &'static str {
        let Some(key) = packed_code(code) else {
            return state_name(self.state, code);
        };
        match self.state_names.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => self.state_names[i].1,
            Err(_) => code,
        }
    }
}
