//! Profiling helper (not committed).
use chrono::NaiveDate;
use datamimic::{Context, Mimic, Service, tables};
use fake::faker::address::en::{CityName, StateName, StreetName, ZipCode};
use fake::faker::chrono::en::Date;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::{Dummy, Fake, Faker};
use rand::SeedableRng;
use std::hint::black_box;
#[derive(Mimic, Debug)]
#[allow(dead_code)] // The records are only generated, never read.
struct Contact {
    #[mimic(values = ["female", "male"], weights = [50.5, 49.5])]
    gender: &'static str,
    #[mimic(with = given_name_for(gender))]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    #[mimic(format = "{given_name}.{family_name}@example.com", ascii_lowercase)]
    email: String,
    #[mimic(pattern = "+1 %##-###-####")]
    phone: String,
    #[mimic(weighted = "common/address/street")]
    street: &'static str,
    #[mimic(weighted = "common/address/city", column = "city")]
    city: &'static str,
    #[mimic(weighted = "common/address/city", column = "state_code")]
    state: &'static str,
    #[mimic(weighted = "common/address/city", column = "postal_code")]
    zip: &'static str,
    #[mimic(range = "1950-01-01..=2006-12-31")]
    birthdate: NaiveDate,
}

/// The given name follows the record's gender.
fn given_name_for(ctx: &mut Context<'_>, gender: &&'static str) -> &'static str {
    let family = if *gender == "female" {
        &tables::COMMON_PERSON_GIVEN_NAME_FEMALE
    } else {
        &tables::COMMON_PERSON_GIVEN_NAME_MALE
    };
    ctx.table(family).sample_row(ctx.rng()).value()
}

#[derive(Dummy, Debug)]
#[allow(dead_code)] // The records are only generated, never read.
struct FakeContact {
    gender: bool,
    #[dummy(faker = "FirstName()")]
    given_name: String,
    #[dummy(faker = "LastName()")]
    family_name: String,
    #[dummy(faker = "SafeEmail()")]
    email: String,
    #[dummy(faker = "PhoneNumber()")]
    phone: String,
    #[dummy(faker = "StreetName()")]
    street: String,
    #[dummy(faker = "CityName()")]
    city: String,
    #[dummy(faker = "StateName()")]
    state: String,
    #[dummy(faker = "ZipCode()")]
    zip: String,
    #[dummy(faker = "Date()")]
    birthdate: NaiveDate,
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let n = 100_000u64;
    if which == "fake" {
        let mut rng = rand::rngs::StdRng::seed_from_u64(42);
        for _ in 0..n {
            let c: FakeContact = Faker.fake_with_rng(&mut rng);
            black_box(c);
        }
    } else if which == "ours" {
        let service = Service::<Contact>::new().dataset("US").unwrap().seed(42);
        for i in 0..n {
            black_box(service.record(i));
        }
    }
}
