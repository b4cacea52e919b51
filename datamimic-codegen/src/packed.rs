//! The binary layout of a table, shared by baked tables and tables built at run time.

use crate::vose::build_alias;
use crate::weight::Weights;

/// A table's columns as the runtime reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedTable {
    /// All cells concatenated, row-major.
    pub text: String,
    /// Offset in `text` where each cell starts, then the end of the last cell: little-endian
    /// `u32`, one more than there are cells, so cell `k` is `bounds[k]..bounds[k + 1]`.
    pub bounds: Vec<u8>,
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
        let mut bounds = Vec::with_capacity(4 + rows.iter().map(|r| r.len() * 4).sum::<usize>());
        bounds.extend_from_slice(&0u32.to_le_bytes());
        for cell in rows.iter().flatten() {
            text.push_str(cell);
            bounds.extend_from_slice(&(text.len() as u32).to_le_bytes());
        }
        PackedTable {
            text,
            bounds,
            slots: build_alias(&weights.scaled).packed(),
            weights: weights
                .scaled
                .iter()
                .flat_map(|w| w.to_le_bytes())
                .collect(),
        }
    }
}
