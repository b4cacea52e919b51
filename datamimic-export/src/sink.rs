//! Output formats and destinations: records are encoded into page buffers on the worker
//! threads, and a [`Sink`] writes the pages in order to a temporary file that is renamed into
//! place only when the whole run succeeded (see [`crate::staging`]).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};
use rusqlite::types::Value as Sql;
use serde::Serialize;

use crate::columnar::shape::Shape;
use crate::columnar::tape::Tape;
use crate::csv::{self, CsvOptions};
use crate::database::Database;
use crate::page_buf::PageBuf;
pub use crate::staging::Staged;
use crate::{sqlite, txt, xml};
use datamimic::Cells;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, nested fields flattened into dotted columns.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// `<list>` of `<item>` elements.
    Xml,
    /// An SQLite database with one table.
    Sqlite,
    /// DATAMIMIC's TXT: a line `NAME: {record}` per record, in Python `repr` ([`crate::txt`]).
    Txt,
    /// Apache Parquet: typed columns, a row group per 65,536 records ([`crate::columnar`]).
    Parquet,
    /// The Arrow IPC file format (Feather v2): the columns of [`Format::Parquet`], a record
    /// batch per 65,536 records.
    Arrow,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Xml => "xml",
            Format::Sqlite => "sqlite",
            Format::Txt => "txt",
            Format::Parquet => "parquet",
            Format::Arrow => "arrow",
        }
    }

    /// Whether records are written as typed columns ([`crate::columnar`]).
    pub fn is_columnar(self) -> bool {
        matches!(self, Format::Parquet | Format::Arrow)
    }
}

/// How one sink encodes records; shared by the worker threads.
#[derive(Debug, Clone)]
pub struct Encoder {
    /// The format.
    pub format: Format,
    /// CSV settings (used by [`Format::Csv`]).
    pub csv: CsvOptions,
}

/// The encoded records of one page for one sink.
#[derive(Debug, Default)]
pub struct PageOut {
    bytes: PageBuf,
    sql: Vec<Sql>,
    /// Column names, taken from record 0 when this page holds it.
    header: Option<Vec<String>>,
    min_cells: usize,
    max_cells: usize,
    records: u64,
    /// Memory held by `sql` (the cells and their text).
    sql_bytes: usize,
    scratch: Vec<u8>,
    /// The records' serde events, for the columnar formats.
    tape: Tape,
}

impl PageOut {
    /// An empty page with room for about `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> PageOut {
        PageOut {
            bytes: PageBuf::with_capacity(bytes),
            min_cells: usize::MAX,
            ..PageOut::default()
        }
    }

    /// Empties the page for reuse, keeping its buffers' capacity.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.sql.clear();
        self.header = None;
        self.min_cells = usize::MAX;
        self.max_cells = 0;
        self.records = 0;
        self.sql_bytes = 0;
        self.scratch.clear();
        self.tape.clear();
    }

    /// Keeps only what names the columns (the header, and the first SQLite row, whose values
    /// give the column types): for an output that gets no records.
    pub fn keep_header_only(&mut self) {
        let width = self.header.as_ref().map_or(0, Vec::len);
        self.bytes.clear();
        self.sql.truncate(width);
        self.min_cells = usize::MAX;
        self.max_cells = 0;
        self.records = 0;
    }

    /// The bytes encoded so far.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The memory the encoded records take, in bytes: what the pipeline's budget counts.
    pub fn weight(&self) -> usize {
        self.bytes.len() + self.sql_bytes + self.tape.weight()
    }

    /// Whether nothing was encoded.
    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    fn cells(&mut self, n: usize) {
        self.min_cells = self.min_cells.min(n);
        self.max_cells = self.max_cells.max(n);
    }
}

impl Encoder {
    /// [`Encoder::encode`] for a record that can write its own cells: CSV is written through
    /// [`Cells`], the other formats through serde.
    #[inline]
    pub fn encode_record<R: Cells + ?Sized>(
        &self,
        index: u64,
        record: &R,
        out: &mut PageOut,
    ) -> Result<()> {
        if index == 0 || self.format != Format::Csv {
            return self.encode(index, record, out);
        }
        let n = csv::write_cells(&self.csv, record, &mut out.bytes, &mut out.scratch)?;
        out.cells(n);
        out.records += 1;
        Ok(())
    }

    /// Encodes record `index` (its position in the whole output) into `out`.
    #[inline]
    pub fn encode<R: Serialize + ?Sized>(
        &self,
        index: u64,
        record: &R,
        out: &mut PageOut,
    ) -> Result<()> {
        if index == 0 && matches!(self.format, Format::Csv | Format::Sqlite) {
            out.header = Some(csv::columns(&serde_json::to_value(record)?));
        }
        match self.format {
            Format::Csv => {
                let n = csv::write_row(&self.csv, record, &mut out.bytes, &mut out.scratch)?;
                out.cells(n);
            }
            Format::Json => out.bytes.append_with(|bytes| {
                bytes.extend_from_slice(if index == 0 { b"\n" } else { b",\n" });
                serde_json::to_writer(bytes, record)
            })?,
            Format::Ndjson => out.bytes.append_with(|bytes| {
                serde_json::to_writer(&mut *bytes, record)?;
                bytes.push(b'\n');
                Ok::<_, serde_json::Error>(())
            })?,
            Format::Xml => out
                .bytes
                .append_with(|bytes| xml::write_item(record, bytes))?,
            Format::Txt => out
                .bytes
                .append_with(|bytes| txt::write_record(record, bytes))?,
            Format::Parquet | Format::Arrow => out.tape.push(record)?,
            Format::Sqlite => {
                let start = out.sql.len();
                sqlite::row(record, &mut out.sql)?;
                let n = out.sql.len() - start;
                out.sql_bytes += out.sql[start..]
                    .iter()
                    .map(|cell| {
                        std::mem::size_of::<Sql>()
                            + match cell {
                                Sql::Text(text) => text.len(),
                                Sql::Blob(blob) => blob.len(),
                                _ => 0,
                            }
                    })
                    .sum::<usize>();
                out.cells(n);
            }
        }
        out.records += 1;
        Ok(())
    }
}

/// Why a temporary file could not be created: it lives in the final file's directory, which
/// may not be writable even where the final file exists.
fn cannot_stage(path: &Path, tmp: &Path) -> String {
    let dir = match tmp.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    format!(
        "cannot write `{}`: cannot create the temporary file `{}` in `{}`",
        path.display(),
        tmp.file_name().unwrap_or_default().to_string_lossy(),
        dir.display()
    )
}

enum Dest {
    Stdout(BufWriter<std::io::Stdout>),
    File(BufWriter<File>),
    Memory(SharedBytes),
    Sqlite(Option<sqlite::Writer>),
    Table(TableDest),
    #[cfg(feature = "parquet")]
    Columnar(Box<crate::columnar::file::ColumnarFile>),
}

/// The destination of a columnar format writing to `out`; other formats write `out` as it is.
#[cfg(feature = "parquet")]
fn columnar_or<W: Write + Send + 'static>(
    format: Format,
    out: W,
    plain: fn(W) -> Dest,
) -> Result<Dest> {
    use crate::columnar::file::{ColumnarFile, Kind};
    let kind = match format {
        Format::Parquet => Kind::Parquet,
        Format::Arrow => Kind::Arrow,
        _ => return Ok(plain(out)),
    };
    Ok(Dest::Columnar(Box::new(ColumnarFile::new(
        kind,
        Box::new(out),
    ))))
}

/// Without the `parquet` feature the columnar formats are refused.
#[cfg(not(feature = "parquet"))]
fn columnar_or<W: Write + Send + 'static>(
    format: Format,
    out: W,
    plain: fn(W) -> Dest,
) -> Result<Dest> {
    if format.is_columnar() {
        bail!(
            "this build writes no {} (datamimic-export's `parquet` feature is off)",
            format.extension()
        );
    }
    Ok(plain(out))
}

/// Rows inserted into an existing table of a run's database.
struct TableDest {
    db: Arc<Database>,
    table: String,
    /// How records are inserted, once their columns are known.
    insert: Option<crate::database::InsertPlan>,
}

/// Bytes written to memory, shared with whoever reads them when the output is finished.
#[derive(Debug, Clone, Default)]
pub struct SharedBytes(Arc<Mutex<Vec<u8>>>);

impl SharedBytes {
    /// The bytes written, leaving none.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<u8>> {
        // A write cannot stop half-way, so a lock poisoned by a panic elsewhere still guards
        // whole writes.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Write for SharedBytes {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.lock().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where one output goes: standard output, a file (SQLite needs a file), memory or a table.
#[derive(Debug, Clone)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file; SQLite tables are named `table`.
    File {
        /// The final path.
        path: PathBuf,
        /// The SQLite table name.
        table: String,
    },
    /// Bytes in memory, for a caller that hands them on.
    Memory(SharedBytes),
    /// Arrow record batches in memory, unencoded (the Python package's Arrow tables); the
    /// arrow format only.
    #[cfg(feature = "parquet")]
    Batches(crate::columnar::file::SharedBatches),
    /// An existing table of an open database: the records' columns must be its columns.
    Table {
        /// The database.
        db: Arc<Database>,
        /// The table.
        table: String,
    },
}

/// One output being written page by page.
pub struct Sink {
    encoder: Encoder,
    // Declared before `staged`, so the file is closed before an uncommitted one is removed.
    dest: Dest,
    staged: Option<Staged>,
    width: Option<usize>,
    written: u64,
    name: String,
    /// What starts every line of a TXT output (`NAME: `).
    line_prefix: Option<Vec<u8>>,
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sink").field("name", &self.name).finish()
    }
}

impl Sink {
    /// Opens the destination (a temporary file next to the final one) and writes the prologue.
    pub fn create(encoder: Encoder, target: &Target) -> Result<Sink> {
        let mut sink = Sink::open(encoder, target)?;
        // DATAMIMIC's TXT lines start with the product name.
        if let (Format::Txt, Target::File { table, .. }) = (sink.encoder.format, target) {
            sink.line_prefix = Some(format!("{table}: ").into_bytes());
        }
        Ok(sink)
    }

    fn open(encoder: Encoder, target: &Target) -> Result<Sink> {
        let (dest, staged, name) = match target {
            Target::Stdout => {
                if encoder.format == Format::Sqlite {
                    bail!("the sqlite format needs an output file (`--output PATH`)");
                }
                let stdout = BufWriter::with_capacity(1 << 16, std::io::stdout());
                let dest = columnar_or(encoder.format, stdout, Dest::Stdout)?;
                (dest, None, "standard output".to_owned())
            }
            Target::Memory(bytes) => {
                if encoder.format == Format::Sqlite {
                    bail!("the sqlite format needs an output file");
                }
                let dest = columnar_or(encoder.format, bytes.clone(), Dest::Memory)?;
                (dest, None, "memory".to_owned())
            }
            #[cfg(feature = "parquet")]
            Target::Batches(batches) => {
                if encoder.format != Format::Arrow {
                    bail!("record batches in memory are written in the arrow format only");
                }
                let file = crate::columnar::file::ColumnarFile::in_memory(batches.clone());
                (Dest::Columnar(Box::new(file)), None, "memory".to_owned())
            }
            Target::Table { db, table } => {
                if encoder.format != Format::Sqlite {
                    bail!("rows go into a database table in the sqlite format only");
                }
                let name = format!("table `{table}` of `{}`", db.shown());
                let dest = Dest::Table(TableDest {
                    db: db.clone(),
                    table: table.clone(),
                    insert: None,
                });
                (dest, None, name)
            }
            Target::File { path, table } => {
                // A device or pipe (`/dev/null`, a FIFO) is written in place: renaming a
                // temporary file onto it would replace it.
                if let Ok(meta) = std::fs::metadata(path)
                    && !meta.is_file()
                {
                    if meta.is_dir() || encoder.format == Format::Sqlite {
                        bail!("cannot write `{}`: not a regular file", path.display());
                    }
                    let file = std::fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .with_context(|| format!("cannot write `{}`", path.display()))?;
                    let file = BufWriter::with_capacity(1 << 16, file);
                    let dest = columnar_or(encoder.format, file, Dest::File)?;
                    return Sink::start(encoder, dest, None, path.display().to_string());
                }
                let staged = Staged::new(path);
                let cannot = || cannot_stage(path, staged.tmp());
                let dest = if encoder.format == Format::Sqlite {
                    let w = sqlite::Writer::open(staged.tmp(), table).with_context(cannot)?;
                    Dest::Sqlite(Some(w))
                } else {
                    let file = File::create(staged.tmp()).with_context(cannot)?;
                    columnar_or(
                        encoder.format,
                        BufWriter::with_capacity(1 << 16, file),
                        Dest::File,
                    )?
                };
                (dest, Some(staged), path.display().to_string())
            }
        };
        Sink::start(encoder, dest, staged, name)
    }

    fn start(encoder: Encoder, dest: Dest, staged: Option<Staged>, name: String) -> Result<Sink> {
        let mut sink = Sink {
            encoder,
            dest,
            staged,
            width: None,
            written: 0,
            name,
            line_prefix: None,
        };
        match sink.encoder.format {
            Format::Json => sink.bytes(b"[")?,
            Format::Xml => sink.bytes(xml::HEAD.as_bytes())?,
            _ => {}
        }
        Ok(sink)
    }

    /// The records' columns that the database table they go into lacks, left out of its
    /// rows (none for other outputs).
    pub fn left_out_columns(&self) -> &[crate::database::LeftOut] {
        match &self.dest {
            Dest::Table(TableDest {
                insert: Some(plan), ..
            }) => &plan.left_out,
            _ => &[],
        }
    }

    /// Declares the keys of an SQLite table (before the first page); other outputs have none.
    pub fn declare_keys(&mut self, keys: sqlite::Keys) {
        if let Dest::Sqlite(Some(writer)) = &mut self.dest {
            writer.declare_keys(keys);
        }
    }

    /// The encoder the workers use for this sink.
    pub fn encoder(&self) -> &Encoder {
        &self.encoder
    }

    fn bytes(&mut self, bytes: &[u8]) -> Result<()> {
        let result = match &mut self.dest {
            Dest::Stdout(w) => w.write_all(bytes),
            Dest::File(w) => w.write_all(bytes),
            Dest::Memory(w) => w.write_all(bytes),
            Dest::Sqlite(_) | Dest::Table(_) => Ok(()),
            #[cfg(feature = "parquet")]
            Dest::Columnar(_) => Ok(()),
        };
        result.with_context(|| format!("cannot write `{}`", self.name))
    }

    /// Writes the next page.
    pub fn write(&mut self, page: &PageOut) -> Result<()> {
        if let Some(columns) = &page.header {
            self.width = Some(columns.len());
            match &mut self.dest {
                Dest::Sqlite(Some(w)) => w
                    .create(columns, &page.sql[..columns.len()])
                    .with_context(|| format!("cannot write `{}`", self.name))?,
                Dest::Table(t) => {
                    t.insert = Some(t.db.insert_plan(&t.table, columns)?);
                }
                _ => {
                    let mut line = PageBuf::default();
                    csv::write_header(&self.encoder.csv, columns, &mut line)?;
                    self.bytes(line.as_slice())?;
                }
            }
        }
        if page.records > 0
            && let Some(width) = self.width
            && (page.min_cells != width || page.max_cells != width)
        {
            return Err(RaggedRecords {
                output: self.name.clone(),
                first: width,
                other: if page.min_cells == width {
                    page.max_cells
                } else {
                    page.min_cells
                },
            }
            .into());
        }
        self.written += page.records;
        match &mut self.dest {
            Dest::Sqlite(Some(w)) if page.records > 0 => w
                .insert(&page.sql)
                .with_context(|| format!("cannot write `{}`", self.name)),
            Dest::Sqlite(_) => Ok(()),
            Dest::Table(t) => match &t.insert {
                Some(plan) if page.records > 0 => t.db.insert_planned(plan, &page.sql),
                _ => Ok(()),
            },
            #[cfg(feature = "parquet")]
            Dest::Columnar(file) => file
                .write(&page.tape, page.records)
                .with_context(|| format!("cannot write `{}`", self.name)),
            _ => match self.line_prefix.take() {
                Some(prefix) => {
                    let mut lines = Vec::with_capacity(
                        page.bytes.len()
                            + prefix.len() * usize::try_from(page.records).unwrap_or(0),
                    );
                    for line in page.bytes.as_slice().split_inclusive(|&b| b == b'\n') {
                        lines.extend_from_slice(&prefix);
                        lines.extend_from_slice(line);
                    }
                    self.line_prefix = Some(prefix);
                    self.bytes(&lines)
                }
                None => self.bytes(page.bytes.as_slice()),
            },
        }
    }

    /// Whether this output writes typed columns and has not been given their schema
    /// ([`crate::columnar::declare_columns`]).
    pub fn lacks_schema(&self) -> bool {
        match &self.dest {
            #[cfg(feature = "parquet")]
            Dest::Columnar(file) => file.lacks_schema(),
            _ => false,
        }
    }

    /// Gives a columnar output the schema of records of `shape`; other outputs need none.
    pub fn declare_shape(&mut self, shape: &Shape) -> Result<()> {
        match &mut self.dest {
            #[cfg(feature = "parquet")]
            Dest::Columnar(file) => file
                .start(shape)
                .with_context(|| format!("cannot write `{}`", self.name)),
            _ => {
                let _ = shape;
                Ok(())
            }
        }
    }

    /// Whether this output starts with the column names (CSV, SQLite) and has not had them.
    pub fn lacks_header(&self) -> bool {
        self.width.is_none() && matches!(self.encoder.format, Format::Csv | Format::Sqlite)
    }

    /// Writes the epilogue and flushes; a file stays under its temporary name until
    /// [`Staged::commit`].
    pub fn finish(mut self) -> Result<Option<Staged>> {
        match self.encoder.format {
            Format::Json if self.written == 0 => self.bytes(b"]\n")?,
            Format::Json => self.bytes(b"\n]\n")?,
            Format::Xml => self.bytes(xml::TAIL.as_bytes())?,
            _ => {}
        }
        let name = self.name.clone();
        let flushed = match &mut self.dest {
            Dest::Stdout(w) => w.flush().map_err(Into::into),
            Dest::File(w) => w.flush().map_err(Into::into),
            Dest::Memory(_) => Ok(()),
            Dest::Sqlite(w) => w.take().map_or(Ok(()), sqlite::Writer::finish),
            Dest::Table(_) => Ok(()),
            #[cfg(feature = "parquet")]
            Dest::Columnar(file) => file.finish(),
        };
        flushed.with_context(|| format!("cannot write `{name}`"))?;
        Ok(self.staged.take())
    }
}

/// Records of one CSV or SQLite output with different numbers of fields (a `<condition>`
/// whose branches write different keys, say): the caller names the generate that made them.
#[derive(Debug)]
pub struct RaggedRecords {
    /// The output, as shown.
    pub output: String,
    /// Columns of the first record.
    pub first: usize,
    /// Columns of another record.
    pub other: usize,
}

impl std::fmt::Display for RaggedRecords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}`: records do not all have the same fields ({} columns in the first, {} in another); CSV and SQLite need one shape",
            self.output, self.first, self.other
        )
    }
}

impl std::error::Error for RaggedRecords {}
