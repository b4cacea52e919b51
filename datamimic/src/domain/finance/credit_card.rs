//! CreditCard: a card of a weighted network, issued to a person on an account of theirs.

use chrono::NaiveDate;

use crate::domain::amount::{cents, log_uniform};
use crate::domain::common::Person;
use crate::domain::dates::{add_years, end_of_month, from_unix_day, unix_day};
use crate::ident::Network;
use crate::sample::{below, chance, unit_f64};
use crate::{Context, Mimic};

use super::bank_account::Opening;
use super::tables::{BANK_BIC, BANK_CODE, BANK_NAME, FinanceTables};
use super::{CardNumber, Cvv, Iban};

/// A credit card, with the fields of datamimic-ce's CreditCard in its order.
///
/// Coherence: the network is drawn by its published share of the country; the number has the
/// network's prefix, length and Luhn digit, the security code the network's length; the card
/// holder is a [`Person`] by the common domain's rules (age range from the service's
/// demographic config); the bank fields and IBAN are those of an account of the holder, opened
/// no earlier than their 18th birthday; `account opening ≤ issue_date ≤ today ≤
/// expiration_date`; the balance never exceeds the limit; `bin` is the number's first six
/// digits.
///
/// ```
/// use datamimic::domain::finance::CreditCardService;
///
/// let card = CreditCardService::new("DE")?.seed(9).generate();
/// assert!(card.issue_date <= card.expiration_date);
/// assert!(card.current_balance <= card.credit_limit);
/// assert!(card.card_number.to_string().starts_with(&card.bin.to_string()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(holder: Option<Person>))]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(network_row: usize, with = network_row(tables)))]
#[mimic(let(network: Network, from = tables.networks[network_row]))]
pub struct CreditCard {
    /// Network as named in the card-network table (`VISA`, `MASTERCARD`, `AMEX`).
    #[mimic(from = tables.card_network.value(network_row))]
    pub card_type: &'static str,
    /// The card number.
    #[mimic(from = number)]
    pub card_number: CardNumber,
    /// The network's brand name (`Visa`, `American Express`).
    #[mimic(from = network.name())]
    pub card_provider: &'static str,
    /// The person the card is issued to.
    #[mimic(parent)]
    pub card_holder: Person,
    /// Last day of the expiry month printed on the card.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(let(account: Opening, with = Opening::for_card(tables, card_holder)))]
    #[mimic(let(number: CardNumber, with = card_number(network)))]
    #[mimic(let(code: Cvv, with = security_code(network)))]
    #[mimic(let(term: Term, with = Term::draw(account)))]
    #[mimic(from = term.expiration_date)]
    pub expiration_date: NaiveDate,
    /// Security code: four digits for American Express, three otherwise.
    #[mimic(from = code)]
    pub cvv: Cvv,
    /// The same code under its Mastercard name (datamimic-ce has both keys).
    #[mimic(from = code)]
    pub cvc_number: Cvv,
    /// Whether the card can be used (3 % are blocked).
    #[mimic(let(limit: f64, with = credit_limit))]
    #[mimic(let(owed: f64, with = amount_owed(limit)))]
    #[mimic(with = in_use)]
    pub is_active: bool,
    /// Credit limit in the account's currency.
    #[mimic(from = limit)]
    pub credit_limit: f64,
    /// Amount owed, between 0 and the limit.
    #[mimic(from = owed)]
    pub current_balance: f64,
    /// Day the card was issued.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = term.issue_date)]
    pub issue_date: NaiveDate,
    /// Name of the issuing bank.
    #[mimic(from = account.bank.cell(BANK_NAME))]
    pub bank_name: &'static str,
    /// The bank's national code.
    #[mimic(from = account.bank.cell(BANK_CODE))]
    pub bank_code: &'static str,
    /// The bank's BIC.
    #[mimic(from = account.bank.cell(BANK_BIC))]
    pub bic: &'static str,
    /// Issuer identification number: the card number's first six digits.
    #[mimic(from = number.bin())]
    pub bin: u32,
    /// IBAN of the settlement account (IBAN countries only).
    #[mimic(from = account.iban)]
    pub iban: Option<Iban>,
}

/// The row of a network, by its published share of the country.
fn network_row(ctx: &mut Context<'_>, tables: &&FinanceTables) -> usize {
    tables.card_network.sample_index(ctx.rng())
}

/// A number with the network's prefix, length and Luhn digit.
fn card_number(ctx: &mut Context<'_>, network: &Network) -> CardNumber {
    CardNumber::draw(ctx.rng(), *network)
}

/// A security code of the network's length.
fn security_code(ctx: &mut Context<'_>, network: &Network) -> Cvv {
    Cvv::draw(ctx.rng(), *network)
}

/// When a card was issued and when it expires.
#[derive(Debug, Clone, Copy)]
struct Term {
    issue_date: NaiveDate,
    expiration_date: NaiveDate,
}

impl Term {
    /// Cards run three to five years and are replaced on expiry, so a card in use was issued
    /// within its validity before today, and not before its account was opened.
    fn draw(ctx: &mut Context<'_>, account: &Opening) -> Term {
        let today = ctx.today();
        let years = 3 + below(ctx.rng(), 3) as i32;
        // Day numbers instead of chrono's date steps, which cost more than the rest together.
        let opened = account.created.div_euclid(86_400);
        let today_day = unix_day(today);
        let earliest = (unix_day(add_years(today, -years)) + 31)
            .max(opened)
            .min(today_day);
        let issue_day = earliest + below(ctx.rng(), (today_day - earliest) as u64 + 1) as i64;
        let issue_date = from_unix_day(issue_day).unwrap_or(today);
        Term {
            issue_date,
            expiration_date: end_of_month(add_years(issue_date, years)),
        }
    }
}

/// A credit limit: log-uniform from 500 to 30,000, in hundreds.
fn credit_limit(ctx: &mut Context<'_>) -> f64 {
    (log_uniform(ctx.rng(), 500.0, 30_000.0) / 100.0).round() * 100.0
}

/// The amount owed: utilisation u² averages a third of the limit, most cards far less.
fn amount_owed(ctx: &mut Context<'_>, limit: &f64) -> f64 {
    let used = unit_f64(ctx.rng());
    cents(limit * used * used)
}

/// Whether a card can be used: 3 % are blocked.
fn in_use(ctx: &mut Context<'_>) -> bool {
    !chance(ctx.rng(), 0.03)
}
