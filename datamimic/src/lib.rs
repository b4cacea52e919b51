#![doc = include_str!("../../README.md")]
#![doc(test(attr(deny(warnings))))]

// The runtime (tables, sampling, the trait, its context and services, writers of rows and
// columns) is datamimic-core, which compiles beside the derive; everything in it is re-exported
// here under the path it has always had.
pub use datamimic_core::{
    CellCheck, CellKey, CellWriter, Cells, ChildCount, ChildOf, Clock, Column, Columnar,
    ColumnarStruct, Context, Counting, DatasetCode, Error, Fallback, FromCell, Iter, Mimic,
    MimicRng, PerDataset, RecordStreams, Result, Row, Service, Settings, Siblings, Strictness,
    Table, TableFamily, TableUse, baked_text, fallback_warnings, plain_table_text,
    reset_fallback_log, supported_datasets,
};
pub use datamimic_core::{check, columnar, pattern, relation, sample, text};

// The baked tables with their catalogue and the lookup by name that the derive uses.
pub mod tables;

// Built-in domain models and the identifiers they carry.
pub mod domain;
#[cfg(feature = "ident")]
pub mod ident;

#[doc(hidden)]
pub mod __private;

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
