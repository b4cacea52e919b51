//! `generate`, `list`, `--help` and the golden output of a seeded run.

use crate::{Scratch, datamimic, fails, ok};

#[test]
fn help_works_everywhere() {
    let s = Scratch::new("help");
    for args in [
        &["--help"][..],
        &["generate", "--help"],
        &["run", "--help"],
        &["list", "--help"],
    ] {
        let out = ok(&s.0, args);
        assert!(out.contains("Usage: datamimic"), "{out}");
    }
    assert!(!datamimic(&s.0, &[]).status.success());
}

#[test]
fn list_shows_entities_datasets_and_tables() {
    let s = Scratch::new("list");
    let entities = ok(&s.0, &["list", "entities"]);
    assert!(
        entities
            .lines()
            .any(|l| l.starts_with("Person\t") && l.contains("DE"))
    );
    assert!(entities.lines().any(|l| l.starts_with("Transaction\t")));
    assert!(!entities.contains("Demo"), "no test models: {entities}");
    let datasets = ok(&s.0, &["list", "datasets"]);
    assert!(datasets.lines().any(|l| l == "US") && datasets.lines().any(|l| l == "DE"));
    let tables = ok(&s.0, &["list", "tables"]);
    assert!(tables.contains("common/person/family_name\t"));
    fails(&s.0, &["list", "planets"]);
}

/// A seeded run is value-stable: changing this output is a value-breaking change. A
/// transaction has a nested account and a date-time.
#[test]
fn golden_seeded_transaction() {
    let s = Scratch::new("golden");
    let out = ok(&s.0, &["generate", "Transaction", "-n", "3", "--seed", "7"]);
    assert_eq!(out, include_str!("golden/transaction_seed7.csv"));
}

/// The built-in entities are value-stable too: a seed's Person, Patient and CreditCard stay
/// the same across versions unless CHANGELOG.md lists a value-breaking change.
#[test]
fn golden_seeded_entities() {
    let s = Scratch::new("golden-entities");
    let cases: [(&[&str], &str); 4] = [
        (
            &["generate", "Person", "-n", "3", "--seed", "42"],
            include_str!("golden/person_us_seed42.csv"),
        ),
        (
            &["generate", "Person", "-n", "3", "--seed", "42", "-d", "DE"],
            include_str!("golden/person_de_seed42.csv"),
        ),
        (
            &[
                "generate", "Patient", "-n", "2", "--seed", "42", "-f", "ndjson",
            ],
            include_str!("golden/patient_us_seed42.ndjson"),
        ),
        (
            &[
                "generate",
                "CreditCard",
                "-n",
                "2",
                "--seed",
                "42",
                "-d",
                "DE",
                "-f",
                "json",
            ],
            include_str!("golden/credit_card_de_seed42.json"),
        ),
    ];
    for (args, golden) in cases {
        assert_eq!(ok(&s.0, args), golden, "{args:?}");
    }
}

#[test]
fn generate_honours_count_dataset_and_stdout() {
    let s = Scratch::new("generate");
    let out = ok(
        &s.0,
        &[
            "generate",
            "person",
            "--count",
            "5",
            "--dataset",
            "DE",
            "--seed",
            "1",
        ],
    );
    assert_eq!(out.lines().count(), 6);
    let zero = ok(&s.0, &["generate", "Person", "-n", "0", "--format", "json"]);
    assert_eq!(zero, "[]\n");
    // The built-in Person entity works through the same registry.
    let people = ok(
        &s.0,
        &[
            "generate", "Person", "-n", "3", "--seed", "2", "-d", "DE", "-f", "ndjson",
        ],
    );
    assert_eq!(people.lines().count(), 3);
}

/// Descriptor semantics are value-stable too: scripts, weighted values, patterns, nesting.
#[test]
fn golden_seeded_descriptor() {
    let s = Scratch::new("golden-run");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2024" defaultSeparator=",">
  <generate name="g" count="4" target="CSV">
    <variable name="p" entity="Person" dataset="DE"/>
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" script="p.full_name"/>
    <key name="dice" script="random_int(1, 6)"/>
    <key name="color" values="'red','green','blue'" weights="5,3,1"/>
    <key name="code" pattern="[A-Z]{2}-\d{3}" nullQuota="0.3"/>
    <key name="uuid" generator="UUIDGenerator"/>
    <nestedKey name="box" type="dict"><key name="w" type="float" min="0" max="10"/></nestedKey>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let out = std::fs::read_to_string(s.path("output/g.csv")).unwrap();
    assert_eq!(out, include_str!("golden/descriptor_seed2024.csv"));
}
