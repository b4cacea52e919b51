//! Bakes datamimic's `datasets/` into its committed tables (`datamimic/baked/`), after the
//! datasets or the baked layout changed. Run from the repository:
//!
//! ```text
//! cargo run -p datamimic-codegen --example bake-datamimic
//! ```
//!
//! datamimic's test `baked_tables_are_fresh` fails until the committed bake matches.

use std::path::Path;
use std::process::ExitCode;

use datamimic_codegen::{BUILTIN_DIR, BakeOptions, bake, write_committed};

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
    let dir = repo.join(BUILTIN_DIR);
    if let Err(err) = write_committed(&baked, &dir) {
        eprintln!("{}: cannot write: {err}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("{} tables baked into {BUILTIN_DIR}/", baked.tables.len());
    ExitCode::SUCCESS
}
