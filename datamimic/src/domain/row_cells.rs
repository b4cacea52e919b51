//! How the built-in models are written as rows of cells ([`Cells`]).
//!
//! Person, the flagship and the model of the main export command, and the Address it nests
//! write their fields directly; the others go through serde. A test in the command-line crate
//! checks, model by model and country by country, that both ways give the same bytes.

use crate::cells::cells_by_serde;
use crate::{CellWriter, Cells};

use super::common::{
    Address, City, Company, Country, FullName, Person, PersonalEmail, PhoneNumber,
};
use super::ecommerce::{Customer, Order, OrderItem, Product, Review};
use super::finance::{Bank, BankAccount, CreditCard, Investment, Loan, Transaction};
use super::healthcare::{Doctor, Hospital, MedicalDevice, MedicalProcedure, Patient};
use super::insurance::{InsuranceCompany, InsuranceCoverage, InsurancePolicy, InsuranceProduct};
use super::public_sector::{AdministrationOffice, EducationalInstitution, PoliceOfficer};

cells_by_serde!(
    City,
    Company,
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

impl Cells for Person {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.date(self.birthdate)?;
        w.texts(&[self.given_name, self.family_name])?;
        let full_name_at = w.position();
        full_name(w, &self.full_name)?;
        let full_name_end = w.position();
        w.text(self.gender.as_str())?;
        if self.name == self.full_name {
            w.repeat_cell(full_name_at, full_name_end)?;
        } else {
            full_name(w, &self.name)?;
        }
        w.uint(u64::from(self.age))?;
        email(w, &self.email)?;
        let phone = Written::new(w, &self.phone)?;
        let mobile_phone = Written::new(w, &self.mobile_phone)?;
        w.texts(&[self.academic_title, self.salutation, self.nobility_title])?;
        // A person's phones are their address's (unless the record was built otherwise).
        address(w, &self.address, [Some(phone), Some(mobile_phone)])
    }
}

impl Cells for Address {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        address(w, self, [None, None])
    }
}

/// A phone number already written in this row, and where.
struct Written<'a> {
    phone: &'a PhoneNumber,
    start: usize,
    end: usize,
}

impl<'a> Written<'a> {
    #[inline(always)]
    fn new<W: CellWriter>(w: &mut W, number: &'a PhoneNumber) -> Result<Written<'a>, W::Error> {
        let start = w.position();
        phone(w, number)?;
        Ok(Written {
            phone: number,
            start,
            end: w.position(),
        })
    }

    /// Writes `number`, repeating this cell if it is the same number.
    #[inline(always)]
    fn again<W: CellWriter>(
        this: Option<Self>,
        w: &mut W,
        number: &PhoneNumber,
    ) -> Result<(), W::Error> {
        match this {
            Some(x) if same_number(x.phone, number) => w.repeat_cell(x.start, x.end),
            _ => phone(w, number),
        }
    }
}

/// Whether two phone numbers are equal, comparing the subscriber number first (it tells
/// most numbers apart) and the lead by address before bytes (equal numbers of one record
/// share it).
#[inline]
fn same_number(a: &PhoneNumber, b: &PhoneNumber) -> bool {
    a.subscriber() == b.subscriber() && (std::ptr::eq(a.lead(), b.lead()) || a.lead() == b.lead())
}

/// An address's cells; its phone and mobile phone repeat the cells in `written` when they are
/// the same numbers.
#[inline]
fn address<W: CellWriter>(
    w: &mut W,
    a: &Address,
    [phone_written, mobile_written]: [Option<Written<'_>>; 2],
) -> Result<(), W::Error> {
    w.text(a.street)?;
    w.uint(u64::from(a.house_number))?;
    w.texts(&[
        a.city,
        a.state_code,
        a.state,
        a.postal_code,
        a.area_code,
        a.country,
        a.country_code,
    ])?;
    Written::again(phone_written, w, &a.phone)?;
    Written::again(mobile_written, w, &a.mobile_phone)?;
    phone(w, &a.fax)?;
    w.text(a.organization)?;
    let mut number = itoa::Buffer::new();
    let (parts, len) = a
        .full_address
        .parts(number.format(a.full_address.house_number()));
    w.joined(&parts[..len])
}

/// [`PersonalEmail`]'s parts.
#[inline]
fn email<W: CellWriter>(w: &mut W, email: &PersonalEmail) -> Result<(), W::Error> {
    w.joined(&[
        &email.first,
        email.separator,
        &email.family,
        "@",
        email.domain,
    ])
}

/// [`PhoneNumber`]: its lead and its subscriber number.
#[inline]
fn phone<W: CellWriter>(w: &mut W, phone: &PhoneNumber) -> Result<(), W::Error> {
    w.text_and_uint(phone.lead(), phone.subscriber())
}

/// [`FullName`]'s parts.
#[inline]
fn full_name<W: CellWriter>(w: &mut W, name: &FullName) -> Result<(), W::Error> {
    let (parts, len) = name.written_parts();
    w.joined(&parts[..len])
}
