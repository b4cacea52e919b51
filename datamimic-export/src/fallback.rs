//! The warning `--fallback` promises: which dataset code fell back to `US` data, and in which
//! tables.

use std::collections::BTreeMap;

/// Prints one warning per dataset code that some table lacked during this process, naming
/// `subject` (the entity or descriptor) and the tables that used `US` data instead.
pub fn warn(subject: &str) {
    let mut tables_by_code: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (table, code) in datamimic::fallback_warnings() {
        tables_by_code
            .entry(code.to_string())
            .or_default()
            .push(table);
    }
    for (code, tables) in tables_by_code {
        eprintln!(
            "datamimic: warning: {subject}: dataset `{code}` fell back to `US` data in {} table{} ({}): --fallback",
            tables.len(),
            if tables.len() == 1 { "" } else { "s" },
            tables.join(", ")
        );
    }
}
