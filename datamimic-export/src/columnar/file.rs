//! A Parquet or Arrow IPC file written row group by row group: the records of each page are
//! appended to Arrow columns, and every [`ROW_GROUP_ROWS`] records become one row group (one
//! record batch), so memory stays flat and the file's bytes do not depend on how the records
//! arrived in pages. The same record batches can also be kept in memory unencoded
//! ([`SharedBatches`]), for a caller that hands them on as they are.

use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use anyhow::{Context as _, Result, bail};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::column::{self, StructColumn};
use super::shape::Shape;
use super::tape::{Cursor, Tape};

/// Records per row group (Parquet) or record batch (Arrow IPC).
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Where the file's bytes go.
pub type Out = Box<dyn Write + Send>;

/// Which columnar format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Apache Parquet, Snappy-compressed.
    Parquet,
    /// The Arrow IPC file format (Feather v2), uncompressed.
    Arrow,
}

/// Record batches kept in memory with their schema, shared with whoever takes them when the
/// output is finished: the Python package hands them to pyarrow through the Arrow C stream
/// interface, without encoding or copying their buffers.
#[derive(Debug, Clone, Default)]
pub struct SharedBatches(Arc<Mutex<Batches>>);

#[derive(Debug, Default)]
struct Batches {
    schema: Option<SchemaRef>,
    batches: Vec<RecordBatch>,
}

impl SharedBatches {
    /// The schema and the batches written, leaving none; `None` if no output was started.
    pub fn take(&self) -> Option<(SchemaRef, Vec<RecordBatch>)> {
        let mut kept = self.lock();
        let schema = kept.schema.take()?;
        Some((schema, std::mem::take(&mut kept.batches)))
    }

    fn lock(&self) -> MutexGuard<'_, Batches> {
        // A push cannot stop half-way, so a lock poisoned by a panic elsewhere still guards
        // whole batches.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Where a columnar output's row groups go.
enum Destination {
    /// Encoded as a file of its kind.
    File(Out),
    /// Kept as record batches.
    Batches(SharedBatches),
}

/// A columnar file being written.
pub struct ColumnarFile {
    kind: Kind,
    /// The destination until the schema is known.
    out: Option<Destination>,
    open: Option<Open>,
    /// Records written before the current row group.
    rows: u64,
}

impl std::fmt::Debug for ColumnarFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColumnarFile")
            .field("kind", &self.kind)
            .field("rows", &self.rows)
            .finish()
    }
}

struct Open {
    schema: SchemaRef,
    columns: StructColumn,
    writer: Writer,
}

enum Writer {
    Parquet(Box<ArrowWriter<Out>>),
    Arrow(Box<arrow_ipc::writer::FileWriter<Out>>),
    Batches(SharedBatches),
}

impl ColumnarFile {
    /// A file of `kind` to be written to `out` once its schema is known.
    pub fn new(kind: Kind, out: Out) -> ColumnarFile {
        ColumnarFile {
            kind,
            out: Some(Destination::File(out)),
            open: None,
            rows: 0,
        }
    }

    /// The record batches of an Arrow file, kept in `batches` instead of encoded.
    pub fn in_memory(batches: SharedBatches) -> ColumnarFile {
        ColumnarFile {
            kind: Kind::Arrow,
            out: Some(Destination::Batches(batches)),
            open: None,
            rows: 0,
        }
    }

    /// Whether the schema is still to be given.
    pub fn lacks_schema(&self) -> bool {
        self.open.is_none()
    }

    /// Starts the file with the schema of records of `shape`.
    pub fn start(&mut self, shape: &Shape) -> Result<()> {
        let Some(out) = self.out.take() else {
            bail!("the schema of a columnar file is given once");
        };
        let schema: SchemaRef = Arc::new(column::schema(shape));
        let writer = match (self.kind, out) {
            (_, Destination::Batches(batches)) => {
                batches.lock().schema = Some(schema.clone());
                Writer::Batches(batches)
            }
            (Kind::Parquet, Destination::File(out)) => {
                let properties = WriterProperties::builder()
                    .set_compression(Compression::SNAPPY)
                    .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
                    .build();
                Writer::Parquet(Box::new(ArrowWriter::try_new(
                    out,
                    schema.clone(),
                    Some(properties),
                )?))
            }
            (Kind::Arrow, Destination::File(out)) => Writer::Arrow(Box::new(
                arrow_ipc::writer::FileWriter::try_new(out, &schema)?,
            )),
        };
        self.open = Some(Open {
            schema,
            columns: StructColumn::for_records(shape),
            writer,
        });
        Ok(())
    }

    /// Appends the `records` records of `tape`, writing a row group whenever one is full.
    pub fn write(&mut self, tape: &Tape, records: u64) -> Result<()> {
        let Some(open) = &mut self.open else {
            bail!(
                "Parquet and Arrow columns come from an entity's type: only `datamimic generate ENTITY` (without `--with`) writes them"
            );
        };
        let mut cursor = Cursor::new(tape);
        for _ in 0..records {
            let row = self.rows + open.columns.len() as u64;
            open.columns
                .append_record(&mut cursor)
                .with_context(|| format!("record {row} does not fit the columns"))?;
            if open.columns.len() == ROW_GROUP_ROWS {
                self.rows += open.flush()? as u64;
            }
        }
        Ok(())
    }

    /// Writes the last row group and the footer, and flushes.
    pub fn finish(&mut self) -> Result<()> {
        let Some(mut open) = self.open.take() else {
            bail!("a columnar file was finished before its schema was known");
        };
        if !open.columns.is_empty() {
            open.flush()?;
        }
        let mut out = match open.writer {
            Writer::Parquet(writer) => writer.into_inner()?,
            Writer::Arrow(mut writer) => {
                writer.finish()?;
                writer.into_inner()?
            }
            Writer::Batches(_) => return Ok(()),
        };
        out.flush()?;
        Ok(())
    }
}

impl Open {
    /// Writes the rows appended so far as one row group; returns how many.
    fn flush(&mut self) -> Result<usize> {
        let rows = self.columns.len();
        let batch = RecordBatch::try_new(self.schema.clone(), self.columns.finish_columns())?;
        match &mut self.writer {
            Writer::Parquet(writer) => {
                writer.write(&batch)?;
                writer.flush()?;
            }
            Writer::Arrow(writer) => writer.write(&batch)?,
            Writer::Batches(batches) => batches.lock().batches.push(batch),
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::{Encoder, Format, PageOut, Sink, Target};

    #[derive(serde::Serialize)]
    struct Reading {
        on: &'static str,
        value: Option<u8>,
        note: Option<&'static str>,
    }

    #[derive(serde::Serialize)]
    struct Misread {
        on: &'static str,
        value: &'static str,
        note: Option<&'static str>,
    }

    fn reading(on: &'static str) -> Reading {
        Reading {
            on,
            value: Some(1),
            note: None,
        }
    }

    /// A sink writing `name` in `dir` with the shape of `Reading`s (`note` never sampled).
    fn sink(dir: &std::path::Path, name: &str, format: Format) -> Sink {
        let target = Target::File {
            path: dir.join(name),
            table: "t".into(),
        };
        let encoder = Encoder {
            format,
            csv: Default::default(),
        };
        let mut sink = Sink::create(encoder, &target).unwrap();
        let mut sample = Tape::default();
        sample.push(&reading("2024-01-02")).unwrap();
        sink.declare_shape(&Shape::of_records([&sample]).unwrap())
            .unwrap();
        sink
    }

    /// Writes `page` (encoded by `encode`) as the third page of records and returns the error.
    fn failure(format: Format, encode: impl Fn(&Encoder, &mut PageOut)) -> String {
        let dir = std::env::temp_dir().join(format!(
            "datamimic-columnar-{}-{format:?}-{}",
            std::process::id(),
            rand_suffix()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let mut sink = sink(&dir, "out.file", format);
        let encoder = sink.encoder().clone();
        let mut page = PageOut::default();
        for i in 0..2 {
            encoder
                .encode(i, &reading("2024-01-03"), &mut page)
                .unwrap();
        }
        sink.write(&page).unwrap();
        let mut page = PageOut::default();
        encode(&encoder, &mut page);
        let err = sink.write(&page).unwrap_err();
        drop(sink);
        let left = std::fs::read_dir(&dir).unwrap().count();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(left, 0, "a failed output leaves no file");
        format!("{err:#}")
    }

    fn rand_suffix() -> u64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }

    #[test]
    fn a_value_of_another_type_is_an_error_naming_record_and_field() {
        for format in [Format::Parquet, Format::Arrow] {
            let err = failure(format, |e, page| {
                e.encode(2, &reading("2024-01-04"), page).unwrap();
                let bad = Misread {
                    on: "2024-01-05",
                    value: "seven",
                    note: None,
                };
                e.encode(3, &bad, page).unwrap();
            });
            assert!(
                err.contains("record 3 does not fit the columns: field `value`: the text `seven` where the column holds a u8"),
                "{err}"
            );
        }
    }

    #[test]
    fn text_in_a_date_column_and_a_value_in_a_column_never_sampled_are_errors() {
        let err = failure(Format::Parquet, |e, page| {
            e.encode(2, &reading("soon"), page).unwrap();
        });
        assert!(
            err.contains("record 2 does not fit the columns: field `on`: the text `soon` where the column holds a date (YYYY-MM-DD)"),
            "{err}"
        );
        let err = failure(Format::Arrow, |e, page| {
            let noted = Reading {
                note: Some("late"),
                ..reading("2024-01-04")
            };
            e.encode(2, &noted, page).unwrap();
        });
        assert!(
            err.contains(
                "field `note`: the text `late` where none of the first 2048 records has a value"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_record_with_other_fields_is_an_error() {
        #[derive(serde::Serialize)]
        struct Short {
            on: &'static str,
        }
        let err = failure(Format::Parquet, |e, page| {
            e.encode(2, &Short { on: "2024-01-04" }, page).unwrap();
        });
        assert!(
            err.contains("record 2 does not fit the columns: 1 fields where the schema has 3 (on, value, note)"),
            "{err}"
        );
    }

    #[test]
    fn outputs_without_a_schema_refuse_records() {
        let dir = std::env::temp_dir().join(format!(
            "datamimic-columnar-noschema-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let target = Target::File {
            path: dir.join("x.parquet"),
            table: "t".into(),
        };
        let encoder = Encoder {
            format: Format::Parquet,
            csv: Default::default(),
        };
        let mut sink = Sink::create(encoder.clone(), &target).unwrap();
        assert!(sink.lacks_schema());
        let mut page = PageOut::default();
        encoder
            .encode(0, &reading("2024-01-02"), &mut page)
            .unwrap();
        let err = format!("{:#}", sink.write(&page).unwrap_err());
        drop(sink);
        let left = std::fs::read_dir(&dir).unwrap().count();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("only `datamimic generate ENTITY`"), "{err}");
        assert_eq!(left, 0);
    }
}
