//! Bakes weighted CSV datasets into alias tables for [datamimic](https://crates.io/crates/datamimic).
//!
//! This crate runs inside build scripts. It reads every `*.csv` below a datasets directory,
//! validates it, builds an exact integer alias table (Vose) per file and writes packed binary
//! columns plus one `@generated` Rust file into `OUT_DIR`. Every problem in every file is
//! collected and reported together as `path:line: message`.
//!
//! It also parses inline weights and identifier patterns for the derive and the runtime, so
//! both compute them the same way. They use it without the `bake` feature (on by default), so
//! that a build that bakes nothing compiles no CSV reader.
//!
//! A crate with its own `datasets/` folder calls [`bake_user_datasets`] from its `build.rs` and
//! `datamimic::include_tables!()` once in its crate root; see the datamimic README.

// What the runtime and the derive use.
mod packed;
mod pattern;
mod vose;
mod weight;

pub use packed::PackedTable;
pub use pattern::{PatternPiece, compile_pattern};
pub use vose::{AliasColumns, build_alias};
pub use weight::{Weights, parse_decimal_weight};

// Baking datasets (the `bake` feature).
#[cfg(feature = "bake")]
mod bake;
#[cfg(feature = "bake")]
mod catalogue;
#[cfg(feature = "bake")]
mod cell_types;
#[cfg(feature = "bake")]
mod diagnostic;
#[cfg(feature = "bake")]
mod emit;
#[cfg(feature = "bake")]
mod iso3166;
#[cfg(feature = "bake")]
mod manifest;
#[cfg(feature = "bake")]
mod read;
#[cfg(feature = "bake")]
mod table_path;

#[cfg(feature = "bake")]
pub use bake::{
    BUILTIN_DIR, BUILTIN_LOOKUP_DIR, BakeOptions, Baked, BakedTable, bake, bake_into,
    bake_user_datasets, run_build_script, stale_committed, write_committed,
};
#[cfg(feature = "bake")]
pub use diagnostic::{Diagnostic, Diagnostics};
#[cfg(feature = "bake")]
pub use manifest::{ProvenanceLabel, ProvenanceLabels, render_labelled_manifest, render_manifest};
#[cfg(feature = "bake")]
pub use read::{RawTable, read_table};
#[cfg(feature = "bake")]
pub use table_path::{TablePath, parse_table_path};
