//! Encounter: one contact of a patient with care (a visit, an emergency, a hospital stay),
//! with its doctor, hospital, diagnoses, procedures and prescriptions.

use chrono::{DateTime, Duration, Utc};

use crate::domain::dates::{add_years, unix_day};
use crate::ident::code::Code;
use crate::sample::{below, unit_f64};
use crate::{ChildOf, Context, Mimic, Siblings, Table, tables};

use super::{Condition, MedicalProcedure, Medication, Npi, Patient, ProcedureCode};

/// The kind of an encounter.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EncounterType {
    /// A check-up without a diagnosis (the only kind for patients without conditions).
    Wellness,
    /// An office visit with the primary doctor.
    Outpatient,
    /// A video or phone consultation with the primary doctor.
    Telehealth,
    /// An emergency department visit.
    Emergency,
    /// A hospital stay of at least one night.
    Inpatient,
}

/// Weights of the kinds for a patient with conditions (illustrative: office visits dominate,
/// a few percent of encounters are emergencies and hospital stays).
const TYPE_WEIGHTS: [(EncounterType, u64); 5] = [
    (EncounterType::Wellness, 15),
    (EncounterType::Outpatient, 55),
    (EncounterType::Telehealth, 15),
    (EncounterType::Emergency, 9),
    (EncounterType::Inpatient, 6),
];

/// Doctors and hospitals the encounters are spread over: the ids of `DoctorService` records
/// 1 to 1,000 (the patients' primary doctors' pool) and `HospitalService` records 1 to 100.
const DOCTOR_POOL: u64 = 1_000;
const HOSPITAL_POOL: u64 = 100;

/// Average hospital stays: about 5 days in US community hospitals (AHA Hospital Statistics)
/// and 7 in German hospitals (Destatis, Grunddaten der Krankenhäuser); stays are drawn
/// geometric around these means (the distribution is illustrative).
fn mean_stay_days(german: bool) -> f64 {
    if german { 7.2 } else { 5.4 }
}

/// A drug given for one diagnosis.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Prescription {
    /// ICD-10 code of the diagnosis the drug treats.
    pub diagnosis_code: &'static str,
    /// The drug with its usual dosage.
    #[serde(flatten)]
    pub medication: Medication,
}

/// A procedure performed during an encounter.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct EncounterProcedure {
    /// CPT (US) or OPS (DE) code with its system.
    pub code: ProcedureCode,
    /// The procedure's name.
    pub name: &'static str,
}

/// An encounter of a patient.
///
/// Coherence with the patient ([`Encounter::for_patient`]): the diagnoses are among the
/// patient's own conditions (with their ICD-10 codes) and only a wellness visit has none;
/// the prescriptions are drugs the patient takes, each for one of the diagnoses it treats (the
/// country's medication table pairs them); office and video visits are with the primary
/// doctor, emergencies and stays in a hospital; the admission lies within the last three years
/// and not before birth, the discharge after it and not after now, and a stay still running
/// has none.
///
/// ```
/// use datamimic::domain::healthcare::EncounterService;
///
/// let encounter = EncounterService::new("US")?.seed(5).generate();
/// assert!(encounter.discharge.is_none_or(|d| d >= encounter.admission));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(patient: Patient, finish = by_admission))]
#[mimic(let(kind: EncounterType, with = encounter_type(patient)))]
#[mimic(let(diagnosis_list: Vec<Condition>, with = diagnoses_of(patient, kind)))]
pub struct Encounter {
    /// Encounter number (`ENC-0012345678`).
    #[mimic(from = encounter_number)]
    pub encounter_id: Code,
    /// The patient's id.
    #[mimic(from = patient.patient_id)]
    pub patient_id: u64,
    /// The kind of encounter.
    #[mimic(from = kind)]
    pub encounter_type: EncounterType,
    /// The treating doctor's `doctor_id`.
    #[mimic(with = treating_doctor(patient, kind))]
    pub doctor_id: u64,
    /// The treating doctor's NPI.
    #[mimic(from = Npi::for_provider(doctor_id))]
    pub doctor_npi: Npi,
    /// The hospital's `hospital_id`, for emergencies and stays.
    #[mimic(with = hospital_of(kind))]
    pub hospital_id: Option<u64>,
    /// Start of the encounter.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(with = admitted(patient))]
    pub admission: DateTime<Utc>,
    /// End of the encounter; empty while a stay goes on.
    #[mimic(with = discharged(patient, kind, admission))]
    pub discharge: Option<DateTime<Utc>>,
    /// Diagnoses: some of the patient's conditions.
    #[mimic(take = diagnosis_list)]
    pub diagnoses: Vec<Condition>,
    /// Procedures performed.
    #[mimic(with = performed(kind), tables = ["healthcare/procedure"])]
    pub procedures: Vec<EncounterProcedure>,
    /// Drugs prescribed for the diagnoses.
    // The encounter number is drawn after the procedures (a `let` on this field comes late).
    #[mimic(let(encounter_number: Code, with = encounter_code))]
    #[mimic(with = prescribed(patient, diagnoses))]
    pub prescriptions: Vec<Prescription>,
}

impl Encounter {
    /// An encounter of `patient`.
    pub fn for_patient(ctx: &mut Context<'_>, patient: &Patient) -> Encounter {
        <Encounter as ChildOf<Patient>>::mimic_child(patient, &Siblings::alone(), ctx)
    }
}

/// A patient's encounters are listed by admission.
fn by_admission(_: &Patient, encounters: &mut [Encounter]) {
    encounters.sort_by_key(|e| e.admission);
}

/// The kind of encounter by its share; a wellness visit for a patient without conditions.
fn encounter_type(ctx: &mut Context<'_>, patient: &&Patient) -> EncounterType {
    if patient.conditions.is_empty() {
        return EncounterType::Wellness;
    }
    let total: u64 = TYPE_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut point = below(ctx.rng(), total);
    for (kind, weight) in TYPE_WEIGHTS {
        if point < weight {
            return kind;
        }
        point -= weight;
    }
    EncounterType::Outpatient
}

/// One to three of the patient's conditions, distinct, in the patient's order; none for a
/// wellness visit.
fn diagnoses_of(ctx: &mut Context<'_>, patient: &&Patient, kind: &EncounterType) -> Vec<Condition> {
    if *kind == EncounterType::Wellness {
        return Vec::new();
    }
    let conditions: Vec<Condition> = patient.conditions.iter().copied().collect();
    let wanted = 1 + below(ctx.rng(), 3) as usize;
    let mut chosen = vec![false; conditions.len()];
    for _ in 0..wanted.min(conditions.len()) {
        let mut i = below(ctx.rng(), conditions.len() as u64) as usize;
        while chosen[i] {
            i = (i + 1) % conditions.len();
        }
        chosen[i] = true;
    }
    conditions
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| **c)
        .map(|(d, _)| *d)
        .collect()
}

/// Whether an encounter of `kind` takes place in a hospital.
fn in_hospital(kind: EncounterType) -> bool {
    matches!(kind, EncounterType::Emergency | EncounterType::Inpatient)
}

/// Office and video visits are with the primary doctor, hospital encounters with one of the
/// hospital's.
fn treating_doctor(ctx: &mut Context<'_>, patient: &&Patient, kind: &EncounterType) -> u64 {
    if in_hospital(*kind) {
        1 + below(ctx.rng(), DOCTOR_POOL)
    } else {
        patient.primary_doctor.doctor_id
    }
}

/// The hospital of an emergency or a stay.
fn hospital_of(ctx: &mut Context<'_>, kind: &EncounterType) -> Option<u64> {
    in_hospital(*kind).then(|| 1 + below(ctx.rng(), HOSPITAL_POOL))
}

/// Admitted within the last three years, not before birth.
fn admitted(ctx: &mut Context<'_>, patient: &&Patient) -> DateTime<Utc> {
    let now = ctx.now();
    let today = ctx.today();
    let earliest = (unix_day(add_years(today, -3)).max(unix_day(patient.birthdate))) * 86_400;
    let latest = now.timestamp();
    let start = earliest + below(ctx.rng(), (latest - earliest).max(0) as u64 + 1) as i64;
    DateTime::from_timestamp(start, 0).unwrap_or(now)
}

/// The end of an encounter of `kind` that began at `admission`, if it is over by now: a visit
/// takes minutes, an emergency hours, a stay nights (geometric, by the country's mean).
fn discharged(
    ctx: &mut Context<'_>,
    patient: &&Patient,
    kind: &EncounterType,
    admission: &DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let german = patient.address.country_code == "DE";
    let minutes = match kind {
        EncounterType::Wellness | EncounterType::Outpatient => 15 + below(ctx.rng(), 46) as i64,
        EncounterType::Telehealth => 10 + below(ctx.rng(), 21) as i64,
        EncounterType::Emergency => 60 * (2 + below(ctx.rng(), 11) as i64),
        EncounterType::Inpatient => {
            let p = 1.0 / mean_stay_days(german);
            let u = unit_f64(ctx.rng());
            let nights = 1 + ((1.0 - u).ln() / (1.0 - p).ln()).floor().max(0.0) as i64;
            nights * 24 * 60 + below(ctx.rng(), 12 * 60) as i64
        }
    };
    let end = *admission + Duration::minutes(minutes);
    (end <= ctx.now()).then_some(end)
}

/// The procedures of an encounter of `kind`: at least one in a stay, none by video.
fn performed(ctx: &mut Context<'_>, kind: &EncounterType) -> Vec<EncounterProcedure> {
    let count = match kind {
        EncounterType::Inpatient => 1 + below(ctx.rng(), 3),
        EncounterType::Telehealth => 0,
        _ => below(ctx.rng(), 3),
    };
    (0..count)
        .map(|_| {
            let p = MedicalProcedure::mimic(ctx);
            EncounterProcedure {
                code: p.procedure_code,
                name: p.name,
            }
        })
        .collect()
}

/// The patient's drugs that treat a diagnosis, each once, for the first diagnosis it treats.
fn prescribed(
    ctx: &mut Context<'_>,
    patient: &&Patient,
    diagnoses: &[Condition],
) -> Vec<Prescription> {
    let table = tables::HEALTHCARE_MEDICATION.for_dataset(ctx.dataset());
    let mut prescriptions: Vec<Prescription> = Vec::new();
    for diagnosis in diagnoses {
        for &medication in patient.medications.iter() {
            let taken = prescriptions.iter().any(|p| p.medication == medication);
            if !taken && treats(table, diagnosis.name, medication.name) {
                prescriptions.push(Prescription {
                    diagnosis_code: diagnosis.icd10_code,
                    medication,
                });
            }
        }
    }
    prescriptions
}

/// An encounter number (`ENC-0012345678`).
fn encounter_code(ctx: &mut Context<'_>) -> Code {
    Code::new("ENC", below(ctx.rng(), 10_000_000_000), 10)
}

/// Whether the country's medication table lists `drug` for `condition`.
pub(crate) fn treats(table: &Table, condition: &str, drug: &str) -> bool {
    const MEDICATION: usize = 1;
    (0..table.len()).any(|r| table.value(r) == condition && table.cell(r, MEDICATION) == drug)
}
