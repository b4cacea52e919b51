//! A derived 10-field contact record: datamimic's `#[derive(Mimic)]` (weighted,
//! gender-consistent picks from real frequency tables, coherent city/state/ZIP rows) against
//! the `fake` crate's `#[derive(Dummy)]` (uniform picks), in the same run. Report the ratio
//! of records per second, not absolute rates.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use datamimic::{Context, Mimic, Service, tables};
use fake::faker::address::en::{CityName, StateName, StreetName, ZipCode};
use fake::faker::chrono::en::Date;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::{Dummy, Fake, Faker};
use rand::SeedableRng;

const RECORDS: u64 = 10_000;

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

fn derived_records(c: &mut Criterion) {
    let service = Service::<Contact>::new().dataset("US").unwrap().seed(42);
    let mut group = c.benchmark_group("contact_10_fields");
    group.throughput(Throughput::Elements(RECORDS));
    group.bench_function("datamimic_derive", |b| {
        let mut next = 0u64;
        b.iter(|| {
            for _ in 0..RECORDS {
                black_box(service.record(next));
                next += 1;
            }
        })
    });
    group.bench_function("fake_dummy", |b| {
        let mut rng = rand::rngs::StdRng::seed_from_u64(42);
        b.iter(|| {
            for _ in 0..RECORDS {
                let contact: FakeContact = Faker.fake_with_rng(&mut rng);
                black_box(contact);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, derived_records);
criterion_main!(benches);
