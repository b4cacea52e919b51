//! Realism, coherence and identifiers of the finance and insurance domain.
//!
//! Each check runs over 100,000 records for US and DE; identifiers are verified by
//! implementations written here, independent of the library's.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use datamimic::domain::common::DemographicConfig;
use datamimic::domain::finance::{
    BankAccountService, BankService, CreditCardService, TransactionService,
};
use datamimic::domain::insurance::{
    InsuranceCompanyService, InsuranceCoverageService, InsurancePolicyService,
    InsuranceProductService,
};
use datamimic::{Clock, Strictness, Table, tables};

const RECORDS: u64 = 100_000;
const COUNTRIES: [&str; 2] = ["US", "DE"];

fn table(family: &'static datamimic::TableFamily, country: &str) -> &'static Table {
    family.resolve_with(country, Strictness::Strict).unwrap()
}

/// Runs `check` on records 0..RECORDS on two threads (records are independent).
fn each_record<T>(record: impl Fn(u64) -> T + Sync, check: impl Fn(&T) + Sync) {
    std::thread::scope(|s| {
        for half in 0..2u64 {
            let (record, check) = (&record, &check);
            s.spawn(move || {
                for i in (half..RECORDS).step_by(2) {
                    check(&record(i));
                }
            });
        }
    });
}

/// ISO 13616: move the first four characters to the end, letters to 10..35, the number
/// mod 97 is 1.
fn iban_mod97_ok(iban: &str) -> bool {
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    let mut remainder = 0u32;
    for c in rearranged.chars() {
        let value = c.to_digit(36).expect("alphanumeric");
        for digit in value.to_string().chars() {
            remainder = (remainder * 10 + digit.to_digit(10).unwrap()) % 97;
        }
    }
    remainder == 1
}

/// Luhn: from the right, double every second digit, subtract 9 above 9; the sum ends in 0.
fn luhn_ok(number: &str) -> bool {
    let sum: u32 = number
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap();
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// ABA: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
fn aba_ok(routing: &str) -> bool {
    let d: Vec<u32> = routing.chars().map(|c| c.to_digit(10).unwrap()).collect();
    d.len() == 9
        && (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]))
            .is_multiple_of(10)
}

/// The BICs the Bundesbank registry lists for each Bankleitzahl.
fn german_bics() -> HashMap<&'static str, HashSet<&'static str>> {
    let banks = table(&tables::FINANCE_BANK, "DE");
    let mut map: HashMap<_, HashSet<_>> = HashMap::new();
    for r in 0..banks.len() {
        map.entry(banks.cell(r, 1))
            .or_default()
            .insert(banks.cell(r, 2));
    }
    map
}

fn currency(country: &str) -> &'static str {
    match country {
        "DE" => "EUR",
        _ => "USD",
    }
}

fn today() -> NaiveDate {
    Clock::anchor().today()
}

#[test]
fn banks_carry_real_codes() {
    let bics = german_bics();
    for country in COUNTRIES {
        let service = BankService::new(country).unwrap().seed(1);
        each_record(
            |i| service.record(i),
            |bank| {
                assert_eq!(bank.swift_code, bank.bic);
                assert_eq!(bank.routing_number, bank.bank_code);
                if country == "DE" {
                    assert!(bics[bank.bank_code].contains(bank.bic), "{bank:?}");
                    assert!(
                        bank.customer_service_phone
                            .to_string()
                            .starts_with("+49 800 ")
                    );
                } else {
                    assert!(aba_ok(bank.routing_number), "{bank:?}");
                }
            },
        );
    }
}

#[test]
fn bank_accounts_have_valid_ibans_and_ordered_dates() {
    let bics = german_bics();
    let now = Clock::anchor().now();
    for country in COUNTRIES {
        let service = BankAccountService::new(country).unwrap().seed(2);
        each_record(
            |i| service.record(i),
            |account| {
                assert!(account.created_date <= account.last_transaction_date);
                assert!(account.last_transaction_date <= now);
                assert_eq!(account.currency, currency(country));
                assert!(account.balance >= 0.0);
                match (country, account.iban) {
                    ("DE", Some(iban)) => {
                        let iban = iban.to_string();
                        assert_eq!(iban.len(), 22);
                        assert!(iban_mod97_ok(&iban), "{iban}");
                        assert_eq!(&iban[4..12], account.bank_code);
                        assert_eq!(iban[12..], account.account_number.to_string());
                        assert!(bics[account.bank_code].contains(account.bic));
                    }
                    ("US", None) => assert!(aba_ok(account.bank_code)),
                    other => panic!("unexpected IBAN {other:?}"),
                }
            },
        );
    }
}

/// Independent IIN table: (network, prefixes, length, CVV length).
fn network_rules(card_type: &str) -> (&'static [&'static str], usize, usize) {
    match card_type {
        "VISA" => (&["4"], 16, 3),
        "MASTERCARD" => (&["51", "52", "53", "54", "55", "2"], 16, 3),
        "AMEX" => (&["34", "37"], 15, 4),
        "DISCOVER" => (
            &["6011", "644", "645", "646", "647", "648", "649", "65"],
            16,
            3,
        ),
        "DINERS_CLUB" => (
            &["36", "38", "300", "301", "302", "303", "304", "305"],
            14,
            3,
        ),
        other => panic!("unknown network {other}"),
    }
}

#[test]
fn credit_cards_are_valid_coherent_and_weighted_by_share() {
    let bics = german_bics();
    let ages = DemographicConfig {
        age_min: Some(25),
        age_max: Some(70),
    };
    for country in COUNTRIES {
        let service = CreditCardService::with_config(country, ages)
            .unwrap()
            .seed(3);
        let counts = std::sync::Mutex::new(HashMap::<&str, u64>::new());
        each_record(
            |i| service.record(i),
            |card| {
                let number = card.card_number.to_string();
                let (prefixes, length, cvv) = network_rules(card.card_type);
                assert_eq!(number.len(), length, "{number}");
                assert!(prefixes.iter().any(|p| number.starts_with(p)), "{number}");
                if card.card_type == "MASTERCARD" && number.starts_with('2') {
                    let iin: u32 = number[..4].parse().unwrap();
                    assert!((2221..=2720).contains(&iin), "{number}");
                }
                assert!(luhn_ok(&number), "{number}");
                assert_eq!(card.cvv.to_string().len(), cvv);
                assert_eq!(card.cvv, card.cvc_number);
                assert_eq!(number[..6], card.bin.to_string());
                assert!(card.issue_date <= today() && today() <= card.expiration_date);
                assert_eq!(
                    card.expiration_date.succ_opt().unwrap().day(),
                    1,
                    "expires at a month's end"
                );
                assert!((25..=70).contains(&card.card_holder.age));
                let adult = card
                    .card_holder
                    .birthdate
                    .with_year(card.card_holder.birthdate.year() + 18);
                assert!(adult.is_none_or(|a| a <= card.issue_date), "{card:?}");
                assert!(0.0 <= card.current_balance && card.current_balance <= card.credit_limit);
                if country == "DE" {
                    let iban = card.iban.expect("German account").to_string();
                    assert!(iban_mod97_ok(&iban) && iban[4..12] == *card.bank_code);
                    assert!(bics[card.bank_code].contains(card.bic));
                } else {
                    assert!(card.iban.is_none() && aba_ok(card.bank_code));
                }
                *counts.lock().unwrap().entry(card.card_type).or_default() += 1;
            },
        );
        // Pearson's chi-square against the table's published shares.
        let networks = table(&tables::FINANCE_CARD_NETWORK, country);
        let counts = counts.into_inner().unwrap();
        let chi2: f64 = (0..networks.len())
            .map(|r| {
                let expected = networks.probability(r) * RECORDS as f64;
                let observed = counts.get(networks.value(r)).copied().unwrap_or(0) as f64;
                (observed - expected).powi(2) / expected
            })
            .sum();
        // 99.9th percentile of chi-square with one degree of freedom less than networks.
        let df = networks.len() - 1;
        let critical = match df {
            2 => 13.82,
            3 => 16.27,
            _ => panic!("{country}: no critical value for {df} degrees of freedom"),
        };
        assert!(chi2 < critical, "{country}: chi2 {chi2:.2}, {counts:?}");
        eprintln!("{country} card networks: chi2 = {chi2:.2} (df {df}), {counts:?}");
    }
}

#[test]
fn transactions_are_in_the_country_currency_and_in_the_past() {
    let now = Clock::anchor().now();
    for country in COUNTRIES {
        let service = TransactionService::new(country).unwrap().seed(4);
        let account_types: HashSet<_> = {
            let t = table(&tables::FINANCE_ACCOUNT_TYPE, country);
            (0..t.len()).map(|r| t.value(r)).collect()
        };
        each_record(
            |i| service.record(i),
            |tx| {
                assert_eq!(tx.currency, currency(country));
                assert!(tx.transaction_date <= now);
                assert!(tx.amount > 0.0);
                assert!(account_types.contains(tx.account.account_type));
                assert!(!tx.account.account_number.to_string().is_empty());
                let with_merchant =
                    matches!(tx.transaction_type, "PURCHASE" | "PAYMENT" | "REFUND");
                assert_eq!(with_merchant, !tx.merchant_name.is_empty(), "{tx:?}");
                assert_eq!(
                    tx.direction == "credit",
                    matches!(tx.transaction_type, "DEPOSIT" | "REFUND")
                        || (tx.transaction_type == "TRANSFER" && tx.direction == "credit")
                );
                if tx.status == "pending" {
                    assert!(now - tx.transaction_date <= chrono::Duration::days(3));
                }
                if tx.transaction_type == "WITHDRAWAL" {
                    assert_eq!(tx.channel, "ATM");
                }
            },
        );
    }
}

#[test]
fn policies_cover_their_product_with_ordered_dates() {
    let ages = DemographicConfig {
        age_min: Some(40),
        age_max: Some(75),
    };
    let now = Clock::anchor().now();
    for country in COUNTRIES {
        let coverages = table(&tables::INSURANCE_COVERAGE, country);
        let offered: HashSet<(&str, &str)> = (0..coverages.len())
            .map(|r| (coverages.cell(r, 0), coverages.cell(r, 2)))
            .collect();
        let service = InsurancePolicyService::with_config(country, ages)
            .unwrap()
            .seed(5);
        let annual_by_product = std::sync::Mutex::new(HashMap::<&str, Vec<f64>>::new());
        each_record(
            |i| service.record(i),
            |policy| {
                assert!(!policy.coverages.is_empty());
                for cover in policy.coverages {
                    assert_eq!(cover.product_code, policy.product.code);
                    assert!(offered.contains(&(policy.product.code, cover.code)));
                }
                assert!(
                    policy
                        .product
                        .coverages
                        .iter()
                        .all(|c| c.product_code == policy.product.code)
                );
                assert!(policy.created_date.date_naive() <= policy.start_date);
                assert!(policy.created_date <= now);
                assert!(policy.start_date <= policy.end_date);
                let t = today();
                match policy.status {
                    "active" => assert!(policy.start_date <= t && t <= policy.end_date),
                    "expired" => assert!(policy.end_date < t),
                    "pending" => assert!(policy.start_date > t),
                    _ => assert!(policy.start_date <= t),
                }
                assert!((40..=75).contains(&policy.policy_holder.age));
                let per_year = match policy.premium_frequency {
                    "monthly" => 12.0,
                    "quarterly" => 4.0,
                    "semi_annual" => 2.0,
                    _ => 1.0,
                };
                let annual = policy.premium * per_year;
                annual_by_product
                    .lock()
                    .unwrap()
                    .entry(policy.product.code)
                    .or_default()
                    .push(annual);
                assert!(
                    (5.0..=10_000.0).contains(&annual),
                    "{annual} for {}",
                    policy.product.code
                );
            },
        );
        // Products follow their weights (DE: GDV premium volumes), chi-square with 9 df.
        let products = table(&tables::INSURANCE_PRODUCT, country);
        let annual = annual_by_product.into_inner().unwrap();
        let chi2: f64 = (0..products.len())
            .map(|r| {
                let expected = products.probability(r) * RECORDS as f64;
                let observed = annual.get(products.cell(r, 1)).map_or(0, Vec::len) as f64;
                (observed - expected).powi(2) / expected
            })
            .sum();
        assert!(chi2 < 27.88, "{country}: product chi2 {chi2:.2}");
        // Premiums rank like the lines' real costs: liability or renters cover is cheap,
        // motor in between, health cover dear.
        let median = |code: &str| {
            let mut v = annual[code].clone();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (cheap, dear) = if country == "DE" {
            ("HAFT", "HLTH")
        } else {
            ("RENT", "HLTH")
        };
        let (cheap, auto, dear) = (median(cheap), median("AUTO"), median(dear));
        assert!(
            cheap < auto && auto < dear,
            "{country}: {cheap} {auto} {dear}"
        );
        eprintln!(
            "{country} policies: product chi2 = {chi2:.2} (df 9); median annual premium {cheap:.0} < AUTO {auto:.0} < HLTH {dear:.0}"
        );
    }
}
#[test]
fn simple_insurance_entities_come_from_their_tables() {
    for country in COUNTRIES {
        let companies = InsuranceCompanyService::new(country).unwrap().seed(6);
        let a = companies.record(0);
        assert_eq!(a.id, companies.record(0).id);
        assert!(a.founded_year > 1500);
        let products = InsuranceProductService::new(country).unwrap().seed(6);
        let product = products.record(1);
        assert!(!product.coverages.is_empty());
        let covers = InsuranceCoverageService::new(country).unwrap().seed(6);
        for i in 0..1000 {
            let c = covers.record(i);
            assert!(c.min_coverage <= c.max_coverage);
        }
    }
}

#[test]
fn upside_down_age_ranges_are_errors() {
    let ages = DemographicConfig {
        age_min: Some(60),
        age_max: Some(30),
    };
    assert!(CreditCardService::with_config("US", ages).is_err());
    assert!(InsurancePolicyService::with_config("DE", ages).is_err());
}

#[test]
fn services_have_datamimics_shape() {
    let mut cards = CreditCardService::new("DE").unwrap().seed(8);
    let first = cards.generate();
    let batch = cards.generate_batch(3);
    let streamed: Vec<_> = cards.iter().take(2).collect();
    assert_eq!(first, cards.record(0));
    assert_eq!(batch[2], cards.record(3));
    assert_eq!(streamed[0], cards.record(4));
    assert_eq!(CreditCardService::supported_datasets(), ["DE", "US"]);
    assert_eq!(InsurancePolicyService::supported_datasets(), ["DE", "US"]);
    assert!(
        BankService::new("FR")
            .unwrap()
            .strictness(Strictness::Strict)
            .is_err()
    );
    let tx = TransactionService::new("US").unwrap().seed(1).generate();
    assert!((10..=12).contains(&tx.account.account_number.to_string().len()));
}

/// Records per second of each entity on one core; run with
/// `cargo test --release --test it throughput -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn throughput() {
    // Best of three passes: the machine is shared, and the best pass is the least disturbed.
    fn rate<T>(name: &str, mut next: impl FnMut() -> T) {
        let n = 300_000;
        let best = (0..3)
            .map(|_| {
                let start = std::time::Instant::now();
                for _ in 0..n {
                    std::hint::black_box(next());
                }
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        eprintln!("{name:<18} {:>6.2} M records/s", n as f64 / best / 1e6);
    }
    for country in COUNTRIES {
        eprintln!("{country}");
        let mut s = datamimic::domain::common::PersonService::new(country)
            .unwrap()
            .seed(1);
        rate("(Person)", || s.generate());
        let mut s = BankService::new(country).unwrap().seed(1);
        rate("Bank", || s.generate());
        let mut s = BankAccountService::new(country).unwrap().seed(1);
        rate("BankAccount", || s.generate());
        let mut s = CreditCardService::new(country).unwrap().seed(1);
        rate("CreditCard", || s.generate());
        let mut s = TransactionService::new(country).unwrap().seed(1);
        rate("Transaction", || s.generate());
        let mut s = InsuranceCompanyService::new(country).unwrap().seed(1);
        rate("InsuranceCompany", || s.generate());
        let mut s = InsuranceProductService::new(country).unwrap().seed(1);
        rate("InsuranceProduct", || s.generate());
        let mut s = InsuranceCoverageService::new(country).unwrap().seed(1);
        rate("InsuranceCoverage", || s.generate());
        let mut s = InsurancePolicyService::new(country).unwrap().seed(1);
        rate("InsurancePolicy", || s.generate());
    }
}
