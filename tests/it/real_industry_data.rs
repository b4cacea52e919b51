//! Generated companies (and people's titles) held to published figures checked in under
//! `tests/it/reference/`, each file naming its sources: the shares in the output, not only
//! the weights in the tables.

use std::collections::{HashMap, HashSet};

use datamimic::domain::common::{Company, CompanyService};
use datamimic::{Strictness, tables};

/// Records drawn per country for a share.
const SAMPLE: u64 = 20_000;

/// The 12 countries of the built-in domain.
const COUNTRIES: [&str; 12] = [
    "US", "DE", "GB", "FR", "ES", "IT", "NL", "AT", "CH", "PL", "SE", "VN",
];

/// The rows of a reference CSV (`#` lines are its sources), header first.
fn reference(text: &'static str) -> Vec<Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split(',').collect())
        .collect()
}

/// Allowed distance of an observed share from the expected one: four standard errors of a
/// share over `SAMPLE` draws, and at least a tenth of a percentage point.
fn tolerance(expected: f64) -> f64 {
    (4.0 * (expected * (1.0 - expected) / SAMPLE as f64).sqrt()).max(0.001)
}

fn companies(country: &str) -> Vec<Company> {
    let service = CompanyService::new(country).unwrap().seed(11);
    (0..SAMPLE).map(|i| service.record(i)).collect()
}

#[test]
fn companies_are_generated_for_all_twelve_countries_in_strict_mode() {
    let supported = CompanyService::supported_datasets();
    for country in COUNTRIES {
        assert!(supported.contains(&country), "{country}: {supported:?}");
        for family in [
            &tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD,
            &tables::COMMON_ORGANIZATION_LEGAL_FORM,
        ] {
            let table = family.resolve_with(country, Strictness::Strict).unwrap();
            assert_eq!(table.country(), Some(country));
        }
    }
}

#[test]
fn legal_forms_follow_the_register_counts() {
    let rows = reference(include_str!("reference/legal_form_count.csv"));
    assert_eq!(rows[0], ["country", "legal_form", "count"]);
    let mut counts: HashMap<&str, Vec<(&str, f64)>> = HashMap::new();
    for row in &rows[1..] {
        counts
            .entry(row[0])
            .or_default()
            .push((row[1], row[2].parse().unwrap()));
    }
    assert_eq!(counts.len(), COUNTRIES.len());
    for country in COUNTRIES {
        let generated = companies(country);
        let published = &counts[country];
        let total: f64 = published.iter().map(|(_, n)| n).sum();
        for &(form, count) in published {
            let expected = count / total;
            let seen =
                generated.iter().filter(|c| c.legal_form == form).count() as f64 / SAMPLE as f64;
            assert!(
                (seen - expected).abs() <= tolerance(expected),
                "{country} {form}: generated {seen:.4}, published {expected:.4}"
            );
        }
        let known: HashSet<&str> = published.iter().map(|(form, _)| *form).collect();
        assert!(generated.iter().all(|c| known.contains(c.legal_form)));
    }
}

#[test]
fn company_names_are_synthetic_and_carry_one_legal_form() {
    let family_names = &tables::COMMON_PERSON_FAMILY_NAME;
    let given_names = &tables::COMMON_PERSON_GIVEN_NAME_MALE;
    for country in COUNTRIES {
        // Vietnamese firms use given names as brand words; the others family names or places.
        let names = if country == "VN" {
            given_names
        } else {
            family_names
        };
        let names = names.resolve_with(country, Strictness::Strict).unwrap();
        let words: HashSet<&str> = (0..names.len()).map(|r| names.value(r)).collect();
        let cities = tables::COMMON_ADDRESS_CITY
            .resolve_with(country, Strictness::Strict)
            .unwrap();
        let places: HashSet<&str> = (0..cities.len()).map(|r| cities.value(r)).collect();
        let forms = tables::COMMON_ORGANIZATION_LEGAL_FORM
            .resolve_with(country, Strictness::Strict)
            .unwrap();
        let forms: Vec<&str> = (0..forms.len()).map(|r| forms.value(r)).collect();
        let generated = companies(country);
        let mut distinct = HashSet::new();
        for c in &generated {
            // "AES Corporation Inc." had a legal form in the name and another appended.
            for form in forms.iter().chain(&["Inc", "Corporation", "GmbH", "Ltd"]) {
                assert!(
                    !c.short_name.ends_with(&format!(" {form}")),
                    "{country}: {}",
                    c.full_name
                );
            }
            let built_from_names = word_runs(c.short_name).any(|run| {
                // Swedish names take the genitive: Anderssons Bygg.
                let stem = run.strip_suffix('s').unwrap_or(run);
                [run, stem]
                    .iter()
                    .any(|w| words.contains(w) || places.contains(w))
            });
            assert!(built_from_names, "{country}: {}", c.short_name);
            distinct.insert(c.short_name);
        }
        assert!(
            distinct.len() > 2_000,
            "{country}: {} names",
            distinct.len()
        );
    }
}

/// Every run of consecutive words of `name` (`"A B C"`: `A`, `A B`, `A B C`, `B`, ...).
fn word_runs(name: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(name.match_indices(' ').map(|(i, _)| i + 1))
        .collect();
    let ends: Vec<usize> = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(name.len()))
        .collect();
    starts.into_iter().flat_map(move |start| {
        ends.clone()
            .into_iter()
            .filter(move |&end| end > start)
            .map(move |end| &name[start..end])
    })
}

#[test]
fn a_companys_sector_is_the_one_its_name_was_built_for() {
    for country in COUNTRIES {
        let table = tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD
            .resolve_with(country, Strictness::Strict)
            .unwrap();
        let sector = table.column_index("sector").unwrap();
        let by_name: HashMap<&str, &str> = (0..table.len())
            .map(|r| (table.value(r), table.cell(r, sector)))
            .collect();
        for c in companies(country).iter().take(2_000) {
            assert_eq!(by_name[c.short_name], c.sector, "{country}");
        }
    }
}
