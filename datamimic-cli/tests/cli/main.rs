//! End-to-end tests of the `datamimic` binary.

mod columnar;
mod commands;
mod demo_checks;
mod demo_healthcare;
mod demo_overview;
mod demo_py_scripting;
mod demo_showcase;
mod demos;
mod descriptor;
mod descriptor_converters;
mod descriptor_database;
mod descriptor_database_left_out;
mod descriptor_datetime;
mod descriptor_dict_order;
mod descriptor_entity_params;
mod descriptor_fixes;
mod descriptor_inputs;
mod descriptor_literal_generators;
mod descriptor_memstore;
mod descriptor_nested_ordinals;
mod descriptor_python_modules;
mod descriptor_small;
mod descriptor_source_scripted;
mod descriptor_sources;
mod descriptor_xml;
mod errors;
mod exporters;
mod lending;
mod mutation;
#[path = "../../../tests/shared/mutation_kit.rs"]
mod mutation_kit;
mod output_dash;
mod related;
mod related_chains;
mod related_models;
mod related_scale;
mod reliability_parse;
mod reliability_run;
mod reliability_scripts;
mod reliability_xml;
mod reproducibility;
mod scripts_datetime;
mod scripts_python;
mod shard;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh scratch directory for one test, removed when dropped.
#[derive(Debug)]
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// Creates the directory for the test `name`.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir()
            .join("datamimic-cli-tests")
            .join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// A path inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes a file inside the directory.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The file names under `dir` (hidden temporary files included), sorted.
    pub fn files(&self, dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.path(dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the binary with `args` in `dir`.
pub fn datamimic(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_datamimic"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATAMIMIC_STRICT_DATASET")
        .output()
        .expect("the binary runs")
}

/// Runs the binary and expects success; returns standard output.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = datamimic(dir, args);
    assert!(
        out.status.success(),
        "datamimic {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The first error line of a run's standard error (warnings may come before it), or "".
pub fn first_error(stderr: &str) -> &str {
    stderr
        .lines()
        .find(|l| l.starts_with("datamimic: error: "))
        .unwrap_or_default()
}

/// Runs the binary and expects failure; returns the one-line error message.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let out = datamimic(dir, args);
    assert!(!out.status.success(), "datamimic {args:?} succeeded");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("datamimic: error: "), "{stderr}");
    stderr.trim_end().to_owned()
}
