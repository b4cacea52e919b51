//! Every exporter: CSV (flattening, separator, quoting), JSON, NDJSON, XML, SQLite.

use crate::{Scratch, ok};

#[test]
fn csv_flattens_nested_fields_and_lists() {
    let s = Scratch::new("csv");
    ok(
        &s.0,
        &[
            "generate",
            "DemoDoctor",
            "-n",
            "20",
            "--seed",
            "3",
            "-o",
            "d.csv",
        ],
    );
    let text = std::fs::read_to_string(s.path("d.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,given_name,family_name,full_name,age,certifications,conditions"
    );
    let first = lines.next().unwrap();
    assert!(
        first.contains(",\"[\"\""),
        "lists are quoted JSON arrays: {first}"
    );
    ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "2",
            "--seed",
            "3",
            "-o",
            "p.csv",
        ],
    );
    let header = std::fs::read_to_string(s.path("p.csv")).unwrap();
    assert!(header.starts_with("id,given_name,family_name,full_name,age,email,registered,address.city,address.state,address.postal_code\n"));
    assert_eq!(s.files("."), ["d.csv", "p.csv"], "no temporary files left");
}

#[test]
fn csv_separator_and_quoting_are_configurable() {
    let s = Scratch::new("csv-options");
    let semi = ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "2",
            "--seed",
            "3",
            "--separator",
            ";",
        ],
    );
    assert!(semi.starts_with("id;given_name;"));
    let all = ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "2",
            "--seed",
            "3",
            "--quoting",
            "all",
        ],
    );
    assert!(all.starts_with("\"id\",\"given_name\""));
    assert!(all.lines().nth(1).unwrap().starts_with("\"1\",\""));
    let tab = ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "1",
            "--seed",
            "3",
            "--separator",
            "\\t",
        ],
    );
    assert!(tab.starts_with("id\tgiven_name\t"));
}

#[test]
fn json_and_ndjson_keep_nesting() {
    let s = Scratch::new("json");
    let json = ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "4",
            "--seed",
            "5",
            "-f",
            "json",
        ],
    );
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = parsed.as_array().unwrap();
    assert_eq!(records.len(), 4);
    assert!(records[0]["address"]["city"].is_string());
    let ndjson = ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
            "-n",
            "4",
            "--seed",
            "5",
            "-f",
            "ndjson",
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
            "DemoPerson",
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
    let registered = items[0]
        .children()
        .find(|n| n.has_tag_name("registered"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        registered.contains('T') && registered.len() >= 19,
        "{registered}"
    );
    let city = items[0]
        .descendants()
        .find(|n| n.has_tag_name("city"))
        .unwrap();
    assert_eq!(city.parent().unwrap().tag_name().name(), "address");
}

#[test]
fn sqlite_creates_the_table_and_inserts_every_page() {
    let s = Scratch::new("sqlite");
    ok(
        &s.0,
        &[
            "generate",
            "DemoPerson",
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
        .query_row("SELECT COUNT(*) FROM DemoPerson", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 250);
    let (id, city): (i64, String) = conn
        .query_row(
            "SELECT id, \"address.city\" FROM DemoPerson WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(id, 1);
    assert!(!city.is_empty());
    let csv = ok(&s.0, &["generate", "DemoPerson", "-n", "1", "--seed", "5"]);
    assert!(csv.lines().nth(1).unwrap().contains(&city));
    assert_eq!(s.files("."), ["p.db"]);
}

#[test]
fn the_format_follows_the_output_extension() {
    let s = Scratch::new("extension");
    let generate = |output: &str, extra: &[&str]| {
        let mut args = vec![
            "generate",
            "DemoPerson",
            "-n",
            "2",
            "--seed",
            "1",
            "-o",
            output,
        ];
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
    assert!(text("p.json.csv").starts_with("{\"id\":1"));
}
