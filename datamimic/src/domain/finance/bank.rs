//! Bank: a real institution of the country with its routing code and BIC.

use crate::{Context, Mimic, MimicRng, Row, TableUse};

use super::TollFreeNumber;
use super::tables::{BANK_BIC, BANK_CODE, BANK_NAME, FinanceTables, visit_finance};

/// A bank, with the fields of datamimic-ce's Bank in its order.
///
/// German banks are rows of the Bundesbank's Bankleitzahl registry, so name, bank code and
/// BIC belong together; US banks carry an ABA routing number that passes its checksum.
///
/// ```
/// use datamimic::domain::finance::BankService;
///
/// let bank = BankService::new("DE")?.seed(1).generate();
/// assert_eq!(bank.bank_code.len(), 8);
/// assert_eq!(&bank.bic[4..6], "DE");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Bank {
    /// Registered name (`Postbank Ndl der Deutsche Bank`).
    pub name: &'static str,
    /// SWIFT code: the BIC under its other name.
    pub swift_code: &'static str,
    /// The national routing code: the ABA routing number (US) or the Bankleitzahl (DE).
    pub routing_number: &'static str,
    /// The national bank code, the same as `routing_number`.
    pub bank_code: &'static str,
    /// Business Identifier Code of the bank (ISO 9362).
    pub bic: &'static str,
    /// Six-digit issuer identification number of the bank's debit cards (Visa range), stable
    /// per bank.
    pub bin: u32,
    /// Toll-free customer-service line.
    pub customer_service_phone: TollFreeNumber,
}

impl Bank {
    /// The bank of `row` of `finance/bank`.
    pub(crate) fn of_row(rng: &mut MimicRng, tables: &FinanceTables, row: Row) -> Bank {
        let code = row.cell(BANK_CODE);
        let bic = row.cell(BANK_BIC);
        Bank {
            name: row.cell(BANK_NAME),
            swift_code: bic,
            routing_number: code,
            bank_code: code,
            bic,
            bin: bank_bin(row.index()),
            customer_service_phone: TollFreeNumber::draw(rng, tables.country),
        }
    }
}

/// A Visa-range BIN (4xxxxx) derived from the bank's row by SplitMix64, so one bank always
/// issues from one BIN.
pub(crate) fn bank_bin(row: usize) -> u32 {
    let mut z = (row as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    400_000 + (z % 100_000) as u32
}

impl Mimic for Bank {
    fn mimic(ctx: &mut Context<'_>) -> Bank {
        let tables = FinanceTables::of(ctx);
        let row = tables.bank.sample_row(ctx.rng());
        Bank::of_row(ctx.rng(), tables, row)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
    }
}
