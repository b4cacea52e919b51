//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use rand::Rng;

use crate::{Clock, Iter, Result, Service, Strictness};

use super::address::EXTRA_TABLES;
use super::{Address, City, Company, Country, Person, PersonConfig};

/// Shared methods of the entity services; each wraps a `Service<$entity>` in `inner`.
macro_rules! service_methods {
    ($entity:ty) => {
        /// Makes the run reproducible from `seed` (and the fixed clock anchor).
        pub fn seed(mut self, seed: u64) -> Self {
            self.inner = self.inner.seed(seed);
            self
        }

        /// Seeds the run from an injected generator.
        pub fn rng<R: Rng + ?Sized>(mut self, rng: &mut R) -> Self {
            self.inner = self.inner.rng(rng);
            self
        }

        /// Fixes "now" (ages, dates).
        pub fn clock(mut self, clock: Clock) -> Self {
            self.inner = self.inner.clock(clock);
            self
        }

        /// Strict mode (no US fallback) or fallback; checks the dataset again.
        pub fn strictness(mut self, strictness: Strictness) -> Result<Self> {
            self.inner = self.inner.strictness(strictness)?;
            Ok(self)
        }

        /// The next record.
        pub fn generate(&mut self) -> $entity {
            self.inner.generate()
        }

        /// The next `n` records.
        pub fn generate_batch(&mut self, n: usize) -> Vec<$entity> {
            self.inner.generate_batch(n)
        }

        /// An endless lazy stream of the next records, in constant memory.
        pub fn iter(&mut self) -> Iter<'_, $entity> {
            self.inner.iter()
        }

        /// Record `index`, the same as in a sequential run.
        pub fn record(&self, index: u64) -> $entity {
            self.inner.record(index)
        }

        /// The dataset codes every table of the entity supports.
        pub fn supported_datasets() -> Vec<&'static str> {
            Service::<$entity>::supported_datasets()
        }

        /// The underlying generic service.
        pub fn service(&self) -> &Service<$entity> {
            &self.inner
        }
    };
}

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
        family.resolve_code(settings.dataset(), settings.strictness)?;
    }
    Ok(())
}

/// Defines a service for an entity without parameters beyond dataset and seed.
macro_rules! plain_service {
    ($(#[$doc:meta])* $service:ident, $entity:ty) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $service {
            inner: Service<$entity>,
        }

        impl $service {
            /// Records of `dataset`, unseeded; fails for an invalid code, or in strict mode
            /// for a country the tables lack.
            pub fn new(dataset: &str) -> Result<$service> {
                let inner = Service::<$entity>::new().dataset(dataset)?;
                check_unvisited(&inner)?;
                Ok($service { inner })
            }

            service_methods!($entity);
        }
    };
}

plain_service!(
    /// Generates [`Address`]es.
    AddressService,
    Address
);
plain_service!(
    /// Generates [`City`]s.
    CityService,
    City
);
plain_service!(
    /// Generates [`Country`]s, weighted by population.
    CountryService,
    Country
);
plain_service!(
    /// Generates [`Company`]s.
    CompanyService,
    Company
);
