//! Encounters and medical records of patients: diagnoses among the patient's own conditions,
//! drugs the patient takes for the diagnoses they treat, dates in order.
//!
//! Each check runs over 100,000 patients for US and DE; the records of a patient come from its
//! `for_patient` function, so the test sees both. The drug-to-condition pairs are read here from
//! the baked medication table.

use std::collections::HashSet;

use chrono::Duration;
use datamimic::domain::healthcare::{
    Encounter, EncounterService, EncounterType, MedicalRecord, MedicalRecordService, Patient,
    PatientService,
};
use datamimic::{Context, DatasetCode, Settings, tables};

const PATIENTS: u64 = 100_000;

/// The (condition, drug) pairs of the country's medication table.
fn treatments(country: &str) -> HashSet<(&'static str, &'static str)> {
    let table = tables::HEALTHCARE_MEDICATION.for_dataset(DatasetCode::parse(country).unwrap());
    let drug = table.column_index("medication").unwrap();
    (0..table.len())
        .map(|r| (table.value(r), table.cell(r, drug)))
        .collect()
}

fn each_patient(
    country: &str,
    settings: &Settings,
    mut check: impl FnMut(&Patient, &mut Context<'_>),
) {
    let patients = PatientService::new(country).unwrap().seed(51);
    for i in 0..PATIENTS {
        let patient = patients.record(i);
        let mut ctx = Context::new(settings, i);
        check(&patient, &mut ctx);
    }
}

#[test]
fn encounters_diagnose_the_patients_conditions_and_prescribe_fitting_drugs() {
    for country in ["US", "DE"] {
        let pairs = treatments(country);
        let service = EncounterService::new(country).unwrap().seed(52);
        let settings = service.service().settings();
        let now = settings.clock().now();
        let mut kinds = HashSet::new();
        let (mut prescribed, mut running) = (0u64, 0u64);
        each_patient(country, settings, |patient, ctx| {
            let e = Encounter::for_patient(ctx, patient);
            assert_eq!(e.patient_id, patient.patient_id);
            let conditions: Vec<_> = patient.conditions.iter().collect();
            for d in &e.diagnoses {
                assert!(
                    conditions.contains(&d),
                    "{} is not a condition of the patient",
                    d.name
                );
            }
            let distinct: HashSet<_> = e.diagnoses.iter().map(|d| d.icd10_code).collect();
            assert_eq!(distinct.len(), e.diagnoses.len());
            assert_eq!(
                e.diagnoses.is_empty(),
                e.encounter_type == EncounterType::Wellness
            );
            if conditions.is_empty() {
                assert_eq!(e.encounter_type, EncounterType::Wellness);
            }
            let medications: Vec<_> = patient.medications.iter().collect();
            for p in &e.prescriptions {
                assert!(
                    medications.contains(&&p.medication),
                    "a drug the patient takes"
                );
                let diagnosis = e
                    .diagnoses
                    .iter()
                    .find(|d| d.icd10_code == p.diagnosis_code)
                    .expect("prescribed for one of the diagnoses");
                assert!(
                    pairs.contains(&(diagnosis.name, p.medication.name)),
                    "{} for {}",
                    p.medication.name,
                    diagnosis.name
                );
            }
            // Every drug the patient takes for a diagnosis is on the prescriptions.
            for d in &e.diagnoses {
                for m in &medications {
                    if pairs.contains(&(d.name, m.name)) {
                        assert!(e.prescriptions.iter().any(|p| p.medication == **m));
                    }
                }
            }
            prescribed += e.prescriptions.len() as u64;
            let in_hospital = matches!(
                e.encounter_type,
                EncounterType::Emergency | EncounterType::Inpatient
            );
            assert_eq!(e.hospital_id.is_some(), in_hospital);
            if !in_hospital {
                assert_eq!(e.doctor_id, patient.primary_doctor.doctor_id);
                assert_eq!(e.doctor_npi, patient.primary_doctor.npi_number);
            }
            assert!(e.admission <= now);
            assert!(e.admission >= now - Duration::days(3 * 366 + 1));
            assert!(e.admission.date_naive() >= patient.birthdate);
            match e.discharge {
                Some(discharge) => {
                    assert!(e.admission < discharge && discharge <= now);
                    if e.encounter_type == EncounterType::Inpatient {
                        assert!(discharge - e.admission >= Duration::days(1));
                    } else {
                        assert!(discharge - e.admission <= Duration::hours(12));
                    }
                }
                None => running += 1,
            }
            kinds.insert(e.encounter_type);
        });
        assert_eq!(kinds.len(), 5, "{country}");
        assert!(
            prescribed > PATIENTS / 10,
            "{country}: {prescribed} prescriptions"
        );
        assert!(
            running < PATIENTS / 100,
            "{country}: {running} still running"
        );
    }
}

#[test]
fn medical_records_date_problems_and_drugs_in_order() {
    for country in ["US", "DE"] {
        let pairs = treatments(country);
        let service = MedicalRecordService::new(country).unwrap().seed(53);
        let settings = service.service().settings();
        let now = settings.clock().now();
        let today = settings.clock().today();
        each_patient(country, settings, |patient, ctx| {
            let r = MedicalRecord::for_patient(ctx, patient);
            assert_eq!(r.patient_id, patient.patient_id);
            assert_eq!(r.medical_record_number, patient.medical_record_number);
            assert_eq!(r.bmi, patient.bmi);
            assert_eq!(r.allergies, patient.allergies);
            let conditions: Vec<_> = patient.conditions.iter().copied().collect();
            let problems: Vec<_> = r.problems.iter().map(|p| p.condition).collect();
            assert_eq!(problems, conditions);
            assert_eq!(
                r.medications.len(),
                patient.medications.len(),
                "every drug has its problem"
            );
            assert!(r.created_date.date_naive() >= patient.birthdate);
            assert!(r.created_date <= r.last_updated && r.last_updated <= now);
            assert!(r.last_visit_date <= today);
            assert!(r.created_date.date_naive() <= r.last_visit_date);
            for p in &r.problems {
                assert!(patient.birthdate <= p.onset_date && p.onset_date <= r.last_visit_date);
            }
            for m in &r.medications {
                let problem = r
                    .problems
                    .iter()
                    .find(|p| p.condition.icd10_code == m.for_condition)
                    .expect("a drug for a listed problem");
                assert!(pairs.contains(&(problem.condition.name, m.medication.name)));
                assert!(problem.onset_date <= m.start_date && m.start_date <= r.last_visit_date);
            }
        });
        // The standalone service draws its patients: the same dates hold.
        for i in 0..1_000 {
            let r = service.record(i);
            assert!(r.created_date <= r.last_updated);
        }
    }
}
