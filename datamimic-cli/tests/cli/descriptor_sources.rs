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
