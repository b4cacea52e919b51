//! EducationalInstitution: a school, college or university whose size, programmes and
//! accreditation fit its level; declared with `#[derive(Mimic)]`.

use chrono::Datelike;

use crate::Context;
use crate::domain::common::{Address, PhoneNumber};
use crate::domain::picks::{Picks, distinct_of, one_of};
use crate::ident::code::Code;
use crate::sample::{below, unit_f64};

use super::contact::{Email, Host, HostKind, Website};
use super::office::OfficeName;
use super::registry::{PROGRAM, Registry};
use super::vocabulary::{
    DE_AGENCIES, DE_COUNCIL, FACILITIES_DE, FACILITIES_EN, US_SCHOOL_ACCREDITOR, by_language,
    us_accreditor,
};

/// An educational institution, with the fields of datamimic-ce's EducationalInstitution in its
/// order.
///
/// Coherence within a record: the level comes with the type; programmes are drawn from the
/// level's own list; students, staff (by a student-staff ratio of the level) and founding year
/// fit the level; US colleges carry their state's regional accreditor; the name, web site and
/// e-mail belong to the institution's city.
///
/// ```
/// use datamimic::domain::public_sector::EducationalInstitutionService;
///
/// let school = EducationalInstitutionService::new("US")?.seed(3).generate();
/// assert!(school.staff_count * 5 <= school.student_count);
/// assert!(!school.programs.is_empty());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(registry: &'static Registry))]
#[mimic(let(site: Address))]
#[mimic(let(type_row: usize, with = type_row(registry)))]
#[mimic(let(level_index: usize, from = registry.level_of_type[type_row]))]
#[mimic(let(size: &'static LevelSize, from = &SIZES[level_index]))]
#[mimic(let(students: u32, with = student_count(size)))]
#[mimic(let(staff: u32, with = staff_count(size, students)))]
#[mimic(let(taught: Picks<8>, with = programs(registry, size, level_index)))]
#[mimic(let(accredited: Picks<2>, with = accreditations(registry, level_index, site)))]
#[mimic(let(facilities_count: usize, with = facilities_count))]
#[mimic(let(host: Host, from = Host::new(site.city, site.state_code, site.country_code, host_kind(level_index))))]
pub struct EducationalInstitution {
    /// Identifier (`EDU-000123456`).
    #[mimic(with = institution_id)]
    pub institution_id: Code,
    /// The type and the city: `Austin Community College`, `Grundschule Dresden`.
    #[mimic(from = OfficeName::new(kind, site.city, registry.german))]
    pub name: OfficeName,
    /// Type from `public_sector/education_institution_type`.
    #[serde(rename = "type")]
    #[mimic(from = registry.institution_type.value(type_row))]
    pub kind: &'static str,
    /// `k12`, `vocational` or `higher_education`, from the type's row.
    #[mimic(from = registry.institution_type.cell(type_row, 1))]
    pub level: &'static str,
    /// Year founded.
    #[mimic(with = founding_year(size))]
    pub founding_year: i32,
    /// Enrolled students.
    #[mimic(from = students)]
    pub student_count: u32,
    /// Teaching and other staff.
    #[mimic(from = staff)]
    pub staff_count: u32,
    /// Web site.
    #[mimic(from = Website(host))]
    pub website: Website,
    /// Contact e-mail at the web site's host.
    #[mimic(from = Email { mailbox: if registry.german { "sekretariat" } else { "info" }, host })]
    pub email: Email,
    /// The address's landline.
    #[mimic(from = site.phone)]
    pub phone: PhoneNumber,
    /// Programmes or subjects of the level.
    #[mimic(from = taught)]
    pub programs: Picks<8>,
    /// Accrediting bodies (none for German state schools, which are not accredited).
    #[mimic(from = accredited)]
    pub accreditations: Picks<2>,
    /// Facilities.
    #[mimic(with = facilities(registry, level_index, facilities_count))]
    pub facilities: Picks<5>,
    /// Where it is.
    #[mimic(take = site)]
    pub address: Address,
}

/// The size of a level's institutions (illustrative ranges).
struct LevelSize {
    /// Enrolled students, drawn log-uniformly.
    students: (f64, f64),
    /// Students per staff member.
    ratio: (f64, f64),
    /// Programmes offered.
    programs: (u64, u64),
    /// The oldest founding age in years.
    max_age: u64,
}

/// Sizes by level: k12, vocational, higher education.
const SIZES: [LevelSize; 3] = [
    LevelSize {
        students: (150.0, 2_500.0),
        ratio: (10.0, 18.0),
        programs: (4, 8),
        max_age: 150,
    },
    LevelSize {
        students: (300.0, 15_000.0),
        ratio: (15.0, 25.0),
        programs: (3, 6),
        max_age: 120,
    },
    LevelSize {
        students: (1_000.0, 50_000.0),
        ratio: (8.0, 20.0),
        programs: (5, 8),
        max_age: 400,
    },
];

fn type_row(ctx: &mut Context<'_>, registry: &&'static Registry) -> usize {
    registry.institution_type.sample_index(ctx.rng())
}

/// Log-uniform in the level's range.
fn student_count(ctx: &mut Context<'_>, size: &&'static LevelSize) -> u32 {
    let (low, high) = size.students;
    let u = unit_f64(ctx.rng());
    (low * (u * (high / low).ln()).exp()).round() as u32
}

/// The students over a ratio in the level's range; at least five.
fn staff_count(ctx: &mut Context<'_>, size: &&'static LevelSize, students: &u32) -> u32 {
    let (low, high) = size.ratio;
    let ratio = low + (high - low) * unit_f64(ctx.rng());
    ((f64::from(*students) / ratio).round() as u32).max(5)
}

/// Distinct programmes of the level, by weight.
fn programs(
    ctx: &mut Context<'_>,
    registry: &&'static Registry,
    size: &&'static LevelSize,
    level_index: &usize,
) -> Picks<8> {
    let (low, high) = size.programs;
    let count = (low + below(ctx.rng(), high - low + 1)) as usize;
    let mut programs = Picks::new();
    for _ in 0..count * 16 {
        if programs.len() == count {
            break;
        }
        if let Some(row) = registry.programs.sample(*level_index, ctx.rng()) {
            programs.push(registry.programs.table().cell(row, PROGRAM));
        }
    }
    programs
}

fn host_kind(level_index: usize) -> HostKind {
    match level_index {
        0 => HostKind::School,
        1 => HostKind::College,
        _ => HostKind::University,
    }
}

/// US schools by the national accreditor, colleges by their state's regional one; German
/// schools by none, higher education by the council and one agency.
fn accreditations(
    ctx: &mut Context<'_>,
    registry: &&'static Registry,
    level_index: &usize,
    site: &Address,
) -> Picks<2> {
    let mut accreditations = Picks::new();
    match (registry.german, *level_index) {
        (false, 0) => {
            accreditations.push(US_SCHOOL_ACCREDITOR);
        }
        (false, _) => {
            accreditations.push(us_accreditor(site.state_code));
        }
        (true, 0) => {}
        (true, _) => {
            accreditations.push(DE_COUNCIL);
            accreditations.push(one_of(ctx.rng(), DE_AGENCIES));
        }
    }
    accreditations
}

fn facilities_count(ctx: &mut Context<'_>) -> usize {
    3 + below(ctx.rng(), 3) as usize
}

fn institution_id(ctx: &mut Context<'_>) -> Code {
    Code::new("EDU", below(ctx.rng(), 1_000_000_000), 9)
}

/// Before this year, within the level's age.
fn founding_year(ctx: &mut Context<'_>, size: &&'static LevelSize) -> i32 {
    ctx.today().year() - 1 - below(ctx.rng(), size.max_age) as i32
}

fn facilities(
    ctx: &mut Context<'_>,
    registry: &&'static Registry,
    level_index: &usize,
    count: &usize,
) -> Picks<5> {
    let list =
        by_language(registry.german, &FACILITIES_EN, &FACILITIES_DE)[usize::from(*level_index > 0)];
    distinct_of(list, *count, ctx.rng())
}
