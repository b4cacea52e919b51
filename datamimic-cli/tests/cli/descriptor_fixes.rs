//! Bugs seen running DATAMIMIC's demos, each held by a test: `IncrementGenerator` inside a
//! list `<nestedKey>`, `Product.rating` as the decimal it is, and `<param>` or `<key>` inside
//! a `<variable>`, which were skipped without a word.

use crate::{Scratch, ok};

#[test]
fn increment_generator_counts_on_through_list_elements() {
    let s = Scratch::new("fixes-increment");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <generate name="t" count="3" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <nestedKey name="details" type="list" count="4">
      <key name="sub_id" type="int" generator="IncrementGenerator"/>
      <nestedKey name="parts" type="list" count="2">
        <key name="part_id" generator="IncrementGenerator(start=100, step=10)"/>
      </nestedKey>
    </nestedKey>
  </generate>
</setup>"#,
    );
    let run = |threads: &str| {
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        std::fs::read_to_string(s.path("output/t.json")).unwrap()
    };
    let text = run("1");
    assert_eq!(text, run("3"), "the same ids for every thread count");
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let ids: Vec<i64> = records.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    let sub_ids: Vec<i64> = records
        .iter()
        .flat_map(|r| r["details"].as_array().unwrap())
        .map(|d| d["sub_id"].as_i64().unwrap())
        .collect();
    // As in DATAMIMIC: one count for the key across every element of every record.
    assert_eq!(sub_ids, (1..=12).collect::<Vec<_>>());
    let part_ids: Vec<i64> = records
        .iter()
        .flat_map(|r| r["details"].as_array().unwrap())
        .flat_map(|d| d["parts"].as_array().unwrap())
        .map(|p| p["part_id"].as_i64().unwrap())
        .collect();
    assert_eq!(part_ids, (0..24).map(|i| 100 + 10 * i).collect::<Vec<_>>());
}

#[test]
fn a_product_rating_is_its_one_decimal_value_in_scripts_and_sqlite() {
    let s = Scratch::new("fixes-rating");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <database id="db" dbms="sqlite"/>
  <execute uri="t.sql" target="db"/>
  <generate name="t" count="200" target="JSON,db">
    <variable name="p" entity="Product"/>
    <key name="rating" script="p.rating"/>
    <key name="text" script="str(p.rating)"/>
  </generate>
</setup>"#,
    );
    s.write("t.sql", "CREATE TABLE t (rating REAL, text TEXT);\n");
    ok(&s.0, &["run", "d.xml"]);
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/t.json")).unwrap()).unwrap();
    for r in &records {
        let rating = r["rating"].as_f64().unwrap();
        let tenths = (rating * 10.0).round() / 10.0;
        assert_eq!(rating, tenths, "{r}");
        assert!((1.0..=5.0).contains(&rating), "{r}");
        assert_eq!(r["text"].as_str().unwrap(), format!("{rating:?}"), "{r}");
    }
    // SQLite stores the decimal, not its `f32` widening (4.300000190734863).
    let conn = rusqlite::Connection::open(s.path("output/db.sqlite")).unwrap();
    let mut select = conn.prepare("SELECT rating, text FROM t").unwrap();
    let rows: Vec<(f64, String)> = select
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 200);
    for (rating, text) in rows {
        assert_eq!(format!("{rating:?}"), text);
    }
}

#[test]
fn a_variable_with_child_elements_other_than_entity_params_is_refused_naming_each() {
    let s = Scratch::new("fixes-variable-children");
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="t" count="1" target="JSON">
    <variable name="premium" entity="CRM">
      <param name="segment" value="Premium"/>
    </variable>
    <variable name="x" constant="1"><key name="y" constant="2"/></variable>
    <variable name="w" constant="1"><param name="min_age" value="2"/></variable>
    <key name="z" script="x"/>
  </generate>
</setup>"#,
    );
    let out = crate::datamimic(&s.0, &["run", "d.xml"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    // An entity's `<param>` is a constructor argument, which CRM does not take.
    assert!(
        stderr.starts_with(
            "datamimic: error: d.xml:4:20: `name`: unknown entity argument `segment`; \
             supported: min_age, max_age,"
        ),
        "{stderr}"
    );
    for (at, name, child) in [("6:37", "x", "key"), ("7:37", "w", "param")] {
        assert!(
            stderr.contains(&format!(
                "d.xml:{at}: `<variable>` `{name}` takes no child elements (`<{child}>`) but \
                 an entity's `<param name=\"...\" value=\"...\"/>` arguments"
            )),
            "{stderr}"
        );
    }
    assert!(!s.path("output/t.json").exists());
}
