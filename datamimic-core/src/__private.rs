//! Items used by generated code only. Not part of the public API; `datamimic::__private`
//! re-exports them beside the derive's checking macros.

pub use crate::matching::MatchIndex;
pub use crate::plain_text::PlainText;
pub use serde::{Serialize, Serializer};

pub use crate::__cells_by_serde as cells_by_serde;
pub use crate::cells::{FieldByCells, FieldBySerde, FieldCells};
pub use crate::columnar::{ColumnOf, DeclaredColumn, NoDeclaredColumn};

/// The pieces of a baked table, as written by `datamimic-codegen`.
#[derive(Debug)]
pub struct TableParts {
    /// `common/person/given_name_male`
    pub key: &'static str,
    /// `DE`, or empty.
    pub country: &'static str,
    /// The CSV file the table was baked from.
    pub source: &'static str,
    /// Value column names.
    pub columns: &'static [&'static str],
    /// Number of rows.
    pub rows: u32,
    /// Text holding the cells, row-major and one after another (with the `shared-table-text`
    /// feature, a span of the one text laid out as [`PlainText`] describes).
    pub text: &'static str,
    /// Start offset in `text` of each cell, then the end of the last one: little-endian `u32`.
    pub bounds: &'static [u8],
    /// Alias column per row, little-endian `u64`: threshold low, alias high.
    pub slots: &'static [u8],
    /// Scaled weight per row, little-endian `u64`.
    pub weights: &'static [u8],
    /// Decimal places of the scaled weights.
    pub decimals: u32,
    /// Sum of the scaled weights.
    pub total_weight: u64,
    /// FNV-1a 64 of the content, as in the manifest.
    pub hash: u64,
}

/// A row index from packed alias slots (inline weights built by the derive).
#[inline]
pub fn pick_slot<R: rand::Rng + ?Sized>(rng: &mut R, slots: &[u64]) -> usize {
    let x = rng.next_u64();
    let column = (((x >> 32) * slots.len() as u64) >> 32) as usize;
    let slot = slots[column];
    if (x as u32) < slot as u32 {
        column
    } else {
        (slot >> 32) as usize
    }
}

/// A date written in an attribute (validated by the derive).
pub fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// A date-time written in an attribute (validated by the derive).
pub fn datetime(
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> chrono::NaiveDateTime {
    date(year, month, day)
        .and_hms_opt(hour, minute, second)
        .unwrap_or_default()
}

/// `ascii_lowercase` of a cell or pattern: folded to ASCII by the dataset's rules and
/// lower-cased, in one pass.
pub fn ascii_lowercase(text: &str, dataset: crate::DatasetCode) -> String {
    crate::text::fold(text, dataset.transcribes_umlauts(), true)
}

/// `ascii_lowercase` of an owned `format` result: lower-cased in place when it is ASCII.
pub fn ascii_lowercase_owned(mut text: String, dataset: crate::DatasetCode) -> String {
    if text.is_ascii() {
        text.make_ascii_lowercase();
        text
    } else {
        ascii_lowercase(&text, dataset)
    }
}

/// Appends an integer's digits: the integer fields of a `format` attribute, without `core::fmt`.
#[inline]
pub fn append_integer<I: itoa::Integer>(out: &mut String, value: I) {
    out.push_str(itoa::Buffer::new().format(value));
}

/// Field types that `#[mimic(seq)]` can fill with the record number.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a `seq` number",
    note = "`seq` fills integer and `String` fields"
)]
pub trait FromSeq {
    /// The value for sequence number `n` (1, 2, 3, ... by default).
    fn from_seq(n: u64) -> Self;
}

macro_rules! seq_int {
    ($($t:ty),*) => {$(
        impl FromSeq for $t {
            #[inline]
            fn from_seq(n: u64) -> $t {
                match <$t>::try_from(n) {
                    Ok(value) => value,
                    Err(_) => seq_overflow(n, stringify!($t)),
                }
            }
        }
    )*};
}

/// A record number past the field type's maximum: a panic names it, never a wrapped number.
#[cold]
#[inline(never)]
fn seq_overflow(n: u64, type_name: &str) -> ! {
    panic!(
        "datamimic: `seq` number {n} does not fit in a `{type_name}` field; use a wider integer type"
    )
}
seq_int!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl FromSeq for String {
    fn from_seq(n: u64) -> String {
        n.to_string()
    }
}

/// `len` bytes of a baked table file from `start` (the generated code splits one file into a
/// table's columns).
pub const fn byte_span(bytes: &'static [u8], start: usize, len: usize) -> &'static [u8] {
    bytes.split_at(start).1.split_at(len).0
}

/// `len` bytes of the shared table text from `start`, on character boundaries.
pub const fn text_span(text: &'static str, start: usize, len: usize) -> &'static str {
    text.split_at(start).1.split_at(len).0
}
