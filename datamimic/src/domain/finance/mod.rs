//! The finance domain of datamimic-ce: Bank, BankAccount, CreditCard and Transaction; and
//! Loan, an instalment loan with its amortisation schedule, and Investment, a securities
//! account with its holdings.
//!
//! Identifiers pass their real checks: German IBANs carry a Bundesbank bank code with its BIC
//! and the ISO 7064 mod 97-10 check digits; card numbers have a real network prefix, the
//! network's length and the Luhn digit; US routing numbers pass the ABA checksum. Dates are
//! ordered against the clock (created ≤ last transaction ≤ now, issue ≤ expiry) and amounts
//! are in the currency of the bank's country.
//!
//! ```
//! use datamimic::domain::finance::BankAccountService;
//!
//! let account = BankAccountService::new("DE")?.seed(42).generate();
//! let iban = account.iban.expect("German accounts have an IBAN");
//! assert_eq!(&iban.as_str()[4..12], account.bank_code);
//! assert_eq!(account.currency, "EUR");
//! # Ok::<(), datamimic::Error>(())
//! ```

// Identifiers and values kept as small Copy types, rendered on demand instead of allocated.
mod account_number;
mod card_number;
mod iban;
mod phone;

// Entities.
mod bank;
mod bank_account;
mod credit_card;
mod investment;
mod loan;
mod payment;
mod transaction;
mod wallet;

// Per-dataset lookups in the baked tables.
mod tables;

// Services in datamimic-ce's shape.
mod payment_service;
mod service;

pub use account_number::AccountNumber;
pub use bank::Bank;
pub use bank_account::BankAccount;
pub use card_number::{CardNumber, Cvv};
pub use credit_card::CreditCard;
pub use iban::Iban;
pub use investment::{Holding, Investment};
pub use loan::{Installment, Loan};
pub use payment::{Payment, PaymentMethod, PaymentStatus};
pub use payment_service::{DigitalWalletService, PaymentService};
pub use phone::TollFreeNumber;
pub use service::{
    BankAccountService, BankService, CreditCardService, InvestmentService, LoanService,
    TransactionService,
};
pub use transaction::{
    Reference, Transaction, TransactionAccount, TransactionDescription, TransactionId,
};

pub use wallet::{DigitalWallet, WalletStatus, WalletType};
