//! `<memstore id="mem"/>`: records kept in memory during a run. A `<generate target="mem">`
//! keeps its records under its name, in record order; a later `<generate source="mem"
//! type="NAME">` starts one record per kept record (as a CSV source does), and a `<variable
//! source="mem" type="NAME">` sees one kept record as a map.
//!
//! How many records each generate keeps is known when the descriptor is parsed (counts are
//! fixed), so a consuming generate's `count` is checked before anything runs, and the memory a
//! memstore may take is bounded by [`MAX_MEMSTORE_VALUES`] up front. Each storing generate
//! fills one [`MemChunk`] when it has run; a consumer reads the chunks stored before it in the
//! descriptor.

use std::sync::{Arc, OnceLock};

use anyhow::{Result, anyhow};
use rhai::Dynamic;

use crate::descriptor::{Pos, error_at};
use crate::record::Node;

/// Values (fields, array and nested elements, as [`crate::descriptor::Stmt::values`] counts
/// them, at least one per record) one memstore may hold over all its types: a descriptor that
/// would keep more is refused before the run starts, rather than exhausting memory.
pub const MAX_MEMSTORE_VALUES: u64 = 10_000_000;

/// One kept record: its fields in key order.
pub type MemRecord = Vec<(String, Node)>;

/// The records one `<generate target="…">` keeps in one memstore, filled when it has run.
#[derive(Debug)]
pub struct MemChunk {
    /// How many records the generate makes (fixed when parsed).
    pub len: u64,
    /// The values each record holds at most (for the memory bound).
    pub width: u64,
    /// Whether the records have fields (a table made of them has columns).
    pub has_fields: bool,
    records: OnceLock<Vec<MemRecord>>,
}

impl MemChunk {
    /// A chunk of `len` records of at most `width` values each, not yet filled.
    pub fn new(len: u64, width: u64, has_fields: bool) -> MemChunk {
        MemChunk {
            len,
            width,
            has_fields,
            records: OnceLock::new(),
        }
    }

    /// Fills the chunk with the generate's records, once.
    pub fn fill(&self, records: Vec<MemRecord>, pos: &Pos) -> Result<()> {
        if records.len() as u64 != self.len {
            return Err(error_at(
                pos,
                format_args!(
                    "internal error: {} records made for the memstore, {} expected",
                    records.len(),
                    self.len
                ),
            ));
        }
        self.records
            .set(records)
            .map_err(|_| error_at(pos, "internal error: memstore records kept twice"))
    }
}

/// Where a generate keeps its records: `target="mem"`.
#[derive(Debug, Clone)]
pub struct MemTarget {
    /// The memstore id.
    pub store: String,
    /// The chunk this generate fills.
    pub chunk: Arc<MemChunk>,
}

/// The records of one type in one memstore, as a source sees them: those kept by the
/// generates before it in the descriptor, in order.
#[derive(Debug, Clone)]
pub struct MemRows {
    /// `memstore id/type`, for messages.
    pub name: String,
    /// The chunks, in document order.
    pub chunks: Vec<Arc<MemChunk>>,
}

impl MemRows {
    /// How many records.
    pub fn len(&self) -> u64 {
        self.chunks.iter().map(|c| c.len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Record `i` (below [`MemRows::len`]).
    pub fn record(&self, mut i: u64) -> Result<&MemRecord> {
        for chunk in &self.chunks {
            if i < chunk.len {
                let records = chunk.records.get().ok_or_else(|| {
                    anyhow!(
                        "internal error: `{}` was read before it was kept",
                        self.name
                    )
                })?;
                return Ok(&records[usize::try_from(i).unwrap_or(usize::MAX)]);
            }
            i -= chunk.len;
        }
        Err(anyhow!("internal error: `{}` has no record {i}", self.name))
    }

    /// Record `i` as names with script values and with record fields.
    pub fn fields(&self, i: u64) -> Result<impl Iterator<Item = (&str, Dynamic, Node)>> {
        Ok(self
            .record(i)?
            .iter()
            .map(|(name, node)| (name.as_str(), node.to_dynamic(), node.clone())))
    }
}
