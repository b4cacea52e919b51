//! Bakes datamimic's `datasets/` into its committed tables (`datamimic-core/baked/`, and their
//! lookup and catalogue in `datamimic/baked/`), after the
//! datasets or the baked layout changed. Run from the repository:
//!
//! ```text
//! cargo run -p datamimic-codegen --example bake-datamimic
//! ```
//!
//! datamimic's test `baked_tables_are_fresh` fails until the committed bake matches.

use std::path::Path;
use std::process::ExitCode;

use datamimic_codegen::{BUILTIN_DIR, BUILTIN_LOOKUP_DIR, BakeOptions, bake, write_committed};

fn main() -> ExitCode {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let baked = match bake(&BakeOptions::builtin(repo.join("datasets"))) {
        Ok(baked) => baked,
        Err(diagnostics) => {
            for line in diagnostics.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = write_committed(&baked, &repo) {
        eprintln!("{BUILTIN_DIR}, {BUILTIN_LOOKUP_DIR}: cannot write: {err}");
        return ExitCode::FAILURE;
    }
    println!(
        "{} tables baked into {BUILTIN_DIR}/ (lookup in {BUILTIN_LOOKUP_DIR}/)",
        baked.tables.len()
    );
    ExitCode::SUCCESS
}
