//! How the built-in models are written as rows of cells ([`Cells`]).
//!
//! Person, the flagship and the model of the main export command, and the Address it nests
//! write their fields directly; the others go through serde. A test in the command-line crate
//! checks, model by model and country by country, that both ways give the same bytes.

use crate::cells::cells_by_serde;
use crate::{CellWriter, Cells};

use super::common::{Country, FullAddress, FullName, PersonalEmail, PhoneNumber};
use super::ecommerce::{Customer, Order, OrderItem, Product, Review};
use super::finance::{Bank, BankAccount, CreditCard, Investment, Loan, Transaction};
use super::healthcare::{
    Doctor, EmergencyContact, HospitalEmail, HospitalName, MedicalDevice, MedicalProcedure,
    PrimaryDoctor, Website,
};
use super::healthcare::{MedicalRecordNumber, PolicyNumber, Selection, Ssn};
use super::insurance::{InsuranceCompany, InsuranceCoverage, InsurancePolicy, InsuranceProduct};
use super::public_sector::{AdministrationOffice, EducationalInstitution, PoliceOfficer};

cells_by_serde!(
    Country,
    Order,
    OrderItem,
    Product,
    Bank,
    BankAccount,
    CreditCard,
    Investment,
    Loan,
    Transaction,
    Doctor,
    MedicalDevice,
    MedicalProcedure,
    InsuranceCompany,
    InsuranceCoverage,
    InsurancePolicy,
    InsuranceProduct,
    AdministrationOffice,
    EducationalInstitution,
    PoliceOfficer,
    EmergencyContact,
    PrimaryDoctor,
    Ssn,
    MedicalRecordNumber,
    PolicyNumber,
    HospitalName,
    Website,
    HospitalEmail,
);

// The models of related records (issue 14).
cells_by_serde!(
    Customer,
    Review,
    super::insurance::InsuranceClaim,
    super::insurance::Insured,
    super::insurance::RiskProfile,
    super::healthcare::Encounter,
    super::healthcare::MedicalRecord,
    super::ecommerce::Invoice,
    super::finance::Payment,
    super::finance::DigitalWallet,
    super::digital::UserAccount,
    super::digital::CrmRecord,
);

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
