//! The baked tables, and their catalogue.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/datamimic_tables/CATALOGUE.md"))]

include!(concat!(env!("OUT_DIR"), "/datamimic_tables.rs"));
