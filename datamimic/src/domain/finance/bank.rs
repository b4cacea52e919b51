//! Bank: a real institution of the country with its routing code and BIC.

use crate::tables::columns::finance_bank as bank;
use crate::{Mimic, Row};

use super::TollFreeNumber;
use super::tables::FinanceTables;

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
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(row: Row, weighted = "finance/bank"))]
pub struct Bank {
    /// Registered name (`Postbank Ndl der Deutsche Bank`).
    #[mimic(from = row.cell(bank::NAME))]
    pub name: &'static str,
    /// SWIFT code: the BIC under its other name.
    #[mimic(from = row.cell(bank::BIC))]
    pub swift_code: &'static str,
    /// The national routing code: the ABA routing number (US) or the Bankleitzahl (DE).
    #[mimic(from = row.cell(bank::BANK_CODE))]
    pub routing_number: &'static str,
    /// The national bank code, the same as `routing_number`.
    #[mimic(from = routing_number)]
    pub bank_code: &'static str,
    /// Business Identifier Code of the bank (ISO 9362).
    #[mimic(from = swift_code)]
    pub bic: &'static str,
    /// Six-digit issuer identification number of the bank's debit cards (Visa range), stable
    /// per bank.
    #[mimic(from = bank_bin(row.index()))]
    pub bin: u32,
    /// Toll-free customer-service line.
    #[mimic(with = TollFreeNumber::of_tables(tables))]
    pub customer_service_phone: TollFreeNumber,
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
