//! The integration tests of datamimic, as one binary (one link step).

#[path = "../shared/mutation_kit.rs"]
mod mutation_kit;
mod support;

mod bad_datasets;
mod baked;
mod derive;
mod derive_columns;
mod derive_domain;
mod domain_accounts_crm;
mod domain_claims_insured_risk;
mod domain_common;
mod domain_customers_reviews;
mod domain_ecommerce_public_sector;
mod domain_encounters_records;
mod domain_finance_insurance;
mod domain_healthcare;
mod domain_lending;
mod domain_payments_wallets_invoices;
mod identifiers;
mod industry_provenance;
mod manifest;
mod mutated_datasets;
mod naming_conventions;
mod provenance;
mod real_addresses;
mod real_email_domains;
mod real_industry_data;
mod real_names;
mod real_person_titles;
mod real_streets;
mod real_vocabularies;
mod relations;
mod rng_streams;
mod sampling_statistics;
mod table_lookup;
mod ui;
mod value_stability;
