//! How the built-in models are written as rows of cells ([`Cells`]).
//!
//! The entities derive theirs (`#[derive(Mimic)]`, or `#[derive(Cells)]` where `Mimic` is
//! written by hand); here are the values inside them that write one cell their own way: a
//! name, an address line, an email and a phone number as their parts, identifiers through
//! serde. A test in the export crate checks, entity by entity and country by country, that
//! every record writes serde's bytes.

#[cfg(feature = "healthcare")]
use crate::__private::cells_by_serde;
use crate::{CellWriter, Cells};

use super::common::{FullAddress, FullName, PersonalEmail, PhoneNumber};
#[cfg(feature = "healthcare")]
use super::healthcare::{HospitalEmail, HospitalName, Website};
#[cfg(feature = "healthcare")]
use super::healthcare::{MedicalRecordNumber, PolicyNumber, Selection, Ssn};

// Values serde writes as one cell by their own `Serialize`.
#[cfg(feature = "healthcare")]
cells_by_serde!(
    Ssn,
    MedicalRecordNumber,
    PolicyNumber,
    HospitalName,
    Website,
    HospitalEmail,
);

#[cfg(feature = "healthcare")]
impl<T: serde::Serialize> Cells for Selection<T> {}

impl Cells for FullAddress {
    /// The parts in the country's order, as one cell.
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        let mut number = itoa::Buffer::new();
        let (parts, len) = self.parts(number.format(self.house_number()));
        w.joined(&parts[..len])
    }
}

impl Cells for PersonalEmail {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.joined(&[&self.first, self.separator, &self.family, "@", self.domain])
    }
}

impl Cells for PhoneNumber {
    /// Its lead and its subscriber number.
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text_and_uint(self.lead(), self.subscriber())
    }

    /// Compares the subscriber number first (it tells most numbers apart) and the lead by
    /// address before bytes (equal numbers of one record share it).
    #[inline]
    fn same_cells(&self, other: &PhoneNumber) -> bool {
        self.subscriber() == other.subscriber()
            && (std::ptr::eq(self.lead(), other.lead()) || self.lead() == other.lead())
    }
}

impl Cells for FullName {
    /// The parts in the country's order (VN: family first; ES: two surnames).
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        let (parts, len) = self.written_parts();
        w.joined(&parts[..len])
    }

    #[inline]
    fn same_cells(&self, other: &FullName) -> bool {
        self == other
    }
}
