//! MedicalRecord: a patient's chart, the problem list with onset dates and the medications
//! with the conditions they treat.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::dates::{from_unix_day, unix_day};
use crate::ident::code::Code;
use crate::sample::below;
use crate::{ChildOf, Context, Mimic, Siblings, tables};

use super::clinical::Clinical;
use super::encounter::treats;
use super::{Allergy, Condition, MedicalRecordNumber, Medication, Patient, Selection};

/// A condition on the problem list, with the day it was diagnosed.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Problem {
    /// The condition with its ICD-10 code.
    #[serde(flatten)]
    pub condition: Condition,
    /// Day of diagnosis: not before the condition's earliest age nor after today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub onset_date: NaiveDate,
}

/// A drug on the medication list, with what it treats and since when.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct MedicationEntry {
    /// The drug with its usual dosage.
    #[serde(flatten)]
    pub medication: Medication,
    /// ICD-10 code of the problem it treats.
    pub for_condition: &'static str,
    /// Day it was first prescribed: on or after the problem's onset.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub start_date: NaiveDate,
}

/// A patient's medical record (chart).
///
/// Coherence with the patient ([`MedicalRecord::for_patient`]): the problem list is the
/// patient's conditions, each diagnosed on a day between the condition's earliest age (from
/// the country's condition table) and today; the medication list is the patient's drugs, each
/// for a problem it treats (the country's medication table pairs them) and started on or after
/// that problem's onset; allergies and body measures are the patient's; the record was opened
/// after birth, last updated between its opening and now, and the last visit falls on or
/// after every onset and every start.
///
/// ```
/// use datamimic::domain::healthcare::MedicalRecordService;
///
/// let record = MedicalRecordService::new("DE")?.seed(5).generate();
/// assert!(record.created_date <= record.last_updated);
/// assert!(record.problems.iter().all(|p| p.onset_date <= record.last_visit_date));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(patient: Patient, count = 1))]
#[mimic(let(problem_list: Vec<Problem>, with = diagnosed(patient)))]
#[mimic(let(medication_list: Vec<MedicationEntry>, with = prescribed(patient, problem_list)))]
#[mimic(let(chart: ChartDates, with = ChartDates::draw(patient, problem_list, medication_list)))]
pub struct MedicalRecord {
    /// Record number (`MRD-0012345678`).
    #[mimic(from = record_number)]
    pub record_id: Code,
    /// The patient's id.
    #[mimic(from = patient.patient_id)]
    pub patient_id: u64,
    /// The patient's medical record number.
    #[mimic(from = patient.medical_record_number)]
    pub medical_record_number: MedicalRecordNumber,
    /// The patient's primary doctor's `doctor_id`.
    #[mimic(from = patient.primary_doctor.doctor_id)]
    pub primary_doctor_id: u64,
    /// When the record was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(chart.created))]
    pub created_date: DateTime<Utc>,
    /// When it was last changed.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(chart.updated))]
    pub last_updated: DateTime<Utc>,
    /// Day of the latest visit.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = from_unix_day(chart.last_visit).unwrap_or(patient.birthdate))]
    pub last_visit_date: NaiveDate,
    /// ABO and Rh blood group.
    #[mimic(from = patient.blood_type)]
    pub blood_type: &'static str,
    /// Height in centimetres.
    #[mimic(from = patient.height_cm)]
    pub height_cm: f64,
    /// Weight in kilograms.
    #[mimic(from = patient.weight_kg)]
    pub weight_kg: f64,
    /// Body-mass index.
    #[mimic(from = patient.bmi)]
    pub bmi: f64,
    /// Known allergies.
    #[mimic(from = patient.allergies)]
    pub allergies: Selection<Allergy>,
    /// Diagnosed conditions with their onset.
    #[mimic(take = problem_list)]
    pub problems: Vec<Problem>,
    /// Current drugs with the problem each treats.
    // The record number is drawn after the dates (a `let` on this field comes late).
    #[mimic(let(record_number: Code, with = record_code))]
    #[mimic(take = medication_list)]
    pub medications: Vec<MedicationEntry>,
}

/// A day between `low` and `high` (both Unix days; `high` raised to `low` if below it).
fn day_between(ctx: &mut Context<'_>, low: i64, high: i64) -> i64 {
    let high = high.max(low);
    low + below(ctx.rng(), (high - low) as u64 + 1) as i64
}

/// The patient's conditions, each diagnosed on a day between the condition's earliest age and
/// today.
fn diagnosed(ctx: &mut Context<'_>, patient: &&Patient) -> Vec<Problem> {
    let clinical = Clinical::of(ctx);
    let today = unix_day(ctx.today());
    let birth = unix_day(patient.birthdate);
    patient
        .conditions
        .iter()
        .map(|&condition| {
            let age_min = clinical
                .condition_index(condition.icd10_code)
                .map_or(0, |i| clinical.conditions[i].age_min);
            // The patient has the condition, so they are at least that old today.
            let earliest = (birth + i64::from(age_min) * 365).min(today);
            let onset = day_between(ctx, earliest, today);
            Problem {
                condition,
                onset_date: from_unix_day(onset).unwrap_or(patient.birthdate),
            }
        })
        .collect()
}

/// The patient's drugs, each for the first problem it treats and started on or after that
/// problem's onset; a drug that treats none of them is left off.
fn prescribed(
    ctx: &mut Context<'_>,
    patient: &&Patient,
    problems: &[Problem],
) -> Vec<MedicationEntry> {
    let today = unix_day(ctx.today());
    let table = tables::HEALTHCARE_MEDICATION.for_dataset(ctx.dataset());
    let mut medications = Vec::new();
    for &medication in patient.medications.iter() {
        let Some(problem) = problems
            .iter()
            .find(|p| treats(table, p.condition.name, medication.name))
        else {
            continue;
        };
        let start = day_between(ctx, unix_day(problem.onset_date), today);
        medications.push(MedicationEntry {
            medication,
            for_condition: problem.condition.icd10_code,
            start_date: from_unix_day(start).unwrap_or(problem.onset_date),
        });
    }
    medications
}

/// When the chart was opened, last visited and last changed.
#[derive(Debug, Clone, Copy)]
struct ChartDates {
    /// Unix day of the latest visit.
    last_visit: i64,
    /// Unix seconds.
    created: i64,
    /// Unix seconds, at or after `created`.
    updated: i64,
}

impl ChartDates {
    /// Opened at the first contact (on or after birth, within the last 20 years); the last
    /// visit on or after every onset and every start; changed on the last visit.
    fn draw(
        ctx: &mut Context<'_>,
        patient: &&Patient,
        problems: &[Problem],
        medications: &[MedicationEntry],
    ) -> ChartDates {
        let today = unix_day(ctx.today());
        let birth = unix_day(patient.birthdate);
        let latest_event = problems
            .iter()
            .map(|p| unix_day(p.onset_date))
            .chain(medications.iter().map(|m| unix_day(m.start_date)))
            .max()
            .unwrap_or(birth);
        let opened = day_between(ctx, birth.max(today - 20 * 365), today);
        let last_visit = day_between(ctx, latest_event.max(opened), today);
        let now = ctx.now().timestamp();
        let seconds = |day: i64| day * 86_400;
        let created = (seconds(opened) + below(ctx.rng(), 86_400) as i64).min(now);
        let updated_from = seconds(last_visit).max(created);
        let updated = (updated_from + below(ctx.rng(), 86_400) as i64).min(now);
        ChartDates {
            last_visit,
            created,
            updated: updated.max(created),
        }
    }
}

/// A record number (`MRD-0012345678`).
fn record_code(ctx: &mut Context<'_>) -> Code {
    Code::new("MRD", below(ctx.rng(), 10_000_000_000), 10)
}

/// The instant `seconds` after the Unix epoch.
fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

impl MedicalRecord {
    /// The record of `patient`.
    pub fn for_patient(ctx: &mut Context<'_>, patient: &Patient) -> MedicalRecord {
        <MedicalRecord as ChildOf<Patient>>::mimic_child(patient, &Siblings::alone(), ctx)
    }
}
