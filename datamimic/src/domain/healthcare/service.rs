//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::common::PersonConfig;
use crate::domain::service::{plain_service, service_methods};
use crate::{Error, Result, Service};

use super::config::HealthcareConfig;
use super::doctor::{DoctorAges, MIN_DOCTOR_AGE};
use super::patient::DoctorPool;
use super::{Doctor, Hospital, MedicalDevice, MedicalProcedure, Patient};

/// Generates [`Patient`]s: `PatientService(dataset, demographic_config, rng)`.
///
/// ```
/// use datamimic::domain::healthcare::{HealthcareConfig, PatientService};
///
/// let mut patients = PatientService::with_config("US", HealthcareConfig::default().ages(0, 17))?
///     .doctor_pool(50)
///     .seed(9);
/// let batch = patients.generate_batch(20);
/// assert!(batch.iter().all(|p| p.age <= 17 && p.primary_doctor.doctor_id <= 50));
/// assert_eq!(patients.record(3), batch[3]);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct PatientService {
    inner: Service<Patient>,
}

impl PatientService {
    /// Patients of `dataset` aged 0 to 90, unseeded.
    pub fn new(dataset: &str) -> Result<PatientService> {
        PatientService::with_config(dataset, HealthcareConfig::default())
    }

    /// Patients of `dataset` with `config`; fails for reversed ages, unknown conditions or an
    /// included condition that starts after the oldest age.
    pub fn with_config(dataset: &str, config: HealthcareConfig) -> Result<PatientService> {
        let (min_age, max_age) = config.age_range(0, 90)?;
        let inner = Service::<Patient>::new().dataset(dataset)?;
        let plan = config.plan(inner.settings().dataset(), max_age)?;
        let person = PersonConfig {
            min_age,
            max_age,
            ..PersonConfig::default()
        };
        let inner = inner.config(person).config(plan).config(DoctorPool(1_000));
        Ok(PatientService { inner })
    }

    /// Spreads patients over doctors `1..=doctors` (1,000 by default): `primary_doctor`
    /// refers to the `DoctorService` record with that `doctor_id`.
    pub fn doctor_pool(mut self, doctors: u64) -> PatientService {
        self.inner = self.inner.config(DoctorPool(doctors.max(1)));
        self
    }

    service_methods!(Patient);
}

/// Generates [`Doctor`]s: `DoctorService(dataset, rng, reference_now, demographic_config)`.
///
/// ```
/// use datamimic::domain::healthcare::{DoctorService, HealthcareConfig};
///
/// let mut doctors = DoctorService::with_config("DE", HealthcareConfig::default().ages(30, 40))?.seed(4);
/// assert!(doctors.generate_batch(50).iter().all(|d| (30..=40).contains(&d.age)));
/// assert!(DoctorService::with_config("DE", HealthcareConfig::default().ages(18, 22)).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct DoctorService {
    inner: Service<Doctor>,
}

impl DoctorService {
    /// Doctors of `dataset` aged 28 to 70, unseeded.
    pub fn new(dataset: &str) -> Result<DoctorService> {
        DoctorService::with_config(dataset, HealthcareConfig::default())
    }

    /// Doctors of `dataset` in `config`'s age range. Fails if the range ends before the
    /// youngest possible doctor (25) or lists conditions, which doctors do not have.
    pub fn with_config(dataset: &str, config: HealthcareConfig) -> Result<DoctorService> {
        let (min_age, max_age) = config.age_range(28, 70)?;
        if max_age < MIN_DOCTOR_AGE {
            return Err(Error::Constraint(format!(
                "doctors are at least {MIN_DOCTOR_AGE}; the age range ends at {max_age}"
            )));
        }
        if !config.conditions_include.is_empty() || !config.conditions_exclude.is_empty() {
            return Err(Error::Constraint(
                "doctors take an age range only; `conditions_include` and `conditions_exclude` apply to patients"
                    .to_owned(),
            ));
        }
        let min_age = min_age.max(MIN_DOCTOR_AGE);
        let person = PersonConfig {
            min_age,
            max_age,
            ..PersonConfig::default()
        };
        let inner = Service::<Doctor>::new()
            .dataset(dataset)?
            .config(person)
            .config(DoctorAges(min_age, max_age));
        Ok(DoctorService { inner })
    }

    service_methods!(Doctor);
}

plain_service!(
    /// Generates [`Hospital`]s: `HospitalService(dataset, rng, reference_now)`.
    HospitalService,
    Hospital
);
plain_service!(
    /// Generates [`MedicalDevice`]s: `MedicalDeviceService(dataset, rng, reference_now)`.
    MedicalDeviceService,
    MedicalDevice
);
plain_service!(
    /// Generates [`MedicalProcedure`]s: `MedicalProcedureService(dataset, rng)`.
    MedicalProcedureService,
    MedicalProcedure
);
