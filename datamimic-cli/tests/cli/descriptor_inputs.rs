//! DATAMIMIC's TXT target, `minCount`/`maxCount`, JSON sources and weighted values
//! (`*.wgt.csv`).

use crate::{Scratch, fails, ok};

#[test]
fn txt_writes_a_python_repr_line_per_record() {
    let s = Scratch::new("txt-target");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <generate name="people" count="2" target="TXT">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" constant="O'Neil"/>
    <key name="score" constant="1" type="float"/>
    <key name="vip" script="id == 2"/>
    <nestedKey name="addr" type="dict"><key name="city" constant="Köln"/></nestedKey>
    <array name="tags" script="['a', 'b']"/>
    <key name="none" script="None"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let txt = std::fs::read_to_string(s.path("output/people.txt")).unwrap();
    assert_eq!(
        txt,
        "people: {'id': 1, 'name': \"O'Neil\", 'score': 1.0, 'vip': False, 'addr': {'city': 'Köln'}, 'tags': ['a', 'b'], 'none': None}\n\
         people: {'id': 2, 'name': \"O'Neil\", 'score': 1.0, 'vip': True, 'addr': {'city': 'Köln'}, 'tags': ['a', 'b'], 'none': None}\n"
    );
}

#[test]
fn min_and_max_count_draw_counts_within_bounds() {
    let s = Scratch::new("min-max-count");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <generate name="g" minCount="3" maxCount="40" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <nestedKey name="cars" type="list" minCount="0" maxCount="4"><key name="c" constant="x"/></nestedKey>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let first = std::fs::read_to_string(s.path("output/g.json")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&first).unwrap();
    assert!((3..=40).contains(&records.len()), "{}", records.len());
    let mut lengths = std::collections::BTreeSet::new();
    for record in &records {
        let cars = record["cars"].as_array().unwrap().len();
        assert!(cars <= 4);
        lengths.insert(cars);
    }
    assert!(lengths.len() > 1, "every record has {lengths:?} cars");
    // Seeded: the same counts again, whatever the thread count.
    ok(&s.0, &["run", "d.xml", "--threads", "1"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/g.json")).unwrap(),
        first
    );
    for (attrs, expected) in [
        (
            r#"count="2" minCount="1" maxCount="3""#,
            "d.xml:2:42: `minCount`: `minCount`/`maxCount` draw the count: leave out `count`",
        ),
        (
            r#"minCount="5" maxCount="3""#,
            "d.xml:2:32: `minCount`: 5 is above `maxCount` 3",
        ),
        (
            r#"minCount="5""#,
            "d.xml:2:32: `minCount`: needs a `maxCount`",
        ),
        (
            r#"minCount="0" maxCount="x""#,
            "d.xml:2:45: `maxCount`: `x` is not a non-negative integer",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" {attrs}><key name=\"k\" constant=\"1\"/></generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{attrs}: {err}");
    }
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"g\" count=\"1\"><nestedKey name=\"n\" minCount=\"1\" maxCount=\"2\"><key name=\"k\" constant=\"1\"/></nestedKey></generate>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("`count`: only a `type=\"list\"` nestedKey takes a count")
            || err.contains("`minCount`: only a `type=\"list\"` nestedKey takes a count"),
        "{err}"
    );
}

#[test]
fn json_files_are_rows_of_generates_and_variables() {
    let s = Scratch::new("json-source");
    std::fs::create_dir_all(s.path("data")).unwrap();
    s.write(
        "data/people.json",
        r#"[{"id": 1, "name": "Ann", "tags": ["a"], "addr": {"city": "X", "zip": "1"}, "score": 1.5},
 {"id": 2, "name": "Bob", "tags": [], "addr": {"city": "Y", "zip": "2"}, "score": null}]"#,
    );
    s.write(
        "d.xml",
        r#"<setup rngSeed="3">
  <generate name="people" source="data/people.json" target="JSON">
    <key name="greeting" script='"hi " + name + " of " + addr.city'/>
  </generate>
  <generate name="picks" count="3" target="CSV">
    <variable name="p" source="data/people.json" cyclic="True"/>
    <key name="who" script="p.name"/>
    <key name="zip" script="p.addr.zip"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/people.json")).unwrap(),
        "[\n{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\"],\"addr\":{\"city\":\"X\",\"zip\":\"1\"},\"score\":1.5,\"greeting\":\"hi Ann of X\"},\n\
         {\"id\":2,\"name\":\"Bob\",\"tags\":[],\"addr\":{\"city\":\"Y\",\"zip\":\"2\"},\"score\":null,\"greeting\":\"hi Bob of Y\"}\n]\n"
    );
    assert_eq!(
        std::fs::read_to_string(s.path("output/picks.csv")).unwrap(),
        "who|zip\nAnn|1\nBob|2\nAnn|1\n"
    );
    for (json, expected) in [
        (
            "[{\"a\": 1},\n {\"a\": }]",
            "data/people.json:2:8: not valid JSON: expected value (the",
        ),
        (
            "[1, 2]",
            "data/people.json: element 1 of the array is a number, not an object",
        ),
        (
            "\"x\"",
            "data/people.json:1:1: a JSON source is an array of objects, not a string",
        ),
        (
            "[{\"big\": 18446744073709551615}]",
            "data/people.json: element 1 of the array, `big`: 18446744073709551615 is beyond the 64-bit integer range",
        ),
    ] {
        s.write("data/people.json", json);
        s.write(
            "d.xml",
            "<setup>\n  <generate name=\"people\" source=\"data/people.json\"/>\n</setup>",
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{json}: {err}");
        assert!(err.contains("(the `source` at d.xml:2:35)"), "{err}");
    }
}

#[test]
fn weighted_values_are_drawn_by_weight() {
    let s = Scratch::new("wgt-source");
    std::fs::create_dir_all(s.path("data")).unwrap();
    s.write("data/active.wgt.csv", "true|80\nfalse|20\n");
    s.write("data/colors.wgt.csv", "red|1\ndark|blue|3\ngreen\n");
    s.write(
        "d.xml",
        r#"<setup rngSeed="9">
  <generate name="g" count="2000" target="CSV">
    <key name="active" type="bool" source="data/active.wgt.csv"/>
    <variable name="c" source="data/colors.wgt.csv"/>
    <key name="color" script="c"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let csv = std::fs::read_to_string(s.path("output/g.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("active|color"));
    let mut active = 0;
    let mut colors = std::collections::BTreeMap::new();
    for line in lines {
        // `dark|blue` holds the separator, so it is quoted.
        let (flag, color) = line.split_once('|').unwrap();
        active += usize::from(flag == "true");
        assert!(flag == "true" || flag == "false", "{line}");
        *colors.entry(color.to_owned()).or_insert(0) += 1;
    }
    assert!((1500..1700).contains(&active), "{active} of 2000 active");
    assert_eq!(
        colors.keys().collect::<Vec<_>>(),
        ["\"dark|blue\"", "green", "red"]
    );
    assert!(colors["\"dark|blue\""] > colors["red"] * 2, "{colors:?}");
    for (file, attrs, expected) in [
        (
            "true|80\nfalse|lots\n",
            "",
            "data/active.wgt.csv:2:7: the weight `lots` is not a non-negative number (the `source` at d.xml:2:54)",
        ),
        (
            "\n",
            "",
            "d.xml:2:54: `source`: `data/active.wgt.csv` has no values",
        ),
    ] {
        s.write("data/active.wgt.csv", file);
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" count=\"1\"><key name=\"a\" source=\"data/active.wgt.csv\" {attrs}/></generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{file}: {err}");
    }
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"g\" count=\"1\"><key name=\"a\" source=\"data/x.ent.csv\"/></generate>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "d.xml:2:54: `source`: `data/x.ent.csv`: a `<key>` reads weighted values (`*.wgt.csv`)"
        ),
        "{err}"
    );
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"g\" source=\"data/active.wgt.csv\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "`data/active.wgt.csv`: weighted values (`*.wgt.csv`) go on a `<key>` or `<variable>`"
        ),
        "{err}"
    );
}

#[test]
fn a_descriptors_errors_are_reported_together() {
    let s = Scratch::new("all-errors");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <generate name="g" count="2" target="JSON">
    <key name="a" generator="IntegerGenerater"/>
    <key name="b" type="strin"/>
    <generate name="h" count="x"/>
  </generate>
  <variable name="v" constant="1" bogus="2"/>
  <generate name="k" count="1" target="CVS"><key name="c" constant="1"/></generate>
</setup>"#,
    );
    let out = crate::datamimic(&s.0, &["run", "d.xml"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "datamimic: error: d.xml:3:30: `generator`: unknown generator `IntegerGenerater`; did you mean `IntegerGenerator`?\n\
         d.xml:4:25: `type`: unknown type `strin`; did you mean `string`?\n\
         d.xml:5:31: `count`: `x` is not a non-negative integer\n\
         d.xml:7:35: unknown attribute `bogus` on `<variable>`; allowed: name, entity, dataset, locale, ageMin, ageMax, conditionsInclude, conditionsExclude, rngSeed, script, constant, values, weights, pattern, type, min, max, generator, source, cyclic, distribution, separator, selector, converter, inDateFormat, outDateFormat\n\
         d.xml:8:40: `target`: unknown target `CVS`; did you mean `CSV`?\n\
         5 errors in the descriptor"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn generator_names_are_suggested_by_what_differs() {
    let s = Scratch::new("generator-names");
    for (generator, expected) in [
        (
            "BirthdateGenerator",
            "`generator`: DATAMIMIC's generator `BirthdateGenerator` is not supported yet; known generators: IncrementGenerator,",
        ),
        (
            "BirthdateGenerator(random=True)",
            "`generator`: DATAMIMIC's generator `BirthdateGenerator` is not supported yet",
        ),
        (
            "UUIDGen",
            "`generator`: unknown generator `UUIDGen`; did you mean `UUIDGenerator`?",
        ),
        (
            "FloatGenrator(min=1)",
            "`generator`: unknown generator `FloatGenrator`; did you mean `FloatGenerator`?",
        ),
        (
            "ShoeGenerator",
            "`generator`: unknown generator `ShoeGenerator`; known generators: IncrementGenerator,",
        ),
        // Generators served by scripts are suggested and listed too.
        (
            "DomainGeneratr",
            "`generator`: unknown generator `DomainGeneratr`; did you mean `DomainGenerator`?",
        ),
        (
            "DataFakerGenerater('vin')",
            "`generator`: unknown generator `DataFakerGenerater`; did you mean `DataFakerGenerator`?",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" count=\"1\"><key name=\"a\" generator=\"{generator}\"/></generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(
            err.contains(&format!("d.xml:2:57: {expected}")),
            "{generator}: {err}"
        );
        if expected.contains("known generators") {
            assert!(
                err.contains("DomainGenerator, UrlGenerator")
                    && err.contains("StreetNameGenerator, DataFakerGenerator"),
                "{err}"
            );
        }
    }
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"g\" count=\"1\"><key name=\"a\" constant=\"x\" converter=\"JavaHash\"/></generate>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("`converter`: DATAMIMIC's converter `JavaHash` is not supported yet"),
        "{err}"
    );
}

#[test]
fn string_generator_draws_lengths_and_characters_as_datamimic() {
    let s = Scratch::new("string-generator");
    s.write(
        "d.xml",
        r#"<setup rngSeed="6">
  <generate name="g" count="300" target="CSV">
    <key name="password" generator="StringGenerator(max_len=20)"/>
    <key name="code" generator="StringGenerator(min_len=3, max_len=3, char_set='xy', prefix='C-')"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let csv = std::fs::read_to_string(s.path("output/g.csv")).unwrap();
    let mut lengths = std::collections::BTreeSet::new();
    for line in csv.lines().skip(1) {
        let (password, code) = line.split_once('|').unwrap();
        assert!((10..=20).contains(&password.len()), "{line}");
        assert!(
            password.chars().all(|c| c.is_ascii_alphanumeric()),
            "{line}"
        );
        lengths.insert(password.len());
        let body = code.strip_prefix("C-").unwrap();
        assert!(
            body.len() == 3 && body.chars().all(|c| c == 'x' || c == 'y'),
            "{line}"
        );
    }
    assert_eq!(lengths.len(), 11, "{lengths:?}");
    for (generator, expected) in [
        (
            "StringGenerator(min_len=5, max_len=2)",
            "`generator`: StringGenerator: `min_len` 5 is above `max_len` 2",
        ),
        (
            "StringGenerator(max_length=5)",
            "`generator`: StringGenerator: unknown parameter `max_length`; did you mean `max_len`?",
        ),
        (
            "StringGenerator(char_set='[a-z]')",
            "`generator`: StringGenerator: `char_set` `[a-z]`: regular expressions as character sets are not supported yet",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" count=\"1\"><key name=\"a\" generator=\"{generator}\"/></generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(
            err.contains(&format!("d.xml:2:57: {expected}")),
            "{generator}: {err}"
        );
    }
}

/// `CPFGenerator` and `CNPJGenerator`: Brazilian taxpayer numbers with valid check digits,
/// punctuated as DATAMIMIC writes them.
#[test]
fn cpf_and_cnpj_generators_give_valid_numbers() {
    let s = Scratch::new("br-generators");
    s.write(
        "d.xml",
        r#"<setup rngSeed="4">
  <generate name="t" count="50" target="CSV">
    <key name="cpf" generator="CPFGenerator"/>
    <key name="cnpj" generator="CNPJGenerator"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let text = std::fs::read_to_string(s.path("output/t.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("cpf|cnpj"));
    for line in lines {
        let (cpf, cnpj) = line.split_once('|').unwrap();
        assert!(
            datamimic::ident::br::cpf_is_valid(cpf) && cpf.len() == 14,
            "{line}"
        );
        assert!(
            datamimic::ident::br::cnpj_is_valid(cnpj) && cnpj.len() == 18,
            "{line}"
        );
    }
    s.write(
        "d.xml",
        r#"<setup><generate name="t" count="1" target="CSV"><key name="c" generator="CPFGenerator(min=1)"/></generate></setup>"#,
    );
    assert!(fails(&s.0, &["run", "d.xml"]).contains("`CPFGenerator` takes no arguments"));
}
