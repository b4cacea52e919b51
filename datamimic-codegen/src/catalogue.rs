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

#[cfg(test)]
mod tests {
    use crate::{BakeOptions, bake};

    #[test]
    fn the_catalogue_lists_every_table_with_columns_countries_and_rows() {
        let dir = std::env::temp_dir().join(format!("datamimic-catalogue-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("hr")).unwrap();
        std::fs::write(
            dir.join("hr/job_DE.csv"),
            "title,level,weight\nA,1,2\nB,2,1\n",
        )
        .unwrap();
        std::fs::write(dir.join("hr/job_US.csv"), "title,level,weight\nC,x,1\n").unwrap();
        std::fs::write(dir.join("colors.csv"), "red,1\nblue,1\n").unwrap();
        let baked = bake(&BakeOptions::user(&dir)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let (_, catalogue) = baked
            .blobs
            .iter()
            .find(|(name, _)| name == super::CATALOGUE_FILE)
            .unwrap();
        let catalogue = String::from_utf8(catalogue.clone()).unwrap();
        assert!(catalogue.starts_with("Every table baked from `datasets/`: 2 tables in 3 files."));
        assert!(
            catalogue.contains("| `colors` | `value` | all (2) |"),
            "{catalogue}"
        );
        assert!(
            catalogue.contains("| `hr/job` | `title`, `level` | DE (2), US (1) |"),
            "{catalogue}"
        );
        // The lookup macro knows the first cell each primitive type refuses, in any country:
        // `x` (US) is no number but a `char`, `1` (DE) no `bool`.
        let arm = baked
            .source
            .lines()
            .find(|l| l.contains(r#"("hr/job", "level"; cell"#))
            .unwrap();
        assert!(
            arm.contains(r#""hr/job", "level", [("u8", "x", "datasets/hr/job_US.csv", 1), "#)
                && arm.ends_with(r#"("bool", "1", "datasets/hr/job_DE.csv", 1)]) };"#)
                && !arm.contains(r#"("char""#),
            "{arm}"
        );
    }
}
