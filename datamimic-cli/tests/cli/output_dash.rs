//! `--output -`: standard output, as when `--output` is left out, for every format that
//! streams; an SQLite database, which is written in place, is refused; no file named `-` is
//! ever made.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{Scratch, datamimic, fails, ok};

const RUN: [&str; 6] = ["generate", "Person", "-n", "40", "--seed", "5"];

/// `RUN` with `extra` arguments.
fn run(extra: &[&str]) -> Vec<String> {
    RUN.iter().chain(extra).map(|a| (*a).to_owned()).collect()
}

fn args(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

#[test]
fn a_dash_writes_the_streaming_formats_to_standard_output() {
    let s = Scratch::new("dash-text");
    for format in ["csv", "json", "ndjson", "xml"] {
        let to_dash = ok(&s.0, &args(&run(&["-f", format, "-o", "-"])));
        let omitted = ok(&s.0, &args(&run(&["-f", format])));
        let file = format!("p.{format}");
        ok(&s.0, &args(&run(&["-f", format, "-o", &file])));
        assert!(!to_dash.is_empty(), "{format}");
        assert_eq!(to_dash, omitted, "{format}");
        assert_eq!(
            to_dash,
            std::fs::read_to_string(s.path(&file)).unwrap(),
            "{format}"
        );
    }
    // No format given: `-` has no extension, so CSV, as for standard output.
    let csv = ok(&s.0, &args(&run(&["-o", "-"])));
    assert!(csv.starts_with("birthdate,"), "{csv}");
    assert!(!s.path("-").exists(), "a file named `-` was made");
}

/// Parquet and Arrow IPC files are written front to back (the footer last), so they stream
/// too: the bytes are the file's.
#[test]
fn parquet_and_arrow_stream_to_standard_output_with_the_file_bytes() {
    let s = Scratch::new("dash-columnar");
    for format in ["parquet", "arrow"] {
        let out = datamimic(&s.0, &args(&run(&["-f", format, "-o", "-"])));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = format!("p.{format}");
        ok(&s.0, &args(&run(&["-o", &file])));
        assert_eq!(
            out.stdout,
            std::fs::read(s.path(&file)).unwrap(),
            "{format}"
        );
    }
    assert!(!s.path("-").exists(), "a file named `-` was made");
}

#[test]
fn sqlite_and_related_sets_cannot_go_to_standard_output() {
    let s = Scratch::new("dash-refused");
    for extra in [&["-f", "sqlite", "-o", "-"][..], &["-f", "sqlite"][..]] {
        let err = fails(&s.0, &args(&run(extra)));
        assert!(
            err.contains("sqlite") && err.contains("--output PATH"),
            "{err}"
        );
    }
    let err = fails(
        &s.0,
        &[
            "generate",
            "BankAccount",
            "-n",
            "3",
            "--with",
            "Transaction=2",
            "-o",
            "-",
        ],
    );
    assert!(err.contains("not standard output"), "{err}");
    assert!(s.files(".").is_empty(), "{:?}", s.files("."));
}

#[test]
fn a_closed_pipe_after_a_dash_is_not_a_success() {
    let s = Scratch::new("dash-pipe");
    let mut run = Command::new(env!("CARGO_BIN_EXE_datamimic"))
        .args([
            "generate",
            "Person",
            "-n",
            "100000000",
            "-f",
            "ndjson",
            "-o",
            "-",
        ])
        .current_dir(&s.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(run.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"birthdate\":"), "{first}");
    // The reader is dropped: the pipe is closed.
    let status = run.wait().unwrap();
    assert_eq!(status.code(), Some(141));
    assert!(!s.path("-").exists(), "a file named `-` was made");
}
