//! Issue 12: in the industry domains of US and DE a table stays `illustrative` only where no
//! public statistic was found, and its row in `SOURCES.md` says what was searched.

use std::collections::BTreeSet;
use std::path::Path;

use super::manifest::current_manifest;

/// The industry domains (every table outside `common/`).
const DOMAINS: [&str; 5] = [
    "ecommerce",
    "finance",
    "healthcare",
    "insurance",
    "public_sector",
];

/// `table country` of every US or DE industry table labelled `illustrative` in the manifest.
fn illustrative_industry_tables() -> BTreeSet<String> {
    current_manifest()
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let (table, country, label) = (cells[0], cells[1], cells[5]);
            let domain = table.split('/').next().unwrap_or("");
            (DOMAINS.contains(&domain)
                && ["US", "DE"].contains(&country)
                && label == "illustrative")
                .then(|| format!("{table} {country}"))
        })
        .collect()
}

/// Whether a backticked file name of a SOURCES.md row, such as `coverage_{US,DE}.csv`,
/// `office_type_*` or `healthcare/specialty_VN.csv`, names the table `name` of `country`.
fn names_table(file: &str, name: &str, country: &str) -> bool {
    let file = file.rsplit('/').next().unwrap_or(file);
    let Some(rest) = file.strip_prefix(name).and_then(|r| r.strip_prefix('_')) else {
        return false;
    };
    let countries = rest.strip_suffix(".csv").unwrap_or(rest);
    match countries
        .strip_prefix('{')
        .and_then(|c| c.strip_suffix('}'))
    {
        Some(list) => list.split(',').any(|c| c.trim() == country),
        None => countries == "*" || countries == country,
    }
}

/// `table country` of the illustrative tables with a SOURCES.md row, in their domain's
/// sections, that names them and says what was searched.
fn tables_with_a_searched_sentence(tables: &BTreeSet<String>) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/SOURCES.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut section = "";
    let mut found = BTreeSet::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            section = heading;
            continue;
        }
        if !line.starts_with('|') || !line.contains("Searched:") {
            continue;
        }
        let files: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
        for entry in tables {
            let (table, country) = entry.split_once(' ').unwrap();
            let (domain, name) = table.split_once('/').unwrap();
            if section.starts_with(&format!("{domain}/"))
                && files.iter().any(|f| names_table(f, name, country))
            {
                found.insert(entry.clone());
            }
        }
    }
    found
}

#[test]
fn a_sources_row_file_name_names_its_tables() {
    assert!(names_table("coverage_{US,DE}.csv", "coverage", "DE"));
    assert!(names_table("office_type_*", "office_type", "US"));
    assert!(names_table("company_DE.csv", "company", "DE"));
    assert!(!names_table("company_US.csv", "company", "DE"));
    assert!(!names_table("product_noun_{US,DE}.csv", "product", "US"));
    assert!(!names_table("insurance_provider_DE.csv", "provider", "DE"));
}

#[test]
fn every_illustrative_us_or_de_industry_table_says_what_was_searched() {
    let tables = illustrative_industry_tables();
    assert!(tables.len() > 20, "only {} tables", tables.len());
    let documented = tables_with_a_searched_sentence(&tables);
    let missing: BTreeSet<String> = tables.difference(&documented).cloned().collect();
    assert!(
        missing.is_empty(),
        "illustrative US/DE industry tables without a SOURCES.md row saying \"Searched:\": {missing:?}"
    );
}
