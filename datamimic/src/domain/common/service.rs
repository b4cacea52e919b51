//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::service::{plain_service, service_methods};
use crate::{Result, Service};

use super::address::EXTRA_TABLES;
use super::{Address, City, Company, Country, Person, PersonConfig};

/// Generates [`Person`]s: `PersonService(dataset, min_age, max_age, female_quota, ...)`.
///
/// ```
/// use datamimic::domain::common::{PersonConfig, PersonService};
///
/// let config = PersonConfig { min_age: 30, max_age: 40, ..PersonConfig::default() };
/// let mut people = PersonService::with_config("SE", config)?.seed(5);
/// let batch = people.generate_batch(10);
/// assert!(batch.iter().all(|p| (30..=40).contains(&p.age)));
/// let streamed: Vec<_> = people.iter().take(3).collect();
/// assert_eq!(streamed[0], people.record(10));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct PersonService {
    inner: Service<Person>,
}

impl PersonService {
    /// People of `dataset` with datamimic-ce's defaults (ages 18 to 65, half women), unseeded.
    pub fn new(dataset: &str) -> Result<PersonService> {
        PersonService::with_config(dataset, PersonConfig::default())
    }

    /// People of `dataset` with `config`; fails for impossible ages or quotas.
    pub fn with_config(dataset: &str, config: PersonConfig) -> Result<PersonService> {
        config.validate()?;
        let inner = Service::<Person>::new().config(config).dataset(dataset)?;
        Ok(PersonService { inner })
    }

    service_methods!(Person);
}

/// Checks the tables that derived `with` functions read, which the derive cannot report.
fn check_unvisited<T: crate::Mimic>(service: &Service<T>) -> Result<()> {
    let settings = service.settings();
    for family in EXTRA_TABLES {
        family.resolve_code(settings.dataset(), settings.strictness())?;
    }
    Ok(())
}

plain_service!(
    /// Generates [`Address`]es.
    AddressService,
    Address,
    check = check_unvisited
);
plain_service!(
    /// Generates [`City`]s.
    CityService,
    City,
    check = check_unvisited
);
plain_service!(
    /// Generates [`Country`]s, weighted by population.
    CountryService,
    Country,
    check = check_unvisited
);
plain_service!(
    /// Generates [`Company`]s.
    CompanyService,
    Company,
    check = check_unvisited
);
