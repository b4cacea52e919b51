//! Identifiers with valid check digits: generators (uniform over the valid numbers, generic over
//! any [`rand::Rng`], drawing only through [`crate::sample`] so seeded values stay stable) and
//! validators ([`IdError`] says what is wrong).
//!
//! | Identifier | Generate | Validate |
//! |---|---|---|
//! | Luhn check digit | [`luhn::check_digit`] | [`luhn::is_valid`] |
//! | IBAN | [`iban::from_parts`], [`iban::from_bban`], [`iban::random`], [`iban::german_account_number`] | [`iban::validate`]; print with [`iban::format`](fn@iban::format) |
//! | Card number | [`card::generate`], [`card::generate_with_length`], [`card::cvv`] | [`card::validate`] (returns the [`Network`]) |
//! | NPI | [`npi::generate`], [`npi::check_digit`] | [`npi::validate`] |
//! | ABA routing number | [`aba::generate`], [`aba::check_digit`] | [`aba::validate`] |
//! | SSN | [`ssn::generate`] | [`ssn::validate`] |
//! | EAN-13 / GTIN | [`ean::generate`] with [`Gs1Prefixes`], [`ean::check_digit`] | [`ean::validate`] |
//!
//! Every module also has `is_valid(&str) -> bool`.
//!
//! ```
//! use datamimic::{MimicRng, ident::{card, iban, ssn, Network}};
//! let mut rng = MimicRng::for_record(42, 0);
//! let account = iban::random(&mut rng, "DE", "10010010").unwrap();
//! let visa = card::generate(&mut rng, Network::Visa);
//! let ssn = ssn::generate(&mut rng);
//! assert!(iban::is_valid(&account) && card::is_valid(&visa) && ssn::is_valid(&ssn));
//! ```

mod digits;
mod error;

pub mod aba;
pub mod card;
pub mod ean;
pub mod iban;
pub mod luhn;
pub mod npi;
pub mod ssn;
pub mod with;

pub use card::Network;
pub use ean::Gs1Prefixes;
pub use error::IdError;
