//! Doctor: a common Person with a specialty, a hospital and certifications that fit it, and a
//! career that agrees with their age.

use crate::PerDataset;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::ser::{SerializeMap, SerializeSeq};

use crate::domain::common::{Address, FullName, Gender, Person, PersonalEmail, PhoneNumber};
use crate::sample::{below, chance};
use crate::{Context, DatasetCode, Mimic, Table, TableUse, tables};

use super::clinical::{Cumulative, column};
use super::dates::birthdate_and_age;
use super::hospital::{HospitalKind, HospitalName};
use super::ids::{LicenseNumber, Npi};

/// A doctor, with the fields of datamimic-ce's Doctor in its order.
///
/// Coherence: the person follows the common rules; the NPI is that of provider `doctor_id`
/// (so patients' `primary_doctor` references resolve) and passes the Luhn check with prefix
/// 80840; the hospital is in the doctor's city and of a type that fits the specialty; the
/// certifications are the specialty's board (US) or Facharzt title (DE) and the life-support
/// courses it needs; graduation is at 24 to 30 (the country's usual ages), so graduation year,
/// years of experience and age agree.
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Doctor {
    /// 1, 2, 3, ... from the record index.
    pub doctor_id: u64,
    /// National Provider Identifier of provider `doctor_id`.
    pub npi_number: Npi,
    /// State licence (US) or lifelong physician number (DE).
    pub license_number: LicenseNumber,
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
    /// Specialty, by weight.
    pub specialty: &'static str,
    /// The hospital the doctor works at.
    pub hospital: HospitalRef,
    /// Where the doctor studied.
    pub medical_school: &'static str,
    /// Year of the medical degree.
    pub graduation_year: u16,
    /// Whole years since graduation.
    pub years_of_experience: u8,
    /// Board certification and life-support courses.
    pub certifications: Certifications,
    /// Whether the doctor takes new patients.
    pub accepting_new_patients: bool,
    /// Weekly office hours.
    pub office_hours: OfficeHours,
    /// E-mail built from the names.
    pub email: PersonalEmail,
    /// Landline of the address.
    pub phone: PhoneNumber,
    /// Where the doctor lives.
    pub address: Address,
}

/// The hospital a doctor works at: in the doctor's city, of a type fitting the specialty.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// Doctors' ages, set by `DoctorService`; 28 to 70 without it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DoctorAges(pub(crate) u8, pub(crate) u8);

/// The youngest possible doctor: graduates are at least 24.
pub(crate) const MIN_DOCTOR_AGE: u8 = 25;

/// Per specialty, the hospital types that fit it, resolved once per dataset.
#[derive(Debug)]
struct DoctorTables {
    specialties: &'static Table,
    certification: usize,
    hospital_types: &'static Table,
    /// Per specialty row: fitting hospital type rows by weight.
    fitting: Vec<Cumulative<usize>>,
    /// Per specialty row: its life-support courses.
    courses: Vec<&'static [&'static str]>,
    country: &'static str,
}

impl DoctorTables {
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
            let german = specialties.country() == Some("DE");
            DoctorTables {
                courses: (0..specialties.len())
                    .map(|s| courses(specialties.value(s), german))
                    .collect(),
                specialties,
                certification: column(&tables::HEALTHCARE_SPECIALTY, "certification"),
                hospital_types,
                fitting,
                country: specialties.country().unwrap_or("US"),
            }
        })
    }
}

/// Life-support courses by specialty (US: AHA BLS/ACLS/PALS; DE: the Zusatzbezeichnung
/// Notfallmedizin of emergency and anaesthesia physicians).
fn courses(specialty: &str, german: bool) -> &'static [&'static str] {
    let s = specialty.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if german {
        if has(&["notfall", "anästhesi", "intensiv"]) {
            &["Zusatzbezeichnung Notfallmedizin"]
        } else {
            &[]
        }
    } else if has(&["emergency", "anesthesi", "critical", "cardiol"]) {
        &["BLS", "ACLS"]
    } else if has(&["pediatr", "neonat"]) {
        &["BLS", "PALS"]
    } else {
        &["BLS"]
    }
}

impl Mimic for Doctor {
    fn mimic(ctx: &mut Context<'_>) -> Doctor {
        let person = Person::mimic(ctx);
        let resolved = DoctorTables::of(ctx.dataset());
        let german = resolved.country == "DE";
        let DoctorAges(min, max) = ctx
            .config::<DoctorAges>()
            .copied()
            .unwrap_or(DoctorAges(28, 70));
        let min = min.max(MIN_DOCTOR_AGE);
        // `DoctorService` gives the person the same age range; redraw only without it.
        let (birthdate, age) = if (min..=max).contains(&person.age) {
            (person.birthdate, person.age)
        } else {
            birthdate_and_age(ctx, min, max)
        };
        // Medical degree at 25-30 in the US (four years after college), 24-28 in Germany
        // (six years after the Abitur); never after the doctor's last birthday.
        let graduated_at = if german {
            24 + below(ctx.rng(), 3) + below(ctx.rng(), 3)
        } else {
            25 + below(ctx.rng(), 4) + below(ctx.rng(), 3)
        } as u8;
        let graduated_at = graduated_at.min(age - 1);
        let graduation_year = (birthdate.year() + i32::from(graduated_at)) as u16;
        let years_of_experience = (ctx.today().year() - i32::from(graduation_year)) as u8;
        let specialty_row = resolved.specialties.sample_row(ctx.rng());
        let specialty = specialty_row.value();
        let type_index = resolved.fitting[specialty_row.index()]
            .draw(ctx.rng())
            .unwrap_or(0);
        let hospital_type = resolved.hospital_types.value(type_index);
        let hospital = HospitalRef {
            name: HospitalName {
                city: person.address.city,
                hospital_type,
                german,
            },
            hospital_type,
        };
        let board =
            (german || chance(ctx.rng(), 0.9)).then(|| specialty_row.cell(resolved.certification));
        let courses = resolved.courses[specialty_row.index()];
        let certifications = Certifications { board, courses };
        let license_number = if german {
            LicenseNumber::lanr(ctx.rng(), specialty_row.index() as u8 + 1)
        } else {
            LicenseNumber::State {
                state: person.address.state_code,
                number: 100_000 + below(ctx.rng(), 900_000) as u32,
            }
        };
        let medical_school = ctx
            .table(&tables::HEALTHCARE_MEDICAL_SCHOOL)
            .sample_row(ctx.rng())
            .value();
        // Emergency and critical-care physicians work shifts round the clock.
        let round_the_clock = courses.contains(&"ACLS") || german && !courses.is_empty();
        let office_hours = if round_the_clock && chance(ctx.rng(), 0.5) {
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
        };
        let accepting_new_patients = chance(ctx.rng(), 0.75);
        let doctor_id = ctx.index() + 1;
        Doctor {
            doctor_id,
            npi_number: Npi::for_provider(doctor_id),
            license_number,
            given_name: person.given_name,
            family_name: person.family_name,
            full_name: person.full_name,
            gender: person.gender,
            birthdate,
            age,
            specialty,
            hospital,
            medical_school,
            graduation_year,
            years_of_experience,
            certifications,
            accepting_new_patients,
            office_hours,
            email: person.email,
            phone: person.phone,
            address: person.address,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Person::visit_tables(visitor);
        for family in [
            &tables::HEALTHCARE_SPECIALTY,
            &tables::HEALTHCARE_HOSPITAL_TYPE,
            &tables::HEALTHCARE_MEDICAL_SCHOOL,
        ] {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
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
