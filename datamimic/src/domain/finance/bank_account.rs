//! BankAccount: an account at a real bank, with its IBAN, balance and activity dates.

use chrono::{DateTime, Utc};

use crate::domain::common::Person;
use crate::sample::below;
use crate::{ChildOf, Context, Mimic, Row, Siblings, TableUse};

use super::bank::bank_bin;
use super::dates::{add_years, unix_day};
use super::tables::{BANK_BIC, BANK_CODE, BANK_NAME, FinanceTables, visit_finance};
use super::{AccountNumber, Iban, cents, log_uniform};

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
#[derive(serde::Serialize, crate::Cells, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct BankAccount {
    /// Domestic account number.
    pub account_number: AccountNumber,
    /// IBAN for IBAN countries (DE), `None` elsewhere (the US has none).
    pub iban: Option<Iban>,
    /// Account type of the country (`CHECKING`, `GIROKONTO`).
    pub account_type: &'static str,
    /// Balance in `currency`, to the cent.
    pub balance: f64,
    /// ISO 4217 code of the bank country's currency.
    pub currency: &'static str,
    /// When the account was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_date: DateTime<Utc>,
    /// The latest booking: at or after opening, at or before now.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub last_transaction_date: DateTime<Utc>,
    /// Name of the bank.
    pub bank_name: &'static str,
    /// The bank's national code (Bankleitzahl, ABA routing number).
    pub bank_code: &'static str,
    /// The bank's BIC.
    pub bic: &'static str,
    /// The bank's issuer identification number.
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

impl BankAccount {
    /// An account opened no earlier than `earliest` (Unix seconds) and no later than now.
    fn open(ctx: &mut Context<'_>, earliest: i64) -> BankAccount {
        let tables = FinanceTables::of(ctx);
        let now = ctx.now().timestamp();
        let opening = Opening::draw(ctx, tables, earliest);
        let account_type = tables.account_type.sample_row(ctx.rng()).value();
        let balance = cents(log_uniform(ctx.rng(), 5.0, 250_000.0));
        // Active accounts book something every few weeks: the last booking lies within the
        // 60 days before now (or after opening, if that was more recent).
        let recent = (now - 60 * 86_400).max(opening.created);
        let last = recent + below(ctx.rng(), (now - recent) as u64 + 1) as i64;
        let bank = opening.bank;
        BankAccount {
            account_number: opening.account_number,
            iban: opening.iban,
            account_type,
            balance,
            currency: tables.currency,
            created_date: timestamp(opening.created),
            last_transaction_date: timestamp(last),
            bank_name: bank.cell(BANK_NAME),
            bank_code: bank.cell(BANK_CODE),
            bic: bank.cell(BANK_BIC),
            bin: bank_bin(bank.index()),
        }
    }
}

/// The accounts of a person, each opened on or after their 18th birthday (on the clock's
/// today for a younger holder) and within the last 30 years.
impl ChildOf<Person> for BankAccount {
    fn mimic_child(
        holder: &Person,
        _: &Siblings<'_, BankAccount>,
        ctx: &mut Context<'_>,
    ) -> BankAccount {
        let earliest = adulthood(holder).max(ctx.now().timestamp() - 30 * YEAR_SECONDS);
        BankAccount::open(ctx, earliest)
    }
}

/// The start of `holder`'s 18th birthday, in Unix seconds.
pub(crate) fn adulthood(holder: &Person) -> i64 {
    unix_day(add_years(holder.birthdate, 18)) * 86_400
}

/// The instant `seconds` after the Unix epoch (clamped to chrono's range).
pub(crate) fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

impl Mimic for BankAccount {
    fn mimic(ctx: &mut Context<'_>) -> BankAccount {
        // Accounts opened over the last 30 years.
        let earliest = ctx.now().timestamp() - 30 * YEAR_SECONDS;
        BankAccount::open(ctx, earliest)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
    }
}
