//! CSV output: one row at a time, straight into the page, through a record's
//! [`Cells`] impl ([`write_cells`]) or through serde ([`write_row`]); both give the same bytes.
//!
//! Nested structs and maps are flattened into dotted columns (`address.city`); sequences go
//! into one cell as a JSON array, written in place with its quotes doubled as it goes
//! (`json_cell`). Numbers are written as digits and text is copied, so a row costs no
//! allocation (with a quote character other than `"`, list cells go through a reused scratch
//! buffer).

use std::fmt::Display;

use chrono::{Datelike, NaiveDate};
use datamimic::{CellWriter, Cells};
use serde::ser::{self, Serialize};

mod decimal;
mod json_cell;
mod quote_scan;
use quote_scan::QuoteScan;

use crate::page_buf::PageBuf;
use crate::serialize_parts::{fields_through, items_through, wrappers_forwarded};

/// When a cell is put in quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Only cells holding the separator, the quote character or a line break.
    Minimal,
    /// Every cell.
    All,
    /// Never; a cell that would need quotes is an error.
    Never,
}

/// How CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// The field separator.
    pub separator: u8,
    /// The quote character.
    pub quote: u8,
    /// When to quote.
    pub quoting: Quoting,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            separator: b',',
            quote: b'"',
            quoting: Quoting::Minimal,
        }
    }
}

/// Bytes that read as data: letters, digits, signs and decimal points, line breaks.
fn reads_as_data(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'\n' | b'\r' | b'.' | b'-') || !b.is_ascii()
}

/// `byte` as a message shows it: itself when printable, escaped (`\t`) otherwise.
pub fn shown(byte: u8) -> String {
    if byte.is_ascii_graphic() {
        char::from(byte).to_string()
    } else {
        byte.escape_ascii().to_string()
    }
}

/// Why `byte` cannot separate cells, if it cannot.
pub fn separator_problem(byte: u8) -> Option<String> {
    reads_as_data(byte).then(|| {
        format!(
            "invalid CSV separator `{}`: use an ASCII punctuation character such as `,`, `;`, `|` or a tab",
            shown(byte)
        )
    })
}

/// Reads a one-character separator (`\t` and `tab` mean a tab) that cannot be read as data.
pub fn separator_byte(text: &str) -> Result<u8, String> {
    let byte = match text {
        "\\t" | "tab" | "\t" => b'\t',
        s if s.len() == 1 => s.as_bytes()[0],
        s => {
            return Err(format!(
                "invalid CSV separator `{s}`: expected one ASCII character"
            ));
        }
    };
    match separator_problem(byte) {
        Some(problem) => Err(problem),
        None => Ok(byte),
    }
}

/// Reads a one-character quote that cannot be read as data.
pub fn quote_byte(text: &str) -> Result<u8, String> {
    if text.len() != 1 {
        return Err(format!(
            "invalid CSV quote character `{text}`: expected one ASCII character"
        ));
    }
    let byte = text.as_bytes()[0];
    match quote_problem(byte) {
        Some(problem) => Err(problem),
        None => Ok(byte),
    }
}

/// Why `byte` cannot quote cells, if it cannot.
pub fn quote_problem(byte: u8) -> Option<String> {
    reads_as_data(byte).then(|| {
        format!(
            "invalid CSV quote character `{}`: use an ASCII punctuation character such as `\"` or `'`",
            shown(byte)
        )
    })
}

impl CsvOptions {
    /// Checks that the separator and quote can be told apart from data and from each other.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(problem) = separator_problem(self.separator) {
            return Err(problem);
        }
        if let Some(problem) = quote_problem(self.quote) {
            return Err(problem);
        }
        if self.separator == self.quote {
            return Err(format!(
                "the separator and the quote character are both `{}`: a reader could not tell them apart",
                shown(self.separator)
            ));
        }
        Ok(())
    }

    /// The quote test for this separator and quote.
    fn scan(&self) -> QuoteScan {
        QuoteScan::new(self.separator, self.quote)
    }

    /// Appends one cell (with its leading separator unless `first`).
    #[inline(always)]
    fn cell(
        &self,
        scan: &QuoteScan,
        out: &mut PageBuf,
        first: bool,
        text: &[u8],
    ) -> Result<(), Error> {
        // Nearly every cell: written as is, scanned while it is copied.
        let lead = (!first).then_some(self.separator);
        if self.quoting != Quoting::All && scan.append_plain(out, lead, text) {
            return Ok(());
        }
        self.quoted_cell(out, first, text)
    }

    /// [`CsvOptions::cell`] for text that is quoted (or refused under `Quoting::Never`). Not
    /// cold: one-line addresses hold commas, so most rows have such a cell.
    #[inline(never)]
    fn quoted_cell(&self, out: &mut PageBuf, first: bool, text: &[u8]) -> Result<(), Error> {
        if self.quoting == Quoting::Never {
            return Err(Error(format!(
                "the value `{}` needs quotes but quoting is `none`",
                String::from_utf8_lossy(text)
            )));
        }
        if !first {
            out.push(self.separator);
        }
        out.push(self.quote);
        if !text.contains(&self.quote) {
            // The usual case (a separator inside, no quote): one copy.
            out.extend_from_slice(text);
            out.push(self.quote);
            return Ok(());
        }
        // Copy the runs between quote characters whole; double each quote.
        let mut runs = text.split(|&b| b == self.quote);
        if let Some(first) = runs.next() {
            out.extend_from_slice(first);
        }
        for run in runs {
            out.push(self.quote);
            out.push(self.quote);
            out.extend_from_slice(run);
        }
        out.push(self.quote);
        Ok(())
    }
}

/// A record that cannot be written as CSV.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// The column names of `value` (a record as JSON): dotted paths of its leaves.
pub fn columns(value: &serde_json::Value) -> Vec<String> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    if prefix.is_empty() {
                        walk(key, v, out);
                    } else {
                        walk(&format!("{prefix}.{key}"), v, out);
                    }
                }
            }
            _ => out.push(if prefix.is_empty() {
                "value".to_owned()
            } else {
                prefix.to_owned()
            }),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

/// Writes the header line for `columns`.
pub fn write_header(opts: &CsvOptions, columns: &[String], out: &mut PageBuf) -> Result<(), Error> {
    let scan = opts.scan();
    for (i, c) in columns.iter().enumerate() {
        opts.cell(&scan, out, i == 0, c.as_bytes())?;
    }
    out.push(b'\n');
    Ok(())
}

/// Writes `record` as one CSV line through serde; returns the number of cells.
#[inline]
pub fn write_row<R: Serialize + ?Sized>(
    opts: &CsvOptions,
    record: &R,
    out: &mut PageBuf,
    scratch: &mut Vec<u8>,
) -> Result<usize, Error> {
    let mut row = Row::new(opts, out, scratch);
    record.serialize(&mut row)?;
    row.out.push(b'\n');
    Ok(row.cells)
}

/// Writes `record` as one CSV line through its [`Cells`] impl (the same bytes as
/// [`write_row`]); returns the number of cells.
#[inline]
pub fn write_cells<R: Cells + ?Sized>(
    opts: &CsvOptions,
    record: &R,
    out: &mut PageBuf,
    scratch: &mut Vec<u8>,
) -> Result<usize, Error> {
    let mut row = Row::new(opts, out, scratch);
    let mut direct = Direct {
        row: &mut row,
        error: None,
    };
    if record.write_cells(&mut direct).is_err() {
        let error = direct.error.take();
        return Err(error.unwrap_or_else(|| Error("a cell failed to write".to_owned())));
    }
    row.out.push(b'\n');
    Ok(row.cells)
}

/// [`Row`] as a [`CellWriter`]. Each call returns only whether it worked and keeps the
/// reason aside: a `Result` holding the message would be returned through memory and checked
/// after each of the row's dozens of calls.
struct Direct<'r, 'a> {
    row: &'r mut Row<'a>,
    error: Option<Error>,
}

/// A cell that could not be written; the reason is in [`Direct::error`].
#[derive(Debug)]
struct Failed;

impl Direct<'_, '_> {
    #[inline(always)]
    fn keep(&mut self, result: Result<(), Error>) -> Result<(), Failed> {
        result.map_err(|error| {
            self.error = Some(error);
            Failed
        })
    }

    /// A text cell that is not short plain table text: scanned, quoted if it must be.
    #[inline(never)]
    fn text_slowly(&mut self, text: &str) -> Result<(), Failed> {
        let result = self.row.text(text.as_bytes());
        self.keep(result)
    }
}

struct Row<'a> {
    opts: &'a CsvOptions,
    scan: QuoteScan,
    out: &'a mut PageBuf,
    scratch: &'a mut Vec<u8>,
    cells: usize,
}

impl<'a> Row<'a> {
    fn new(opts: &'a CsvOptions, out: &'a mut PageBuf, scratch: &'a mut Vec<u8>) -> Row<'a> {
        Row {
            opts,
            scan: opts.scan(),
            out,
            scratch,
            cells: 0,
        }
    }
}

// The methods that write text are calls, not inlined: a row makes dozens of them, and
// inlined they blow a record's writer up past the instruction cache.
impl CellWriter for Direct<'_, '_> {
    type Error = Failed;

    #[inline(always)]
    fn text(&mut self, text: &str) -> Result<(), Failed> {
        if self.row.plain_cell(text.as_bytes()) {
            return Ok(());
        }
        self.text_slowly(text)
    }

    #[inline(always)]
    fn texts(&mut self, texts: &[&str]) -> Result<(), Failed> {
        for text in texts {
            self.text(text)?;
        }
        Ok(())
    }

    #[inline(never)]
    fn uint(&mut self, value: u64) -> Result<(), Failed> {
        self.row.uint(value);
        Ok(())
    }

    #[inline(never)]
    fn joined(&mut self, parts: &[&str]) -> Result<(), Failed> {
        let result = self.row.joined(parts);
        self.keep(result)
    }

    fn serialized<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        let result = value.serialize(&mut *self.row);
        self.keep(result)
    }

    #[inline(never)]
    fn text_and_uint(&mut self, text: &str, value: u64) -> Result<(), Failed> {
        let result = self.row.text_and_uint(text.as_bytes(), value);
        self.keep(result)
    }

    #[inline(never)]
    fn date(&mut self, date: NaiveDate) -> Result<(), Failed> {
        match u32::try_from(date.year()) {
            // Digits and `-` never need quotes (neither can be the separator).
            Ok(year) if year < 10_000 && self.row.opts.quoting != Quoting::All => {
                if self.row.cells > 0 {
                    self.row.out.push(self.row.opts.separator);
                }
                self.row.cells += 1;
                decimal::append_date(self.row.out, year, date.month(), date.day());
                Ok(())
            }
            _ => self.serialized(&date),
        }
    }

    #[inline(always)]
    fn position(&self) -> usize {
        self.row.out.len()
    }

    #[inline(never)]
    fn repeat_cell(&mut self, start: usize, end: usize) -> Result<(), Failed> {
        self.row.repeat_cell(start, end);
        Ok(())
    }
}

impl Row<'_> {
    /// A number cell.
    #[inline(always)]
    fn uint(&mut self, value: u64) {
        if self.opts.quoting == Quoting::All {
            self.int(value);
            return;
        }
        if self.cells > 0 {
            self.out.push(self.opts.separator);
        }
        self.cells += 1;
        decimal::append(self.out, value);
    }

    /// One cell of `parts`, copied and scanned in one loop, quoted afterwards if it must be.
    #[inline(always)]
    fn joined(&mut self, parts: &[&str]) -> Result<(), Error> {
        if self.cells > 0 {
            self.out.push(self.opts.separator);
        }
        self.cells += 1;
        let start = self.out.len();
        // Copied first and scanned as one cell: a scan per part would look at a few bytes
        // at a time.
        self.out.append_parts(parts);
        let cell = &self.out.as_slice()[start..];
        if self.opts.quoting != Quoting::All && !self.scan.needs_quotes(cell) {
            return Ok(());
        }
        self.requote(start)
    }

    /// One cell of `text` and `value`'s digits; only the text can need quotes.
    #[inline(always)]
    fn text_and_uint(&mut self, text: &[u8], value: u64) -> Result<(), Error> {
        let lead = (self.cells > 0).then_some(self.opts.separator);
        let start = self.out.len() + usize::from(lead.is_some());
        let hits = self.scan.copy(self.out, lead, text);
        self.cells += 1;
        decimal::append(self.out, value);
        if self.opts.quoting != Quoting::All && !self.scan.needs_quotes_given(hits) {
            return Ok(());
        }
        self.requote(start)
    }

    /// The cell between `start` and `end` again.
    #[inline(always)]
    fn repeat_cell(&mut self, start: usize, end: usize) {
        // The bytes start with the cell's separator unless it was the row's first; a cell's
        // own text cannot start with the separator (it would be quoted).
        let lead = self.out.as_slice().get(start) == Some(&self.opts.separator);
        let from = start + usize::from(lead && end > start);
        if self.cells > 0 {
            self.out.push(self.opts.separator);
        }
        self.cells += 1;
        self.out.repeat(from..end);
    }

    /// Puts the cell written from `start` in quotes.
    #[inline(never)]
    fn requote(&mut self, start: usize) -> Result<(), Error> {
        let text = &self.out.as_slice()[start..];
        if self.opts.quoting != Quoting::Never && !self.scan.holds_quote(text) {
            // The usual case (a one-line address): opening and closing quotes around it.
            self.out.insert(start, self.opts.quote);
            self.out.push(self.opts.quote);
            return Ok(());
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(text);
        self.out.truncate(start);
        // The separator before the cell is already written.
        self.opts.quoted_cell(self.out, true, self.scratch)
    }
}

impl Row<'_> {
    #[inline]
    fn text(&mut self, text: &[u8]) -> Result<(), Error> {
        self.opts
            .cell(&self.scan, self.out, self.cells == 0, text)?;
        self.cells += 1;
        Ok(())
    }

    /// Writes `text` as a cell if it is short baked table text that cannot need quotes
    /// ([`datamimic::plain_table_text`]), and returns whether it did: no scan, and small
    /// enough to sit at every call site.
    #[inline(always)]
    fn plain_cell(&mut self, text: &[u8]) -> bool {
        let lead = (self.cells > 0).then_some(self.opts.separator);
        let written = self.opts.quoting != Quoting::All
            && self.scan.is_plain(text)
            && self.out.append_short(lead, text);
        self.cells += usize::from(written);
        written
    }

    /// Numbers never need quotes (the separator cannot be a digit, `.` or `-`).
    #[inline]
    fn raw(&mut self, text: &[u8]) {
        let lead = (self.cells > 0).then_some(self.opts.separator);
        self.cells += 1;
        if self.opts.quoting == Quoting::All {
            if let Some(lead) = lead {
                self.out.push(lead);
            }
            self.out.push(self.opts.quote);
            self.out.extend_from_slice(text);
            self.out.push(self.opts.quote);
            return;
        }
        // Copied by words; what the scan sees does not matter.
        self.scan.copy(self.out, lead, text);
    }

    fn int(&mut self, v: impl itoa::Integer) {
        let mut buf = itoa::Buffer::new();
        self.raw(buf.format(v).as_bytes());
    }

    fn float(&mut self, v: impl ryu::Float) {
        let mut buf = ryu::Buffer::new();
        self.raw(buf.format(v).as_bytes());
    }

    /// Starts a list cell written in place: its separator, an opening quote and `[`; returns
    /// where the quote is.
    fn open_quoted_list(&mut self) -> usize {
        if self.cells > 0 {
            self.out.push(self.opts.separator);
        }
        self.cells += 1;
        let start = self.out.len();
        self.out.push(b'"');
        self.out.push(b'[');
        start
    }

    /// Ends a list cell opened at `start`: the closing quote, unless the cell needs none (no
    /// string in it, no separator), in which case the opening one goes too.
    fn close_quoted_list(&mut self, start: usize, wrote_quote: bool) {
        let quoted = wrote_quote
            || self.opts.quoting == Quoting::All
            || self.out.as_slice()[start + 1..].contains(&self.opts.separator);
        if quoted {
            self.out.push(b'"');
        } else {
            self.out.remove(start);
        }
    }

    /// Flushes the JSON array collected in `scratch` as one cell.
    fn flush_list(&mut self) -> Result<(), Error> {
        let scratch = std::mem::take(self.scratch);
        let result = self.text(&scratch);
        *self.scratch = scratch;
        result
    }
}

/// A sequence cell under construction, as a JSON array.
struct List<'r, 'a> {
    row: &'r mut Row<'a>,
    first: bool,
    /// Where the array goes.
    into: ListInto,
}

enum ListInto {
    /// Into the page, inside the cell's quotes (opened at `start`), with its quotes doubled
    /// as it is written ([`json_cell`]): when the quote character is `"` and quotes are
    /// allowed.
    Page { start: usize, wrote_quote: bool },
    /// Into the scratch buffer, then written as a text cell.
    Scratch,
}

impl List<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let comma = !std::mem::replace(&mut self.first, false);
        let result = match &mut self.into {
            ListInto::Page { wrote_quote, .. } => {
                let out = &mut *self.row.out;
                if comma {
                    out.push(b',');
                }
                let formatter = json_cell::DoubledQuotes { wrote_quote };
                value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))
            }
            ListInto::Scratch => {
                if comma {
                    self.row.scratch.push(b',');
                }
                serde_json::to_writer(&mut *self.row.scratch, value)
            }
        };
        result.map_err(|e| Error(e.to_string()))
    }

    fn finish(self) -> Result<(), Error> {
        match self.into {
            ListInto::Page { start, wrote_quote } => {
                self.row.out.push(b']');
                self.row.close_quoted_list(start, wrote_quote);
                Ok(())
            }
            ListInto::Scratch => {
                self.row.scratch.push(b']');
                self.row.flush_list()
            }
        }
    }
}

items_through!(List<'_, '_>, Error, element, finish:
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

/// Structs and maps flatten: each field or value is serialized as further cells.
struct Flat<'r, 'a> {
    row: &'r mut Row<'a>,
}

impl Flat<'_, '_> {
    fn field<T: Serialize + ?Sized>(&mut self, _name: &str, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.row)
    }

    fn done(self) -> Result<(), Error> {
        Ok(())
    }
}

fields_through!(Flat<'_, '_>, Error, field, done: SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Flat<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.row)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl<'r, 'a> ser::Serializer for &'r mut Row<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = List<'r, 'a>;
    type SerializeTuple = List<'r, 'a>;
    type SerializeTupleStruct = List<'r, 'a>;
    type SerializeTupleVariant = List<'r, 'a>;
    type SerializeMap = Flat<'r, 'a>;
    type SerializeStruct = Flat<'r, 'a>;
    type SerializeStructVariant = Flat<'r, 'a>;

    wrappers_forwarded!();

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.raw(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]).as_bytes())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v.as_bytes())
    }
    /// Display values (phone numbers, full names, addresses) are formatted straight into the
    /// page, not into a String of their own first; quoted afterwards only if they need it.
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        if self.cells > 0 {
            self.out.push(self.opts.separator);
        }
        let start = self.out.len();
        std::fmt::Write::write_fmt(self.out, format_args!("{value}"))
            .map_err(|_| Error("a value failed to format".to_owned()))?;
        let needs = self.scan.needs_quotes(&self.out.as_slice()[start..]);
        if self.opts.quoting == Quoting::All || needs {
            // Rare: move the text out and write it again as a quoted cell.
            let text = self.out.as_slice()[start..].to_vec();
            let first = self.cells == 0;
            self.out.truncate(if first { start } else { start - 1 });
            return self.text(&text);
        }
        self.cells += 1;
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut list = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            list.element(b)?;
        }
        list.finish()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.text(b"")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.text(b"")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.text(b"")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant.as_bytes())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<List<'r, 'a>, Error> {
        let into = if self.opts.quote == b'"' && self.opts.quoting != Quoting::Never {
            ListInto::Page {
                start: self.open_quoted_list(),
                wrote_quote: false,
            }
        } else {
            self.scratch.clear();
            self.scratch.push(b'[');
            ListInto::Scratch
        };
        Ok(List {
            row: self,
            first: true,
            into,
        })
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<List<'r, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Flat<'r, 'a>, Error> {
        Ok(Flat { row: self })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Flat<'r, 'a>, Error> {
        Ok(Flat { row: self })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Flat<'r, 'a>, Error> {
        Ok(Flat { row: self })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Inner {
        city: &'static str,
        zip: Option<u32>,
    }

    #[derive(Serialize)]
    struct Rec {
        name: String,
        age: u8,
        score: f64,
        tags: Vec<&'static str>,
        address: Inner,
    }

    /// The default settings, as a constant.
    const COMMA: CsvOptions = CsvOptions {
        separator: b',',
        quote: b'"',
        quoting: Quoting::Minimal,
    };

    /// CSV settings under which different cells need quotes (or cannot be written).
    pub(crate) const CELL_SETTINGS: [CsvOptions; 7] = [
        COMMA,
        CsvOptions {
            separator: b';',
            quote: b'\'',
            quoting: Quoting::Minimal,
        },
        CsvOptions {
            separator: b'\t',
            ..COMMA
        },
        CsvOptions {
            separator: b' ',
            ..COMMA
        },
        CsvOptions {
            separator: b'+',
            quote: b'|',
            quoting: Quoting::Minimal,
        },
        CsvOptions {
            quoting: Quoting::All,
            ..COMMA
        },
        CsvOptions {
            quoting: Quoting::Never,
            separator: b'|',
            ..COMMA
        },
    ];

    /// Writes records `0..count` of `T` both ways under several CSV settings.
    fn assert_cells_match_serde<T: Cells + datamimic::Mimic>(count: u64, tweak: fn(&mut T, u64)) {
        for dataset in datamimic::Service::<T>::supported_datasets() {
            let service = datamimic::Service::<T>::new()
                .dataset(dataset)
                .unwrap()
                .seed(5);
            let label = format!("{} {dataset}", std::any::type_name::<T>());
            assert_records_cells_match_serde(&label, count, &CELL_SETTINGS, |i| {
                let mut record = service.record(i);
                tweak(&mut record, i);
                record
            });
        }
    }

    /// Writes `record(0..count)` through [`Cells`] and through serde under several CSV
    /// settings (separators, quotes and quoting rules that make different cells need quotes)
    /// and asserts the same bytes, or the same error, record by record.
    pub(crate) fn assert_records_cells_match_serde<T: Cells>(
        label: &str,
        count: u64,
        settings: &[CsvOptions],
        record: impl Fn(u64) -> T,
    ) {
        let records: Vec<T> = (0..count).map(record).collect();
        for opts in settings {
            let (mut direct, mut via_serde, mut scratch) =
                (PageBuf::default(), PageBuf::default(), Vec::new());
            for (i, record) in records.iter().enumerate() {
                let a = write_cells(opts, record, &mut direct, &mut scratch);
                let b = write_row(opts, record, &mut via_serde, &mut scratch);
                match (a, b) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{label}: cells of record {i}"),
                    (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => panic!("{label} {opts:?} record {i}: {a:?} vs {b:?}"),
                }
            }
            assert!(
                direct.as_slice() == via_serde.as_slice(),
                "{label} {opts:?}:\n{}\nvs\n{}",
                String::from_utf8_lossy(direct.as_slice()),
                String::from_utf8_lossy(via_serde.as_slice())
            );
        }
    }

    #[test]
    fn person_and_address_cells_are_the_serde_bytes() {
        use datamimic::domain::common::{Address, FullName, Person};
        assert_cells_match_serde::<Person>(400, |_, _| {});
        assert_cells_match_serde::<Address>(400, |_, _| {});
        // Built by hand: the name and the phones no longer repeat other fields.
        assert_cells_match_serde::<Person>(100, |p, i| {
            if i % 2 == 0 {
                p.name = FullName::new(p.family_name, p.given_name);
            }
            if i % 3 == 0 {
                p.mobile_phone = p.address.fax;
            }
            if i % 5 == 0 {
                (p.address.phone, p.address.mobile_phone) = (p.mobile_phone, p.phone);
            }
            // Dates at and past the four-digit years, which chrono writes otherwise.
            let years = [-10_001, -1, 0, 7, 999, 1000, 9999, 10_000, 262_000];
            let (year, month) = (years[i as usize % years.len()], 1 + (i % 12) as u32);
            p.birthdate = NaiveDate::from_ymd_opt(year, month, 28).expect("a valid date");
        });
    }

    /// A cell written without a scan (baked table text of a plain group) is one that needs no
    /// quotes: checked for every cell of every baked table under settings that leave
    /// different groups usable.
    #[test]
    fn table_text_skips_the_scan_only_where_it_may() {
        let settings = [
            (b',', b'"'),
            (b';', b'\''),
            (b' ', b'"'),
            (b'(', b'"'),
            (b'|', b','),
        ];
        for (separator, quote) in settings {
            let opts = CsvOptions {
                separator,
                quote,
                quoting: Quoting::Minimal,
            };
            // Room for a cell, which the path without a scan needs (it never grows the page).
            let (mut out, mut scratch) = (PageBuf::with_capacity(64), Vec::new());
            let mut skipped = 0;
            for table in datamimic::tables::ALL.iter().flat_map(|f| f.variants()) {
                for row in table.iter() {
                    for column in 0..table.columns().len() {
                        let text = row.cell(column).as_bytes();
                        out.clear();
                        let mut row = Row::new(&opts, &mut out, &mut scratch);
                        if row.plain_cell(text) {
                            let special = [separator, quote, b'\n', b'\r'];
                            assert!(!text.iter().any(|b| special.contains(b)), "{text:?}");
                            assert_eq!(out.as_slice(), text);
                            skipped += usize::from(!text.is_empty());
                        }
                    }
                }
            }
            // Some group is usable with each of these settings.
            assert!(skipped > 0, "`{}`", separator as char);
        }
    }

    /// List cells as the csv crate writes their JSON text, for each quoting style and with
    /// `"` (written in place) and `'` (through the scratch buffer) as the quote character.
    #[test]
    fn list_cells_are_quoted_like_the_csv_crate_does() {
        #[derive(Serialize)]
        struct Row {
            before: &'static str,
            list: serde_json::Value,
            after: u8,
        }
        let lists = [
            serde_json::json!([]),
            serde_json::json!([1]),
            serde_json::json!([1, 2.5, null]),
            serde_json::json!(["a", "it's \"x\""]),
            serde_json::json!([{"name": "Ibuprofen", "mg": 400}, ["x;y", "a\tb\nc"]]),
        ];
        let settings = [
            (b',', b'"', Quoting::Minimal, csv::QuoteStyle::Necessary),
            (b';', b'"', Quoting::Minimal, csv::QuoteStyle::Necessary),
            (b'\t', b'"', Quoting::All, csv::QuoteStyle::Always),
            (b';', b'\'', Quoting::Minimal, csv::QuoteStyle::Necessary),
            (b',', b'|', Quoting::All, csv::QuoteStyle::Always),
        ];
        for list in lists {
            let json = serde_json::to_string(&list).unwrap();
            for (separator, quote, quoting, style) in settings {
                let opts = CsvOptions {
                    separator,
                    quote,
                    quoting,
                };
                let row = Row {
                    before: "b",
                    list: list.clone(),
                    after: 7,
                };
                let (mut out, mut scratch) = (PageBuf::default(), Vec::new());
                write_row(&opts, &row, &mut out, &mut scratch).unwrap();
                let mut expected = csv::WriterBuilder::new()
                    .delimiter(separator)
                    .quote(quote)
                    .quote_style(style)
                    .terminator(csv::Terminator::Any(b'\n'))
                    .from_writer(Vec::new());
                expected.write_record(["b", &json, "7"]).unwrap();
                let expected = expected.into_inner().unwrap();
                assert_eq!(
                    String::from_utf8_lossy(out.as_slice()),
                    String::from_utf8_lossy(&expected),
                    "{json} with `{}` and `{}`",
                    separator as char,
                    quote as char
                );
            }
        }
        // Refused where quotes are not allowed, accepted where none is needed.
        let never = CsvOptions {
            quoting: Quoting::Never,
            ..CsvOptions::default()
        };
        let (mut out, mut scratch) = (PageBuf::default(), Vec::new());
        assert!(write_row(&never, &vec!["a"], &mut out, &mut scratch).is_err());
        out.clear();
        write_row(&never, &Vec::<u8>::new(), &mut out, &mut scratch).unwrap();
        assert_eq!(out.as_slice(), b"[]\n");
    }

    #[test]
    fn flattens_and_quotes() {
        let rec = Rec {
            name: "Doe, \"J\"".into(),
            age: 42,
            score: 1.5,
            tags: vec!["a", "b"],
            address: Inner {
                city: "Berlin",
                zip: None,
            },
        };
        let opts = CsvOptions::default();
        let cols = columns(&serde_json::to_value(&rec).unwrap());
        assert_eq!(
            cols,
            [
                "name",
                "age",
                "score",
                "tags",
                "address.city",
                "address.zip"
            ]
        );
        let (mut out, mut scratch) = (PageBuf::default(), Vec::new());
        let n = write_row(&opts, &rec, &mut out, &mut scratch).unwrap();
        assert_eq!(n, 6);
        assert_eq!(
            String::from_utf8(out.as_slice().to_vec()).unwrap(),
            "\"Doe, \"\"J\"\"\",42,1.5,\"[\"\"a\"\",\"\"b\"\"]\",Berlin,\n"
        );
        // A separator without a quote: quoted, copied as is.
        let rec = Rec {
            name: "12 Main St, Springfield".into(),
            ..rec
        };
        let mut out = PageBuf::default();
        write_row(&opts, &rec, &mut out, &mut scratch).unwrap();
        assert!(
            out.as_slice()
                .starts_with(b"\"12 Main St, Springfield\",42,")
        );
    }
}
