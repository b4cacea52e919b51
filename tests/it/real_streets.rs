//! Generated street names against the published figures of their source: the most common
//! names come first at their share, the generics (Road, Close, ...) at theirs, and nothing
//! that is not a street is drawn.
//!
//! The reference files in `tests/it/reference/streets_*.csv` name their source in their
//! header; `datasets/tools/extract_streets.py` writes them with the tables.

use std::collections::HashMap;

use super::real_addresses::{RECORDS, generated};

/// Largest relative distance between a generated share and its published share.
const TOLERANCE: f64 = 0.25;

/// `(kind, value, figure)` rows of a reference file.
fn reference(text: &'static str) -> Vec<(&'static str, &'static str, f64)> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("kind,"))
        .map(|line| {
            let cells: Vec<&'static str> = line.split(',').collect();
            (cells[0], cells[1], cells[2].parse().unwrap())
        })
        .collect()
}

/// Names generated for `country`, most frequent first, with their share of all addresses.
fn ranked(country: &str) -> Vec<(&'static str, f64)> {
    let mut ranked: Vec<(&'static str, f64)> = generated(country, |a| a.street)
        .into_iter()
        .map(|(street, n)| (street, n as f64 / RECORDS as f64))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
}

fn assert_close(what: &str, generated: f64, published: f64) {
    assert!(
        (generated / published - 1.0).abs() <= TOLERANCE,
        "{what}: {generated:.5} generated vs {published:.5} published"
    );
}

/// The names a source publishes as the most common are the most generated, each at its
/// published share, and every generated name starts (FR) or ends (GB) with a generic that
/// comes at its published share.
fn assert_top_names_and_generics(country: &str, reference_text: &'static str, generic_first: bool) {
    let rows = reference(reference_text);
    let ranked = ranked(country);
    let names: Vec<_> = rows.iter().filter(|r| r.0 == "name").collect();
    // As a set: two published counts a few percent apart may swap places in a sample.
    let mut top: Vec<&str> = ranked.iter().take(names.len()).map(|r| r.0).collect();
    let mut published: Vec<&str> = names.iter().map(|r| r.1).collect();
    top.sort_unstable();
    published.sort_unstable();
    assert_eq!(top, published, "{country}: the most generated names");
    let share: HashMap<&str, f64> = ranked.iter().copied().collect();
    for (_, name, published) in &names {
        assert_close(name, share[name], *published);
    }
    let mut generic_share: HashMap<&str, f64> = HashMap::new();
    for (street, share) in &ranked {
        let generic = if generic_first {
            street.split_once(' ').map(|(g, _)| g)
        } else {
            street.rsplit_once(' ').map(|(_, g)| g)
        };
        let generic =
            generic.unwrap_or_else(|| panic!("{country} street without a generic: {street:?}"));
        *generic_share.entry(generic).or_default() += share;
    }
    for (_, generic, published) in rows.iter().filter(|r| r.0 == "generic") {
        assert_close(generic, generic_share[generic], *published);
    }
}

#[test]
fn gb_streets_follow_os_open_names() {
    assert_top_names_and_generics("GB", include_str!("reference/streets_GB.csv"), false);
}

#[test]
fn fr_streets_follow_la_poste_and_fantoir() {
    assert_top_names_and_generics("FR", include_str!("reference/streets_FR.csv"), true);
}

/// Each counted stem (Haupt-, Schul-, ...) gets its share of all the country's streets, summed
/// over the names that carry it (Hauptstraße and Hauptweg); the names a national count
/// published as the most common are among the eight most drawn. Returns the ranking.
fn assert_stems_and_published(
    country: &str,
    reference_text: &'static str,
) -> Vec<(&'static str, f64)> {
    let rows = reference(reference_text);
    let ranked = ranked(country);
    let share: HashMap<&str, f64> = ranked.iter().copied().collect();
    for (_, names, published) in rows.iter().filter(|r| r.0 == "stem") {
        let generated = names.split('|').map(|n| share.get(n).unwrap_or(&0.0)).sum();
        assert_close(names, generated, *published);
    }
    let top: Vec<&str> = ranked.iter().take(8).map(|r| r.0).collect();
    for (_, name, _) in rows.iter().filter(|r| r.0 == "published") {
        assert!(
            top.contains(name),
            "{country}: {name} not among the 8 most drawn: {top:?}"
        );
    }
    ranked
}

#[test]
fn de_streets_follow_the_osm_counts_and_are_streets() {
    let ranked = assert_stems_and_published("DE", include_str!("reference/streets_DE.csv"));
    // Berlin's directory lists allotments, bridges and numbered paths: none is drawn. A name
    // that starts like an address ("An der Brücke") is a street whatever it ends with.
    const PREPOSITIONS: [&str; 11] = [
        "am", "an", "auf", "bei", "hinter", "im", "in", "unter", "vor", "zum", "zur",
    ];
    for (street, _) in &ranked {
        let lower = street.to_lowercase();
        let first = lower.split([' ', '-']).next().unwrap_or_default();
        let allotment = ["kolonie ", "kga ", "kleingartenanlage", "kleingartenverein"]
            .iter()
            .any(|p| lower.starts_with(p));
        let numbered_path = lower
            .strip_prefix("fußweg ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
        let bridge = (lower.ends_with("brücke") || lower.ends_with("steg"))
            && !PREPOSITIONS.contains(&first);
        assert!(
            !(allotment || numbered_path || bridge),
            "DE non-street drawn: {street:?}"
        );
    }
}

#[test]
fn at_ch_it_nl_pl_se_streets_follow_the_osm_counts() {
    for (country, reference) in [
        ("AT", include_str!("reference/streets_AT.csv")),
        ("CH", include_str!("reference/streets_CH.csv")),
        ("IT", include_str!("reference/streets_IT.csv")),
        ("NL", include_str!("reference/streets_NL.csv")),
        ("PL", include_str!("reference/streets_PL.csv")),
        ("SE", include_str!("reference/streets_SE.csv")),
    ] {
        assert_stems_and_published(country, reference);
    }
}

/// US: TIGER/Line's most common base names (Main, 2nd, 3rd, ...) are the most drawn, each at
/// its share, and the street types (Street, Drive, Avenue, Road, ...) come at the mix of a
/// population-weighted sample of OpenAddresses address points.
#[test]
fn us_streets_follow_tiger_names_and_the_openaddresses_suffix_mix() {
    const DIRECTIONS: [&str; 8] = [
        "North",
        "South",
        "East",
        "West",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
    ];
    let rows = reference(include_str!("reference/streets_US.csv"));
    let mut base: HashMap<&str, f64> = HashMap::new();
    let mut suffix: HashMap<&str, f64> = HashMap::new();
    for (street, share) in ranked("US") {
        // A head name is the street less its suffix (`Main Street`); `Broadway` stands alone.
        let name = street.rsplit_once(' ').map_or(street, |(name, _)| name);
        *base.entry(name).or_default() += share;
        // The suffix is the last word, a trailing direction set aside (`H Street Northwest`).
        let words: Vec<&str> = street.split(' ').collect();
        let last = match words.as_slice() {
            [.., s, d] if DIRECTIONS.contains(d) => *s,
            [.., s] => *s,
            [] => unreachable!("split yields a word"),
        };
        *suffix.entry(last).or_default() += share;
    }
    let mut most_drawn: Vec<(&str, f64)> = base.iter().map(|(n, s)| (*n, *s)).collect();
    most_drawn.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    // Ten published names among the twelve most drawn: neighbours a few percent apart may swap.
    let top: Vec<&str> = most_drawn.iter().take(12).map(|r| r.0).collect();
    for (_, name, published) in rows.iter().filter(|r| r.0 == "name") {
        assert!(top.contains(name), "US: {name} not among {top:?}");
        assert_close(name, base[name], *published);
    }
    for (_, generic, published) in rows.iter().filter(|r| r.0 == "suffix") {
        assert_close(
            generic,
            suffix.get(generic).copied().unwrap_or(0.0),
            *published,
        );
    }
}

/// ES: the most counted OSM stems (Mayor, Iglesia, Constitución, ...) at their share, summed
/// over the street types they are joined to, and every street starting with a type (Calle,
/// Plaza, Pasaje, Avenida, Camino at the ICGC's published shares).
#[test]
fn es_streets_follow_the_osm_counts_and_the_published_street_types() {
    let reference_text = include_str!("reference/streets_ES.csv");
    let ranked = assert_stems_and_published("ES", reference_text);
    let mut generic_share: HashMap<&str, f64> = HashMap::new();
    for (street, share) in &ranked {
        let (generic, _) = street
            .split_once(' ')
            .unwrap_or_else(|| panic!("ES street without a type: {street:?}"));
        *generic_share.entry(generic).or_default() += share;
    }
    for (_, generic, published) in reference(reference_text)
        .iter()
        .filter(|r| r.0 == "generic")
    {
        assert_close(generic, generic_share[generic], *published);
    }
}

/// VN: the names OSM counts in the most places (Hùng Vương, Trần Hưng Đạo, Quang Trung, ...)
/// at their share of the counted names.
#[test]
fn vn_streets_follow_the_osm_counts() {
    assert_stems_and_published("VN", include_str!("reference/streets_VN.csv"));
}
