//! Identifiers with their real check digits and issuance rules, one home each: generators
//! (uniform over the valid values, generic over any [`rand::Rng`], drawing only through
//! [`crate::sample`] or `next_u64` so seeded values stay stable) next to their validators
//! ([`IdError`] says what is wrong). The built-in domains draw their identifiers here.
//!
//! | Identifier | Generate | Validate |
//! |---|---|---|
//! | Luhn check digit | [`luhn::check_digit`], [`luhn::check_digit_of`] | [`luhn::is_valid`] |
//! | IBAN | [`iban::from_parts`], [`iban::from_bban`], [`iban::random`], [`iban::german_account_number`] | [`iban::validate`]; print with [`iban::format`](fn@iban::format) |
//! | Card number | [`card::generate`], [`card::generate_with_length`], [`card::cvv`] | [`card::validate`] (returns the [`Network`]) |
//! | ISIN, CUSIP | [`isin::generate`], [`isin::check_digit`], [`isin::cusip_check_digit`] | [`isin::validate`] |
//! | NPI | [`npi::generate`], [`npi::with_check_digit`], [`npi::check_digit`] | [`npi::validate`] |
//! | ABA routing number | [`aba::generate`], [`aba::check_digit`] | [`aba::validate`] |
//! | SSN | [`ssn::generate`], [`ssn::generate_parts`] | [`ssn::validate`] |
//! | Medicare Beneficiary Identifier | [`mbi::generate`] | [`mbi::validate`] |
//! | DE pension insurance number (RVNR) | [`rvnr::generate`], [`rvnr::generate_parts`], [`rvnr::check_digit`] | [`rvnr::validate`] |
//! | DE health insurance number (KVNR) | [`kvnr::generate`], [`kvnr::check_digit`] | [`kvnr::validate`] |
//! | DE lifelong physician number (LANR) | [`lanr::generate`], [`lanr::check_digit_of`] | [`lanr::validate`] |
//! | BR CPF and CNPJ | [`br::cpf`], [`br::cnpj`] | [`br::cpf_validate`], [`br::cnpj_validate`] |
//! | EAN-13 / GTIN | [`ean::generate`] with [`Gs1Prefixes`], [`ean::check_digit`] | [`ean::validate`] |
//! | UUID (version 4) | [`uuid::generate`], [`uuid::generate_bits`], [`uuid::version_4`]; print with [`uuid::write`] | [`uuid::validate`] |
//! | Prefixed record code (`ORD-0004711023`) | [`code::Code::new`] | — |
//!
//! Every module but [`code`] also has `is_valid(&str) -> bool` ([`br`]: `cpf_is_valid`, `cnpj_is_valid`). The generators that need nothing but the
//! record (and, for [`rvnr`] and [`lanr`], other fields of it) have a `mimic` form for a derived
//! field: `#[mimic(with = datamimic::ident::npi::mimic)]` ([`npi::mimic`], [`ssn::mimic`],
//! [`aba::mimic`], [`mbi::mimic`], [`kvnr::mimic`], [`rvnr::mimic`], [`lanr::mimic`],
//! [`uuid::mimic`]).
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
pub mod br;
pub mod card;
pub mod code;
pub mod ean;
pub mod iban;
pub mod isin;
pub mod kvnr;
pub mod lanr;
pub mod luhn;
pub mod mbi;
pub mod npi;
pub mod rvnr;
pub mod ssn;
pub mod uuid;
pub mod with;

pub use card::Network;
pub use ean::Gs1Prefixes;
pub use error::IdError;
