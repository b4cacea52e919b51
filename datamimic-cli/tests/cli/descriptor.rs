//! The descriptor language: the issue's example, keys, variables, nesting, conditions,
//! includes and echo.

use crate::{Scratch, ok};

/// The example from datamimic's documentation, unchanged.
const DOCTORS: &str = r#"<setup>
  <generate name="seeded_doctors" count="3" target="CSV">
    <variable name="doc" entity="Doctor" dataset="US" ageMin="30" ageMax="45"
      conditionsInclude="Diabetes" conditionsExclude="Hypertension" rngSeed="1234" />
    <key name="full_name" script="doc.full_name" />
    <key name="age" script="doc.age" />
    <array name="certifications" script="doc.certifications" />
  </generate>
</setup>"#;

/// The same with patients, whose conditions the include and exclude lists decide.
const PATIENTS: &str = r#"<setup>
  <generate name="seeded_patients" count="50" target="CSV">
    <variable name="doc" entity="Patient" dataset="US" ageMin="30" ageMax="45"
      conditionsInclude="Diabetes" conditionsExclude="Hypertension" rngSeed="1234" />
    <key name="full_name" script="doc.full_name" />
    <key name="age" script="doc.age" />
    <key name="conditions" script="doc.conditions" />
  </generate>
</setup>"#;

#[test]
fn the_documented_example_runs() {
    let s = Scratch::new("doc-example");
    s.write("d.xml", DOCTORS);
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(s.files("output"), ["seeded_doctors.csv"]);
    let text = std::fs::read_to_string(s.path("output/seeded_doctors.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), "full_name|age|certifications");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3);
    for row in rows {
        let cells: Vec<&str> = row.split('|').collect();
        let age: u32 = cells[1].parse().unwrap();
        assert!((30..=45).contains(&age), "{row}");
        // A JSON list in one (quoted) cell.
        assert!(
            cells[2].starts_with("\"[") && cells[2].ends_with("]\""),
            "{row}"
        );
    }
    let patients = Scratch::new("doc-example-patients");
    patients.write("p.xml", PATIENTS);
    ok(&patients.0, &["run", "p.xml"]);
    let text_p = std::fs::read_to_string(patients.path("output/seeded_patients.csv")).unwrap();
    let rows: Vec<&str> = text_p.lines().skip(1).collect();
    assert_eq!(rows.len(), 50);
    for row in rows {
        let cells: Vec<&str> = row.split('|').collect();
        let age: u32 = cells[1].parse().unwrap();
        assert!((30..=45).contains(&age), "{row}");
        assert!(
            cells[2].contains("Diabetes") && !cells[2].contains("Hypertension"),
            "{row}"
        );
    }
    // rngSeed makes the variable reproducible without a run seed.
    let again = Scratch::new("doc-example-again");
    again.write("d.xml", DOCTORS);
    ok(&again.0, &["run", "d.xml", "--output-dir", "elsewhere"]);
    assert_eq!(
        std::fs::read_to_string(again.path("elsewhere/seeded_doctors.csv")).unwrap(),
        text
    );
}

/// An entity variable whose scripts read only some of its fields is made of those alone
/// (for speed): its records are the bytes of one made whole (a variable seeing it whole
/// keeps it so), an Address's DATAMIMIC phones drawn as before the keys after them.
#[test]
fn entity_variables_read_by_attribute_write_the_same_records() {
    const ADDRESSES: &str = r#"<setup rngSeed="7">
  <generate name="places" count="300" target="CSV">
    <variable name="doc" entity="Address" dataset="DE"/>
    <key name="city" script="doc.city"/>
    <key name="n" type="int" min="1" max="1000000"/>
  </generate>
</setup>"#;
    let doctors = DOCTORS.replace(r#"count="3""#, r#"count="300""#);
    for (label, descriptor, file) in [
        ("doctors", doctors.as_str(), "seeded_doctors.csv"),
        ("addresses", ADDRESSES, "places.csv"),
    ] {
        let run = |variant: &str, descriptor: &str| {
            let s = Scratch::new(&format!("narrowed-{label}-{variant}"));
            s.write("d.xml", descriptor);
            ok(&s.0, &["run", "d.xml"]);
            std::fs::read_to_string(s.path(&format!("output/{file}"))).unwrap()
        };
        let narrowed = run("narrowed", descriptor);
        let whole = run(
            "whole",
            &descriptor.replace(
                "</generate>",
                r#"<variable name="whole" script="doc"/></generate>"#,
            ),
        );
        assert_eq!(narrowed.lines().count(), 301, "{label}");
        assert_eq!(narrowed, whole, "{label}");
    }
}

#[test]
fn keys_variables_nesting_and_conditions() {
    let s = Scratch::new("features");
    s.write(
        "d.xml",
        r#"<setup rngSeed="42" defaultDataset="DE" defaultSeparator=",">
  <echo>starting</echo>
  <generate name="customers" count="50" target="JSON">
    <variable name="p" entity="Person" ageMin="20" ageMax="30"/>
    <variable name="tier" values="'gold','silver'" weights="1,3"/>
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" script="p.full_name" converter="UpperCase"/>
    <key name="greeting" script="f'Hello {name}!'"/>
    <key name="age" script="p.age"/>
    <key name="score" type="int" min="1" max="6"/>
    <key name="ratio" type="float" min="0" max="1"/>
    <key name="code" pattern="[A-Z]{2}-[0-9]{4}"/>
    <key name="secret" constant="abcdef" converter="MiddleMask(1,2)"/>
    <key name="short" constant="abcdef" converter="CutLength(3)"/>
    <key name="maybe" constant="x" nullQuota="0.5"/>
    <key name="tier" script="tier"/>
    <key name="count_as_text" constant="7" type="int"/>
    <condition>
      <if condition="score > 4"><key name="level" constant="high"/></if>
      <else-if condition="score > 2"><key name="level" constant="mid"/></else-if>
      <else><key name="level" constant="low"/></else>
    </condition>
    <nestedKey name="address" type="dict">
      <key name="city" script="p.address.city"/>
      <key name="label" script="city + '!'"/>
    </nestedKey>
    <nestedKey name="orders" type="list" count="2">
      <key name="sku" pattern="SKU-\d{4}"/>
    </nestedKey>
    <array name="lucky" count="3" type="int"/>
    <key name="city_again" script="address.city"/>
  </generate>
</setup>"#,
    );
    let stdout = ok(&s.0, &["run", "d.xml"]);
    assert_eq!(stdout, "starting\n");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/customers.json")).unwrap())
            .unwrap();
    let records = json.as_array().unwrap();
    assert_eq!(records.len(), 50);
    let mut nulls = 0;
    let mut gold = 0;
    for (i, r) in records.iter().enumerate() {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "greeting",
                "age",
                "score",
                "ratio",
                "code",
                "secret",
                "short",
                "maybe",
                "tier",
                "count_as_text",
                "level",
                "address",
                "orders",
                "lucky",
                "city_again"
            ]
        );
        assert_eq!(r["id"], i as u64 + 1);
        let name = r["name"].as_str().unwrap();
        assert_eq!(name, name.to_uppercase());
        assert_eq!(r["greeting"], format!("Hello {name}!"));
        assert!((20..=30).contains(&r["age"].as_u64().unwrap()));
        let score = r["score"].as_u64().unwrap();
        assert!((1..=6).contains(&score));
        let level = if score > 4 {
            "high"
        } else if score > 2 {
            "mid"
        } else {
            "low"
        };
        assert_eq!(r["level"], level);
        assert!((0.0..1.0).contains(&r["ratio"].as_f64().unwrap()));
        assert_eq!(r["code"].as_str().unwrap().len(), 7);
        assert_eq!(r["secret"], "a***ef");
        assert_eq!(r["short"], "abc");
        assert_eq!(r["count_as_text"], 7);
        nulls += usize::from(r["maybe"].is_null());
        gold += usize::from(r["tier"] == "gold");
        let city = r["address"]["city"].as_str().unwrap();
        assert_eq!(r["address"]["label"], format!("{city}!"));
        assert_eq!(r["city_again"], city);
        assert_eq!(r["orders"].as_array().unwrap().len(), 2);
        assert!(r["orders"][0]["sku"].as_str().unwrap().starts_with("SKU-"));
        assert_eq!(r["lucky"].as_array().unwrap().len(), 3);
    }
    assert!((10..=40).contains(&nulls), "{nulls}");
    assert!(gold < 25, "{gold}");
}

#[test]
fn nested_generates_includes_and_several_targets() {
    let s = Scratch::new("nested");
    s.write(
        "part.xml",
        r#"<setup><generate name="extra" count="2" target="NDJSON"><key name="k" constant="v"/></generate></setup>"#,
    );
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <include uri="part.xml"/>
  <generate name="parents" count="3" target="CSV,JSON,XML,NDJSON,SQLite">
    <key name="id" generator="IncrementGenerator"/>
    <generate name="children" count="2" target="CSV">
      <key name="parent_id" script="parent.id"/>
      <key name="n" generator="IncrementGenerator"/>
    </generate>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--output-dir", "out"]);
    let mut files = s.files("out");
    files.sort();
    assert_eq!(
        files,
        [
            "children.csv",
            "extra.ndjson",
            "parents.csv",
            "parents.json",
            "parents.ndjson",
            "parents.sqlite",
            "parents.xml"
        ]
    );
    let parents = std::fs::read_to_string(s.path("out/parents.csv")).unwrap();
    assert_eq!(parents, "id\n1\n2\n3\n");
    let children = std::fs::read_to_string(s.path("out/children.csv")).unwrap();
    // The nested generate's count restarts for each parent, as in DATAMIMIC.
    assert_eq!(children, "parent_id|n\n1|1\n1|2\n2|1\n2|2\n3|1\n3|2\n");
    assert_eq!(
        std::fs::read_to_string(s.path("out/extra.ndjson")).unwrap(),
        "{\"k\":\"v\"}\n{\"k\":\"v\"}\n"
    );
}

#[test]
fn csv_target_parameters() {
    let s = Scratch::new("csv-params");
    s.write(
        "d.xml",
        r#"<setup rngSeed="3">
  <generate name="a" count="2" target="CSV(delimiter=',', quoting='all'), JSON">
    <key name="x" constant="1"/><key name="y" constant="b"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/a.csv")).unwrap(),
        "\"x\",\"y\"\n\"1\",\"b\"\n\"1\",\"b\"\n"
    );
    assert!(s.path("output/a.json").exists());
}

#[test]
fn built_in_person_variable_takes_ages() {
    let s = Scratch::new("person-variable");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5" defaultDataset="DE">
  <generate name="people" count="40" target="NDJSON">
    <variable name="p" entity="Person" ageMin="30" ageMax="40"/>
    <key name="name" script="p.full_name"/>
    <key name="age" script="p.age"/>
    <key name="city" script="p.address.city"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let text = std::fs::read_to_string(s.path("output/people.ndjson")).unwrap();
    for line in text.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!((30..=40).contains(&r["age"].as_u64().unwrap()), "{line}");
        assert!(!r["name"].as_str().unwrap().is_empty() && r["city"].is_string());
    }
    assert_eq!(text.lines().count(), 40);
}

#[test]
fn setup_level_variables_are_seen_by_every_generate() {
    let s = Scratch::new("globals");
    s.write(
        "d.xml",
        r#"<setup rngSeed="8">
  <variable name="prefix" constant="P-"/>
  <variable name="base" script="40 + 2"/>
  <generate name="a" count="2" target="NDJSON">
    <key name="code" script="prefix + str(base + 1)"/>
  </generate>
  <generate name="b" count="1" target="NDJSON">
    <key name="code" script="prefix + str(base)"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let read = |f: &str| std::fs::read_to_string(s.path(f)).unwrap();
    assert_eq!(
        read("output/a.ndjson"),
        "{\"code\":\"P-43\"}\n{\"code\":\"P-43\"}\n"
    );
    assert_eq!(read("output/b.ndjson"), "{\"code\":\"P-42\"}\n");
}
