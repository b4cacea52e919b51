//! `#[derive(Mimic)]` end to end: every attribute, enums, generics, and the service.

use chrono::NaiveDate;
use datamimic::{Context, Error, Mimic, Service, Strictness};

#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(dataset = "DE")]
struct Employee {
    #[mimic(seq)]
    id: u64,
    #[mimic(weighted = "common/person/given_name_female")]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: String,
    #[mimic(range = "18..=67")]
    age: u8,
    #[mimic(range = "1958-01-01..=2006-12-31")]
    birthdate: NaiveDate,
    #[mimic(format = "{given_name}.{family_name}@example.com", ascii_lowercase)]
    email: String,
    #[mimic(optional = 0.25, pattern = "+49 ### #######")]
    phone: Option<String>,
    #[mimic(values = ["engineering", "sales", "support"], weights = [6, 3, 1])]
    department: &'static str,
    #[mimic(len = "1..=3", values = ["rust", "sql", "python"])]
    skills: Vec<String>,
    #[mimic(with = badge(id, family_name))]
    badge: String,
    #[mimic(constant = "active")]
    status: String,
    #[mimic(skip)]
    notes: Vec<String>,
    address: Address,
}

fn badge(ctx: &mut Context<'_>, id: &u64, family_name: &str) -> String {
    format!(
        "{}-{id:05}-{}",
        ctx.dataset(),
        family_name.chars().next().unwrap_or('X')
    )
}

#[derive(Mimic, Debug, Clone, PartialEq)]
struct Address {
    #[mimic(weighted = "common/address/street")]
    street: &'static str,
    #[mimic(range = "1..=200")]
    house_number: u16,
    #[mimic(weighted = "common/address/city", column = "city")]
    city: &'static str,
    #[mimic(weighted = "common/address/city", column = "state_code")]
    state: &'static str,
    #[mimic(weighted = "common/address/city", column = "postal_code")]
    postal_code: String,
}

#[test]
fn the_issue_example_works() {
    let mut service = Service::<Employee>::new().dataset("DE").unwrap().seed(42);
    let one = service.generate();
    assert_eq!(one.id, 1);
    assert!((18..=67).contains(&one.age));
    assert_eq!(one.status, "active");
    assert!(one.notes.is_empty());
    assert!(one.badge.starts_with("DE-00001-"));
    let many = service.generate_batch(1000);
    assert_eq!(many.len(), 1000);
    assert_eq!(many[0].id, 2);
    let streamed: Vec<Employee> = service.iter().take(10).collect();
    assert_eq!(streamed[0].id, 1002);
}

#[test]
fn attributes_do_what_they_say() {
    let service = Service::<Employee>::new().seed(7);
    let records: Vec<Employee> = (0..2_000).map(|i| service.record(i)).collect();
    let low = NaiveDate::from_ymd_opt(1958, 1, 1).unwrap();
    let high = NaiveDate::from_ymd_opt(2006, 12, 31).unwrap();
    let mut none_phones = 0;
    let mut engineering = 0;
    for e in &records {
        assert!(e.birthdate >= low && e.birthdate <= high);
        let expected = format!("{}.{}@example.com", e.given_name, e.family_name);
        assert_eq!(
            e.email,
            datamimic::text::ascii_fold(&expected, "DE").to_ascii_lowercase()
        );
        assert!(e.email.is_ascii());
        match &e.phone {
            None => none_phones += 1,
            Some(phone) => {
                assert_eq!(phone.len(), "+49 ### #######".len());
                assert!(phone.starts_with("+49 "));
            }
        }
        engineering += usize::from(e.department == "engineering");
        assert!((1..=3).contains(&e.skills.len()));
        assert!(
            e.skills
                .iter()
                .all(|s| ["rust", "sql", "python"].contains(&s.as_str()))
        );
    }
    // 25% None phones and 60% engineering, within generous statistical bounds.
    assert!((400..600).contains(&none_phones), "{none_phones}");
    assert!((1_080..1_320).contains(&engineering), "{engineering}");
}

#[test]
fn fields_from_one_row_stay_coherent() {
    let table = datamimic::tables::COMMON_ADDRESS_CITY
        .resolve("DE")
        .unwrap();
    let service = Service::<Address>::new().dataset("DE").unwrap().seed(3);
    for i in 0..2_000 {
        let address = service.record(i);
        let matches = table.iter().any(|row| {
            row.get("city") == Some(address.city)
                && row.get("state_code") == Some(address.state)
                && row.get("postal_code") == Some(address.postal_code.as_str())
        });
        assert!(matches, "{address:?} is not one row of the city table");
    }
}

#[test]
fn record_i_is_the_same_in_any_order() {
    let mut sequential = Service::<Employee>::new().seed(11);
    let batch = sequential.generate_batch(50);
    let random_access = Service::<Employee>::new().seed(11);
    for i in (0..50).rev() {
        assert_eq!(random_access.record(i), batch[i as usize]);
    }
    let other_seed = Service::<Employee>::new().seed(12);
    assert_ne!(other_seed.record(0), batch[0]);
}

#[test]
fn default_dataset_comes_from_the_container() {
    let service = Service::<Employee>::new().seed(1);
    assert_eq!(service.settings().dataset().as_str(), "DE");
}

#[test]
fn strict_mode_rejects_a_dataset_a_table_lacks() {
    let err = Service::<Employee>::new()
        .strictness(Strictness::Strict)
        .unwrap()
        .dataset("JP")
        .unwrap_err();
    assert!(matches!(err, Error::UnsupportedDataset { .. }), "{err:?}");
    let supported = Service::<Employee>::supported_datasets();
    assert!(
        supported.contains(&"DE") && supported.contains(&"US"),
        "{supported:?}"
    );
    assert!(!supported.contains(&"JP"));
}

#[test]
fn a_dataset_no_table_has_is_an_error_listing_those_that_exist() {
    // `ZZ` is reserved for user assignment: no country's data will ever be baked for it.
    let err = Service::<Employee>::new().dataset("ZZ").unwrap_err();
    let Error::UnknownDataset {
        type_name,
        requested,
        available,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!((*type_name, requested.as_str()), ("Employee", "ZZ"));
    assert!(
        available.contains(&"DE") && available.contains(&"US"),
        "{available:?}"
    );
    assert!(
        err.to_string()
            .starts_with("no table of `Employee` has dataset `ZZ`; its tables have: "),
        "{err}"
    );
}

#[derive(Mimic, Debug)]
#[allow(dead_code)]
struct Parcel {
    #[mimic(weighted = "common/person/family_name")]
    recipient: &'static str,
    #[mimic(weighted = "ecommerce/shipping_method", column = "method")]
    method: &'static str,
}

#[test]
fn a_partial_fallback_is_listed_by_the_service() {
    use datamimic::tables::{COMMON_PERSON_FAMILY_NAME, ECOMMERCE_SHIPPING_METHOD};
    let code = COMMON_PERSON_FAMILY_NAME
        .countries()
        .find(|c| !ECOMMERCE_SHIPPING_METHOD.countries().any(|s| s == *c))
        .expect("a country with names but no shipping methods");
    let service = Service::<Parcel>::new().dataset(code).unwrap();
    let fallbacks = service.fallbacks();
    assert_eq!(fallbacks.len(), 1, "{fallbacks:?}");
    assert_eq!(fallbacks[0].table, "ecommerce/shipping_method");
    assert_eq!(fallbacks[0].requested.as_str(), code);
    assert_eq!(
        fallbacks[0].to_string(),
        format!("table `ecommerce/shipping_method` has no dataset `{code}`; using `US` instead")
    );
    // The process-wide log has it too, and a complete dataset has no fallback.
    assert!(
        datamimic::fallback_warnings()
            .iter()
            .any(|(table, c)| *table == "ecommerce/shipping_method" && c.as_str() == code)
    );
    assert!(
        Service::<Parcel>::new()
            .dataset("US")
            .unwrap()
            .fallbacks()
            .is_empty()
    );
    let strict = Service::<Parcel>::new()
        .dataset("US")
        .unwrap()
        .strictness(Strictness::Strict)
        .unwrap();
    assert!(strict.fallbacks().is_empty());
}

#[derive(Mimic, Debug, PartialEq, Clone, Copy)]
enum BloodType {
    #[mimic(weight = 37.4)]
    OPositive,
    #[mimic(weight = 35.7)]
    APositive,
    #[mimic(weight = 0.6)]
    AbNegative,
    #[mimic(skip)]
    #[allow(dead_code)]
    Unknown,
}

#[derive(Mimic, Debug, PartialEq)]
enum Contact {
    Email(#[mimic(pattern = "user####@example.org")] String),
    Phone {
        #[mimic(pattern = "+1 ###-###-####")]
        number: String,
    },
    None,
}

#[test]
fn enums_follow_their_weights() {
    let service = Service::<BloodType>::new().seed(5);
    let draws: Vec<BloodType> = (0..20_000).map(|i| service.record(i)).collect();
    let share = |t| draws.iter().filter(|&&d| d == t).count() as f64 / draws.len() as f64;
    assert!((share(BloodType::OPositive) - 37.4 / 73.7).abs() < 0.02);
    assert!(share(BloodType::AbNegative) < 0.02);
    assert_eq!(share(BloodType::Unknown), 0.0);
    let contacts = Service::<Contact>::new().seed(1);
    let kinds: Vec<Contact> = (0..60).map(|i| contacts.record(i)).collect();
    assert!(
        kinds
            .iter()
            .any(|c| matches!(c, Contact::Email(e) if e.starts_with("user") && e.len() == 20))
    );
    assert!(
        kinds
            .iter()
            .any(|c| matches!(c, Contact::Phone { number } if number.starts_with("+1 ")))
    );
    assert!(kinds.iter().any(|c| matches!(c, Contact::None)));
}

/// Shares of a plan the service's configuration sets, the rest split by weight.
#[derive(Default, Clone)]
struct Uptake {
    trial: f64,
    team: f64,
}

#[derive(Mimic, Debug, PartialEq, Clone, Copy)]
#[mimic(config = Uptake)]
enum Plan {
    #[mimic(weight = 3)]
    Free,
    #[mimic(chance = config.trial)]
    Trial,
    #[mimic(chance = config.team)]
    Team,
    #[mimic(weight = 1)]
    Pro,
}

#[test]
fn variant_chances_come_from_the_configuration() {
    let shares = |uptake: Uptake| {
        let service = Service::<Plan>::new().config(uptake).seed(8);
        let draws: Vec<Plan> = (0..20_000).map(|i| service.record(i)).collect();
        move |plan| draws.iter().filter(|&&d| d == plan).count() as f64 / draws.len() as f64
    };
    let share = shares(Uptake {
        trial: 0.2,
        team: 0.4,
    });
    assert!((share(Plan::Trial) - 0.2).abs() < 0.02);
    assert!((share(Plan::Team) - 0.4).abs() < 0.02);
    // The rest, 40 %, three to one by weight.
    assert!((share(Plan::Free) - 0.3).abs() < 0.02);
    assert!((share(Plan::Pro) - 0.1).abs() < 0.02);
    // Without a configuration its default: no chances, only the weighted rest.
    let share = shares(Uptake::default());
    assert_eq!(share(Plan::Trial) + share(Plan::Team), 0.0);
    let share = shares(Uptake {
        trial: 1.0,
        team: 0.0,
    });
    assert_eq!(share(Plan::Trial), 1.0);
}

#[test]
fn gender_follows_the_person_quotas() {
    use datamimic::domain::common::{Gender, PersonConfig};
    for (female_quota, other_gender_quota, only) in [
        (1.0, 0.0, Gender::Female),
        (0.0, 1.0, Gender::Other),
        (0.0, 0.0, Gender::Male),
    ] {
        let config = PersonConfig {
            female_quota,
            other_gender_quota,
            ..PersonConfig::default()
        };
        let service = Service::<Gender>::new().config(config).seed(3);
        assert!((0..500).all(|i| service.record(i) == only), "{only:?}");
    }
    let service = Service::<Gender>::new().seed(3);
    let women = (0..20_000)
        .filter(|&i| service.record(i) == Gender::Female)
        .count();
    assert!((9_600..10_400).contains(&women), "{women}");
}

#[derive(Mimic, Debug)]
struct Pair<T> {
    left: T,
    right: T,
    #[mimic(len = 2)]
    more: Vec<T>,
}

#[derive(Mimic, Debug)]
struct Tagged(
    #[mimic(seq = 100)] u32,
    #[mimic(values = [1.5, 2.5])] f64,
    (bool, char),
);

#[test]
fn generics_tuples_and_primitives() {
    let pairs = Service::<Pair<Address>>::new().seed(2);
    let pair = pairs.record(0);
    assert_eq!(pair.more.len(), 2);
    assert_ne!(pair.left, pair.right);
    let tagged = Service::<Tagged>::new().seed(2);
    assert_eq!(tagged.record(0).0, 100);
    assert_eq!(tagged.record(5).0, 105);
    assert!([1.5, 2.5].contains(&tagged.record(1).1));
    let flags: Vec<bool> = (0..64).map(|i| tagged.record(i).2.0).collect();
    assert!(flags.contains(&true) && flags.contains(&false));
    assert!(tagged.record(3).2.1.is_ascii_alphanumeric());
}

/// `format` and `with` may read fields declared after them: fields are generated in
/// dependency order and built in declaration order.
#[derive(Mimic, Debug)]
struct Reordered {
    #[mimic(format = "{given_name}.{family_name}@example.org", ascii_lowercase)]
    email: String,
    #[mimic(with = salutation_for(given_name), tables = ["common/person/salutation"])]
    salutation: &'static str,
    #[mimic(weighted = "common/person/given_name_male")]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
}

fn salutation_for(ctx: &mut Context<'_>, _given_name: &&'static str) -> &'static str {
    let table = ctx.table(&datamimic::tables::COMMON_PERSON_SALUTATION);
    let column = table.column_index("salutation").expect("salutation column");
    table
        .iter()
        .find(|row| row.get("gender") == Some("male"))
        .map_or("", |row| row.cell(column))
}

#[test]
fn fields_can_read_later_fields() {
    let service = Service::<Reordered>::new().dataset("DE").unwrap().seed(9);
    for i in 0..200 {
        let r = service.record(i);
        let expected = datamimic::text::ascii_fold(
            &format!("{}.{}@example.org", r.given_name, r.family_name),
            "DE",
        );
        assert_eq!(r.email, expected.to_ascii_lowercase());
        assert_eq!(r.salutation, "Herr");
    }
    // The table read by the `with` function counts for strict mode and supported datasets.
    let mut seen = Vec::new();
    <Reordered as Mimic>::visit_tables(&mut |table_use| seen.push(table_use.family.key()));
    assert!(seen.contains(&"common/person/salutation"), "{seen:?}");
}

/// A field that cannot hold a column's cells is refused when the service is built, not while
/// generating: city names are not numbers.
/// A type alias hides the primitive from the derive, so the cells are checked when the
/// dataset is set (a field written `u32` is refused at compile time; see `tests/ui`).
type Population = u32;

#[derive(Mimic, Debug)]
#[allow(dead_code)] // Never generated: the service refuses it.
struct Misread {
    #[mimic(weighted = "common/address/city", column = "city")]
    population: Population,
}

#[test]
fn cells_that_do_not_convert_are_refused_up_front() {
    let err = Service::<Misread>::new().dataset("US").unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(
            err,
            Error::CellType {
                field: "population",
                type_name: "u32",
                table: "common/address/city",
                column: "city",
                row: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        message.starts_with("field `population` is `u32`, but cell `")
            && message.contains("of table `common/address/city` (column `city`, row 1 of datasets/common/address/city_US.csv) is not a `u32`"),
        "{message}"
    );
}

#[test]
#[should_panic(expected = "is not a `u32`")]
fn a_cell_that_does_not_convert_is_never_a_made_up_number() {
    // Without `.dataset(..)` nothing checks the cells up front; the record must not be a 0.
    let _ = Service::<Misread>::new().seed(1).record(0);
}

#[derive(Mimic, Debug)]
struct SmallId {
    #[mimic(seq = 250)]
    id: u8,
}

#[test]
#[should_panic(expected = "`seq` number 256 does not fit in a `u8` field")]
fn a_seq_number_past_the_type_is_never_wrapped() {
    let service = Service::<SmallId>::new().seed(1);
    assert_eq!(service.record(5).id, 255);
    let _ = service.record(6);
}

/// Primitive fields read from numeric columns: checked at compile time, generated as parsed.
#[derive(Mimic, Debug)]
struct Shipping {
    #[mimic(weighted = "ecommerce/shipping_method", column = "min_days")]
    min_days: u8,
    #[mimic(weighted = "ecommerce/shipping_method", column = "max_days")]
    max_days: Option<u16>,
}

#[test]
fn numeric_columns_fill_numeric_fields() {
    let table = datamimic::tables::ECOMMERCE_SHIPPING_METHOD
        .resolve("DE")
        .unwrap();
    let rows: Vec<(u8, u16)> = (0..table.len())
        .map(|r| {
            (
                table.cell(r, 1).parse().unwrap(),
                table.cell(r, 2).parse().unwrap(),
            )
        })
        .collect();
    let service = Service::<Shipping>::new().dataset("DE").unwrap().seed(3);
    for i in 0..200 {
        let record = service.record(i);
        let pair = (record.min_days, record.max_days.expect("always Some"));
        assert!(rows.contains(&pair), "{record:?} is no row of {rows:?}");
    }
}

/// `range` with date-times fills `DateTime<Utc>` fields, in UTC.
#[derive(Mimic, Debug)]
struct Login {
    #[mimic(range = "2024-01-01T00:00:00..2024-02-01T00:00:00")]
    at: chrono::DateTime<chrono::Utc>,
}

#[test]
fn date_time_ranges_fill_utc_fields() {
    let service = Service::<Login>::new().seed(9);
    let low = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap();
    let high = chrono::DateTime::parse_from_rfc3339("2024-02-01T00:00:00Z").unwrap();
    for i in 0..100 {
        let at = service.record(i).at;
        assert!(at >= low && at < high, "{at}");
    }
}

/// `format` appends text, integers and characters directly and everything else through
/// `Display`; the text must be exactly what `format!` writes, braces and specs included.
#[derive(Mimic, Debug)]
struct Formatted {
    #[mimic(weighted = "common/person/family_name")]
    name: &'static str,
    #[mimic(values = ["x", "y"])]
    owned: String,
    #[mimic(range = "-500..=500")]
    delta: i32,
    #[mimic(values = ['a', 'ß'])]
    letter: char,
    #[mimic(range = "0.0..1.0")]
    share: f64,
    #[mimic(range = "1990-01-01..=2000-12-31")]
    day: NaiveDate,
    #[mimic(format = "{{{name}}}-{owned}:{delta}/{letter} {share} {day}!")]
    plain: String,
    #[mimic(format = "{delta:>6}|{share:.2}|{name}")]
    with_specs: String,
}

#[test]
fn format_writes_what_format_macro_writes() {
    let service = Service::<Formatted>::new().seed(5);
    for i in 0..500 {
        let r = service.record(i);
        let expected = format!(
            "{{{}}}-{}:{}/{} {} {}!",
            r.name, r.owned, r.delta, r.letter, r.share, r.day
        );
        assert_eq!(r.plain, expected);
        assert_eq!(
            r.with_specs,
            format!("{:>6}|{:.2}|{}", r.delta, r.share, r.name)
        );
    }
}

/// A value without `Clone`: only a move can hand it over.
#[derive(Debug, PartialEq)]
struct Ledger(Vec<u32>);

fn ledger(ctx: &mut Context<'_>) -> Ledger {
    Ledger(
        (0..3)
            .map(|_| datamimic::sample::below(ctx.rng(), 100) as u32)
            .collect(),
    )
}

#[derive(Mimic, Debug)]
#[mimic(let(drawn: Ledger, with = ledger))]
struct Book {
    #[mimic(with = entries(drawn))]
    entries: usize,
    #[mimic(from = drawn)]
    ledger: Ledger,
}

fn entries(_: &mut Context<'_>, drawn: &Ledger) -> usize {
    drawn.0.len()
}

#[test]
fn the_last_reader_of_a_let_takes_it_whole() {
    let service = Service::<Book>::new().seed(3);
    let book = service.record(0);
    assert_eq!(book.entries, 3);
    assert_eq!(book.ledger, service.record(0).ledger);
    assert!(book.ledger.0.iter().all(|&n| n < 100));
}

/// A total that is not `Clone`: `from` takes the value its expression builds as it is.
#[derive(Debug, PartialEq)]
struct Total(u32);

impl Total {
    fn of(ledger: &Ledger) -> Total {
        Total(ledger.0.iter().sum())
    }
}

#[derive(Mimic, Debug)]
#[mimic(let(drawn: Ledger, with = ledger))]
struct Statement {
    #[mimic(from = Total::of(&drawn))]
    total: Total,
    #[mimic(from = drawn.0.len())]
    entries: usize,
}

#[test]
fn from_uses_a_built_value_without_cloning_it() {
    let statement = Service::<Statement>::new().seed(3).record(0);
    let book = Service::<Book>::new().seed(3).record(0);
    assert_eq!(statement.total, Total::of(&book.ledger));
    assert_eq!(statement.entries, 3);
}
