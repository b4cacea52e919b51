//! XML output is well-formed for every value and key or the run fails naming the record; CSV
//! target parameters and separator options are checked with messages that name what was set.

use serde_json::Value;

use crate::{Scratch, datamimic, fails, ok};

/// `text` as an XML attribute value (inside double quotes).
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// Runs `descriptor` and expects an error containing every part of `expected`, with no
/// output file, temporary file or output directory left behind.
fn run_fails(name: &str, descriptor: &str, expected: &[&str]) -> String {
    let s = Scratch::new(&format!("xmlrel-{name}"));
    s.write("d.xml", descriptor);
    let message = fails(&s.0, &["run", "d.xml"]);
    for part in expected {
        assert!(message.contains(part), "{message}\nshould contain: {part}");
    }
    assert!(
        s.files("output").is_empty(),
        "partial output: {:?}",
        s.files("output")
    );
    assert!(!s.path("output").exists(), "the output directory was left");
    message
}

/// Every text piece XML writers get wrong, as Python string literals.
const AWKWARD: &[&str] = &[
    r#""\r""#,
    r#""\r\n""#,
    r#""\n""#,
    r#""\t""#,
    r#""<""#,
    r#"">""#,
    r#""&""#,
    r#""'""#,
    r#""\"""#,
    r#""]]>""#,
    r#""<![CDATA[""#,
    r#""&amp;""#,
    r#""&#13;""#,
    r#""😀""#,
    r#""𝄞""#,
    r#""é""#,
    r#""\u0085""#,
    r#""\u2028""#,
    r#""\x7F""#,
    r#"" ""#,
    r#""a""#,
];

/// A script making a random string of 0 to 12 awkward pieces.
fn awkward_script() -> String {
    format!(
        "''.join(random_choice([{}]) for _ in range(random_int(0, 12)))",
        AWKWARD.join(", ")
    )
}

/// The element's text as a parser reports it (an empty element is the empty string).
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.children()
        .filter(|c| c.is_text())
        .map(|c| c.text().unwrap_or(""))
        .collect()
}

/// Checks that `element` holds exactly `json` (the same record as NDJSON wrote it).
fn assert_same(json: &Value, element: roxmltree::Node<'_, '_>, at: &str) {
    match json {
        Value::Object(map) => {
            let children: Vec<_> = element.children().filter(|c| c.is_element()).collect();
            let mut used = 0;
            for (key, value) in map {
                let named: Vec<_> = children
                    .iter()
                    .filter(|c| c.tag_name().name() == key)
                    .collect();
                let items = match value {
                    Value::Array(items) => items.iter().collect(),
                    one => vec![one],
                };
                assert_eq!(named.len(), items.len(), "{at}.{key}");
                for (item, child) in items.into_iter().zip(named) {
                    assert_same(item, *child, &format!("{at}.{key}"));
                }
                used += map.get(key).map_or(0, |v| v.as_array().map_or(1, Vec::len));
            }
            assert_eq!(children.len(), used, "{at}: extra elements");
        }
        Value::String(s) => assert_eq!(&text_of(element), s, "{at}"),
        other => assert_eq!(text_of(element), other.to_string(), "{at}"),
    }
}

#[test]
fn awkward_values_round_trip_exactly() {
    let s = Scratch::new("xmlrel-round-trip");
    let script = attr(&awkward_script());
    s.write(
        "d.xml",
        &format!(
            r##"<setup rngSeed="11">
  <generate name="awkward" count="2000" target="NDJSON, XML" pageSize="173">
    <key name="v" script="{script}"/>
    <nestedKey name="inner">
      <key name="w" script="{script}"/>
    </nestedKey>
    <nestedKey name="items" type="list" count="2">
      <key name="u" script="{script}"/>
    </nestedKey>
    <variable name="a1" script="{script}"/>
    <variable name="a2" script="{script}"/>
    <variable name="a3" script="{script}"/>
    <key name="m" script="{{'k': a1}}"/>
    <array name="arr" script="[a2, a3]"/>
  </generate>
</setup>"##
        ),
    );
    ok(&s.0, &["run", "d.xml", "-t", "3"]);
    let ndjson = std::fs::read_to_string(s.path("output/awkward.ndjson")).unwrap();
    let xml = std::fs::read_to_string(s.path("output/awkward.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the XML output parses");
    let items: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| n.is_element())
        .collect();
    let records: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(items.len(), 2000);
    assert_eq!(records.len(), 2000);
    for (i, (record, item)) in records.iter().zip(items).enumerate() {
        assert_same(record, item, &format!("record {i}"));
    }
    // The pieces that used to be lost really occur.
    for needle in ["\r\n", "\r", "]]>", "😀", "\t"] {
        let count = records
            .iter()
            .filter(|r| r["v"].as_str().unwrap().contains(needle))
            .count();
        assert!(count > 50, "`{needle:?}` in only {count} records");
    }
}

#[test]
fn characters_xml_cannot_hold_fail_the_run_naming_record_and_field() {
    for (code, escape) in [
        ("U+0000", r"\x00"),
        ("U+0008", r"\x08"),
        ("U+000B", r"\x0B"),
        ("U+000C", r"\x0C"),
        ("U+001B", r"\x1B"),
        ("U+001F", r"\x1F"),
        ("U+FFFE", r"\uFFFE"),
        ("U+FFFF", r"\uFFFF"),
    ] {
        let script = attr(&format!(r#""bad{escape}value" if n == 1234 else "fine""#));
        run_fails(
            &format!("char-{code}"),
            &format!(
                r#"<setup rngSeed="1">
  <generate name="ok" count="3" target="XML"><key name="x" constant="1"/></generate>
  <generate name="people" count="2000" target="NDJSON, XML" pageSize="100">
    <key name="n" generator="IncrementGenerator"/>
    <nestedKey name="addr">
      <key name="street" script="{script}"/>
    </nestedKey>
  </generate>
</setup>"#
            ),
            &[
                "d.xml:3:3:",
                "`people` record 1233",
                "`addr.street`",
                code,
                "XML 1.0",
            ],
        );
    }
    // In a list, and as an array item.
    run_fails(
        "char-list",
        r#"<setup><generate name="g" count="1" target="XML">
  <nestedKey name="items" type="list" count="2"><key name="u" script="&quot;a\x01&quot;"/></nestedKey>
</generate></setup>"#,
        &["`g` record 0", "`items.u`", "U+0001"],
    );
    run_fails(
        "char-array",
        r#"<setup><generate name="g" count="1" target="XML">
  <array name="arr" script="[&quot;ok&quot;, &quot;\x02&quot;]"/>
</generate></setup>"#,
        &["`g` record 0", "`arr`", "U+0002"],
    );
    // Other formats hold them: only XML refuses.
    let s = Scratch::new("xmlrel-json-control");
    s.write(
        "d.xml",
        r#"<setup><generate name="g" count="1" target="NDJSON"><key name="c" script="&quot;\x01&quot;"/></generate></setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/g.ndjson")).unwrap(),
        "{\"c\":\"\\u0001\"}\n"
    );
}

#[test]
fn keys_that_are_not_xml_names_are_refused_where_they_are_written() {
    for (name, key) in [
        ("superscript", "a²"),
        ("digit", "1st"),
        ("space", "first name"),
        ("colon", "a:b"),
    ] {
        run_fails(
            &format!("key-{name}"),
            &format!(
                "<setup>\n<generate name=\"g\" count=\"1\" target=\"CSV, XML\">\n  <key name=\"{key}\" constant=\"1\"/>\n</generate>\n</setup>"
            ),
            &[
                "d.xml:3:14:",
                &format!("`{key}` is not a valid XML element name"),
            ],
        );
    }
    // A nested key inside a nested generate, and a list.
    run_fails(
        "key-nested",
        "<setup>\n<generate name=\"g\" count=\"1\" target=\"CSV\">\n<key name=\"ok\" constant=\"1\"/>\n<generate name=\"c\" count=\"1\" target=\"XML\">\n  <nestedKey name=\"x y\" type=\"list\"><key name=\"z\" constant=\"1\"/></nestedKey>\n</generate>\n</generate>\n</setup>",
        &["d.xml:5:20:", "`x y` is not a valid XML element name"],
    );
    run_fails(
        "key-array",
        "<setup><generate name=\"g\" count=\"1\" target=\"XML\"><array name=\"-a\" count=\"2\" type=\"int\"/></generate></setup>",
        &["d.xml:1:63:", "`-a` is not a valid XML element name"],
    );
    // A key a script makes: the run fails naming the record and the key.
    run_fails(
        "key-script",
        r#"<setup><generate name="g" count="5" target="XML"><key name="n" generator="IncrementGenerator"/><key name="m" script="{'a b': 1} if n == 4 else {'ab': 1}"/></generate></setup>"#,
        &["`g` record 3", "`m.a b`", "not a valid XML element name"],
    );
    // Names XML allows are kept as they are; without an XML target any name is fine.
    let s = Scratch::new("xmlrel-good-names");
    s.write(
        "d.xml",
        r#"<setup><generate name="g" count="1" target="XML"><key name="Straße" constant="1"/><key name="_x-y.z" constant="2"/><key name="xmlish" constant="3"/><key name="名前" constant="4"/></generate>
<generate name="h" count="1" target="CSV, JSON"><key name="a²" constant="1"/></generate></setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/g.xml")).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list>\n  <item><Straße>1</Straße><_x-y.z>2</_x-y.z><xmlish>3</xmlish><名前>4</名前></item>\n</list>\n"
    );
    assert_eq!(
        std::fs::read_to_string(s.path("output/h.csv")).unwrap(),
        "a²\n1\n"
    );
}

#[test]
fn csv_target_parameters_take_either_quote_style() {
    let s = Scratch::new("xmlrel-csv-params");
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="a" count="1" target="CSV(quotechar=&quot;'&quot;, quoting='all')"><key name="x" constant="1"/><key name="y" constant="it's"/></generate>
  <generate name="b" count="1" target='CSV(delimiter=";", quotechar="|", quoting="all")'><key name="x" constant="1"/><key name="y" constant="b"/></generate>
  <generate name="c" count="1" target="CSV(quotechar='&quot;', delimiter=';')"><key name="x" constant="a;b"/></generate>
  <generate name="d" count="1" target="CSV(delimiter=',', quotechar=&quot;'&quot;)"><key name="x" constant="a,b"/></generate>
  <generate name="e" count="1" separator='"' target="CSV(quotechar=&quot;'&quot;)"><key name="x" constant='a"b'/><key name="y" constant="c"/></generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let read = |f: &str| std::fs::read_to_string(s.path(f)).unwrap();
    // The separator is datamimic's default, `|`.
    assert_eq!(read("output/a.csv"), "'x'|'y'\n'1'|'it''s'\n");
    assert_eq!(read("output/b.csv"), "|x|;|y|\n|1|;|b|\n");
    assert_eq!(read("output/c.csv"), "x\n\"a;b\"\n");
    assert_eq!(read("output/d.csv"), "x\n'a,b'\n");
    assert_eq!(read("output/e.csv"), "x\"y\n'a\"b'\"c\n");
}

#[test]
fn bad_csv_parameters_say_what_is_wrong_where() {
    let at = |target: &str| {
        format!(
            "<setup>\n<generate name=\"g\" count=\"1\"\n  target=\"{}\"><key name=\"x\" constant=\"1\"/></generate>\n</setup>",
            attr(target)
        )
    };
    let m = run_fails(
        "param-typo",
        &at("CSV(quotchar=\"'\")"),
        &[
            "d.xml:3:11:",
            "unknown CSV parameter `quotchar`; did you mean `quotechar`?",
        ],
    );
    assert_eq!(m.matches("quotchar").count(), 1, "{m}");
    run_fails(
        "param-empty-quote",
        &at("CSV(quotechar='')"),
        &["d.xml:3:11:", "`quotechar`", "one ASCII character"],
    );
    run_fails(
        "param-long-quote",
        &at("CSV(quotechar='ab')"),
        &["d.xml:3:11:", "`quotechar`", "one ASCII character"],
    );
    run_fails(
        "param-unclosed",
        &at("CSV(delimiter=';)"),
        &["d.xml:3:11:", "unterminated"],
    );
    run_fails(
        "param-no-value",
        &at("CSV(quoting)"),
        &["d.xml:3:11:", "expected `name=value`"],
    );
    let m = run_fails(
        "param-same",
        &at("CSV(delimiter=';', quotechar=';')"),
        &["d.xml:3:11:", "`quotechar`", "`delimiter`"],
    );
    assert!(!m.contains("invalid CSV quote character"), "{m}");
    let m = run_fails(
        "separator-is-quote",
        "<setup>\n<generate name=\"g\" count=\"1\" separator='\"' target=\"CSV\"><key name=\"x\" constant=\"1\"/></generate>\n</setup>",
        &["d.xml:2:41:", "`separator`", "quote character"],
    );
    assert!(!m.contains("invalid CSV quote character"), "{m}");
    run_fails(
        "default-separator-is-quote",
        "<setup defaultSeparator=\"'\">\n<generate name=\"g\" count=\"1\" target=\"JSON, CSV(quotechar=&quot;'&quot;)\"><key name=\"x\" constant=\"1\"/></generate>\n</setup>",
        &[
            "d.xml:2:38:",
            "CSV `quotechar` `'` is also the separator (`defaultSeparator` at d.xml:1:26)",
        ],
    );
    run_fails(
        "delimiter-is-quote",
        &at("CSV(delimiter='\"')"),
        &["d.xml:3:11:", "`delimiter`", "quote character"],
    );
}

#[test]
fn separator_and_quote_options_blame_the_one_set() {
    let s = Scratch::new("xmlrel-cli-options");
    let m = fails(&s.0, &["generate", "Person", "--separator", "\""]);
    assert!(
        m.contains("`--separator`") && m.contains("quote character") && m.contains("`--quote`"),
        "{m}"
    );
    assert!(!m.contains("invalid CSV quote character"), "{m}");
    let m = fails(&s.0, &["generate", "Person", "--quote", ","]);
    assert!(m.contains("`--quote`") && m.contains("separator"), "{m}");
    let m = fails(
        &s.0,
        &["generate", "Person", "--separator", ";", "--quote", ";"],
    );
    assert!(
        m.contains("`--quote`") && m.contains("`--separator`"),
        "{m}"
    );
    let m = fails(&s.0, &["generate", "Person", "--separator", "ab"]);
    assert!(m.contains("`--separator`"), "{m}");
    let m = fails(&s.0, &["generate", "Person", "--quote", "a"]);
    assert!(m.contains("`--quote`"), "{m}");
    let quoted = ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "1",
            "--seed",
            "3",
            "--quote",
            "'",
            "--quoting",
            "all",
        ],
    );
    assert!(quoted.starts_with("'birthdate','given_name'"), "{quoted}");
    assert!(s.files(".").is_empty());
    // A failed `generate -o x.xml` leaves nothing either.
    let out = datamimic(&s.0, &["generate", "Person", "--quote", "a", "-o", "x.csv"]);
    assert!(!out.status.success());
    assert!(s.files(".").is_empty());
}
