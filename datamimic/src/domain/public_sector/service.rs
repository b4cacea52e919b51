//! The public-sector services in datamimic-ce's shape, thin wrappers over [`Service`].

use crate::domain::common::{DemographicConfig, PersonConfig};
use crate::domain::service::service_methods;
use crate::{Error, Result, Service};

use super::{AdministrationOffice, EducationalInstitution, PoliceOfficer};

/// Generates [`AdministrationOffice`]s: `AdministrationOfficeService(dataset, rng,
/// reference_now)`.
///
/// ```
/// use datamimic::domain::public_sector::AdministrationOfficeService;
///
/// let mut offices = AdministrationOfficeService::new("US")?.seed(5);
/// let batch = offices.generate_batch(3);
/// assert_eq!(batch[2], offices.record(2));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct AdministrationOfficeService {
    inner: Service<AdministrationOffice>,
}

impl AdministrationOfficeService {
    /// Offices of `dataset`, unseeded, relative to the system clock.
    pub fn new(dataset: &str) -> Result<AdministrationOfficeService> {
        let inner = Service::new().dataset(dataset)?;
        Ok(AdministrationOfficeService { inner })
    }

    service_methods!(AdministrationOffice);
}

/// Generates [`EducationalInstitution`]s: `EducationalInstitutionService(dataset, rng,
/// reference_now)`.
///
/// ```
/// use datamimic::domain::public_sector::EducationalInstitutionService;
///
/// let mut schools = EducationalInstitutionService::new("DE")?.seed(5);
/// assert!(schools.iter().take(10).all(|s| s.address.country_code == "DE"));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct EducationalInstitutionService {
    inner: Service<EducationalInstitution>,
}

impl EducationalInstitutionService {
    /// Institutions of `dataset`, unseeded, relative to the system clock.
    pub fn new(dataset: &str) -> Result<EducationalInstitutionService> {
        let inner = Service::new().dataset(dataset)?;
        Ok(EducationalInstitutionService { inner })
    }

    service_methods!(EducationalInstitution);
}

/// Generates [`PoliceOfficer`]s: `PoliceOfficerService(dataset, rng, reference_now,
/// demographic_config)`. Officers are 21 to 60 unless the demographic config says otherwise.
///
/// ```
/// use datamimic::domain::common::DemographicConfig;
/// use datamimic::domain::public_sector::PoliceOfficerService;
///
/// let ages = DemographicConfig { age_min: Some(40), age_max: Some(50) };
/// let mut officers = PoliceOfficerService::with_demographics("DE", ages)?.seed(5);
/// assert!(officers.generate_batch(50).iter().all(|o| (40..=50).contains(&o.age)));
/// let impossible = DemographicConfig { age_min: Some(50), age_max: Some(40) };
/// assert!(PoliceOfficerService::with_demographics("DE", impossible).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct PoliceOfficerService {
    inner: Service<PoliceOfficer>,
}

impl PoliceOfficerService {
    /// Youngest and oldest officer without a demographic config (illustrative: hiring at 21,
    /// retirement around 60).
    pub const DEFAULT_AGES: (u8, u8) = (21, 60);

    /// Officers of `dataset` aged 21 to 60, unseeded, relative to the system clock.
    pub fn new(dataset: &str) -> Result<PoliceOfficerService> {
        PoliceOfficerService::with_demographics(dataset, DemographicConfig::default())
    }

    /// Officers of `dataset` within `demographic`'s ages; `age_min > age_max` or an age below
    /// 18 (no one is hired before their 18th birthday) is an error.
    pub fn with_demographics(
        dataset: &str,
        demographic: DemographicConfig,
    ) -> Result<PoliceOfficerService> {
        let (min_age, max_age) = PoliceOfficerService::DEFAULT_AGES;
        let config = PersonConfig {
            min_age,
            max_age,
            // Titles are not part of an officer's record.
            academic_title_quota: Some(0.0),
            noble_quota: 0.0,
            demographic: Some(demographic),
            ..PersonConfig::default()
        };
        config.validate()?;
        let (youngest, _) = config.age_range();
        if youngest < 18 {
            return Err(Error::Constraint(format!(
                "police officers are at least 18, not {youngest}"
            )));
        }
        let inner = Service::new().config(config).dataset(dataset)?;
        Ok(PoliceOfficerService { inner })
    }

    service_methods!(PoliceOfficer);
}
