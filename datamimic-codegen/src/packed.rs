//! The binary layout of a table, shared by baked tables and tables built at run time.

use crate::vose::build_alias;
use crate::weight::Weights;

/// A table's columns as the runtime reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedTable {
    /// All cells concatenated, row-major.
    pub text: String,
    /// End offset in `text` of each cell, little-endian `u32`.
    pub ends: Vec<u8>,
    /// Alias column per row, little-endian `u64`: threshold low, alias high.
    pub slots: Vec<u8>,
    /// Scaled weight per row, little-endian `u64`.
    pub weights: Vec<u8>,
}

impl PackedTable {
    /// Packs `rows` (each with the same number of cells) with their `weights`, whose total must
    /// be positive.
    pub fn new(rows: &[Vec<String>], weights: &Weights) -> PackedTable {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(rows.iter().map(|r| r.len() * 4).sum());
        for cell in rows.iter().flatten() {
            text.push_str(cell);
            ends.extend_from_slice(&(text.len() as u32).to_le_bytes());
        }
        PackedTable {
            text,
            ends,
            slots: build_alias(&weights.scaled).packed(),
            weights: weights
                .scaled
                .iter()
                .flat_map(|w| w.to_le_bytes())
                .collect(),
        }
    }
}
