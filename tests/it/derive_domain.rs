//! The attributes that let the derive say what the domain needs: `let` values, tables chosen
//! and rows matched by earlier values, configuration, copies from nested entities, and the
//! derived `Cells` writer.

use datamimic::domain::common::{Gender, Person, PersonConfig};
use datamimic::{CellWriter, Cells, Mimic, Row, Service};

#[derive(Mimic, serde::Serialize, Debug)]
#[mimic(config = PersonConfig)]
#[mimic(let(born_age: u8, range = config.min_age..=config.max_age))]
struct Employee {
    #[mimic(seq)]
    id: u64,
    gender: Gender,
    #[mimic(weighted = match gender {
        Gender::Female => "common/person/given_name_female",
        _ => "common/person/given_name_male",
    })]
    given_name: &'static str,
    #[mimic(weighted = "common/person/salutation", matching = gender, on = "gender", column = "salutation")]
    salutation: &'static str,
    #[mimic(from = born_age)]
    age: u8,
    #[mimic(chance = 0.0, values = ["Dr."])]
    title: &'static str,
    #[mimic(let(home: Row, weighted = "common/address/city"))]
    #[mimic(from = home.value())]
    city: &'static str,
    #[mimic(from = home.cell(datamimic::tables::columns::common_address_city::POSTAL_CODE))]
    postal_code: &'static str,
    manager: Person,
    #[mimic(from = manager.given_name)]
    manager_given_name: &'static str,
}

fn employees(dataset: &str, config: PersonConfig) -> Vec<Employee> {
    let service = Service::<Employee>::new()
        .config(config)
        .dataset(dataset)
        .unwrap()
        .seed(5);
    (0..500).map(|i| service.record(i)).collect()
}

#[test]
fn names_follow_the_drawn_gender() {
    let female = datamimic::tables::COMMON_PERSON_GIVEN_NAME_FEMALE
        .resolve("DE")
        .unwrap();
    let male = datamimic::tables::COMMON_PERSON_GIVEN_NAME_MALE
        .resolve("DE")
        .unwrap();
    let has =
        |table: &'static datamimic::Table, name: &str| table.iter().any(|row| row.value() == name);
    let people = employees("DE", PersonConfig::default());
    assert!(people.iter().any(|e| e.gender == Gender::Male));
    assert!(people.iter().any(|e| e.gender == Gender::Female));
    for e in &people {
        match e.gender {
            Gender::Female => assert!(has(female, e.given_name), "{}", e.given_name),
            _ => assert!(has(male, e.given_name), "{}", e.given_name),
        }
        let expected = if e.gender == Gender::Female {
            "Frau"
        } else {
            "Herr"
        };
        assert_eq!(e.salutation, expected);
    }
}

#[test]
fn configuration_reaches_lets_and_nested_entities() {
    let config = PersonConfig {
        min_age: 30,
        max_age: 31,
        female_quota: 1.0,
        ..PersonConfig::default()
    };
    for e in employees("US", config) {
        assert!((30..=31).contains(&e.age), "{}", e.age);
        assert!((30..=31).contains(&e.manager.age));
        assert_eq!(e.gender, Gender::Female);
        assert_eq!(e.manager.gender, Gender::Female);
        assert_eq!(e.title, "");
        assert_eq!(e.manager_given_name, e.manager.given_name);
        let row = datamimic::tables::COMMON_ADDRESS_CITY
            .resolve("US")
            .unwrap()
            .iter()
            .find(|r| r.value() == e.city && r.cell(2) == e.postal_code);
        assert!(row.is_some(), "{} {} from one row", e.city, e.postal_code);
    }
}

/// Collects cells as text.
#[derive(Default)]
struct Collect(Vec<String>);

impl CellWriter for Collect {
    type Error = std::convert::Infallible;
    fn text(&mut self, text: &str) -> Result<(), Self::Error> {
        self.0.push(text.to_owned());
        Ok(())
    }
    fn uint(&mut self, value: u64) -> Result<(), Self::Error> {
        self.0.push(value.to_string());
        Ok(())
    }
    fn joined(&mut self, parts: &[&str]) -> Result<(), Self::Error> {
        self.0.push(parts.concat());
        Ok(())
    }
    fn serialized<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.0.push(serde_json::to_string(value).unwrap());
        Ok(())
    }
    fn position(&self) -> usize {
        self.0.len()
    }
    fn repeat_cell(&mut self, start: usize, _end: usize) -> Result<(), Self::Error> {
        self.0.push(self.0[start].clone());
        Ok(())
    }
}

/// The derived writer writes the fields in order, the nested Person through its own writer.
#[test]
fn derived_cells_are_the_fields_in_order() {
    for e in employees("DE", PersonConfig::default()).iter().take(50) {
        let mut direct = Collect::default();
        e.write_cells(&mut direct).unwrap();
        let mut expected = Collect::default();
        for text in [
            e.id.to_string(),
            e.gender.as_str().to_owned(),
            e.given_name.to_owned(),
        ] {
            expected.text(&text).unwrap();
        }
        expected.texts(&[e.salutation]).unwrap();
        expected.uint(u64::from(e.age)).unwrap();
        expected.texts(&[e.title, e.city, e.postal_code]).unwrap();
        e.manager.write_cells(&mut expected).unwrap();
        expected.text(e.manager_given_name).unwrap();
        assert_eq!(direct.0, expected.0);
    }
}

/// A record of every kind of field the derived writer meets: its own `Cells` for text,
/// numbers and nested records, serde for the rest, serde's attributes honoured.
#[derive(Mimic, serde::Serialize, Debug)]
struct Mixed {
    #[mimic(seq)]
    id: u64,
    #[serde(skip)]
    #[mimic(values = ["never written"])]
    secret: &'static str,
    #[mimic(range = "-5..=5")]
    delta: i32,
    #[serde(serialize_with = "shout")]
    #[mimic(values = ["low", "high"])]
    level: &'static str,
    #[mimic(optional = 0.5, range = "1..=9")]
    rooms: Option<u8>,
    #[mimic(len = "0..=2", values = ["a", "b"])]
    tags: Vec<&'static str>,
    nested: Counted,
    by_hand: Tally,
}

/// Nested, derived: its cells follow the parent's.
#[derive(Mimic, serde::Serialize, Debug)]
#[serde(rename_all = "UPPERCASE")]
struct Counted {
    #[mimic(range = "1..=3")]
    count: u16,
    #[mimic(values = ["x", "y"])]
    label: String,
}

/// Derived, but its `Cells` is its own (`cells = false`).
#[derive(Mimic, serde::Serialize, Debug)]
#[mimic(cells = false)]
struct Tally(#[mimic(range = "0..=9")] u8);

impl Cells for Tally {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.joined(&["#", &self.0.to_string()])
    }
}

fn shout<S: serde::Serializer>(level: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&level.to_uppercase())
}

/// A record whose `Mimic` is written by hand derives the same writer.
#[derive(serde::Serialize, datamimic::Cells)]
struct Reading {
    sensor: &'static str,
    value: u64,
    scale: f64,
}

#[test]
fn derived_cells_write_each_kind_of_field_as_serde_does() {
    let mut service = Service::<Mixed>::new().seed(3);
    let mut saw = (false, false);
    for m in service.iter().take(200) {
        let mut direct = Collect::default();
        m.write_cells(&mut direct).unwrap();
        let expected = [
            m.id.to_string(),
            json(&m.delta),
            json(&m.level.to_uppercase()),
            json(&m.rooms),
            json(&m.tags),
            m.nested.count.to_string(),
            m.nested.label.clone(),
            format!("#{}", m.by_hand.0),
        ];
        assert_eq!(direct.0, expected, "{m:?}");
        assert!(!direct.0.iter().any(|c| c.contains(m.secret)), "skipped");
        saw.0 |= m.rooms.is_none();
        saw.1 |= m.rooms.is_some();
    }
    assert_eq!(saw, (true, true), "both sides of `optional`");
    let mut direct = Collect::default();
    Reading {
        sensor: "t1",
        value: 7,
        scale: 0.5,
    }
    .write_cells(&mut direct)
    .unwrap();
    assert_eq!(direct.0, ["t1", "7", "0.5"]);
}

/// What `Collect` writes for a value that goes through serde.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}
