//! DATAMIMIC's converters with Python literal arguments: `Mask('#')`, `Append('_x')`,
//! `Hash('sha256', 'hex'[, 'salt'])`, and `RemoveNoneOrEmptyElement` on a key or a whole
//! `<generate>`.

use crate::{Scratch, fails, ok};

fn run(s: &Scratch, body: &str, generate_attrs: &str) -> String {
    s.write(
        "d.xml",
        &format!(
            r#"<setup>
  <generate name="t" count="2" target="NDJSON" {generate_attrs}>
    {body}
  </generate>
</setup>"#
        ),
    );
    ok(&s.0, &["run", "d.xml"]);
    std::fs::read_to_string(s.path("output/t.ndjson")).unwrap()
}

#[test]
fn text_converters_take_python_literals() {
    let s = Scratch::new("converters-text");
    let out = run(
        &s,
        r#"<key name="masked" constant="abc" converter="Mask('#')"/>
    <key name="starred" constant="abc" converter="Mask"/>
    <key name="appended" constant="abc" converter="Append(&quot;_demo&quot;);UpperCase"/>
    <key name="md5" constant="abc" converter="Hash('md5','hex')"/>
    <key name="sha1" constant="abc" converter="Hash('SHA1', 'base64')"/>
    <key name="salted" constant="ab" converter="Hash('md5', 'hex', 'c')"/>
    <key name="cut" constant="abcdef" converter="CutLength(2);MiddleMask(1, 0)"/>"#,
        "",
    );
    let line = r####"{"masked":"###","starred":"***","appended":"ABC_DEMO","md5":"900150983cd24fb0d6963f7d28e17f72","sha1":"qZk+NkcGgWq6PiVxeFDCbJzQ2J0=","salted":"900150983cd24fb0d6963f7d28e17f72","cut":"a*"}"####;
    assert_eq!(out, format!("{line}\n{line}\n"));
}

#[test]
fn remove_none_or_empty_element_cleans_a_key_or_a_record() {
    let s = Scratch::new("converters-remove-empty");
    let body = r#"<key name="gone" script="None"/>
    <key name="list" script="[None, '', 1, {}]" converter="RemoveNoneOrEmptyElement"/>
    <key name="empty" script="[None]" converter="RemoveNoneOrEmptyElement"/>
    <key name="kept" constant="x"/>"#;
    let line = r#"{"gone":null,"list":[1],"empty":[],"kept":"x"}"#;
    assert_eq!(run(&s, body, ""), format!("{line}\n{line}\n"));
    let line = r#"{"list":[1],"kept":"x"}"#;
    assert_eq!(
        run(&s, body, r#"converter="RemoveNoneOrEmptyElement""#),
        format!("{line}\n{line}\n")
    );
}

#[test]
fn bad_converter_arguments_are_positioned_errors() {
    let s = Scratch::new("converters-bad");
    for (attrs, message) in [
        (
            r#"converter="Mask('##')""#,
            "d.xml:3:43: `converter`: `Mask`: the mask `'##'` must be one character",
        ),
        (
            r#"converter="Mask(3)""#,
            "`converter`: `Mask`: argument 1 is `3`, not a quoted text",
        ),
        (
            r#"converter="Append()""#,
            "`converter`: `Append`: takes 1 argument(s), not 0",
        ),
        (
            r#"converter="Hash('sha384', 'hex')""#,
            "`converter`: `Hash`: `sha384` is not a hash type; known: md5, sha1, sha256, sha512, sha3_512",
        ),
        (
            r#"converter="Hash('md5', 'b64')""#,
            "`converter`: `Hash`: `b64` is neither `hex` nor `base64`",
        ),
        (
            r#"converter="Hash('md5')""#,
            "`converter`: `Hash`: takes 2 to 3 arguments, not 1",
        ),
        (
            r#"converter="CutLength('3')""#,
            "`converter`: `CutLength`: argument 1 is `'3'`, not a non-negative integer",
        ),
        (
            r#"converter="CutLength(x)""#,
            "`converter`: `CutLength`: `x` is neither a quoted text nor a non-negative integer",
        ),
        (
            r#"converter="JavaHash""#,
            "`converter`: DATAMIMIC's converter `JavaHash` is not supported yet",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"t\" count=\"1\" target=\"CSV\">\n    <key name=\"a\" constant=\"x\" {attrs}/>\n  </generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains("d.xml:3:"), "{attrs}: {err}");
        assert!(err.contains(message), "{attrs}: {err}");
    }
    s.write(
        "d.xml",
        r#"<setup><generate name="t" count="1" target="CSV" converter="UpperCase"><key name="k" constant="1"/></generate></setup>"#,
    );
    assert_eq!(
        fails(&s.0, &["run", "d.xml"]),
        "datamimic: error: d.xml:1:61: `converter`: `UpperCase` does not apply to a `<generate>`; only `RemoveNoneOrEmptyElement` does"
    );
}
