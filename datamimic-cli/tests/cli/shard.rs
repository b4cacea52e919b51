//! `--shard K/N`: the N shards of a seeded run, taken in order, hold exactly the records of the
//! one-machine run, byte for byte, in every format.

use crate::{Scratch, datamimic, ok};

const COUNT: &str = "1003";
const SHARDS: u64 = 4;

/// The whole run and its shards (each with another thread count and page size) as files.
fn whole_and_shards(s: &Scratch, format: &str, count: &str) -> (Vec<u8>, Vec<Vec<u8>>) {
    let run = |file: &str, extra: &[&str]| {
        let mut args = vec![
            "generate", "Person", "-n", count, "--seed", "21", "-f", format, "-o", file,
        ];
        args.extend_from_slice(extra);
        ok(&s.0, &args);
        std::fs::read(s.path(file)).unwrap()
    };
    let whole = run(&format!("whole.{format}"), &["--threads", "2"]);
    let shards = (1..=SHARDS)
        .map(|k| {
            let shard = format!("{k}/{SHARDS}");
            let threads = (1 + k % 2).to_string();
            let page = (7 * k).to_string();
            let extra = [
                "--shard",
                &shard,
                "--threads",
                &threads,
                "--page-size",
                &page,
            ];
            run(&format!("shard{k}.{format}"), &extra)
        })
        .collect();
    (whole, shards)
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

#[test]
fn csv_shards_are_the_whole_run_with_a_header_each() {
    let s = Scratch::new("shard-csv");
    let (whole, shards) = whole_and_shards(&s, "csv", COUNT);
    let (header, _) = text(&whole).split_once('\n').unwrap();
    let mut joined = format!("{header}\n");
    for shard in &shards {
        let (first, rows) = text(shard).split_once('\n').unwrap();
        assert_eq!(first, header);
        assert!(!rows.is_empty(), "every shard of 1003 records has rows");
        joined.push_str(rows);
    }
    assert_eq!(joined, text(&whole));
}

#[test]
fn ndjson_shards_concatenate_to_the_whole_run() {
    let s = Scratch::new("shard-ndjson");
    let (whole, shards) = whole_and_shards(&s, "ndjson", COUNT);
    assert_eq!(shards.concat(), whole);
    let sizes: Vec<usize> = shards.iter().map(|b| text(b).lines().count()).collect();
    assert_eq!(sizes, [250, 251, 251, 251]);
}

/// The record lines of a JSON array (one record a line, `,` after all but the last).
fn json_records(bytes: &[u8]) -> Vec<&str> {
    let text = text(bytes);
    serde_json::from_str::<serde_json::Value>(text).expect("a shard is a JSON array");
    if text == "[]\n" {
        return Vec::new();
    }
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!((lines[0], *lines.last().unwrap()), ("[", "]"));
    lines[1..lines.len() - 1]
        .iter()
        .map(|l| l.strip_suffix(',').unwrap_or(l))
        .collect()
}

#[test]
fn json_shards_hold_the_records_of_the_whole_array() {
    let s = Scratch::new("shard-json");
    let (whole, shards) = whole_and_shards(&s, "json", COUNT);
    let joined: Vec<&str> = shards.iter().flat_map(|b| json_records(b)).collect();
    assert_eq!(joined, json_records(&whole));
    assert_eq!(joined.len(), 1003);
}

/// The `<item>` lines of an XML list.
fn xml_items(bytes: &[u8]) -> Vec<&str> {
    let text = text(bytes);
    roxmltree::Document::parse(text).expect("a shard is an XML document");
    text.lines().filter(|l| l.starts_with("  <item>")).collect()
}

#[test]
fn xml_shards_hold_the_items_of_the_whole_list() {
    let s = Scratch::new("shard-xml");
    let (whole, shards) = whole_and_shards(&s, "xml", COUNT);
    let joined: Vec<&str> = shards.iter().flat_map(|b| xml_items(b)).collect();
    assert_eq!(joined, xml_items(&whole));
    assert_eq!(joined.len(), 1003);
}

#[test]
fn sqlite_shards_hold_the_rows_of_the_whole_table() {
    let s = Scratch::new("shard-sqlite");
    whole_and_shards(&s, "sqlite", COUNT);
    let rows = |file: &str| -> Vec<Vec<rusqlite::types::Value>> {
        let db = rusqlite::Connection::open(s.path(file)).unwrap();
        let mut query = db.prepare("SELECT * FROM Person ORDER BY rowid").unwrap();
        let width = query.column_count();
        query
            .query_map([], |row| {
                (0..width)
                    .map(|i| row.get(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let joined: Vec<_> = (1..=SHARDS)
        .flat_map(|k| rows(&format!("shard{k}.sqlite")))
        .collect();
    assert_eq!(joined, rows("whole.sqlite"));
    assert_eq!(joined.len(), 1003);
}

#[test]
fn more_shards_than_records_leaves_some_empty() {
    let s = Scratch::new("shard-few");
    let (whole, shards) = whole_and_shards(&s, "csv", "3");
    let header = text(&whole).lines().next().unwrap();
    assert_eq!(
        text(&shards[0]),
        format!("{header}\n"),
        "shard 1 of 4 has no record"
    );
    let rows: String = shards
        .iter()
        .map(|b| text(b).split_once('\n').unwrap().1)
        .collect();
    assert_eq!(format!("{header}\n{rows}"), text(&whole));
    let (whole, shards) = whole_and_shards(&s, "json", "3");
    assert_eq!(text(&shards[0]), "[]\n");
    let joined: Vec<&str> = shards.iter().flat_map(|b| json_records(b)).collect();
    assert_eq!(joined, json_records(&whole));
}

#[test]
fn bad_shards_are_refused() {
    let s = Scratch::new("shard-bad");
    for (shard, says) in [
        (
            "0/4",
            "`0/4`: the shard must be between 1 and 4 (shards count from 1)",
        ),
        ("5/4", "`5/4`: the shard must be between 1 and 4"),
        ("1/0", "`1/0`: the number of shards must be at least 1"),
        (
            "a/b",
            "`a/b` is not a shard: write K/N with whole numbers, such as 2/4",
        ),
        ("3", "`3` is not a shard: write K/N"),
    ] {
        let out = datamimic(
            &s.0,
            &["generate", "Person", "--seed", "1", "--shard", shard],
        );
        assert_eq!(out.status.code(), Some(2), "{shard}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!(
                "datamimic: error: invalid value '{shard}' for '--shard <K/N>': "
            )),
            "{stderr}"
        );
        assert!(stderr.contains(says), "{shard}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    let unseeded = crate::fails(&s.0, &["generate", "Person", "--shard", "1/4"]);
    assert!(
        unseeded.contains("`--shard 1/4` needs `--seed`"),
        "{unseeded}"
    );
    assert!(s.files(".").is_empty(), "no file written");
    let related = crate::fails(
        &s.0,
        &[
            "generate",
            "BankAccount",
            "-s",
            "1",
            "--shard",
            "1/2",
            "--with",
            "Transaction=1",
            "-o",
            "bank",
        ],
    );
    assert!(
        related.contains("`--shard 1/2` cannot be combined with `--with`"),
        "{related}"
    );
    assert!(s.files(".").is_empty(), "no file written");
}
