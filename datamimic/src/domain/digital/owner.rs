//! The person behind an online account: name and e-mail of one [`Person`], kept small;
//! declared with `#[derive(Mimic)]`.

use crate::domain::common::{FullName, Gender, Person, PersonalEmail};

/// The person an account or a CRM record belongs to: the names and e-mail of one [`Person`]
/// of the dataset (given name by gender, e-mail built from the names).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(person: Person))]
pub struct AccountOwner {
    /// Given name.
    #[mimic(from = person.given_name)]
    pub given_name: &'static str,
    /// Family name.
    #[mimic(from = person.family_name)]
    pub family_name: &'static str,
    /// Given and family name.
    #[mimic(from = FullName::new(person.given_name, person.family_name))]
    pub full_name: FullName,
    /// Gender.
    #[mimic(from = person.gender)]
    pub gender: Gender,
    /// E-mail address from the names.
    #[mimic(take = person.email)]
    pub email: PersonalEmail,
}
