//! Descriptor parsing under hostile or huge input: positions at the end of large files,
//! include cycles and fan-out, duplicate field names, counts and nesting past the limits.
//! Each case ends in a positioned one-line error (or the right output), never an abort.

use crate::{Scratch, fails, ok};

/// Runs `d.xml` = `descriptor` in a fresh directory and returns the error line.
fn error_of(name: &str, descriptor: &str) -> String {
    let s = Scratch::new(&format!("rel-parse-{name}"));
    s.write("d.xml", descriptor);
    fails(&s.0, &["run", "d.xml"])
}

/// `<setup><generate name="g" count="1" target="NDJSON">BODY</generate></setup>`, one
/// statement per line from line 3.
fn one_generate(body: &[&str]) -> String {
    format!(
        "<setup>\n<generate name=\"g\" count=\"1\" target=\"NDJSON\">\n{}\n</generate>\n</setup>\n",
        body.join("\n")
    )
}

#[test]
fn positions_stay_right_at_the_end_of_a_large_descriptor() {
    // About 5 MB: many keys, then a last line with a long multi-byte name before the mistake,
    // so the column counts characters, not bytes.
    let mut text = String::from("<setup>\n<generate name=\"big\" count=\"1\" target=\"NDJSON\">\n");
    let keys = 160_000;
    for i in 0..keys {
        text.push_str(&format!("  <key name=\"k{i}\" constant=\"{i}\"/>\n"));
    }
    let long_name = "ü".repeat(3000);
    let prefix = format!("  <key name=\"{long_name}\" constant=\"1\" ");
    text.push_str(&prefix);
    text.push_str("bogus=\"x\"/>\n</generate>\n</setup>\n");
    assert!(text.len() > 5_000_000, "{}", text.len());
    let line = keys + 3;
    let col = prefix.chars().count() + 1;
    assert_eq!(
        error_of("big", &text),
        format!(
            "datamimic: error: d.xml:{line}:{col}: unknown attribute `bogus` on `<key>`; allowed: \
             name, script, constant, values, weights, pattern, type, min, max, nullQuota, \
             converter, generator, inDateFormat, outDateFormat, condition, defaultValue, source, separator"
        )
    );
}

#[test]
fn an_include_cycle_is_named_at_once() {
    let s = Scratch::new("rel-parse-cycle");
    s.write(
        "a.xml",
        "<setup>\n  <echo>a</echo>\n  <include uri=\"b.xml\"/>\n</setup>\n",
    );
    s.write("b.xml", "<setup>\n<include uri=\"a.xml\"/>\n</setup>\n");
    assert_eq!(
        fails(&s.0, &["run", "a.xml"]),
        "datamimic: error: a.xml:3:3: include cycle: a.xml -> b.xml -> a.xml"
    );
    // Reached through another file, the cycle is still named from where it starts.
    s.write("top.xml", "<setup><include uri=\"b.xml\"/></setup>");
    assert_eq!(
        fails(&s.0, &["run", "top.xml"]),
        "datamimic: error: b.xml:2:1: include cycle: b.xml -> a.xml -> b.xml"
    );
    s.write("self.xml", "<setup>\n <include uri=\"self.xml\"/></setup>");
    assert_eq!(
        fails(&s.0, &["run", "self.xml"]),
        "datamimic: error: self.xml:2:2: include cycle: self.xml -> self.xml"
    );
}

#[test]
fn a_file_included_twice_is_included_twice() {
    // A diamond is not a cycle: inclusion is textual, so `d.xml` runs once per inclusion.
    let s = Scratch::new("rel-parse-diamond");
    s.write(
        "top.xml",
        r#"<setup><include uri="b.xml"/><include uri="c.xml"/></setup>"#,
    );
    s.write("b.xml", r#"<setup><include uri="d.xml"/></setup>"#);
    s.write("c.xml", r#"<setup><include uri="d.xml"/></setup>"#);
    s.write("d.xml", r#"<setup><echo>from d</echo></setup>"#);
    assert_eq!(ok(&s.0, &["run", "top.xml"]), "from d\nfrom d\n");
}

#[test]
fn include_fan_out_is_bounded_before_expanding() {
    // 10 includes on each of 8 levels would expand to 10^8 copies of the last file.
    let s = Scratch::new("rel-parse-fanout");
    for level in 0..8 {
        let includes = format!("  <include uri=\"l{}.xml\"/>\n", level + 1).repeat(10);
        s.write(
            &format!("l{level}.xml"),
            &format!("<setup>\n{includes}</setup>\n"),
        );
    }
    s.write(
        "l8.xml",
        r#"<setup><generate name="g" count="1"><key name="k" constant="1"/></generate></setup>"#,
    );
    let message = fails(&s.0, &["run", "l0.xml"]);
    // l3.xml expands to 422,221 elements: the fifth inclusion in l2.xml crosses the limit.
    assert!(
        message.starts_with(
            "datamimic: error: l2.xml:6:3: with `l3.xml` included here the descriptor has more \
             than 2000000 elements"
        ),
        "{message}"
    );
}

#[test]
fn include_chains_are_bounded() {
    let s = Scratch::new("rel-parse-chain");
    for i in 0..100 {
        s.write(
            &format!("c{i}.xml"),
            &format!("<setup><include uri=\"c{}.xml\"/></setup>", i + 1),
        );
    }
    s.write("c100.xml", "<setup/>");
    assert_eq!(
        fails(&s.0, &["run", "c0.xml"]),
        "datamimic: error: c63.xml:1:8: includes chain more than 64 files deep"
    );
}

#[test]
fn duplicate_variables_are_rejected_with_both_places() {
    assert_eq!(
        error_of(
            "dup-variable",
            &one_generate(&[
                r#"<variable name="v" constant="1"/>"#,
                r#"<variable name="v" constant="2"/>"#,
            ])
        ),
        "datamimic: error: d.xml:4:1: duplicate variable `v`; first defined at d.xml:3:1"
    );
}

/// DATAMIMIC's records are Python dicts: a key written twice is written once, at the first
/// one's place with the last one's value, whatever kind of key (and inside nestedKeys and
/// list items too); a script between the two sees the first.
#[test]
fn a_key_written_twice_keeps_its_place_and_takes_the_later_value() {
    let s = Scratch::new("rel-parse-repeated-keys");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
<generate name="g" count="2" target="NDJSON">
  <key name="x" script="1"/>
  <key name="y" script="x * 10"/>
  <nestedKey name="n"><key name="a" script="1"/><key name="a" script="2"/></nestedKey>
  <key name="w" script="y"/>
  <key name="x" script="3"/>
  <condition><if condition="True"><key name="y" script="4"/></if></condition>
  <nestedKey name="n"><key name="b" script="5"/></nestedKey>
  <list name="l"><item><key name="k" script="1"/><key name="k" script="2"/></item></list>
  <key name="z" script="x + y"/>
</generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let line = r#"{"x":3,"y":4,"n":{"b":5},"w":10,"l":[{"k":2}],"z":7}"#;
    assert_eq!(
        std::fs::read_to_string(s.path("output/g.ndjson")).unwrap(),
        format!("{line}\n{line}\n")
    );
}

#[test]
fn branches_nested_keys_and_a_variable_and_its_key_may_share_names() {
    let s = Scratch::new("rel-parse-branches");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
<generate name="g" count="4" target="CSV">
  <variable name="n" generator="IncrementGenerator"/>
  <key name="n" script="n"/>
  <condition>
    <if condition="n % 2 == 0"><key name="kind" constant="even"/></if>
    <else><key name="kind" constant="odd"/></else>
  </condition>
  <nestedKey name="a"><key name="v" constant="1"/></nestedKey>
  <nestedKey name="b"><key name="v" constant="2"/></nestedKey>
</generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/g.csv")).unwrap(),
        "n|kind|a.v|b.v\n1|odd|1|2\n2|even|1|2\n3|odd|1|2\n4|even|1|2\n"
    );
}

#[test]
fn huge_counts_fail_before_allocating() {
    let message = error_of(
        "array-count",
        &one_generate(&[r#"<array name="a" count="10000000000" type="int"/>"#]),
    );
    assert_eq!(
        message,
        "datamimic: error: d.xml:3:24: `count`: 10000000000 elements: a record holds at most \
         1000000 values"
    );
    let message = error_of(
        "list-count",
        &one_generate(&[
            r#"<nestedKey name="n" type="list" count="10000000000"><key name="a" constant="1"/></nestedKey>"#,
        ]),
    );
    assert_eq!(
        message,
        "datamimic: error: d.xml:3:40: `count`: 10000000000 elements of 2 values each: a record \
         holds at most 1000000 values"
    );
    // Counts that multiply: 2,000 lists of 1,000 elements.
    let message = error_of(
        "list-product",
        &one_generate(&[
            r#"<nestedKey name="outer" type="list" count="2000">"#,
            r#"<nestedKey name="inner" type="list" count="1000"><key name="a" constant="1"/></nestedKey>"#,
            r#"</nestedKey>"#,
        ]),
    );
    assert!(
        message.starts_with("datamimic: error: d.xml:3:44: `count`: 2000 elements of 2002 values"),
        "{message}"
    );
    // Many arrays, each under the limit, together over it.
    let arrays: Vec<String> = (0..3)
        .map(|i| format!(r#"<array name="a{i}" count="400000" type="int"/>"#))
        .collect();
    let arrays: Vec<&str> = arrays.iter().map(String::as_str).collect();
    assert_eq!(
        error_of("arrays-sum", &one_generate(&arrays)),
        "datamimic: error: d.xml:5:1: a record would hold more than 1000000 values (keys, array \
         elements and nestedKey elements)"
    );
}

#[test]
fn count_attributes_say_what_is_wrong() {
    for (count, why) in [
        (
            "1e10",
            "`1e10` is not a non-negative integer (write the digits out)",
        ),
        ("-3", "`-3` is not a non-negative integer"),
        (
            "99999999999999999999",
            "`99999999999999999999` is too large (at most 18446744073709551615)",
        ),
    ] {
        assert_eq!(
            error_of(
                "count-text",
                &format!(
                    r#"<setup><generate name="g" count="{count}"><key name="k" constant="1"/></generate></setup>"#
                )
            ),
            format!("datamimic: error: d.xml:1:34: `count`: {why}")
        );
        let message = error_of(
            "array-count-text",
            &one_generate(&[&format!(r#"<array name="a" count="{count}" type="int"/>"#)]),
        );
        assert!(message.ends_with(why), "{message}");
    }
}

/// `depth` nested `open`s around `inner`, each on its own line after line 2.
fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    format!(
        "{}{inner}\n{}",
        format!("{open}\n").repeat(depth),
        format!("{close}\n").repeat(depth)
    )
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let generates = nested(
        r#"<generate name="g" count="1">"#,
        "</generate>",
        10_000,
        "",
    );
    assert_eq!(
        error_of("deep-generates", &format!("<setup>\n{generates}</setup>\n")),
        "datamimic: error: d.xml:257:1: elements nest more than 256 levels deep"
    );
    let keys = nested(r#"<nestedKey name="n">"#, "</nestedKey>", 5_000, "");
    assert_eq!(
        error_of(
            "deep-keys",
            &format!("<setup>\n<generate name=\"g\" count=\"1\">\n{keys}</generate>\n</setup>\n")
        ),
        "datamimic: error: d.xml:257:1: elements nest more than 256 levels deep"
    );
}

#[test]
fn nesting_up_to_the_limit_runs() {
    // <setup> is level 1: the keys inside 254 nested generates, or inside 253 nestedKeys of a
    // generate, are at level 256.
    let s = Scratch::new("rel-parse-deepest");
    s.write(
        "d.xml",
        &format!(
            "<setup>\n<generate name=\"n\" count=\"2\" target=\"NDJSON\">\n{}</generate>\n</setup>\n",
            nested(
                r#"<nestedKey name="n">"#,
                "</nestedKey>",
                253,
                r#"<key name="k" constant="1"/>"#
            )
        ),
    );
    let mut text = String::from("<setup>\n");
    for i in 0..254 {
        text.push_str(&format!(
            "<generate name=\"g{i}\" count=\"1\" target=\"NDJSON\"><key name=\"k\" constant=\"{i}\"/>\n"
        ));
    }
    text.push_str(&"</generate>\n".repeat(254));
    text.push_str("</setup>\n");
    s.write("g.xml", &text);
    ok(&s.0, &["run", "g.xml"]);
    assert_eq!(s.files("output").len(), 254);
    assert_eq!(
        std::fs::read_to_string(s.path("output/g253.ndjson")).unwrap(),
        "{\"k\":\"253\"}\n"
    );
    ok(&s.0, &["run", "d.xml"]);
    let records = std::fs::read_to_string(s.path("output/n.ndjson")).unwrap();
    let one = format!(
        "{}{{\"k\":\"1\"}}{}\n",
        "{\"n\":".repeat(253),
        "}".repeat(253)
    );
    assert_eq!(records, format!("{one}{one}"));
}
