//! BankAccount: an account at a real bank, with its IBAN, balance and activity dates.

use chrono::{DateTime, Utc};

use crate::domain::amount::{cents, log_uniform};
use crate::domain::common::Person;
use crate::domain::dates::{add_years, timestamp, unix_day};
use crate::sample::below;
use crate::{Context, Mimic, Row};

use super::bank::bank_bin;
use super::tables::{BANK_BIC, BANK_CODE, BANK_NAME, FinanceTables};
use super::{AccountNumber, Iban};

/// Seconds in a (Julian) year, for date spans.
pub(crate) const YEAR_SECONDS: i64 = 31_557_600;

/// A bank account, with the fields of datamimic-ce's BankAccount in its order.
///
/// The IBAN is built from the bank's own code and the account number (so it names the bank
/// whose BIC the account shows); `created_date ≤ last_transaction_date ≤ now`; the balance is
/// in the currency of the bank's country.
///
/// ```
/// use datamimic::domain::finance::BankAccountService;
///
/// let account = BankAccountService::new("US")?.seed(2).generate();
/// assert!(account.iban.is_none());
/// assert!(account.created_date <= account.last_transaction_date);
/// assert_eq!(account.currency, "USD");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(holder: Option<Person>))]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(opening: Opening, with = Opening::for_account(tables, holder)))]
pub struct BankAccount {
    /// Domestic account number.
    #[mimic(from = opening.account_number)]
    pub account_number: AccountNumber,
    /// IBAN for IBAN countries (DE), `None` elsewhere (the US has none).
    #[mimic(from = opening.iban)]
    pub iban: Option<Iban>,
    /// Account type of the country (`CHECKING`, `GIROKONTO`).
    #[mimic(with = account_type(tables))]
    pub account_type: &'static str,
    /// Balance in `currency`, to the cent.
    #[mimic(with = opening_balance)]
    pub balance: f64,
    /// ISO 4217 code of the bank country's currency.
    #[mimic(from = tables.currency)]
    pub currency: &'static str,
    /// When the account was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(opening.created))]
    pub created_date: DateTime<Utc>,
    /// The latest booking: at or after opening, at or before now.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(with = last_booking(opening))]
    pub last_transaction_date: DateTime<Utc>,
    /// Name of the bank.
    #[mimic(from = opening.bank.cell(BANK_NAME))]
    pub bank_name: &'static str,
    /// The bank's national code (Bankleitzahl, ABA routing number).
    #[mimic(from = opening.bank.cell(BANK_CODE))]
    pub bank_code: &'static str,
    /// The bank's BIC.
    #[mimic(from = opening.bank.cell(BANK_BIC))]
    pub bic: &'static str,
    /// The bank's issuer identification number.
    #[mimic(from = bank_bin(opening.bank.index()))]
    pub bin: u32,
}

/// What a card needs of its settlement account: the bank, the number and IBAN, the opening.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Opening {
    pub(crate) bank: Row,
    pub(crate) account_number: AccountNumber,
    pub(crate) iban: Option<Iban>,
    /// Unix seconds.
    pub(crate) created: i64,
}

impl Opening {
    /// An account opened no earlier than `earliest` (Unix seconds), such as its holder's
    /// 18th birthday, and no later than now.
    pub(crate) fn draw(ctx: &mut Context<'_>, tables: &FinanceTables, earliest: i64) -> Opening {
        let now = ctx.now().timestamp();
        let bank = tables.bank.sample_row(ctx.rng());
        let account_number = AccountNumber::draw(ctx.rng(), tables.country);
        let earliest = earliest.min(now);
        let created = earliest + below(ctx.rng(), (now - earliest) as u64 + 1) as i64;
        Opening {
            bank,
            account_number,
            iban: Iban::of_account(tables.country, bank.cell(BANK_CODE), account_number),
            created,
        }
    }
}

impl Opening {
    /// The opening of an account of `holder`: on or after their 18th birthday (on the
    /// clock's today for a younger holder) and within the last 30 years; any time in the
    /// last 30 years for an account without a known holder.
    fn for_account(
        ctx: &mut Context<'_>,
        tables: &&FinanceTables,
        holder: &Option<&Person>,
    ) -> Opening {
        let floor = ctx.now().timestamp() - 30 * YEAR_SECONDS;
        let earliest = holder.map_or(floor, |holder| adulthood(holder).max(floor));
        Opening::draw(ctx, tables, earliest)
    }

    /// The settlement account of a card of `holder`, opened as [`Opening::for_account`] says.
    pub(crate) fn for_card(
        ctx: &mut Context<'_>,
        tables: &&FinanceTables,
        holder: &Person,
    ) -> Opening {
        Opening::for_account(ctx, tables, &Some(holder))
    }
}

/// An account type of the country, by weight.
fn account_type(ctx: &mut Context<'_>, tables: &&FinanceTables) -> &'static str {
    tables.account_type.sample_row(ctx.rng()).value()
}

/// A balance as accounts have: log-uniform from 5 to 250,000, to the cent.
fn opening_balance(ctx: &mut Context<'_>) -> f64 {
    cents(log_uniform(ctx.rng(), 5.0, 250_000.0))
}

/// Active accounts book something every few weeks: the last booking lies within the 60 days
/// before now (or after opening, if that was more recent).
fn last_booking(ctx: &mut Context<'_>, opening: &Opening) -> DateTime<Utc> {
    let now = ctx.now().timestamp();
    let recent = (now - 60 * 86_400).max(opening.created);
    timestamp(recent + below(ctx.rng(), (now - recent) as u64 + 1) as i64)
}

/// The start of `holder`'s 18th birthday, in Unix seconds.
pub(crate) fn adulthood(holder: &Person) -> i64 {
    unix_day(add_years(holder.birthdate, 18)) * 86_400
}
