//! A Parquet or Arrow IPC file written row group by row group: the records of each page are
//! appended to Arrow columns, and every [`ROW_GROUP_ROWS`] records become one row group (one
//! record batch), so memory stays flat and the file's bytes do not depend on how the records
//! arrived in pages.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::column::{self, StructColumn};
use super::shape::{Cursor, Shape};
use super::tape::Tape;

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

/// A columnar file being written.
pub struct ColumnarFile {
    kind: Kind,
    /// The destination until the schema is known.
    out: Option<Out>,
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
}

impl ColumnarFile {
    /// A file of `kind` to be written to `out` once its schema is known.
    pub fn new(kind: Kind, out: Out) -> ColumnarFile {
        ColumnarFile {
            kind,
            out: Some(out),
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
        let writer = match self.kind {
            Kind::Parquet => {
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
            Kind::Arrow => Writer::Arrow(Box::new(arrow_ipc::writer::FileWriter::try_new(
                out, &schema,
            )?)),
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
        }
        Ok(rows)
    }
}
