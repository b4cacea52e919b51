//! Ten contacts from one `#[derive(Mimic)]` struct, printed with `Debug`.

use chrono::NaiveDate;
use datamimic::domain::common::Gender;
use datamimic::{Mimic, Service};

#[derive(Mimic, Debug)]
#[allow(dead_code)] // Only printed.
struct Contact {
    gender: Gender,
    #[mimic(weighted = match gender {
        Gender::Female => "common/person/given_name_female",
        _ => "common/person/given_name_male",
    })]
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

fn main() {
    let contacts = Service::<Contact>::new().dataset("US").unwrap().seed(42);
    for i in 0..10 {
        println!("{:?}", contacts.record(i));
    }
}
