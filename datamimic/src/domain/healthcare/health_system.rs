//! Whose health system a doctor or hospital belongs to: its language and its conventions for
//! names, licences, certificates and accreditation.

use crate::Table;

/// The health system of a dataset's healthcare tables.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize)]
pub enum HealthSystem {
    /// United States, in English (also the convention of any other English-language table).
    Us,
    /// Germany, in German.
    De,
    /// Viet Nam, in Vietnamese.
    Vn,
}

impl HealthSystem {
    /// The system of a healthcare table, by the table's country.
    pub(crate) fn of(table: &Table) -> HealthSystem {
        match table.country() {
            Some("DE") => HealthSystem::De,
            Some("VN") => HealthSystem::Vn,
            _ => HealthSystem::Us,
        }
    }
}
