//! Doctor: a common Person with a specialty, a hospital and certifications that fit it, and a
//! career that agrees with their age.

use crate::PerDataset;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::ser::{SerializeMap, SerializeSeq};

use crate::domain::common::{Address, FullName, Gender, Person, PersonalEmail, PhoneNumber};
use crate::sample::{below, chance};
use crate::tables::columns::healthcare_specialty as specialty;
use crate::{Context, DatasetCode, Mimic, Row, Table, tables};

use super::clinical::Cumulative;
use super::dates::birthdate_and_age;
use super::health_system::HealthSystem;
use super::hospital::{HospitalKind, HospitalName};
use super::ids::{LicenseNumber, Npi};

/// A doctor, with the fields of datamimic-ce's Doctor in its order.
///
/// Coherence: the person follows the common rules; the NPI is that of provider `doctor_id`
/// (so patients' `primary_doctor` references resolve) and passes the Luhn check with prefix
/// 80840; the hospital is in the doctor's city and of a type that fits the specialty; the
/// certifications are the specialty's board (US), Facharzt title (DE) or practising certificate
/// (VN) and the life-support courses it needs; graduation is at 24 to 30 (the country's usual
/// ages), so graduation year, years of experience and age agree.
///
/// ```
/// use chrono::Datelike;
/// use datamimic::domain::healthcare::DoctorService;
///
/// let doctor = DoctorService::new("US")?.seed(2).generate();
/// let graduated_at = i32::from(doctor.graduation_year) - doctor.birthdate.year();
/// assert!((24..=31).contains(&graduated_at));
/// assert!(datamimic::ident::npi::is_valid(&doctor.npi_number.to_string()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", config = DoctorAges)]
#[mimic(let(person: Person))]
#[mimic(let(resolved: &'static DoctorTables, with = DoctorTables::here, tables = [
    "healthcare/specialty", "healthcare/hospital_type",
]))]
#[mimic(let(born: (NaiveDate, u8), with = birth(person, config)))]
#[mimic(let(graduated: u16, with = graduation_year(resolved, born)))]
#[mimic(let(specialty_row: Row, weighted = "healthcare/specialty"))]
#[mimic(let(hospital_type: &'static str, with = fitting_hospital_type(resolved, specialty_row)))]
#[mimic(let(certified: Certifications, with = certifications(resolved, specialty_row)))]
#[mimic(let(license: LicenseNumber, with = license_number(resolved, specialty_row, person)))]
#[mimic(let(school: &'static str, weighted = "healthcare/medical_school"))]
#[mimic(let(hours: OfficeHours, with = office_hours(resolved, specialty_row)))]
pub struct Doctor {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub doctor_id: u64,
    /// National Provider Identifier of provider `doctor_id`.
    #[mimic(from = Npi::for_provider(doctor_id))]
    pub npi_number: Npi,
    /// State licence (US), lifelong physician number (DE) or practising certificate (VN).
    #[mimic(from = license)]
    pub license_number: LicenseNumber,
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
    #[mimic(from = born.0)]
    pub birthdate: NaiveDate,
    /// Age in whole years on the clock's today.
    #[mimic(from = born.1)]
    pub age: u8,
    /// Specialty, by weight.
    #[mimic(from = specialty_row.value())]
    pub specialty: &'static str,
    /// The hospital the doctor works at.
    #[mimic(from = HospitalRef {
        name: HospitalName { city: person.address.city, hospital_type, system: resolved.system },
        hospital_type,
    })]
    pub hospital: HospitalRef,
    /// Where the doctor studied.
    #[mimic(from = school)]
    pub medical_school: &'static str,
    /// Year of the medical degree.
    #[mimic(from = graduated)]
    pub graduation_year: u16,
    /// Whole years since graduation.
    #[mimic(with = years_since(graduation_year))]
    pub years_of_experience: u8,
    /// Board certification and life-support courses.
    #[mimic(from = certified)]
    pub certifications: Certifications,
    /// Whether the doctor takes new patients.
    #[mimic(chance = 0.75, constant = true)]
    pub accepting_new_patients: bool,
    /// Weekly office hours.
    #[mimic(from = hours)]
    pub office_hours: OfficeHours,
    /// E-mail built from the names.
    #[mimic(from = person.email)]
    pub email: PersonalEmail,
    /// Landline of the address.
    #[mimic(from = person.phone)]
    pub phone: PhoneNumber,
    /// Where the doctor lives.
    #[mimic(from = person.address)]
    pub address: Address,
}

/// The hospital a doctor works at: in the doctor's city, of a type fitting the specialty.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct HospitalRef {
    /// Name from city and type.
    pub name: HospitalName,
    /// The type's label.
    #[serde(rename = "type")]
    pub hospital_type: &'static str,
}

/// A doctor's certifications: the specialty's board certification (absent for the one in ten
/// US doctors without one) and the life-support courses the specialty requires. Serialises
/// as a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Certifications {
    /// The board or Facharzt title of the specialty.
    pub board: Option<&'static str>,
    /// Life-support and emergency courses.
    pub courses: &'static [&'static str],
}

impl Certifications {
    /// Every certification, the board's first.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.board.into_iter().chain(self.courses.iter().copied())
    }
}

impl serde::Serialize for Certifications {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for c in self.iter() {
            seq.serialize_element(c)?;
        }
        seq.end()
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for Certifications {
    fn column() -> crate::Column {
        crate::Column::List(Box::new(crate::Column::Text))
    }
}

/// Office hours: the same hours on `days` days from Monday (7 with hours `0..24` for
/// round-the-clock services). Serialises as a map from every weekday to `"08:00-17:00"` or
/// `"Closed"`: the same seven keys for every doctor, so that a CSV has the same columns
/// whatever the hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfficeHours {
    /// Opening hour.
    pub open: u8,
    /// Closing hour.
    pub close: u8,
    /// Number of days from Monday (5, 6 or 7).
    pub days: u8,
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl fmt::Display for OfficeHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:00-{:02}:00", self.open, self.close)
    }
}

impl serde::Serialize for OfficeHours {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(WEEKDAYS.len()))?;
        for (i, day) in WEEKDAYS.iter().enumerate() {
            if i < usize::from(self.days) {
                map.serialize_entry(day, &format_args!("{self}"))?;
            } else {
                map.serialize_entry(day, "Closed")?;
            }
        }
        map.end()
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for OfficeHours {
    fn column() -> crate::Column {
        crate::Column::Struct(
            WEEKDAYS
                .iter()
                .map(|day| (*day, crate::Column::Text))
                .collect(),
        )
    }
}

/// Doctors' ages, set by `DoctorService`; 28 to 70 without it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DoctorAges(pub(crate) u8, pub(crate) u8);

impl Default for DoctorAges {
    fn default() -> DoctorAges {
        DoctorAges(28, 70)
    }
}

/// The youngest possible doctor: graduates are at least 24.
pub(crate) const MIN_DOCTOR_AGE: u8 = 25;

/// Per specialty, the hospital types that fit it, resolved once per dataset.
#[derive(Debug)]
struct DoctorTables {
    hospital_types: &'static Table,
    /// Per specialty row: fitting hospital type rows by weight.
    fitting: Vec<Cumulative<usize>>,
    /// Per specialty row: its life-support courses.
    courses: Vec<&'static [&'static str]>,
    /// Per specialty row: whether its doctors may work shifts round the clock.
    round_the_clock: Vec<bool>,
    system: HealthSystem,
}

impl DoctorTables {
    /// [`DoctorTables::of`] in the shape of a `with` function.
    #[inline]
    fn here(ctx: &mut Context<'_>) -> &'static DoctorTables {
        DoctorTables::of(ctx.dataset())
    }

    fn of(code: DatasetCode) -> &'static DoctorTables {
        static CACHE: PerDataset<DoctorTables> = PerDataset::new();
        CACHE.get_or_init(code, || {
            let specialties = tables::HEALTHCARE_SPECIALTY.for_dataset(code);
            let hospital_types = tables::HEALTHCARE_HOSPITAL_TYPE.for_dataset(code);
            let fitting = (0..specialties.len())
                .map(|s| {
                    let mut choices = Cumulative::default();
                    for t in 0..hospital_types.len() {
                        let kind = HospitalKind::of_type(hospital_types.value(t));
                        if kind.fits(specialties.value(s)) {
                            choices.push(hospital_types.scaled_weight(t), t);
                        }
                    }
                    choices
                })
                .collect();
            let system = HealthSystem::of(specialties);
            let courses: Vec<_> = (0..specialties.len())
                .map(|s| courses(specialties.value(s), system))
                .collect();
            DoctorTables {
                round_the_clock: (0..specialties.len())
                    .map(|s| works_shifts(specialties.value(s), courses[s], system))
                    .collect(),
                courses,
                hospital_types,
                fitting,
                system,
            }
        })
    }
}

/// Life-support courses by specialty (US: AHA BLS/ACLS/PALS; DE: the Zusatzbezeichnung
/// Notfallmedizin of emergency and anaesthesia physicians; VN: none, the practising certificate
/// names no course).
fn courses(specialty: &str, system: HealthSystem) -> &'static [&'static str] {
    let s = specialty.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    match system {
        HealthSystem::De if has(&["notfall", "anästhesi", "intensiv"]) => {
            &["Zusatzbezeichnung Notfallmedizin"]
        }
        HealthSystem::De | HealthSystem::Vn => &[],
        HealthSystem::Us if has(&["emergency", "anesthesi", "critical", "cardiol"]) => {
            &["BLS", "ACLS"]
        }
        HealthSystem::Us if has(&["pediatr", "neonat"]) => &["BLS", "PALS"],
        HealthSystem::Us => &["BLS"],
    }
}

/// Emergency, anaesthesia and critical-care physicians: those with ACLS (US), with the
/// Notfallmedizin title (DE), of emergency, anaesthesia or intensive care (VN).
fn works_shifts(specialty: &str, courses: &[&str], system: HealthSystem) -> bool {
    match system {
        HealthSystem::Us => courses.contains(&"ACLS"),
        HealthSystem::De => !courses.is_empty(),
        HealthSystem::Vn => {
            let s = specialty.to_lowercase();
            ["cấp cứu", "gây mê", "hồi sức"]
                .iter()
                .any(|w| s.contains(w))
        }
    }
}

/// The person's birthdate and age if they are in the doctors' range (`DoctorService` gives
/// the person that range), otherwise a birthdate drawn in it.
fn birth(ctx: &mut Context<'_>, person: &Person, ages: &DoctorAges) -> (NaiveDate, u8) {
    let DoctorAges(min, max) = *ages;
    let min = min.max(MIN_DOCTOR_AGE);
    if (min..=max).contains(&person.age) {
        (person.birthdate, person.age)
    } else {
        birthdate_and_age(ctx, min, max)
    }
}

/// Medical degree at 25-30 in the US (four years after college), 24-28 in Germany and Viet Nam
/// (six years after the Abitur or the upper-secondary diploma); never after the doctor's last
/// birthday.
fn graduation_year(
    ctx: &mut Context<'_>,
    resolved: &&DoctorTables,
    (birthdate, age): &(NaiveDate, u8),
) -> u16 {
    let graduated_at = match resolved.system {
        HealthSystem::De | HealthSystem::Vn => 24 + below(ctx.rng(), 3) + below(ctx.rng(), 3),
        HealthSystem::Us => 25 + below(ctx.rng(), 4) + below(ctx.rng(), 3),
    } as u8;
    let graduated_at = graduated_at.min(age - 1);
    (birthdate.year() + i32::from(graduated_at)) as u16
}

/// Whole years since `graduation_year`.
fn years_since(ctx: &mut Context<'_>, graduation_year: &u16) -> u8 {
    (ctx.today().year() - i32::from(*graduation_year)) as u8
}

/// A hospital type that fits the specialty, by weight.
fn fitting_hospital_type(
    ctx: &mut Context<'_>,
    resolved: &&DoctorTables,
    specialty_row: &Row,
) -> &'static str {
    let type_index = resolved.fitting[specialty_row.index()]
        .draw(ctx.rng())
        .unwrap_or(0);
    resolved.hospital_types.value(type_index)
}

/// The specialty's board (held by nine in ten US doctors, every German Facharzt) or practising
/// certificate (required of every Vietnamese doctor), and courses.
fn certifications(
    ctx: &mut Context<'_>,
    resolved: &&DoctorTables,
    specialty_row: &Row,
) -> Certifications {
    let board = (resolved.system != HealthSystem::Us || chance(ctx.rng(), 0.9))
        .then(|| specialty_row.cell(specialty::CERTIFICATION));
    Certifications {
        board,
        courses: resolved.courses[specialty_row.index()],
    }
}

/// A LANR with the specialty's code (DE), a practising certificate (VN) or a licence of the
/// state of the address (US).
fn license_number(
    ctx: &mut Context<'_>,
    resolved: &&DoctorTables,
    specialty_row: &Row,
    person: &Person,
) -> LicenseNumber {
    match resolved.system {
        HealthSystem::De => LicenseNumber::lanr(ctx.rng(), specialty_row.index() as u8 + 1),
        HealthSystem::Vn => LicenseNumber::PractisingCertificate {
            number: 1 + below(ctx.rng(), 999_999) as u32,
        },
        HealthSystem::Us => LicenseNumber::State {
            state: person.address.state_code,
            number: 100_000 + below(ctx.rng(), 900_000) as u32,
        },
    }
}

/// Emergency and critical-care physicians work shifts round the clock half the time; others
/// open at 7 to 9 for 8 to 10 hours, on Saturdays too one time in five.
fn office_hours(
    ctx: &mut Context<'_>,
    resolved: &&DoctorTables,
    specialty_row: &Row,
) -> OfficeHours {
    if resolved.round_the_clock[specialty_row.index()] && chance(ctx.rng(), 0.5) {
        OfficeHours {
            open: 0,
            close: 24,
            days: 7,
        }
    } else {
        let open = 7 + below(ctx.rng(), 3) as u8;
        OfficeHours {
            open,
            close: open + 8 + below(ctx.rng(), 3) as u8,
            days: if chance(ctx.rng(), 0.2) { 6 } else { 5 },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_hours_name_every_weekday() {
        let hours = OfficeHours {
            open: 8,
            close: 17,
            days: 5,
        };
        assert_eq!(
            serde_json::to_value(hours).unwrap(),
            serde_json::json!({
                "Monday": "08:00-17:00", "Tuesday": "08:00-17:00", "Wednesday": "08:00-17:00",
                "Thursday": "08:00-17:00", "Friday": "08:00-17:00",
                "Saturday": "Closed", "Sunday": "Closed",
            })
        );
        let always = OfficeHours {
            open: 0,
            close: 24,
            days: 7,
        };
        let value = serde_json::to_value(always).unwrap();
        assert_eq!(value.as_object().unwrap().len(), 7);
        assert_eq!(value["Sunday"], "00:00-24:00");
    }
}
