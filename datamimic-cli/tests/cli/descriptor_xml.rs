//! DATAMIMIC's XML features in descriptors: `<element>` (XML attributes, kept as `@name`
//! beside the key's `#text`), XML files as sources, a `<nestedKey script>` whose keys go into
//! the script's dicts, and scripts reading the element being built by its nestedKey path.

use crate::{Scratch, fails, ok};

fn json(s: &Scratch, name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(s.path(&format!("output/{name}.json"))).unwrap())
        .unwrap()
}

#[test]
fn elements_are_attributes_in_xml_and_at_keys_elsewhere() {
    let s = Scratch::new("xml-elements");
    s.write(
        "d.xml",
        r#"<setup rngSeed="4">
  <generate name="g" count="2" target="JSON,XML">
    <element name="version" constant="2"/>
    <key name="author" script="None">
      <element name="name" constant="Ann &quot;A&quot;"/>
      <element name="born" script="1990 + 1"/>
    </key>
    <key name="title" constant="Rust &amp; XML">
      <element name="language" values="'de'"/>
    </key>
    <nestedKey name="book" type="list" count="2">
      <element name="pages" constant="120"/>
      <key name="note" constant="n"/>
    </nestedKey>
    <key name="copied" script="title.get('#text') + '/' + title.get('@language')"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        json(&s, "g")[0],
        serde_json::json!({
            "@version": "2",
            "author": {"@name": "Ann \"A\"", "@born": 1991},
            "title": {"@language": "de", "#text": "Rust & XML"},
            "book": [{"@pages": "120", "note": "n"}, {"@pages": "120", "note": "n"}],
            "copied": "Rust & XML/de",
        })
    );
    let xml = std::fs::read_to_string(s.path("output/g.xml")).unwrap();
    assert!(
        xml.contains(
            "<item version=\"2\"><author name=\"Ann &quot;A&quot;\" born=\"1991\"></author>\
             <title language=\"de\">Rust &amp; XML</title><book pages=\"120\"><note>n</note></book>\
             <book pages=\"120\"><note>n</note></book><copied>Rust &amp; XML/de</copied></item>"
        ),
        "{xml}"
    );
}

#[test]
fn bad_elements_are_named_with_their_place() {
    let s = Scratch::new("xml-elements-bad");
    let run = |body: &str, target: &str| {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" count=\"1\" target=\"{target}\">\n{body}\n  </generate>\n</setup>\n"
            ),
        );
        fails(&s.0, &["run", "d.xml"])
    };
    // A key takes `<element>`s only (other children used to be dropped unread).
    let m = run(
        r#"    <key name="a" constant="1"><elemnt name="b" constant="2"/></key>"#,
        "JSON",
    );
    assert!(
        m.contains("d.xml:3:32: unknown element `<elemnt>` in `<key>`; did you mean `element`?"),
        "{m}"
    );
    let m = run(
        r#"    <key name="a" constant="1"><element constant="2"/></key>"#,
        "JSON",
    );
    assert!(m.contains("d.xml:3:"), "{m}");
    assert!(m.contains("`name`"), "{m}");
    let m = run(
        r#"    <key name="a" constant="1"><element name="1st" constant="2"/></key>"#,
        "XML",
    );
    assert!(
        m.contains("`1st` is not a valid XML element name, and this generate writes XML"),
        "{m}"
    );
    // An attribute holds a scalar: a list is named by its path when the XML is written.
    let m = run(
        r#"    <key name="a" constant="1"><element name="b" script="[1, 2]"/></key>"#,
        "XML",
    );
    assert!(
        m.contains("`a.@b`: holds a list, which XML cannot write there"),
        "{m}"
    );
}

const BOOKS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<list>
    <item>
        <title language="en">Programming</title>
        <author>John Smith</author>
        <tags><tag>a</tag><tag>b</tag></tags>
    </item>
    <item>
        <title language="de">Daten</title>
        <author>Jane Doe</author>
        <tags><tag>c</tag></tags>
    </item>
</list>
"#;

#[test]
fn xml_files_are_sources_read_as_xmltodict_reads_them() {
    let s = Scratch::new("xml-source");
    std::fs::create_dir_all(s.path("data")).unwrap();
    s.write("data/books.template.xml", BOOKS);
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="book" source="data/books.template.xml" target="JSON">
    <key name="author" script="author.upper()"/>
    <key name="language" script="title['@language']"/>
  </generate>
  <generate name="pick" count="3" target="JSON">
    <variable name="b" source="data/books.template.xml" cyclic="True"/>
    <key name="title" script="b.title.get('#text')"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        json(&s, "book"),
        serde_json::json!([
            {
                "title": {"@language": "en", "#text": "Programming"},
                "author": "JOHN SMITH",
                "tags": {"tag": ["a", "b"]},
                "language": "en",
            },
            {
                "title": {"@language": "de", "#text": "Daten"},
                "author": "JANE DOE",
                "tags": {"tag": "c"},
                "language": "de",
            },
        ])
    );
    let titles: Vec<&str> = json(&s, "pick")
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .map(|t| if t == "Programming" { "P" } else { "D" })
        .collect();
    assert_eq!(titles, ["P", "D", "P"]);
    // A malformed file: its own place, and the attribute that names it.
    s.write(
        "data/books.template.xml",
        "<list>\n  <item><title></item>\n</list>\n",
    );
    s.write(
        "d.xml",
        "<setup>\n  <generate name=\"book\" source=\"data/books.template.xml\" target=\"JSON\"/>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains(
            "data/books.template.xml:2:16: not valid XML: expected 'title' tag, not 'item' (the `source` at d.xml:2:"
        ),
        "{m}"
    );
}

const UNIVERSITY: &str = r#"<list>
  <item>
    <students>
      <student id="1"><name>John</name><grade letter="A">Excellent</grade></student>
      <student id="2"><name>Jane</name><grade letter="B">Good</grade></student>
    </students>
  </item>
</list>
"#;

#[test]
fn a_nested_key_with_a_script_and_keys_rewrites_the_scripts_dicts() {
    let s = Scratch::new("xml-nested-overlay");
    std::fs::create_dir_all(s.path("data")).unwrap();
    s.write("data/university.xml", UNIVERSITY);
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="university" source="data/university.xml" target="JSON">
    <nestedKey name="students" script="students">
      <nestedKey name="student" script="students.student">
        <variable name="upper" script="students.student.name.upper()"/>
        <key name="name" script="students.student.upper + '!'"/>
        <nestedKey name="grade" script="students.student.grade">
          <key name="seen" script="students.student.upper"/>
        </nestedKey>
        <key name="letters" script="len(students.student.upper)"/>
      </nestedKey>
    </nestedKey>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let students = &json(&s, "university")[0]["students"]["student"];
    assert_eq!(
        students,
        &serde_json::json!([
            {"@id": "1", "grade": {"#text": "Excellent", "@letter": "A", "seen": "JOHN"}, "name": "JOHN!", "letters": 4},
            {"@id": "2", "grade": {"#text": "Good", "@letter": "B", "seen": "JANE"}, "name": "JANE!", "letters": 4},
        ])
    );
    // A script that gives neither a dict nor a list of dicts has nowhere to put the keys.
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="g" count="1" target="JSON">
    <nestedKey name="n" script="42">
      <key name="a" constant="1"/>
    </nestedKey>
  </generate>
</setup>"#,
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains("d.xml:3:5: `n`: the script gave i64 `42`, but a nestedKey with keys needs a dict or a list of dicts, on record 0"),
        "{m}"
    );
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="g" count="1" target="JSON">
    <nestedKey name="n" script="[{'a': 1}, 2]">
      <key name="b" constant="1"/>
    </nestedKey>
  </generate>
</setup>"#,
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains("d.xml:3:5: `n`: element 1 of the script's list is i64, not a dict its keys can go into, on record 0"),
        "{m}"
    );
}
