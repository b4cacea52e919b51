//! Descriptor inputs beyond the XML: included properties and `{name}` placeholders, echo
//! interpolation, `LogExporter`, and CSV files as record sources.

use crate::{Scratch, fails, ok};

#[test]
fn properties_and_constant_variables_fill_placeholders() {
    let s = Scratch::new("props-placeholders");
    std::fs::create_dir_all(s.path("conf")).unwrap();
    s.write(
        "conf/base.properties",
        "# counts\n! also a comment\n\ncustomer_count = 3\ntarget: JSON\n",
    );
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <include uri="conf/base.properties"/>
  <variable name="part_count" constant="2"/>
  <generate name="a" count="{customer_count}" target="{target}">
    <key name="id" generator="IncrementGenerator"/>
  </generate>
  <generate name="b" count="{part_count}" target="CSV">
    <key name="id" generator="IncrementGenerator"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let json = std::fs::read_to_string(s.path("output/a.json")).unwrap();
    assert_eq!(json, "[\n{\"id\":1},\n{\"id\":2},\n{\"id\":3}\n]\n");
    let csv = std::fs::read_to_string(s.path("output/b.csv")).unwrap();
    assert_eq!(csv, "id\n1\n2\n");
}

#[test]
fn an_unknown_placeholder_is_a_positioned_error() {
    let s = Scratch::new("props-unknown");
    s.write("p.properties", "customer_count=3\n");
    s.write(
        "d.xml",
        "<setup>\n  <include uri=\"p.properties\"/>\n  <generate name=\"a\" count=\"x{customer_cont}\" target=\"CSV\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:3:30: `count`: unknown placeholder `{customer_cont}`"),
        "{err}"
    );
    assert!(err.contains("did you mean `customer_count`?"), "{err}");
    // A placeholder used before the include that defines it is unknown too.
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"a\" count=\"{customer_count}\"/>\n  <include uri=\"p.properties\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:2:29: `count`: unknown placeholder"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
    // A typed constant is converted at run time, so it is no placeholder.
    s.write(
        "d.xml",
        "<setup>\n  <variable name=\"n\" constant=\"2.7\" type=\"int\"/>\n  <generate name=\"a\" count=\"{n}\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:3:29: `count`: unknown placeholder `{n}`"),
        "{err}"
    );
}

#[test]
fn a_bad_properties_line_is_a_positioned_error() {
    let s = Scratch::new("props-bad-line");
    s.write("p.properties", "a=1\n  just words\n");
    s.write(
        "d.xml",
        "<setup>\n  <include uri=\"p.properties\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "p.properties:2:3: expected `key=value`, got `just words` (included at d.xml:2:3)"
        ),
        "{err}"
    );
}

#[test]
fn properties_outside_the_descriptor_folder_are_refused() {
    let s = Scratch::new("props-outside");
    std::fs::create_dir_all(s.path("project")).unwrap();
    s.write("secret.properties", "a=1\n");
    s.write(
        "project/d.xml",
        "<setup>\n  <include uri=\"../secret.properties\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "project/d.xml"]);
    assert!(
        err.contains("d.xml:2:17: `uri`: `../secret.properties` must be a path inside the descriptor's folder"),
        "{err}"
    );
    s.write(
        "project/d.xml",
        "<setup>\n  <include uri=\"missing.properties\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "project/d.xml"]);
    assert!(
        err.contains("d.xml:2:17: `uri`: cannot read `missing.properties`"),
        "{err}"
    );
}

#[test]
fn log_exporter_prints_a_line_per_record() {
    let s = Scratch::new("log-exporter");
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="logged" count="3" target="LogExporter">
    <key name="id" generator="IncrementGenerator"/>
    <key name="tag" constant="x"/>
  </generate>
</setup>"#,
    );
    let out = ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        out,
        "{\"id\":1,\"tag\":\"x\"}\n{\"id\":2,\"tag\":\"x\"}\n{\"id\":3,\"tag\":\"x\"}\n"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"logged\" count=\"1\" target=\"LogExporter(level='info')\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:2:45: `target`: target `LogExporter` takes no parameters"),
        "{err}"
    );
}

#[test]
fn echo_fills_in_properties_variables_and_expressions() {
    let s = Scratch::new("echo-interpolation");
    s.write("p.properties", "customer_count=2\n");
    s.write(
        "d.xml",
        r#"<setup rngSeed="3">
  <include uri="p.properties"/>
  <variable name="db" constant="sourceDB"/>
  <variable name="n" script="20 + 1"/>
  <echo>Exporting {customer_count} customers from {db}: {n * 2} &amp; more</echo>
  <generate name="g" count="{customer_count}" target="CSV">
    <echo>inside {n}</echo>
    <key name="id" generator="IncrementGenerator"/>
  </generate>
</setup>"#,
    );
    let out = ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        out,
        "Exporting 2 customers from sourceDB: 42 & more\ninside 21\n"
    );
}

#[test]
fn bad_echo_expressions_are_positioned_errors() {
    let s = Scratch::new("echo-errors");
    for (text, expected) in [
        (
            "<echo>a {missing} b</echo>",
            "d.xml:2:12: `<echo>`: expression failed: ",
        ),
        (
            "<echo>a {1 +} b</echo>",
            "d.xml:2:15: `<echo>`: expression does not compile",
        ),
        (
            "<echo>a {x</echo>",
            "d.xml:2:11: `<echo>`: `{` without a matching `}`",
        ),
        (
            "<echo>a } b</echo>",
            "d.xml:2:11: `<echo>`: `}` without a matching `{`",
        ),
    ] {
        s.write("d.xml", &format!("<setup>\n  {text}\n</setup>"));
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{text}: {err}");
    }
}

/// Three people, `|`-separated.
const PEOPLE: &str = "id|name|city\n1|Ann|Rome\n2|Bob|Oslo\n3|Cy|Lima\n";

#[test]
fn a_generate_source_makes_one_record_per_row_and_keys_override_columns() {
    let s = Scratch::new("csv-generate-source");
    std::fs::create_dir_all(s.path("data")).unwrap();
    s.write("data/people.ent.csv", PEOPLE);
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="people" source="data/people.ent.csv" target="CSV">
    <key name="name" script='name + "!"'/>
    <key name="greeting" script='"hi " + city'/>
  </generate>
  <generate name="again" source="data/people.ent.csv" count="5" cyclic="True" target="NDJSON"/>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let csv = std::fs::read_to_string(s.path("output/people.csv")).unwrap();
    assert_eq!(
        csv,
        "id|name|city|greeting\n1|Ann!|Rome|hi Rome\n2|Bob!|Oslo|hi Oslo\n3|Cy!|Lima|hi Lima\n"
    );
    let ndjson = std::fs::read_to_string(s.path("output/again.ndjson")).unwrap();
    let names: Vec<&str> = ndjson
        .lines()
        .map(|l| {
            l.split("\"name\":\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["Ann", "Bob", "Cy", "Ann", "Bob"]);
}

#[test]
fn a_source_reads_the_default_separator_and_refuses_too_large_counts() {
    let s = Scratch::new("csv-generate-separator");
    s.write("p.ent.csv", "a;b\n1;2\n");
    s.write(
        "d.xml",
        "<setup defaultSeparator=\";\">\n  <generate name=\"g\" source=\"p.ent.csv\" count=\"2\" target=\"JSON\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "d.xml:2:48: `count`: 2 records, but `p.ent.csv` has 1 rows; set `cyclic=\"True\"`"
        ),
        "{err}"
    );
    s.write(
        "d.xml",
        "<setup defaultSeparator=\";\">\n  <generate name=\"g\" source=\"p.ent.csv\" target=\"JSON\"/>\n</setup>",
    );
    ok(&s.0, &["run", "d.xml"]);
    let json = std::fs::read_to_string(s.path("output/g.json")).unwrap();
    assert_eq!(json, "[\n{\"a\":\"1\",\"b\":\"2\"}\n]\n");
}

#[test]
fn a_variable_source_gives_rows_in_order_cyclically_or_at_random() {
    let s = Scratch::new("csv-variable-source");
    s.write("colors.ent.csv", "color,code\nred,1\nblue,2\n");
    s.write(
        "d.xml",
        r#"<setup rngSeed="9">
  <generate name="g" count="200" pageSize="7" target="CSV">
    <variable name="c" source="colors.ent.csv" separator="," cyclic="True"/>
    <variable name="r" source="colors.ent.csv" separator="," distribution="random"/>
    <key name="ordered" script="c.color"/>
    <key name="random" script="r.color"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--threads", "1"]);
    let one = std::fs::read_to_string(s.path("output/g.csv")).unwrap();
    let rows: Vec<(&str, &str)> = one
        .lines()
        .skip(1)
        .map(|l| l.split_once('|').unwrap())
        .collect();
    assert_eq!(rows.len(), 200);
    for (i, (ordered, _)) in rows.iter().enumerate() {
        assert_eq!(*ordered, ["red", "blue"][i % 2], "row {i}");
    }
    let reds = rows.iter().filter(|(_, r)| *r == "red").count();
    assert!(
        (60..=140).contains(&reds),
        "{reds} of 200 random picks are red"
    );
    assert!(rows.iter().all(|(_, r)| ["red", "blue"].contains(r)));
    ok(&s.0, &["run", "d.xml", "--threads", "3"]);
    let three = std::fs::read_to_string(s.path("output/g.csv")).unwrap();
    assert_eq!(one, three, "the same bytes whatever the thread count");
}

#[test]
fn an_ordered_variable_source_that_runs_out_is_an_error() {
    let s = Scratch::new("csv-variable-runs-out");
    s.write("colors.ent.csv", "color\nred\nblue\n");
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"g\" count=\"3\" target=\"CSV\">\n    <variable name=\"c\" source=\"colors.ent.csv\"/>\n    <key name=\"k\" script=\"c.color\"/>\n  </generate>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:3:32: `colors.ent.csv` has 2 rows, and record 2 needs row 3; set `cyclic=\"True\"`"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn bad_sources_are_positioned_errors() {
    let s = Scratch::new("csv-bad-sources");
    std::fs::create_dir_all(s.path("project")).unwrap();
    s.write("outside.ent.csv", "a\n1\n");
    s.write("project/short.ent.csv", "a|b\n1|2\n3\n");
    s.write("project/empty.ent.csv", "a|b\n");
    let generate =
        |attrs: &str| format!("<setup>\n  <generate name=\"g\" {attrs} target=\"CSV\"/>\n</setup>");
    for (attrs, expected) in [
        (
            r#"source="short.ent.csv""#,
            "project/short.ent.csv:3:1: the row has 1 fields, the header 2 (the `source` at project/d.xml:2:30)",
        ),
        (
            r#"source="../outside.ent.csv""#,
            "project/d.xml:2:30: `source`: `../outside.ent.csv` must be a path inside the descriptor's folder",
        ),
        (
            r#"source="missing.ent.csv""#,
            "project/d.xml:2:30: `source`: cannot read `missing.ent.csv`",
        ),
        (
            r#"source="empty.ent.csv" cyclic="True""#,
            "project/d.xml:2:30: `source`: `empty.ent.csv` has no rows to repeat or draw from",
        ),
        (
            r#"source="empty.ent.csv" cyclic="yes""#,
            "project/d.xml:2:53: `cyclic`: `yes` is neither `True` nor `False`",
        ),
        (
            r#"count="1" cyclic="True""#,
            "project/d.xml:2:40: `cyclic`: only goes with `source`",
        ),
        (
            r#"source="data.xlsx""#,
            "project/d.xml:2:30: `source`: `data.xlsx`: only CSV (`*.ent.csv`), JSON and XML files can be sources yet",
        ),
    ] {
        s.write("project/d.xml", &generate(attrs));
        let err = fails(&s.0, &["run", "project/d.xml"]);
        assert!(err.contains(expected), "{attrs}: {err}");
    }
    s.write(
        "project/d.xml",
        "<setup>\n  <generate name=\"g\" count=\"1\">\n    <variable name=\"v\" source=\"empty.ent.csv\" distribution=\"shuffled\"/>\n  </generate>\n</setup>",
    );
    let err = fails(&s.0, &["run", "project/d.xml"]);
    assert!(
        err.contains(
            "project/d.xml:3:61: `distribution`: `shuffled` is neither `random` nor `ordered`"
        ),
        "{err}"
    );
}

/// `source` on a list nestedKey: each element starts as a row (the body's keys read and
/// replace its columns); every row once without `count`, `count` rows with it (past the last
/// only when `cyclic`), in random order unless `distribution="ordered"`.
#[test]
fn a_nested_key_source_makes_an_element_per_row() {
    let s = Scratch::new("nested-source");
    s.write("people.ent.csv", "name|age\nAda|36\nBob|41\nCy|29\n");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <generate name="t" count="3" target="NDJSON">
    <nestedKey name="ordered" type="list" source="people.ent.csv" distribution="ordered">
      <key name="age" script="int(age) + 1"/>
      <key name="tag" script="name.lower()"/>
    </nestedKey>
    <nestedKey name="two" type="list" count="2" source="people.ent.csv" distribution="ordered"/>
    <nestedKey name="cyclic" type="list" count="4" cyclic="True" source="people.ent.csv" distribution="ordered"/>
    <nestedKey name="capped" type="list" count="9" source="people.ent.csv"/>
    <nestedKey name="shuffled" type="list" source="people.ent.csv"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let text = std::fs::read_to_string(s.path("output/t.ndjson")).unwrap();
    let names = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut orders = std::collections::BTreeSet::new();
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            record["ordered"],
            serde_json::json!([
                {"name": "Ada", "age": 37, "tag": "ada"},
                {"name": "Bob", "age": 42, "tag": "bob"},
                {"name": "Cy", "age": 30, "tag": "cy"},
            ])
        );
        assert_eq!(names(&record["two"]), ["Ada", "Bob"]);
        assert_eq!(names(&record["cyclic"]), ["Ada", "Bob", "Cy", "Ada"]);
        assert_eq!(record["capped"].as_array().unwrap().len(), 3);
        let mut shuffled = names(&record["shuffled"]);
        orders.insert(shuffled.clone());
        shuffled.sort();
        assert_eq!(shuffled, ["Ada", "Bob", "Cy"]);
    }
    assert_eq!(text.lines().count(), 3);
    let again = {
        ok(&s.0, &["run", "d.xml", "--threads", "2"]);
        std::fs::read_to_string(s.path("output/t.ndjson")).unwrap()
    };
    assert_eq!(text, again);
    for (nested, message) in [
        (
            r#"<nestedKey name="n" type="dict" source="people.ent.csv"/>"#,
            "d.xml:2:86: `source`: only a `type=\"list\"` nestedKey takes a `source` yet",
        ),
        (
            r#"<nestedKey name="n" type="list" source="people.ent.csv" script="[]"/>"#,
            "`script`: a nestedKey takes `source` or `script`, not both",
        ),
        (
            r#"<nestedKey name="n" type="list" source="missing.ent.csv"/>"#,
            "missing.ent.csv",
        ),
        (
            r#"<nestedKey name="n" type="list" source="people.ent.csv" distribution="sorted"/>"#,
            "`distribution`: `sorted` is neither `random` nor `ordered`",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n<generate name=\"t\" count=\"1\" target=\"NDJSON\">{nested}</generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains("d.xml:2:"), "{nested}: {err}");
        assert!(err.contains(message), "{nested}: {err}");
    }
}

/// `EmailAddressGenerator`: a person's email of the dataset, different across a list's
/// elements, the same for the same seed.
#[test]
fn email_address_generator_gives_people_emails() {
    let s = Scratch::new("email-generator");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5" defaultDataset="DE">
  <generate name="t" count="20" target="CSV">
    <key name="email" generator="EmailAddressGenerator"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let text = std::fs::read_to_string(s.path("output/t.csv")).unwrap();
    let emails: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(emails.len(), 20);
    assert!(
        emails.iter().all(|e| e.contains('@') && e.contains('.')),
        "{text}"
    );
    let distinct: std::collections::BTreeSet<&&str> = emails.iter().collect();
    assert!(distinct.len() > 15, "{text}");
    ok(&s.0, &["run", "d.xml", "--threads", "2"]);
    assert_eq!(
        text,
        std::fs::read_to_string(s.path("output/t.csv")).unwrap()
    );
    s.write(
        "d.xml",
        r#"<setup><generate name="t" count="1" target="CSV"><key name="e" generator="EmailAddressGenerator(dataset='DE')"/></generate></setup>"#,
    );
    assert!(
        fails(&s.0, &["run", "d.xml"]).contains("`EmailAddressGenerator` takes no arguments here")
    );
}
