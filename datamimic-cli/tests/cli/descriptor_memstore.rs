//! `<memstore>`: records kept in memory by `target="mem"` and read back by `source="mem"
//! type="NAME"` on a later generate or variable.

use crate::{Scratch, fails, ok};

const STORE_AND_READ: &str = r#"<setup rngSeed="7">
  <memstore id="mem"/>
  <generate name="TX" count="5" target="mem" pageSize="2">
    <key name="id" generator="IncrementGenerator"/>
    <key name="amount" type="int" min="1" max="100"/>
    <nestedKey name="meta" type="dict"><key name="tag" values="'a','b'"/></nestedKey>
  </generate>
  <generate name="copy" type="TX" source="mem" target="JSON"/>
  <generate name="edited" type="TX" source="mem" target="JSON" pageSize="3">
    <key name="amount" script="amount * 10"/>
    <key name="extra" script="id + 100"/>
  </generate>
</setup>"#;

#[test]
fn a_memstore_gives_back_each_record_in_order_and_keys_override_fields() {
    let s = Scratch::new("memstore-read");
    s.write("d.xml", STORE_AND_READ);
    ok(&s.0, &["run", "d.xml", "--threads", "1"]);
    // Only the targets with files are written: `mem` keeps the records in memory.
    assert_eq!(s.files("output"), ["copy.json", "edited.json"]);
    let copy = std::fs::read_to_string(s.path("output/copy.json")).unwrap();
    let copied: Vec<serde_json::Value> = serde_json::from_str(&copy).unwrap();
    assert_eq!(copied.len(), 5);
    let edited = std::fs::read_to_string(s.path("output/edited.json")).unwrap();
    let edited: Vec<serde_json::Value> = serde_json::from_str(&edited).unwrap();
    assert_eq!(edited.len(), 5);
    for (i, (c, e)) in copied.iter().zip(&edited).enumerate() {
        assert_eq!(c["id"], i as u64 + 1, "{copy}");
        // The stored fields keep their order and nesting; a key replaces a field in place.
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "amount", "meta", "extra"]);
        assert_eq!(e["amount"], c["amount"].as_i64().unwrap() * 10);
        assert_eq!(e["meta"], c["meta"]);
        assert!(c["meta"]["tag"] == "a" || c["meta"]["tag"] == "b", "{copy}");
        assert_eq!(e["extra"], i as u64 + 101);
    }
    // Same bytes on every thread count and page size.
    for threads in ["2", "4"] {
        s.write(
            "d.xml",
            &STORE_AND_READ.replace("pageSize=\"2\"", "pageSize=\"1\""),
        );
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        assert_eq!(
            std::fs::read_to_string(s.path("output/copy.json")).unwrap(),
            copy,
            "{threads} threads"
        );
    }
}

#[test]
fn count_and_cyclic_follow_the_stored_records() {
    let s = Scratch::new("memstore-count");
    let descriptor = |consumer: &str| {
        format!(
            r#"<setup rngSeed="1">
  <memstore id="mem"/>
  <generate name="a" count="3" target="mem"><key name="n" generator="IncrementGenerator"/></generate>
  <generate name="a" count="1" target="mem"><key name="n" constant="x"/></generate>
  {consumer}
</setup>"#
        )
    };
    // Two generates of one name keep their records one after the other.
    s.write(
        "d.xml",
        &descriptor(
            r#"<generate name="b" type="a" source="mem" count="6" cyclic="True" target="CSV"/>"#,
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    let csv = std::fs::read_to_string(s.path("output/b.csv")).unwrap();
    assert_eq!(csv, "n\n1\n2\n3\nx\n1\n2\n");
    s.write(
        "d.xml",
        &descriptor(r#"<generate name="b" type="a" source="mem" count="2" target="CSV"/>"#),
    );
    ok(&s.0, &["run", "d.xml"]);
    let csv = std::fs::read_to_string(s.path("output/b.csv")).unwrap();
    assert_eq!(csv, "n\n1\n2\n");
    s.write(
        "d.xml",
        &descriptor(r#"<generate name="b" type="a" source="mem" count="5" target="CSV"/>"#),
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "d.xml:5:51: `count`: 5 records, but `mem/a` has 4 rows; set `cyclic=\"True\"`"
        ),
        "{err}"
    );
}

#[test]
fn nested_generates_and_variables_read_a_memstore() {
    let s = Scratch::new("memstore-nested");
    s.write(
        "d.xml",
        r#"<setup rngSeed="3">
  <memstore id="mem"/>
  <generate name="order" count="2" target="mem">
    <key name="o" generator="IncrementGenerator"/>
    <generate name="line" count="2" target="mem, JSON">
      <key name="l" generator="IncrementGenerator"/>
      <key name="o" script="parent.o"/>
    </generate>
  </generate>
  <generate name="lines" type="line" source="mem" target="CSV"/>
  <generate name="pick" count="3" target="CSV">
    <variable name="ord" source="mem" type="order" cyclic="True"/>
    <key name="o" script="ord.o"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let lines = std::fs::read_to_string(s.path("output/lines.csv")).unwrap();
    assert_eq!(lines, "l|o\n1|1\n2|1\n1|2\n2|2\n");
    // The nested generate writes its file as well as keeping the records.
    let json = std::fs::read_to_string(s.path("output/line.json")).unwrap();
    assert_eq!(json.lines().count(), 6, "{json}");
    let pick = std::fs::read_to_string(s.path("output/pick.csv")).unwrap();
    assert_eq!(pick, "o\n1\n2\n1\n");
}

#[test]
fn memstore_mistakes_are_positioned_errors_with_suggestions() {
    let s = Scratch::new("memstore-errors");
    let cases = [
        (
            // A mem target without a <memstore>.
            r#"<generate name="a" count="1" target="mem"><key name="k" constant="1"/></generate>"#,
            "d.xml:3:40: `target`: unknown target `mem`; known targets:",
        ),
        (
            r#"<memstore id="mem"/><generate name="a" count="1" target="mme"><key name="k" constant="1"/></generate>"#,
            "d.xml:3:60: `target`: unknown target `mme`; did you mean `mem`?",
        ),
        (
            r#"<memstore id="mem"/><generate name="a" count="1" target="mem"><key name="k" constant="1"/></generate>
  <generate name="b" source="mme" type="a" target="CSV"/>"#,
            "d.xml:4:30: `source`: `mme`: only CSV (`*.ent.csv`), JSON and XML files can be sources yet, and the ids of `<memstore>`s and `<database>`s declared before; did you mean `mem`?",
        ),
        (
            r#"<memstore id="mem"/><generate name="order" count="1" target="mem"><key name="k" constant="1"/></generate>
  <generate name="b" source="mem" type="orders" target="CSV"/>"#,
            "d.xml:4:41: `type`: memstore `mem` keeps no records of type `orders`: no `<generate name=\"orders\" target=\"mem\">` comes before; did you mean `order`?",
        ),
        (
            r#"<memstore id="mem"/>
  <generate name="b" source="mem" target="CSV"/>"#,
            "d.xml:4:30: `source`: memstore `mem` needs `type`",
        ),
        (
            r#"<generate name="b" count="1" type="a" target="CSV"><key name="k" constant="1"/></generate>"#,
            "d.xml:3:38: `type`: only goes with a memstore or database `source`",
        ),
        (
            r#"<memstore id="mem"/><memstore id="mem"/>"#,
            "d.xml:3:37: `id`: a `<memstore>` `mem` is already declared",
        ),
        (
            r#"<memstore id="mem"/><generate name="a" count="1000000" target="mem"><array name="k" type="int" count="11"/></generate>"#,
            "d.xml:3:66: `target`: memstore `mem` would keep 1000000 records of up to 11 values each, 11000000 values in all with what it keeps before; a memstore holds at most 5000000 values",
        ),
    ];
    for (body, expected) in cases {
        s.write("d.xml", &format!("<setup>\n\n  {body}\n</setup>"));
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{body}\n{err}");
        assert_eq!(s.files("output"), Vec::<String>::new());
    }
}

#[test]
fn the_text_a_memstore_keeps_is_bounded() {
    let s = Scratch::new("memstore-text");
    let long = "x".repeat(100_000);
    s.write(
        "d.xml",
        &format!(
            r#"<setup>
  <memstore id="mem"/>
  <generate name="a" count="3000" target="mem, JSON">
    <key name="k" constant="{long}"/>
  </generate>
</setup>"#
        ),
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.ends_with(
            "d.xml:3:3: `a` record 2684: the memstores would keep more than 256 MiB of text in all"
        ),
        "{err}"
    );
    // The failed run leaves no file behind.
    assert_eq!(s.files("output"), Vec::<String>::new());
}
