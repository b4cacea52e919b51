//! What `.scr.py` files of DATAMIMIC's demos import besides the base classes: Python's `re`
//! module, DATAMIMIC's contexts with their database client and logger, converter classes
//! made with the setup context, and a list element read by its nestedKey's name (the
//! `db-mapping` demo uses them all).

use std::path::Path;

use crate::{Scratch, fails, ok};

/// Runs `descriptor` with `lib.scr.py` holding `script`; returns `output/t.json`'s records.
fn run_json(s: &Scratch, descriptor: &str, script: &str) -> Vec<serde_json::Value> {
    s.write("d.xml", descriptor);
    s.write("lib.scr.py", script);
    ok(&s.0, &["run", "d.xml"]);
    serde_json::from_str(&std::fs::read_to_string(s.path("output/t.json")).unwrap()).unwrap()
}

#[test]
fn python_re_matches_searches_substitutes_and_splits_by_characters() {
    let s = Scratch::new("py-re");
    let records = run_json(
        &s,
        r#"<setup rngSeed="1">
  <execute uri="lib.scr.py"/>
  <generate name="t" count="1" target="JSON">
    <key name="parsed" script="parse(&quot;output_columns=['idTop', 'idSub'], city='Hamburg', code=234&quot;)"/>
    <key name="sub" script="re.sub(r'(\w+)@(\w+)', r'\2 at \g&lt;1&gt;', 'joe@example and ann@site')"/>
    <key name="findall" script="re.findall(r'\d+', 'a1 b22 ü333')"/>
    <key name="pairs" script="re.findall(r'(\w)=(\d)', 'a=1, b=2')"/>
    <key name="spans" script="[m.span() for m in re.finditer(r'ü+', 'aüübü')]"/>
    <key name="split" script="re.split(r'[,;]\s*', 'a, b;c')"/>
    <key name="whole" script="bool(re.fullmatch(r'a|ab', 'ab')) and re.match(r'b', 'ab') is None"/>
    <key name="named" script="re.compile(r'(?P&lt;y&gt;\d{4})-(?P&lt;m&gt;\d\d)').search('on 2024-05').groupdict()"/>
    <key name="flags" script="re.findall(r'^x.', 'XA\nxb', re.I | re.M)"/>
    <key name="escape" script="re.escape('a.b*c')"/>
    <key name="callable" script="re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b4')"/>
  </generate>
</setup>"#,
        r#"import re

def parse(value):
    pattern = re.compile(r"(\w+)=\[([^\]]*)\]|(\w+)=([^,]+)")
    parsed = {}
    for match in pattern.finditer(value):
        if match.group(1):
            parsed[match.group(1)] = [item.strip().strip("'") for item in match.group(2).split(",")]
        else:
            v = match.group(4).strip().strip("'")
            parsed[match.group(3)] = int(v) if v.isdigit() else v
    return parsed
"#,
    );
    let r = &records[0];
    assert_eq!(
        r["parsed"],
        serde_json::json!({"output_columns": ["idTop", "idSub"], "city": "Hamburg", "code": 234})
    );
    assert_eq!(r["sub"], "example at joe and site at ann");
    assert_eq!(r["findall"], serde_json::json!(["1", "22", "333"]));
    assert_eq!(r["pairs"], serde_json::json!([["a", "1"], ["b", "2"]]));
    assert_eq!(r["spans"], serde_json::json!([[1, 3], [4, 5]]));
    assert_eq!(r["split"], serde_json::json!(["a", "b", "c"]));
    assert_eq!(r["whole"], true);
    assert_eq!(r["named"], serde_json::json!({"y": "2024", "m": "05"}));
    assert_eq!(r["flags"], serde_json::json!(["XA", "xb"]));
    assert_eq!(r["escape"], "a\\.b\\*c");
    assert_eq!(r["callable"], "a2b8");
}

#[test]
fn a_pattern_python_has_and_re_lacks_is_a_clean_error() {
    let s = Scratch::new("py-re-bad");
    for (pattern, says) in [
        ("a(?=b)", "datamimic's `re` has no lookaround"),
        ("(a)\\1", "datamimic's `re` has no backreferences"),
        ("(unclosed", "bad pattern"),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup>
  <generate name="t" count="1" target="JSON">
    <key name="k" script="__import__('re').search(r'{pattern}', 'ab')"/>
  </generate>
</setup>"#
            ),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(e.contains("d.xml:3:") && e.contains("error"), "{e}");
        assert!(e.contains(says), "{pattern}: {e}");
    }
}

/// A database of cities and ids, and a converter class looking rows up as the db-mapping
/// demo's does.
const MAPPING: &str = r#"<setup rngSeed="2">
  <database id="mapping" dbms="sqlite"/>
  <execute uri="setup.sql" target="mapping"/>
  <execute uri="lib.scr.py"/>
  <generate name="t" count="6" target="JSON">
    <key name="city" values="'Hamburg','Dresden'"/>
    <key name="tag" values="'a'" converter="Shout"/>
    <nestedKey name="details" type="list" count="2">
      <variable name="row" script="city" converter="CityIds"/>
      <key name="top" script="details.row.idTop"/>
      <key name="rows" script="count_rows()"/>
    </nestedKey>
  </generate>
</setup>"#;

const MAPPING_PY: &str = r#"from datamimic_ce.contexts.context import Context
from datamimic_ce.contexts.setup_context import SetupContext
from datamimic_ce.converter.converter import Converter
from datamimic_ce.converter.custom_converter import CustomConverter
from datamimic_ce.logger import logger


class CityIds(CustomConverter):
    def __init__(self, context: SetupContext | Context):
        if not isinstance(context, SetupContext):
            raise ValueError("Context must be of type SetupContext")
        from datamimic_ce.clients.database_client import DatabaseClient
        self.client = context.get_client_by_id("mapping")
        assert isinstance(self.client, DatabaseClient)
        assert context.get_client_by_id("nothing") is None
        logger.debug(f"{self.client.count_table_length('cities')} rows")

    def convert(self, value):
        return self.client.get_by_page_with_query(f"SELECT idTop FROM cities WHERE city = '{value}' LIMIT 1")[0]


class Shout(Converter):
    def convert(self, value):
        return value.upper()


def count_rows():
    from datamimic_ce.contexts.setup_context import SetupContext
    return SetupContext().get_client_by_id("mapping").count_table_length("cities")
"#;

#[test]
fn a_custom_converter_gets_the_setup_context_and_reads_the_database() {
    let s = Scratch::new("py-contexts");
    s.write(
        "setup.sql",
        "CREATE TABLE cities (idTop INTEGER, city TEXT);\nINSERT INTO cities VALUES (7, 'Hamburg'), (9, 'Dresden');\n",
    );
    let records = run_json(&s, MAPPING, MAPPING_PY);
    assert_eq!(records.len(), 6);
    for r in &records {
        assert_eq!(r["tag"], "A");
        let top = if r["city"] == "Hamburg" { 7 } else { 9 };
        for d in r["details"].as_array().unwrap() {
            assert_eq!(d["top"], top, "{r}");
            assert_eq!(d["rows"], 2, "{r}");
        }
    }
}

#[test]
fn a_script_may_only_read_a_database_it_names() {
    let s = Scratch::new("py-contexts-bad");
    s.write(
        "setup.sql",
        "CREATE TABLE cities (idTop INTEGER, city TEXT);\n",
    );
    for (call, says) in [
        (
            "client().get_by_page_with_query('DELETE FROM cities')",
            "a script may only read (`SELECT …`)",
        ),
        (
            "client().get_by_page_with_query('SELECT nope FROM cities')",
            "database `mapping`: no such column: nope",
        ),
        (
            "DatabaseClient('other').count_table_length('cities')",
            "no database `other`",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup>
  <database id="mapping" dbms="sqlite"/>
  <execute uri="setup.sql" target="mapping"/>
  <execute uri="lib.scr.py"/>
  <generate name="t" count="1" target="JSON">
    <key name="k" script="{call}"/>
  </generate>
</setup>"#
            ),
        );
        s.write(
            "lib.scr.py",
            "from datamimic_ce.contexts.setup_context import SetupContext\nfrom datamimic_ce.clients.database_client import DatabaseClient\n\ndef client():\n    return SetupContext().get_client_by_id('mapping')\n",
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(e.contains("d.xml:6:") && e.contains(says), "{call}: {e}");
    }
}

/// The db-mapping demo: the mapping table in `test.sqlite` (its transactions have no
/// target, so DATAMIMIC writes them nowhere either).
pub(crate) fn db_mapping(out: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["test.sqlite"]);
    let conn = rusqlite::Connection::open(out.join("test.sqlite")).unwrap();
    let rows: i64 = conn
        .query_row("SELECT COUNT(*) FROM business_mapping", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1000);
}

#[test]
fn the_db_mapping_demo_maps_each_city_to_its_ids() {
    // The demo with a target for its transactions, to check what its converters made.
    let s = Scratch::new("py-db-mapping");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/demos/demo-db-mapping");
    let dir = s.path("demo");
    for sub in ["", "conf", "data", "script"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(demo.join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    let mapping = std::fs::read_to_string(dir.join("2_mapping.xml")).unwrap();
    let with_target = mapping.replace(
        r#"count="{global_count}">"#,
        r#"count="{global_count}" target="JSON">"#,
    );
    assert_ne!(mapping, with_target);
    std::fs::write(dir.join("2_mapping.xml"), with_target).unwrap();
    ok(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
    let first_ids: std::collections::HashMap<String, (i64, i64)> = {
        let text = std::fs::read_to_string(dir.join("data/business_mapping.ent.csv")).unwrap();
        let mut ids = std::collections::HashMap::new();
        for line in text.lines().skip(1) {
            let cells: Vec<&str> = line.split('|').collect();
            ids.entry(cells[3].to_owned())
                .or_insert((cells[0].parse().unwrap(), cells[1].parse().unwrap()));
        }
        ids
    };
    let records: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("out/transaction_record.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(records.len(), 100);
    let mut sub_ids = Vec::new();
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["transaction_id"], i as i64 + 1);
        assert!(["$", "€", "£", "¥"].contains(&r["currency"].as_str().unwrap()));
        assert!(["DONE", "WAITING", "ERROR"].contains(&r["status"].as_str().unwrap()));
        let (top, sub) = first_ids[r["city"].as_str().unwrap()];
        let details = r["transaction_details"].as_array().unwrap();
        assert_eq!(details.len(), 10);
        for d in details {
            assert_eq!(
                (d["account_id"].as_i64(), d["branch_id"].as_i64()),
                (Some(top), Some(sub))
            );
            sub_ids.push(d["sub_transaction_id"].as_i64().unwrap());
        }
    }
    assert_eq!(sub_ids, (1..=1000).collect::<Vec<_>>());
}
