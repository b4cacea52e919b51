//! Every table baked from `datasets/` at build time.
//!
//! Each `pub static` is a [`TableFamily`](crate::TableFamily): one table key with its
//! per-country variants. [`ALL`] lists them; `datasets/MANIFEST.csv` summarises them.

include!(concat!(env!("OUT_DIR"), "/datamimic_tables.rs"));
