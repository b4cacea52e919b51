//! Person: names, gender, age, contact details and address of one coherent individual.

use chrono::{Datelike, NaiveDate};

use crate::{Context, Error, Mimic, Result, Row};

use super::address::Address;
use super::birthdate::birthdate_and_age_of;
use super::email::{self, PersonalEmail};
use super::gender::Gender;
use super::lookup::Resolved;
use super::name::FullName;
use super::naming_convention;
use super::phone::PhoneNumber;
use super::title_share::titled_share;

/// A person, with the fields of datamimic-ce's Person in its order (`address` last).
///
/// Coherence within a record: the gender decides the given-name table, the salutation and
/// the nobility title's form; the birthdate and age agree with the clock's today; the e-mail
/// is built from the person's own names; the phones are those of the person's address.
///
/// Derived like users' entities: the `let` values (the gender, the form of the names, the
/// birth and the drawn name rows) are drawn first, in this order, then the fields read them.
///
/// ```
/// use datamimic::domain::common::{Gender, PersonService};
///
/// let person = PersonService::new("US")?.seed(1).generate();
/// assert_eq!(person.full_name, person.name);
/// assert!((18..=65).contains(&person.age));
/// assert!(matches!(person.gender, Gender::Male | Gender::Female));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", config = PersonConfig)]
// The dataset's tables and country, resolved once per record for every field that reads them.
#[mimic(let(resolved: &'static Resolved, with = Resolved::here))]
#[mimic(let(drawn_gender: Gender))]
// "Other" takes the given name and nobility form of either table, chosen together.
#[mimic(let(female_form: bool, with = Gender::female_form(drawn_gender)))]
#[mimic(let(born: (NaiveDate, u8), with = birthdate_and_age_of(config)))]
#[mimic(let(
    given: Row,
    with = given_name_row(resolved, female_form, born),
    tables = ["common/person/given_name_female", "common/person/given_name_male"]
))]
#[mimic(let(family: Row, with = family_name_row(resolved, female_form), tables = ["common/person/family_name"]))]
#[mimic(let(
    title_odds: f64,
    with = academic_title_odds(config, resolved, born, female_form),
    tables = ["common/person/academic_title_share"]
))]
pub struct Person {
    /// Date of birth, uniform over the configured age range.
    #[mimic(from = born.0)]
    pub birthdate: NaiveDate,
    /// Given name from the gender's weighted table; where names by year of birth are
    /// published (US, GB, FR, AT, IT, PL, SE; DE from Berlin's), from the names given in the
    /// birth decade.
    #[mimic(from = given.value())]
    pub given_name: &'static str,
    /// Family name from the weighted table, in the female form where the country's surnames
    /// agree with the sex (PL: Kowalski, Kowalska).
    #[mimic(from = family.value())]
    pub family_name: &'static str,
    /// "Given Family", or as the country's convention writes names ("Juan García López",
    /// "Nguyễn Văn An").
    #[mimic(with = written_name(resolved, given_name, family_name, female_form, address))]
    pub full_name: FullName,
    /// The gender.
    #[mimic(from = drawn_gender)]
    pub gender: Gender,
    /// The same as `full_name` (datamimic-ce has both keys).
    #[mimic(from = full_name)]
    pub name: FullName,
    /// Age in whole years on the clock's today.
    #[mimic(from = born.1)]
    pub age: u8,
    /// E-mail built from the names at one of the country's weighted domains.
    #[mimic(with = email::personal(resolved, given, family), tables = ["common/net/email_domain"])]
    pub email: PersonalEmail,
    /// Landline of the person's address.
    #[mimic(from = address.phone)]
    pub phone: PhoneNumber,
    /// Mobile number of the person's address.
    #[mimic(from = address.mobile_phone)]
    pub mobile_phone: PhoneNumber,
    /// Academic title (`Dr.`) or empty.
    #[mimic(chance = title_odds, weighted = "common/person/academic_title")]
    pub academic_title: &'static str,
    /// Salutation of the gender (`Herr`, `Frau`, `Divers`).
    #[mimic(
        weighted = "common/person/salutation",
        matching = drawn_gender,
        on = "gender",
        column = "salutation"
    )]
    pub salutation: &'static str,
    /// Nobility title in the gender's form (`Gräfin`) or empty; always empty in countries
    /// without a nobility-title table.
    #[mimic(chance = config.noble_quota, with = nobility_title(resolved, female_form))]
    pub nobility_title: &'static str,
    /// Where the person lives.
    pub address: Address,
}

/// The parameters of datamimic-ce's `PersonService`, read by [`Person`] and [`Gender`] from the
/// service's configuration; [`PersonConfig::default`] has datamimic-ce's defaults.
///
/// ```
/// use datamimic::domain::common::{DemographicConfig, PersonConfig, PersonService};
///
/// let config = PersonConfig { female_quota: 0.7, ..PersonConfig::default() };
/// assert!(PersonService::with_config("DE", config).is_ok());
/// let impossible = PersonConfig {
///     demographic: Some(DemographicConfig { age_min: Some(50), age_max: Some(30) }),
///     ..PersonConfig::default()
/// };
/// assert!(PersonService::with_config("DE", impossible).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PersonConfig {
    /// Youngest age (18).
    pub min_age: u8,
    /// Oldest age (65).
    pub max_age: u8,
    /// Share of women (0.5).
    pub female_quota: f64,
    /// Share of people of another gender (0.0).
    pub other_gender_quota: f64,
    /// Share of people with an academic title. `None` (the default): the published share of
    /// doctorate holders of the person's country, age band and sex (about 1-2 % of adults in
    /// DE, nobody under 25). `Some(0.5)` is datamimic-ce's flat default.
    pub academic_title_quota: Option<f64>,
    /// Share of people with a nobility title (0.001).
    pub noble_quota: f64,
    /// Demographic constraints; their ages win over `min_age` and `max_age`.
    pub demographic: Option<DemographicConfig>,
}

impl Default for PersonConfig {
    fn default() -> PersonConfig {
        PersonConfig {
            min_age: 18,
            max_age: 65,
            female_quota: 0.5,
            other_gender_quota: 0.0,
            academic_title_quota: None,
            noble_quota: 0.001,
            demographic: None,
        }
    }
}

impl PersonConfig {
    /// The age range in effect: the demographic config's ages where given.
    pub fn age_range(&self) -> (u8, u8) {
        let demographic = self.demographic.unwrap_or_default();
        (
            demographic.age_min.unwrap_or(self.min_age),
            demographic.age_max.unwrap_or(self.max_age),
        )
    }

    /// Checks that the ages and quotas can all hold.
    pub fn validate(&self) -> Result<()> {
        if let Some(demographic) = &self.demographic {
            demographic.validate()?;
        }
        let (min, max) = self.age_range();
        if min > max {
            return Err(Error::Constraint(format!(
                "the minimum age {min} is above the maximum age {max}"
            )));
        }
        for (name, quota) in [
            ("female_quota", self.female_quota),
            ("other_gender_quota", self.other_gender_quota),
            (
                "academic_title_quota",
                self.academic_title_quota.unwrap_or_default(),
            ),
            ("noble_quota", self.noble_quota),
        ] {
            if !(0.0..=1.0).contains(&quota) {
                return Err(Error::Constraint(format!(
                    "`{name}` is {quota}, not a share between 0 and 1"
                )));
            }
        }
        if self.female_quota + self.other_gender_quota > 1.0 {
            return Err(Error::Constraint(format!(
                "`female_quota` {} and `other_gender_quota` {} add up to more than 1",
                self.female_quota, self.other_gender_quota
            )));
        }
        Ok(())
    }
}

/// datamimic-ce's `DemographicConfig`, reduced to what Person uses: an age range whose
/// bounds override the service's `min_age` and `max_age`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemographicConfig {
    /// Youngest age, if constrained.
    pub age_min: Option<u8>,
    /// Oldest age, if constrained.
    pub age_max: Option<u8>,
}

impl DemographicConfig {
    /// The config with missing ages filled in from the defaults.
    pub fn with_defaults(self, age_min: u8, age_max: u8) -> DemographicConfig {
        DemographicConfig {
            age_min: self.age_min.or(Some(age_min)),
            age_max: self.age_max.or(Some(age_max)),
        }
    }

    /// `age_min > age_max` is an error.
    pub fn validate(&self) -> Result<()> {
        match (self.age_min, self.age_max) {
            (Some(min), Some(max)) if min > max => Err(Error::Constraint(format!(
                "demographic `age_min` {min} is above `age_max` {max}"
            ))),
            _ => Ok(()),
        }
    }
}

/// Where the country publishes names by year, the given name follows the birth year; people
/// born before the first published period (AT: before the 1980s, IT: 1990, PL: 2000, SE:
/// 1998, DE: 2010) take the all-ages names.
#[inline]
fn given_name_row(
    ctx: &mut Context<'_>,
    resolved: &&Resolved,
    female_form: &bool,
    born: &(NaiveDate, u8),
) -> Row {
    let year = born.0.year();
    match &resolved.given_by_decade[usize::from(*female_form)] {
        Some(cohorts) if cohorts.covers(year) => cohorts.sample(year, ctx.rng()),
        _ if *female_form => resolved.given_female.sample_row(ctx.rng()),
        _ => resolved.given_male.sample_row(ctx.rng()),
    }
}

/// The name as the country writes it. It draws (ES a second surname, VN a middle name) after
/// the address, so that the convention changes no other field: `address` is read for that
/// order only.
#[inline]
fn written_name(
    ctx: &mut Context<'_>,
    resolved: &&Resolved,
    given_name: &&'static str,
    family_name: &&'static str,
    female_form: &bool,
    _address: &Address,
) -> FullName {
    naming_convention::full_name(ctx, resolved, given_name, family_name, *female_form)
}

/// Polish adjectival surnames take the form of the given name's sex (Kowalska).
#[inline]
fn family_name_row(ctx: &mut Context<'_>, resolved: &&Resolved, female_form: &bool) -> Row {
    match resolved.family_name_female {
        Some(female_forms) if *female_form => female_forms.sample_row(ctx.rng()),
        _ => resolved.family_name.sample_row(ctx.rng()),
    }
}

/// The configured share of titled people, or the published share of the age and sex.
#[inline]
fn academic_title_odds(
    _ctx: &mut Context<'_>,
    config: &PersonConfig,
    resolved: &&Resolved,
    born: &(NaiveDate, u8),
    female_form: &bool,
) -> f64 {
    config
        .academic_title_quota
        .unwrap_or_else(|| titled_share(resolved, born.1, *female_form))
}

/// Only where the country has nobility titles; the form follows the given name's.
fn nobility_title(ctx: &mut Context<'_>, resolved: &&Resolved, female_form: &bool) -> &'static str {
    let titles = if *female_form {
        resolved.nobility_female
    } else {
        resolved.nobility_male
    };
    titles.map_or("", |t| t.sample_row(ctx.rng()).value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Service;

    /// Every text field written from parts serializes as it did through `write!` and chrono.
    #[test]
    fn serializes_as_before() {
        for dataset in Service::<Person>::supported_datasets() {
            let mut service = Service::<Person>::new().dataset(dataset).unwrap().seed(11);
            for person in service.iter().take(300) {
                let json = serde_json::to_value(&person).unwrap();
                let phone = |p: &PhoneNumber| {
                    format!("+{} {} {}", p.country_code(), p.prefix(), p.subscriber())
                };
                // The naming convention orders the parts (VN: family first; ES: two surnames).
                let name = person.full_name.to_string();
                assert!(name.contains(person.given_name) && name.contains(person.family_name));
                let a = &person.address;
                for (key, expected) in [
                    (
                        "/birthdate",
                        serde_json::to_value(person.birthdate).unwrap(),
                    ),
                    ("/full_name", name.clone().into()),
                    ("/name", name.into()),
                    ("/phone", phone(&person.phone).into()),
                    ("/mobile_phone", phone(&person.mobile_phone).into()),
                    ("/address/phone", phone(&a.phone).into()),
                    ("/address/mobile_phone", phone(&a.mobile_phone).into()),
                    ("/address/fax", phone(&a.fax).into()),
                ] {
                    assert_eq!(json.pointer(key), Some(&expected), "{dataset} {key}");
                }
            }
        }
    }
}
