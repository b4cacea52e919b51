//! The common domain of datamimic-ce: Person, Address, City, Country and Company.
//!
//! Every model serialises its fields in datamimic-ce's order and is coherent within a record:
//! the gender decides the given name, salutation and nobility title; the birthdate and age agree
//! with the clock; the e-mail is built from the person's own names; street, city, state, postal
//! code and area code come from one row; phone numbers use the country's calling code.
//!
//! ```
//! use datamimic::domain::common::PersonService;
//!
//! let mut people = PersonService::new("DE")?.seed(42);
//! let person = people.generate();
//! assert!(person.phone.to_string().starts_with("+49 "));
//! assert_eq!(person.address.country_code, "DE");
//! # Ok::<(), datamimic::Error>(())
//! ```

// Values composed from table cells, rendered on demand instead of allocated.
mod name;
mod phone;

// Entities.
mod address;
mod city;
mod company;
mod country;
mod gender;
mod person;

// The entities' `Serialize`, written out so that the common domain needs no serde_derive.
mod serialize;

// Drawing rules shared by the entities.
mod birthdate;
mod email;
mod given_name_cohort;
mod house_number;
mod lookup;
mod naming_convention;
mod title_share;

// Services in datamimic-ce's shape.
mod service;

pub use address::{Address, FullAddress};
pub use city::City;
pub use company::Company;
pub use country::Country;
pub use email::PersonalEmail;
pub use gender::Gender;
pub use name::FullName;
pub use person::{DemographicConfig, Person, PersonConfig};
pub use phone::PhoneNumber;
pub use service::{AddressService, CityService, CompanyService, CountryService, PersonService};
