//! Patient: a common Person with a medical record that agrees with their age and sex.

use chrono::NaiveDate;
use rand::Rng;

use crate::domain::common::{Address, FullName, Gender, Person, PhoneNumber};
use crate::sample::{below, chance};
use crate::{Context, Mimic, TableUse, tables};

use super::body;
use super::clinical::{Clinical, DRAW_BITS, MAX_AGE};
use super::config::ConditionPlan;
use super::ids::{MedicalRecordNumber, Npi, PolicyNumber, Ssn};
use super::text::ContactPhone;

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
/// the country's scheme and age (Medicare from 65 in the US); a German SSN encodes the
/// birthdate, the family name's initial and the sex.
///
/// Hand-written rather than derived: the medical record depends on the person's age and sex
/// and on each other.
///
/// ```
/// use datamimic::domain::healthcare::PatientService;
///
/// let patient = PatientService::new("DE")?.seed(1).generate();
/// let metres = patient.height_cm / 100.0;
/// assert!((patient.bmi - patient.weight_kg / (metres * metres)).abs() < 0.051);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Patient {
    /// 1, 2, 3, ... from the record index.
    pub patient_id: u64,
    /// `MRN-00000001`, from the record index.
    pub medical_record_number: MedicalRecordNumber,
    /// US SSN or German Rentenversicherungsnummer.
    pub ssn: Ssn,
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
    /// ABO and RhD type (`A+`), by the country's published distribution.
    pub blood_type: &'static str,
    /// Height in cm, one decimal.
    pub height_cm: f64,
    /// Weight in kg, one decimal.
    pub weight_kg: f64,
    /// `weight_kg / (height_cm / 100)²`, one decimal.
    pub bmi: f64,
    /// Allergies, none to three.
    pub allergies: Vec<Allergy>,
    /// Medications treating the conditions.
    pub medications: Vec<Medication>,
    /// Diagnosed conditions, none to several.
    pub conditions: Vec<Condition>,
    /// Whom to call.
    pub emergency_contact: EmergencyContact,
    /// Health insurer.
    pub insurance_provider: &'static str,
    /// Member number in the insurer's scheme.
    pub insurance_policy_number: PolicyNumber,
    /// The patient's primary care doctor.
    pub primary_doctor: PrimaryDoctor,
    /// E-mail built from the names.
    pub email: String,
    /// Landline of the address.
    pub phone: PhoneNumber,
    /// Where the patient lives.
    pub address: Address,
}

/// A diagnosed condition with its ICD-10 code (ICD-10-CM for US, ICD-10-GM for DE).
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Condition {
    /// Name in the dataset's language.
    pub name: &'static str,
    /// ICD-10 code.
    pub icd10_code: &'static str,
    /// Body system (`cardiovascular`).
    pub category: &'static str,
}

/// A medication with its usual dosage.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct EmergencyContact {
    /// Full name.
    pub name: FullName,
    /// Relationship to the patient, fitting the age (children name a parent).
    pub relationship: &'static str,
    /// Phone with the patient's calling code and area code.
    pub phone: ContactPhone,
}

/// A reference to a doctor: `DoctorService` records with the same number carry the same
/// `doctor_id` and NPI (the NPI depends only on the number).
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PrimaryDoctor {
    /// The doctor's `doctor_id` (1 to the service's doctor pool).
    pub doctor_id: u64,
    /// The doctor's NPI.
    pub npi_number: Npi,
}

/// How many doctors patients are spread over; set by `PatientService::doctor_pool`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DoctorPool(pub(crate) u64);

/// Share of patients treated with a drug for a condition that has one (illustrative).
const TREATED: f64 = 0.8;

/// Drug classes that an allergy rules out besides the allergen itself.
const CROSS_REACTIONS: &[(&str, &[&str])] = &[
    (
        "NSAIDs",
        &[
            "Ibuprofen",
            "Naproxen",
            "Aspirin",
            "Diclofenac",
            "Celecoxib",
            "Meloxicam",
        ],
    ),
    (
        "NSAR",
        &[
            "Ibuprofen",
            "Naproxen",
            "ASS",
            "Diclofenac",
            "Celecoxib",
            "Metamizol",
        ],
    ),
    ("Penicillin", &["Amoxicillin", "Ampicillin"]),
    ("Aspirin", &["ASS"]),
    ("Acetylsalicylsäure", &["ASS", "Aspirin"]),
];

/// Whether `allergy` rules out `drug`.
pub(crate) fn contraindicated(allergy: &str, drug: &str) -> bool {
    allergy.eq_ignore_ascii_case(drug)
        || CROSS_REACTIONS
            .iter()
            .any(|(a, drugs)| a.eq_ignore_ascii_case(allergy) && drugs.contains(&drug))
}

impl Mimic for Patient {
    fn mimic(ctx: &mut Context<'_>) -> Patient {
        let person = Person::mimic(ctx);
        let clinical = Clinical::of(ctx);
        let country = clinical.country;
        let (sex, female) = match person.gender {
            Gender::Male => (0, 0.0),
            Gender::Female => (1, 1.0),
            Gender::Other => (2, 0.5),
        };
        let ssn = if country == "DE" {
            Ssn::de(ctx.rng(), person.birthdate, person.family_name, sex == 1)
        } else {
            Ssn::us(ctx.rng())
        };
        let blood_type = ctx
            .table(&tables::HEALTHCARE_BLOOD_TYPE)
            .sample_row(ctx.rng())
            .value();
        let (conditions, present) = draw_conditions(ctx, clinical, sex, person.age);
        let obese = conditions.iter().any(|c| c.icd10_code.starts_with("E66"));
        let (height_cm, weight_kg, bmi) = body::draw(ctx.rng(), country, female, person.age, obese);
        let allergies = draw_allergies(ctx, clinical, present);
        let medications = draw_medications(ctx, clinical, present, &allergies);
        let emergency_contact = emergency_contact(ctx, country, &person);
        let (insurance_provider, insurance_policy_number) = insurance(ctx, clinical, person.age);
        let pool = ctx.config::<DoctorPool>().map_or(1_000, |p| p.0).max(1);
        let doctor_id = 1 + below(ctx.rng(), pool);
        let id = ctx.index() + 1;
        Patient {
            patient_id: id,
            medical_record_number: MedicalRecordNumber(id),
            ssn,
            given_name: person.given_name,
            family_name: person.family_name,
            full_name: person.full_name,
            gender: person.gender,
            birthdate: person.birthdate,
            age: person.age,
            blood_type,
            height_cm,
            weight_kg,
            bmi,
            allergies,
            medications,
            conditions,
            emergency_contact,
            insurance_provider,
            insurance_policy_number,
            primary_doctor: PrimaryDoctor {
                doctor_id,
                npi_number: Npi::for_provider(doctor_id),
            },
            email: person.email,
            phone: person.phone,
            address: person.address,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Person::visit_tables(visitor);
        for family in TABLES {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
    }
}

/// The healthcare tables a patient reads.
pub(crate) const TABLES: [&crate::TableFamily; 6] = [
    &tables::HEALTHCARE_BLOOD_TYPE,
    &tables::HEALTHCARE_CONDITION,
    &tables::HEALTHCARE_CONDITION_PREVALENCE,
    &tables::HEALTHCARE_MEDICATION,
    &tables::HEALTHCARE_ALLERGY,
    &tables::HEALTHCARE_INSURANCE_PROVIDER,
];

/// Independent draws per condition with the service's plan (or the plain prevalence), three
/// 21-bit draws per `u64`. Also returns the drawn condition indices as a bit set.
fn draw_conditions(
    ctx: &mut Context<'_>,
    clinical: &Clinical,
    sex: usize,
    age: u8,
) -> (Vec<Condition>, u128) {
    let n = clinical.conditions.len();
    let at = (sex * (MAX_AGE + 1) + usize::from(age).min(MAX_AGE)) * n;
    let thresholds = match ctx.config::<ConditionPlan>() {
        Some(plan) if plan.dataset == ctx.dataset() => &plan.thresholds[at..at + n],
        _ => &clinical.thresholds[at..at + n],
    };
    let mut present = 0u128;
    let mut bits = 0u64;
    let mask = (1u64 << DRAW_BITS) - 1;
    for (i, &threshold) in thresholds.iter().enumerate() {
        if i % 3 == 0 {
            bits = ctx.rng().next_u64();
        }
        if (bits >> (DRAW_BITS * (i % 3) as u32)) & mask < threshold {
            present |= 1 << i;
        }
    }
    let conditions = set_bits(present)
        .map(|i| clinical.conditions[i].condition)
        .collect();
    (conditions, present)
}

/// The indices of the set bits of `set`, in increasing order.
fn set_bits(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            i
        })
    })
}

fn draw_allergies(ctx: &mut Context<'_>, clinical: &Clinical, present: u128) -> Vec<Allergy> {
    let has = |i: usize| present >> i & 1 == 1;
    let count = if clinical.allergy_condition.is_some_and(has) {
        1 + below(ctx.rng(), 3) as usize
    } else if clinical.atopic.iter().any(|&i| has(i)) && chance(ctx.rng(), 0.3) {
        1
    } else {
        return Vec::new();
    };
    let mut out: Vec<Allergy> = Vec::with_capacity(count);
    for _ in 0..count * 3 {
        if out.len() == count {
            break;
        }
        let allergy = clinical.allergy(ctx.rng());
        if !out.iter().any(|a| a.allergen == allergy.allergen) {
            out.push(allergy);
        }
    }
    out
}

fn draw_medications(
    ctx: &mut Context<'_>,
    clinical: &Clinical,
    present: u128,
    allergies: &[Allergy],
) -> Vec<Medication> {
    let mut out: Vec<Medication> = Vec::new();
    for i in set_bits(present) {
        let options = &clinical.treatments[i];
        if options.is_empty() || !chance(ctx.rng(), TREATED) {
            continue;
        }
        // Two tries: an allergy or a drug already taken for another condition rules one out.
        for _ in 0..2 {
            let Some(drug) = options.draw(ctx.rng()) else {
                break;
            };
            let ruled_out = allergies
                .iter()
                .any(|a| contraindicated(a.allergen, drug.name))
                || out.iter().any(|m| m.name == drug.name);
            if !ruled_out {
                out.push(drug);
                break;
            }
        }
    }
    out
}

/// Relationships by age band, with weights: children name a parent, older people a spouse or
/// a grown-up child (illustrative shares).
fn relationship(ctx: &mut Context<'_>, country: &str, age: u8) -> &'static str {
    const US: [&str; 5] = ["Parent", "Spouse", "Sibling", "Child", "Friend"];
    const DE: [&str; 5] = ["Elternteil", "Ehepartner", "Geschwister", "Kind", "Freund"];
    let weights: [u64; 5] = match age {
        0..=17 => [1, 0, 0, 0, 0],
        18..=29 => [50, 20, 15, 0, 15],
        30..=64 => [10, 55, 15, 10, 10],
        _ => [0, 45, 5, 45, 5],
    };
    let mut point = below(ctx.rng(), weights.iter().sum());
    let mut index = 0;
    for (i, w) in weights.iter().enumerate() {
        if point < *w {
            index = i;
            break;
        }
        point -= w;
    }
    if country == "DE" {
        DE[index]
    } else {
        US[index]
    }
}

fn emergency_contact(ctx: &mut Context<'_>, country: &str, person: &Person) -> EmergencyContact {
    let relationship = relationship(ctx, country, person.age);
    let given_names = if chance(ctx.rng(), 0.5) {
        &tables::COMMON_PERSON_GIVEN_NAME_FEMALE
    } else {
        &tables::COMMON_PERSON_GIVEN_NAME_MALE
    };
    let given = ctx.table(given_names).sample_row(ctx.rng()).value();
    // Relatives share the family name, except one spouse in ten; friends have their own.
    let spouse = relationship == "Spouse" || relationship == "Ehepartner";
    let friend = relationship == "Friend" || relationship == "Freund";
    let family = if friend || (spouse && chance(ctx.rng(), 0.1)) {
        ctx.table(&tables::COMMON_PERSON_FAMILY_NAME)
            .sample_row(ctx.rng())
            .value()
    } else {
        person.family_name
    };
    EmergencyContact {
        name: FullName::new(given, family),
        relationship,
        phone: ContactPhone::near(ctx, &person.mobile_phone),
    }
}

/// The insurer and member number: Medicare from 65 in the US, the statutory or private funds
/// with a Krankenversichertennummer in Germany, the weighted insurers otherwise.
fn insurance(ctx: &mut Context<'_>, clinical: &Clinical, age: u8) -> (&'static str, PolicyNumber) {
    if clinical.country == "US" && age >= 65 {
        return ("Medicare", PolicyNumber::mbi(ctx.rng()));
    }
    let (provider, prefix) = clinical
        .insurers
        .draw(ctx.rng())
        .unwrap_or(("Medicaid", "MCD"));
    let number = if clinical.country == "DE" {
        PolicyNumber::kvnr(ctx.rng())
    } else {
        PolicyNumber::member(ctx.rng(), prefix)
    };
    (provider, number)
}
