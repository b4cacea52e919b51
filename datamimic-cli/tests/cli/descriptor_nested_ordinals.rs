//! Three bugs of records inside records, each held by a test: an entity `<variable>` in a list
//! `<nestedKey>` drew the same entity for every element, and so did one in the dicts of a
//! `<nestedKey script>`'s list (the XML demo's template students all got one person); and a
//! nested `<generate>`'s `IncrementGenerator` counted on across parents where DATAMIMIC
//! restarts it for each.

use std::collections::HashSet;

use crate::{Scratch, ok};

/// The JSON records of `file` in the output folder.
fn records(s: &Scratch, file: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(s.path(&format!("output/{file}"))).unwrap())
        .unwrap()
}

#[test]
fn an_entity_variable_draws_a_new_entity_for_every_list_element() {
    let s = Scratch::new("nested-entity-elements");
    // Seeded, so that the counts of distinct people below are the same in every run.
    for seed in [r#" rngSeed="5""#, r#" rngSeed="6""#] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup{seed}>
  <generate name="t" count="4" target="JSON">
    <variable name="owner" entity="Person"/>
    <key name="owner_id" script="owner.full_name"/>
    <nestedKey name="friends" type="list" count="5">
      <variable name="p" entity="Person"/>
      <key name="name" script="p.full_name"/>
      <key name="email" script="p.email"/>
      <nestedKey name="pets" type="list" count="2">
        <variable name="q" entity="Person"/>
        <key name="owner" script="q.email"/>
      </nestedKey>
    </nestedKey>
  </generate>
</setup>"#
            ),
        );
        let run = |threads: &str| {
            ok(&s.0, &["run", "d.xml", "--threads", threads]);
            std::fs::read_to_string(s.path("output/t.json")).unwrap()
        };
        let text = run("1");
        assert_eq!(text, run("3"), "the same people for every thread count");
        let records = records(&s, "t.json");
        let friends: Vec<&serde_json::Value> = records
            .iter()
            .flat_map(|r| r["friends"].as_array().unwrap())
            .collect();
        assert_eq!(friends.len(), 20);
        // Twenty people: the same person for every element of a record gave at most four
        // addresses.
        let emails: HashSet<&str> = friends
            .iter()
            .map(|f| f["email"].as_str().unwrap())
            .collect();
        assert!(emails.len() > 15, "{emails:?}");
        for record in &records {
            let names: HashSet<&str> = record["friends"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["email"].as_str().unwrap())
                .collect();
            assert!(names.len() > 1, "one person for every element: {record}");
        }
        let pets: HashSet<&str> = friends
            .iter()
            .flat_map(|f| f["pets"].as_array().unwrap())
            .map(|p| p["owner"].as_str().unwrap())
            .collect();
        assert!(pets.len() > 30, "{pets:?}");
    }
}

#[test]
fn a_nested_generate_restarts_its_increment_for_every_parent() {
    let s = Scratch::new("nested-generate-increment");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="parent" count="3" target="JSON">
    <key name="pid" generator="IncrementGenerator"/>
    <generate name="child" count="4" target="JSON">
      <key name="cid" generator="IncrementGenerator(start=10, step=5)"/>
      <key name="parent_id" script="parent.pid"/>
      <variable name="p" entity="Person"/>
      <key name="email" script="p.email"/>
      <nestedKey name="lines" type="list" count="2">
        <key name="line" generator="IncrementGenerator"/>
      </nestedKey>
    </generate>
  </generate>
</setup>"#,
    );
    let run = |threads: &str| {
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        std::fs::read_to_string(s.path("output/child.json")).unwrap()
    };
    let text = run("1");
    assert_eq!(text, run("2"), "the same records for every thread count");
    let parents: Vec<i64> = records(&s, "parent.json")
        .iter()
        .map(|r| r["pid"].as_i64().unwrap())
        .collect();
    assert_eq!(parents, [1, 2, 3]);
    let children = records(&s, "child.json");
    let ids: Vec<(i64, i64)> = children
        .iter()
        .map(|r| (r["parent_id"].as_i64().unwrap(), r["cid"].as_i64().unwrap()))
        .collect();
    // As in DATAMIMIC, which builds a nested generate's generators afresh for each parent.
    let expected: Vec<(i64, i64)> = (1..=3)
        .flat_map(|p| [10, 15, 20, 25].map(|c| (p, c)))
        .collect();
    assert_eq!(ids, expected);
    // A list inside a child continues its count through the child's elements only.
    let lines: Vec<Vec<i64>> = children
        .iter()
        .map(|r| {
            r["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["line"].as_i64().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(&lines[..4], [[1, 2], [3, 4], [5, 6], [7, 8]]);
    assert_eq!(
        lines[4],
        [1, 2],
        "restarted with the next parent's children"
    );
    // The children's people are not repeated from parent to parent.
    let emails: HashSet<&str> = children
        .iter()
        .map(|r| r["email"].as_str().unwrap())
        .collect();
    assert!(emails.len() > 8, "{emails:?}");
}

#[test]
fn an_entity_variable_draws_a_new_entity_for_every_dict_of_a_script_list() {
    let s = Scratch::new("nested-script-elements");
    // Seeded, so the count of distinct people is the same in every run.
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <generate name="t" count="3" target="JSON">
    <variable name="rows" script="[{'id': i} for i in range(40)]"/>
    <nestedKey name="people" script="rows">
      <variable name="person" entity="Person"/>
      <key name="email" script="person.email"/>
    </nestedKey>
  </generate>
</setup>"#,
    );
    let run = |threads: &str| {
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        records(&s, "t.json")
    };
    let records = run("1");
    assert_eq!(records, run("2"));
    let emails: Vec<&str> = records
        .iter()
        .flat_map(|r| r["people"].as_array().unwrap())
        .map(|p| p["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails.len(), 120);
    // The rows' own entries stay; one person for every element drew 3 distinct emails.
    assert_eq!(records[2]["people"][39]["id"], 39);
    assert!(emails.iter().collect::<HashSet<_>>().len() > 100);
}
