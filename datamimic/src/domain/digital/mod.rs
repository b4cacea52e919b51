//! The digital domain of DATAMIMIC's demos: UserAccount, a login of an online service, and
//! CrmRecord (`CRM`), a customer-relationship record with its interactions.
//!
//! Both are declared with `#[derive(Mimic)]`: their coherence (a username from the owner's
//! names, a last login after the account's creation, interactions dated in order) is said
//! with `with` functions that read the fields they follow from.
//!
//! ```
//! use datamimic::domain::digital::UserAccountService;
//!
//! let account = UserAccountService::new("US")?.seed(42).generate();
//! assert!(account.last_login.is_none_or(|login| login >= account.created_at));
//! # Ok::<(), datamimic::Error>(())
//! ```

// The person behind an account.
mod owner;

// Entities.
mod crm;
mod user_account;

// Services in datamimic-ce's shape.
mod service;

pub use crm::{CrmRecord, Interaction, InteractionChannel, LeadSource, Stage};
pub use owner::AccountOwner;
pub use service::{CrmService, UserAccountService};
pub use user_account::{AccountStatus, Role, TwoFactorMethod, UserAccount};
