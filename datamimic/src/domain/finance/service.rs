//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::common::{DemographicConfig, PersonConfig};
use crate::{Result, Service};

use super::{Bank, BankAccount, CreditCard, Transaction};

/// The methods every domain service shares; each wraps a `Service<$entity>` in `inner`.
macro_rules! service_methods {
    ($entity:ty) => {
        /// Makes the run reproducible from `seed` (and the fixed clock anchor).
        pub fn seed(mut self, seed: u64) -> Self {
            self.inner = self.inner.seed(seed);
            self
        }

        /// Seeds the run from an injected generator.
        pub fn rng<R: rand::Rng + ?Sized>(mut self, rng: &mut R) -> Self {
            self.inner = self.inner.rng(rng);
            self
        }

        /// Fixes "now" (`reference_now`: ages, dates).
        pub fn clock(mut self, clock: $crate::Clock) -> Self {
            self.inner = self.inner.clock(clock);
            self
        }

        /// Strict mode (no US fallback) or fallback; checks the dataset again.
        pub fn strictness(mut self, strictness: $crate::Strictness) -> $crate::Result<Self> {
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
        pub fn iter(&mut self) -> $crate::Iter<'_, $entity> {
            self.inner.iter()
        }

        /// Record `index`, the same as in a sequential run.
        pub fn record(&self, index: u64) -> $entity {
            self.inner.record(index)
        }

        /// The dataset codes every table of the entity supports.
        pub fn supported_datasets() -> Vec<&'static str> {
            $crate::Service::<$entity>::supported_datasets()
        }

        /// The underlying generic service.
        pub fn service(&self) -> &$crate::Service<$entity> {
            &self.inner
        }
    };
}
pub(crate) use service_methods;

/// Defines a service whose only parameters are dataset, seed (or rng) and clock.
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
                Ok($service { inner: Service::<$entity>::new().dataset(dataset)? })
            }

            service_methods!($entity);
        }
    };
}
pub(crate) use plain_service;

plain_service!(
    /// Generates [`Bank`]s: `BankService(dataset, rng)`.
    BankService,
    Bank
);
plain_service!(
    /// Generates [`BankAccount`]s: `BankAccountService(dataset, rng, reference_now)`.
    BankAccountService,
    BankAccount
);
plain_service!(
    /// Generates [`Transaction`]s: `TransactionService(dataset, rng, reference_now)`.
    TransactionService,
    Transaction
);

/// Generates [`CreditCard`]s: `CreditCardService(dataset, demographic_config, rng)`.
///
/// ```
/// use datamimic::domain::common::DemographicConfig;
/// use datamimic::domain::finance::CreditCardService;
///
/// let ages = DemographicConfig { age_min: Some(30), age_max: Some(40) };
/// let mut cards = CreditCardService::with_config("US", ages)?.seed(3);
/// assert!(cards.generate_batch(10).iter().all(|c| (30..=40).contains(&c.card_holder.age)));
/// let upside_down = DemographicConfig { age_min: Some(50), age_max: Some(20) };
/// assert!(CreditCardService::with_config("US", upside_down).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct CreditCardService {
    inner: Service<CreditCard>,
}

impl CreditCardService {
    /// Cards of `dataset` for holders aged 18 to 65 (datamimic-ce's person defaults).
    pub fn new(dataset: &str) -> Result<CreditCardService> {
        CreditCardService::with_config(dataset, DemographicConfig::default())
    }

    /// Cards of `dataset` for holders within `demographic`'s age range; `age_min > age_max`
    /// is an error.
    pub fn with_config(dataset: &str, demographic: DemographicConfig) -> Result<CreditCardService> {
        let inner = Service::<CreditCard>::new()
            .config(holder_config(demographic)?)
            .dataset(dataset)?;
        Ok(CreditCardService { inner })
    }

    service_methods!(CreditCard);
}

/// The person settings of a holder in `demographic`'s age range, checked.
pub(crate) fn holder_config(demographic: DemographicConfig) -> Result<PersonConfig> {
    let config = PersonConfig {
        demographic: Some(demographic),
        ..PersonConfig::default()
    };
    config.validate()?;
    Ok(config)
}
