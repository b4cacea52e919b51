//! What the custom-components, datetime and masking demos write (listed in
//! [`crate::demos`]'s demos that run), and the records of the two that write nothing.

use std::path::Path;

use crate::demos::{copy_dir, demos_dir, files, is_datetime, table};
use crate::{Scratch, datamimic};

/// The custom-components demo writes nothing: its generates have no target, as in
/// DATAMIMIC; [`demo_custom_components_records`] checks the records they make.
pub(crate) fn custom_components(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
}

/// The datetime demo writes nothing either; [`demo_datetime_series_records`] checks the
/// series its Python script makes.
pub(crate) fn datetime(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
}

/// Runs a copy of demo `name` whose generates in `file` got the targets of `edits` (each the
/// text replaced and its replacement).
fn run_with_targets(s: &Scratch, name: &str, file: &str, edits: &[(&str, &str)]) -> String {
    let dir = s.path(name);
    copy_dir(&demos_dir().join(name), &dir);
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{file} has no `{from}`");
        text = text.replace(from, to);
    }
    std::fs::write(&path, text).unwrap();
    let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// A `|`-separated CSV file: its header and rows.
fn csv_rows(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().map(Result::unwrap).collect())
}

/// Whether `isbn` is `978-G-PPP-TTTTTT-C` with the check digit the demo computes: ISBN-13's
/// weights over the thirteen digits before it (the demo's numbers have fourteen digits).
fn is_demo_isbn(isbn: &str) -> bool {
    let digits: Vec<u32> = isbn.chars().filter_map(|c| c.to_digit(10)).collect();
    let parts: Vec<&str> = isbn.split('-').collect();
    if parts.len() != 5 || digits.len() != 14 {
        return false;
    }
    let weighted: u32 = digits[..13]
        .iter()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { *d } else { d * 3 })
        .sum();
    (10 - weighted % 10) % 10 == digits[13]
}

fn is_hex_pairs(text: &str, pairs: usize, separator: char) -> bool {
    let parts: Vec<&str> = text.split(separator).collect();
    parts.len() == pairs
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The records of the custom generators and converters (written by giving the generates a
/// CSV target): every column with values of its kind, Faker's `catch_phrase` and
/// `user_agent` from their tables.
#[test]
fn demo_custom_components_records() {
    let s = Scratch::new("demo-custom-components-records");
    run_with_targets(
        &s,
        "demo-custom-components",
        "1_generator_multi.xml",
        &[(
            r#"<generate name="customGeneratorExample" count="{global_count}">"#,
            r#"<generate name="customGeneratorExample" count="{global_count}" target="CSV">"#,
        )],
    );
    let s2 = Scratch::new("demo-custom-components-records-2");
    run_with_targets(
        &s2,
        "demo-custom-components",
        "2_converter_multi.xml",
        &[(
            r#"<generate name="financialDataExample" count="{global_count}">"#,
            r#"<generate name="financialDataExample" count="{global_count}" target="CSV">"#,
        )],
    );
    let out = s.path("demo-custom-components/out");
    let (header, rows) = csv_rows(&out.join("customGeneratorExample.csv"));
    assert_eq!(
        header,
        [
            "id",
            "hexColor",
            "ipAddress",
            "uuid",
            "macAddress",
            "isbn",
            "coordinates",
            "licensePlate",
            "password",
            "movieTitle",
            "userAgent"
        ]
    );
    assert_eq!(rows.len(), 10, "global_count=10 in conf/base.properties");
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r[0], (i + 1).to_string());
        assert!(r[1].len() == 7 && r[1].starts_with('#'), "{r:?}");
        assert!(r[2].parse::<std::net::Ipv4Addr>().is_ok(), "{r:?}");
        assert!(uuid_v4(&r[3]), "{r:?}");
        assert!(is_hex_pairs(&r[4], 6, ':'), "{r:?}");
        assert!(is_demo_isbn(&r[5]), "{r:?}");
        let (lat, lon) = r[6].split_once(',').unwrap();
        assert!(
            (-90.0..=90.0).contains(&lat.parse::<f64>().unwrap()),
            "{r:?}"
        );
        assert!(
            (-180.0..=180.0).contains(&lon.parse::<f64>().unwrap()),
            "{r:?}"
        );
        let (letters, digits) = r[7].split_once('-').unwrap();
        assert!(letters.len() == 3 && letters.chars().all(|c| c.is_ascii_uppercase()));
        assert!(digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(r[8].chars().count(), 16, "{r:?}");
        // Faker's catch phrase: an adjective, a descriptor and a noun of its word lists.
        assert!(catch_phrase(&r[9]), "{r:?}");
        assert!(
            r[10].starts_with("Mozilla/5.0 (") && user_agents().iter().any(|a| a == &r[10]),
            "{r:?}"
        );
    }
    let out = s2.path("demo-custom-components/out");
    let (header, rows) = csv_rows(&out.join("financialDataExample.csv"));
    assert_eq!(
        header,
        [
            "customer_id",
            "customer_name",
            "email",
            "transaction_amount",
            "transaction_type",
            "anonymized_name",
            "masked_email",
            "formatted_amount",
            "standardized_transaction_type"
        ]
    );
    assert_eq!(rows.len(), 10);
    for r in &rows {
        assert!(r[1].contains(' '), "{r:?}");
        assert!(r[2].contains('@'), "{r:?}");
        let amount: f64 = r[3].parse().unwrap();
        assert!((1.0..=10_000.0).contains(&amount), "{r:?}");
        assert!(
            ["purchase", "refund", "transfer", "withdrawal"].contains(&&r[4]),
            "{r:?}"
        );
        assert_eq!(&r[5], "ANONYMOUS");
        let (local, domain) = r[6].split_once('@').unwrap();
        assert_eq!(Some(domain), r[2].split_once('@').map(|(_, d)| d));
        assert!(local[1..].chars().all(|c| c == '*'), "{r:?}");
        let formatted = format!("{:.2}", amount);
        let (whole, cents) = formatted.split_once('.').unwrap();
        let grouped: Vec<String> = whole
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        assert_eq!(r[7], format!("${}.{cents}", grouped.join(",")), "{r:?}");
        assert_eq!(r[8], r[4].to_uppercase());
    }
}

fn uuid_v4(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && groups[2].starts_with('4')
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The words of one of the catch-phrase tables.
fn words(position: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../datasets/common/organization/catch_phrase_{position}.csv"
    ));
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap()[0].to_owned()).collect()
}

fn catch_phrase(text: &str) -> bool {
    let [adjectives, descriptors, nouns] = ["adjective", "descriptor", "noun"].map(words);
    adjectives.iter().any(|a| {
        text.strip_prefix(a.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| {
                descriptors.iter().any(|d| {
                    rest.strip_prefix(d.as_str())
                        .and_then(|rest| rest.strip_prefix(' '))
                        .is_some_and(|noun| nouns.iter().any(|n| n == noun))
                })
            })
    })
}

fn user_agents() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../datasets/common/net/user_agent.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap()[0].to_owned()).collect()
}

/// The series of the datetime demo's Python script (`add_days` with `datetime` and
/// `timedelta`), written by giving the nested generate a CSV target: for each customer of
/// `data/customer.ent.csv`, ten datetimes counting up by days from one random datetime.
#[test]
fn demo_datetime_series_records() {
    let s = Scratch::new("demo-datetime-series");
    run_with_targets(
        &s,
        "demo-datetime",
        "4_datetime_series.xml",
        &[(
            r#"<generate name="DateTimeSeries" count="10">"#,
            r#"<generate name="DateTimeSeries" count="10" target="CSV">"#,
        )],
    );
    let (header, rows) = csv_rows(&s.path("demo-datetime/out/DateTimeSeries.csv"));
    assert_eq!(
        header,
        [
            "customer",
            "datetime_sequence_id",
            "datetime_sequence_timeutil",
            "datetime_sequence_day",
            "series_offset_days"
        ]
    );
    assert_eq!(rows.len(), 30, "three customers, ten each");
    let at = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S");
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(&r[0], ["Alice", "Bob", "Jana"][i / 10], "{r:?}");
        // A nested generate's `IncrementGenerator` restarts for each parent, as in DATAMIMIC:
        // each customer's series is days 1 to 10.
        assert_eq!(r[1], (i % 10 + 1).to_string(), "{r:?}");
        let start = at(&r[2]).unwrap();
        assert_eq!(r[2], rows[i / 10 * 10][2], "one datetime per customer");
        assert_eq!(r[3], chrono::Datelike::day(&start).to_string(), "{r:?}");
        let days = i64::try_from(i % 10 + 1).unwrap();
        assert_eq!(
            at(&r[4]).unwrap(),
            start + chrono::Duration::days(days),
            "{r:?}"
        );
    }
}

/// The masking demo: customers and users prepared in `source.sqlite` (DATAMIMIC leaves out
/// the customers' `active` key, which their table lacks; datamimic warns), masked into
/// `target.sqlite`, and the CSV persons anonymised.
pub(crate) fn masking(out: &Path) {
    assert_eq!(
        files(out),
        ["ObfuscateCSV.csv", "source.sqlite", "target.sqlite"]
    );
    let stderr = std::fs::read_to_string(out.parent().unwrap().join("stderr.txt")).unwrap();
    assert!(
        stderr.contains("1_prepare.xml:9:9: warning: `CUSTOMER`: table `CUSTOMER` of SQLite database `out/source.sqlite` has no column `active`"),
        "{stderr}"
    );
    let (columns, customers) = table(&out.join("source.sqlite"), "customer");
    assert_eq!(
        columns,
        [
            "id",
            "tc_creation_src",
            "tc_creation",
            "tc_update_src",
            "tc_update",
            "no",
            "name"
        ]
    );
    assert_eq!(customers.len(), 10, "customer_count=10");
    let (_, masked_customers) = table(&out.join("target.sqlite"), "customer");
    assert_eq!(masked_customers.len(), 10);
    for (i, (c, m)) in customers.iter().zip(&masked_customers).enumerate() {
        assert_eq!(c[0].as_deref(), Some((i + 1).to_string().as_str()));
        assert_eq!(c[1].as_deref(), Some("DATAMIMIC"));
        assert!(c[2].as_deref().is_some_and(is_datetime), "{c:?}");
        assert!(c[6].as_ref().is_some_and(|n| !n.is_empty()), "{c:?}");
        assert_eq!(m[6], c[6].as_ref().map(|n| format!("{n}_mask")), "{m:?}");
        assert_eq!(m[0], c[0]);
    }
    let (columns, users) = table(&out.join("source.sqlite"), "user");
    assert_eq!(columns.len(), 12);
    assert_eq!(users.len(), 10, "user_count=10");
    let (_, masked_users) = table(&out.join("target.sqlite"), "user");
    assert_eq!(masked_users.len(), 10);
    for (u, m) in users.iter().zip(&masked_users) {
        // full_name, email, active (the later `values="True,False"` key), language, customer
        let name = u[5].as_deref().unwrap();
        assert!(name.contains(' '), "{u:?}");
        assert_eq!(m[5].as_deref(), Some(format!("{name}_mask").as_str()));
        let email = u[6].as_deref().unwrap();
        assert!(email.contains('@'), "{u:?}");
        assert_eq!(
            m[6].as_deref().unwrap(),
            "*".repeat(email.chars().count()),
            "`Mask` stars every character"
        );
        assert_eq!(m[1].as_deref(), Some("!!!!!!!!!"), "Mask('!') of DATAMIMIC");
        assert!(["0", "1"].contains(&u[8].as_deref().unwrap()), "{u:?}");
        assert!(
            ["german", "english", "vietnamese"].contains(&u[10].as_deref().unwrap()),
            "{u:?}"
        );
        let customer: usize = u[11].as_deref().unwrap().parse().unwrap();
        assert!((1..=10).contains(&customer), "{u:?}");
    }
    let (header, rows) = csv_rows(&out.join("ObfuscateCSV.csv"));
    assert_eq!(
        header,
        [
            "givenName",
            "familyName",
            "alias",
            "street",
            "houseNumber",
            "postalCode",
            "city",
            "accountNo",
            "ssn",
            "creditCardNo",
            "secret1",
            "secret2",
            "secret3",
            "secret4",
            "secret5",
            "country"
        ]
    );
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r[0].chars().all(|c| c == '*'), "{r:?}");
        assert!(r[1].chars().count() <= 3, "{r:?}");
        assert!(r[2].ends_with("_demo"), "{r:?}");
        assert_eq!(&r[15], "US");
        assert_eq!(r[7].len(), 64, "sha256 hex: {r:?}");
        assert_eq!(r[10].len(), 32, "md5 hex: {r:?}");
        assert_eq!(r[12].len(), 40, "sha1 hex: {r:?}");
        assert_eq!(&r[14], "secret5", "no key: kept as read");
    }
}

/// The `<item>`s of an XML file a demo wrote.
fn xml_items(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn parsed_items(text: &str) -> Vec<roxmltree::Node<'_, '_>> {
    // Leaked: the document lives for the test.
    let document = Box::leak(Box::new(roxmltree::Document::parse(text).unwrap()));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "list");
    root.children().filter(|n| n.is_element()).collect()
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

/// The XML demo: keys and nestedKeys as elements, `<element>`s as attributes, arrays and
/// lists as repeated elements, XML templates read as sources (attributes as `@name`, text as
/// `#text`) and rewritten, and scripts copying a template's text and attributes.
pub(crate) fn xml(out: &Path) {
    assert_eq!(
        files(out),
        [
            "array_xml.xml",
            "book.xml",
            "book_script.xml",
            "generate_xml.xml",
            "list_xml.xml",
            "part_dict.xml",
            "part_list.xml",
            "university.xml"
        ]
    );
    let read = |name: &str| Box::leak(xml_items(&out.join(name)).into_boxed_str());
    // `<key name="author" script="None">` with three `<element>`s: an empty element with
    // the person's name, gender and birthdate as attributes.
    let items = parsed_items(read("generate_xml.xml"));
    assert_eq!(items.len(), 10);
    for item in &items {
        let author = child(*item, "author");
        assert!(author.text().is_none(), "{author:?}");
        assert!(author.attribute("name").is_some_and(|n| n.contains(' ')));
        assert!(["male", "female", "other"].contains(&author.attribute("gender").unwrap()));
        assert!(
            chrono::NaiveDate::parse_from_str(author.attribute("birthdate").unwrap(), "%Y-%m-%d")
                .is_ok()
        );
    }
    // A list nestedKey of ten books, each all attributes.
    let items = parsed_items(read("part_list.xml"));
    assert_eq!(items.len(), 1);
    let books: Vec<_> = items[0].children().filter(|c| c.is_element()).collect();
    assert_eq!(books.len(), 10);
    for book in &books {
        assert_eq!(book.tag_name().name(), "book");
        assert!(book.attribute("title").unwrap().starts_with("Book "));
        assert!(["de", "en"].contains(&book.attribute("language").unwrap()));
        let pages: u32 = book.attribute("pages").unwrap().parse().unwrap();
        assert!((100..=800).contains(&pages));
        assert!(is_datetime(book.attribute("release_date").unwrap()));
    }
    // A key with an element: its value as text, the element as its attribute.
    let items = parsed_items(read("part_dict.xml"));
    let title = child(child(items[0], "book"), "title");
    assert!(title.text().unwrap().starts_with("Book "));
    assert!(["de", "en"].contains(&title.attribute("language").unwrap()));
    assert!(child(items[0], "magazine").children().count() == 3);
    // Arrays repeat their element ten times each.
    for item in parsed_items(read("array_xml.xml")) {
        let names: Vec<&str> = item.children().map(|c| c.tag_name().name()).collect();
        assert_eq!(names.iter().filter(|n| **n == "random_string").count(), 10);
        assert_eq!(names.iter().filter(|n| **n == "random_number").count(), 10);
    }
    for item in parsed_items(read("list_xml.xml")) {
        let details: Vec<_> = item.children().collect();
        assert_eq!(details.len(), 3);
        assert_eq!(child(details[0], "number").text(), Some("2"));
        assert_eq!(details[2].children().count(), 10, "ten employees");
    }
    // The book template: its three items with their attributes, `author` rewritten, an
    // `additionalTag` with an attribute added.
    let items = parsed_items(read("book.xml"));
    assert_eq!(items.len(), 3);
    let titles: Vec<&str> = items
        .iter()
        .map(|i| child(*i, "title").text().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Introduction to Programming",
            "Data Science Essentials",
            "Web Development Basics"
        ]
    );
    for item in &items {
        assert_eq!(child(*item, "title").attribute("language"), Some("en"));
        // 0 to 20 random letters: an empty author (no text) is one of the 21 lengths.
        let author = child(*item, "author").text().unwrap_or_default();
        assert!(author.chars().all(|c| c.is_ascii_alphabetic()), "{author}");
        assert!(!["John Smith", "Jane Doe", "Michael Johnson"].contains(&author));
        assert_eq!(
            child(*item, "publishedDate").attribute("format"),
            Some("yyyy-mm-dd")
        );
        let tag = child(*item, "additionalTag");
        assert_eq!(tag.text(), Some("extra"));
        assert_eq!(tag.attribute("new_key"), Some("new_key_value"));
    }
    assert_eq!(
        child(child(items[0], "tags"), "category").text(),
        Some("programming")
    );
    // The university template: the students kept (ids, ages, grades, phones), their names
    // and emails rewritten from a person, a gender added.
    let items = parsed_items(read("university.xml"));
    assert_eq!(items.len(), 1);
    let students: Vec<_> = child(items[0], "students")
        .children()
        .filter(|c| c.is_element())
        .collect();
    assert_eq!(students.len(), 2);
    for (student, (id, age, letter, phone)) in students
        .iter()
        .zip([("1", "20", "A", "mobile"), ("2", "22", "B", "home")])
    {
        assert_eq!(student.attribute("id"), Some(id));
        assert_eq!(child(*student, "age").text(), Some(age));
        assert_eq!(child(*student, "grade").attribute("letter"), Some(letter));
        let contact = child(*student, "contact");
        assert_eq!(child(contact, "phone").attribute("type"), Some(phone));
        let email = child(contact, "email").text().unwrap();
        assert!(
            !email.ends_with("@example.com") && email.contains('@'),
            "{email}"
        );
        let name = child(*student, "name");
        // A drawn person may well be called John or Jane; the whole template name is the
        // sign of a name left unwritten.
        let first = child(name, "first").text().unwrap();
        let last = child(name, "last").text().unwrap();
        assert!(
            ![("John", "Doe"), ("Jane", "Smith")].contains(&(first, last)),
            "{first} {last}"
        );
        assert!(["male", "female", "other"].contains(&child(*student, "gender").text().unwrap()));
    }
    // Scripts copy a key, an element's text, an attribute and a whole element.
    for item in parsed_items(read("book_script.xml")) {
        let part = child(item, "part");
        // A random string, empty at times.
        let author = child(part, "author").text();
        assert_eq!(child(part, "copy_author").text(), author);
        assert_eq!(child(part, "copy_additionalTag").text(), Some("extra"));
        let copy = child(part, "copy_additionalTag2");
        assert_eq!(copy.text(), Some("abc"));
        assert_eq!(copy.attribute("copy_new_key"), Some("new_key_value"));
        let whole = child(part, "copy_additionalTag3");
        assert_eq!(whole.text(), Some("extra"));
        assert_eq!(whole.attribute("new_key"), Some("new_key_value"));
    }
}
