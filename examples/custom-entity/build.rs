//! Bakes this crate's own `datasets/` with the same builder datamimic uses for its tables.

fn main() {
    datamimic_codegen::bake_user_datasets();
}
