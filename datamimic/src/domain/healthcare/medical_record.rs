//! MedicalRecord: a patient's chart, the problem list with onset dates and the medications
//! with the conditions they treat.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::ecommerce::Code;
use crate::domain::finance::{from_unix_day, unix_day};
use crate::sample::below;
use crate::{ChildOf, Context, Counting, Mimic, Siblings, TableUse, tables};

use super::clinical::Clinical;
use super::encounter::treats;
use super::{Allergy, Condition, MedicalRecordNumber, Medication, Patient, Selection};

/// A condition on the problem list, with the day it was diagnosed.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The condition with its ICD-10 code.
    #[serde(flatten)]
    pub condition: Condition,
    /// Day of diagnosis: not before the condition's earliest age nor after today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub onset_date: NaiveDate,
}

/// A drug on the medication list, with what it treats and since when.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, crate::Cells, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct MedicalRecord {
    /// Record number (`MRD-0012345678`).
    pub record_id: Code,
    /// The patient's id.
    pub patient_id: u64,
    /// The patient's medical record number.
    pub medical_record_number: MedicalRecordNumber,
    /// The patient's primary doctor's `doctor_id`.
    pub primary_doctor_id: u64,
    /// When the record was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_date: DateTime<Utc>,
    /// When it was last changed.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub last_updated: DateTime<Utc>,
    /// Day of the latest visit.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub last_visit_date: NaiveDate,
    /// ABO and Rh blood group.
    pub blood_type: &'static str,
    /// Height in centimetres.
    pub height_cm: f64,
    /// Weight in kilograms.
    pub weight_kg: f64,
    /// Body-mass index.
    pub bmi: f64,
    /// Known allergies.
    pub allergies: Selection<Allergy>,
    /// Diagnosed conditions with their onset.
    pub problems: Vec<Problem>,
    /// Current drugs with the problem each treats.
    pub medications: Vec<MedicationEntry>,
}

impl MedicalRecord {
    /// The record of `patient`.
    pub fn for_patient(ctx: &mut Context<'_>, patient: &Patient) -> MedicalRecord {
        let clinical = Clinical::of(ctx);
        let today = unix_day(ctx.today());
        let birth = unix_day(patient.birthdate);
        let between = |ctx: &mut Context<'_>, low: i64, high: i64| {
            let high = high.max(low);
            low + below(ctx.rng(), (high - low) as u64 + 1) as i64
        };
        let problems: Vec<Problem> = patient
            .conditions
            .iter()
            .map(|&condition| {
                let age_min = clinical
                    .condition_index(condition.icd10_code)
                    .map_or(0, |i| clinical.conditions[i].age_min);
                // The patient has the condition, so they are at least that old today.
                let earliest = (birth + i64::from(age_min) * 365).min(today);
                let onset = between(ctx, earliest, today);
                Problem {
                    condition,
                    onset_date: from_unix_day(onset).unwrap_or(patient.birthdate),
                }
            })
            .collect();
        let table = tables::HEALTHCARE_MEDICATION.for_dataset(ctx.dataset());
        let mut medications = Vec::new();
        for &medication in patient.medications.iter() {
            let Some(problem) = problems
                .iter()
                .find(|p| treats(table, p.condition.name, medication.name))
            else {
                continue;
            };
            let start = between(ctx, unix_day(problem.onset_date), today);
            medications.push(MedicationEntry {
                medication,
                for_condition: problem.condition.icd10_code,
                start_date: from_unix_day(start).unwrap_or(problem.onset_date),
            });
        }
        let latest_event = problems
            .iter()
            .map(|p| unix_day(p.onset_date))
            .chain(medications.iter().map(|m| unix_day(m.start_date)))
            .max()
            .unwrap_or(birth);
        // Opened at the first contact: on or after birth, within the last 20 years.
        let opened = between(ctx, birth.max(today - 20 * 365), today);
        let last_visit = between(ctx, latest_event.max(opened), today);
        let now = ctx.now().timestamp();
        let seconds = |day: i64| day * 86_400;
        let created = (seconds(opened) + below(ctx.rng(), 86_400) as i64).min(now);
        let updated_from = seconds(last_visit).max(created);
        let updated = (updated_from + below(ctx.rng(), 86_400) as i64).min(now);
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap_or_default();
        MedicalRecord {
            record_id: Code::new("MRD", below(ctx.rng(), 10_000_000_000), 10),
            patient_id: patient.patient_id,
            medical_record_number: patient.medical_record_number,
            primary_doctor_id: patient.primary_doctor.doctor_id,
            created_date: at(created),
            last_updated: at(updated.max(created)),
            last_visit_date: from_unix_day(last_visit).unwrap_or(patient.birthdate),
            blood_type: patient.blood_type,
            height_cm: patient.height_cm,
            weight_kg: patient.weight_kg,
            bmi: patient.bmi,
            allergies: patient.allergies,
            problems,
            medications,
        }
    }
}

impl Mimic for MedicalRecord {
    /// The record of a patient of its own.
    fn mimic(ctx: &mut Context<'_>) -> MedicalRecord {
        let patient = Patient::mimic(ctx);
        MedicalRecord::for_patient(ctx, &patient)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Patient::visit_tables(visitor);
    }
}

/// A patient's medical record: one per patient.
impl ChildOf<Patient> for MedicalRecord {
    fn mimic_child(
        patient: &Patient,
        _: &Siblings<'_, MedicalRecord>,
        ctx: &mut Context<'_>,
    ) -> MedicalRecord {
        MedicalRecord::for_patient(ctx, patient)
    }

    const COUNTING: Counting = Counting::Parent;

    fn count(_: &Patient, _: usize) -> usize {
        1
    }
}
