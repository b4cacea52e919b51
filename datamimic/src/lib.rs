#![doc = include_str!("../../README.md")]
#![doc(test(attr(deny(warnings))))]

// Baked data: every `datasets/**/*.csv` as an alias table, looked up by key and country.
mod dataset;
mod family;
mod per_dataset;
mod plain_text;
mod table;
pub mod tables;

// Randomness and time: per-record streams and a fixed clock for seeded runs.
mod clock;
mod rng;
pub mod sample;

// Generating values: the trait, its context and the service.
mod cell;
mod context;
mod matching;
mod mimic;
pub mod pattern;
mod primitives;
pub mod relation;
mod service;
pub mod text;

// Writing records as flat rows (CSV) without serde's per-value calls.
mod cells;

// Checking that the baked tables reproduce their weights.
pub mod check;

mod error;

// Built-in domain models and the identifiers they carry.
pub mod domain;
pub mod ident;

#[doc(hidden)]
pub mod __private;

pub use cell::FromCell;
pub use cells::{CellWriter, Cells};
pub use clock::Clock;
pub use context::{Context, Settings};
pub use dataset::{
    DatasetCode, Fallback, Strictness, fallback_warnings, reset_fallback_log, supported_datasets,
};
pub use error::{Error, Result};
pub use family::TableFamily;
pub use matching::CellKey;
pub use mimic::{CellCheck, Mimic, TableUse};
pub use per_dataset::PerDataset;
pub use plain_text::plain_table_text;
pub use relation::{ChildCount, ChildOf, Counting, Siblings};
pub use rng::{MimicRng, RecordStreams};
pub use service::{Iter, Service};
pub use table::{Row, Table};

#[doc = include_str!("derive.md")]
pub use datamimic_derive::Mimic;

/// Includes the tables that a crate's own `build.rs` baked with
/// `datamimic_codegen::bake_user_datasets()`. Call it once, at the crate root.
#[macro_export]
macro_rules! include_tables {
    () => {
        /// The tables baked from this crate's `datasets/` directory.
        #[doc(hidden)]
        #[allow(unreachable_pub, missing_docs, dead_code)]
        pub(crate) mod __datamimic_tables {
            include!(concat!(env!("OUT_DIR"), "/datamimic_tables.rs"));
        }
    };
}
