//! Keys a database table lacks. DATAMIMIC leaves such a key out of the rows it inserts (its
//! demos rely on it: `demo-masking` writes `active` into a `customer` table without that
//! column); datamimic does too, but never silently: each one is a warning naming the key's
//! place, the table and its closest columns.

use datamimic_export::sink::Sink;

use crate::descriptor::{Generate, Stmt};

/// Prints a warning for every column that `sinks` (the outputs of `product`) left out.
pub(crate) fn warn(product: &Generate, sinks: &[Sink]) {
    for sink in sinks {
        for left_out in sink.left_out_columns() {
            let pos = product
                .body
                .iter()
                .find_map(|stmt| match stmt {
                    Stmt::Key(field) if field.name == left_out.column => Some(&field.pos),
                    _ => None,
                })
                .unwrap_or(&product.pos);
            eprintln!(
                "{pos}: warning: `{}`: {}: the key is left out of the rows, as DATAMIMIC does",
                product.name, left_out.message
            );
        }
    }
}
