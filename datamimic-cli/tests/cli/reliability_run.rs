//! The run's lifecycle: interrupts, stale temporary files, byte-identical SQLite files, empty
//! outputs, warnings, a closed pipe and the messages of failed writes.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::{Scratch, datamimic, fails, ok};

/// A running `datamimic`, killed if the test fails before it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(dir: &std::path::Path, args: &[&str]) -> Running {
    Running(
        Command::new(env!("CARGO_BIN_EXE_datamimic"))
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs"),
    )
}

/// The hidden temporary files in `dir`.
fn temporary_files(s: &Scratch, dir: &str) -> Vec<String> {
    s.files(dir)
        .into_iter()
        .filter(|name| name.starts_with('.'))
        .collect()
}

/// Starts a long run into `out/`, waits until its temporary file exists, sends `signal`, and
/// returns the exit code.
fn interrupted(name: &str, signal: &str, file: &str) -> (Scratch, Option<i32>) {
    let s = Scratch::new(name);
    std::fs::create_dir(s.path("out")).unwrap();
    let target = format!("out/{file}");
    let mut run = spawn(
        &s.0,
        &["generate", "Person", "-n", "1000000000", "-o", &target],
    );
    // Waits for the file (no time limit: the test harness has one).
    while temporary_files(&s, "out").is_empty() {
        assert!(
            run.0.try_wait().unwrap().is_none(),
            "the run ended before it was interrupted"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = run.0.id().to_string();
    let sent = Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = run.0.wait().unwrap();
    (s, status.code())
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_remove_the_temporary_file() {
    for (signal, code, file) in [
        ("-INT", 130, "p.csv"),
        ("-TERM", 143, "p.sqlite"),
        ("-HUP", 129, "p.json"),
        ("-TERM", 143, "p.parquet"),
    ] {
        let (s, status) = interrupted(&format!("interrupt{signal}"), signal, file);
        assert_eq!(status, Some(code), "{signal}");
        assert!(s.files("out").is_empty(), "{signal}: {:?}", s.files("out"));
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_descriptor_run_leaves_no_output_directory() {
    let s = Scratch::new("interrupt-run");
    s.write(
        "d.xml",
        r#"<setup><generate name="a" count="1000000000" target="CSV,SQLite"><key name="x" generator="IncrementGenerator"/></generate></setup>"#,
    );
    let mut run = spawn(&s.0, &["run", "d.xml", "--output-dir", "out"]);
    while temporary_files(&s, "out").len() < 2 {
        assert!(run.0.try_wait().unwrap().is_none(), "the run ended early");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = run.0.id().to_string();
    assert!(
        Command::new("kill")
            .args([&pid])
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(run.0.wait().unwrap().code(), Some(143));
    assert!(!s.path("out").exists(), "{:?}", s.files("out"));
}

/// The process id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("`true` runs");
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(unix)]
#[test]
fn stale_temporary_files_of_dead_processes_are_swept() {
    let s = Scratch::new("sweep");
    std::fs::create_dir(s.path("out")).unwrap();
    let stale = format!(".datamimic.{}.00000000deadbeef.tmp", dead_pid());
    let alive = format!(".datamimic.{}.00000000deadbeef.tmp", std::process::id());
    let foreign = ".notes.1.tmp";
    for name in [&stale, &alive, foreign] {
        s.write(&format!("out/{name}"), "partial");
    }
    let out = datamimic(&s.0, &["generate", "Person", "-n", "3", "-o", "out/p.csv"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&stale) && stderr.contains("interrupted run"),
        "{stderr}"
    );
    let mut expected = vec![alive.clone(), foreign.to_owned(), "p.csv".to_owned()];
    expected.sort();
    assert_eq!(s.files("out"), expected);

    // `run` sweeps its output directory.
    s.write(&format!("out/{stale}"), "partial");
    s.write(
        "d.xml",
        r#"<setup><generate name="a" count="2" target="CSV"><key name="x" constant="1"/></generate></setup>"#,
    );
    let out = datamimic(&s.0, &["run", "d.xml", "--output-dir", "out"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&stale));
    assert!(!s.files("out").contains(&stale));
}

#[test]
fn sqlite_files_are_byte_identical_for_page_sizes_and_threads() {
    let s = Scratch::new("sqlite-bytes");
    let mut files = Vec::new();
    for (threads, page) in [("1", "10000"), ("2", "7"), ("1", "13"), ("2", "500")] {
        let name = format!("p-{threads}-{page}.sqlite");
        ok(
            &s.0,
            &[
                "generate",
                "Person",
                "-n",
                "600",
                "--seed",
                "5",
                "-o",
                &name,
                "-t",
                threads,
                "--page-size",
                page,
            ],
        );
        files.push(std::fs::read(s.path(&name)).unwrap());
    }
    for (i, file) in files.iter().enumerate().skip(1) {
        let first_difference = file.iter().zip(&files[0]).position(|(a, b)| a != b);
        assert_eq!(first_difference, None, "file {i}");
        assert_eq!(file.len(), files[0].len());
    }
}

#[test]
fn zero_records_still_name_the_columns() {
    let s = Scratch::new("zero");
    let one = ok(&s.0, &["generate", "Person", "-n", "1", "--seed", "1"]);
    let header = one.lines().next().unwrap();
    assert_eq!(
        ok(&s.0, &["generate", "Person", "-n", "0", "--seed", "1"]),
        format!("{header}\n")
    );
    assert_eq!(
        ok(&s.0, &["generate", "Person", "-n", "0", "-f", "json"]),
        "[]\n"
    );
    assert_eq!(
        ok(&s.0, &["generate", "Person", "-n", "0", "-f", "ndjson"]),
        ""
    );
    ok(&s.0, &["generate", "Person", "-n", "0", "-o", "p.sqlite"]);
    let conn = rusqlite::Connection::open(s.path("p.sqlite")).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM Person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
    let columns = conn.prepare("SELECT * FROM Person").unwrap().column_count();
    assert_eq!(columns, header.split(',').count());

    // A nested generate of count 0 still gets its header, and an empty top-level one too.
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="parents" count="2" target="CSV">
    <key name="id" generator="IncrementGenerator"/>
    <generate name="kids" count="0" target="CSV,SQLite">
      <key name="parent" script="parent.id"/>
      <key name="n" type="int" min="1" max="3"/>
    </generate>
  </generate>
  <generate name="none" count="0" target="CSV"><key name="z" constant="1"/></generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let read = |name: &str| std::fs::read_to_string(s.path(name)).unwrap();
    assert_eq!(read("output/parents.csv"), "id\n1\n2\n");
    assert_eq!(read("output/kids.csv"), "parent|n\n");
    assert_eq!(read("output/none.csv"), "z\n");
    let conn = rusqlite::Connection::open(s.path("output/kids.sqlite")).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM kids", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn a_generate_without_any_target_is_reported() {
    let s = Scratch::new("no-target");
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"lost\" count=\"3\">\n    <key name=\"x\" constant=\"1\"/>\n  </generate>\n  <generate name=\"outer\" count=\"2\">\n    <generate name=\"inner\" count=\"1\" target=\"CSV\"><key name=\"y\" constant=\"2\"/></generate>\n  </generate>\n</setup>",
    );
    let out = datamimic(&s.0, &["run", "d.xml"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("d.xml:2:3: warning: generate `lost` has no target"),
        "{stderr}"
    );
    assert_eq!(s.files("output"), ["inner.csv"]);
}

#[test]
fn a_closed_pipe_is_not_a_success() {
    let s = Scratch::new("pipe");
    let mut run = spawn(&s.0, &["generate", "Person", "-n", "100000000"]);
    let mut first = String::new();
    BufReader::new(run.0.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("birthdate,"), "{first}");
    // The reader is dropped: the pipe is closed.
    let status = run.0.wait().unwrap();
    assert_eq!(status.code(), Some(141));
}

#[test]
fn threads_beyond_the_cores_are_clamped() {
    let s = Scratch::new("threads");
    let out = datamimic(
        &s.0,
        &[
            "generate", "Person", "-n", "5", "--seed", "2", "-t", "10000",
        ],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("--threads 10000 is more than the") && stderr.contains("cores here"),
        "{stderr}"
    );
    let one = ok(
        &s.0,
        &["generate", "Person", "-n", "5", "--seed", "2", "-t", "1"],
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), one);
    let message =
        String::from_utf8(datamimic(&s.0, &["generate", "Person", "-t", "0"]).stderr).unwrap();
    assert!(message.contains("--threads"), "{message}");
}

#[test]
fn a_fallback_to_us_data_is_reported() {
    let s = Scratch::new("fallback");
    // A code some tables lack: those draw US data, and the warning names them.
    let out = datamimic(
        &s.0,
        &[
            "generate",
            "Patient",
            "-n",
            "2",
            "--dataset",
            "GB",
            "--fallback",
        ],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: Patient: dataset `GB` fell back to `US` data")
            && stderr.contains("healthcare/condition"),
        "{stderr}"
    );
    // A code no table has is an error listing the codes there are, fallback or not.
    let out = datamimic(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "2",
            "--dataset",
            "XX",
            "--fallback",
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no table of `Person` has dataset `XX`; its tables have: AT, CH, DE"),
        "{stderr}"
    );
    s.write(
        "d.xml",
        r#"<setup><generate name="a" count="2" target="JSON"><variable name="p" entity="Patient" dataset="GB"/><key name="n" script="p.family_name"/></generate></setup>"#,
    );
    let out = datamimic(&s.0, &["run", "d.xml", "--fallback"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: d.xml: dataset `GB` fell back to `US` data"),
        "{stderr}"
    );
}

#[test]
fn long_names_fit_their_temporary_file() {
    let s = Scratch::new("long-name");
    let name = format!("{}.csv", "a".repeat(250));
    ok(&s.0, &["generate", "Person", "-n", "2", "-o", &name]);
    assert_eq!(s.files("."), [name]);
    let generate = "g".repeat(250);
    s.write(
        "d.xml",
        &format!(
            r#"<setup><generate name="{generate}" count="2" target="CSV"><key name="x" constant="1"/></generate></setup>"#
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(s.files("output"), [format!("{generate}.csv")]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_directory_without_room_for_the_temporary_file_is_named() {
    let s = Scratch::new("proc");
    let message = fails(
        &s.0,
        &["generate", "Person", "-n", "1", "-o", "/proc/version"],
    );
    assert!(
        message.contains("cannot write `/proc/version`: cannot create the temporary file")
            && message.contains("in `/proc`"),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn a_full_disk_names_the_sqlite_file() {
    let s = Scratch::new("full");
    // A file size limit stands in for a full disk: writes past it fail with EFBIG.
    let bin = env!("CARGO_BIN_EXE_datamimic");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 64; exec '{bin}' generate Person -n 20000 --seed 1 -o p.sqlite"
        ))
        .current_dir(&s.0)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("datamimic: error: cannot write `p.sqlite`"),
        "{stderr}"
    );
    assert!(s.files(".").is_empty(), "{:?}", s.files("."));
}
