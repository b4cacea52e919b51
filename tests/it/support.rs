//! Helpers shared by the integration tests.

use datamimic::Table;

/// Bakes CSV text in memory, the way `build.rs` does, into a `'static` table.
pub(crate) fn table_from_csv(key: &'static str, csv: &str) -> &'static Table {
    let raw = datamimic_codegen::read_table("fixture.csv", csv.as_bytes()).expect("valid fixture");
    let columns: Vec<&str> = raw.columns.iter().map(String::as_str).collect();
    let decimal: Vec<String> = raw
        .weights
        .scaled
        .iter()
        .map(|&w| scaled_to_decimal(w, raw.weights.decimals))
        .collect();
    let decimal: Vec<&str> = decimal.iter().map(String::as_str).collect();
    Table::build_leaked(key, &columns, raw.rows, &decimal).expect("valid fixture")
}

/// A one-column table with the given integer weights; values are the row numbers.
pub(crate) fn table_from_weights(weights: &[u64]) -> &'static Table {
    let rows = (0..weights.len()).map(|i| vec![i.to_string()]).collect();
    let weights: Vec<String> = weights.iter().map(u64::to_string).collect();
    let weights: Vec<&str> = weights.iter().map(String::as_str).collect();
    Table::build_leaked("fixture", &["value"], rows, &weights).expect("valid weights")
}

fn scaled_to_decimal(value: u64, decimals: u32) -> String {
    let digits = format!("{value:0>width$}", width = decimals as usize + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals as usize);
    format!("{whole}.{fraction}")
}
