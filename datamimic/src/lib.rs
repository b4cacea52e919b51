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
pub mod columnar;

// Checking that the baked tables reproduce their weights.
pub mod check;

mod error;

// Built-in domain models and the identifiers they carry.
pub mod domain;
#[cfg(feature = "ident")]
pub mod ident;

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

#[doc = include_str!("derive.md")]
pub use datamimic_derive::Mimic;

/// Derives [`Cells`](trait@Cells) for a type whose [`Mimic`](trait@Mimic) is written by hand:
/// the impl `#[derive(Mimic)]` writes for every type it derives (see its `cells` attribute).
///
/// ```
/// # #![allow(dead_code)]
/// use datamimic::{Cells, CellWriter};
///
/// #[derive(serde::Serialize, Cells)]
/// struct Reading {
///     sensor: &'static str,
///     value: u64,
/// }
///
/// struct Row(Vec<String>);
/// # impl CellWriter for Row {
/// #     type Error = ();
/// #     fn text(&mut self, t: &str) -> Result<(), ()> { self.0.push(t.into()); Ok(()) }
/// #     fn uint(&mut self, v: u64) -> Result<(), ()> { self.0.push(v.to_string()); Ok(()) }
/// #     fn joined(&mut self, p: &[&str]) -> Result<(), ()> { self.0.push(p.concat()); Ok(()) }
/// #     fn serialized<T: serde::Serialize + ?Sized>(&mut self, _: &T) -> Result<(), ()> { Err(()) }
/// #     fn position(&self) -> usize { self.0.len() }
/// #     fn repeat_cell(&mut self, s: usize, _: usize) -> Result<(), ()> { let c = self.0[s].clone(); self.0.push(c); Ok(()) }
/// # }
/// let mut row = Row(Vec::new());
/// Reading { sensor: "t1", value: 7 }.write_cells(&mut row).unwrap();
/// assert_eq!(row.0, ["t1", "7"]);
/// ```
pub use datamimic_derive::Cells;

/// Derives [`Columnar`](trait@Columnar) for a type that is only `Serialize` (a value nested in
/// a record): the impl `#[derive(Mimic)]` writes for every struct whose fields all have a
/// column, in serde's order and under serde's names (`rename`, `rename_all`, `skip`; a
/// `flatten` field's own fields in its place). An enum of unit variants is a text column;
/// `skip_serializing_if` and container attributes such as `tag` are refused, as their shape
/// does not follow from the type.
///
/// ```
/// # #![allow(dead_code)]
/// use datamimic::{Column, Columnar};
///
/// #[derive(serde::Serialize, Columnar)]
/// #[serde(rename_all = "camelCase")]
/// struct Reading {
///     sensor_id: &'static str,
///     value: Option<u64>,
/// }
///
/// assert_eq!(
///     Reading::column(),
///     Column::Struct(vec![("sensorId", Column::Text), ("value", Column::U64)])
/// );
/// ```
pub use datamimic_derive::Columnar;

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
