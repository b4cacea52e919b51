//! Items used by generated code only. Not part of the public API.

pub use datamimic_core::__private::*;
// The compile-time checks of the table lookup (`tables::lookup.rs`).
pub use datamimic_derive::{cell_type_check, unknown_column, unknown_table};
