//! The runtime of [datamimic](https://crates.io/crates/datamimic): everything that does not
//! need its derive. Depend on `datamimic`, which re-exports all of it under the same paths
//! (`datamimic::Service`, `datamimic::sample`, `datamimic::tables::...`).
//!
//! It is a crate of its own so that it compiles while the derive (and `syn` under it) does:
//! `datamimic` itself then holds only the derive's re-exports, the lookup of tables by name,
//! the domain models and the identifiers.

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
pub mod columnar;

// Checking that the baked tables reproduce their weights.
pub mod check;

mod error;

#[cfg(test)]
mod collect_cells;

#[doc(hidden)]
pub mod __private;

pub use cell::FromCell;
pub use cells::{CellWriter, Cells};
pub use clock::Clock;
pub use columnar::{Column, Columnar, ColumnarStruct};
pub use context::{Context, Settings};
pub use dataset::{
    DatasetCode, Fallback, Strictness, fallback_warnings, reset_fallback_log, supported_datasets,
};
pub use error::{Error, Result};
pub use family::TableFamily;
pub use matching::CellKey;
pub use mimic::{CellCheck, Mimic, TableUse};
pub use per_dataset::PerDataset;
pub use plain_text::{baked_text, plain_table_text};
pub use relation::{ChildCount, ChildOf, Counting, Siblings};
pub use rng::{MimicRng, RecordStreams};
pub use service::{Iter, Service};
pub use table::{Row, Table};
