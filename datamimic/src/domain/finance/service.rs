//! Services in datamimic-ce's shape: thin wrappers over [`Service`] per entity.

use crate::domain::common::{DemographicConfig, Person};
use crate::domain::holder_config::holder_config;
use crate::domain::service::{plain_service, service_methods};
use crate::{ChildCount, Result, Service};

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

impl TransactionService {
    /// The next account's bookings: `count` of them (a number, or a range drawn per account:
    /// [`ChildCount`]), in the account's number, IBAN and currency, dated in order up to its
    /// last booking, with a running balance that ends at its balance. The account takes the
    /// next record index of this service, as [`Service::for_parent`] explains; generate it
    /// for the same dataset as the service.
    ///
    /// DATAMIMIC's unit-testing example, an account and ten transactions:
    ///
    /// ```
    /// use datamimic::domain::finance::{BankAccountService, TransactionService};
    ///
    /// let mut accounts = BankAccountService::new("US")?.seed(2025);
    /// let mut transactions = TransactionService::new("US")?.seed(2025);
    /// let account = accounts.generate();
    /// let booked = transactions.for_account(&account, 10);
    /// assert_eq!(booked.len(), 10);
    /// assert!(booked.iter().all(|t| t.account.account_number == account.account_number));
    /// assert!(booked.windows(2).all(|w| w[0].transaction_date <= w[1].transaction_date));
    /// assert_eq!(booked[9].balance_after, account.balance);
    /// # Ok::<(), datamimic::Error>(())
    /// ```
    pub fn for_account(
        &mut self,
        account: &BankAccount,
        count: impl Into<ChildCount>,
    ) -> Vec<Transaction> {
        self.inner.for_parent(account, count)
    }

    /// The bookings of `account`, record `account_index` of its run: the same every time.
    pub fn of_account(
        &self,
        account: &BankAccount,
        account_index: u64,
        count: impl Into<ChildCount>,
    ) -> Vec<Transaction> {
        self.inner.children(account, account_index, count)
    }
}

impl BankAccountService {
    /// The next person's accounts, each opened on or after their 18th birthday; the person
    /// takes the next record index of this service.
    pub fn for_holder(
        &mut self,
        holder: &Person,
        count: impl Into<ChildCount>,
    ) -> Vec<BankAccount> {
        self.inner.for_parent(holder, count)
    }
}

impl CreditCardService {
    /// The next person's cards, issued to them; the person takes the next record index of this
    /// service.
    ///
    /// ```
    /// use datamimic::domain::common::PersonService;
    /// use datamimic::domain::finance::CreditCardService;
    ///
    /// let person = PersonService::new("DE")?.seed(4).generate();
    /// let cards = CreditCardService::new("DE")?.seed(4).for_holder(&person, 2);
    /// assert!(cards.iter().all(|c| c.card_holder.full_name == person.full_name));
    /// # Ok::<(), datamimic::Error>(())
    /// ```
    pub fn for_holder(&mut self, holder: &Person, count: impl Into<ChildCount>) -> Vec<CreditCard> {
        self.inner.for_parent(holder, count)
    }
}
