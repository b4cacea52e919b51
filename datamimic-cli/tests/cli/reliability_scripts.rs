//! Scripts and value sources never degrade silently: misspelt fields, comments in multi-line
//! scripts, numbers out of range, inverted bounds and oversized patterns are positioned
//! errors (or, for comments, evaluate correctly).

use crate::{Scratch, fails, ok};

/// Runs `body` inside a one-record generate and expects an error containing each of
/// `expected`; no output is left behind. Returns the message.
fn body_fails(name: &str, body: &str, expected: &[&str]) -> String {
    let s = Scratch::new(&format!("rel-scripts-{name}"));
    s.write(
        "d.xml",
        &format!(
            "<setup rngSeed=\"1\">\n<generate name=\"g\" count=\"3\" target=\"JSON\">\n{body}\n</generate>\n</setup>\n"
        ),
    );
    let message = fails(&s.0, &["run", "d.xml"]);
    for e in expected {
        assert!(message.contains(e), "{message}\nshould contain: {e}");
    }
    assert!(s.files("output").is_empty(), "{:?}", s.files("output"));
    message
}

/// Runs `body` inside a generate of `count` records and returns the JSON output.
fn body_runs(name: &str, count: u32, body: &str) -> serde_json::Value {
    let s = Scratch::new(&format!("rel-scripts-{name}"));
    s.write(
        "d.xml",
        &format!(
            "<setup rngSeed=\"1\">\n<generate name=\"g\" count=\"{count}\" target=\"JSON\">\n{body}\n</generate>\n</setup>\n"
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    serde_json::from_str(&std::fs::read_to_string(s.path("output/g.json")).unwrap()).unwrap()
}

#[test]
fn a_misspelt_entity_field_is_an_error_with_a_suggestion() {
    // Line 4 of the descriptor; `agee` starts at column 31.
    body_fails(
        "field",
        "<variable name=\"p\" entity=\"Person\"/>\n<key name=\"age\" script=\"1 + p.agee\"/>",
        &[
            "d.xml:4:31: `age`: script failed on record 0: `p` has no property `agee`; did you mean `age`?",
        ],
    );
    body_fails(
        "nested-field",
        "<variable name=\"p\" entity=\"Person\"/>\n<key name=\"street\" script=\"p.address.stret\"/>",
        &[
            "d.xml:4:38:",
            "`p.address` has no property `stret`; did you mean `street`?",
        ],
    );
    // A nestedKey's map is checked the same way.
    body_fails(
        "nested-key",
        "<nestedKey name=\"box\"><key name=\"width\" constant=\"1\"/></nestedKey>\n<key name=\"w\" script=\"box.widht\"/>",
        &["`box` has no property `widht`; did you mean `width`?"],
    );
    // Existing fields still work, and so does `in`.
    let out = body_runs(
        "field-ok",
        2,
        "<variable name=\"p\" entity=\"Person\"/>\n<key name=\"street\" script=\"p.address.street\"/>\n<key name=\"has\" script=\"&quot;agee&quot; in p\"/>",
    );
    for record in out.as_array().unwrap() {
        assert!(!record["street"].as_str().unwrap().is_empty(), "{record}");
        assert_eq!(record["has"], false);
    }
}

#[test]
fn multi_line_scripts_keep_their_comments_to_their_lines() {
    let out = body_runs(
        "comments",
        2,
        "<key name=\"x\" script=\"(2  # the base\n  * 2  # doubled\n  + 1)  # result\n\"/>\n<key name=\"y\" script=\"(1 &lt; 2  # compare&#10; and True)\"/>",
    );
    for record in out.as_array().unwrap() {
        assert_eq!(record["x"], 5, "{record}");
        assert_eq!(record["y"], true, "{record}");
    }
    // Errors on a later line of a script point to that line of the descriptor.
    body_fails(
        "comments-error",
        "<key name=\"x\" script=\"(1  # one\n   + nope)\"/>",
        &["d.xml:4:6: `x`: script failed on record 0: NameError: name `nope` is not defined"],
    );
    body_fails(
        "compile-error",
        "<key name=\"x\" script=\"(1  # one\n   +)\"/>",
        &["d.xml:4:", "`script`: script does not compile"],
    );
}

#[test]
fn an_unknown_variable_is_named_at_its_place() {
    body_fails(
        "variable",
        "<variable name=\"person\" constant=\"1\"/>\n<key name=\"x\" script=\"persn + 1\"/>",
        &[
            "d.xml:4:23: `x`: script failed on record 0: NameError: name `persn` is not defined; did you mean `person`?",
        ],
    );
    body_fails(
        "condition-variable",
        "<condition><if condition=\"flag\"><key name=\"x\" constant=\"1\"/></if></condition>",
        &["d.xml:3:27: condition failed on record 0: NameError: name `flag` is not defined"],
    );
}

#[test]
fn numeric_bounds_out_of_range_are_errors() {
    body_fails(
        "int-min",
        "<key name=\"x\" type=\"int\" min=\"-99999999999999999999\" max=\"5\"/>",
        &["d.xml:3:31: `min`: `-99999999999999999999` is outside the 64-bit integer range"],
    );
    body_fails(
        "int-max-float",
        "<key name=\"x\" type=\"int\" min=\"0\" max=\"1e19\"/>",
        &["`max`: `1e19` is outside the 64-bit integer range"],
    );
    body_fails(
        "int-garbled",
        "<key name=\"x\" type=\"int\" min=\"--5\"/>",
        &["`min`: `--5` is not a number"],
    );
    body_fails(
        "float-max",
        "<key name=\"x\" type=\"float\" min=\"0\" max=\"1e400\"/>",
        &["d.xml:3:", "`max`: `1e400` is not a number"],
    );
    body_fails(
        "float-wide",
        "<key name=\"x\" type=\"float\" min=\"-1e308\" max=\"1e308\"/>",
        &["too wide for a float"],
    );
    body_fails(
        "int-no-integer",
        "<key name=\"x\" type=\"int\" min=\"1.2\" max=\"1.8\"/>",
        &["`min` 1.2 leaves no integer up to `max` 1.8"],
    );
    body_fails(
        "generator-int",
        "<key name=\"x\" generator=\"IntegerGenerator(min=-99999999999999999999, max=1)\"/>",
        &["d.xml:3:26: `generator`: `-99999999999999999999` is outside the 64-bit integer range"],
    );
    body_fails(
        "values-int",
        "<key name=\"x\" values=\"1, 99999999999999999999\"/>",
        &[
            "d.xml:3:23: `values`: `99999999999999999999` is outside the 64-bit integer range; quote it to keep it as text",
        ],
    );
    body_fails(
        "values-inf",
        "<key name=\"x\" values=\"1.5, 1e400\"/>",
        &["`values`: `1e400` is not a finite number"],
    );
    // The whole 64-bit range is usable, from both sources.
    let out = body_runs(
        "full-range",
        20,
        "<key name=\"a\" type=\"int\" min=\"-9223372036854775808\" max=\"9223372036854775807\"/>\n<key name=\"b\" generator=\"IntegerGenerator(min=-9223372036854775808, max=9223372036854775807)\"/>\n<key name=\"c\" type=\"int\" min=\"9223372036854775807\" max=\"9223372036854775807\"/>",
    );
    let records = out.as_array().unwrap();
    assert!(records.iter().all(|r| r["c"] == i64::MAX), "{out}");
    assert!(
        records.iter().any(|r| r["a"].as_i64().unwrap() < 0),
        "{out}"
    );
    assert!(
        records.iter().any(|r| r["b"].as_i64().unwrap() > 0),
        "{out}"
    );
}

#[test]
fn script_results_out_of_range_are_errors() {
    body_fails(
        "overflow",
        "<key name=\"x\" script=\"9223372036854775807 + 1\"/>",
        &[
            "d.xml:3:",
            "`x`: script failed on record 0: OverflowError: the result does not fit a 64-bit integer",
        ],
    );
    body_fails(
        "infinite",
        "<key name=\"x\" script=\"1e308 * 10.0\"/>",
        &["`x`: `inf` is not a finite number on record 0"],
    );
    body_fails(
        "nan-in-array",
        "<array name=\"x\" script=\"[1.0, float('nan')]\"/>",
        &["`x`: `NaN` is not a finite number on record 0"],
    );
    body_fails(
        "int-from-float",
        "<key name=\"x\" type=\"int\" script=\"1e30\"/>",
        &["`x`: `1e30` does not fit a 64-bit integer on record 0"],
    );
    body_fails(
        "float-from-text",
        "<key name=\"x\" type=\"float\" script=\"&quot;1e400&quot;\"/>",
        &["`x`: `1e400` cannot be converted to Float on record 0"],
    );
}

#[test]
fn generator_bounds_must_be_ordered_and_finite() {
    body_fails(
        "float-inverted",
        "<key name=\"x\" generator=\"FloatGenerator(min=5, max=1)\"/>",
        &["d.xml:3:26: `generator`: `min` 5 is above `max` 1"],
    );
    body_fails(
        "float-default-max",
        "<key name=\"x\" generator=\"FloatGenerator(min=5)\"/>",
        &["`min` 5 is above `max` 1"],
    );
    body_fails(
        "int-inverted",
        "<key name=\"x\" generator=\"IntegerGenerator(min=5, max=1)\"/>",
        &["`min` 5 is above `max` 1"],
    );
    body_fails(
        "float-nan",
        "<key name=\"x\" generator=\"FloatGenerator(min=NaN, max=1)\"/>",
        &["`NaN` is not a number"],
    );
    body_fails(
        "float-inf",
        "<key name=\"x\" generator=\"FloatGenerator(min=0, max=inf)\"/>",
        &["`inf` is not a number"],
    );
    body_fails(
        "float-wide",
        "<key name=\"x\" generator=\"FloatGenerator(min=-1.7e308, max=1.7e308)\"/>",
        &["too wide for a float"],
    );
    body_fails(
        "no-arguments",
        "<key name=\"x\" generator=\"UUIDGenerator(min=1)\"/>",
        &["`UUIDGenerator` takes no arguments"],
    );
    body_fails(
        "range-inverted",
        "<key name=\"x\" type=\"float\" min=\"5\" max=\"1\"/>",
        &["d.xml:3:33: `min` 5 is above `max` 1"],
    );
    // Equal bounds give that one value.
    let out = body_runs(
        "equal-bounds",
        3,
        "<key name=\"f\" generator=\"FloatGenerator(min=2.5, max=2.5)\"/>\n<key name=\"i\" generator=\"IntegerGenerator(min=7, max=7)\"/>\n<key name=\"r\" type=\"float\" min=\"-1\" max=\"-1\"/>",
    );
    for record in out.as_array().unwrap() {
        assert_eq!(record["f"], 2.5, "{record}");
        assert_eq!(record["i"], 7, "{record}");
        assert_eq!(record["r"], -1.0, "{record}");
    }
}

#[test]
fn patterns_are_bounded_before_generating() {
    body_fails(
        "pattern-huge",
        "<key name=\"x\" pattern=\"a{1000000000}\"/>",
        &[
            "d.xml:3:24: `pattern`: invalid regular expression: a value could have 1000000000 characters; the limit is 100000",
        ],
    );
    body_fails(
        "pattern-int",
        "<key name=\"x\" type=\"int\" pattern=\"[0-9]{7,23}\"/>",
        &["d.xml:3:35: `pattern`: can produce 23 characters, but an `int` takes at most 18"],
    );
    // Within the limits, the values fit their type.
    let out = body_runs(
        "pattern-ok",
        30,
        "<key name=\"n\" type=\"int\" pattern=\"[1-9][0-9]{17}\"/>",
    );
    for record in out.as_array().unwrap() {
        assert!(
            record["n"].as_i64().unwrap() >= 100_000_000_000_000_000,
            "{record}"
        );
    }
}
