//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::common::{DemographicConfig, PersonConfig};
use crate::domain::service::{plain_service, service_methods};
use crate::{Result, Service};

use super::{Bank, BankAccount, CreditCard, Investment, Loan, Transaction};

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
    /// Generates [`Investment`] accounts of owners aged 18 to 65: `InvestmentService(dataset, rng)`.
    InvestmentService,
    Investment
);
plain_service!(
    /// Generates [`Loan`]s of borrowers aged 18 to 65: `LoanService(dataset, rng, reference_now)`.
    LoanService,
    Loan
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
