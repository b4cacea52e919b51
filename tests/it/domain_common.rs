//! The common domain: Person, Address, City, Country, Company.
//!
//! Each coherence rule is checked over 100,000 records for every country all the tables
//! support (`cargo test --release`); the distribution tests compare generated data with the
//! facts in the tables.

use std::collections::{HashMap, HashSet};

use datamimic::domain::common::{
    Address, AddressService, CityService, Company, CompanyService, CountryService,
    DemographicConfig, Gender, Person, PersonConfig, PersonService,
};
use datamimic::text::email_local_part;
use datamimic::{Error, MimicRng, Strictness, Table, TableFamily, check, tables};

/// Records checked per country.
const RECORDS: u64 = 100_000;

fn countries() -> Vec<&'static str> {
    PersonService::supported_datasets()
}

fn table(family: &'static TableFamily, country: &str) -> &'static Table {
    family.resolve_with(country, Strictness::Strict).unwrap()
}

fn values(family: &'static TableFamily, country: &str) -> HashSet<&'static str> {
    let t = table(family, country);
    (0..t.len()).map(|r| t.value(r)).collect()
}

/// The given names of one sex a Person can have: the all-ages table and, where the country
/// has one, the by-birth-decade table.
fn given_names(family: &'static TableFamily, country: &str) -> HashSet<&'static str> {
    let by_decade = if std::ptr::eq(family, &tables::COMMON_PERSON_GIVEN_NAME_MALE) {
        &tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_MALE
    } else {
        &tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_FEMALE
    };
    let mut names = values(family, country);
    if let Ok(t) = by_decade.resolve_with(country, Strictness::Strict) {
        names.extend(t.iter().map(|r| r.value()));
    }
    names
}

/// Runs `check` on record 0..RECORDS of each country on two threads (records are independent).
fn per_country<T: Send>(
    make: impl Fn(&str) -> Box<dyn Fn(u64) -> T + Sync> + Sync,
    check: impl Fn(&str, &T) + Sync,
) {
    for country in countries() {
        let record = make(country);
        std::thread::scope(|s| {
            for half in 0..2u64 {
                let (record, check) = (&record, &check);
                s.spawn(move || {
                    for i in (half..RECORDS).step_by(2) {
                        check(country, &record(i));
                    }
                });
            }
        });
    }
}

fn people(config: PersonConfig) -> impl Fn(&str) -> Box<dyn Fn(u64) -> Person + Sync> + Sync {
    move |country| {
        let service = PersonService::with_config(country, config).unwrap().seed(7);
        Box::new(move |i| service.record(i))
    }
}

#[test]
fn every_country_is_supported() {
    let supported = countries();
    for code in [
        "AT", "CH", "DE", "ES", "FR", "GB", "IT", "NL", "PL", "SE", "US", "VN",
    ] {
        assert!(
            supported.contains(&code),
            "{code} missing from {supported:?}"
        );
        assert!(
            PersonService::new(code)
                .unwrap()
                .strictness(Strictness::Strict)
                .is_ok()
        );
    }
}

#[test]
fn gender_decides_given_name_salutation_and_nobility_title() {
    let config = PersonConfig {
        other_gender_quota: 0.1,
        noble_quota: 0.05,
        ..PersonConfig::default()
    };
    let mut facts = HashMap::new();
    for country in countries() {
        let salutations = table(&tables::COMMON_PERSON_SALUTATION, country);
        let by_gender: HashSet<(&str, &str)> =
            salutations.iter().map(|r| (r.cell(0), r.cell(1))).collect();
        let titles = |family: &'static TableFamily| -> HashSet<&'static str> {
            family
                .resolve_with(country, Strictness::Strict)
                .map(|t| (0..t.len()).map(|r| t.value(r)).collect())
                .unwrap_or_default()
        };
        facts.insert(
            country,
            (
                given_names(&tables::COMMON_PERSON_GIVEN_NAME_MALE, country),
                given_names(&tables::COMMON_PERSON_GIVEN_NAME_FEMALE, country),
                by_gender,
                titles(&tables::COMMON_PERSON_NOBILITY_TITLE_MALE),
                titles(&tables::COMMON_PERSON_NOBILITY_TITLE_FEMALE),
            ),
        );
    }
    per_country(people(config), |country, p| {
        let (male, female, salutations, noble_male, noble_female) = &facts[country];
        assert!(
            salutations.contains(&(p.gender.as_str(), p.salutation)),
            "{country}: {:?} with salutation {}",
            p.gender,
            p.salutation
        );
        let title = p.nobility_title;
        match p.gender {
            Gender::Male => {
                assert!(male.contains(p.given_name), "{country}: {}", p.given_name);
                assert!(title.is_empty() || noble_male.contains(title), "{title}");
            }
            Gender::Female => {
                assert!(female.contains(p.given_name), "{country}: {}", p.given_name);
                assert!(title.is_empty() || noble_female.contains(title), "{title}");
            }
            Gender::Other => {
                let as_female = female.contains(p.given_name) && !male.contains(p.given_name);
                let as_male = male.contains(p.given_name) && !female.contains(p.given_name);
                assert!(female.contains(p.given_name) || male.contains(p.given_name));
                // Name and title take the same form.
                assert!(
                    !(as_female && noble_male.contains(title) && !noble_female.contains(title))
                );
                assert!(!(as_male && noble_female.contains(title) && !noble_male.contains(title)));
            }
        }
    });
}

#[test]
fn birthdate_and_age_agree_with_the_clock() {
    let config = PersonConfig {
        min_age: 0,
        max_age: 99,
        ..PersonConfig::default()
    };
    let today = datamimic::Clock::anchor().today();
    per_country(people(config), |_, p| {
        assert_eq!(today.years_since(p.birthdate), Some(u32::from(p.age)));
        assert!(p.age <= 99);
    });
    // A demographic range wins over min_age/max_age and is met exactly, both ends reached.
    let narrow = PersonConfig {
        demographic: Some(DemographicConfig {
            age_min: Some(30),
            age_max: Some(31),
        }),
        ..PersonConfig::default()
    };
    let service = PersonService::with_config("DE", narrow).unwrap().seed(1);
    let ages: HashSet<u8> = (0..1_000).map(|i| service.record(i).age).collect();
    assert_eq!(ages, HashSet::from([30, 31]));
}

#[test]
fn impossible_ages_and_quotas_are_errors() {
    let reversed = PersonConfig {
        demographic: Some(DemographicConfig {
            age_min: Some(70),
            age_max: Some(20),
        }),
        ..PersonConfig::default()
    };
    assert!(matches!(
        PersonService::with_config("US", reversed),
        Err(Error::Constraint(_))
    ));
    let min_above_max = PersonConfig {
        min_age: 66,
        ..PersonConfig::default()
    };
    assert!(PersonService::with_config("US", min_above_max).is_err());
    let quotas = PersonConfig {
        female_quota: 0.8,
        other_gender_quota: 0.3,
        ..PersonConfig::default()
    };
    assert!(PersonService::with_config("US", quotas).is_err());
    assert!(PersonService::new("GER").is_err());
}

#[test]
fn email_is_built_from_the_persons_own_names() {
    assert_eq!(
        email_local_part(&["Jürgen", "Müller"], ".", "DE"),
        "juergen.mueller"
    );
    assert_eq!(
        email_local_part(&["Anna", "Ångström"], ".", "SE"),
        "anna.angstrom"
    );
    let domains: HashMap<&str, HashSet<&str>> = countries()
        .into_iter()
        .map(|c| (c, values(&tables::COMMON_NET_EMAIL_DOMAIN, c)))
        .collect();
    per_country(people(PersonConfig::default()), |country, p| {
        let email = p.email.to_string();
        assert!(p.email == *email && p.email.len() == email.len());
        assert_eq!(p.email.domain(), email.split('@').nth(1).unwrap());
        let (local, domain) = email.split_once('@').expect("one @");
        assert!(domains[country].contains(domain), "{country}: {}", p.email);
        let initial = &p.given_name[..p.given_name.chars().next().unwrap().len_utf8()];
        let forms = [
            email_local_part(&[p.given_name, p.family_name], ".", country),
            email_local_part(&[p.given_name, p.family_name], "_", country),
            email_local_part(&[p.given_name, p.family_name], "", country),
            email_local_part(&[initial, p.family_name], ".", country),
        ];
        assert!(
            forms.iter().any(|f| f == local),
            "{country}: {} for {}",
            p.email,
            p.full_name
        );
        assert!(email.is_ascii());
    });
    // The folding rules show up in generated data: a German Müller is mueller.
    let service = PersonService::new("DE").unwrap().seed(3);
    let muller = (0..20_000)
        .map(|i| service.record(i))
        .find(|p| p.family_name == "Müller")
        .expect("Müller is the most common German name");
    assert!(
        muller.email.to_string().contains("mueller@"),
        "{}",
        muller.email
    );
}

/// The (city, state code, postal code, area code) rows of a country.
fn city_rows(country: &str) -> HashSet<(&'static str, &'static str, &'static str, &'static str)> {
    table(&tables::COMMON_ADDRESS_CITY, country)
        .iter()
        .map(|r| (r.cell(0), r.cell(1), r.cell(2), r.cell(3)))
        .collect()
}

#[test]
fn address_parts_come_from_one_row() {
    let dresden = city_rows("DE");
    assert!(dresden.iter().any(|r| r.0 == "Dresden" && r.2 == "01067"));
    let rows: HashMap<&str, _> = countries().into_iter().map(|c| (c, city_rows(c))).collect();
    let states: HashMap<&str, HashMap<&str, &str>> = countries()
        .into_iter()
        .map(|c| {
            let t = table(&tables::COMMON_ADDRESS_STATE, c);
            (c, t.iter().map(|r| (r.cell(0), r.cell(1))).collect())
        })
        .collect();
    let streets: HashMap<&str, _> = countries()
        .into_iter()
        .map(|c| (c, values(&tables::COMMON_ADDRESS_STREET, c)))
        .collect();
    let addresses = |country: &str| -> Box<dyn Fn(u64) -> Address + Sync> {
        let service = AddressService::new(country).unwrap().seed(11);
        Box::new(move |i| service.record(i))
    };
    per_country(addresses, |country, a| {
        let row = (a.city, a.state_code, a.postal_code, a.area_code);
        assert!(
            rows[country].contains(&row),
            "{country}: {row:?} is not one row"
        );
        assert_eq!(states[country][a.state_code], a.state);
        assert!(streets[country].contains(a.street));
        assert_eq!(a.country_code, country);
        assert!(a.house_number >= 1);
        let line = a.full_address.to_string();
        assert!(line.contains(a.postal_code) && line.contains(a.city) && line.contains(a.street));
        if country == "DE" {
            assert_eq!(a.postal_code.len(), 5, "{a:?}");
        }
    });
}

#[test]
fn phones_use_the_calling_code_area_code_and_mobile_prefixes() {
    let prefixes: HashMap<&str, _> = countries()
        .into_iter()
        .map(|c| (c, values(&tables::COMMON_PHONE_MOBILE_PREFIX, c)))
        .collect();
    let codes: HashMap<&str, &str> = tables::COMMON_GEO_COUNTRY.variants()[0]
        .iter()
        .map(|r| (r.cell(0), r.cell(3)))
        .collect();
    per_country(people(PersonConfig::default()), |country, p| {
        let a = &p.address;
        let calling = codes[country];
        for landline in [p.phone, a.phone, a.fax] {
            assert_eq!(landline.country_code(), calling);
            assert_eq!(landline.prefix(), a.area_code);
            let text = landline.to_string();
            assert!(
                text.starts_with(&format!("+{calling} {} ", a.area_code)),
                "{text}"
            );
        }
        assert_eq!(p.mobile_phone, a.mobile_phone);
        assert_eq!(p.mobile_phone.country_code(), calling);
        assert!(prefixes[country].contains(p.mobile_phone.prefix()));
        if country == "DE" {
            // German mobile numbers are 015x-017x, never a landline area code.
            assert!(p.mobile_phone.prefix().starts_with('1'));
            assert!(!a.area_code.starts_with('1'));
        }
    });
}

#[test]
fn company_legal_form_email_and_url_fit_its_country_and_name() {
    let forms: HashMap<&str, _> = countries()
        .into_iter()
        .map(|c| (c, values(&tables::COMMON_ORGANIZATION_LEGAL_FORM, c)))
        .collect();
    let companies = |country: &str| -> Box<dyn Fn(u64) -> Company + Sync> {
        let service = CompanyService::new(country).unwrap().seed(5);
        Box::new(move |i| service.record(i))
    };
    per_country(companies, |country, c| {
        assert!(
            forms[country].contains(c.legal_form),
            "{country}: {}",
            c.legal_form
        );
        if country == "VN" {
            assert_eq!(c.full_name, format!("{} {}", c.legal_form, c.short_name));
        } else {
            assert_eq!(c.full_name, format!("{} {}", c.short_name, c.legal_form));
        }
        let slug = email_local_part(&[c.short_name], "-", country);
        let (user, domain) = c.email.split_once('@').unwrap();
        assert_eq!(user, "info");
        assert!(
            domain.starts_with(&format!("{slug}.")),
            "{} from {}",
            c.email,
            c.short_name
        );
        assert_eq!(c.url, format!("https://www.{domain}"));
        assert_eq!(c.country_code, country);
        assert_eq!(c.phone_number.prefix(), c.office_phone.prefix());
    });
}

#[test]
fn services_have_datamimics_shape() {
    let mut service = PersonService::new("US").unwrap().seed(9);
    let first = service.generate();
    let batch = service.generate_batch(5);
    let streamed: Vec<Person> = service.iter().take(2).collect();
    assert_eq!(first, service.record(0));
    assert_eq!(batch[4], service.record(5));
    assert_eq!(streamed[1], service.record(7));
    let again = PersonService::new("US").unwrap().seed(9);
    assert_eq!(again.record(3), service.record(3));
    assert_eq!(first.full_name, first.name);
    assert_eq!(
        first.full_name.to_string(),
        format!("{} {}", first.given_name, first.family_name)
    );
    let country = CountryService::new("US").unwrap().seed(1).generate();
    assert_eq!(country.iso_code.len(), 2);
    let city = CityService::new("DE").unwrap().seed(1).generate();
    assert_eq!(
        (city.country_code, city.country, city.language),
        ("DE", "Germany", "de")
    );
    assert!(city.population > 0);
    // A dataset no company table has is an error, strict or not.
    assert!(matches!(
        CompanyService::new("JP"),
        Err(Error::UnknownDataset { .. })
    ));
    let french = CompanyService::new("FR")
        .unwrap()
        .strictness(Strictness::Strict);
    assert!(french.is_ok());
    // A dataset that no address table has is an error, not a US address in disguise.
    assert!(matches!(
        AddressService::new("JP"),
        Err(Error::UnknownDataset { .. })
    ));
}

/// Counts keys (and true flags) over records `0..n`, on two threads.
fn counted<K: std::hash::Hash + Eq + Send>(
    n: u64,
    record: impl Fn(u64) -> (K, bool) + Sync,
) -> (HashMap<K, u64>, u64) {
    let halves: Vec<(HashMap<K, u64>, u64)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2u64)
            .map(|half| {
                let record = &record;
                s.spawn(move || {
                    let (mut counts, mut flags) = (HashMap::new(), 0);
                    for i in (half..n).step_by(2) {
                        let (key, flag) = record(i);
                        *counts.entry(key).or_default() += 1;
                        flags += u64::from(flag);
                    }
                    (counts, flags)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut total = (HashMap::new(), 0);
    for (counts, flags) in halves {
        for (key, count) in counts {
            *total.0.entry(key).or_default() += count;
        }
        total.1 += flags;
    }
    total
}

#[test]
fn generated_distributions_match_their_sources() {
    // The top US family names in the census order, and the configured sex ratio.
    for female_quota in [0.5, 0.7] {
        let config = PersonConfig {
            female_quota,
            ..PersonConfig::default()
        };
        let service = PersonService::with_config("US", config).unwrap().seed(21);
        let (families, women) = counted(100_000, |i| {
            let p = service.record(i);
            (p.family_name, p.gender == Gender::Female)
        });
        let mut ranked: Vec<(&str, u64)> = families.into_iter().collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        let top: Vec<&str> = ranked.iter().take(3).map(|r| r.0).collect();
        assert_eq!(top, ["Smith", "Johnson", "Williams"]);
        let share = women as f64 / 100_000.0;
        // Four standard deviations of a binomial share at n = 100,000.
        assert!(
            (share - female_quota).abs() < 0.007,
            "{share} vs {female_quota}"
        );
    }
    // The largest cities get their population share: compare the five biggest with the table.
    for country in ["US", "DE"] {
        let t = table(&tables::COMMON_ADDRESS_CITY, country);
        let mut expected: HashMap<(&str, &str), f64> = HashMap::new();
        for r in 0..t.len() {
            *expected.entry((t.cell(r, 0), t.cell(r, 1))).or_default() += t.probability(r);
        }
        let mut biggest: Vec<((&str, &str), f64)> = expected.into_iter().collect();
        biggest.sort_by(|a, b| b.1.total_cmp(&a.1));
        let service = AddressService::new(country).unwrap().seed(4);
        let (observed, _) = counted(100_000, |i| {
            let a = service.record(i);
            ((a.city, a.state_code), false)
        });
        for (city, p) in &biggest[..5] {
            let share = observed.get(city).copied().unwrap_or(0) as f64 / 100_000.0;
            let sd = (p * (1.0 - p) / 100_000.0).sqrt();
            assert!(
                (share - p).abs() < 5.0 * sd,
                "{country} {city:?}: {share} vs {p}"
            );
        }
        if country == "DE" {
            assert_eq!(biggest[0].0.0, "Berlin");
        }
    }
}

#[test]
fn chi_square_passes_on_every_common_table() {
    let mut rng = MimicRng::seed_from_u64(2024);
    for family in tables::ALL
        .iter()
        .filter(|f| f.key().starts_with("common/"))
    {
        for t in family.variants() {
            let n = (t.len() as u64 * 20).clamp(50_000, 400_000);
            let fit = check::chi_square(t, n, &mut rng);
            assert!(fit.passes(1e-6), "{} {:?}: {fit:?}", t.key(), t.country());
        }
    }
}
