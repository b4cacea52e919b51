//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::common::DemographicConfig;
use crate::domain::holder_config::holder_config;
use crate::domain::service::{plain_service, service_methods};
use crate::{Result, Service};

use super::{InsuranceCompany, InsuranceCoverage, InsurancePolicy, InsuranceProduct};

plain_service!(
    /// Generates [`InsuranceCompany`]s: `InsuranceCompanyService(dataset, rng)`.
    InsuranceCompanyService,
    InsuranceCompany
);
plain_service!(
    /// Generates [`InsuranceProduct`]s: `InsuranceProductService(dataset, rng)`.
    InsuranceProductService,
    InsuranceProduct
);
plain_service!(
    /// Generates [`InsuranceCoverage`]s: `InsuranceCoverageService(dataset, rng)`.
    InsuranceCoverageService,
    InsuranceCoverage
);

/// Generates [`InsurancePolicy`]s: `InsurancePolicyService(dataset, demographic_config, rng)`.
///
/// ```
/// use datamimic::domain::common::DemographicConfig;
/// use datamimic::domain::insurance::InsurancePolicyService;
///
/// let ages = DemographicConfig { age_min: Some(60), age_max: Some(70) };
/// let mut policies = InsurancePolicyService::with_config("DE", ages)?.seed(3);
/// assert!(policies.iter().take(10).all(|p| (60..=70).contains(&p.policy_holder.age)));
/// let upside_down = DemographicConfig { age_min: Some(70), age_max: Some(60) };
/// assert!(InsurancePolicyService::with_config("DE", upside_down).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct InsurancePolicyService {
    inner: Service<InsurancePolicy>,
}

impl InsurancePolicyService {
    /// Policies of `dataset` for holders aged 18 to 65 (datamimic-ce's person defaults).
    pub fn new(dataset: &str) -> Result<InsurancePolicyService> {
        InsurancePolicyService::with_config(dataset, DemographicConfig::default())
    }

    /// Policies of `dataset` for holders within `demographic`'s age range; `age_min >
    /// age_max` is an error.
    pub fn with_config(
        dataset: &str,
        demographic: DemographicConfig,
    ) -> Result<InsurancePolicyService> {
        let inner = Service::<InsurancePolicy>::new()
            .config(holder_config(demographic)?)
            .dataset(dataset)?;
        Ok(InsurancePolicyService { inner })
    }

    service_methods!(InsurancePolicy);
}
