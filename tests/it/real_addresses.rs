//! Generated addresses against published reference figures: every city of more than 100,000
//! inhabitants appears, the largest cities get their population share, postal codes have
//! their country's format, and area codes belong to their city.
//!
//! The reference files in `tests/it/reference/` name their source in their header; the city
//! lists are GeoNames populations (CC BY 4.0) written by `datasets/tools/extract_address.py`
//! with the spelling the city tables use (VN: `extract_vn_address.py`, with the GSO 2019
//! census population of the six provinces that are one city; US: under the postal city name
//! US addresses use, with the 2010 Census population of its ZIP codes, since a postal city is
//! not a municipality).

use std::collections::{HashMap, HashSet};

use datamimic::domain::common::{Address, AddressService};
use datamimic::{Strictness, tables};

/// Addresses generated per country.
pub(crate) const RECORDS: u64 = 200_000;

/// The countries with a reference list of their cities over 100,000 inhabitants: all 12.
const LARGE_CITY_COUNTRIES: [&str; 12] = [
    "US", "DE", "GB", "FR", "ES", "IT", "NL", "AT", "CH", "PL", "SE", "VN",
];

struct Reference {
    country_population: f64,
    /// (city, state code, population), largest first.
    cities: Vec<(&'static str, &'static str, f64)>,
}

fn reference(country: &str) -> Reference {
    let text: &'static str = match country {
        "US" => include_str!("reference/large_cities_US.csv"),
        "DE" => include_str!("reference/large_cities_DE.csv"),
        "GB" => include_str!("reference/large_cities_GB.csv"),
        "FR" => include_str!("reference/large_cities_FR.csv"),
        "ES" => include_str!("reference/large_cities_ES.csv"),
        "IT" => include_str!("reference/large_cities_IT.csv"),
        "NL" => include_str!("reference/large_cities_NL.csv"),
        "AT" => include_str!("reference/large_cities_AT.csv"),
        "CH" => include_str!("reference/large_cities_CH.csv"),
        "PL" => include_str!("reference/large_cities_PL.csv"),
        "SE" => include_str!("reference/large_cities_SE.csv"),
        "VN" => include_str!("reference/large_cities_VN.csv"),
        other => panic!("no reference for {other}"),
    };
    let mut country_population = None;
    let mut cities = Vec::new();
    for line in text.lines() {
        if let Some(total) = line
            .strip_prefix("# country population (")
            .and_then(|rest| rest.split_once("): "))
        {
            country_population = Some(total.1.parse().unwrap());
        }
        if line.starts_with('#') || line.starts_with("city,") {
            continue;
        }
        let cells: Vec<&'static str> = line.split(',').collect();
        cities.push((cells[0], cells[1], cells[2].parse().unwrap()));
    }
    Reference {
        country_population: country_population.expect("the country total"),
        cities,
    }
}

/// `RECORDS` addresses of `country`, on two threads, folded by `key`.
pub(crate) fn generated<K: std::hash::Hash + Eq + Send>(
    country: &str,
    key: impl Fn(&Address) -> K + Sync,
) -> HashMap<K, u64> {
    let service = AddressService::new(country).unwrap().seed(2024);
    let halves: Vec<HashMap<K, u64>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2u64)
            .map(|half| {
                let (service, key) = (&service, &key);
                s.spawn(move || {
                    let mut counts = HashMap::new();
                    for i in (half..RECORDS).step_by(2) {
                        *counts.entry(key(&service.record(i))).or_default() += 1;
                    }
                    counts
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut total = HashMap::new();
    for half in halves {
        for (k, n) in half {
            *total.entry(k).or_default() += n;
        }
    }
    total
}

#[test]
fn every_city_over_100k_appears_and_the_largest_get_their_share() {
    for country in LARGE_CITY_COUNTRIES {
        let reference = reference(country);
        assert!(!reference.cities.is_empty(), "{country}");
        let counts = generated(country, |a| (a.city, a.state_code));
        let missing: Vec<_> = reference
            .cities
            .iter()
            .filter(|(city, state, _)| !counts.contains_key(&(*city, *state)))
            .collect();
        assert!(
            missing.is_empty(),
            "{country}: never generated: {missing:?}"
        );
        for (city, state, population) in reference.cities.iter().take(10) {
            let expected = population / reference.country_population;
            let share = counts[&(*city, *state)] as f64 / RECORDS as f64;
            assert!(
                (share / expected - 1.0).abs() <= 0.2,
                "{country} {city}: {share:.5} generated vs {expected:.5} of the population"
            );
        }
    }
}

/// Whether `code` has the national format of `country`'s postal codes.
fn has_postal_format(country: &str, code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match country {
        "US" | "DE" | "FR" | "ES" | "IT" | "VN" => digits(code, 5),
        "AT" | "CH" | "NL" => digits(code, 4),
        "PL" => code
            .split_once('-')
            .is_some_and(|(a, b)| digits(a, 2) && digits(b, 3)),
        "SE" => code
            .split_once(' ')
            .is_some_and(|(a, b)| digits(a, 3) && digits(b, 2)),
        // Outward codes (the district): the GeoNames dump has no full postcodes.
        "GB" => {
            let letters = code.bytes().take_while(u8::is_ascii_alphabetic).count();
            let rest = &code[letters..];
            (1..=2).contains(&letters)
                && rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && (1..=2).contains(&rest.len())
                && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        other => panic!("no postal format for {other}"),
    }
}

#[test]
fn postal_codes_have_their_countrys_format() {
    // Codes that exist in source lists but are no address: whole-city codes La Poste does not
    // use, Royal Mail's non-geographic districts.
    let never = [
        ("FR", "75000"),
        ("FR", "69000"),
        ("FR", "13000"),
        ("GB", "NR99"),
        ("GB", "BN91"),
        ("GB", "WV98"),
        ("GB", "WV99"),
        ("GB", "BX1"),
    ];
    for country in [
        "US", "DE", "FR", "ES", "IT", "AT", "CH", "NL", "PL", "SE", "GB", "VN",
    ] {
        let counts = generated(country, |a| a.postal_code);
        for code in counts.keys() {
            assert!(
                has_postal_format(country, code),
                "{country}: postal code {code:?}"
            );
            assert!(
                !never.contains(&(country, *code)),
                "{country}: {code} is no address"
            );
        }
    }
    // Spanish codes start with the province number, 01 to 52.
    for code in generated("ES", |a| a.postal_code).keys() {
        let province: u8 = code[..2].parse().unwrap();
        assert!((1..=52).contains(&province), "ES {code}");
    }
    // Vietnamese codes start with their province's two digits (VNPost, Decision
    // 2475/QĐ-BTTTT): a code's province is the address's.
    let blocks = vn_postal_blocks();
    let vn = generated("VN", |a| (a.state_code, a.postal_code));
    assert_eq!(
        vn.keys()
            .map(|(state, _)| *state)
            .collect::<HashSet<_>>()
            .len(),
        blocks.len(),
        "VN: every province appears"
    );
    for (state, code) in vn.keys() {
        let (first, last) = blocks[state];
        assert!(
            (first..=last).contains(&&code[..2]),
            "VN {state}: postal code {code} outside {first}-{last}"
        );
    }
}

/// VN province (ISO 3166-2 code) -> the first and last two-digit block of its postal codes,
/// from `reference/vn_postal_blocks.csv`.
fn vn_postal_blocks() -> HashMap<&'static str, (&'static str, &'static str)> {
    include_str!("reference/vn_postal_blocks.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("state_code,"))
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0], (cells[1], cells[2]))
        })
        .collect()
}

/// Area codes of cities as the national numbering plans assign them (libphonenumber's
/// geocoding data, Apache-2.0): (country, city, area codes without the trunk prefix). The
/// European plans are prefix-free, so a longer code that extends a city's code lies in its
/// range (Madrid's numbers start 91, as in `912`).
const AREA_CODES: &[(&str, &str, &[&str])] = &[
    ("DE", "Berlin", &["30"]),
    ("DE", "Hamburg", &["40"]),
    ("DE", "München", &["89"]),
    ("DE", "Frankfurt am Main", &["69"]),
    ("DE", "Frankfurt (Oder)", &["335"]),
    ("AT", "Wien", &["1"]),
    ("AT", "Graz", &["316"]),
    ("IT", "Roma", &["06"]),
    ("IT", "Milano", &["02"]),
    ("FR", "Paris", &["1"]),
    ("FR", "Toulouse", &["5"]),
    ("FR", "Lyon", &["4"]),
    ("FR", "Marseille", &["4"]),
    ("FR", "Lille", &["3"]),
    ("FR", "Nantes", &["2"]),
    ("ES", "Madrid", &["91"]),
    ("ES", "Barcelona", &["93"]),
    ("VN", "Hà Nội", &["24"]),
    ("VN", "Thành phố Hồ Chí Minh", &["28"]),
    ("VN", "Đà Nẵng", &["236"]),
    ("VN", "Nha Trang", &["258"]),
    ("US", "Chicago", &["312", "773", "872"]),
    // Manhattan's postal city; 934 (which libphonenumber names "New York") is Suffolk County's.
    ("US", "New York", &["212", "332", "646"]),
    ("US", "Bronx", &["347", "718"]),
    (
        "US",
        "Los Angeles",
        &["213", "310", "323", "424", "747", "818"],
    ),
];

#[test]
fn area_codes_belong_to_the_city() {
    let countries: HashSet<&str> = AREA_CODES.iter().map(|r| r.0).collect();
    for country in countries {
        let counts = generated(country, |a| (a.city, a.area_code));
        for (_, city, codes) in AREA_CODES.iter().filter(|r| r.0 == country) {
            let seen: HashSet<&str> = counts
                .keys()
                .filter(|(c, _)| c == city)
                .map(|(_, code)| *code)
                .collect();
            assert!(!seen.is_empty(), "{country} {city} never generated");
            for code in &seen {
                let in_range = if country == "US" {
                    codes.contains(code)
                } else {
                    codes.iter().any(|c| code.starts_with(c))
                };
                assert!(in_range, "{country} {city}: area code {code}");
            }
            if codes.len() > 1 {
                assert!(seen.len() > 1, "{country} {city}: only {seen:?}");
            }
        }
    }
    // Austrian mobile ranges (libphonenumber's, in `common/phone/mobile_prefix`: 650, 664,
    // 688, ...) are never a city's landline code; Salzburg's 662 and Goldegg's 6483 are
    // geographic.
    let mobile = tables::COMMON_PHONE_MOBILE_PREFIX
        .resolve_with("AT", Strictness::Strict)
        .unwrap();
    let mobile: Vec<&str> = mobile.iter().map(|r| r.value()).collect();
    for ((), code) in generated("AT", |a| ((), a.area_code)).keys() {
        assert!(
            !mobile.contains(code),
            "AT landline with mobile prefix {code}"
        );
    }
}

/// (house number, occurrences among all Swiss addresses) as published, from
/// `reference/house_numbers_CH.csv`.
fn published_house_numbers_ch() -> Vec<(u16, f64)> {
    include_str!("reference/house_numbers_CH.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("number,"))
        .map(|line| {
            let (number, count) = line.split_once(',').unwrap();
            (number.parse().unwrap(), count.parse().unwrap())
        })
        .collect()
}

#[test]
fn swiss_house_numbers_fall_as_in_the_published_count() {
    let counts = generated("CH", |a| a.house_number);
    let share = |n: u16| counts.get(&n).copied().unwrap_or(0) as f64 / RECORDS as f64;
    let published = published_house_numbers_ch();
    let (first, first_count) = published[0];
    assert_eq!(first, 1);
    // Each published number relative to number 1, as the source gives them.
    for &(number, count) in &published[1..] {
        let expected = count / first_count;
        let generated = share(number) / share(1);
        assert!(
            (generated / expected - 1.0).abs() <= 0.1,
            "CH house number {number}: {generated:.3} of number 1 generated vs {expected:.3} published"
        );
    }
    // The published dip of 13 (avoided) below both its neighbours.
    assert!(share(13) < share(12) && share(13) < share(14));
    // Skewed small: half of all addresses carry a number up to 13, few one over 100.
    let up_to = |max: u16| (1..=max).map(share).sum::<f64>();
    assert!(up_to(13) > 0.45 && up_to(13) < 0.6, "{}", up_to(13));
    assert!(1.0 - up_to(100) < 0.01, "{}", 1.0 - up_to(100));
}

/// country -> state code (`*`: the whole country) -> population, as the statistics offices
/// publish them (`tests/reference/state_population.csv`).
fn published_state_populations() -> HashMap<&'static str, HashMap<&'static str, f64>> {
    let mut published: HashMap<&str, HashMap<&str, f64>> = HashMap::new();
    for line in include_str!("../reference/state_population.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("country,"))
    {
        let cells: Vec<&str> = line.split(',').collect();
        published
            .entry(cells[0])
            .or_default()
            .insert(cells[1], cells[2].parse().unwrap());
    }
    published
}

/// Generated addresses fall in each state at its published share of the population (the city
/// tables are fitted per state: `datasets/tools/fit_cities_to_states.py`, VN
/// `extract_vn_address.py`), for every state with at least 1 % of its country's people.
#[test]
fn addresses_spread_over_states_as_the_population() {
    for (country, states) in published_state_populations() {
        let counts = generated(country, |a| a.state_code);
        let total: f64 = states
            .iter()
            .filter(|(c, _)| **c != "*")
            .map(|(_, p)| p)
            .sum();
        for (state, population) in states.iter().filter(|(c, _)| **c != "*") {
            let expected = population / total;
            if expected < 0.01 {
                continue;
            }
            let share = counts.get(state).copied().unwrap_or(0) as f64 / RECORDS as f64;
            assert!(
                (share / expected - 1.0).abs() <= 0.05,
                "{country} {state}: {share:.4} of addresses vs {expected:.4} of the population"
            );
        }
    }
}

/// The state tables of GB, ES, AT, CH, IT, PL, SE and VN carry the populations the statistics offices
/// publish (`tests/reference/state_population.csv`), and the transcribed figures add up to the
/// national total the same table publishes, to the person (a slip in one figure shows here: VN's
/// Vĩnh Phúc was once typed 3,000 too high).
#[test]
fn state_tables_carry_the_published_populations() {
    let published = published_state_populations();
    assert_eq!(published.len(), 8);
    for (country, states) in &published {
        let table = tables::COMMON_ADDRESS_STATE
            .resolve_with(country, Strictness::Strict)
            .unwrap();
        let scale = 10f64.powi(table.weight_decimals() as i32);
        let in_table: HashMap<&str, f64> = (0..table.len())
            .map(|r| (table.value(r), table.scaled_weight(r) as f64 / scale))
            .collect();
        let total = states["*"];
        let by_state: HashMap<&str, f64> = states
            .iter()
            .filter(|(code, _)| **code != "*")
            .map(|(code, population)| (*code, *population))
            .collect();
        assert_eq!(in_table, by_state, "{country}: the state table");
        // whole people well under 2^53: the f64 sum is exact
        let sum: f64 = by_state.values().sum();
        assert_eq!(
            sum, total,
            "{country}: states add up to {sum}, the published total is {total}"
        );
    }
}

/// (country, operator, its national mobile prefixes, published share of subscribers), from
/// `tests/reference/mobile_operator_share.csv` (written with the tables by
/// `datasets/tools/extract_mobile_operator_share.py`, sources in its header).
fn published_operator_shares() -> Vec<(&'static str, &'static str, Vec<&'static str>, f64)> {
    include_str!("../reference/mobile_operator_share.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("country,"))
        .map(|line| {
            let cells: Vec<&'static str> = line.split(',').collect();
            let prefixes = cells[2].split(' ').collect();
            (cells[0], cells[1], prefixes, cells[3].parse().unwrap())
        })
        .collect()
}

/// Generated mobile numbers carry their operators' prefixes at the operators' published
/// shares of subscribers, and no prefix outside the operators' allocations (VN `14`, which
/// libphonenumber's pattern allows but no operator uses).
#[test]
fn mobile_prefixes_follow_the_operators_shares() {
    let published = published_operator_shares();
    let countries: HashSet<&str> = published.iter().map(|r| r.0).collect();
    assert!(countries.contains("VN"));
    for country in countries {
        let counts = generated(country, |a| a.mobile_phone.prefix());
        let operators: Vec<_> = published.iter().filter(|r| r.0 == country).collect();
        for prefix in counts.keys() {
            assert!(
                operators.iter().any(|op| op.2.contains(prefix)),
                "{country}: mobile prefix {prefix} belongs to no operator"
            );
        }
        for (_, operator, prefixes, share) in operators {
            let drawn: u64 = prefixes.iter().filter_map(|p| counts.get(p)).sum();
            let generated = drawn as f64 / RECORDS as f64;
            assert!(
                (generated / share - 1.0).abs() <= 0.05,
                "{country} {operator}: {generated:.4} of mobile numbers vs {share:.4} of subscribers"
            );
        }
    }
    let vn = generated("VN", |a| a.mobile_phone.prefix());
    assert!(!vn.contains_key("14"), "VN +84 14 is no operator's range");
}

/// US house numbers run by block: by number of digits, generated addresses follow the
/// population-weighted OpenAddresses sample of `reference/house_numbers_US.csv` (most have
/// three or four digits, a few one), each share within 25 % of the sample's.
#[test]
fn us_house_numbers_follow_the_openaddresses_sample() {
    let counts = generated("US", |a| a.house_number.to_string().len());
    for line in include_str!("reference/house_numbers_US.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("digits,"))
    {
        let (digits, share) = line.split_once(',').unwrap();
        let (digits, share): (usize, f64) = (digits.parse().unwrap(), share.parse().unwrap());
        let generated = counts.get(&digits).copied().unwrap_or(0) as f64 / RECORDS as f64;
        assert!(
            (generated / share - 1.0).abs() <= 0.25,
            "US house numbers of {digits} digits: {generated:.4} generated vs {share:.4} in the sample"
        );
    }
}
