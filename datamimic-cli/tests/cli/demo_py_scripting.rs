//! DATAMIMIC's `demo-py-scripting`: its generates have no target, so it writes nothing
//! ([`py_scripting`]); [`py_scripting_random_json`] gives `script3` a JSON target and checks
//! the tables `create_random_json` builds with `numpy.random.rand` and `pandas.DataFrame`,
//! over several unseeded runs. The subsets of numpy and pandas refuse what they lack.

use crate::demos::{copy_dir, demos_dir, files};
use crate::{Scratch, datamimic};

/// The demo writes no file.
pub(crate) fn py_scripting(out: &std::path::Path) {
    assert_eq!(files(out), Vec::<String>::new());
}

#[test]
fn py_scripting_random_json() {
    let s = Scratch::new("demo-py-scripting-json");
    for run in 0..3 {
        let dir = s.path(&format!("run{run}"));
        copy_dir(&demos_dir().join("demo-py-scripting"), &dir);
        let path = dir.join("1_generate.xml");
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text.replace(
            r#"<generate name="script3" count="50">"#,
            r#"<generate name="script3" count="50" target="JSON">"#,
        );
        assert_ne!(text, changed);
        std::fs::write(&path, changed).unwrap();
        let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let records: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(dir.join("out/script3.json")).unwrap())
                .unwrap();
        assert_eq!(records.len(), 50);
        for (i, record) in records.iter().enumerate() {
            assert_eq!(record["divide"].as_f64().unwrap(), (i + 1) as f64 / 10.0);
            let rows = record["random_json"].as_array().unwrap();
            assert!((5..=10).contains(&rows.len()), "{record}");
            let mut columns: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
            columns.sort();
            // Three to five columns of five letters (two of the same name would fail the run,
            // as pandas refuses them: a chance of about 1 in 10^7 per record).
            assert!((3..=5).contains(&columns.len()), "{record}");
            for row in rows {
                let row = row.as_object().unwrap();
                let mut keys: Vec<&String> = row.keys().collect();
                keys.sort();
                assert_eq!(keys, columns);
                for (key, value) in row {
                    assert!(key.len() == 5 && key.chars().all(|c| c.is_ascii_alphabetic()));
                    let x = value.as_f64().unwrap();
                    assert!((0.0..1.0).contains(&x), "{x}");
                    // pandas' to_json writes ten decimals at most.
                    assert_eq!((x * 1e10).round() / 1e10, x);
                }
            }
        }
    }
}

#[test]
fn numpy_and_pandas_subsets_name_what_they_lack() {
    let s = Scratch::new("numpy-pandas-errors");
    for (script, message) in [
        (
            "np.zeros(3)",
            "datamimic's numpy serves only random.rand() and array(), not `zeros`",
        ),
        (
            "np.random.randint(3)",
            "datamimic's numpy.random serves only rand(), not `randint`",
        ),
        (
            "pd.DataFrame(np.random.rand(2, 2)).to_csv()",
            "datamimic's DataFrame has no `to_csv`",
        ),
        (
            "pd.DataFrame(np.random.rand(2, 2, 2))",
            "a numpy array must be 2-dimensional",
        ),
        (
            "pd.read_csv('x.csv')",
            "datamimic's pandas serves only DataFrame, not `read_csv`",
        ),
    ] {
        s.write(
            "f.scr.py",
            &format!("import numpy as np\nimport pandas as pd\n\ndef f():\n    return {script}\n"),
        );
        s.write(
            "d.xml",
            r#"<setup>
  <execute uri="f.scr.py"/>
  <generate name="t" count="1" target="JSON">
    <key name="v" script="f()"/>
  </generate>
</setup>"#,
        );
        let out = datamimic(&s.0, &["run", "d.xml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{script}");
        assert!(
            stderr.contains("d.xml:4:") && stderr.contains(message),
            "{script}: {stderr}"
        );
    }
    s.write(
        "f.scr.py",
        "import pandas as pd\n\ndef f():\n    df = pd.DataFrame([[0.12345678901234, 2], [3.5, 4]], columns=['a', 'b'])\n    return [df.to_json(orient='records'), df.to_json(), list(df.shape)]\n",
    );
    let out = datamimic(&s.0, &["run", "d.xml", "--output-dir", "out"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("out/t.json")).unwrap()).unwrap();
    assert_eq!(
        written[0]["v"],
        serde_json::json!([
            r#"[{"a":0.123456789,"b":2},{"a":3.5,"b":4}]"#,
            r#"{"a":{"0":0.123456789,"1":3.5},"b":{"0":2,"1":4}}"#,
            [2, 2]
        ])
    );
}
