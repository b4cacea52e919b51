//! The baked tables: one static [`TableFamily`](crate::TableFamily) per table key, their
//! column indices (`columns`) and [`ALL`]. `datamimic::tables` re-exports them with the
//! catalogue and the lookup by name that `#[mimic(weighted = "...")]` uses.

// Baked from `datasets/` by `datamimic-codegen` and committed, so that building datamimic
// reads no CSV; `tests/it/baked.rs` fails when this is stale.
include!("../baked/tables.rs");
