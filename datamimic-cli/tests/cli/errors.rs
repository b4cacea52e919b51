//! Bad input: each error names the place, exits non-zero and leaves no output behind.

use crate::{Scratch, fails};

/// Runs `descriptor` and expects an error containing `expected`, with no files written.
fn descriptor_fails(name: &str, descriptor: &str, expected: &str) -> String {
    let s = Scratch::new(&format!("err-{name}"));
    s.write("d.xml", descriptor);
    let message = fails(&s.0, &["run", "d.xml"]);
    assert!(
        message.contains(expected),
        "{message}\nshould contain: {expected}"
    );
    assert!(
        s.files("output").is_empty(),
        "partial output: {:?}",
        s.files("output")
    );
    assert!(
        !s.path("output").exists(),
        "the output directory was left behind"
    );
    message
}

const GOOD: &str =
    r#"<generate name="first" count="5" target="CSV,JSON"><key name="x" constant="1"/></generate>"#;

#[test]
fn malformed_xml() {
    let m = descriptor_fails(
        "malformed",
        "<setup>\n  <generate name=\"a\" count=\"1\">\n</setup>\n",
        "malformed XML",
    );
    assert!(m.contains("d.xml:3:"), "{m}");
}

#[test]
fn unknown_element_and_attribute_suggest() {
    let m = descriptor_fails(
        "element",
        "<setup>\n<generate name=\"a\" count=\"1\" target=\"CSV\">\n  <kye name=\"x\" constant=\"1\"/>\n</generate>\n</setup>",
        "unknown element `<kye>` in `<generate>`; did you mean `key`?",
    );
    assert!(m.contains("d.xml:3:3:"), "{m}");
    let m = descriptor_fails(
        "attribute",
        "<setup>\n<generate name=\"a\" count=\"1\" target=\"CSV\">\n  <key name=\"x\" constnt=\"1\"/>\n</generate>\n</setup>",
        "unknown attribute `constnt` on `<key>`; did you mean `constant`?",
    );
    assert!(m.contains("d.xml:3:17:"), "{m}");
    descriptor_fails("root", "<setpu/>", "the root element must be `<setup>`");
}

#[test]
fn unknown_entity_and_dataset() {
    descriptor_fails(
        "entity",
        r#"<setup><generate name="a" count="1" target="CSV"><variable name="d" entity="Persn"/></generate></setup>"#,
        "unknown entity `Persn`; did you mean `Person`?",
    );
    descriptor_fails(
        "dataset",
        r#"<setup><generate name="a" count="1" target="CSV"><variable name="d" entity="Person" dataset="ZZ"/></generate></setup>"#,
        "has no dataset `ZZ` (strict mode)",
    );
    let s = Scratch::new("err-generate");
    let m = fails(&s.0, &["generate", "Persn"]);
    assert!(m.contains("did you mean `Person`?"), "{m}");
    fails(
        &s.0,
        &["generate", "Person", "--dataset", "ZZ", "-o", "x.csv"],
    );
    fails(&s.0, &["generate", "Person", "--dataset", "GER"]);
    assert!(s.files(".").is_empty());
}

#[test]
fn options_an_entity_does_not_take() {
    descriptor_fails(
        "option",
        r#"<setup><generate name="a" count="1" target="CSV"><variable name="c" entity="City" ageMin="3"/></generate></setup>"#,
        "entity `City` does not take `ageMin`; it takes: dataset, rngSeed",
    );
}

#[test]
fn bad_counts_and_ages() {
    for count in ["-1", "1.5", "ten", ""] {
        descriptor_fails(
            "count",
            &format!(
                r#"<setup><generate name="a" count="{count}" target="CSV"><key name="x" constant="1"/></generate></setup>"#
            ),
            "is not a non-negative integer",
        );
    }
    descriptor_fails(
        "ages",
        r#"<setup><generate name="a" count="1" target="CSV"><variable name="d" entity="Doctor" ageMin="50" ageMax="40"/></generate></setup>"#,
        "`ageMin`: 50 is above `ageMax` 40",
    );
}

#[test]
fn script_errors_at_compile_time_and_on_a_record() {
    let m = descriptor_fails(
        "compile",
        "<setup>\n<generate name=\"a\" count=\"1\" target=\"CSV\">\n<key name=\"x\" script=\"1 +\"/>\n</generate>\n</setup>",
        "script does not compile",
    );
    assert!(m.contains("d.xml:3:"), "{m}");
    // The first generate succeeds, the second fails on record 40: nothing is kept.
    let m = descriptor_fails(
        "runtime",
        &format!(
            r#"<setup>{GOOD}<generate name="second" count="100" target="CSV" pageSize="7"><key name="n" generator="IncrementGenerator"/><key name="x" script="n if n != 41 else {{}}['boom']"/></generate></setup>"#
        ),
        "script failed on record 40",
    );
    assert!(m.contains("boom"), "{m}");
    descriptor_fails(
        "later-key",
        r#"<setup><generate name="a" count="1" target="CSV"><key name="x" script="y"/><key name="y" constant="1"/></generate></setup>"#,
        "NameError: name `y` is not defined",
    );
}

#[test]
fn unwritable_output() {
    let s = Scratch::new("err-unwritable");
    s.write("blocker", "a file, not a directory");
    s.write("d.xml", &format!("<setup>{GOOD}</setup>"));
    let m = fails(&s.0, &["run", "d.xml", "--output-dir", "blocker/out"]);
    assert!(m.contains("cannot create output directory"), "{m}");
    let m = fails(&s.0, &["generate", "Person", "-o", "blocker/x.csv"]);
    assert!(m.contains("cannot write `blocker/x.csv`"), "{m}");
    assert_eq!(s.files("."), ["blocker", "d.xml"]);
}

#[test]
fn bad_targets_types_and_generators() {
    descriptor_fails(
        "target",
        r#"<setup><generate name="a" count="1" target="CVS"><key name="x" constant="1"/></generate></setup>"#,
        "unknown target `CVS`; did you mean `CSV`?",
    );
    descriptor_fails(
        "generator",
        r#"<setup><generate name="a" count="1" target="CSV"><key name="x" generator="IncrementGenerater"/></generate></setup>"#,
        "did you mean `IncrementGenerator`?",
    );
    descriptor_fails(
        "weights",
        r#"<setup><generate name="a" count="1" target="CSV"><key name="x" values="'a','b'" weights="1"/></generate></setup>"#,
        "1 weights for 2 values",
    );
    descriptor_fails(
        "pattern",
        r#"<setup><generate name="a" count="1" target="CSV"><key name="x" pattern="[A-"/></generate></setup>"#,
        "`pattern`: invalid regular expression",
    );
    descriptor_fails(
        "nothing",
        r#"<setup><generate name="a" count="1" target="CSV"><key name="x"/></generate></setup>"#,
        "needs one of",
    );
}

#[test]
fn a_table_target_needs_a_column() {
    let m = descriptor_fails(
        "no-columns",
        "<setup>\n<generate name=\"parents\" count=\"3\" target=\"JSON,SQLite\">\n<variable name=\"v\" constant=\"1\"/>\n</generate>\n</setup>",
        "`<generate name=\"parents\">` writes SQLite but has no `<key>`",
    );
    assert!(m.contains("d.xml:2:1:"), "{m}");
    descriptor_fails(
        "no-columns-csv",
        "<setup><generate name=\"a\" count=\"1\" target=\"CSV\"><generate name=\"b\" count=\"1\" target=\"JSON\"><key name=\"k\" constant=\"1\"/></generate></generate></setup>",
        "writes CSV but has no",
    );
}

#[test]
fn ragged_records_name_their_generate() {
    let m = descriptor_fails(
        "ragged",
        "<setup rngSeed=\"1\">\n<generate name=\"g\" count=\"40\" target=\"CSV\">\n<key name=\"n\" type=\"int\" min=\"1\" max=\"6\"/>\n<condition>\n<if condition=\"n > 3\"><key name=\"big\" constant=\"1\"/></if>\n</condition>\n</generate>\n</setup>",
        "records do not all have the same fields",
    );
    assert!(m.contains("d.xml:2:1: `g`: "), "{m}");
}

#[test]
fn a_call_without_its_closing_parenthesis_is_refused() {
    for (name, attr) in [
        ("generator", r#"generator="IntegerGenerator(min=1, max=3""#),
        ("converter", r#"constant="abc" converter="CutLength(2""#),
        ("target", ""),
    ] {
        let descriptor = if name == "target" {
            r#"<setup><generate name="a" count="1" target="CSV(delimiter=';'"><key name="x" constant="1"/></generate></setup>"#.to_owned()
        } else {
            format!(
                r#"<setup><generate name="a" count="1" target="CSV"><key name="x" {attr}/></generate></setup>"#
            )
        };
        let m = descriptor_fails(&format!("paren-{name}"), &descriptor, "missing `)`");
        assert!(m.contains(&format!("`{name}`: missing `)`")), "{m}");
    }
}
