//! Every exporter: CSV (flattening, separator, quoting), JSON, NDJSON, XML, SQLite.

use crate::{Scratch, ok};

#[test]
fn csv_flattens_nested_fields_and_lists() {
    let s = Scratch::new("csv");
    ok(
        &s.0,
        &[
            "generate", "Patient", "-n", "20", "--seed", "3", "-o", "d.csv",
        ],
    );
    let text = std::fs::read_to_string(s.path("d.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("patient_id,medical_record_number,ssn,given_name,family_name,")
            && header.contains(",allergies,medications,conditions,emergency_contact.name,"),
        "{header}"
    );
    assert!(
        lines.any(|line| line.contains(",\"[{\"\"name\"\":\"\"")),
        "lists are quoted JSON arrays: {text}"
    );
    ok(
        &s.0,
        &[
            "generate", "Person", "-n", "2", "--seed", "3", "-o", "p.csv",
        ],
    );
    let header = std::fs::read_to_string(s.path("p.csv")).unwrap();
    assert!(header.starts_with("birthdate,given_name,family_name,full_name,gender,name,age,email,phone,mobile_phone,academic_title,salutation,nobility_title,address.street,address.house_number,address.city,"));
    assert_eq!(s.files("."), ["d.csv", "p.csv"], "no temporary files left");
}

#[test]
fn csv_separator_and_quoting_are_configurable() {
    let s = Scratch::new("csv-options");
    let semi = ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "2",
            "--seed",
            "3",
            "--separator",
            ";",
        ],
    );
    assert!(semi.starts_with("birthdate;given_name;"));
    let all = ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "2",
            "--seed",
            "3",
            "--quoting",
            "all",
        ],
    );
    assert!(all.starts_with("\"birthdate\",\"given_name\""));
    let row = all.lines().nth(1).unwrap();
    assert!(row.starts_with("\"19") || row.starts_with("\"20"), "{row}");
    assert!(row.ends_with('"') && !row.contains(",,"), "{row}");
    let tab = ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "1",
            "--seed",
            "3",
            "--separator",
            "\\t",
        ],
    );
    assert!(tab.starts_with("birthdate\tgiven_name\t"));
}

#[test]
fn json_and_ndjson_keep_nesting() {
    let s = Scratch::new("json");
    let json = ok(
        &s.0,
        &["generate", "Person", "-n", "4", "--seed", "5", "-f", "json"],
    );
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = parsed.as_array().unwrap();
    assert_eq!(records.len(), 4);
    assert!(records[0]["address"]["city"].is_string());
    let ndjson = ok(
        &s.0,
        &[
            "generate", "Person", "-n", "4", "--seed", "5", "-f", "ndjson",
        ],
    );
    let lines: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines[..], &records[..]);
}

#[test]
fn xml_keeps_datetimes_with_their_time() {
    let s = Scratch::new("xml");
    let xml = ok(
        &s.0,
        &[
            "generate",
            "Transaction",
            "-n",
            "3",
            "--seed",
            "5",
            "-f",
            "xml",
        ],
    );
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let items: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| n.is_element())
        .collect();
    assert_eq!(items.len(), 3);
    let date = items[0]
        .children()
        .find(|n| n.has_tag_name("transaction_date"))
        .unwrap()
        .text()
        .unwrap();
    assert!(date.contains('T') && date.len() >= 19, "{date}");
    let number = items[0]
        .descendants()
        .find(|n| n.has_tag_name("account_number"))
        .unwrap();
    assert_eq!(number.parent().unwrap().tag_name().name(), "account");
}

#[test]
fn sqlite_creates_the_table_and_inserts_every_page() {
    let s = Scratch::new("sqlite");
    ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "250",
            "--seed",
            "5",
            "-f",
            "sqlite",
            "-o",
            "p.db",
            "--page-size",
            "64",
        ],
    );
    let conn = rusqlite::Connection::open(s.path("p.db")).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM Person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 250);
    let (age, city): (i64, String) = conn
        .query_row(
            "SELECT age, \"address.city\" FROM Person WHERE rowid = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!((0..=120).contains(&age), "{age}");
    assert!(!city.is_empty());
    let csv = ok(&s.0, &["generate", "Person", "-n", "1", "--seed", "5"]);
    assert!(csv.lines().nth(1).unwrap().contains(&city));
    assert_eq!(s.files("."), ["p.db"]);
}

#[test]
fn the_format_follows_the_output_extension() {
    let s = Scratch::new("extension");
    let generate = |output: &str, extra: &[&str]| {
        let mut args = vec!["generate", "Person", "-n", "2", "--seed", "1", "-o", output];
        args.extend_from_slice(extra);
        ok(&s.0, &args);
    };
    generate("p.json", &[]);
    generate("p.db", &[]);
    generate("p.xml", &[]);
    // An explicit --format wins over the extension.
    generate("p.json.csv", &["-f", "ndjson"]);
    let text = |name: &str| std::fs::read_to_string(s.path(name)).unwrap();
    assert!(text("p.json").starts_with("[\n{"));
    assert!(
        std::fs::read(s.path("p.db"))
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
    assert!(text("p.xml").starts_with("<?xml"));
    assert!(text("p.json.csv").starts_with("{\"birthdate\":\""));
}
