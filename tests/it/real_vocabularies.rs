//! Draws from the weighted vocabularies of DATAMIMIC's `DataFakerGenerator` and
//! `DepartmentNameGenerator` against the published figures their weights come from, each written
//! into `reference/` by its script in `datasets/tools/`:
//! - cryptocurrencies by market capitalisation on 2025-10-01 (CoinMarketCap;
//!   `extract_cryptocurrency.py`),
//! - Faker's English lorem words by their frequency in English text, stop words left out
//!   (wordfreq 3.1.1, Glasgow stop list; `extract_lorem_word.py`),
//! - US departments by the employment of their occupations (ACS 2018 table B24114;
//!   `extract_department.py`),
//! - German departments by the employees of their occupation groups (Bundesagentur für Arbeit,
//!   employees subject to social insurance by KldB 2010 group, 2025; `extract_de_department.py`).
//!
//! Each test draws the way the scripts' `cryptocurrency()`, `file_name()` and
//! `DepartmentNameGenerator` do (`Table::sample_row`), so a table whose weights drift from the
//! reference, or a draw that ignores them, fails.

use std::collections::HashMap;

use datamimic::{MimicRng, Strictness, tables};

/// Draws per table.
const DRAWS: usize = 200_000;

/// (name, share) rows of a reference file (comment lines and the header skipped).
fn reference(text: &str) -> Vec<(&str, f64)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .map(|line| {
            let (name, share) = line.rsplit_once(',').expect("name,share");
            (name, share.parse().expect("a share"))
        })
        .collect()
}

/// How often each first cell comes up in `DRAWS` weighted draws.
fn drawn_shares(table: &'static datamimic::Table, seed: u64) -> HashMap<&'static str, f64> {
    let mut rng = MimicRng::seed_from_u64(seed);
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for _ in 0..DRAWS {
        *counts
            .entry(table.sample_row(&mut rng).cell(0))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(name, n)| (name, n as f64 / DRAWS as f64))
        .collect()
}

/// Five standard errors of a share estimated from `DRAWS` draws, and at least 2 % of it: wide
/// enough for every seed, narrow enough that uniform weights fail.
fn tolerance(share: f64) -> f64 {
    (5.0 * (share * (1.0 - share) / DRAWS as f64).sqrt()).max(0.02 * share)
}

#[test]
fn cryptocurrencies_follow_their_market_capitalisation() {
    let expected = reference(include_str!("reference/cryptocurrency_market_cap.csv"));
    let table = tables::COMMON_FINANCE_CRYPTOCURRENCY.variants()[0];
    assert_eq!(
        expected.len(),
        table.len(),
        "every coin of the table is in the reference"
    );
    let drawn = drawn_shares(table, 17);
    for (code, share) in &expected {
        let seen = drawn.get(code).copied().unwrap_or(0.0);
        if *share == 0.0 {
            assert_eq!(seen, 0.0, "{code}: outside the top 200, never drawn");
        } else {
            assert!(
                (seen - share).abs() <= tolerance(*share),
                "{code}: drawn {seen:.5}, market capitalisation share {share:.5}"
            );
        }
    }
    // Bitcoin leads, as it does by market capitalisation (70 % of the listed coins).
    assert!(drawn["BTC"] > 0.65, "{}", drawn["BTC"]);
}

#[test]
fn lorem_words_follow_their_english_frequency() {
    let expected = reference(include_str!("reference/lorem_word_frequency.csv"));
    assert_eq!(expected.len(), 20);
    let drawn = drawn_shares(tables::COMMON_TEXT_LOREM_WORD.variants()[0], 23);
    for (word, share) in &expected {
        let seen = drawn.get(word).copied().unwrap_or(0.0);
        assert!(
            (seen - share).abs() <= tolerance(*share),
            "{word}: drawn {seen:.5}, English frequency share {share:.5}"
        );
    }
    // Function words (the Glasgow stop list) are left out: text frequency gave "the" 9 %.
    for stop_word in ["the", "of", "and", "a", "to", "in"] {
        assert!(!drawn.contains_key(stop_word), "{stop_word}");
    }
    // "just" is about 14 times as common as a word drawn uniformly from the 763 would be.
    assert!(drawn["just"] > 0.015, "{}", drawn["just"]);
}

/// Draws `country`'s departments (seed `seed`) and checks every one against the reference
/// `expected` of employment shares; returns the drawn shares.
fn departments_follow(expected: &str, country: &str, seed: u64) -> HashMap<&'static str, f64> {
    let expected = reference(expected);
    let table = tables::COMMON_ORGANIZATION_DEPARTMENT
        .resolve_with(country, Strictness::Strict)
        .unwrap();
    assert_eq!(
        expected.len(),
        table.len(),
        "every department is in the reference"
    );
    let drawn = drawn_shares(table, seed);
    for (department, share) in &expected {
        let seen = drawn.get(department).copied().unwrap_or(0.0);
        assert!(
            (seen - share).abs() <= tolerance(*share),
            "{country} {department}: drawn {seen:.5}, employment share {share:.5}"
        );
    }
    drawn
}

#[test]
fn us_departments_follow_the_employment_of_their_occupations() {
    departments_follow(include_str!("reference/department_us.csv"), "US", 29);
}

#[test]
fn german_departments_follow_the_employees_of_their_occupation_groups() {
    let drawn = departments_follow(include_str!("reference/department_de.csv"), "DE", 31);
    // Production leads, as it does among the employees (no longer 1 in 13).
    assert!(drawn["Fertigung"] > 0.25, "{}", drawn["Fertigung"]);
}
