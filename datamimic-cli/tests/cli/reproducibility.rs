//! The output of a seeded run is byte-identical for every thread count and page size.

use crate::{Scratch, ok};

#[test]
fn generate_is_identical_for_threads_and_page_sizes() {
    let s = Scratch::new("repro-generate");
    for format in ["csv", "json", "xml", "ndjson"] {
        let mut outputs = Vec::new();
        for (threads, page) in [("1", "10000"), ("2", "7"), ("3", "1000"), ("3", "1")] {
            outputs.push(ok(
                &s.0,
                &[
                    "generate",
                    "Person",
                    "-n",
                    "2500",
                    "--seed",
                    "11",
                    "-f",
                    format,
                    "--threads",
                    threads,
                    "--page-size",
                    page,
                ],
            ));
        }
        assert!(outputs.windows(2).all(|w| w[0] == w[1]), "{format} differs");
    }
    let other_seed = ok(&s.0, &["generate", "Person", "-n", "20", "--seed", "12"]);
    let seed_11 = ok(&s.0, &["generate", "Person", "-n", "20", "--seed", "11"]);
    assert_ne!(other_seed, seed_11);
}

#[test]
fn sqlite_rows_are_identical_for_threads() {
    let s = Scratch::new("repro-sqlite");
    let mut dumps = Vec::new();
    for (threads, page) in [("1", "10000"), ("3", "13")] {
        let file = format!("p{threads}.db");
        ok(
            &s.0,
            &[
                "generate",
                "Doctor",
                "-n",
                "500",
                "--seed",
                "4",
                "-f",
                "sqlite",
                "-o",
                &file,
                "-t",
                threads,
                "--page-size",
                page,
            ],
        );
        let conn = rusqlite::Connection::open(s.path(&file)).unwrap();
        let mut stmt = conn.prepare("SELECT * FROM Doctor").unwrap();
        let columns = stmt.column_count();
        // Every column of every row, as SQLite holds it.
        let rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells: rusqlite::Result<Vec<rusqlite::types::Value>> =
                    (0..columns).map(|i| r.get(i)).collect();
                Ok(format!("{:?}", cells?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        dumps.push(rows);
    }
    assert_eq!(dumps[0].len(), 500);
    assert_eq!(dumps[0], dumps[1]);
}

const DESCRIPTOR: &str = r#"<setup rngSeed="99">
  <generate name="people" count="700" target="CSV,JSON" pageSize="PAGE">
    <variable name="p" entity="Person" dataset="DE"/>
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" script="p.full_name"/>
    <key name="dice" script="random_int(1, 6)"/>
    <key name="color" values="'red','green','blue'" weights="5,3,1"/>
    <key name="code" pattern="[A-Z]{2}-\d{3}" nullQuota="0.2"/>
    <nestedKey name="items" type="list" count="2"><key name="n" type="int" min="1" max="9"/></nestedKey>
    <generate name="orders" count="3" target="NDJSON">
      <key name="owner" script="parent.id"/>
      <key name="uuid" generator="UUIDGenerator"/>
    </generate>
  </generate>
</setup>"#;

#[test]
fn descriptors_are_identical_for_threads_and_page_sizes() {
    let s = Scratch::new("repro-run");
    let mut outputs = Vec::new();
    for (threads, page) in [("1", "10000"), ("2", "9"), ("3", "100")] {
        s.write("d.xml", &DESCRIPTOR.replace("PAGE", page));
        let dir = format!("out-{threads}-{page}");
        ok(
            &s.0,
            &["run", "d.xml", "--output-dir", &dir, "--threads", threads],
        );
        let read = |f: &str| std::fs::read(s.path(&dir).join(f)).unwrap();
        outputs.push((
            read("people.csv"),
            read("people.json"),
            read("orders.ndjson"),
        ));
    }
    assert_eq!(outputs[0].2.split(|&b| b == b'\n').count(), 2101);
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
}
