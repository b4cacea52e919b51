//! Scripts are Python, as in DATAMIMIC: syntax, builtins, methods, the record's names,
//! `<execute uri="*.scr.py">` with functions, generator and converter classes, the sandbox
//! and determinism across thread counts.

use crate::{Scratch, fails, ok};

fn json(s: &Scratch, name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(s.path(&format!("output/{name}.json"))).unwrap())
        .unwrap()
}

#[test]
fn python_syntax_methods_builtins_and_comprehensions() {
    let s = Scratch::new("py-syntax");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <generate name="g" count="20" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <variable name="name" values="'ada','bob'"/>
    <key name="upper" script="name.upper() + '!'"/>
    <key name="flag" script="True if id % 2 == 0 else False"/>
    <key name="nothing" script="None"/>
    <key name="joined" script="'-'.join([s.upper() for s in ['a', 'bc']]) + str(len('xyz')) + f'{1+2}'"/>
    <key name="squares" script="[i * i for i in range(id % 4)]"/>
    <key name="text" script="str(id) + int('7').__str__()"/>
    <nestedKey name="box" type="dict">
      <key name="width" script="id * 2"/>
    </nestedKey>
    <key name="area" script="box.width * box.get('width', 0)"/>
    <key name="dice" script="random.randint(1, 6) + random_int(1, 6)"/>
    <key name="pick" script="random.choice(['x', 'y', 'z'])"/>
    <key name="label" script="f'{name:>5}|{id:03d}'"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "-t", "1"]);
    let one = std::fs::read(s.path("output/g.json")).unwrap();
    let records = json(&s, "g");
    for r in records.as_array().unwrap() {
        let id = r["id"].as_i64().unwrap();
        let name = r["label"].as_str().unwrap()[..5].trim().to_owned();
        assert_eq!(r["upper"], format!("{}!", name.to_uppercase()), "{r}");
        assert_eq!(r["flag"], id % 2 == 0, "{r}");
        assert!(r["nothing"].is_null(), "{r}");
        assert_eq!(r["joined"], "A-BC33", "{r}");
        let squares: Vec<i64> = (0..id % 4).map(|i| i * i).collect();
        assert_eq!(r["squares"], serde_json::json!(squares), "{r}");
        assert_eq!(r["text"], format!("{id}7"), "{r}");
        assert_eq!(r["area"], 4 * id * id, "{r}");
        assert!((2..=12).contains(&r["dice"].as_i64().unwrap()), "{r}");
        assert!(
            ["x", "y", "z"].contains(&r["pick"].as_str().unwrap()),
            "{r}"
        );
        assert_eq!(r["label"], format!("{name:>5}|{id:03}"), "{r}");
    }
    // `random` in scripts draws from the record's stream: the same bytes on three threads.
    ok(&s.0, &["run", "d.xml", "-t", "3"]);
    assert_eq!(std::fs::read(s.path("output/g.json")).unwrap(), one);
}

#[test]
fn the_sandbox_refuses_host_access_with_the_module_named() {
    for (name, script, expected) in [
        ("os", "__import__('os').getcwd()", "`import os`"),
        ("scipy", "__import__('scipy').stats", "`import scipy`"),
        (
            "open",
            "open('/etc/passwd').read()",
            "NameError: name `open` is not defined",
        ),
    ] {
        let s = Scratch::new(&format!("py-sandbox-{name}"));
        s.write(
            "d.xml",
            &format!(
                "<setup>\n<generate name=\"g\" count=\"2\" target=\"JSON\">\n<key name=\"x\" script=\"{script}\"/>\n</generate>\n</setup>\n"
            ),
        );
        let m = fails(&s.0, &["run", "d.xml"]);
        assert!(m.contains("d.xml:3:"), "{m}");
        assert!(m.contains("`x`: script failed on record 0"), "{m}");
        assert!(m.contains(expected), "{m}");
        assert!(s.files("output").is_empty());
    }
}

#[test]
fn a_runaway_script_is_stopped_with_its_place_and_record() {
    let s = Scratch::new("py-runaway");
    s.write(
        "d.xml",
        "<setup>\n<generate name=\"g\" count=\"1\" target=\"JSON\">\n<key name=\"x\" script=\"sum(1 for _ in range(10 ** 15))\"/>\n</generate>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains(
            "d.xml:3:23: `x`: script failed on record 0: RuntimeError: the script ran longer than"
        ),
        "{m}"
    );
    assert!(s.files("output").is_empty());
}

const LIB: &str = r##"from datamimic_ce.domains.domain_core.base_literal_generator import BaseLiteralGenerator
from datamimic_ce.converter.converter import Converter
import random
import string

RATE = 10


def multiply(a, b):
    return a * b * RATE // 10


class HexColorGenerator(BaseLiteralGenerator):
    def generate(self):
        return f"#{random.randint(0, 0xFFFFFF):06x}"


class PasswordGenerator(BaseLiteralGenerator):
    def __init__(self, length=12):
        self.length = length

    def generate(self):
        return "".join(random.choices(string.ascii_letters + string.digits, k=self.length))


class LatitudeGenerator(BaseLiteralGenerator):
    def generate(self):
        return round(random.uniform(-90, 90), 3)


class FakerNameGenerator(BaseLiteralGenerator):
    def generate(self):
        from faker import Faker
        return Faker().name()


class MaskEmailConverter(Converter):
    def convert(self, value):
        local, domain = value.split("@")
        return local[0] + "*" * (len(local) - 1) + "@" + domain


class NumpyGenerator(BaseLiteralGenerator):
    def generate(self):
        import scipy
        return scipy.stats.norm.rvs()
"##;

#[test]
fn executed_python_files_give_functions_generators_and_converters() {
    let s = Scratch::new("py-execute");
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write("script/lib.scr.py", LIB);
    s.write(
        "d.xml",
        r#"<setup rngSeed="3">
  <execute uri="script/lib.scr.py"/>
  <generate name="g" count="30" target="JSON">
    <key name="id" generator="IncrementGenerator"/>
    <key name="product" script="multiply(id, 3)"/>
    <key name="color" generator="HexColorGenerator()"/>
    <key name="password" generator="PasswordGenerator(length=16)"/>
    <key name="email" script="'someone' + str(id) + '@example.com'" converter="MaskEmailConverter()"/>
    <key name="latitude" generator="LatitudeGenerator()"/>
    <key name="name" generator="FakerNameGenerator()"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "-t", "1"]);
    let one = std::fs::read(s.path("output/g.json")).unwrap();
    for r in json(&s, "g").as_array().unwrap() {
        let id = r["id"].as_i64().unwrap();
        assert_eq!(r["product"], id * 3, "{r}");
        let color = r["color"].as_str().unwrap();
        assert!(
            color.len() == 7
                && color.starts_with('#')
                && color[1..].chars().all(|c| c.is_ascii_hexdigit()),
            "{r}"
        );
        let password = r["password"].as_str().unwrap();
        assert!(
            password.len() == 16 && password.chars().all(|c| c.is_ascii_alphanumeric()),
            "{r}"
        );
        let stars = "*".repeat(format!("someone{id}").len() - 1);
        assert_eq!(r["email"], format!("s{stars}@example.com"), "{r}");
        assert!(
            (-90.0..=90.0).contains(&r["latitude"].as_f64().unwrap()),
            "{r}"
        );
        // datamimic's `faker` subset: a person's name from the US dataset.
        assert!(r["name"].as_str().unwrap().contains(' '), "{r}");
    }
    let colors: std::collections::HashSet<_> = json(&s, "g")
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["color"].as_str().unwrap().to_owned())
        .collect();
    assert!(colors.len() > 20, "{colors:?}");
    ok(&s.0, &["run", "d.xml", "-t", "3"]);
    assert_eq!(std::fs::read(s.path("output/g.json")).unwrap(), one);
    // An import the engine cannot serve, inside a method: named with its file and line.
    s.write(
        "d.xml",
        "<setup>\n  <execute uri=\"script/lib.scr.py\"/>\n  <generate name=\"g\" count=\"2\" target=\"JSON\">\n    <key name=\"n\" generator=\"NumpyGenerator()\"/>\n  </generate>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains("d.xml:4:")
            && m.contains("`n`: generator failed on record 0: ImportError: `import scipy`"),
        "{m}"
    );
    assert!(m.contains("(in `script/lib.scr.py` line 45)"), "{m}");
}

#[test]
fn an_executed_file_importing_an_unserved_module_is_a_clean_error() {
    let s = Scratch::new("py-execute-numpy");
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write(
        "script/glob.scr.py",
        "import random\n\nimport scipy as sp\n\nnormal = sp.stats.norm\n",
    );
    s.write(
        "d.xml",
        "<setup>\n  <execute uri=\"script/glob.scr.py\"/>\n  <generate name=\"g\" count=\"1\" target=\"JSON\"><key name=\"x\" constant=\"1\"/></generate>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(m.contains("d.xml:2:"), "{m}");
    assert!(m.contains("script/glob.scr.py` line 3"), "{m}");
    assert!(m.contains("`import scipy`"), "{m}");
    // A syntax error points into the Python file.
    s.write("script/glob.scr.py", "def f(:\n    pass\n");
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(m.contains("script/glob.scr.py:1:7:"), "{m}");
    // Only files inside the descriptor's folder.
    s.write(
        "d.xml",
        "<setup>\n  <execute uri=\"../x.scr.py\"/>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains("must be a path inside the descriptor's folder"),
        "{m}"
    );
}

#[test]
fn a_script_reads_its_record_and_its_parent_by_generate_name() {
    let s = Scratch::new("py-record-names");
    s.write(
        "d.xml",
        r#"<setup rngSeed="1">
  <generate name="outer" count="2" target="JSON">
    <key name="oid" generator="IncrementGenerator"/>
    <generate name="group" count="3" target="JSON">
      <variable name="type" values="'NS','NN'"/>
      <key name="t" script="group.type + '-' + str(outer.oid)"/>
      <key name="low" script="group.t.lower()" condition="group.type != 'NS'" defaultValue="None"/>
    </generate>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let groups = json(&s, "group");
    let groups = groups.as_array().unwrap();
    assert_eq!(groups.len(), 6);
    let mut types = std::collections::HashSet::new();
    for (i, g) in groups.iter().enumerate() {
        let t = g["t"].as_str().unwrap();
        let (ty, oid) = t.split_once('-').unwrap();
        types.insert(ty.to_owned());
        assert_eq!(oid, (i / 3 + 1).to_string(), "{g}");
        if ty == "NS" {
            assert!(g["low"].is_null(), "{g}");
        } else {
            assert_eq!(g["low"], t.to_lowercase(), "{g}");
        }
    }
    assert_eq!(types.len(), 2, "{groups:?}");
    // A variable or key named like the generate is what the script reads.
    s.write(
        "d.xml",
        r#"<setup><generate name="box" count="1" target="JSON">
  <nestedKey name="box"><key name="w" constant="3"/></nestedKey>
  <key name="w2" script="box.w + '!'"/>
</generate></setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(json(&s, "box")[0]["w2"], "3!");
    // A misspelt field after the generate's name is named at its place.
    s.write(
        "d.xml",
        "<setup>\n<generate name=\"g\" count=\"1\" target=\"JSON\">\n<variable name=\"kind\" constant=\"a\"/>\n<key name=\"x\" script=\"g.knd + 'x'\"/>\n</generate>\n</setup>\n",
    );
    let m = fails(&s.0, &["run", "d.xml"]);
    assert!(
        m.contains("d.xml:4:25: `x`: script failed on record 0: NameError: name `knd` is not defined; did you mean `kind`?"),
        "{m}"
    );
}

#[test]
fn a_generated_datetime_has_its_fields_in_scripts() {
    let s = Scratch::new("py-datetime-fields");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <generate name="g" count="20" target="JSON">
    <variable name="at" generator="DateTimeGenerator(min='2020-01-01', max='2021-12-31 23:59:59')"/>
    <key name="at" script="at"/>
    <key name="year" script="at.year"/>
    <key name="month" script="at.month"/>
    <key name="day" script="at.day"/>
    <key name="iso" script="at.isoformat()"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    for r in json(&s, "g").as_array().unwrap() {
        let at = r["at"].as_str().unwrap();
        assert_eq!(r["year"], at[0..4].parse::<i64>().unwrap(), "{r}");
        assert!((2020..=2021).contains(&r["year"].as_i64().unwrap()), "{r}");
        assert_eq!(r["month"], at[5..7].parse::<i64>().unwrap(), "{r}");
        assert_eq!(r["day"], at[8..10].parse::<i64>().unwrap(), "{r}");
        assert_eq!(r["iso"], at.replace(' ', "T"), "{r}");
    }
}
