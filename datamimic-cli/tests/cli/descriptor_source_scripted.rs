//! `sourceScripted="True"`: `{expressions}` in a CSV or JSON source, evaluated for each
//! record that reads the row (DATAMIMIC's py-scripting demo), and Python's `json` module.

use std::path::Path;

use crate::{Scratch, fails, ok};

const DESCRIPTOR: &str = r#"<setup rngSeed="4">
  <execute uri="lib.scr.py"/>
  <generate name="t" source="people.ent.csv" sourceScripted="True" target="JSON">
    <variable name="n" type="int" script="age"/>
    <key name="double" script="twice(n)"/>
    <nestedKey name="items" type="list" source="items.json" sourceScripted="True" distribution="ordered"/>
  </generate>
</setup>"#;

fn write_project(s: &Scratch) {
    s.write("d.xml", DESCRIPTOR);
    s.write(
        "lib.scr.py",
        "import json\n\ndef twice(x):\n    return x * 2\n\ndef doc(n):\n    return json.loads(json.dumps({'n': n, 'tags': ['a', \"b\\\"\"], 'ok': True, 'none': None}))\n",
    );
    s.write(
        "people.ent.csv",
        "name|age\nAlice|23\nBob|{twice(21)}\nCarl|id-{7 * 6}-x\n",
    );
    s.write(
        "items.json",
        r#"[{"label": "plain", "size": 1}, {"label": "{name.upper()}", "size": "{n + 1}", "doc": "{doc(n)}", "deep": {"text": "n={n}"}}]"#,
    );
}

fn records(dir: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(dir.join("output/t.json")).unwrap()).unwrap()
}

#[test]
fn scripted_source_values_are_evaluated_per_record() {
    let s = Scratch::new("source-scripted");
    write_project(&s);
    s.write(
        "people.ent.csv",
        "name|age\nAlice|23\nBob|{twice(21)}\nCarl|{3 * 6}\n",
    );
    ok(&s.0, &["run", "d.xml"]);
    let r = records(&s.0);
    assert_eq!(r.len(), 3);
    // A value that is one expression keeps the expression's type; text stays text.
    assert_eq!(r[0]["age"], "23");
    assert_eq!(r[1]["age"], 42);
    assert_eq!(r[1]["double"], 84);
    assert_eq!(r[2]["age"], 18);
    for record in &r {
        let n = record["double"].as_i64().unwrap() / 2;
        let items = record["items"].as_array().unwrap();
        assert_eq!(items[0], serde_json::json!({"label": "plain", "size": 1}));
        let name = record["name"].as_str().unwrap().to_uppercase();
        assert_eq!(items[1]["label"], name.as_str());
        assert_eq!(items[1]["size"], n + 1);
        assert_eq!(
            items[1]["doc"],
            serde_json::json!({"n": n, "tags": ["a", "b\""], "ok": true, "none": null})
        );
        assert_eq!(items[1]["deep"]["text"], format!("n={n}"));
    }
}

#[test]
fn text_around_expressions_makes_text_and_the_file_is_unchanged_for_others() {
    let s = Scratch::new("source-scripted-text");
    let descriptor = |scripted: &str| {
        format!(
            r#"<setup>
  <generate name="t" source="people.ent.csv" {scripted} target="JSON"/>
  <generate name="u" source="people.ent.csv" target="JSON"/>
</setup>"#
        )
    };
    s.write("people.ent.csv", "name|age\nCarl|id-{7 * 6}-{'x'}\n");
    s.write("d.xml", &descriptor(r#"sourceScripted="True""#));
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(records(&s.0)[0]["age"], "id-42-x");
    // Another source of the same file, without `sourceScripted`: the braces are text.
    let u: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/u.json")).unwrap()).unwrap();
    assert_eq!(u[0]["age"], "id-{7 * 6}-{'x'}");
    s.write("d.xml", &descriptor(r#"sourceScripted="False""#));
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(records(&s.0)[0]["age"], "id-{7 * 6}-{'x'}");
}

#[test]
fn scripted_source_mistakes_are_positioned_errors() {
    let s = Scratch::new("source-scripted-bad");
    write_project(&s);
    for (csv, says) in [
        (
            "name|age\nA|{1 +}\n",
            "`people.ent.csv` row 1 column `age`: `{1 +}` does not compile",
        ),
        ("name|age\nA|{1\n", "`{` without `}`"),
    ] {
        s.write("people.ent.csv", csv);
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(
            e.contains("d.xml:3:") && e.contains("`sourceScripted`"),
            "{e}"
        );
        assert!(e.contains(says), "{e}");
    }
    write_project(&s);
    s.write(
        "d.xml",
        &DESCRIPTOR.replace(
            r#"sourceScripted="True" target"#,
            r#"sourceScripted="yes" target"#,
        ),
    );
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("d.xml:3:") && e.contains("`yes` is neither `True` nor `False`"),
        "{e}"
    );
    // A script that fails names the field.
    write_project(&s);
    s.write("people.ent.csv", "name|age\nA|{1 // 0}\n");
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("`age` of the scripted source") && e.contains("ZeroDivisionError"),
        "{e}"
    );
}

#[test]
fn an_import_the_engine_cannot_serve_names_the_module() {
    let s = Scratch::new("source-scripted-numpy");
    write_project(&s);
    s.write(
        "lib.scr.py",
        "def twice(x):\n    import scipy as sp\n    return x * 2\n\ndef doc(n):\n    return n\n",
    );
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(e.contains("ImportError: `import scipy`"), "{e}");
}
