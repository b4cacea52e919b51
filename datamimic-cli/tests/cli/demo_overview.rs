//! DATAMIMIC's `overview-generator` demo: its generates have no target, so the demo writes
//! nothing ([`overview_generator`]); [`overview_generator_values`] gives the Faker, department
//! and address generates a CSV target and checks every value by its kind, over several
//! unseeded runs (each value must hold for every draw, not for a lucky one).

use std::collections::HashSet;
use std::path::Path;

use crate::demos::{copy_dir, demos_dir, files};
use crate::{Scratch, datamimic};

/// The demo writes no file and prints the echo of each of its parts.
pub(crate) fn overview_generator(out: &Path) {
    assert_eq!(files(out), Vec::<String>::new());
    let stdout = std::fs::read_to_string(out.parent().unwrap().join("stdout.txt")).unwrap();
    for echo in [
        "Running Address Entity",
        "Running DepartmentNameGenerator",
        "Running CNPJGenerator",
        "Running Security Generators",
    ] {
        assert!(stdout.lines().any(|l| l == echo), "{echo}: {stdout}");
    }
}

/// The values of a table under `datasets/` (its first column after the `#` lines and header).
fn vocabulary(path: &str, column: usize, header: bool) -> HashSet<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../datasets")
            .join(path),
    )
    .unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(header)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap()[column].to_owned())
        .collect()
}

/// The rows of a `|`-separated CSV file as maps of column to value.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

fn luhn_valid(number: &str) -> bool {
    let sum: u32 = digits(number)
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn vin_valid(vin: &str) -> bool {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let value = |c: char| -> Option<u32> {
        c.to_digit(10).or_else(|| {
            let i = "ABCDEFGHJKLMNPRSTUVWXYZ".find(c)?;
            Some(
                [
                    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9,
                ][i],
            )
        })
    };
    let chars: Vec<char> = vin.chars().collect();
    if chars.len() != 17 {
        return false;
    }
    let Some(total) = chars
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| value(c).map(|v| v * w))
        .sum::<Option<u32>>()
    else {
        return false;
    };
    let check = if total % 11 == 10 {
        'X'
    } else {
        char::from_digit(total % 11, 10).unwrap()
    };
    chars[8] == check && !"UZ0".contains(chars[9])
}

fn ean13_valid(code: &str) -> bool {
    let d = digits(code);
    d.len() == 13
        && code.len() == 13
        && d.iter()
            .enumerate()
            .map(|(i, &x)| if i % 2 == 1 { 3 * x } else { x })
            .sum::<u32>()
            .is_multiple_of(10)
}

/// ISBN-10 or SBN (an ISBN-10 of group 0 without it): the weighted sum is a multiple of 11.
fn isbn10_valid(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|c| *c != '-').collect();
    if chars.len() != 10 {
        return false;
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = if c == 'X' && i == 9 {
                10
            } else {
                c.to_digit(10).unwrap_or(99)
            };
            (10 - i as u32) * v
        })
        .sum::<u32>()
        .is_multiple_of(11)
}

/// The hue (0–360) of a colour given as red, green and blue.
fn hue(r: f64, g: f64, b: f64) -> f64 {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let d = max - min;
    assert!(d > 0.0, "a red colour has a hue: {r} {g} {b}");
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    h * 60.0
}

/// Red in Faker's sense: a hue from -26 to 18 degrees (two degrees of rounding allowed).
fn is_red(h: f64) -> bool {
    h >= 332.0 || h <= 20.0
}

fn numbers_in(text: &str, prefix: &str) -> Vec<f64> {
    text.strip_prefix(prefix)
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{text}"))
        .split(", ")
        .map(|n| n.parse().unwrap())
        .collect()
}

fn check_faker_row(row: &std::collections::HashMap<String, String>, lists: &Lists) {
    let v = |k: &str| row[k].as_str();
    assert!(v("address").contains(", "), "{row:?}");
    assert!(
        !v("building_number").is_empty()
            && digits(v("building_number")).len() == v("building_number").len()
    );
    let plate = v("license_plate");
    assert!(
        (3..=9).contains(&plate.len())
            && plate
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ' || c == '-'),
        "{plate}"
    );
    assert!(vin_valid(v("vin")), "{}", v("vin"));
    let swift = v("bank_swift_code");
    assert!(
        swift.len() == 8
            && swift[..4].chars().all(|c| c.is_ascii_uppercase())
            && &swift[4..6] == "US"
            && swift[6..]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !swift.ends_with('0'),
        "{swift}"
    );
    assert_eq!(v("bank_country"), "US");
    assert!(ean13_valid(v("bar_code_ean")), "{}", v("bar_code_ean"));
    assert!(
        lists.colors.contains(v("color_name")),
        "{}",
        v("color_name")
    );
    let hex = v("color_hex");
    assert!(hex.len() == 7 && hex.starts_with('#'), "{hex}");
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
    assert!(is_red(hue(channel(1), channel(3), channel(5))), "{hex}");
    let rgb = numbers_in(v("color_rgb"), "rgb(");
    assert!(rgb.iter().all(|c| (0.0..=255.0).contains(c)));
    assert!(is_red(hue(rgb[0], rgb[1], rgb[2])), "{rgb:?}");
    let hsl = numbers_in(v("color_hsl"), "hsl(");
    assert!(
        is_red(hsl[0]) && (0.0..=100.0).contains(&hsl[1]) && (0.0..=100.0).contains(&hsl[2]),
        "{hsl:?}"
    );
    let card = v("credit_card_number");
    assert!(
        card.len() == 15 && (card.starts_with("34") || card.starts_with("37")) && luhn_valid(card),
        "American Express: {card}"
    );
    assert!(
        [
            "Visa",
            "Mastercard",
            "American Express",
            "Discover",
            "JCB",
            "Diners Club",
            "UnionPay"
        ]
        .contains(&v("credit_card_provider")),
        "{}",
        v("credit_card_provider")
    );
    assert!(lists.emoji.contains(v("emoji")), "{}", v("emoji"));
    assert!(lists.extensions.contains(v("file_extension")));
    assert!(["bmp", "gif", "jpeg", "jpg", "png", "tiff"].contains(&v("image_file_extension")));
    let file = |name: &str| {
        let (word, ext) = name.split_once('.').unwrap();
        lists.words.contains(word) && lists.extensions.contains(ext)
    };
    assert!(file(v("file_name")), "{}", v("file_name"));
    let path = v("file_path").strip_prefix('/').unwrap();
    let (folder, name) = path.split_once('/').unwrap();
    assert!(lists.words.contains(folder) && file(name), "{path}");
    for (key, limit) in [
        ("geo_coordinate", 180.0),
        ("geo_latitude", 90.0),
        ("geo_longitude", 180.0),
    ] {
        let x: f64 = v(key).parse().unwrap();
        assert!((-limit..=limit).contains(&x), "{key}: {x}");
    }
    let ip: std::net::Ipv4Addr = v("internet_ip4").parse().unwrap();
    assert!(
        !ip.is_private()
            && !ip.is_loopback()
            && !ip.is_multicast()
            && !ip.is_link_local()
            && ip.octets()[0] != 0,
        "{ip}"
    );
    let isbn10 = v("isbn10");
    assert!(
        isbn10.starts_with("0-") && isbn10.split('-').count() == 4 && isbn10_valid(isbn10),
        "{isbn10}"
    );
    let isbn13 = v("isbn13");
    assert!(
        isbn13.starts_with("978-0-") && isbn13.split('-').count() == 5,
        "{isbn13}"
    );
    assert!(ean13_valid(&isbn13.replace('-', "")), "{isbn13}");
    assert!(
        isbn10_valid(&format!("0{}", v("sbn9"))) && v("sbn9").split('-').count() == 3,
        "{}",
        v("sbn9")
    );
    assert!(lists.jobs.contains(v("job")), "{}", v("job"));
    let sha = v("misc_sha256");
    assert!(
        sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
        "{sha}"
    );
    let passport = v("passport_number");
    assert!(
        passport.len() == 9
            && passport[1..].bytes().all(|b| b.is_ascii_digit())
            && passport.as_bytes()[0].is_ascii_alphanumeric(),
        "{passport}"
    );
    let ssn: Vec<&str> = v("ssn").split('-').collect();
    assert!(
        ssn.len() == 3
            && !["000", "666"].contains(&ssn[0])
            && !ssn[0].starts_with('9')
            && ssn[1] != "00"
            && ssn[2] != "0000"
            && [3, 2, 4] == [ssn[0].len(), ssn[1].len(), ssn[2].len()],
        "{ssn:?}"
    );
    assert!(
        v("user_agent").starts_with("Mozilla/5.0"),
        "{}",
        v("user_agent")
    );
    assert!(
        v("user_agent_chrome").contains("Chrome/"),
        "{}",
        v("user_agent_chrome")
    );
    assert!((1..=10).contains(&v("random_int").parse::<i64>().unwrap()));
    assert!(lists.crypto_names.contains(v("cryptocurrency_name")));
    assert!(lists.crypto_codes.contains(v("cryptocurrency_code")));
}

struct Lists {
    colors: HashSet<String>,
    emoji: HashSet<String>,
    extensions: HashSet<String>,
    words: HashSet<String>,
    jobs: HashSet<String>,
    crypto_codes: HashSet<String>,
    crypto_names: HashSet<String>,
    departments: HashSet<String>,
}

#[test]
fn overview_generator_values() {
    let lists = Lists {
        colors: vocabulary("common/color/color_name.csv", 0, false),
        emoji: vocabulary("common/text/emoji.csv", 0, false),
        extensions: vocabulary("common/file/file_extension.csv", 1, true),
        words: vocabulary("common/text/lorem_word.csv", 0, false),
        jobs: vocabulary("common/organization/job.csv", 0, false),
        crypto_codes: vocabulary("common/finance/cryptocurrency.csv", 0, true),
        crypto_names: vocabulary("common/finance/cryptocurrency.csv", 1, true),
        departments: vocabulary("common/organization/department_US.csv", 0, false),
    };
    let s = Scratch::new("demo-overview-values");
    for run in 0..4 {
        let dir = s.path(&format!("run{run}"));
        copy_dir(&demos_dir().join("overview-generator"), &dir);
        for (file, from, to) in [
            (
                "faker.xml",
                r#"<generate name="standard_faker_providers" count="10"  >"#,
                r#"<generate name="standard_faker_providers" count="50" target="CSV">"#,
            ),
            (
                "organization.xml",
                r#"<generate name="DepartmentName" count="10" >"#,
                r#"<generate name="DepartmentName" count="50" target="CSV">"#,
            ),
            (
                "address.xml",
                r#"<generate name="Address" count="10" >"#,
                r#"<generate name="Address" count="50" target="CSV">"#,
            ),
        ] {
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let changed = text.replace(from, to);
            assert_ne!(text, changed, "{file}");
            std::fs::write(dir.join(file), changed).unwrap();
        }
        let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let faker = rows(&dir.join("out/standard_faker_providers.csv"));
        assert_eq!(faker.len(), 50);
        for row in &faker {
            check_faker_row(row, &lists);
        }
        for row in rows(&dir.join("out/DepartmentName.csv")) {
            assert!(lists.departments.contains(&row["value"]), "{row:?}");
        }
        for row in rows(&dir.join("out/Address.csv")) {
            let (office, private) = (&row["office_phone"], &row["private_phone"]);
            let lead = |p: &str| {
                p.rsplit_once(' ')
                    .map(|(l, n)| (l.to_owned(), n.len()))
                    .unwrap()
            };
            assert_eq!(lead(office), lead(private), "{row:?}");
            assert!(
                office.starts_with("+1 ") && office != &row["mobile_phone"],
                "{row:?}"
            );
        }
    }
}

#[test]
fn unknown_faker_methods_and_arguments_are_positioned_errors() {
    let s = Scratch::new("demo-overview-errors");
    for (generator, message) in [
        (
            "DataFakerGenerator('colour_name')",
            "Faker's method `colour_name` is not served; did you mean `color_name`?; served: address,",
        ),
        (
            "DataFakerGenerator('swift', lenght=8)",
            "swift() got an unexpected keyword argument 'lenght'",
        ),
        (
            "DataFakerGenerator('credit_card_number', card_type='amx')",
            "Faker's card type `amx` is not served; did you mean `amex`?",
        ),
        (
            "DataFakerGenerator('color', hue='reddish')",
            "`hue` is one of monochrome, red,",
        ),
        (
            "DataFakerGenerator('ssn', 'de_DE')",
            "`ssn` is served for the datasets US only, not DE",
        ),
        (
            "DepartmentNameGenerator(locale='fr')",
            "table `common/organization/department` has no dataset `FR`",
        ),
    ] {
        std::fs::write(
            s.path("d.xml"),
            format!(
                r#"<setup>
  <generate name="t" count="2" target="CSV">
    <key name="v" generator="{generator}"/>
  </generate>
</setup>"#
            ),
        )
        .unwrap();
        let out = datamimic(&s.0, &["run", "d.xml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{generator}");
        assert!(
            stderr.contains("d.xml:3:") && stderr.contains(message),
            "{generator}: {stderr}"
        );
    }
}
