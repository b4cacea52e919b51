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
/// (Kept numbers take about 72 bytes each, names included: some 360 MB at the limit.)
pub const MAX_MEMSTORE_VALUES: u64 = 5_000_000;

/// Bytes of text (strings and the names in maps) all memstores of a run may keep, checked as
/// records are kept: text has no size the descriptor fixes, so it is bounded on its own.
pub const MAX_MEMSTORE_TEXT: u64 = 256 << 20;

/// The bytes of text in `node`, counted against [`MAX_MEMSTORE_TEXT`].
pub fn text_bytes(node: &Node) -> u64 {
    match node {
        Node::Value(value) => dynamic_text_bytes(value),
        Node::Map(fields) => fields
            .iter()
            .map(|(name, node)| name.len() as u64 + text_bytes(node))
            .sum(),
        Node::List(items) => items.iter().map(text_bytes).sum(),
    }
}

fn dynamic_text_bytes(value: &Dynamic) -> u64 {
    if let Some(text) = value.read_lock::<rhai::ImmutableString>() {
        text.len() as u64
    } else if let Some(array) = value.read_lock::<rhai::Array>() {
        array.iter().map(dynamic_text_bytes).sum()
    } else if let Some(map) = value.read_lock::<rhai::Map>() {
        map.iter()
            .map(|(name, value)| name.len() as u64 + dynamic_text_bytes(value))
            .sum()
    } else {
        0
    }
}

/// One kept record: its fields in key order. The names are shared with the record before
/// when they are the same (see [`share_names`]), so a field costs its value only.
pub type MemRecord = Vec<(Arc<str>, Node)>;

/// `fields` as a kept record, reusing the names of `previous` where they are the same.
pub fn share_names(fields: Vec<(String, Node)>, previous: Option<&MemRecord>) -> MemRecord {
    let mut record: MemRecord = Vec::with_capacity(fields.len());
    record.extend(fields.into_iter().enumerate().map(|(i, (name, node))| {
        let name = match previous.and_then(|p| p.get(i)) {
            Some((shared, _)) if **shared == *name => shared.clone(),
            _ => Arc::from(name),
        };
        (name, node)
    }));
    record
}

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
            .map(|(name, node)| (&**name, node.to_dynamic(), node.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(names: &[&str]) -> Vec<(String, Node)> {
        names
            .iter()
            .map(|n| ((*n).to_owned(), Node::Value(Dynamic::from(n.to_string()))))
            .collect()
    }

    #[test]
    fn equal_names_are_shared_with_the_record_before() {
        let first = share_names(fields(&["id", "name"]), None);
        let second = share_names(fields(&["id", "city"]), Some(&first));
        assert!(Arc::ptr_eq(&first[0].0, &second[0].0));
        assert!(!Arc::ptr_eq(&first[1].0, &second[1].0));
        assert_eq!(&*second[1].0, "city");
    }

    #[test]
    fn text_counts_strings_and_map_names() {
        let node = Node::Map(vec![
            (
                "ab".to_owned(),
                Node::Value(Dynamic::from("xyz".to_owned())),
            ),
            ("n".to_owned(), Node::Value(Dynamic::from(5_i64))),
            (
                "l".to_owned(),
                Node::List(vec![Node::Value(Dynamic::from("qq".to_owned()))]),
            ),
        ]);
        assert_eq!(text_bytes(&node), 2 + 3 + 1 + 1 + 2);
    }
}
