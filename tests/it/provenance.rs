//! Provenance labels (issue 12): every baked table has one, `SOURCES.md` gives one on every
//! row, and the common domain of the 12 countries holds no `illustrative` table but the known
//! exceptions listed here.

use std::collections::BTreeSet;
use std::path::Path;

use super::manifest::current_manifest;

/// The 12 countries whose common domain must be real.
const COUNTRIES: [&str; 12] = [
    "US", "DE", "GB", "FR", "ES", "IT", "NL", "AT", "CH", "PL", "SE", "VN",
];

/// Common-domain tables still labelled `illustrative` (hand-set, uniform, or package figures
/// without a cited source), as `table country`. Each one is a gap of issue 12; remove its line
/// when the table gets a real source (the test fails until the list matches).
const KNOWN_ILLUSTRATIVE_COMMON: &[&str] = &[
    // No published provider shares found for NL, SE and VN (see SOURCES.md §9).
    "common/net/email_domain NL",
    "common/net/email_domain SE",
    "common/net/email_domain VN",
    // Marketing jargon for Faker's `catch_phrase`: no statistic exists for it.
    "common/organization/catch_phrase_adjective *",
    "common/organization/catch_phrase_descriptor *",
    "common/organization/catch_phrase_noun *",
    // Company-name words: sector shares hand-set where no enterprise count by NACE section (or
    // GSO's by VSIC section) was reached as a file; US and DE follow Census ABS and Destatis URS.
    "common/organization/company_name_word AT",
    "common/organization/company_name_word CH",
    "common/organization/company_name_word ES",
    "common/organization/company_name_word FR",
    "common/organization/company_name_word GB",
    "common/organization/company_name_word IT",
    "common/organization/company_name_word NL",
    "common/organization/company_name_word PL",
    "common/organization/company_name_word SE",
    "common/organization/company_name_word VN",
    // Vocabularies of DATAMIMIC's `DataFakerGenerator` and `DepartmentNameGenerator` (Faker's
    // and DATAMIMIC's lists) without a statistic of their use: file extensions (no count of
    // files by type), Vietnamese departments (no employment by detailed occupation found).
    "common/file/file_extension *",
    "common/organization/department VN",
    "common/person/family_name AT",
    "common/person/family_name IT",
    "common/person/given_name_female AT",
    "common/person/given_name_female DE",
    "common/person/given_name_female IT",
    "common/person/given_name_male AT",
    "common/person/given_name_male DE",
    "common/person/given_name_male IT",
    // No count of titled people by rank was found for these (GB, ES and IT are counted).
    "common/person/nobility_title_female DE",
    "common/person/nobility_title_female FR",
    "common/person/nobility_title_male DE",
    "common/person/nobility_title_male FR",
];

const LABELS: [&str; 4] = ["published", "derived", "structural", "illustrative"];

/// (table, country, label) of every line of the labelled manifest.
fn labelled_tables() -> Vec<(String, String, String)> {
    current_manifest()
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), 6, "{line}");
            (
                cells[0].to_owned(),
                cells[1].to_owned(),
                cells[5].to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_baked_table_has_a_label() {
    let tables = labelled_tables();
    for (table, country, label) in &tables {
        assert!(
            LABELS.contains(&label.as_str()),
            "{table} {country}: {label}"
        );
    }
    let baked: usize = datamimic::tables::ALL
        .iter()
        .map(|f| f.variants().len())
        .sum();
    assert_eq!(tables.len(), baked);
}

#[test]
fn the_common_domain_has_no_illustrative_table_but_the_known_exceptions() {
    let tables = labelled_tables();
    // A table illustrative in every country it has is listed once, as `table *`.
    let mut found = BTreeSet::new();
    for (table, country, label) in &tables {
        if !table.starts_with("common/") || label != "illustrative" {
            continue;
        }
        assert!(
            country.is_empty() || COUNTRIES.contains(&country.as_str()),
            "{table} {country}"
        );
        let everywhere = tables
            .iter()
            .filter(|(t, _, _)| t == table)
            .all(|(_, _, l)| l == "illustrative");
        found.insert(if everywhere {
            format!("{table} *")
        } else {
            format!("{table} {country}")
        });
    }
    let known: BTreeSet<String> = KNOWN_ILLUSTRATIVE_COMMON
        .iter()
        .map(|s| s.to_string())
        .collect();
    let new: Vec<&String> = found.difference(&known).collect();
    let fixed: Vec<&String> = known.difference(&found).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "illustrative common-domain tables not in KNOWN_ILLUSTRATIVE_COMMON: {new:?}; \
         listed but no longer illustrative (remove them): {fixed:?}"
    );
}

/// Every row of every table in `SOURCES.md` names one of the four labels in bold, and the
/// older weight words (real, package) are gone.
#[test]
fn every_sources_row_names_a_label() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/SOURCES.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = 0;
    let mut missing = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let is_row = line.starts_with('|') && !line.starts_with("|---");
        let is_header = lines.get(index + 1).is_some_and(|l| l.starts_with("|---"));
        if !is_row || is_header {
            continue;
        }
        rows += 1;
        if !LABELS.iter().any(|l| line.contains(&format!("**{l}**"))) {
            missing.push(format!("SOURCES.md:{}", index + 1));
        }
    }
    assert!(rows > 50, "only {rows} table rows found");
    assert!(missing.is_empty(), "rows without a label: {missing:?}");
    for old in ["**real**", "**package**", "**proxy**", "**gap**"] {
        assert!(
            !text.contains(old),
            "SOURCES.md still uses the old word {old}"
        );
    }
}
