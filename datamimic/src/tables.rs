//! The baked tables, and their catalogue.
//!
#![doc = include_str!("../baked/CATALOGUE.md")]

// Baked from `datasets/` by `datamimic-codegen` and committed, so that building datamimic
// reads no CSV; `tests/it/baked.rs` fails when this is stale.
include!("../baked/tables.rs");
