//! The integration tests of datamimic, as one binary (one link step).

mod support;

mod bad_datasets;
mod derive;
mod domain_common;
mod identifiers;
mod manifest;
mod rng_streams;
mod sampling_statistics;
mod table_lookup;
mod ui;
mod value_stability;
