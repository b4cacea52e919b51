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
fn an_invalid_dataset_code_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_custom-entity"))
        .args(["1", "Germany"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid dataset code `Germany`"));
}
