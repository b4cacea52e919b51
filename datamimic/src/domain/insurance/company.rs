//! InsuranceCompany: a real insurer of the country, declared with `#[derive(Mimic)]`.

use crate::Row;
use crate::tables::columns::insurance_company as column;

use super::RecordId;
use super::tables::InsuranceTables;

/// Salt of the stable company ids.
const ID_SALT: u64 = 0xC0_4E_A7;

/// An insurance company, with the fields of datamimic-ce's InsuranceCompany in its order.
/// One table row is one company: the same company keeps its id in every record.
///
/// ```
/// use datamimic::domain::insurance::InsuranceCompanyService;
///
/// let company = InsuranceCompanyService::new("DE")?.seed(1).generate();
/// assert!(company.website.ends_with(".de"));
/// assert!(company.founded_year < 2025);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static InsuranceTables))]
#[mimic(let(company: Row, weighted = "insurance/company"))]
pub struct InsuranceCompany {
    /// Stable id of the company.
    #[mimic(from = RecordId::of_row(ID_SALT, tables.country, company.index()))]
    pub id: RecordId,
    /// Name (`Allianz`).
    #[mimic(from = company.cell(column::NAME))]
    pub name: &'static str,
    /// Short code (`ALNZ`).
    #[mimic(from = company.cell(column::CODE))]
    pub code: &'static str,
    /// Year founded (parsed once per dataset).
    #[mimic(from = tables.founded[company.index()])]
    pub founded_year: u16,
    /// City of the head office.
    #[mimic(from = company.cell(column::HEADQUARTERS))]
    pub headquarters: &'static str,
    /// Web address.
    #[mimic(from = company.cell(column::WEBSITE))]
    pub website: &'static str,
}
