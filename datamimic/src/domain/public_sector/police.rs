//! PoliceOfficer: a person by the common rules, with a career that fits their age and rank.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::common::{Address, FullName, Gender, Person, PersonalEmail, PhoneNumber};
use crate::domain::ecommerce::{Picks, distinct, one_of};
use crate::domain::halves::Halves;
use crate::domain::inclusion;
use crate::ident::code::Code;

use crate::sample::below;
use crate::{Context, Mimic, TableUse};

use super::office::visit;
use super::registry::Registry;
use super::vocabulary::{UNITS_DE, UNITS_EN, by_language};

/// A police officer, with the fields of datamimic-ce's PoliceOfficer in its order.
///
/// Coherence within a record: the officer is a common [`Person`] (names by gender, age from the
/// birthdate, e-mail from the names, phone of the address); the hire date lies after the
/// country's minimum hiring age (US 21, DE 19; never before the 18th birthday) and on or before
/// the clock's today, and leaves senior ranks their years in service (two per step up the
/// rank table, as far as the officer's age allows); `years_of_service` is counted from the
/// hire date; rank, department and certifications come from the country's tables, and the
/// languages always include the country's main one plus others at their share of speakers.
///
/// ```
/// use datamimic::domain::public_sector::PoliceOfficerService;
///
/// let officer = PoliceOfficerService::new("US")?.seed(4).generate();
/// assert!(officer.hire_date > officer.birthdate);
/// assert!(officer.languages.contains(&"English"));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct PoliceOfficer {
    /// Identifier (`OFC-00123456`).
    pub officer_id: Code,
    /// Badge number (five digits in the US, six elsewhere).
    pub badge_number: Code,
    /// Given name.
    pub given_name: &'static str,
    /// Family name.
    pub family_name: &'static str,
    /// "Given Family".
    pub full_name: FullName,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub birthdate: NaiveDate,
    /// Age in whole years on the clock's today.
    pub age: u8,
    /// Rank from `public_sector/police_rank`.
    pub rank: &'static str,
    /// Department from `public_sector/police_department`.
    pub department: &'static str,
    /// Unit (patrol, investigations, ...).
    pub unit: &'static str,
    /// Date of hire.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub hire_date: NaiveDate,
    /// Whole years from the hire date to the clock's today.
    pub years_of_service: u8,
    /// One to four certifications.
    pub certifications: Picks<4>,
    /// Languages spoken, the country's main language first.
    pub languages: Picks<10>,
    /// Shift pattern.
    pub shift: Shift,
    /// Personal e-mail, from the officer's names.
    pub email: PersonalEmail,
    /// The officer's landline.
    pub phone: PhoneNumber,
    /// Where the officer lives.
    pub address: Address,
}

/// Shift pattern (illustrative weights).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Shift {
    /// Day shift.
    #[mimic(weight = 40)]
    Day,
    /// Evening shift.
    #[mimic(weight = 25)]
    Evening,
    /// Night shift.
    #[mimic(weight = 20)]
    Night,
    /// Rotating shifts.
    #[mimic(weight = 15)]
    Rotating,
}

/// Years in service a rank needs per step above the entry rank (rank tables list ranks from
/// the lowest up). Illustrative: promotion rules vary by force.
const YEARS_PER_RANK: u32 = 2;

/// The minimum hiring age: 21 in most US departments, 19 after German police training
/// (which starts at 16 or 17), 20 elsewhere.
pub(crate) fn hiring_age(country: &str) -> u32 {
    match country {
        "US" => 21,
        "DE" => 19,
        _ => 20,
    }
}

/// `date` moved by `years` whole years, 29 February becoming 28 February in common years (as
/// `checked_add_months(12 * years)`, without its month arithmetic).
fn shift_years(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

/// Whole years from `from` to `to` (as `NaiveDate::years_since`, without its month arithmetic).
fn whole_years(from: NaiveDate, to: NaiveDate) -> u32 {
    let before_anniversary = (to.month(), to.day()) < (from.month(), from.day());
    (to.year() - from.year() - i32::from(before_anniversary)).max(0) as u32
}

impl Mimic for PoliceOfficer {
    fn mimic(ctx: &mut Context<'_>) -> PoliceOfficer {
        let registry = Registry::of(ctx);
        let person = Person::mimic(ctx);
        let today = ctx.today();
        let country = person.address.country_code;
        let years_after = |years: u32| shift_years(person.birthdate, years as i32).unwrap_or(today);
        // The hiring age where the officer is old enough, else today but never before the
        // 18th birthday (every hiring age is above 18).
        let hiring = years_after(hiring_age(country));
        let earliest = if hiring <= today {
            hiring
        } else {
            years_after(18).max(today)
        };
        let rank_row = registry.rank.sample_index(ctx.rng());
        let possible = whole_years(earliest, today);
        let required = (rank_row as u32 * YEARS_PER_RANK).min(possible);
        let latest = shift_years(today, -(required as i32))
            .unwrap_or(today)
            .max(earliest);
        let span = (latest - earliest).num_days().max(0) as u64 + 1;
        let hire_date = earliest + Days::new(below(ctx.rng(), span));
        let years_of_service = whole_years(hire_date, today).min(255) as u8;
        let certifications_count = 1 + below(ctx.rng(), 4) as usize;
        let mut languages = Picks::new();
        languages.push(registry.first_language);
        let mut spoken = registry.universal_languages
            | inclusion::draw(
                &registry.language_survival,
                ctx.rng(),
                &mut Halves::default(),
            );
        while spoken != 0 {
            languages.push(registry.other_languages[spoken.trailing_zeros() as usize]);
            spoken &= spoken - 1;
        }
        let badge_width = if country == "US" { 5 } else { 6 };
        PoliceOfficer {
            officer_id: Code::new("OFC", below(ctx.rng(), 100_000_000), 8),
            badge_number: Code::new(
                "",
                below(ctx.rng(), 10u64.pow(badge_width)),
                badge_width as u8,
            ),
            given_name: person.given_name,
            family_name: person.family_name,
            full_name: person.full_name,
            gender: person.gender,
            birthdate: person.birthdate,
            age: person.age,
            rank: registry.rank.value(rank_row),
            department: registry.department.sample_row(ctx.rng()).value(),
            unit: one_of(ctx.rng(), by_language(registry.german, UNITS_EN, UNITS_DE)),
            hire_date,
            years_of_service,
            certifications: distinct(registry.certification, certifications_count, ctx.rng()),
            languages,
            shift: Shift::mimic(ctx),
            email: person.email,
            phone: person.phone,
            address: person.address,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit(visitor);
        Person::visit_tables(visitor);
    }
}
