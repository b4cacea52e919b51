//! `datasets/MANIFEST.csv`: one reviewable line per baked file, so a data change shows up as
//! a one-line diff (the role of ICU4X's `fingerprints.csv`).

use crate::bake::BakedTable;

/// Renders the manifest for `tables` (already sorted by key and country).
pub fn render_manifest(tables: &[BakedTable]) -> String {
    let mut out = String::from("table,country,rows,total_weight,hash\n");
    for t in tables {
        out.push_str(&format!(
            "{},{},{},{},{:016x}\n",
            t.key, t.country, t.rows, t.total_weight, t.hash
        ));
    }
    out
}
