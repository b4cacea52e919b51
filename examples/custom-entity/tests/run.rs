//! Runs the built example and checks its output.

use std::process::Command;

#[test]
fn prints_reproducible_json_lines() {
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_custom-entity"))
            .args(["3", "DE", "7"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let first = run();
    assert_eq!(first, run(), "the same seed prints the same records");
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("{\"id\":1,\"gender\":"),
        "{}",
        lines[0]
    );
    assert!(lines[2].contains("\"office\":{\"city\":"), "{}", lines[2]);
}

#[test]
fn shifts_follow_their_employee() {
    let output = Command::new(env!("CARGO_BIN_EXE_custom-entity"))
        .args(["2", "DE", "7", "3"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "two employees with three shifts each");
    assert!(lines[0].starts_with("{\"id\":1,"), "{}", lines[0]);
    assert!(
        lines[1..4]
            .iter()
            .all(|l| l.starts_with("{\"employee_id\":1,"))
    );
    assert!(lines[4].starts_with("{\"id\":2,"), "{}", lines[4]);
    assert!(
        lines[5..]
            .iter()
            .all(|l| l.starts_with("{\"employee_id\":2,"))
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_custom-entity"))
        .args(["2", "DE", "7", "4..1"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("the minimum is above the maximum"));
}

#[test]
fn an_invalid_dataset_code_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_custom-entity"))
        .args(["1", "Germany"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid dataset code `Germany`"));
}
