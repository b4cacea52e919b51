//! SQLite databases in descriptors: `<database>`, `<execute uri="*.sql">`, `target="db"` and
//! `source="db"` with a selector or a table; database servers refused.

use crate::{Scratch, fails, ok};

const SCHEMA: &str = "-- the shop\nDROP TABLE IF EXISTS customer;\n\
CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, active BOOLEAN);\n";

fn shop(name: &str) -> Scratch {
    let s = Scratch::new(name);
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write("script/setup.sql", SCHEMA);
    s
}

fn rows(path: &std::path::Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |row| {
        Ok((0..width)
            .map(|i| match row.get::<_, rusqlite::types::Value>(i).unwrap() {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn records_go_into_tables_and_come_back_through_selectors() {
    let s = shop("db-roundtrip");
    s.write(
        "d.xml",
        r#"<setup rngSeed="7">
  <database id="db" dbms="sqlite" database="shop"/>
  <execute uri="script/setup.sql" target="db"/>
  <generate name="customer" count="6" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" values="'ann','bob','cy'"/>
    <key name="active" type="bool"/>
  </generate>
  <generate name="active" source="db" selector="SELECT id, name FROM customer WHERE active ORDER BY id" target="CSV">
    <key name="shout" script="name + '!'"/>
  </generate>
  <generate name="everyone" source="db" type="customer" target="JSON">
    <variable name="other" source="db" selector="SELECT name AS n FROM customer" distribution="random"/>
    <key name="friend" script="other.n"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        s.files("output"),
        ["active.csv", "everyone.json", "shop.sqlite"]
    );
    let stored = rows(
        &s.path("output/shop.sqlite"),
        "SELECT id, name, active FROM customer ORDER BY id",
    );
    assert_eq!(stored.len(), 6);
    for (i, row) in stored.iter().enumerate() {
        let cells: Vec<&str> = row.split('|').collect();
        assert_eq!(cells[0], (i + 1).to_string());
        assert!(["ann", "bob", "cy"].contains(&cells[1]), "{row}");
        assert!(["0", "1"].contains(&cells[2]), "{row}");
    }
    // The selector read the rows inserted before it, with their types.
    let csv = std::fs::read_to_string(s.path("output/active.csv")).unwrap();
    let expected: Vec<String> = stored
        .iter()
        .filter(|r| r.ends_with("|1"))
        .map(|r| {
            let cells: Vec<&str> = r.split('|').collect();
            format!("{}|{}|{}!", cells[0], cells[1], cells[1])
        })
        .collect();
    assert_eq!(csv, format!("id|name|shout\n{}\n", expected.join("\n")));
    // A table source without count makes one record per row.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("output/everyone.json")).unwrap())
            .unwrap();
    let records = json.as_array().unwrap();
    assert_eq!(records.len(), 6);
    for record in records {
        assert!(record["id"].is_i64(), "{record}");
        assert!(["ann", "bob", "cy"].contains(&record["friend"].as_str().unwrap()));
    }
    // Same seed, same bytes, whatever the thread count.
    ok(
        &s.0,
        &["run", "d.xml", "--threads", "1", "--output-dir", "again"],
    );
    for file in ["shop.sqlite", "everyone.json", "active.csv"] {
        let first = std::fs::read(s.path(&format!("output/{file}"))).unwrap();
        let again = std::fs::read(s.path(&format!("again/{file}"))).unwrap();
        assert!(first == again, "{file} differs");
    }
    // A run starts from the database the last one left: the script drops and refills it.
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        rows(
            &s.path("output/shop.sqlite"),
            "SELECT count(*) FROM customer"
        ),
        ["6"]
    );
}

#[test]
fn settings_come_from_the_environment_properties_as_in_datamimic() {
    let s = shop("db-conf");
    std::fs::create_dir_all(s.path("conf")).unwrap();
    s.write(
        "conf/environment.env.properties",
        "db.db.database=test\ndb.db.dbms=sqlite\n",
    );
    s.write(
        "d.xml",
        r#"<setup>
  <database id="db"/>
  <execute uri="script/setup.sql" target="db"/>
  <generate name="customer" count="2" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" constant="x"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(s.files("output"), ["test.sqlite"]);
    assert_eq!(
        rows(
            &s.path("output/test.sqlite"),
            "SELECT id, name, active FROM customer"
        ),
        ["1|x|Null", "2|x|Null"]
    );
}

#[test]
fn bad_sql_is_placed_in_its_script_and_leaves_no_database() {
    let s = shop("db-bad-sql");
    s.write(
        "script/bad.sql",
        "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (1 2);\n",
    );
    s.write(
        "d.xml",
        "<setup>\n  <database id=\"db\" dbms=\"sqlite\"/>\n  <execute uri=\"script/bad.sql\" target=\"db\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("script/bad.sql:3:27: near \"2\": syntax error"),
        "{err}"
    );
    assert!(
        err.contains("(executed by `<execute>` at d.xml:3:3)"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
    // A failure later in the run keeps the database as it was before the run.
    s.write(
        "d.xml",
        "<setup>\n  <database id=\"db\" dbms=\"sqlite\"/>\n  <execute uri=\"script/setup.sql\" target=\"db\"/>\n</setup>",
    );
    ok(&s.0, &["run", "d.xml"]);
    let before = std::fs::read(s.path("output/db.sqlite")).unwrap();
    s.write(
        "d.xml",
        r#"<setup>
  <database id="db" dbms="sqlite"/>
  <generate name="customer" count="3" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" constant="x"/>
  </generate>
  <generate name="customer" count="1" target="db">
    <key name="id" constant="1"/>
    <key name="name" constant="again"/>
  </generate>
</setup>"#,
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:7:3: `customer`: a record does not fit the table of SQLite database")
            && err.contains("UNIQUE constraint failed: customer.id"),
        "{err}"
    );
    assert!(std::fs::read(s.path("output/db.sqlite")).unwrap() == before);
    assert_eq!(s.files("output"), ["db.sqlite"]);
}

#[test]
fn unknown_tables_columns_and_databases_are_named() {
    let s = shop("db-unknown");
    let run = |body: &str| {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <database id=\"db\" dbms=\"sqlite\"/>\n  <execute uri=\"script/setup.sql\" target=\"db\"/>\n{body}\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert_eq!(s.files("output"), Vec::<String>::new(), "{err}");
        err
    };
    let err = run(
        r#"  <generate name="custmer" count="1" target="db"><key name="id" constant="1"/></generate>"#,
    );
    assert!(
        err.contains("d.xml:4:3: `custmer`: SQLite database `output/db.sqlite` has no table `custmer`; did you mean `customer`?"),
        "{err}"
    );
    // A key the table lacks is left out with a warning (`database_keys_left_out`); a
    // record with none of the table's columns cannot be inserted.
    let err = run(
        r#"  <generate name="customer" count="1" target="db"><key name="nam" constant="1"/></generate>"#,
    );
    assert!(
        err.contains("d.xml:4:3: `customer`: table `customer` of SQLite database `output/db.sqlite` has none of the record's columns (nam); its columns: id, name, active"),
        "{err}"
    );
    let err = run(
        r#"  <generate name="c" source="db" selector="SELECT name FROM custmers" target="CSV"/>"#,
    );
    assert!(
        err.contains("d.xml:4:44: the `selector` of database `db`: no such table: custmers; did you mean `customer`?"),
        "{err}"
    );
    let err = run(
        r#"  <generate name="c" source="db" selector="SELECT nme FROM customer" target="CSV"/>"#,
    );
    assert!(
        err.contains("d.xml:4:51: the `selector` of database `db`: no such column: nme"),
        "{err}"
    );
    let err = run(r#"  <generate name="orders" source="db" target="CSV"/>"#);
    assert!(
        err.contains(
            "d.xml:4:35: table `orders` of database `db`: no such table: orders; tables: customer"
        ),
        "{err}"
    );
    let err = run(
        r#"  <generate name="c" count="1" target="dbb"><key name="id" constant="1"/></generate>"#,
    );
    assert!(
        err.contains("d.xml:4:40: `target`: unknown target `dbb`; did you mean `db`?"),
        "{err}"
    );
    let err = run(r#"  <generate name="c" count="1" source="dbb" selector="SELECT 1"/>"#);
    assert!(
        err.contains(
            "d.xml:4:40: `source`: no `<database>` `dbb` is declared before; did you mean `db`?"
        ),
        "{err}"
    );
    s.write(
        "d.xml",
        "<setup>\n  <execute uri=\"script/setup.sql\" target=\"db\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains(
            "d.xml:2:43: `target`: no `<database>` `db` is declared before; declare it first"
        ),
        "{err}"
    );
    // Records whose number is known only at run time are not kept in memstores.
    let err = run(r#"  <memstore id="mem"/>
  <generate name="customer" source="db" target="CSV"><generate name="kid" count="2" target="mem"><key name="k" constant="1"/></generate></generate>"#);
    assert!(
        err.contains("d.xml:5:93: `target`: inside a generate whose count is its database `source`'s rows, records cannot be kept in a memstore yet"),
        "{err}"
    );
    // An empty selector result cannot be drawn from.
    let err = run(
        r#"  <generate name="c" count="2" target="CSV"><variable name="v" source="db" selector="SELECT * FROM customer" distribution="random"/><key name="x" constant="1"/></generate>"#,
    );
    assert!(
        err.contains(
            "d.xml:4:72: the `selector` of database `db` has no rows to repeat or draw from"
        ),
        "{err}"
    );
}

#[test]
fn database_servers_are_refused_naming_the_element() {
    let s = Scratch::new("db-servers");
    for (element, expected) in [
        (
            r#"<database id="pg" dbms="postgresql" host="localhost"/>"#,
            "d.xml:2:27: `<database id=\"pg\">`: `postgresql` needs a database server; only SQLite databases (`dbms=\"sqlite\"`) are supported",
        ),
        (
            r#"<mongodb id="m" host="h" port="1" database="d"/>"#,
            "d.xml:2:3: `<mongodb id=\"m\">`: MongoDB needs a database server; only SQLite databases",
        ),
        (
            r#"<database id="db"/>"#,
            "d.xml:2:3: `<database id=\"db\">` needs `dbms=\"sqlite\"` (or `db.db.dbms=sqlite` in `conf/environment.env.properties`)",
        ),
        (
            r#"<database id="db" dbms="sqlite" host="x"/>"#,
            "`host`: an SQLite database is a file and has no server settings",
        ),
    ] {
        s.write("d.xml", &format!("<setup>\n  {element}\n</setup>"));
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{element}: {err}");
    }
    std::fs::create_dir_all(s.path("conf")).unwrap();
    s.write("conf/environment.env.properties", "pg.db.dbms=postgresql\n");
    s.write("d.xml", "<setup>\n  <database id=\"pg\"/>\n</setup>");
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:2:3: `<database id=\"pg\">`: `postgresql` needs a database server"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn selectors_take_setup_variables_by_double_underscores() {
    let s = shop("db-selector-vars");
    s.write(
        "d.xml",
        r#"<setup rngSeed="2">
  <database id="db" dbms="sqlite"/>
  <execute uri="script/setup.sql" target="db"/>
  <generate name="customer" count="5" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" script="'c' + str(id)"/>
  </generate>
  <variable name="low" constant="2"/>
  <variable name="high" script="4"/>
  <generate name="some" source="db" selector="SELECT name FROM customer WHERE id BETWEEN __low__ AND __high__ ORDER BY id" target="CSV"/>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    assert_eq!(
        std::fs::read_to_string(s.path("output/some.csv")).unwrap(),
        "name\nc2\nc3\nc4\n"
    );
    s.write(
        "d.xml",
        r#"<setup>
  <database id="db" dbms="sqlite"/>
  <execute uri="script/setup.sql" target="db"/>
  <variable name="low" constant="2"/>
  <generate name="some" source="db" selector="SELECT name FROM customer WHERE id > __lo__" target="CSV"/>
</setup>"#,
    );
    std::fs::remove_dir_all(s.path("output")).unwrap();
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:5:84: `__lo__`: no setup `<variable>` `lo` is set before this query; did you mean `low`?"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn references_draw_keys_of_another_table() {
    let s = shop("db-reference");
    s.write(
        "script/orders.sql",
        "DROP TABLE IF EXISTS orders;\nCREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer (id));\n",
    );
    s.write(
        "d.xml",
        r#"<setup rngSeed="4">
  <database id="db" dbms="sqlite"/>
  <execute uri="script/setup.sql" target="db"/>
  <execute uri="script/orders.sql" target="db"/>
  <generate name="customer" count="3" target="db">
    <key name="id" generator="IncrementGenerator(start=10, step=10)"/>
    <key name="name" constant="x"/>
  </generate>
  <generate name="orders" count="200" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <reference name="customer_id" source="db" sourceType="customer" sourceKey="id"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let counts = rows(
        &s.path("output/db.sqlite"),
        "SELECT customer_id, count(*) FROM orders GROUP BY customer_id ORDER BY customer_id",
    );
    assert_eq!(counts.len(), 3, "{counts:?}");
    for (row, id) in counts.iter().zip(["10", "20", "30"]) {
        let (customer, n) = row.split_once('|').unwrap();
        assert_eq!(customer, id);
        assert!(n.parse::<u32>().unwrap() > 30, "{counts:?}");
    }
    for (reference, expected) in [
        (
            r#"<reference name="c" source="db" sourceType="custmer" sourceKey="id"/>"#,
            "d.xml:11:49: column `id` of table `custmer` of database `db`: no such table: custmer; did you mean `customer`?",
        ),
        (
            r#"<reference name="c" source="db" sourceType="customer" sourceKey="idd"/>"#,
            "d.xml:11:49: column `idd` of table `customer` of database `db`: no such column: idd",
        ),
        (
            r#"<reference name="c" source="bd" sourceType="customer" sourceKey="id"/>"#,
            "d.xml:11:33: `source`: no `<database>` `bd` is declared before",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup rngSeed="4">
  <database id="db" dbms="sqlite"/>
  <execute uri="script/setup.sql" target="db"/>
  <execute uri="script/orders.sql" target="db"/>
  <generate name="customer" count="3" target="db">
    <key name="id" generator="IncrementGenerator"/>
    <key name="name" constant="x"/>
  </generate>
  <generate name="orders" count="2" target="db">
    <key name="id" generator="IncrementGenerator"/>
    {reference}
  </generate>
</setup>"#
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains(expected), "{reference}: {err}");
    }
}

/// `<execute>` runs SQL scripts and Python files; any other file is refused, naming both.
#[test]
fn execute_refuses_files_that_are_neither_sql_nor_python() {
    let s = crate::Scratch::new("db-execute-other");
    s.write("setup.txt", "CREATE TABLE t (a INTEGER);\n");
    s.write(
        "d.xml",
        "<setup>\n  <database id=\"db\" dbms=\"sqlite\"/>\n  <execute uri=\"setup.txt\" target=\"db\"/>\n</setup>",
    );
    let err = fails(&s.0, &["run", "d.xml"]);
    assert!(
        err.contains("d.xml:3:17: `uri`: `setup.txt`: `<execute>` runs SQL scripts (`*.sql`) against a `<database>` and Python files (`*.scr.py`)"),
        "{err}"
    );
    assert_eq!(s.files("output"), Vec::<String>::new());
}
