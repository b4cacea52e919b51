//! DATAMIMIC's literal generators without datasets of their own (the generator overview
//! demo's `EANGenerator`, `SSNGenerator`, `HashGenerator`, `TokenGenerator`,
//! `PasswordGenerator`, `SectorGenerator`, `DomainGenerator`), and the internet showcase's
//! `UrlGenerator`, `PhoneNumberGenerator` and `StreetNameGenerator`.

use crate::{Scratch, fails, ok};

const DESCRIPTOR: &str = r#"<setup rngSeed="9">
  <generate name="t" count="60" target="JSON">
    <key name="ean" generator="EANGenerator"/>
    <key name="ssn" generator="SSNGenerator"/>
    <key name="sha256" generator="HashGenerator()"/>
    <key name="sha512" generator="HashGenerator(algorithm='sha512')"/>
    <key name="md5" generator="HashGenerator(algorithm='md5')"/>
    <key name="hex" generator="TokenGenerator(token_type='hex', entropy=32)"/>
    <key name="urlsafe" generator="TokenGenerator(token_type='urlsafe', entropy=32)"/>
    <key name="strong" generator="PasswordGenerator(length=16)"/>
    <key name="simple" generator="PasswordGenerator(length=12, include_special=False)"/>
    <key name="numeric" generator="PasswordGenerator(length=8, include_special=False, include_uppercase=False)"/>
    <key name="sector" generator="SectorGenerator"/>
    <key name="domain" generator="DomainGenerator(dataset='DE')"/>
  </generate>
</setup>"#;

fn text<'a>(r: &'a serde_json::Value, key: &str) -> &'a str {
    r[key].as_str().unwrap()
}

#[test]
fn literal_generators_make_valid_values_the_same_for_every_thread_count() {
    let s = Scratch::new("literal-generators");
    s.write("d.xml", DESCRIPTOR);
    let run = |threads: &str| {
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        std::fs::read_to_string(s.path("output/t.json")).unwrap()
    };
    let json = run("1");
    assert_eq!(json, run("4"));
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let hex = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_hexdigit());
    for r in &records {
        let ean: Vec<u32> = text(r, "ean")
            .chars()
            .map(|c| c.to_digit(10).unwrap())
            .collect();
        assert_eq!(ean.len(), 13);
        let sum: u32 = ean
            .iter()
            .enumerate()
            .map(|(i, d)| if i % 2 == 1 { 3 * d } else { *d })
            .sum();
        assert_eq!(sum % 10, 0, "check digit of {r}");
        let ssn: Vec<u32> = text(r, "ssn")
            .split('-')
            .map(|p| p.parse().unwrap())
            .collect();
        assert_eq!(text(r, "ssn").len(), 11);
        assert!(
            (1..900).contains(&ssn[0]) && ssn[0] != 666 && ssn[1] >= 1 && ssn[2] >= 1,
            "{r}"
        );
        assert!(
            hex(text(r, "sha256"), 64) && hex(text(r, "sha512"), 128) && hex(text(r, "md5"), 32)
        );
        assert!(hex(text(r, "hex"), 64));
        let urlsafe = text(r, "urlsafe");
        assert_eq!(urlsafe.len(), 43);
        assert!(
            urlsafe
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let strong = text(r, "strong");
        assert_eq!(strong.chars().count(), 16);
        assert!(strong.chars().any(|c| c.is_ascii_uppercase()));
        assert!(strong.chars().any(|c| c.is_ascii_digit()));
        assert!(strong.chars().any(|c| !c.is_ascii_alphanumeric()));
        let simple = text(r, "simple");
        assert_eq!(simple.len(), 12);
        assert!(simple.chars().all(|c| c.is_ascii_alphanumeric()));
        let numeric = text(r, "numeric");
        assert_eq!(numeric.len(), 8);
        assert!(
            numeric
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        );
        assert!(!text(r, "sector").is_empty());
        let domain = text(r, "domain");
        assert!(
            domain.ends_with(".de") && !domain.starts_with("www."),
            "{domain}"
        );
    }
    let distinct: std::collections::HashSet<&str> =
        records.iter().map(|r| text(r, "sha256")).collect();
    assert_eq!(distinct.len(), records.len());
}

#[test]
fn a_literal_generator_with_a_bad_argument_is_a_positioned_error() {
    let s = Scratch::new("literal-generators-bad");
    for (generator, says) in [
        (
            "HashGenerator(algorithm='crc32')",
            "`crc32` is not a hash type",
        ),
        (
            "TokenGenerator(token_type='base32')",
            "`token_type` is 'hex' or 'urlsafe'",
        ),
        ("PasswordGenerator(length=2)", "`length` is from 4 to 1024"),
        (
            "UrlGenerator(schemes='https')",
            "`schemes` is a list of schemes",
        ),
        (
            "PhoneNumberGenerator(area_code='3a')",
            "`area_code` is 1 to 6 digits",
        ),
        ("StreetNameGenerator(dataset='XX')", "XX"),
    ] {
        s.write(
            "d.xml",
            &format!(
                r#"<setup>
  <generate name="t" count="1" target="JSON">
    <key name="k" generator="{generator}"/>
  </generate>
</setup>"#
            ),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(
            e.contains("d.xml:3:") && e.contains(says),
            "{generator}: {e}"
        );
    }
}

const INTERNET: &str = r#"<setup rngSeed="4">
  <generate name="t" count="80" target="JSON">
    <key name="url" generator="UrlGenerator()"/>
    <key name="url_de" generator="UrlGenerator(locale='de_DE', schemes=['ftp', 'sftp'])"/>
    <key name="phone" generator="PhoneNumberGenerator()"/>
    <key name="phone_de" generator="PhoneNumberGenerator(dataset='DE')"/>
    <key name="mobile_de" generator="PhoneNumberGenerator(dataset='DE', is_mobile=True)"/>
    <key name="berlin" generator="PhoneNumberGenerator(dataset='DE', area_code='30')"/>
    <key name="street" generator="StreetNameGenerator"/>
    <key name="street_de" generator="StreetNameGenerator(dataset='DE')"/>
  </generate>
</setup>"#;

/// The names of a street table under `datasets/common/address/`.
fn streets(dataset: &str) -> std::collections::HashSet<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../datasets/common/address/street_{dataset}.csv"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.rsplit_once(',').unwrap().0.to_owned())
        .collect()
}

/// `+CC AREA SUBSCRIBER`, all digits after the plus.
fn phone_parts(phone: &str) -> Vec<&str> {
    let parts: Vec<&str> = phone.split(' ').collect();
    assert_eq!(parts.len(), 3, "{phone}");
    assert!(parts[0].starts_with('+'), "{phone}");
    assert!(
        parts.iter().all(|p| p
            .trim_start_matches('+')
            .bytes()
            .all(|b| b.is_ascii_digit())),
        "{phone}"
    );
    parts
}

#[test]
fn url_phone_and_street_generators_draw_from_the_datasets() {
    let s = Scratch::new("internet-generators");
    s.write("d.xml", INTERNET);
    let run = |threads: &str| {
        ok(&s.0, &["run", "d.xml", "--threads", threads]);
        std::fs::read_to_string(s.path("output/t.json")).unwrap()
    };
    let json = run("1");
    assert_eq!(json, run("3"));
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let (us_streets, de_streets) = (streets("US"), streets("DE"));
    for r in &records {
        let url = text(r, "url");
        assert!(
            url.starts_with("https://www.") && url.ends_with(".com"),
            "{url}"
        );
        let url_de = text(r, "url_de");
        assert!(
            (url_de.starts_with("ftp://www.") || url_de.starts_with("sftp://www."))
                && url_de.ends_with(".de"),
            "{url_de}"
        );
        assert_eq!(phone_parts(text(r, "phone"))[0], "+1");
        assert_eq!(phone_parts(text(r, "phone_de"))[0], "+49");
        // German mobile numbers are 015x, 016x and 017x.
        let mobile = phone_parts(text(r, "mobile_de"));
        assert!(
            mobile[0] == "+49" && mobile[1].starts_with('1'),
            "{mobile:?}"
        );
        let berlin = phone_parts(text(r, "berlin"));
        assert_eq!(berlin[..2], ["+49", "30"]);
        assert!(berlin[2].len() >= 4, "{berlin:?}");
        assert!(us_streets.contains(text(r, "street")), "{r}");
        assert!(de_streets.contains(text(r, "street_de")), "{r}");
    }
    let landline = |k: &str| {
        records
            .iter()
            .map(|r| text(r, k).to_owned())
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    assert!(landline("phone_de") > 70 && landline("street_de") > 20);
}
