//! Public sector: AdministrationOffice, EducationalInstitution and PoliceOfficer.
//!
//! Offices and institutions are coherent with their address (name, jurisdiction, web site and
//! e-mail belong to their city; the phone is the address's) and their size (budget follows
//! staff; staff follows students by the level's ratio). A police officer is a common
//! [`Person`](crate::domain::common::Person) whose hire date, years of service and rank agree
//! with their age and the clock.
//!
//! ```
//! use datamimic::domain::public_sector::PoliceOfficerService;
//!
//! let officer = PoliceOfficerService::new("DE")?.seed(42).generate();
//! assert!(officer.years_of_service <= officer.age - 18);
//! assert_eq!(officer.languages[0], "Deutsch");
//! # Ok::<(), datamimic::Error>(())
//! ```

// Values rendered on demand instead of allocated.
mod contact;

// Entities.
mod institution;
mod office;
mod police;

// The tables of a dataset, indexed once, and the word lists the tables lack.
mod registry;
mod vocabulary;

// Services in datamimic-ce's shape.
mod service;

pub use contact::{Email, Host, HostKind, Website};
pub use institution::EducationalInstitution;
pub use office::{AdministrationOffice, Leader, OfficeName};
pub use police::{PoliceOfficer, Shift};
pub use service::{
    AdministrationOfficeService, EducationalInstitutionService, PoliceOfficerService,
};
