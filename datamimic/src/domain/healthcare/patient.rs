//! Patient: a common Person with a medical record that agrees with their age and sex.

use chrono::NaiveDate;
use rand::Rng;

use crate::domain::common::{Address, FullName, Gender, Person, PersonalEmail, PhoneNumber};
use std::cell::RefCell;

use crate::sample::below;
use crate::{Context, Mimic};

use super::body;
use super::clinical::Clinical;
use super::config::ConditionPlan;
use super::coverage::Kind;
use super::ids::{MedicalRecordNumber, Npi, PolicyNumber, Ssn};
use super::selection::{Selection, set_bits};
use super::text::contact_phone;
use crate::domain::halves::Halves;

/// A patient, with the fields of datamimic-ce's Patient in its order, then `primary_doctor`
/// (in datamimic-ce's schema but dropped from its output) and the person's e-mail, phone and
/// address.
///
/// Coherence within a record: the person follows the common rules (names by gender, age from
/// the birthdate, e-mail from the names, phones of the address); conditions are independent
/// draws with the country's prevalence for the patient's age and sex, so a 70-year-old has
/// hypertension far more often than a 25-year-old; each medication treats one of the
/// patient's conditions and is never one the patient is allergic to; allergies come with the
/// allergy diagnosis (and sometimes with asthma, hay fever or eczema); BMI is weight over
/// height squared and is 30 or more exactly for patients with obesity; the insurance follows
/// the published coverage shares by age (uninsured, public, private; Medicare from 65 in the
/// US); a German SSN encodes the
/// birthdate, the family name's initial and the sex.
///
/// Derived: the person, the clinical tables of the dataset and the shared 32-bit draws are
/// `let` values; the conditions, body measures, allergies, medications and insurance are
/// drawn in that order into `let`s the fields read.
///
/// ```
/// use datamimic::domain::healthcare::PatientService;
///
/// let patient = PatientService::new("DE")?.seed(1).generate();
/// let metres = patient.height_cm / 100.0;
/// assert!((patient.bmi - patient.weight_kg / (metres * metres)).abs() < 0.051);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(person: Person))]
#[mimic(let(clinical: &'static Clinical, with = Clinical::here, tables = ["healthcare/blood_type", "healthcare/condition", "healthcare/condition_prevalence", "healthcare/medication", "healthcare/allergy", "healthcare/insurance_provider", "healthcare/insurance_coverage"]))]
// The small choices below share 64-bit draws, two 32-bit halves each.
#[mimic(let(halves: RefCell<Halves>, skip))]
pub struct Patient {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub patient_id: u64,
    /// `MRN-00000001`, from the record index.
    #[mimic(from = MedicalRecordNumber(patient_id))]
    pub medical_record_number: MedicalRecordNumber,
    /// US SSN or German Rentenversicherungsnummer.
    #[mimic(with = ssn(clinical, person))]
    pub ssn: Ssn,
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
    #[mimic(from = person.birthdate)]
    pub birthdate: NaiveDate,
    /// Age in whole years on the clock's today.
    #[mimic(from = person.age)]
    pub age: u8,
    /// ABO and RhD type (`A+`), by the country's published distribution.
    #[mimic(weighted = "healthcare/blood_type")]
    pub blood_type: &'static str,
    /// Height in cm, one decimal.
    #[mimic(let(condition_set: u128, with = draw_conditions(clinical, halves, person)))]
    #[mimic(let(body: (f64, f64, f64), with = body_measures(clinical, person, condition_set)))]
    #[mimic(from = body.0)]
    pub height_cm: f64,
    /// Weight in kg, one decimal.
    #[mimic(from = body.1)]
    pub weight_kg: f64,
    /// `weight_kg / (height_cm / 100)²`, one decimal.
    #[mimic(from = body.2)]
    pub bmi: f64,
    /// Allergies, none to three.
    #[mimic(let(allergy_set: u128, with = draw_allergies(halves, clinical, condition_set)))]
    #[mimic(from = Selection::new(&clinical.allergies, allergy_set))]
    pub allergies: Selection<Allergy>,
    /// Medications treating the conditions, in the order of the conditions.
    #[mimic(let(medication_set: u128, with = draw_medications(halves, clinical, condition_set, allergy_set)))]
    #[mimic(from = Selection::new(&clinical.medications, medication_set))]
    pub medications: Selection<Medication>,
    /// Diagnosed conditions, none to several.
    #[mimic(from = Selection::new(&clinical.condition_list, condition_set))]
    pub conditions: Selection<Condition>,
    /// Whom to call.
    #[mimic(with = emergency_contact(halves, clinical, person))]
    pub emergency_contact: EmergencyContact,
    /// Health insurer; `None` for the uninsured (in the US at the published share by age).
    #[mimic(let(cover: (Option<&'static str>, Option<PolicyNumber>), with = insurance(halves, clinical, person)))]
    #[mimic(from = cover.0)]
    pub insurance_provider: Option<&'static str>,
    /// Member number in the insurer's scheme; `None` for the uninsured.
    #[mimic(from = cover.1)]
    pub insurance_policy_number: Option<PolicyNumber>,
    /// The patient's primary care doctor.
    #[mimic(with = primary_doctor(halves))]
    pub primary_doctor: PrimaryDoctor,
    /// E-mail built from the names.
    #[mimic(from = person.email)]
    pub email: PersonalEmail,
    /// Landline of the address.
    #[mimic(from = person.phone)]
    pub phone: PhoneNumber,
    /// Where the patient lives.
    #[mimic(from = person.address)]
    pub address: Address,
}

/// A diagnosed condition with its ICD-10 code (ICD-10-CM for US, ICD-10-GM for DE).
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Condition {
    /// Name in the dataset's language.
    pub name: &'static str,
    /// ICD-10 code.
    pub icd10_code: &'static str,
    /// Body system (`cardiovascular`).
    pub category: &'static str,
}

/// A medication with its usual dosage.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Medication {
    /// Drug name.
    pub name: &'static str,
    /// Dose (`10 mg`).
    pub dosage: &'static str,
    /// How often (`Once daily`).
    pub frequency: &'static str,
    /// Route (`Oral`).
    pub route: &'static str,
}

/// An allergy.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Allergy {
    /// What the patient reacts to.
    pub allergen: &'static str,
    /// `Mild`, `Moderate` or `Severe`.
    pub severity: &'static str,
    /// The reaction.
    pub reaction: &'static str,
}

/// The person to call in an emergency: a relative (sharing the family name) or a friend, with
/// a phone in the patient's area.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct EmergencyContact {
    /// Full name.
    pub name: FullName,
    /// Relationship to the patient, fitting the age (children name a parent).
    pub relationship: &'static str,
    /// Phone with the patient's calling code and area code.
    pub phone: PhoneNumber,
}

/// A reference to a doctor: `DoctorService` records with the same number carry the same
/// `doctor_id` and NPI (the NPI depends only on the number).
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct PrimaryDoctor {
    /// The doctor's `doctor_id` (1 to the service's doctor pool).
    pub doctor_id: u64,
    /// The doctor's NPI.
    pub npi_number: Npi,
}

/// How many doctors patients are spread over; set by `PatientService::doctor_pool`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DoctorPool(pub(crate) u64);

/// The patient's sex as a row index (0 male, 1 female, 2 other) and as the female share.
fn sex(person: &Person) -> (usize, f64) {
    match person.gender {
        Gender::Male => (0, 0.0),
        Gender::Female => (1, 1.0),
        Gender::Other => (2, 0.5),
    }
}

/// A German SSN encodes the birthdate, the family name's initial and the sex.
fn ssn(ctx: &mut Context<'_>, clinical: &&Clinical, person: &Person) -> Ssn {
    if clinical.country == "DE" {
        let female = sex(person).0 == 1;
        Ssn::de(ctx.rng(), person.birthdate, person.family_name, female)
    } else {
        Ssn::us(ctx.rng())
    }
}

/// Independent draws with the prevalence of the patient's age and sex (or of the service's
/// condition plan).
fn draw_conditions(
    ctx: &mut Context<'_>,
    clinical: &&Clinical,
    halves: &RefCell<Halves>,
    person: &Person,
) -> u128 {
    let odds = match ctx.config::<ConditionPlan>() {
        Some(plan) if plan.dataset == ctx.dataset() => &plan.odds,
        _ => &clinical.odds,
    };
    odds.draw(
        ctx.rng(),
        &mut halves.borrow_mut(),
        sex(person).0,
        person.age,
    )
}

/// Height, weight and BMI, obese exactly with obesity among the conditions.
fn body_measures(
    ctx: &mut Context<'_>,
    clinical: &&Clinical,
    person: &Person,
    conditions: &u128,
) -> (f64, f64, f64) {
    let obese = conditions & clinical.obesity != 0;
    body::draw(
        ctx.rng(),
        clinical.country,
        sex(person).1,
        person.age,
        obese,
    )
}

/// A doctor of the service's pool (1,000 by default).
fn primary_doctor(ctx: &mut Context<'_>, halves: &RefCell<Halves>) -> PrimaryDoctor {
    let pool = ctx.config::<DoctorPool>().map_or(1_000, |p| p.0).max(1);
    let doctor_id = 1 + if pool <= Halves::MAX_SPAN {
        halves.borrow_mut().below(ctx.rng(), pool)
    } else {
        below(ctx.rng(), pool)
    };
    PrimaryDoctor {
        doctor_id,
        npi_number: Npi::for_provider(doctor_id),
    }
}

/// One to three allergies with the allergy diagnosis, sometimes one with an atopic condition;
/// a bit set over the dataset's allergies.
fn draw_allergies(
    ctx: &mut Context<'_>,
    halves: &RefCell<Halves>,
    clinical: &&Clinical,
    conditions: &u128,
) -> u128 {
    let (halves, conditions) = (&mut *halves.borrow_mut(), *conditions);
    let count = if clinical
        .allergy_condition
        .is_some_and(|i| conditions >> i & 1 == 1)
    {
        1 + halves.below(ctx.rng(), 3)
    } else if conditions & clinical.atopic != 0 && halves.below(ctx.rng(), 10) < 3 {
        1
    } else {
        return 0;
    };
    let mut allergies = 0u128;
    for _ in 0..count * 3 {
        if u64::from(allergies.count_ones()) == count {
            break;
        }
        // Rows past the listed ones count as a repeat.
        let row = clinical.allergy_table.sample_index(ctx.rng());
        if row < clinical.allergies.len() {
            allergies |= 1 << row;
        }
    }
    allergies
}

/// At most one drug per condition, never one an allergy rules out nor one taken already for
/// another condition; a bit set over the dataset's medications.
fn draw_medications(
    ctx: &mut Context<'_>,
    halves: &RefCell<Halves>,
    clinical: &&Clinical,
    conditions: &u128,
    allergies: &u128,
) -> u128 {
    let halves = &mut *halves.borrow_mut();
    let (conditions, allergies) = (*conditions, *allergies);
    let mut ruled_out = set_bits(allergies).fold(0, |set, a| set | clinical.ruled_out[a]);
    let mut medications = 0u128;
    for i in set_bits(conditions) {
        let treatment = &clinical.treatments[i];
        let Some(first) = treatment
            .drugs
            .at(halves.below(ctx.rng(), treatment.treated_span))
        else {
            continue;
        };
        // Two tries, the second among the drugs only: the patient is treated.
        let drug = if ruled_out >> first & 1 == 0 {
            first
        } else {
            let total = treatment.drugs.total();
            match treatment.drugs.at(halves.below(ctx.rng(), total)) {
                Some(second) if ruled_out >> second & 1 == 0 => second,
                _ => continue,
            }
        };
        medications |= 1 << drug;
        ruled_out |= clinical.same_drug[usize::from(drug)];
    }
    medications
}

/// Relationships by age band, with weights in percent: children name a parent, older people
/// a spouse or a grown-up child (illustrative shares). `draw` is 32 random bits.
fn relationship(country: &str, age: u8, draw: u64) -> Relationship {
    const US: [&str; 5] = ["Parent", "Spouse", "Sibling", "Child", "Friend"];
    const DE: [&str; 5] = ["Elternteil", "Ehepartner", "Geschwister", "Kind", "Freund"];
    let weights: [u64; 5] = match age {
        0..=17 => [100, 0, 0, 0, 0],
        18..=29 => [50, 20, 15, 0, 15],
        30..=64 => [10, 55, 15, 10, 10],
        _ => [0, 45, 5, 45, 5],
    };
    let mut point = (draw * 100) >> 32;
    let mut index = 0;
    for (i, w) in weights.iter().enumerate() {
        if point < *w {
            index = i;
            break;
        }
        point -= w;
    }
    Relationship {
        label: if country == "DE" {
            DE[index]
        } else {
            US[index]
        },
        spouse: index == 1,
        friend: index == 4,
    }
}

struct Relationship {
    label: &'static str,
    spouse: bool,
    friend: bool,
}

fn emergency_contact(
    ctx: &mut Context<'_>,
    halves: &RefCell<Halves>,
    clinical: &&Clinical,
    person: &Person,
) -> EmergencyContact {
    let halves = &mut *halves.borrow_mut();
    // One draw for the relationship (high half), the contact's sex (bit 0) and whether a
    // spouse kept their own family name (bits 1 to 31, one in ten).
    let x = ctx.rng().next_u64();
    let relationship = relationship(clinical.country, person.age, x >> 32);
    let given_names = clinical.given_names[(x & 1) as usize];
    let given = given_names.sample_row(ctx.rng()).value();
    // Relatives share the family name, except one spouse in ten; friends have their own.
    let own_name = (x >> 1) & 0x7FFF_FFFF < (1 << 31) / 10;
    let family = if relationship.friend || (relationship.spouse && own_name) {
        clinical.family_names.sample_row(ctx.rng()).value()
    } else {
        person.family_name
    };
    EmergencyContact {
        name: FullName::new(given, family),
        relationship: relationship.label,
        phone: contact_phone(ctx, halves, &person.mobile_phone),
    }
}

/// The insurer and member number, `None` for the uninsured: the kind of coverage at its
/// published share for the age, then an insurer of that kind. Public coverage from 65 in the
/// US is Medicare; German insurers number members with a Krankenversichertennummer.
fn insurance(
    ctx: &mut Context<'_>,
    halves: &RefCell<Halves>,
    clinical: &&Clinical,
    person: &Person,
) -> (Option<&'static str>, Option<PolicyNumber>) {
    let (halves, age) = (&mut *halves.borrow_mut(), person.age);
    let (kind, insurer) = clinical.coverage.draw(ctx.rng(), halves, age);
    if kind == Kind::Public && clinical.country == "US" && age >= 65 {
        return (Some("Medicare"), Some(PolicyNumber::mbi(ctx.rng())));
    }
    let Some((provider, prefix)) = insurer else {
        return (None, None);
    };
    let number = if clinical.country == "DE" {
        PolicyNumber::kvnr(ctx.rng())
    } else {
        PolicyNumber::member(prefix, below(ctx.rng(), 900_000_000))
    };
    (Some(provider), Some(number))
}
