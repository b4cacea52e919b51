//! Healthcare: Patient, Doctor, Hospital, MedicalDevice and MedicalProcedure, with the fields
//! of datamimic-ce in its order.
//!
//! Coherent within a record and across entities: a patient is a common [`Person`]; their
//! conditions follow the country's age- and sex-specific prevalence, their medications treat
//! those conditions and never contain a drug they are allergic to, their BMI is their weight
//! over their height squared and agrees with an obesity diagnosis. A doctor's hospital and
//! certifications fit the specialty, graduation year, experience and age agree, and the NPI
//! passes its Luhn check. Devices keep manufacture ≤ last maintenance ≤ today ≤ next
//! maintenance.
//!
//! ```
//! use datamimic::domain::healthcare::{HealthcareConfig, PatientService};
//!
//! let config = HealthcareConfig::default().ages(60, 80).include(["Hypertension"]);
//! let mut patients = PatientService::with_config("US", config)?.seed(42);
//! let patient = patients.generate();
//! assert!((60..=80).contains(&patient.age));
//! assert!(patient.conditions.iter().any(|c| c.name == "Hypertension"));
//! # Ok::<(), datamimic::Error>(())
//! ```
//!
//! [`Person`]: crate::domain::common::Person

// Per-country tables resolved once: prevalence, treatments, allergies, specialties.
mod clinical;
mod config;
mod coverage;
mod odds;

// Whose conventions a record follows.
mod health_system;

// Values rendered on demand instead of allocated.
mod ids;
mod selection;
mod text;

// Entities.
mod device;
mod doctor;
mod encounter;
mod hospital;
mod medical_record;
mod patient;
mod procedure;

// Building blocks of the entities.
mod body;
mod dates;

// Services in datamimic-ce's shape.
mod record_service;
mod service;

pub use config::HealthcareConfig;
pub use device::{MaintenanceRecord, MedicalDevice, Specifications, UsageLog};
pub use doctor::{Certifications, Doctor, HospitalRef, OfficeHours};
pub use encounter::{Encounter, EncounterProcedure, EncounterType, Prescription};
pub use health_system::HealthSystem;
pub use hospital::{Hospital, HospitalEmail, HospitalKind, HospitalName, Host, Website};
pub use ids::{LicenseNumber, MedicalRecordNumber, ModelNumber, Npi, PolicyNumber, Ssn};
pub use medical_record::{MedicalRecord, MedicationEntry, Problem};
pub use patient::{Allergy, Condition, EmergencyContact, Medication, Patient, PrimaryDoctor};
pub use procedure::{MedicalProcedure, ProcedureCode};
pub use record_service::{EncounterService, MedicalRecordService};
pub use selection::{Selection, SelectionIter};
// Shared with the insurance domain's risk profiles.
#[cfg(feature = "insurance")]
pub(crate) use body::draw as draw_body;
#[cfg(feature = "insurance")]
pub(crate) use clinical::Clinical;

pub use service::{
    DoctorService, HospitalService, MedicalDeviceService, MedicalProcedureService, PatientService,
};
