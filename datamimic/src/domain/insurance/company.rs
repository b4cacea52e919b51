//! InsuranceCompany: a real insurer of the country.

use crate::{Context, Mimic, TableUse};

use super::RecordId;
use super::tables::{
    COMPANY_CODE, COMPANY_HEADQUARTERS, COMPANY_NAME, COMPANY_WEBSITE, InsuranceTables,
    visit_insurance,
};

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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct InsuranceCompany {
    /// Stable id of the company.
    pub id: RecordId,
    /// Name (`Allianz`).
    pub name: &'static str,
    /// Short code (`ALNZ`).
    pub code: &'static str,
    /// Year founded.
    pub founded_year: u16,
    /// City of the head office.
    pub headquarters: &'static str,
    /// Web address.
    pub website: &'static str,
}

impl InsuranceCompany {
    /// The company of row `row` of the company table.
    pub(crate) fn of_row(tables: &InsuranceTables, row: usize) -> InsuranceCompany {
        let table = tables.company;
        InsuranceCompany {
            id: RecordId::of_row(ID_SALT, tables.country, row),
            name: table.cell(row, COMPANY_NAME),
            code: table.cell(row, COMPANY_CODE),
            founded_year: tables.founded[row],
            headquarters: table.cell(row, COMPANY_HEADQUARTERS),
            website: table.cell(row, COMPANY_WEBSITE),
        }
    }
}

impl Mimic for InsuranceCompany {
    fn mimic(ctx: &mut Context<'_>) -> InsuranceCompany {
        let tables = InsuranceTables::of(ctx);
        let row = tables.company.sample_index(ctx.rng());
        InsuranceCompany::of_row(tables, row)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_insurance(visitor);
    }
}
