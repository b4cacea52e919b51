//! The table catalogue: a Markdown page listing every baked table with its columns, countries
//! and rows, rendered with the tables so it is never out of date. datamimic includes it as the
//! documentation of its `tables` module.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::bake::Parsed;

/// File name of the catalogue inside the blob directory.
pub(crate) const CATALOGUE_FILE: &str = "CATALOGUE.md";

/// The catalogue of `families` (tables grouped by key, sorted).
pub(crate) fn render_catalogue(families: &BTreeMap<&str, Vec<&Parsed>>) -> String {
    let tables: usize = families.values().map(Vec::len).sum();
    let mut out = format!(
        "Every table baked from `datasets/`: {} tables in {tables} files.\n\n\
         Each is a [`TableFamily`](crate::TableFamily) static named after its key \
         (`common/person/family_name` is `COMMON_PERSON_FAMILY_NAME`). A field reads one with \
         `#[mimic(weighted = \"key\")]` (its first column) or \
         `#[mimic(weighted = \"key\", column = \"name\")]`. A table with countries is drawn for \
         the service's dataset; one without is the same everywhere. Sources and licences are in \
         `datasets/SOURCES.md`.\n\n\
         | Table | Columns | Countries (rows) |\n|---|---|---|\n",
        families.len()
    );
    for (key, members) in families {
        let columns = members[0]
            .meta
            .columns
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let countries = members
            .iter()
            .map(|m| {
                let rows = m.meta.rows;
                if m.meta.country.is_empty() {
                    format!("all ({rows})")
                } else {
                    format!("{} ({rows})", m.meta.country)
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "| `{key}` | {columns} | {countries} |");
    }
    out
}
