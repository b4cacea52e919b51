//! Smaller DATAMIMIC descriptor forms: `locale`/`defaultLocale`, `IncrementGenerator(start,
//! step)`, entity constructor arguments and random values of a bare `type`.

use crate::{Scratch, fails, ok};

/// Runs `descriptor` (seeded inside) and returns `output/t.csv`.
fn run_csv(s: &Scratch, descriptor: &str) -> String {
    s.write("d.xml", descriptor);
    ok(&s.0, &["run", "d.xml"]);
    std::fs::read_to_string(s.path("output/t.csv")).unwrap()
}

/// A descriptor writing 40 people's names from the variable given.
fn people(setup_attrs: &str, variable_attrs: &str) -> String {
    format!(
        r#"<setup rngSeed="3" {setup_attrs}>
  <generate name="t" count="40" target="CSV">
    <variable name="p" entity="Person" {variable_attrs}/>
    <key name="given" script="p.given_name"/>
    <key name="family" script="p.family_name"/>
  </generate>
</setup>"#
    )
}

#[test]
fn a_locale_selects_the_dataset_of_its_country() {
    let s = Scratch::new("small-locale");
    let german = run_csv(&s, &people("", r#"dataset="DE""#));
    let american = run_csv(&s, &people("", r#"dataset="US""#));
    assert_ne!(german, american, "the datasets differ");
    assert_eq!(run_csv(&s, &people("", r#"locale="de_DE""#)), german);
    assert_eq!(run_csv(&s, &people("", r#"locale="de""#)), german);
    assert_eq!(run_csv(&s, &people("", r#"locale="en_US""#)), american);
    assert_eq!(
        run_csv(&s, &people("", r#"dataset="DE" locale="de_DE""#)),
        german
    );
    assert_eq!(run_csv(&s, &people(r#"defaultLocale="de_DE""#, "")), german);
    // `defaultDataset` wins over `defaultLocale`; a variable's own locale over both.
    assert_eq!(
        run_csv(
            &s,
            &people(r#"defaultDataset="US" defaultLocale="de_DE""#, "")
        ),
        american
    );
    assert_eq!(
        run_csv(&s, &people(r#"defaultDataset="US""#, r#"locale="de_DE""#)),
        german
    );
}

#[test]
fn unknown_ambiguous_or_contradicting_locales_are_positioned_errors() {
    let s = Scratch::new("small-locale-bad");
    s.write("a.xml", &people("", r#"locale="english""#));
    let e = fails(&s.0, &["run", "a.xml"]);
    assert!(
        e.contains("a.xml:3:") && e.contains("unknown locale `english`"),
        "{e}"
    );
    s.write("b.xml", &people("", r#"locale="en""#));
    let e = fails(&s.0, &["run", "b.xml"]);
    assert!(
        e.contains("b.xml:3:") && e.contains("no single country"),
        "{e}"
    );
    s.write("c.xml", &people("", r#"dataset="US" locale="de_DE""#));
    let e = fails(&s.0, &["run", "c.xml"]);
    assert!(
        e.contains("c.xml:3:") && e.contains("names dataset DE, but `dataset` is `US`"),
        "{e}"
    );
    s.write("d.xml", &people(r#"defaultLocale="xx_""#, ""));
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("d.xml:1:") && e.contains("`defaultLocale`"),
        "{e}"
    );
    assert!(!s.path("output/t.csv").exists());
}

fn ids(generator: &str, count: u32) -> String {
    format!(
        r#"<setup rngSeed="1">
  <generate name="t" count="{count}" target="CSV">
    <key name="id" generator="{generator}"/>
  </generate>
</setup>"#
    )
}

fn column(csv: &str) -> Vec<String> {
    csv.lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn increment_generator_takes_start_and_step() {
    let s = Scratch::new("small-increment");
    assert_eq!(
        column(&run_csv(&s, &ids("IncrementGenerator", 3))),
        ["1", "2", "3"]
    );
    assert_eq!(
        column(&run_csv(&s, &ids("IncrementGenerator(start=1000)", 3))),
        ["1000", "1001", "1002"]
    );
    assert_eq!(
        column(&run_csv(
            &s,
            &ids("IncrementGenerator(start=0, step=-5)", 3)
        )),
        ["0", "-5", "-10"]
    );
    // The last value that fits is written.
    let last = run_csv(&s, &ids("IncrementGenerator(start=9223372036854775806)", 2));
    assert_eq!(
        column(&last),
        ["9223372036854775806", "9223372036854775807"]
    );
}

#[test]
fn increment_generator_overflow_and_bad_arguments_are_positioned_errors() {
    let s = Scratch::new("small-increment-bad");
    s.write(
        "o.xml",
        &ids("IncrementGenerator(start=9223372036854775806)", 3),
    );
    let e = fails(&s.0, &["run", "o.xml"]);
    assert!(
        e.contains("o.xml:3:") && e.contains("leaves the 64-bit integer range on record 2"),
        "{e}"
    );
    assert!(!s.path("output/t.csv").exists(), "no partial output");
    for (generator, message) in [
        (
            "IncrementGenerator(strat=5)",
            "unknown `IncrementGenerator` argument `strat`; did you mean `start`?",
        ),
        (
            "IncrementGenerator(start=x)",
            "`start`: `x` is not a 64-bit integer",
        ),
        (
            "IncrementGenerator(step=99999999999999999999)",
            "`step`: `99999999999999999999` is not a 64-bit integer",
        ),
        (
            "IncrementGenerator(start=1, start=2)",
            "`start` given twice",
        ),
        ("IncrementGenerator(5)", "expected `name=value`"),
    ] {
        s.write("b.xml", &ids(generator, 1));
        let e = fails(&s.0, &["run", "b.xml"]);
        assert!(
            e.contains("b.xml:3:") && e.contains(message),
            "{generator}: {e}"
        );
    }
}

#[test]
fn entity_constructor_arguments_set_the_age_range() {
    let s = Scratch::new("small-entity-args");
    let body = |variable: &str| {
        format!(
            r#"<setup rngSeed="9">
  <generate name="t" count="200" target="CSV">
    <variable name="p" {variable}/>
    <key name="age" script="p.age"/>
  </generate>
</setup>"#
        )
    };
    let constructed = run_csv(&s, &body(r#"entity="Person(min_age=30, max_age=31)""#));
    let attributes = run_csv(&s, &body(r#"entity="Person" ageMin="30" ageMax="31""#));
    assert_eq!(constructed, attributes);
    let ages = column(&constructed);
    assert_eq!(ages.len(), 200);
    assert!(ages.iter().all(|a| a == "30" || a == "31"), "{ages:?}");
    for (variable, message) in [
        (
            r#"entity="Person(min_age=18, max_aeg=65)""#,
            "unknown entity argument `max_aeg`; did you mean `max_age`?",
        ),
        (
            r#"entity="Person(female_quota=1.5)""#,
            "`female_quota`: `1.5` is not a share between 0 and 1",
        ),
        (
            r#"entity="Person(female_quota=0.7, other_gender_quota=0.4)""#,
            "add up to more than 1",
        ),
        (
            r#"entity="Company(female_quota=0.5)""#,
            "entity `Company` does not take `female_quota`; only Person takes quotas",
        ),
        (
            r#"entity="Person(min_age=-1)""#,
            "`min_age`: `-1` is not a non-negative integer",
        ),
        (r#"entity="Person(min_age=18""#, "missing `)`"),
        (
            r#"entity="Person(min_age=18)" ageMin="20""#,
            "given twice: as `ageMin` and as `min_age`",
        ),
        (r#"entity="Persn(min_age=18)""#, "unknown entity `Persn`"),
        (
            r#"entity="Person(min_age=70, max_age=20)""#,
            "`entity`: `min_age` 70 is above `max_age` 20",
        ),
    ] {
        s.write("b.xml", &body(variable));
        let e = fails(&s.0, &["run", "b.xml"]);
        assert!(
            e.contains("b.xml:3:") && e.contains(message),
            "{variable}: {e}"
        );
    }
}

#[test]
fn entity_constructor_quotas_set_person_config() {
    let s = Scratch::new("small-entity-quotas");
    let body = |entity: &str| {
        format!(
            r#"<setup rngSeed="9">
  <generate name="t" count="400" target="CSV">
    <variable name="p" entity="{entity}"/>
    <key name="gender" script="p.gender"/>
    <key name="age" script="p.age"/>
  </generate>
</setup>"#
        )
    };
    let genders = |csv: &str| -> Vec<String> {
        csv.lines()
            .skip(1)
            .map(|l| l.split('|').next().unwrap().to_owned())
            .collect()
    };
    let women = run_csv(
        &s,
        &body("Person(female_quota=1.0, min_age=40, max_age=41)"),
    );
    assert_eq!(genders(&women).len(), 400);
    assert!(genders(&women).iter().all(|g| g == "female"), "{women}");
    assert!(
        women
            .lines()
            .skip(1)
            .all(|l| l.ends_with("|40") || l.ends_with("|41")),
        "{women}"
    );
    let men = run_csv(&s, &body("Person(female_quota=0, other_gender_quota=0.0)"));
    assert!(genders(&men).iter().all(|g| g == "male"), "{men}");
    let half = run_csv(&s, &body("Person(female_quota=0.5)"));
    let female = genders(&half).iter().filter(|g| *g == "female").count();
    assert!((150..=250).contains(&female), "{female} of 400");
}

#[test]
fn a_generates_process_count_leaves_its_records_as_they_are() {
    let s = Scratch::new("small-num-process");
    let body = |attrs: &str| {
        format!(
            r#"<setup rngSeed="5">
  <generate name="t" count="50" target="CSV" {attrs}>
    <variable name="p" entity="Person"/>
    <key name="name" script="p.full_name"/>
  </generate>
</setup>"#
        )
    };
    let plain = run_csv(&s, &body(""));
    assert_eq!(
        run_csv(&s, &body(r#"multiprocessing="True" numProcess="4""#)),
        plain
    );
}

#[test]
fn a_bare_string_or_bool_type_gives_random_letters_or_booleans() {
    let s = Scratch::new("small-bare-type");
    let csv = run_csv(
        &s,
        r#"<setup rngSeed="4">
  <generate name="t" count="300" target="CSV">
    <key name="s" type="string"/>
    <key name="b" type="bool"/>
  </generate>
</setup>"#,
    );
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split('|').collect())
        .collect();
    assert_eq!(rows.len(), 300);
    let mut lengths = std::collections::BTreeSet::new();
    let mut bools = std::collections::BTreeSet::new();
    for row in &rows {
        let text = row[0];
        assert!(
            text.len() <= 20 && text.bytes().all(|b| b.is_ascii_alphabetic()),
            "{text}"
        );
        lengths.insert(text.len());
        bools.insert(row[1]);
    }
    assert!(lengths.len() > 10, "lengths vary: {lengths:?}");
    assert!(lengths.iter().any(|&l| l > 3), "{lengths:?}");
    assert_eq!(bools.into_iter().collect::<Vec<_>>(), ["false", "true"]);
}

#[test]
fn min_and_max_on_a_string_or_bool_type_are_positioned_errors() {
    let s = Scratch::new("small-bare-type-bad");
    for (key, message) in [
        (
            r#"<key name="s" type="string" min="1" max="5"/>"#,
            "`min`: `min`/`max` go with `type=\"int\"` or `\"float\"`, not `string`",
        ),
        (
            r#"<key name="b" type="bool" max="1"/>"#,
            "`max`: `min`/`max` go with `type=\"int\"` or `\"float\"`, not `bool`",
        ),
    ] {
        s.write(
            "b.xml",
            &format!(
                "<setup>\n  <generate name=\"t\" count=\"1\" target=\"CSV\">\n    {key}\n  </generate>\n</setup>"
            ),
        );
        let e = fails(&s.0, &["run", "b.xml"]);
        assert!(e.contains("b.xml:3:") && e.contains(message), "{key}: {e}");
    }
}

/// Runs `body` inside a seeded generate of 4 records with an `id` 1..4, written as JSON.
fn run_json(s: &Scratch, body: &str) -> String {
    s.write(
        "d.xml",
        &format!(
            r#"<setup rngSeed="2">
  <generate name="t" count="4" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    {body}
  </generate>
</setup>"#
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    std::fs::read_to_string(s.path("output/t.json")).unwrap()
}

#[test]
fn a_key_condition_writes_the_key_or_its_default_value() {
    let s = Scratch::new("small-key-condition");
    let json = run_json(
        &s,
        r#"<key name="even" constant="yes" condition="id % 2 == 0" defaultValue='"no " + str(id)'/>
    <key name="big" script="id * 10" condition="id > 2" defaultValue="None"/>
    <key name="odd" constant="x" condition="id % 2 == 1"/>
    <key name="after" script="even + '!'"/>"#,
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        records,
        serde_json::json!([
            {"id": 1, "even": "no 1", "big": null, "odd": "x", "after": "no 1!"},
            {"id": 2, "even": "yes", "big": null, "after": "yes!"},
            {"id": 3, "even": "no 3", "big": 30, "odd": "x", "after": "no 3!"},
            {"id": 4, "even": "yes", "big": 40, "after": "yes!"},
        ])
        .as_array()
        .unwrap()
        .clone()
    );
}

#[test]
fn bad_key_conditions_and_defaults_are_positioned_errors() {
    let s = Scratch::new("small-key-condition-bad");
    for (key, message) in [
        (
            r#"<key name="k" constant="1" defaultValue="0"/>"#,
            "d.xml:4:46: `defaultValue`: `defaultValue` is written where `condition` does not hold",
        ),
        (
            r#"<key name="k" constant="1" condition="id +"/>"#,
            "`condition`: script does not compile",
        ),
        (
            r#"<key name="k" constant="1" condition="id > 1" defaultValue="(("/>"#,
            "`defaultValue`: script does not compile",
        ),
        (
            r#"<key name="k" constant="1" condition="id"/>"#,
            "d.xml:4:5: condition gave a i64, not a bool, on record 0",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup rngSeed="2">
  <generate name="t" count="4" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    {key}
  </generate>
</setup>"#
            ),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(e.contains("d.xml:4:") && e.contains(message), "{key}: {e}");
        assert!(!s.path("output/t.json").exists());
    }
}

#[test]
fn a_list_holds_one_dict_per_item_and_null_where_its_condition_fails() {
    let s = Scratch::new("small-list");
    let json = run_json(
        &s,
        r#"<list name="phones">
      <item>
        <key name="kind" constant="home"/>
        <key name="n" script="id * 100"/>
        <key name="twice" script="n * 2"/>
      </item>
      <item condition="id % 2 == 0">
        <key name="kind" constant="work"/>
        <nestedKey name="extra" type="dict"><key name="of" script="id"/></nestedKey>
      </item>
      <item/>
    </list>
    <key name="first" script="phones[0].kind"/>"#,
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(records.len(), 4);
    assert_eq!(
        records[0],
        serde_json::json!({"id": 1, "phones": [
            {"kind": "home", "n": 100, "twice": 200}, null, {}
        ], "first": "home"})
    );
    assert_eq!(
        records[1],
        serde_json::json!({"id": 2, "phones": [
            {"kind": "home", "n": 200, "twice": 400}, {"kind": "work", "extra": {"of": 2}}, {}
        ], "first": "home"})
    );
}

#[test]
fn bad_lists_are_positioned_errors() {
    let s = Scratch::new("small-list-bad");
    for (list, message) in [
        (
            r#"<list name="l"></list>"#,
            "d.xml:4:5: `<list>` needs at least one `<item>`",
        ),
        (
            r#"<list><item/></list>"#,
            "d.xml:4:5: `<list>` needs a `name` attribute",
        ),
        (
            r#"<list name="l"><key name="k" constant="1"/></list>"#,
            "d.xml:4:20: unknown element `<key>` in `<list>`; allowed: item",
        ),
        (
            r#"<list name="l"><item when="true"/></list>"#,
            "d.xml:4:26: unknown attribute `when` on `<item>`",
        ),
        (
            r#"<list name="l" converter="UpperCase"><item/></list>"#,
            "d.xml:4:31: `converter`: `UpperCase` does not apply to a `<list>`; only \
             `RemoveNoneOrEmptyElement` does",
        ),
        (
            r#"<list name="l" converter="RemoveNoneOrEmptyElements"><item/></list>"#,
            "did you mean `RemoveNoneOrEmptyElement`?",
        ),
        (
            r#"<list name="l"><item><variable name="k" constant="1"/><variable name="k" constant="2"/></item></list>"#,
            "duplicate variable `k`",
        ),
        (
            r#"<list name="l"><item condition="id"/></list>"#,
            "d.xml:4:20: condition gave a i64, not a bool, on record 0",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup rngSeed="2">
  <generate name="t" count="4" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    {list}
  </generate>
</setup>"#
            ),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(e.contains("d.xml:4:") && e.contains(message), "{list}: {e}");
        assert!(!s.path("output/t.json").exists());
    }
}

#[test]
fn datamimic_address_property_names_point_to_ours() {
    let s = Scratch::new("small-renamed-properties");
    // `zip_code` is DATAMIMIC's property of the postal code: it reads (demo-healthcare).
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="t" count="2" target="JSON">
    <variable name="a" entity="Address" dataset="DE"/>
    <key name="z" script="a.zip_code"/>
    <key name="p" script="a.postal_code"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/t.json")).unwrap()).unwrap();
    for r in &records {
        assert_eq!(r["z"], r["p"], "{r}");
        assert_eq!(r["z"].as_str().unwrap().len(), 5, "{r}");
    }
    std::fs::remove_dir_all(s.path("output")).unwrap();
    for (property, message) in [
        ("zip_cod", "`a` has no property `zip_cod`"),
        ("office_phon", "`a` has no property `office_phon`"),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup rngSeed="2">
  <generate name="t" count="2" target="JSON">
    <variable name="a" entity="Address" dataset="DE"/>
    <key name="z" script="a.{property}"/>
  </generate>
</setup>"#
            ),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(
            e.contains("d.xml:4:") && e.contains(message),
            "{property}: {e}"
        );
        assert!(!s.path("output/t.json").exists());
    }
    // An Address has DATAMIMIC's `office_phone` (its `phone`) and `private_phone`; a
    // person's address, a part of the person, has only datamimic's `phone`.
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="t" count="2" target="JSON">
    <variable name="a" entity="Address" dataset="DE"/>
    <variable name="p" entity="Person" dataset="DE"/>
    <key name="office" script="a.office_phone"/>
    <key name="phone" script="a.phone"/>
    <key name="private" script="a.private_phone"/>
    <key name="other" script="p.address.office_phone"/>
  </generate>
</setup>"#,
    );
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("d.xml:8:") && e.contains("`p.address` has no property `office_phone`; DATAMIMIC's `office_phone` is `phone` here"),
        "{e}"
    );
    s.write(
        "d.xml",
        &std::fs::read_to_string(s.path("d.xml")).unwrap().replace(
            "    <key name=\"other\" script=\"p.address.office_phone\"/>\n",
            "",
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/t.json")).unwrap()).unwrap();
    for r in written.as_array().unwrap() {
        let (office, private) = (
            r["office"].as_str().unwrap(),
            r["private"].as_str().unwrap(),
        );
        assert_eq!(office, r["phone"]);
        let lead = |p: &str| p.rsplit_once(' ').map(|(l, n)| (l.to_owned(), n.len()));
        assert!(
            office.starts_with("+49 ") && lead(office) == lead(private),
            "{r}"
        );
    }
}

#[test]
fn remove_none_or_empty_element_drops_null_and_empty_items() {
    let s = Scratch::new("small-list-remove-empty");
    let json = run_json(
        &s,
        r#"<list name="kept" converter="RemoveNoneOrEmptyElement">
      <item><key name="odd" script="id" condition="id % 2 == 1"/></item>
      <item condition="id == 2"><key name="two" script="id"/></item>
      <item><key name="blank" constant=""/><key name="none" script="None"/></item>
    </list>
    <list name="plain">
      <item><key name="odd" script="id" condition="id % 2 == 1"/></item>
      <item condition="id == 2"><key name="two" script="id"/></item>
    </list>"#,
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let lists: Vec<_> = records.iter().map(|r| (&r["kept"], &r["plain"])).collect();
    assert_eq!(
        serde_json::json!(lists),
        serde_json::json!([
            [[{"odd": 1}], [{"odd": 1}, null]],
            [[{"two": 2}], [{}, {"two": 2}]],
            [[{"odd": 3}], [{"odd": 3}, null]],
            [[], [{}, null]],
        ])
    );
}

#[test]
fn a_nested_key_condition_writes_the_dict_or_its_default_value() {
    let s = Scratch::new("small-nested-condition");
    let json = run_json(
        &s,
        r#"<nestedKey name="odd" type="dict" condition="id % 2 == 1" defaultValue="None">
      <key name="of" script="id"/>
    </nestedKey>
    <nestedKey name="big" type="list" count="1" condition="id > 3" defaultValue="2023">
      <key name="n" script="id"/>
    </nestedKey>
    <nestedKey name="first" type="dict" condition="id == 1"><key name="one" constant="1"/></nestedKey>"#,
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        serde_json::json!(records),
        serde_json::json!([
            {"id": 1, "odd": {"of": 1}, "big": 2023, "first": {"one": "1"}},
            {"id": 2, "odd": null, "big": 2023},
            {"id": 3, "odd": {"of": 3}, "big": 2023},
            {"id": 4, "odd": null, "big": [{"n": 4}]},
        ])
    );
    s.write(
        "b.xml",
        r#"<setup>
  <generate name="t" count="1" target="JSON">
    <nestedKey name="e" type="dict" defaultValue="[]"><key name="k" constant="1"/></nestedKey>
  </generate>
</setup>"#,
    );
    let e = fails(&s.0, &["run", "b.xml"]);
    assert!(
        e.contains(
            "b.xml:3:51: `defaultValue`: `defaultValue` is written where `condition` does not hold"
        ),
        "{e}"
    );
}

/// As in DATAMIMIC, a nestedKey's `defaultValue` stands in where its script fails or gives
/// neither a list nor a dict; an empty script always does.
#[test]
fn a_nested_key_script_falls_back_to_its_default_value() {
    let s = Scratch::new("small-nested-fallback");
    let json = run_json(
        &s,
        r#"<nestedKey name="empty" script="" defaultValue="[]"/>
    <nestedKey name="undefined" script="null" defaultValue="{}"/>
    <nestedKey name="scalar" script="None" defaultValue="[1]"/>
    <nestedKey name="kept" script="[id]" defaultValue="[]"/>"#,
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let expected: Vec<serde_json::Value> = (1..=4)
        .map(|id| serde_json::json!({"id": id, "empty": [], "undefined": {}, "scalar": [1], "kept": [id]}))
        .collect();
    assert_eq!(records, expected);
    let e = fails_with(&s, r#"<nestedKey name="n" script="" defaultValue="[(]"/>"#);
    assert!(e.contains("`defaultValue`: script does not compile"), "{e}");
}

fn fails_with(s: &Scratch, body: &str) -> String {
    s.write(
        "d.xml",
        &format!(
            r#"<setup rngSeed="2">
  <generate name="t" count="4" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    {body}
  </generate>
</setup>"#
        ),
    );
    fails(&s.0, &["run", "d.xml"])
}

/// `<echo>` among a record's statements prints, on standard error, for every record that
/// reaches it, with `{expr}` over the record's names.
#[test]
fn an_echo_in_a_branch_prints_for_each_record_that_reaches_it() {
    let s = Scratch::new("small-echo-branch");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="t" count="4" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <condition>
      <if condition="id % 2 == 0"><echo>even {id}</echo><key name="k" constant="e"/></if>
      <else><echo>odd</echo></else>
    </condition>
    <nestedKey name="n"><echo>nested {id * 10}</echo></nestedKey>
  </generate>
</setup>"#,
    );
    let out = crate::datamimic(&s.0, &["run", "d.xml", "--threads", "1"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let mut lines: Vec<&str> = stderr.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "even 2",
            "even 4",
            "nested 10",
            "nested 20",
            "nested 30",
            "nested 40",
            "odd",
            "odd"
        ]
    );
    let json = std::fs::read_to_string(s.path("output/t.json")).unwrap();
    assert!(json.contains(r#"{"id":2,"k":"e","n":{}}"#), "{json}");
    let e = fails_with(
        &s,
        r#"<condition><if condition="True"><echo>{id +}</echo></if></condition>"#,
    );
    assert!(e.contains("`<echo>`: expression does not compile"), "{e}");
}

/// `type` naming the generate itself is DATAMIMIC's default and changes nothing.
#[test]
fn a_type_equal_to_the_name_is_accepted() {
    let s = Scratch::new("small-type-name");
    s.write(
        "d.xml",
        r#"<setup><generate name="t" type="t" count="2" target="CSV"><key name="k" constant="1"/></generate></setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/t.csv")).unwrap(),
        "k\n1\n1\n"
    );
}

/// A nested generate's scripts read the enclosing records' variables and keys by their bare
/// names (as in DATAMIMIC), besides `parent`; its own names shadow them.
#[test]
fn a_nested_generate_sees_its_parents_names() {
    let s = Scratch::new("small-parent-names");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="outer" count="2">
    <variable name="base" script="100"/>
    <key name="id" generator="IncrementGenerator"/>
    <generate name="middle" count="2">
      <variable name="step" script="10"/>
      <key name="mid" script="step * 2"/>
      <generate name="inner" count="1" target="NDJSON">
        <key name="sum" script="base + id + step"/>
        <key name="id" script="parent.mid"/>
        <key name="own" script="id"/>
      </generate>
    </generate>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--threads", "2"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/inner.ndjson")).unwrap(),
        "{\"sum\":111,\"id\":20,\"own\":20}\n".repeat(2)
            + &"{\"sum\":112,\"id\":20,\"own\":20}\n".repeat(2)
    );
    s.write(
        "d.xml",
        r#"<setup><generate name="outer" count="1"><generate name="inner" count="1" target="NDJSON"><key name="k" script="missing"/></generate></generate></setup>"#,
    );
    assert!(fails(&s.0, &["run", "d.xml"]).contains("NameError"));
}
