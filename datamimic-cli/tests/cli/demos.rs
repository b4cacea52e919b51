//! DATAMIMIC's own demo projects, run unchanged (`datamimic run datamimic.xml` in the demo's
//! folder): the 19 that need no database server, copied with DATAMIMIC's MIT licence into
//! `tests/cli/demos/`. A demo that runs is checked for the files, columns and kinds of values
//! DATAMIMIC writes; one that cannot run yet is listed in [`NOT_YET`] with why, and must still
//! fail with that error (so a demo that starts to run is noticed and moved to the checked ones).

use std::path::Path;

use crate::{Scratch, datamimic};

/// Demos that do not run yet: the demo, why, and the start of the first error it gives.
const NOT_YET: &[(&str, &str, &str)] = &[];

/// Checks what a demo wrote to its output folder.
type Check = fn(&Path);

/// Demos that run, each with its check of what it wrote to the output folder.
const RUNNING: &[(&str, Check)] = &[
    ("demo-clinical-trial", clinical_trial),
    ("demo-condition", condition),
    (
        "demo-custom-components",
        crate::demo_checks::custom_components,
    ),
    ("demo-database", database),
    ("demo-datetime", crate::demo_checks::datetime),
    (
        "demo-db-mapping",
        crate::descriptor_python_modules::db_mapping,
    ),
    ("demo-ecommerce", ecommerce),
    ("demo-finance", finance),
    ("demo-healthcare", crate::demo_healthcare::healthcare),
    ("demo-insurance", insurance),
    ("demo-json", json),
    ("demo-masking", crate::demo_checks::masking),
    ("demo-model", model),
    ("demo-postprocess", postprocess),
    ("demo-py-scripting", crate::demo_py_scripting::py_scripting),
    ("demo-watermark", watermark),
    ("demo-xml", crate::demo_checks::xml),
    ("overview-converter", converter),
    (
        "overview-generator",
        crate::demo_overview::overview_generator,
    ),
];

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub(crate) fn demos_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/demos")
}

/// Runs demo `name` in a copy of its folder; returns whether it succeeded, its standard error
/// and the output folder.
fn run_demo(s: &Scratch, name: &str) -> (bool, String, std::path::PathBuf) {
    let dir = s.path(name);
    copy_dir(&demos_dir().join(name), &dir);
    let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
    // For the checks of demos that print their records or echoes.
    std::fs::write(dir.join("stdout.txt"), &out.stdout).unwrap();
    std::fs::write(dir.join("stderr.txt"), &out.stderr).unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        dir.join("out"),
    )
}

#[test]
fn datamimic_demos_run_unchanged() {
    let s = Scratch::new("demos");
    let mut folders: Vec<String> = std::fs::read_dir(demos_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders.len(), 19, "{folders:?}");
    let listed: Vec<&str> = NOT_YET
        .iter()
        .map(|(n, _, _)| *n)
        .chain(RUNNING.iter().map(|(n, _)| *n))
        .collect();
    for folder in &folders {
        assert!(listed.contains(&folder.as_str()), "{folder} is not listed");
    }
    for (name, check) in RUNNING {
        let (ran, stderr, out) = run_demo(&s, name);
        assert!(ran, "{name} failed: {stderr}");
        check(&out);
    }
    for (name, why, error) in NOT_YET {
        let (ran, stderr, _) = run_demo(&s, name);
        assert!(
            !ran,
            "{name} runs now (it was listed as not running: {why}): check its output"
        );
        let first = crate::first_error(&stderr);
        assert!(
            first.starts_with(&format!("datamimic: error: {error}")),
            "{name} ({why}): {stderr}"
        );
    }
    eprintln!(
        "{} of {} DATAMIMIC demos run unchanged",
        RUNNING.len(),
        folders.len()
    );
}

/// All rows of `table` in the SQLite file `db`, each cell as text (NULL as `None`).
pub(crate) fn table(db: &Path, table: &str) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let width = columns.len();
    let rows = stmt
        .query_map([], |row| {
            Ok((0..width)
                .map(|i| match row.get::<_, rusqlite::types::Value>(i).unwrap() {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                    rusqlite::types::Value::Real(f) => Some(f.to_string()),
                    rusqlite::types::Value::Text(t) => Some(t),
                    rusqlite::types::Value::Blob(_) => Some("<blob>".to_owned()),
                })
                .collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (columns, rows)
}

pub(crate) fn is_datetime(text: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").is_ok()
}

/// demo-watermark: source data, anonymised into the target between two watermarks.
/// The files in a demo's output folder, sorted.
pub(crate) fn files(out: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(out)
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The database demo: customers and users written into the prepared SQLite tables, each user
/// keyed to a customer.
fn database(out: &Path) {
    assert_eq!(files(out), ["test.sqlite"]);
    let db = out.join("test.sqlite");
    let (customer_columns, customers) = table(&db, "customer");
    assert_eq!(customers.len(), 10);
    assert!(customer_columns.iter().any(|c| c == "name"));
    let (user_columns, users) = table(&db, "user");
    assert_eq!(users.len(), 100);
    let email = user_columns.iter().position(|c| c == "email").unwrap();
    assert!(
        users
            .iter()
            .all(|u| u[email].as_deref().is_some_and(|e| e.contains('@')))
    );
}

/// The insurance demo: ten companies, policies and products as `|`-separated CSV, nested
/// fields in dotted columns.
fn insurance(out: &Path) {
    assert_eq!(
        files(out),
        [
            "insurance_companies.csv",
            "insurance_policies.csv",
            "insurance_products.csv"
        ]
    );
    for (file, first_columns) in [
        ("insurance_companies.csv", "id|name|code|founded_year"),
        (
            "insurance_policies.csv",
            "id|premium|premium_frequency|status",
        ),
        (
            "insurance_products.csv",
            "id|type|code|description|coverages",
        ),
    ] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with(first_columns), "{file}");
        assert_eq!(lines.count(), 10, "{file}");
    }
}

/// The clinical-trial demo: one cohort record whose `patients` are the 100 patients its
/// seeded `PatientService` made, aged 70 to 75, none with hypertension.
fn clinical_trial(out: &Path) {
    assert_eq!(files(out), ["clinical_trial_cohort.csv"]);
    let text = std::fs::read_to_string(out.join("clinical_trial_cohort.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["patients"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let patients: Vec<serde_json::Value> = serde_json::from_str(&rows[0][0]).unwrap();
    assert_eq!(patients.len(), 100);
    for (i, p) in patients.iter().enumerate() {
        let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
        for key in [
            "patient_id",
            "full_name",
            "age",
            "gender",
            "blood_type",
            "conditions",
        ] {
            assert!(keys.contains(&key), "{p}");
        }
        assert_eq!(p["patient_id"], i as u64 + 1);
        assert!((70..=75).contains(&p["age"].as_u64().unwrap()), "{p}");
        assert!(p["full_name"].as_str().unwrap().contains(' '), "{p}");
        assert!(
            ["A", "B", "O"]
                .iter()
                .any(|t| p["blood_type"].as_str().unwrap().starts_with(t))
        );
        let conditions = p["conditions"].as_array().unwrap();
        assert!(
            conditions.iter().all(|c| c["name"] != "Hypertension"),
            "{p}"
        );
    }
}

/// A `|`-separated CSV file of a demo's output: its header and rows.
fn csv_rows(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().map(Result::unwrap).collect())
}

/// The finance demo: banks, bank accounts with their bank and five transactions each (made by
/// `ledger.scr.py` from a seeded `Random` and a `TransactionGenerator` of the account's
/// dataset, tied to the account), and US and German transactions.
fn finance(out: &Path) {
    assert_eq!(
        files(out),
        [
            "bank_accounts.csv",
            "banks.csv",
            "transactions.csv",
            "transactions_de.csv"
        ]
    );
    let (header, banks) = csv_rows(&out.join("banks.csv"));
    assert_eq!(
        header,
        [
            "name",
            "swift_code",
            "routing_number",
            "bank_code",
            "bic",
            "bin",
            "customer_service_phone"
        ]
    );
    assert_eq!(banks.len(), 10);
    let (header, accounts) = csv_rows(&out.join("bank_accounts.csv"));
    assert_eq!(
        header,
        [
            "account_number",
            "iban",
            "account_type",
            "balance",
            "currency",
            "created_date",
            "last_transaction_date",
            // DATAMIMIC's `bank_data` dict, in its key order.
            "bank.name",
            "bank.bank_code",
            "bank.bic",
            "bank.bin",
            "transactions"
        ]
    );
    assert_eq!(accounts.len(), 10);
    let mut ledgers = Vec::new();
    for account in &accounts {
        assert!(
            account[0].bytes().all(|b| b.is_ascii_digit()),
            "{account:?}"
        );
        assert!(
            !account[10].is_empty() && !account[8].is_empty(),
            "{account:?}"
        );
        let transactions: Vec<serde_json::Value> = serde_json::from_str(&account[11]).unwrap();
        assert_eq!(transactions.len(), 5);
        for t in &transactions {
            assert_eq!(t["account"]["account_number"], account[0], "{t}");
            assert_eq!(t["account"]["account_type"], account[2], "{t}");
            assert_eq!(t["currency"], account[4], "{t}");
            assert!(t["amount"].as_f64().unwrap() > 0.0, "{t}");
            assert!(
                t["transaction_id"].as_str().unwrap().starts_with("TX"),
                "{t}"
            );
        }
        // Without the account's own fields, every ledger is the same: `Random(2025)`.
        let ledger: Vec<serde_json::Value> = transactions
            .iter()
            .map(|t| {
                let mut t = t.clone();
                t.as_object_mut().unwrap().remove("account");
                t
            })
            .collect();
        ledgers.push(ledger);
    }
    assert!(ledgers.windows(2).all(|w| w[0] == w[1]));
    for (file, count, currency) in [
        ("transactions.csv", 20, "USD"),
        ("transactions_de.csv", 10, "EUR"),
    ] {
        let (header, rows) = csv_rows(&out.join(file));
        assert_eq!(header.len(), 15, "{file}");
        assert_eq!(header[0], "transaction_id");
        assert_eq!(rows.len(), count, "{file}");
        assert!(rows.iter().all(|r| &r[7] == currency), "{file}");
    }
}

/// The model demo's generate has no target, so it writes nothing, as in DATAMIMIC;
/// [`demo_model_records`] checks the records it makes.
fn model(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
}

/// The records of the model demo, written by giving its generate a CSV target: the columns
/// its keys name, values of their kinds, and people aged 21 to 67 (`Person(min_age=21,
/// max_age=67, female_quota=0.5)`).
#[test]
fn demo_model_records() {
    let s = Scratch::new("demo-model-records");
    let dir = s.path("demo-model");
    copy_dir(&demos_dir().join("demo-model"), &dir);
    let generate = dir.join("2_generate.xml");
    let text = std::fs::read_to_string(&generate).unwrap();
    let with_target = text.replace(
        r#"<generate name="customer" count="{customer_count}">"#,
        r#"<generate name="customer" count="{customer_count}" target="CSV">"#,
    );
    assert_ne!(text, with_target);
    std::fs::write(&generate, with_target).unwrap();
    let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.join("out/customer.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "bool",
            "tc_creation",
            "car",
            "given_name",
            "family_name",
            "birthDate",
            "superuser",
            "email",
            "active"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 10, "customer_count=10 in conf/base.properties");
    let today = chrono::Local::now().date_naive();
    for row in &rows {
        assert!(["true", "false"].contains(&&row[0]), "{row:?}");
        assert!(["true", "false"].contains(&&row[6]), "{row:?}");
        assert!(row[1].parse::<u32>().unwrap() <= 999_999_999);
        assert!(!row[2].is_empty() && !row[3].is_empty() && !row[4].is_empty());
        let born = chrono::NaiveDate::parse_from_str(&row[5], "%d.%m.%Y").unwrap();
        let age = today.years_since(born).unwrap();
        assert!((20..=68).contains(&age), "{row:?}");
        assert!(row[7].starts_with("info@") && row[7].ends_with(&format!("{}.de", &row[1])));
        // `data/active.wgt.csv`: true, false or empty, weighted 80:10:10.
        assert!(["true", "false", ""].contains(&&row[8]), "{row:?}");
    }
}

/// The postprocess demo writes nothing (its generates have no target, as in DATAMIMIC).
fn postprocess(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
}

fn watermark(out: &Path) {
    let mut files: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["config.sqlite", "source.sqlite", "target.sqlite"]);
    let columns = ["id", "no", "name", "company", "date"];
    let (source_columns, source) = table(&out.join("source.sqlite"), "data");
    let (target_columns, target) = table(&out.join("target.sqlite"), "data");
    assert_eq!(source_columns, columns);
    assert_eq!(target_columns, columns);
    assert_eq!(source.len(), 10);
    assert_eq!(target.len(), 10);
    for (i, (s, t)) in source.iter().zip(&target).enumerate() {
        // `id SERIAL PRIMARY KEY` is no rowid alias in SQLite: NULL, as with DATAMIMIC.
        assert_eq!(s[0], None);
        assert_eq!(s[1].as_deref(), Some((i + 1).to_string().as_str()));
        assert_eq!(t[1], s[1], "the target keeps the record numbers");
        for row in [s, t] {
            assert!(row[2].as_ref().is_some_and(|n| n.contains(' ')), "{row:?}");
            assert!(row[3].as_ref().is_some_and(|c| !c.is_empty()), "{row:?}");
            assert!(row[4].as_deref().is_some_and(is_datetime), "{row:?}");
        }
    }
    let (_, watermark) = table(&out.join("config.sqlite"), "watermark");
    assert_eq!(watermark.len(), 1);
    assert_eq!(watermark[0][1].as_deref(), Some("last_processed_datetime"));
}

/// What a demo printed on standard output (`stdout.txt`) or error (`stderr.txt`), beside its
/// output folder.
fn printed(out: &Path, stream: &str) -> String {
    std::fs::read_to_string(out.parent().unwrap().join(stream)).unwrap()
}

/// The condition demo writes no file: its `<echo>`s inside `<if>`/`<else-if>`/`<else>` print
/// once per record whose branch holds (ids 1 to 10), and the console shows ten records of
/// lists whose items hold by their conditions.
fn condition(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
    let stderr = printed(out, "stderr.txt");
    let count = |line: &str| stderr.lines().filter(|l| *l == line).count();
    assert_eq!(count("Condition met: id is 1"), 1, "{stderr}");
    assert_eq!(count("Condition met: id is 3"), 1, "{stderr}");
    assert_eq!(count("Condition met: id is 4"), 1, "{stderr}");
    assert_eq!(
        count("Condition not met, proceeding with default values"),
        7,
        "{stderr}"
    );
    let stdout = printed(out, "stdout.txt");
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 10, "{stdout}");
    for record in &records {
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "permission_list",
                "not_remove_permission_list",
                "not_remove_permission_var",
                "remove_in_key"
            ]
        );
        // Without the converter a failed item stays as null; with it, it is dropped.
        let var = &record["not_remove_permission_var"][0];
        assert!(var.is_null() || var["permission_var"] == "1", "{record}");
        assert!(
            record["permission_list"]
                .as_array()
                .unwrap()
                .iter()
                .all(|item| item.as_object().is_some_and(|o| !o.is_empty())),
            "{record}"
        );
    }
}

/// The e-commerce demo: products, customers and orders as CSV and JSON, and per-country sets
/// with orders' dates written by `DateFormat`.
fn ecommerce(out: &Path) {
    assert_eq!(
        files(out),
        [
            "customers.csv",
            "customers.json",
            "de_customers.csv",
            "de_orders.csv",
            "de_products.csv",
            "orders.csv",
            "orders.json",
            "products.csv",
            "products.json",
            "us_customers.csv",
            "us_orders.csv",
            "us_products.csv"
        ]
    );
    for (file, first_columns, rows) in [
        ("customers.csv", "customer_id|given_name|family_name", 50),
        ("orders.csv", "order_id|user_id|date|status", 100),
        ("products.csv", "product_id|name|description|category", 50),
        ("us_customers.csv", "customer_id|given_name|family_name", 25),
        ("de_customers.csv", "customer_id|given_name|family_name", 25),
        (
            "us_products.csv",
            "product_id|name|category|brand|price_usd",
            25,
        ),
        (
            "de_products.csv",
            "product_id|name|category|brand|price_eur",
            25,
        ),
        ("us_orders.csv", "order_id|date|status", 50),
        ("de_orders.csv", "order_id|date|status", 50),
    ] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with(first_columns), "{file}");
        assert_eq!(lines.count(), rows, "{file}");
    }
    for (file, format) in [("us_orders.csv", "%m/%d/%Y"), ("de_orders.csv", "%d.%m.%Y")] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        for line in text.lines().skip(1) {
            let date = line.split('|').nth(1).unwrap();
            assert!(
                chrono::NaiveDate::parse_from_str(date, format).is_ok(),
                "{file}: {line}"
            );
        }
    }
    for (file, count) in [
        ("orders.json", 100),
        ("customers.json", 50),
        ("products.json", 50),
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(file)).unwrap()).unwrap();
        assert_eq!(json.as_array().unwrap().len(), count, "{file}");
    }
}

/// The converter overview writes no file; its nested `group` records, printed on the
/// console, lose every null and empty field to `RemoveNoneOrEmptyElement`.
fn converter(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
    assert_eq!(printed(out, "stdout.txt"), "{}\n".repeat(5));
}

/// The JSON demo: ten people from a JSON template, cyclic, with list nestedKeys made by count
/// and from the rows of a CSV file (nested three deep).
fn json(out: &Path) {
    assert_eq!(files(out), ["person.json"]);
    let people: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("person.json")).unwrap()).unwrap();
    assert_eq!(people.len(), 10);
    let rows = |list: &serde_json::Value| -> Vec<String> {
        let mut names: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    for person in &people {
        assert_eq!(person["name"], "Alice");
        for list in ["cars", "pets", "family", "work", "newElement"] {
            assert_eq!(person[list].as_array().unwrap().len(), 10, "{list}");
        }
        assert!(
            person["pets"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["name"].as_str().unwrap().contains('@'))
        );
        for list in ["hobbies", "friends", "newElementFromEnt"] {
            assert_eq!(rows(&person[list]), ["Alice", "Bob"], "{list}");
        }
        for friend in person["friends"].as_array().unwrap() {
            for sub in friend["newSubElementFromEnt"].as_array().unwrap() {
                assert_eq!(rows(&sub["newSubSubElementFromEnt"]), ["Alice", "Bob"]);
                assert!(["true", "false", ""].contains(&sub["active"].as_str().unwrap()));
            }
        }
        assert!(is_datetime(person["timestamp"].as_str().unwrap()));
    }
}
