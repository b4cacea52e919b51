//! The integration tests of datamimic, as one binary (one link step).

#[path = "../shared/mutation_kit.rs"]
mod mutation_kit;
mod support;

mod bad_datasets;
mod derive;
mod derive_domain;
mod domain_common;
mod domain_ecommerce_public_sector;
mod domain_finance_insurance;
mod domain_healthcare;
mod domain_lending;
mod identifiers;
mod manifest;
mod mutated_datasets;
mod real_addresses;
mod real_industry_data;
mod real_names;
mod rng_streams;
mod sampling_statistics;
mod table_lookup;
mod ui;
mod value_stability;
