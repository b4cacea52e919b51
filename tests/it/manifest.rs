//! `datasets/MANIFEST.csv` must describe exactly the datasets that are baked.
//!
//! After changing data, regenerate it with `DATAMIMIC_BLESS=1 cargo test --test it manifest`
//! and review the diff: one line per changed file.

use std::path::Path;

use datamimic_codegen::{BakeOptions, ProvenanceLabels, bake, render_labelled_manifest};

#[test]
fn manifest_matches_the_datasets() {
    let expected = current_manifest();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/MANIFEST.csv");
    if std::env::var_os("DATAMIMIC_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != expected {
        let diff: Vec<String> = expected
            .lines()
            .filter(|l| !committed.lines().any(|c| c == *l))
            .map(|l| format!("+ {l}"))
            .chain(
                committed
                    .lines()
                    .filter(|c| !expected.lines().any(|l| l == *c))
                    .map(|l| format!("- {l}")),
            )
            .collect();
        panic!(
            "datasets/MANIFEST.csv is out of date; run `DATAMIMIC_BLESS=1 cargo test --test it manifest` and review:\n{}",
            diff.join("\n")
        );
    }
}

/// The manifest as the datasets are now (not as the committed file says, so a bless run
/// cannot race with this test), labelled from `datasets/PROVENANCE.txt`.
pub(crate) fn current_manifest() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut options = BakeOptions::user(root.join("datasets"));
    options.runtime = "crate".to_owned();
    let baked = bake(&options).expect("the committed datasets bake");
    let text = std::fs::read_to_string(root.join("datasets/PROVENANCE.txt"))
        .expect("datasets/PROVENANCE.txt is readable");
    let labels = ProvenanceLabels::parse("datasets/PROVENANCE.txt", &text)
        .unwrap_or_else(|err| panic!("{err}"));
    render_labelled_manifest(&baked.tables, &labels).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn baked_tables_agree_with_the_manifest() {
    let manifest = current_manifest();
    let mut lines = 0;
    for line in manifest.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let family = datamimic::tables::ALL
            .iter()
            .find(|f| f.key() == cells[0])
            .expect("table is baked");
        let table = family
            .variants()
            .iter()
            .find(|t| t.country().unwrap_or("") == cells[1])
            .expect("country is baked");
        assert_eq!(table.len().to_string(), cells[2], "{line}");
        assert_eq!(format!("{:016x}", table.hash()), cells[4], "{line}");
        lines += 1;
    }
    let baked: usize = datamimic::tables::ALL
        .iter()
        .map(|f| f.variants().len())
        .sum();
    assert_eq!(lines, baked);
}
