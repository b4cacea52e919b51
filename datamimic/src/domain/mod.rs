//! Built-in domain models, written with `#[derive(Mimic)]` like users' own entities.

// Person, Address, City, Country and Company, with their services.
pub mod common;
