//! Bakes weighted CSV datasets into alias tables for [datamimic](https://crates.io/crates/datamimic).
//!
//! This crate runs inside build scripts. It reads every `*.csv` below a datasets directory,
//! validates it, builds an exact integer alias table (Vose) per file and writes packed binary
//! columns plus one `@generated` Rust file into `OUT_DIR`. Every problem in every file is
//! collected and reported together as `path:line: message`.
//!
//! It also parses inline weights and identifier patterns for the derive and the runtime, so
//! both compute them the same way.
//!
//! A crate with its own `datasets/` folder calls [`bake_user_datasets`] from its `build.rs` and
//! `datamimic::include_tables!()` once in its crate root; see the datamimic README.

mod bake;
mod catalogue;
mod cell_types;
mod diagnostic;
mod emit;
mod iso3166;
mod manifest;
mod packed;
mod pattern;
mod read;
mod table_path;
mod vose;
mod weight;

pub use bake::{
    BUILTIN_DIR, BakeOptions, Baked, BakedTable, bake, bake_into, bake_user_datasets,
    run_build_script, stale_committed, write_committed,
};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use manifest::{ProvenanceLabel, ProvenanceLabels, render_labelled_manifest, render_manifest};
pub use packed::PackedTable;
pub use pattern::{PatternPiece, compile_pattern};
pub use read::{RawTable, read_table};
pub use table_path::{TablePath, parse_table_path};
pub use vose::{AliasColumns, build_alias};
pub use weight::{Weights, parse_decimal_weight};
