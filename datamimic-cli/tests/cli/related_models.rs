//! The models of issue 14 from the command line: listed with (at least) US and DE, exported as CSV and
//! JSON, and byte-identical for one and three threads and any page size.

use crate::{Scratch, ok};

const MODELS: [&str; 15] = [
    "Customer",
    "Review",
    "Invoice",
    "InsuranceClaim",
    "Claim",
    "Insured",
    "RiskProfile",
    "MedicalRecord",
    "Encounter",
    "Payment",
    "DigitalWallet",
    "UserAccount",
    "CRM",
    "Loan",
    "Investment",
];

#[test]
fn related_models_are_listed_and_identical_for_threads() {
    let s = Scratch::new("related-models");
    let entities = ok(&s.0, &["list", "entities"]);
    for model in MODELS {
        assert!(
            entities.lines().any(|l| l
                .strip_prefix(&format!("{model}\t"))
                .is_some_and(|codes| codes.contains("DE") && codes.contains("US"))),
            "{model}: {entities}"
        );
    }
    for model in MODELS {
        for dataset in ["US", "DE"] {
            let run = |format: &str, threads: &str, page: &str| {
                ok(
                    &s.0,
                    &[
                        "generate",
                        model,
                        "-n",
                        "120",
                        "--seed",
                        "9",
                        "-d",
                        dataset,
                        "-f",
                        format,
                        "--threads",
                        threads,
                        "--page-size",
                        page,
                    ],
                )
            };
            let csv = run("csv", "1", "120");
            assert_eq!(csv, run("csv", "3", "7"), "{model} {dataset}");
            assert_eq!(csv.lines().count(), 121, "{model} {dataset}");
            let json = run("json", "2", "11");
            let records: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(records.as_array().unwrap().len(), 120, "{model} {dataset}");
        }
    }
}
