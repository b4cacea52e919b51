//! Parquet and Arrow IPC output: typed columns (dates as `Date32`, times as UTC microsecond
//! `Timestamp`s, integers of their Rust width, floats, booleans, text as `Utf8`), nested
//! records as struct columns (the CSV header's `address.street` is field `street` of struct
//! column `address`) and lists as list columns.
//!
//! The worker threads write each record's serde events to a [`tape::Tape`]; the writer thread
//! appends them to Arrow columns (`column`) and writes a row group per `file::ROW_GROUP_ROWS`
//! (65,536) records; those two modules need the `parquet` feature. The schema comes from the
//! record's type where the type declares its columns ([`declared`]), else from the records
//! `0..`[`shape::SAMPLE`] of the run's service ([`shape`]); either way it is the same whatever
//! part of the run a shard writes, and every record is checked against it: a value of another
//! type is an error naming the record and field.

#[cfg(feature = "parquet")]
pub mod column;
pub mod declared;
#[cfg(feature = "parquet")]
pub mod file;
pub mod shape;
pub mod tape;
mod temporal;

use anyhow::{Context as _, Result};
use datamimic::Cells;
use serde::Serialize;

use crate::sink::Sink;

/// Gives the sinks that write columns the schema of record type `R`: the one it declares, else
/// the one the records `record(0..SAMPLE)` yield.
pub fn declare_columns<R: Serialize + Cells>(
    sinks: &mut [Sink],
    record: impl Fn(u64) -> R,
) -> Result<()> {
    if !sinks.iter().any(Sink::lacks_schema) {
        return Ok(());
    }
    let shape = match declared::shape_of::<R>() {
        Some(shape) => shape,
        None => sampled(shape::SAMPLE, record)?,
    };
    for sink in sinks.iter_mut().filter(|s| s.lacks_schema()) {
        sink.declare_shape(&shape)?;
    }
    Ok(())
}

/// The shape the records `record(0..count)` share.
pub(crate) fn sampled<R: Serialize>(count: u64, record: impl Fn(u64) -> R) -> Result<shape::Shape> {
    let mut tape = tape::Tape::default();
    for index in 0..count {
        tape.push(&record(index))
            .with_context(|| format!("record {index}"))?;
    }
    shape::Shape::of_records([&tape])
        .context("the records have no one schema for Parquet or Arrow columns")
}

#[cfg(all(test, feature = "parquet"))]
mod tests {
    use datamimic::domain::common::Person;
    use datamimic::domain::healthcare::Encounter;

    use super::*;
    use crate::csv::CsvOptions;
    use crate::sink::{Encoder, Format, SharedBytes, Target};

    fn arrow_sink() -> Sink {
        let encoder = Encoder {
            format: Format::Arrow,
            csv: CsvOptions::default(),
        };
        Sink::create(encoder, &Target::Memory(SharedBytes::default())).unwrap()
    }

    #[test]
    fn a_declared_type_needs_no_record_for_its_columns() {
        let mut sinks = vec![arrow_sink()];
        declare_columns(&mut sinks, |index| -> Person {
            panic!("record {index} was generated for a declared type")
        })
        .unwrap();
        assert!(!sinks[0].lacks_schema());
    }

    #[test]
    /// Encounter flattens its medication into the record (serde's `flatten`): not declared.
    fn other_types_are_sampled() {
        let mut sinks = vec![arrow_sink()];
        let sampled = std::cell::Cell::new(0);
        let service = datamimic::Service::<Encounter>::new().seed(3);
        declare_columns(&mut sinks, |index| {
            sampled.set(sampled.get() + 1);
            service.record(index)
        })
        .unwrap();
        assert_eq!(sampled.get(), shape::SAMPLE);
        assert!(!sinks[0].lacks_schema());
    }
}
