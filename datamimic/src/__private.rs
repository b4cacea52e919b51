//! Items used by generated code only. Not part of the public API.

pub use datamimic_derive::{unknown_column, unknown_table};

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
    /// All cells concatenated, row-major.
    pub text: &'static str,
    /// End offset in `text` of each cell, little-endian `u32`.
    pub ends: &'static [u8],
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
