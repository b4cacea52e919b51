//! Bad dataset files fail the bake with every problem listed as `path:line: message`.

use std::path::{Path, PathBuf};
use std::process::Command;

use datamimic_codegen::{BakeOptions, bake};

/// A fresh directory holding `files` (relative path, content).
fn datasets(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("datamimic-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// The messages the bake reports for `files`.
fn problems(name: &str, files: &[(&str, &[u8])]) -> Vec<String> {
    let dir = datasets(name, files);
    let result = bake(&BakeOptions::user(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    match result {
        Ok(_) => panic!("{name}: expected the bake to fail"),
        Err(diagnostics) => diagnostics.lines(),
    }
}

fn assert_one(name: &str, files: &[(&str, &[u8])], expected: &str) {
    assert_eq!(problems(name, files), [expected], "{name}");
}

#[test]
fn empty_table() {
    assert_one(
        "empty",
        &[("t/names_US.csv", b"# only a comment\n")],
        "datasets/t/names_US.csv: table is empty: it has no data rows",
    );
}

#[test]
fn all_zero_weights() {
    assert_one(
        "zero",
        &[("t/names_US.csv", b"a,0\nb,0.0\n")],
        "datasets/t/names_US.csv: all weights are zero; at least one row needs a positive weight",
    );
}

#[test]
fn bad_weights_each_with_their_line() {
    let found = problems(
        "weights",
        &[(
            "t/names_US.csv",
            b"ok,1\nneg,-3\nnan,NaN\nword,many\nmissing,\n",
        )],
    );
    assert_eq!(
        found,
        [
            "datasets/t/names_US.csv:2: weight `-3` is negative; weights must be non-negative",
            "datasets/t/names_US.csv:3: weight `NaN` is not a finite number",
            "datasets/t/names_US.csv:4: weight `many` is not a non-negative decimal number (for example `37.4` or `2501922`)",
            "datasets/t/names_US.csv:5: missing weight",
        ]
    );
}

#[test]
fn header_without_weight_column() {
    assert_one(
        "header",
        &[(
            "t/city_US.csv",
            b"city,state,postal_code\nDresden,SN,01067\n",
        )],
        "datasets/t/city_US.csv:1: the header row `city,state,postal_code` has no `weight` column; name the weight column `weight` (for example `city,state,weight`)",
    );
}

#[test]
fn ragged_rows() {
    assert_one(
        "ragged",
        &[(
            "t/city_US.csv",
            b"city,state,weight\nDresden,SN,3\nAach,2\n",
        )],
        "datasets/t/city_US.csv:3: row has 2 columns, expected 3 (as in the header)",
    );
}

#[test]
fn invalid_utf8() {
    assert_one(
        "utf8",
        &[("t/names_US.csv", b"a,1\nb\xe9,2\n")],
        "datasets/t/names_US.csv:2: invalid UTF-8; dataset files must be UTF-8",
    );
}

#[test]
fn country_suffix_that_is_not_iso() {
    assert_one(
        "suffix",
        &[("t/names_XX.csv", b"a,1\n")],
        "datasets/t/names_XX.csv: country suffix `XX` is not an upper-case ISO 3166-1 alpha-2 code (for example `_DE`, `_US`)",
    );
}

#[test]
fn same_table_defined_twice() {
    let found = problems(
        "twice",
        &[
            ("a/b_c_US.csv", b"x,1\n"),
            ("a_b/c_US.csv", b"y,1\n"),
            ("t/names.csv", b"z,1\n"),
            ("t/names_US.csv", b"z,1\n"),
        ],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("table `a_b/c` is defined twice: its name clashes with table `a/b_c`"),
        "{found:?}"
    );
    assert!(
        found[1].contains("table `t/names` is defined twice"),
        "{found:?}"
    );
}

#[test]
fn countries_must_share_columns() {
    assert_one(
        "columns",
        &[
            ("t/city_DE.csv", b"city,weight\nx,1\n"),
            ("t/city_US.csv", b"city,state,weight\ny,z,1\n"),
        ],
        "datasets/t/city_US.csv: columns `city,state` differ from `city` in datasets/t/city_DE.csv; every country of a table must have the same columns",
    );
}

#[test]
fn every_problem_of_every_file_is_reported_together() {
    let found = problems(
        "together",
        &[
            ("a/one_US.csv", b"a,-1\n"),
            ("a/two_US.csv", b"B,x\nC,y\n"),
            ("a/three_QQ.csv", b"a,1\n"),
        ],
    );
    assert_eq!(found.len(), 4, "{found:?}");
}

/// The real thing: a crate whose build script bakes bad data fails `cargo build` with clean
/// `error:` lines and no panic.
#[test]
fn cargo_build_fails_with_file_and_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = datasets(
        "crate",
        &[
            ("Cargo.toml", format!(
                "[package]\nname = \"bad-datasets\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
                 [build-dependencies]\ndatamimic-codegen = {{ path = {:?} }}\n\n[workspace]\n",
                root.join("datamimic-codegen")
            ).as_bytes()),
            ("build.rs", b"fn main() { datamimic_codegen::bake_user_datasets(); }\n"),
            ("src/main.rs", b"fn main() {}\n"),
            ("datasets/person/name_US.csv", b"Ann,3\nBob,-1\n"),
            ("datasets/person/name_DE.csv", b"Jan,x\n"),
        ],
    );
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline"])
        .env("CARGO_TARGET_DIR", root.join("target").join("it-fixtures"))
        .current_dir(&fixture)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    std::fs::remove_dir_all(&fixture).unwrap();
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "datasets/person/name_DE.csv:1: weight `x` is not a non-negative decimal number"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("datasets/person/name_US.csv:2: weight `-1` is negative"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
