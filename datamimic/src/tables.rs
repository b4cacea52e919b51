//! The baked tables, and their catalogue.
//!
#![doc = include_str!("../baked/CATALOGUE.md")]

// The tables themselves live in datamimic-core, which compiles beside the derive.
pub use datamimic_core::tables::*;

// The lookup of a table (and a column) by name, for `#[mimic(weighted = "...")]`: baked with
// the tables, kept here because its compile-time checks are the derive's macros.
include!("../baked/lookup.rs");
