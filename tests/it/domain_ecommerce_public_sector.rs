//! Realism, coherence and identifiers of the e-commerce and public-sector domains.
//!
//! The realism checks run over 100,000 records each for US and DE (10,000 per country for the
//! other-country orders and the age-limit edge case). Identifiers and sums are verified by
//! implementations written here, independently of the library's; distributions are compared
//! with the tables' weights by Pearson's chi-square test.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, Months, NaiveDate};
use datamimic::domain::common::DemographicConfig;
use datamimic::domain::ecommerce::{Order, OrderService, Product, ProductService};
use datamimic::domain::public_sector::{
    AdministrationOfficeService, EducationalInstitutionService, PoliceOfficerService,
};
use datamimic::text::email_local_part;
use datamimic::{Clock, Error, Strictness, Table, TableFamily, check, tables};

const RECORDS: u64 = 100_000;
const COUNTRIES: [&str; 2] = ["US", "DE"];
/// Significance level of the goodness-of-fit tests.
const ALPHA: f64 = 1e-4;

fn table(family: &'static TableFamily, country: &str) -> &'static Table {
    family.resolve_with(country, Strictness::Strict).unwrap()
}

/// Counts of `values` by the first-column value of each row of `table`, tested against the
/// table's weights.
fn assert_follows(what: &str, table: &'static Table, values: &HashMap<&str, u64>) {
    let observed: Vec<u64> = (0..table.len())
        .map(|r| values.get(table.value(r)).copied().unwrap_or(0))
        .collect();
    assert_eq!(
        observed.iter().sum::<u64>(),
        values.values().sum::<u64>(),
        "{what}: a value outside {}",
        table.source()
    );
    let probabilities: Vec<f64> = (0..table.len()).map(|r| table.probability(r)).collect();
    let fit = check::chi_square_counts(&observed, &probabilities);
    assert!(fit.passes(ALPHA), "{what} vs {}: {fit:?}", table.source());
}

/// EAN-13, written from the GS1 specification: digits weighted 1, 3, 1, ... from the left;
/// the check digit tops the sum up to a multiple of ten.
fn ean13_is_valid(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if code.len() != 13 || digits.len() != 13 {
        return false;
    }
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { *d } else { 3 * d })
        .sum();
    (10 - sum % 10) % 10 == digits[12]
}

/// GS1 prefixes of the member organisations (gs1.org "GS1 Company Prefix" list).
fn gs1_country(prefix: u32) -> Option<&'static str> {
    match prefix {
        0..=19 | 30..=39 | 60..=139 => Some("US"),
        400..=440 => Some("DE"),
        _ => None,
    }
}

/// Tax rate of each category in parts per million, parsed here from the table's text.
fn tax_rates(country: &str) -> HashMap<&'static str, i64> {
    let t = table(&tables::ECOMMERCE_TAX_RATE, country);
    let rate = t.columns().iter().position(|&c| c == "rate").unwrap();
    (0..t.len())
        .map(|r| {
            let text = t.cell(r, rate);
            let ppm = (text.parse::<f64>().unwrap() * 1e6).round() as i64;
            (t.value(r), ppm)
        })
        .collect()
}

/// `amount × ppm / 10⁶`, rounded half up to the cent.
fn percent_of(cents: i64, ppm: i64) -> i64 {
    (cents * ppm + 500_000).div_euclid(1_000_000)
}

fn nouns_by_category(country: &str) -> HashMap<&'static str, HashSet<&'static str>> {
    let t = table(&tables::ECOMMERCE_PRODUCT_NOUN, country);
    let mut by_category: HashMap<_, HashSet<_>> = HashMap::new();
    for r in 0..t.len() {
        by_category
            .entry(t.cell(r, 0))
            .or_default()
            .insert(t.cell(r, 1));
    }
    by_category
}

fn currency(country: &str) -> &'static str {
    match country {
        "US" => "USD",
        _ => "EUR",
    }
}

fn check_product(country: &str, p: &Product, nouns: &HashMap<&str, HashSet<&str>>) {
    let code = p.ean.to_string();
    assert!(ean13_is_valid(&code), "{code}");
    assert_eq!(
        gs1_country(code[..3].parse().unwrap()),
        Some(country),
        "{code}"
    );
    assert!(
        nouns[p.category].contains(p.name.noun()),
        "{} in {}",
        p.name,
        p.category
    );
    assert!(p.sku.to_string().starts_with(&p.category[..3]));
    assert_eq!(p.currency, currency(country));
    assert!((1.0..=5.0).contains(&p.rating));
    assert!(p.weight > 0.0);
    let d = p.dimensions;
    assert!(d.length_cm >= d.width_cm && d.width_cm >= d.height_cm && d.height_cm >= 0.5);
}

#[test]
fn products_carry_valid_ean13_codes_and_fit_their_category() {
    for country in COUNTRIES {
        let nouns = nouns_by_category(country);
        let service = ProductService::new(country).unwrap().seed(11);
        let mut categories = HashMap::new();
        let mut nouns_drawn: HashMap<(&str, &str), u64> = HashMap::new();
        let mut electronics_adjectives: HashMap<&str, u64> = HashMap::new();
        let mut charm = 0;
        for i in 0..RECORDS {
            let p = service.record(i);
            check_product(country, &p, &nouns);
            assert!((99..=99_999).contains(&p.price.cents()), "{}", p.price);
            charm += u64::from(p.price.cents() % 100 == 99);
            *categories.entry(p.category).or_insert(0) += 1;
            *nouns_drawn.entry((p.category, p.name.noun())).or_insert(0) += 1;
            let adjective = p.name.adjective();
            if ["Wireless", "kabellos"].contains(&adjective) {
                assert!(
                    ["ELECTRONICS", "OFFICE_SUPPLIES"].contains(&p.category),
                    "{}",
                    p.name
                );
            }
            if ["Organic", "bio"].contains(&adjective) {
                assert!(!["ELECTRONICS", "AUTOMOTIVE", "FURNITURE"].contains(&p.category));
            }
            if p.category == "ELECTRONICS" {
                *electronics_adjectives.entry(adjective).or_insert(0) += 1;
            }
        }
        // Electronics take every adjective but the organic one, at the table's weights.
        let adjectives = table(&tables::ECOMMERCE_PRODUCT_ADJECTIVE, country);
        let rows: Vec<usize> = (0..adjectives.len())
            .filter(|&r| !["Organic", "bio"].contains(&adjectives.value(r)))
            .collect();
        let total: u64 = rows.iter().map(|&r| adjectives.scaled_weight(r)).sum();
        let observed: Vec<u64> = rows
            .iter()
            .map(|&r| {
                electronics_adjectives
                    .get(adjectives.value(r))
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        assert_eq!(
            observed.iter().sum::<u64>(),
            electronics_adjectives.values().sum::<u64>()
        );
        let probabilities: Vec<f64> = rows
            .iter()
            .map(|&r| adjectives.scaled_weight(r) as f64 / total as f64)
            .collect();
        let fit = check::chi_square_counts(&observed, &probabilities);
        assert!(
            fit.passes(ALPHA),
            "{country} electronics adjectives: {fit:?}"
        );
        // Within each category, nouns follow their own weights.
        let noun_table = table(&tables::ECOMMERCE_PRODUCT_NOUN, country);
        for category in nouns.keys() {
            let rows: Vec<usize> = (0..noun_table.len())
                .filter(|&r| noun_table.cell(r, 0) == *category)
                .collect();
            let total: u64 = rows.iter().map(|&r| noun_table.scaled_weight(r)).sum();
            let observed: Vec<u64> = rows
                .iter()
                .map(|&r| {
                    nouns_drawn
                        .get(&(*category, noun_table.cell(r, 1)))
                        .copied()
                        .unwrap_or(0)
                })
                .collect();
            let probabilities: Vec<f64> = rows
                .iter()
                .map(|&r| noun_table.scaled_weight(r) as f64 / total as f64)
                .collect();
            let fit = check::chi_square_counts(&observed, &probabilities);
            assert!(fit.passes(ALPHA), "{country} {category} nouns: {fit:?}");
        }
        assert_follows(
            "category",
            table(&tables::ECOMMERCE_PRODUCT_CATEGORY, country),
            &categories,
        );
        assert!(charm > RECORDS / 2, "{country}: {charm} prices end in .99");
    }
}

#[test]
fn product_prices_stay_in_the_configured_range() {
    let service = ProductService::with_prices("DE", 10.0, 20.0)
        .unwrap()
        .seed(3);
    for i in 0..RECORDS {
        let cents = service.record(i).price.cents();
        assert!((1_000..=2_000).contains(&cents), "{cents}");
    }
    let err = ProductService::with_prices("DE", 20.0, 10.0).unwrap_err();
    assert!(matches!(err, Error::Constraint(_)), "{err:?}");
    assert!(ProductService::with_prices("US", -1.0, 10.0).is_err());
    assert!(ProductService::with_prices("US", 5.0, 5.0).is_ok());
}

fn check_order(
    country: &str,
    o: &Order,
    rates: &HashMap<&str, i64>,
    shipping: &HashMap<&str, i64>,
    now: chrono::DateTime<chrono::Utc>,
) {
    let mut lines = 0;
    let mut tax = 0;
    assert!((1..=5).contains(&o.product_list.len()));
    for line in &o.product_list {
        let cents = line.price.cents() * i64::from(line.quantity);
        assert_eq!(line.line_total.cents(), cents);
        let line_tax = percent_of(cents, rates[line.category]);
        assert_eq!(line.tax_amount.cents(), line_tax);
        assert!(ean13_is_valid(&line.ean.to_string()));
        assert!(line.sku.to_string().starts_with(&line.category[..3]));
        lines += cents;
        tax += line_tax;
    }
    assert_eq!(o.tax_amount.cents(), tax);
    assert_eq!(o.shipping_amount.cents(), shipping[o.shipping_method]);
    let discount = match o.coupon_code {
        None => 0,
        Some(code) => {
            let percent: i64 = code
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .parse()
                .unwrap();
            percent_of(lines, percent * 10_000)
        }
    };
    assert_eq!(o.discount_amount.cents(), discount);
    assert_eq!(
        o.total_amount.cents(),
        lines + tax + o.shipping_amount.cents() - discount,
        "{o:?}"
    );
    assert!(o.total_amount.cents() > 0);
    assert_eq!(o.currency, currency(country));
    assert!(
        o.date <= now && o.date > now - Duration::days(366),
        "{}",
        o.date
    );
    // The date fits the status: open orders are recent, delivered ones are not brand new.
    let age = now - o.date;
    if [
        "PENDING",
        "PROCESSING",
        "BESTELLUNG_EINGEGANGEN",
        "IN_BEARBEITUNG",
    ]
    .contains(&o.status)
    {
        assert!(age <= Duration::days(3), "{} {}", o.status, o.date);
    }
    if ["DELIVERED", "ZUGESTELLT", "REFUNDED", "ERSTATTET"].contains(&o.status) {
        assert!(age >= Duration::days(3), "{} {}", o.status, o.date);
    }
    assert_eq!(o.shipping_address.country_code, country);
    assert_eq!(o.billing_address.country_code, country);
}

#[test]
fn order_totals_add_up_exactly_in_the_country_currency() {
    for country in COUNTRIES {
        let rates = tax_rates(country);
        let methods = table(&tables::ECOMMERCE_SHIPPING_METHOD, country);
        let cost = methods.columns().iter().position(|&c| c == "cost").unwrap();
        let shipping: HashMap<&str, i64> = (0..methods.len())
            .map(|r| {
                let cents = (methods.cell(r, cost).parse::<f64>().unwrap() * 100.0).round();
                (methods.value(r), cents as i64)
            })
            .collect();
        let now = Clock::anchor().now();
        let service = OrderService::new(country).unwrap().seed(5);
        let (mut statuses, mut payments, mut methods_used) =
            (HashMap::new(), HashMap::new(), HashMap::new());
        let (mut coupons, mut same_billing) = (0u64, 0u64);
        for i in 0..RECORDS {
            let o = service.record(i);
            check_order(country, &o, &rates, &shipping, now);
            *statuses.entry(o.status).or_insert(0) += 1;
            *payments.entry(o.payment_method).or_insert(0) += 1;
            *methods_used.entry(o.shipping_method).or_insert(0) += 1;
            coupons += u64::from(o.coupon_code.is_some());
            same_billing += u64::from(o.billing_address == o.shipping_address);
        }
        assert_follows(
            "status",
            table(&tables::ECOMMERCE_ORDER_STATUS, country),
            &statuses,
        );
        assert_follows(
            "payment",
            table(&tables::ECOMMERCE_PAYMENT_METHOD, country),
            &payments,
        );
        assert_follows("shipping", methods, &methods_used);
        let share = |n: u64| n as f64 / RECORDS as f64;
        assert!((share(coupons) - 0.15).abs() < 0.01, "{}", share(coupons));
        assert!(
            (share(same_billing) - 0.85).abs() < 0.01,
            "{}",
            share(same_billing)
        );
    }
}

#[test]
fn orders_elsewhere_use_the_local_currency_vat_and_addresses() {
    let now = Clock::anchor().now();
    for (country, currency) in [
        ("FR", "EUR"),
        ("GB", "GBP"),
        ("CH", "CHF"),
        ("SE", "SEK"),
        ("PL", "PLN"),
    ] {
        let rates = tax_rates(country);
        let service = OrderService::new(country).unwrap().seed(4);
        for i in 0..RECORDS / 10 {
            let o = service.record(i);
            assert_eq!(o.currency, currency);
            let mut lines = 0;
            let mut tax = 0;
            for line in &o.product_list {
                lines += line.line_total.cents();
                tax += percent_of(line.line_total.cents(), rates[line.category]);
            }
            assert_eq!(o.tax_amount.cents(), tax, "{country}");
            assert_eq!(
                o.total_amount.cents(),
                lines + tax + o.shipping_amount.cents() - o.discount_amount.cents()
            );
            assert!(o.date <= now);
            assert_eq!(o.shipping_address.country_code, country);
            let prefix = u32::from(
                o.product_list[0].ean.to_string()[..3]
                    .parse::<u16>()
                    .unwrap(),
            );
            let gs1 = match country {
                "FR" => 300..=379,
                "GB" => 500..=509,
                "CH" => 760..=769,
                "SE" => 730..=739,
                _ => 590..=590,
            };
            assert!(gs1.contains(&prefix), "{country}: {prefix}");
        }
    }
}

#[test]
fn german_orders_pay_reduced_vat_on_food_and_books() {
    let rates = tax_rates("DE");
    assert_eq!(rates["FOOD"], 70_000);
    assert_eq!(rates["BOOKS"], 70_000);
    assert_eq!(rates["ELECTRONICS"], 190_000);
}

#[test]
fn police_officers_are_people_with_coherent_careers() {
    let today = Clock::anchor().today();
    for country in COUNTRIES {
        let ranks = table(&tables::PUBLIC_SECTOR_POLICE_RANK, country);
        let rank_index: HashMap<&str, u32> = (0..ranks.len())
            .map(|r| (ranks.value(r), r as u32))
            .collect();
        let certifications: HashSet<&str> = {
            let t = table(&tables::PUBLIC_SECTOR_POLICE_CERTIFICATION, country);
            (0..t.len()).map(|r| t.value(r)).collect()
        };
        let phone_prefix = if country == "US" { "+1 " } else { "+49 " };
        let hiring_age = if country == "US" { 21 } else { 19 };
        let service = PoliceOfficerService::new(country).unwrap().seed(8);
        let (mut rank_counts, mut departments) = (HashMap::new(), HashMap::new());
        let languages = table(&tables::PUBLIC_SECTOR_LANGUAGE, country);
        let mut spoken: HashMap<&str, u64> = HashMap::new();
        for i in 0..RECORDS {
            let o = service.record(i);
            let years = |from: NaiveDate| today.years_since(from).unwrap();
            assert_eq!(u32::from(o.age), years(o.birthdate));
            assert!((21..=60).contains(&o.age));
            let adult = o
                .birthdate
                .checked_add_months(Months::new(12 * 18))
                .unwrap();
            assert!(o.hire_date > adult && o.hire_date <= today, "{o:?}");
            assert_eq!(u32::from(o.years_of_service), years(o.hire_date));
            // Senior ranks have served two years per step, where the officer's age allows.
            let required = 2 * rank_index[o.rank];
            if u32::from(o.age) > hiring_age + required {
                assert!(u32::from(o.years_of_service) >= required, "{o:?}");
            }
            let family = email_local_part(&[o.family_name], "", country);
            assert!(
                o.email.to_string().contains(&family),
                "{} for {}",
                o.email,
                o.family_name
            );
            assert!(o.phone.to_string().starts_with(phone_prefix));
            assert_eq!(o.address.country_code, country);
            assert_eq!(
                o.full_name.to_string(),
                format!("{} {}", o.given_name, o.family_name)
            );
            assert!((1..=4).contains(&o.certifications.len()));
            assert!(o.certifications.iter().all(|c| certifications.contains(c)));
            assert_eq!(o.languages[0], languages.cell(0, 1));
            for language in o.languages.iter() {
                *spoken.entry(language).or_insert(0) += 1;
            }
            *rank_counts.entry(o.rank).or_insert(0) += 1;
            *departments.entry(o.department).or_insert(0) += 1;
        }
        assert_follows("rank", ranks, &rank_counts);
        assert_follows(
            "department",
            table(&tables::PUBLIC_SECTOR_POLICE_DEPARTMENT, country),
            &departments,
        );
        // Each further language at its share of speakers (CLDR per-cent figures).
        for r in 1..languages.len() {
            let p = languages.scaled_weight(r) as f64
                / 10f64.powi(languages.weight_decimals() as i32)
                / 100.0;
            let expected = p * RECORDS as f64;
            let observed = spoken.get(languages.cell(r, 1)).copied().unwrap_or(0) as f64;
            let sigma = (expected * (1.0 - p)).sqrt();
            assert!(
                (observed - expected).abs() <= 5.0 * sigma + 1.0,
                "{country} {}: {observed} speakers, {expected} expected",
                languages.cell(r, 1)
            );
        }
    }
}

#[test]
fn police_demographics_are_validated() {
    let ages = |min, max| DemographicConfig {
        age_min: Some(min),
        age_max: Some(max),
    };
    assert!(matches!(
        PoliceOfficerService::with_demographics("US", ages(50, 30)),
        Err(Error::Constraint(_))
    ));
    assert!(PoliceOfficerService::with_demographics("US", ages(16, 30)).is_err());
    let service = PoliceOfficerService::with_demographics("DE", ages(18, 19))
        .unwrap()
        .seed(2);
    let today = Clock::anchor().today();
    for i in 0..10_000 {
        let o = service.record(i);
        assert!((18..=19).contains(&o.age));
        let adult = o
            .birthdate
            .checked_add_months(Months::new(12 * 18))
            .unwrap();
        assert!(o.hire_date >= adult && o.hire_date <= today);
    }
}

#[test]
fn offices_belong_to_their_place_and_size() {
    for country in COUNTRIES {
        let service = AdministrationOfficeService::new(country).unwrap().seed(6);
        let mut kinds = HashMap::new();
        let tld = if country == "US" { ".gov" } else { ".de" };
        let per_staff = if country == "US" { 110_000.0 } else { 85_000.0 };
        for i in 0..RECORDS {
            let o = service.record(i);
            let a = &o.address;
            assert!(o.jurisdiction == a.city || o.jurisdiction == a.state);
            let name = o.name.to_string();
            assert!(
                name.contains(o.kind) && name.contains(o.jurisdiction),
                "{name}"
            );
            assert!(o.website.to_string().ends_with(tld));
            let host = o.website.to_string()["https://www.".len()..].to_owned();
            assert!(o.email.to_string().ends_with(&format!("@{host}")));
            assert_eq!(o.phone, a.phone);
            assert!((1850..2025).contains(&o.founding_year));
            let per_head = o.annual_budget as f64 / f64::from(o.staff_count);
            assert!(
                (0.79 * per_staff..=1.61 * per_staff).contains(&per_head),
                "{per_head}"
            );
            assert!((2..=4).contains(&o.services.len()) && (3..=5).contains(&o.departments.len()));
            assert_ne!(o.leadership[0].name, o.leadership[1].name);
            *kinds.entry(o.kind).or_insert(0) += 1;
        }
        assert_follows(
            "office type",
            table(&tables::PUBLIC_SECTOR_OFFICE_TYPE, country),
            &kinds,
        );
    }
}

#[test]
fn institutions_fit_their_level() {
    for country in COUNTRIES {
        let types = table(&tables::PUBLIC_SECTOR_EDUCATION_INSTITUTION_TYPE, country);
        let level_of: HashMap<&str, &str> = (0..types.len())
            .map(|r| (types.value(r), types.cell(r, 1)))
            .collect();
        let programs = table(&tables::PUBLIC_SECTOR_EDUCATION_PROGRAM, country);
        let programs: HashSet<(&str, &str)> = (0..programs.len())
            .map(|r| (programs.cell(r, 0), programs.cell(r, 1)))
            .collect();
        let service = EducationalInstitutionService::new(country).unwrap().seed(9);
        let mut kinds = HashMap::new();
        for i in 0..RECORDS {
            let s = service.record(i);
            assert_eq!(level_of[s.kind], s.level);
            assert!(!s.programs.is_empty());
            assert!(
                s.programs.iter().all(|p| programs.contains(&(s.level, *p))),
                "{s:?}"
            );
            let ratio = f64::from(s.student_count) / f64::from(s.staff_count);
            assert!(
                (5.0..=26.0).contains(&ratio) || s.staff_count == 5,
                "{ratio}"
            );
            assert!(s.founding_year < 2025);
            assert!(s.name.to_string().contains(s.address.city));
            if country == "US" && s.level != "k12" {
                assert_eq!(s.accreditations.len(), 1);
            }
            *kinds.entry(s.kind).or_insert(0) += 1;
        }
        assert_follows("institution type", types, &kinds);
    }
}

#[test]
fn services_are_reproducible_and_strict_about_datasets() {
    let mut orders = OrderService::new("DE").unwrap().seed(1);
    let first = orders.generate_batch(3);
    assert_eq!(first[2], orders.record(2));
    assert_eq!(orders.iter().next(), Some(orders.record(3)));
    for supported in [
        ProductService::supported_datasets(),
        OrderService::supported_datasets(),
        PoliceOfficerService::supported_datasets(),
        AdministrationOfficeService::supported_datasets(),
        EducationalInstitutionService::supported_datasets(),
    ] {
        assert!(
            supported.contains(&"US") && supported.contains(&"DE"),
            "{supported:?}"
        );
    }
    // A dataset that no product table has is an error, not a US product in disguise.
    assert!(matches!(
        ProductService::new("JP"),
        Err(Error::UnknownDataset { .. })
    ));
}
