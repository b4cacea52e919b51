//! Bakes every `datasets/**/*.csv` into alias tables compiled into the library.
//!
//! Problems in any file fail the build with one `path:line: message` line each.

use datamimic_codegen::{BakeOptions, run_build_script};

fn main() {
    let options = BakeOptions {
        datasets_dir: "datasets".into(),
        display_dir: "datasets".to_owned(),
        runtime: "crate".to_owned(),
        module: "crate::tables".to_owned(),
        export_lookup_macro: true,
    };
    run_build_script(&options);
}
