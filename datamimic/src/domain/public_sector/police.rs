//! PoliceOfficer: a person by the common rules, with a career that fits their age and rank;
//! declared with `#[derive(Mimic)]`.

use chrono::{Datelike, Days, NaiveDate};

use crate::Context;
use crate::domain::common::{Address, FullName, Gender, Person, PersonalEmail, PhoneNumber};
use crate::domain::halves::Halves;
use crate::domain::inclusion;
use crate::domain::picks::{Picks, distinct, one_of};
use crate::ident::code::Code;
use crate::sample::below;

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
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(registry: &'static Registry))]
#[mimic(let(person: Person))]
#[mimic(let(rank_row: usize, with = rank_row(registry)))]
#[mimic(let(hired: (NaiveDate, u8), with = hire_date(person, rank_row)))]
#[mimic(let(certifications_count: usize, range = "1..=4"))]
#[mimic(let(spoken: Picks<10>, with = languages(registry)))]
pub struct PoliceOfficer {
    /// Identifier (`OFC-00123456`).
    #[mimic(let(officer_number: u64, range = "0..100000000"))]
    #[mimic(from = Code::new("OFC", officer_number, 8))]
    pub officer_id: Code,
    /// Badge number (five digits in the US, six elsewhere).
    #[mimic(let(badge_width: u32, from = if person.address.country_code == "US" { 5 } else { 6 }))]
    #[mimic(let(badge: u64, range = 0..10u64.pow(badge_width)))]
    #[mimic(from = Code::new("", badge, badge_width as u8))]
    pub badge_number: Code,
    /// Given name.
    #[mimic(from = person.given_name)]
    pub given_name: &'static str,
    /// Family name.
    #[mimic(from = person.family_name)]
    pub family_name: &'static str,
    /// "Given Family".
    #[mimic(from = person.full_name)]
    pub full_name: FullName,
    /// Gender.
    #[mimic(from = person.gender)]
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = person.birthdate)]
    pub birthdate: NaiveDate,
    /// Age in whole years on the clock's today.
    #[mimic(from = person.age)]
    pub age: u8,
    /// Rank from `public_sector/police_rank`.
    #[mimic(from = registry.rank.value(rank_row))]
    pub rank: &'static str,
    /// Department from `public_sector/police_department`.
    #[mimic(weighted = "public_sector/police_department")]
    pub department: &'static str,
    /// Unit (patrol, investigations, ...).
    #[mimic(with = unit(registry))]
    pub unit: &'static str,
    /// Date of hire.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = hired.0)]
    pub hire_date: NaiveDate,
    /// Whole years from the hire date to the clock's today.
    #[mimic(from = hired.1)]
    pub years_of_service: u8,
    /// One to four certifications.
    #[mimic(with = certifications(registry, certifications_count))]
    pub certifications: Picks<4>,
    /// Languages spoken, the country's main language first.
    #[mimic(take = spoken)]
    pub languages: Picks<10>,
    /// Shift pattern.
    pub shift: Shift,
    /// Personal e-mail, from the officer's names.
    #[mimic(take = person.email)]
    pub email: PersonalEmail,
    /// The officer's landline.
    #[mimic(from = person.phone)]
    pub phone: PhoneNumber,
    /// Where the officer lives.
    #[mimic(take = person.address)]
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

fn rank_row(ctx: &mut Context<'_>, registry: &&'static Registry) -> usize {
    registry.rank.sample_index(ctx.rng())
}

/// The hire date and the whole years of service since it: after the country's minimum hiring
/// age (today but never before the 18th birthday for an officer not old enough, every hiring
/// age being above 18) and early enough to leave the rank its years in service, as far as the
/// officer's age allows.
fn hire_date(ctx: &mut Context<'_>, person: &Person, rank_row: &usize) -> (NaiveDate, u8) {
    let today = ctx.today();
    let years_after = |years: u32| shift_years(person.birthdate, years as i32).unwrap_or(today);
    let hiring = years_after(hiring_age(person.address.country_code));
    let earliest = if hiring <= today {
        hiring
    } else {
        years_after(18).max(today)
    };
    let possible = whole_years(earliest, today);
    let required = (*rank_row as u32 * YEARS_PER_RANK).min(possible);
    let latest = shift_years(today, -(required as i32))
        .unwrap_or(today)
        .max(earliest);
    let span = (latest - earliest).num_days().max(0) as u64 + 1;
    let hire_date = earliest + Days::new(below(ctx.rng(), span));
    (hire_date, whole_years(hire_date, today).min(255) as u8)
}

/// The country's main language, then the others each at its share of speakers.
fn languages(ctx: &mut Context<'_>, registry: &&'static Registry) -> Picks<10> {
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
    languages
}

fn unit(ctx: &mut Context<'_>, registry: &&'static Registry) -> &'static str {
    one_of(ctx.rng(), by_language(registry.german, UNITS_EN, UNITS_DE))
}

/// Distinct certifications, by weight.
fn certifications(ctx: &mut Context<'_>, registry: &&'static Registry, count: &usize) -> Picks<4> {
    distinct(registry.certification, *count, ctx.rng())
}
