//! EducationalInstitution: a school, college or university whose size, programmes and
//! accreditation fit its level.

use chrono::Datelike;

use crate::domain::common::{Address, PhoneNumber};
use crate::domain::ecommerce::{Picks, distinct_of, one_of};
use crate::ident::code::Code;
use crate::sample::{below, unit_f64};
use crate::{Context, Mimic, TableUse};

use super::contact::{Email, Host, HostKind, Website};
use super::office::{OfficeName, visit};
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct EducationalInstitution {
    /// Identifier (`EDU-000123456`).
    pub institution_id: Code,
    /// The type and the city: `Austin Community College`, `Grundschule Dresden`.
    pub name: OfficeName,
    /// Type from `public_sector/education_institution_type`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `k12`, `vocational` or `higher_education`, from the type's row.
    pub level: &'static str,
    /// Year founded.
    pub founding_year: i32,
    /// Enrolled students.
    pub student_count: u32,
    /// Teaching and other staff.
    pub staff_count: u32,
    /// Web site.
    pub website: Website,
    /// Contact e-mail at the web site's host.
    pub email: Email,
    /// The address's landline.
    pub phone: PhoneNumber,
    /// Programmes or subjects of the level.
    pub programs: Picks<8>,
    /// Accrediting bodies (none for German state schools, which are not accredited).
    pub accreditations: Picks<2>,
    /// Facilities.
    pub facilities: Picks<5>,
    /// Where it is.
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

impl Mimic for EducationalInstitution {
    fn mimic(ctx: &mut Context<'_>) -> EducationalInstitution {
        let registry = Registry::of(ctx);
        let german = registry.german;
        let address = Address::mimic(ctx);
        let type_row = registry.institution_type.sample_index(ctx.rng());
        let kind = registry.institution_type.value(type_row);
        let level_index = registry.level_of_type[type_row];
        let level = registry.institution_type.cell(type_row, 1);
        let LevelSize {
            students: (s_low, s_high),
            ratio: (r_low, r_high),
            programs: (p_low, p_high),
            max_age,
        } = SIZES[level_index];
        let u = unit_f64(ctx.rng());
        let student_count = (s_low * (u * (s_high / s_low).ln()).exp()).round() as u32;
        let ratio = r_low + (r_high - r_low) * unit_f64(ctx.rng());
        let staff_count = ((f64::from(student_count) / ratio).round() as u32).max(5);
        let programs_count = (p_low + below(ctx.rng(), p_high - p_low + 1)) as usize;
        let mut programs = Picks::new();
        for _ in 0..programs_count * 16 {
            if programs.len() == programs_count {
                break;
            }
            if let Some(row) = registry.programs.sample(level_index, ctx.rng()) {
                programs.push(registry.programs.table().cell(row, PROGRAM));
            }
        }
        let host_kind = match level_index {
            0 => HostKind::School,
            1 => HostKind::College,
            _ => HostKind::University,
        };
        let host = Host::new(
            address.city,
            address.state_code,
            address.country_code,
            host_kind,
        );
        let mut accreditations = Picks::new();
        match (german, level_index) {
            (false, 0) => {
                accreditations.push(US_SCHOOL_ACCREDITOR);
            }
            (false, _) => {
                accreditations.push(us_accreditor(address.state_code));
            }
            (true, 0) => {}
            (true, _) => {
                accreditations.push(DE_COUNCIL);
                accreditations.push(one_of(ctx.rng(), DE_AGENCIES));
            }
        }
        let facilities_list =
            by_language(german, &FACILITIES_EN, &FACILITIES_DE)[usize::from(level_index > 0)];
        let facilities_count = 3 + below(ctx.rng(), 3) as usize;
        let year = ctx.today().year();
        EducationalInstitution {
            institution_id: Code::new("EDU", below(ctx.rng(), 1_000_000_000), 9),
            name: OfficeName::new(kind, address.city, german),
            kind,
            level,
            founding_year: year - 1 - below(ctx.rng(), max_age) as i32,
            student_count,
            staff_count,
            website: Website(host),
            email: Email {
                mailbox: if german { "sekretariat" } else { "info" },
                host,
            },
            phone: address.phone,
            programs,
            accreditations,
            facilities: distinct_of(facilities_list, facilities_count, ctx.rng()),
            address,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit(visitor);
    }
}
