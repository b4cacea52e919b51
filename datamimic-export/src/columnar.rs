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

    /// A run of zero records of every entity writes its declared
    /// schema, in Arrow IPC and in Parquet (whose footer keeps the Arrow schema).
    #[test]
    fn zero_records_of_every_entity_have_its_declared_schema() {
        use crate::entities::{ENTITIES, EntityOptions};
        use crate::pipeline::Plan;
        use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

        let dir = std::env::temp_dir().join(format!("datamimic-zero-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut declared_entities = 0;
        for def in ENTITIES {
            let options = EntityOptions {
                seed: Some(5),
                ..EntityOptions::default()
            };
            let entity = def.build(&options).unwrap();
            let Some(declared) = entity.declared_shape() else {
                continue;
            };
            declared_entities += 1;
            let expected = column::schema(&declared);
            let arrow = SharedBytes::default();
            let batches = file::SharedBatches::default();
            let encoder = |format| Encoder {
                format,
                csv: CsvOptions::default(),
            };
            let parquet_path = dir.join(format!("{}.parquet", def.name));
            let mut sinks = vec![
                Sink::create(encoder(Format::Arrow), &Target::Memory(arrow.clone())).unwrap(),
                Sink::create(encoder(Format::Arrow), &Target::Batches(batches.clone())).unwrap(),
                Sink::create(
                    encoder(Format::Parquet),
                    &Target::File {
                        path: parquet_path.clone(),
                        table: def.name.to_owned(),
                    },
                )
                .unwrap(),
            ];
            let plan = Plan {
                count: 0,
                page_size: 10,
                threads: 2,
            };
            entity.export(plan, &mut sinks, def.name).unwrap();
            for sink in sinks {
                if let Some(staged) = sink.finish().unwrap() {
                    staged.commit().unwrap();
                }
            }
            let reader =
                arrow_ipc::reader::FileReader::try_new(std::io::Cursor::new(arrow.take()), None)
                    .unwrap();
            assert_eq!(*reader.schema(), expected, "{} arrow", def.name);
            assert_eq!(reader.count(), 0, "{}", def.name);
            let (schema, kept) = batches.take().unwrap();
            assert_eq!(*schema, expected, "{} batches", def.name);
            assert!(kept.is_empty(), "{}", def.name);
            let file = std::fs::File::open(&parquet_path).unwrap();
            let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
            assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
            assert_eq!(**builder.schema(), expected, "{} parquet", def.name);
        }
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(declared_entities, ENTITIES.len());
    }

    /// Batches kept in memory are the record batches of the Arrow IPC file of the same run.
    #[test]
    fn batches_in_memory_are_the_arrow_files() {
        use crate::entities::{self, EntityOptions};
        use crate::pipeline::Plan;

        let options = EntityOptions {
            seed: Some(8),
            ..EntityOptions::default()
        };
        let entity = entities::find("Patient").unwrap().build(&options).unwrap();
        let (bytes, batches) = (SharedBytes::default(), file::SharedBatches::default());
        let encoder = || Encoder {
            format: Format::Arrow,
            csv: CsvOptions::default(),
        };
        let mut sinks = vec![
            Sink::create(encoder(), &Target::Memory(bytes.clone())).unwrap(),
            Sink::create(encoder(), &Target::Batches(batches.clone())).unwrap(),
        ];
        let plan = Plan {
            count: 300,
            page_size: 64,
            threads: 2,
        };
        entity.export(plan, &mut sinks, "Patient").unwrap();
        for sink in sinks {
            assert!(sink.finish().unwrap().is_none());
        }
        let reader =
            arrow_ipc::reader::FileReader::try_new(std::io::Cursor::new(bytes.take()), None)
                .unwrap();
        let (schema, kept) = batches.take().unwrap();
        assert_eq!(reader.schema(), schema);
        let written: Vec<_> = reader.map(Result::unwrap).collect();
        assert_eq!(written, kept);
        assert_eq!(kept.iter().map(|b| b.num_rows()).sum::<usize>(), 300);
        assert!(batches.take().is_none(), "taken once");
    }

    #[test]
    fn batches_are_arrow_only() {
        let encoder = Encoder {
            format: Format::Parquet,
            csv: CsvOptions::default(),
        };
        let err = Sink::create(encoder, &Target::Batches(file::SharedBatches::default()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("arrow format only"), "{err}");
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

    /// A record type whose `Cells` is written by hand declares no columns.
    #[derive(serde::Serialize)]
    struct Reading {
        sensor: &'static str,
        value: Option<u64>,
    }

    impl Cells for Reading {}

    #[test]
    fn other_types_are_sampled() {
        let mut sinks = vec![arrow_sink()];
        let sampled = std::cell::Cell::new(0);
        declare_columns(&mut sinks, |index| {
            sampled.set(sampled.get() + 1);
            Reading {
                sensor: "t1",
                value: Some(index),
            }
        })
        .unwrap();
        assert_eq!(sampled.get(), shape::SAMPLE);
        assert!(!sinks[0].lacks_schema());
    }
}
