//! Keys a database table lacks: left out of the inserted rows, as DATAMIMIC does, each with a
//! warning naming the key's place, the table and its closest columns.

use crate::{Scratch, datamimic, fails};

const SCHEMA: &str = "DROP TABLE IF EXISTS customer;\n\
CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n";

fn shop(name: &str, body: &str) -> Scratch {
    let s = Scratch::new(name);
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write("script/setup.sql", SCHEMA);
    s.write(
        "d.xml",
        &format!(
            "<setup>\n  <database id=\"db\" dbms=\"sqlite\"/>\n  <execute uri=\"script/setup.sql\" target=\"db\"/>\n{body}\n</setup>"
        ),
    );
    s
}

fn customers(s: &Scratch) -> Vec<(i64, String)> {
    let conn = rusqlite::Connection::open(s.path("output/db.sqlite")).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, name FROM customer ORDER BY id")
        .unwrap();
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn keys_the_table_lacks_are_left_out_with_a_warning() {
    let s = shop(
        "db-left-out",
        r#"  <generate name="customer" count="3" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="active" type="bool" constant="False"/>
    <key name="name" constant="ACME"/>
    <key name="nmae" constant="typo"/>
  </generate>"#,
    );
    let out = datamimic(&s.0, &["run", "d.xml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // The rows have the table's columns, in the table's order of the record's keys.
    assert_eq!(
        customers(&s),
        [(1, "ACME".into()), (2, "ACME".into()), (3, "ACME".into())]
    );
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        warnings,
        [
            "d.xml:6:5: warning: `customer`: table `customer` of SQLite database `output/db.sqlite` has no column `active`; its columns: id, name: the key is left out of the rows, as DATAMIMIC does",
            "d.xml:8:5: warning: `customer`: table `customer` of SQLite database `output/db.sqlite` has no column `nmae`; did you mean `name`?: the key is left out of the rows, as DATAMIMIC does",
        ],
        "{stderr}"
    );
}

#[test]
fn a_record_without_any_of_the_tables_columns_is_an_error() {
    let s = shop(
        "db-left-out-all",
        r#"  <generate name="customer" count="1" target="db">
    <key name="active" type="bool" constant="False"/>
  </generate>"#,
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert_eq!(
        err,
        "datamimic: error: d.xml:4:3: `customer`: table `customer` of SQLite database `output/db.sqlite` has none of the record's columns (active); its columns: id, name"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}
