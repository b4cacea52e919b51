//! Naming conventions per country: which parts a person's full name has and in what order.
//!
//! - **ES**: two family names, the father's first surname then the mother's (Juan García
//!   López); both are drawn from the Spanish surname table, independently, as the parents'
//!   surnames are. `family_name` stays the first (paternal) surname.
//! - **VN**: family name first, then a middle name (tên đệm) of the person's sex, then the
//!   given name (Nguyễn Văn An, Trần Thị Ngọc Lan); the middle names come from
//!   `common/person/middle_name_{male,female}_VN`.
//! - **NL**: surname particles (de Jong, van Dijk, van der Meer) belong to the surname in the
//!   surname table and stay in lower case after the given name (Jan de Jong).
//! - **PL**: surnames agree with the sex (Kowalski, Kowalska); `Person` draws them from the
//!   female-form table, so no rule is needed here.
//! - Everywhere else: given name, then family name.
//!
//! Only the countries above draw anything here, after every other field of the person, so
//! the seeded output of the other countries does not depend on this module.

use crate::{Context, Table, tables};

use super::lookup::{Resolved, exact_variant};
use super::name::FullName;

/// How a country composes a full name from its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NamingConvention {
    /// "Given Family".
    GivenFamily,
    /// "Given Family SecondFamily" (ES).
    TwoFamilyNames,
    /// "Family Middle Given" (VN).
    FamilyMiddleGiven,
}

impl NamingConvention {
    /// The convention of the country whose name tables are in use (`US` when a dataset
    /// falls back to the US names).
    pub(crate) fn of(names_country: &str) -> NamingConvention {
        match names_country {
            "ES" => NamingConvention::TwoFamilyNames,
            "VN" => NamingConvention::FamilyMiddleGiven,
            _ => NamingConvention::GivenFamily,
        }
    }
}

/// The full name of someone whose `given` and `family` names were drawn, completed and ordered
/// by the convention of the names' country; `female` picks the middle-name table.
pub(crate) fn full_name(
    ctx: &mut Context<'_>,
    resolved: &Resolved,
    given: &'static str,
    family: &'static str,
    female: bool,
) -> FullName {
    let name = FullName::new(given, family);
    match resolved.naming_convention {
        NamingConvention::GivenFamily => name,
        NamingConvention::TwoFamilyNames => {
            name.with_second_family(resolved.family_name.sample_row(ctx.rng()).value())
        }
        NamingConvention::FamilyMiddleGiven => {
            let middle = middle_names(resolved.names_country, female)
                .map_or("", |table| table.sample_row(ctx.rng()).value());
            name.with_middle(middle).family_first()
        }
    }
}

/// The middle-name table of `country` and sex, if the country has one.
fn middle_names(country: &str, female: bool) -> Option<&'static Table> {
    let family = if female {
        &tables::COMMON_PERSON_MIDDLE_NAME_FEMALE
    } else {
        &tables::COMMON_PERSON_MIDDLE_NAME_MALE
    };
    exact_variant(family, country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_with_a_convention_has_its_tables() {
        for country in tables::COMMON_PERSON_FAMILY_NAME.countries() {
            if NamingConvention::of(country) == NamingConvention::FamilyMiddleGiven {
                assert!(middle_names(country, true).is_some(), "{country}");
                assert!(middle_names(country, false).is_some(), "{country}");
            }
        }
        for family in [
            &tables::COMMON_PERSON_MIDDLE_NAME_FEMALE,
            &tables::COMMON_PERSON_MIDDLE_NAME_MALE,
        ] {
            for country in family.countries() {
                assert_eq!(
                    NamingConvention::of(country),
                    NamingConvention::FamilyMiddleGiven,
                    "{country} has middle names but does not use them"
                );
            }
        }
    }
}
