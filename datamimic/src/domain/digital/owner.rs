//! The person behind an online account: name and e-mail of one [`Person`], kept small.

use crate::domain::common::{FullName, Gender, Person, PersonalEmail};
use crate::{Context, Mimic, TableUse};

/// The person an account or a CRM record belongs to: the names and e-mail of one [`Person`]
/// of the dataset (given name by gender, e-mail built from the names).
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct AccountOwner {
    /// Given name.
    pub given_name: &'static str,
    /// Family name.
    pub family_name: &'static str,
    /// Given and family name.
    pub full_name: FullName,
    /// Gender.
    pub gender: Gender,
    /// E-mail address from the names.
    pub email: PersonalEmail,
}

impl Mimic for AccountOwner {
    fn mimic(ctx: &mut Context<'_>) -> AccountOwner {
        let person = Person::mimic(ctx);
        AccountOwner {
            given_name: person.given_name,
            family_name: person.family_name,
            full_name: FullName::new(person.given_name, person.family_name),
            gender: person.gender,
            email: person.email,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Person::visit_tables(visitor);
    }
}
