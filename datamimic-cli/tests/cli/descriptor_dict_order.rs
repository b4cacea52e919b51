//! A bug held by a test: scripts' dicts were written with their keys sorted. Python dicts keep
//! insertion order, and DATAMIMIC writes them in it.

use crate::{Scratch, ok};

#[test]
fn script_dicts_keep_their_insertion_order() {
    let s = Scratch::new("dict-order");
    s.write(
        "d.xml",
        r#"<setup rngSeed="4">
  <generate name="d" count="2" target="JSON,CSV">
    <variable name="v" script="{'zeta': 1, 'alpha': 2, 'mid': 3}"/>
    <key name="literal" script="{'zeta': 1, 'alpha': {'y': 1, 'b': 2}}"/>
    <key name="passed_on" script="v"/>
    <key name="keys" script="'-'.join(v.keys())"/>
    <key name="text" script="str(v)"/>
    <key name="built" script="{k: len(k) for k in ['zz', 'a', 'mmm']}"/>
    <key name="in_list" script="[{'b': 1, 'a': 2}]"/>
    <key name="cleaned" script="{'zeta': None, 'beta': 2, 'alpha': 3}" converter="RemoveNoneOrEmptyElement"/>
    <nestedKey name="overlaid" script="{'zeta': 1, 'alpha': 2}">
      <key name="added" constant="x"/>
    </nestedKey>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--threads", "2"]);
    let json = std::fs::read_to_string(s.path("output/d.json")).unwrap();
    let first = json.lines().nth(1).unwrap();
    assert_eq!(
        first.trim_end_matches(','),
        concat!(
            r#"{"literal":{"zeta":1,"alpha":{"y":1,"b":2}},"passed_on":{"zeta":1,"alpha":2,"mid":3},"#,
            r#""keys":"zeta-alpha-mid","text":"{'zeta': 1, 'alpha': 2, 'mid': 3}","#,
            r#""built":{"zz":2,"a":1,"mmm":3},"in_list":[{"b":1,"a":2}],"cleaned":{"beta":2,"alpha":3},"#,
            r#""overlaid":{"zeta":1,"alpha":2,"added":"x"}}"#
        )
    );
    // CSV columns of a dict follow its keys too.
    let csv = std::fs::read_to_string(s.path("output/d.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with("literal.zeta|literal.alpha.y|literal.alpha.b|passed_on.zeta|passed_on.alpha|passed_on.mid|"),
        "{header}"
    );
}
