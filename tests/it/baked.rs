//! The committed bake (`datamimic-core/baked/`, with its lookup in `datamimic/baked/`) must be
//! what `datasets/` bakes to today.
//!
//! After changing data or the baked layout, refresh it with
//! `cargo run -p datamimic-codegen --example bake-datamimic` (or
//! `DATAMIMIC_BLESS=1 cargo test --test it baked`) and commit the files it changed.

use std::path::Path;

use datamimic_codegen::{BakeOptions, bake, stale_committed, write_committed};

#[test]
fn baked_tables_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let baked = bake(&BakeOptions::builtin(root.join("datasets")))
        .unwrap_or_else(|diagnostics| panic!("the datasets do not bake:\n{diagnostics}"));
    if std::env::var_os("DATAMIMIC_BLESS").is_some() {
        write_committed(&baked, root).unwrap();
    }
    let stale = stale_committed(&baked, root);
    assert!(
        stale.is_empty(),
        "the committed bake is out of date with datasets/; run \
         `cargo run -p datamimic-codegen --example bake-datamimic` and commit the result. \
         Stale files:\n{}",
        stale.join("\n")
    );
}
