//! Ten contacts from one `#[derive(Dummy)]` struct, printed with `Debug`: the same fields as
//! datamimic-user's.

use chrono::NaiveDate;
use fake::faker::address::en::{CityName, StateName, StreetName, ZipCode};
use fake::faker::chrono::en::Date;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::{Dummy, Fake, Faker};
use rand::SeedableRng;

#[derive(Dummy, Debug)]
#[allow(dead_code)] // Only printed.
struct Contact {
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
    let mut rng = rand::rngs::StdRng::seed_from_u64(42);
    for _ in 0..10 {
        let contact: Contact = Faker.fake_with_rng(&mut rng);
        println!("{contact:?}");
    }
}
