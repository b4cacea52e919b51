//! How the built-in models are written as rows of cells ([`Cells`]).
//!
//! Person, the flagship and the model of the main export command, and the Address it nests
//! write their fields directly; the others go through serde. A test in the command-line crate
//! checks, model by model and country by country, that both ways give the same bytes.

use chrono::{Datelike, NaiveDate};

use crate::cells::cells_by_serde;
use crate::{CellWriter, Cells};

use super::common::{Address, City, Company, Country, FullName, Person, PhoneNumber};
use super::ecommerce::{Order, Product};
use super::finance::{Bank, BankAccount, CreditCard, Transaction};
use super::healthcare::{Doctor, Hospital, MedicalDevice, MedicalProcedure, Patient};
use super::insurance::{InsuranceCompany, InsuranceCoverage, InsurancePolicy, InsuranceProduct};
use super::public_sector::{AdministrationOffice, EducationalInstitution, PoliceOfficer};
use super::text_parts::TextParts;

cells_by_serde!(
    City,
    Company,
    Country,
    Order,
    Product,
    Bank,
    BankAccount,
    CreditCard,
    Transaction,
    Doctor,
    Hospital,
    MedicalDevice,
    MedicalProcedure,
    Patient,
    InsuranceCompany,
    InsuranceCoverage,
    InsurancePolicy,
    InsuranceProduct,
    AdministrationOffice,
    EducationalInstitution,
    PoliceOfficer,
);

impl Cells for Person {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        date(w, self.birthdate)?;
        w.text(self.given_name)?;
        w.text(self.family_name)?;
        full_name(w, &self.full_name)?;
        w.text(self.gender.as_str())?;
        full_name(w, &self.name)?;
        w.uint(u64::from(self.age))?;
        w.text(&self.email)?;
        phone(w, &self.phone)?;
        phone(w, &self.mobile_phone)?;
        w.text(self.academic_title)?;
        w.text(self.salutation)?;
        w.text(self.nobility_title)?;
        self.address.write_cells(w)
    }
}

impl Cells for Address {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text(self.street)?;
        w.uint(u64::from(self.house_number))?;
        w.text(self.city)?;
        w.text(self.state_code)?;
        w.text(self.state)?;
        w.text(self.postal_code)?;
        w.text(self.area_code)?;
        w.text(self.country)?;
        w.text(self.country_code)?;
        phone(w, &self.phone)?;
        phone(w, &self.mobile_phone)?;
        phone(w, &self.fax)?;
        w.text(self.organization)?;
        parts(w, &self.full_address)
    }
}

/// A value written from its parts as one cell.
#[inline]
fn parts<W: CellWriter>(w: &mut W, value: &impl TextParts) -> Result<(), W::Error> {
    w.begin_cell();
    value.for_each_part(&mut |part| w.piece(part));
    w.end_cell()
}

/// The parts of [`PhoneNumber`]'s `TextParts`, spelled out so the subscriber number goes in
/// as digits (no text to scan) and no closure is called per part.
#[inline(always)]
fn phone<W: CellWriter>(w: &mut W, phone: &PhoneNumber) -> Result<(), W::Error> {
    w.begin_cell();
    w.piece("+");
    w.piece(phone.country_code());
    w.piece(" ");
    w.piece(phone.prefix());
    w.piece(" ");
    w.piece_digits(phone.subscriber(), 0);
    w.end_cell()
}

/// The parts of [`FullName`]'s `TextParts`.
#[inline]
fn full_name<W: CellWriter>(w: &mut W, name: &FullName) -> Result<(), W::Error> {
    w.begin_cell();
    w.piece(name.given());
    w.piece(" ");
    w.piece(name.family());
    w.end_cell()
}

/// `YYYY-MM-DD`, as chrono serializes a date (outside years 0 to 9999, chrono itself).
#[inline]
fn date<W: CellWriter>(w: &mut W, date: NaiveDate) -> Result<(), W::Error> {
    let Ok(year) = u64::try_from(date.year()) else {
        return w.serialized(&date);
    };
    if year > 9999 {
        return w.serialized(&date);
    }
    w.begin_cell();
    w.piece_digits(year, 4);
    w.piece("-");
    w.piece_digits(u64::from(date.month()), 2);
    w.piece("-");
    w.piece_digits(u64::from(date.day()), 2);
    w.end_cell()
}
