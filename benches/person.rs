//! Person with address, typed: datamimic's `PersonService` against the `fake` crate's
//! `#[derive(Dummy)]` generating the equivalent fields, in the same run.
//!
//! `cargo bench --bench person` runs both under criterion, then prints records per second of
//! each from one timed pass and the ratio.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use datamimic::MimicRng;
use datamimic::domain::common::{Person, PersonService};
use fake::faker::address::en::{CityName, StateAbbr, StreetName, ZipCode};
use fake::faker::chrono::en::Date;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::{Dummy, Fake, Faker};

/// The fields of datamimic's Person with address that `fake` can produce.
#[derive(Debug, Dummy)]
#[allow(dead_code)]
struct FakePerson {
    #[dummy(faker = "FirstName()")]
    first_name: String,
    #[dummy(faker = "LastName()")]
    last_name: String,
    #[dummy(faker = "SafeEmail()")]
    email: String,
    #[dummy(faker = "PhoneNumber()")]
    phone: String,
    #[dummy(faker = "StreetName()")]
    street: String,
    #[dummy(faker = "CityName()")]
    city: String,
    #[dummy(faker = "StateAbbr()")]
    state: String,
    #[dummy(faker = "ZipCode()")]
    zip: String,
    #[dummy(faker = "Date()")]
    birthdate: chrono::NaiveDate,
}

fn datamimic_people() -> PersonService {
    PersonService::new("US").expect("US is supported").seed(42)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("person_with_address");
    group.throughput(Throughput::Elements(1));
    let mut people = datamimic_people();
    group.bench_function("datamimic", |b| b.iter(|| black_box(people.generate())));
    let mut rng = MimicRng::seed_from_u64(42);
    group.bench_function("fake", |b| {
        b.iter(|| black_box(Faker.fake_with_rng::<FakePerson, _>(&mut rng)))
    });
    group.finish();
}

/// Records per second of `make` over about `time`.
fn rate<T>(time: Duration, mut make: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < time {
        for _ in 0..1_000 {
            black_box(make());
        }
        n += 1_000;
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();

    let time = Duration::from_secs(2);
    let mut people = datamimic_people();
    let datamimic: f64 = rate(time, || -> Person { people.generate() });
    let mut rng = MimicRng::seed_from_u64(42);
    let fake: f64 = rate(time, || Faker.fake_with_rng::<FakePerson, _>(&mut rng));
    println!(
        "person with address, one core: datamimic {:.0} records/s, fake {:.0} records/s, ratio {:.2}x",
        datamimic,
        fake,
        datamimic / fake
    );
}
