//! `Serialize` for the common domain's records, written out rather than derived: a crate that
//! builds only the core and the common domain (`default-features = false`) then compiles no
//! `serde_derive`, the largest proc-macro of its build. Each writes what the derive would:
//! a struct of the fields in their order, under their names. The export crate's tests hold
//! every entity's serde bytes to the cells that `#[derive(Mimic)]` writes from the fields,
//! so a field added to a record and not here fails them.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::{Address, City, Company, Country, Gender, Person};
use crate::domain::iso_date::IsoDate;

/// `impl Serialize for $record`: a struct named like the type, with `$field`s in order; a
/// field given `as $wrap` is serialized through `$wrap(&value)` (a date as `IsoDate`, which
/// writes what chrono writes without its trip through `core::fmt`).
macro_rules! serialize_fields {
    ($record:ident { $($field:ident $(as $wrap:ident)?),* $(,)? }) => {
        impl Serialize for $record {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let fields = [$(stringify!($field)),*].len();
                let mut record = serializer.serialize_struct(stringify!($record), fields)?;
                $(record.serialize_field(stringify!($field), &$($wrap)?(&self.$field))?;)*
                record.end()
            }
        }
    };
}

serialize_fields!(Person {
    birthdate as IsoDate,
    given_name,
    family_name,
    full_name,
    gender,
    name,
    age,
    email,
    phone,
    mobile_phone,
    academic_title,
    salutation,
    nobility_title,
    address,
});

serialize_fields!(Address {
    street,
    house_number,
    city,
    state_code,
    state,
    postal_code,
    area_code,
    country,
    country_code,
    phone,
    mobile_phone,
    fax,
    organization,
    full_address,
});

serialize_fields!(City {
    name,
    postal_code,
    area_code,
    state,
    language,
    population,
    name_extension,
    country,
    country_code,
});

serialize_fields!(Company {
    id,
    short_name,
    full_name,
    legal_form,
    sector,
    email,
    url,
    phone_number,
    office_phone,
    fax,
    street,
    house_number,
    city,
    state,
    zip_code,
    country,
    country_code,
});

serialize_fields!(Country {
    iso_code,
    name,
    default_language_locale,
    phone_code,
    population,
});

impl Serialize for Gender {
    /// As a unit variant named in lower case (`"female"`), as `rename_all = "lowercase"` did.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = match self {
            Gender::Male => 0,
            Gender::Female => 1,
            Gender::Other => 2,
        };
        serializer.serialize_unit_variant("Gender", index, self.as_str())
    }
}
