//! The lending and investment entities from the command line: listed, exported in every format, and
//! byte-identical for one and two threads.

use crate::{Scratch, ok};

#[test]
fn loans_are_listed_and_identical_for_threads() {
    let s = Scratch::new("lending");
    let entities = ok(&s.0, &["list", "entities"]);
    assert!(entities.lines().any(|l| l == "Loan\tDE,US"), "{entities}");
    assert!(
        entities.lines().any(|l| l == "Investment\tDE,US"),
        "{entities}"
    );
    for dataset in ["US", "DE"] {
        for format in ["csv", "json"] {
            let run = |threads: &str| {
                ok(
                    &s.0,
                    &[
                        "generate",
                        "Loan",
                        "-n",
                        "300",
                        "--seed",
                        "5",
                        "-d",
                        dataset,
                        "-f",
                        format,
                        "--threads",
                        threads,
                        "--page-size",
                        "7",
                    ],
                )
            };
            let one = run("1");
            assert_eq!(one, run("2"), "{dataset} {format}");
            if format == "json" {
                let loans: serde_json::Value = serde_json::from_str(&one).unwrap();
                let loans = loans.as_array().unwrap();
                assert_eq!(loans.len(), 300);
                for loan in loans {
                    let term = loan["term_months"].as_u64().unwrap();
                    assert_eq!(loan["schedule"].as_array().unwrap().len() as u64, term);
                }
            } else {
                // The schedule is one JSON cell of each row.
                let mut reader = csv::Reader::from_reader(one.as_bytes());
                let headers = reader.headers().unwrap().clone();
                let column = headers.iter().position(|h| h == "schedule").unwrap();
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                assert_eq!(rows.len(), 300);
                for row in rows {
                    let schedule: serde_json::Value = serde_json::from_str(&row[column]).unwrap();
                    let last = schedule.as_array().unwrap().last().unwrap().clone();
                    assert_eq!(last["balance"].as_f64(), Some(0.0));
                }
            }
        }
    }
}

#[test]
fn investments_are_identical_for_threads() {
    let s = Scratch::new("lending-investment");
    for format in ["csv", "json"] {
        let run = |threads: &str| {
            ok(
                &s.0,
                &[
                    "generate",
                    "Investment",
                    "-n",
                    "300",
                    "--seed",
                    "5",
                    "-d",
                    "DE",
                    "-f",
                    format,
                    "--threads",
                    threads,
                    "--page-size",
                    "7",
                ],
            )
        };
        let one = run("1");
        assert_eq!(one, run("2"), "{format}");
        if format == "json" {
            let accounts: serde_json::Value = serde_json::from_str(&one).unwrap();
            assert_eq!(accounts.as_array().unwrap().len(), 300);
        } else {
            let mut reader = csv::Reader::from_reader(one.as_bytes());
            let column = reader
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "holdings")
                .unwrap();
            for row in reader.records() {
                let holdings: serde_json::Value =
                    serde_json::from_str(&row.unwrap()[column]).unwrap();
                assert!(!holdings.as_array().unwrap().is_empty());
            }
        }
    }
}
