//! datamimic's writers and the deterministic paged pipeline that feeds them, usable from any
//! Rust program: records of a [`datamimic::Service`] (or any [`pipeline::Source`]) generated on
//! every core, page by page, into CSV, JSON, NDJSON, XML or SQLite, byte for byte the same for
//! every thread count and page size.
//!
//! ```no_run
//! use datamimic_export::csv::CsvOptions;
//! use datamimic_export::entities::{self, EntityOptions};
//! use datamimic_export::pipeline::{self, DEFAULT_PAGE_SIZE, Plan};
//! use datamimic_export::sink::{Encoder, Format, Sink, Target};
//! # fn main() -> anyhow::Result<()> {
//! let options = EntityOptions { dataset: Some("DE".into()), strict: true, seed: Some(42), ..Default::default() };
//! let people = entities::find("Person")?.build(&options)?;
//! let target = Target::File { path: "people.csv".into(), table: "Person".into() };
//! let encoder = Encoder { format: Format::Csv, csv: CsvOptions::default() };
//! let mut sinks = vec![Sink::create(encoder, &target)?];
//! let plan = Plan { count: 1_000_000, page_size: DEFAULT_PAGE_SIZE, threads: pipeline::threads(None) };
//! people.export(plan, &mut sinks, "Person")?;
//! if let Some(staged) = sinks.pop().expect("one sink").finish()? {
//!     staged.commit()?; // the file appears under its name only now
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Files are written under a temporary name and renamed into place only when the run
//! succeeded ([`staging`]); an interrupted run leaves nothing behind.

// Formats.
pub mod columnar;
pub mod csv;
pub mod database;
mod serialize_parts;
pub mod sqlite;
pub mod txt;
pub mod xml;

// Pages, destinations, and the parallel pipeline feeding them.
pub mod page_buf;
pub mod pipeline;
pub mod related;
pub mod shard;
pub mod sink;
pub mod staging;

// The built-in entities by name, and what a run reports beyond its records.
pub mod entities;
pub mod entity_options;
pub mod fallback;
pub mod suggest;
