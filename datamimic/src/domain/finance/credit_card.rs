//! CreditCard: a card of a weighted network, issued to a person on an account of theirs.

use chrono::NaiveDate;

use crate::domain::common::Person;
use crate::ident::Network;
use crate::sample::{below, chance, unit_f64};
use crate::{ChildOf, Context, Mimic, Siblings, TableUse};

use super::bank_account::{Opening, YEAR_SECONDS};
use super::dates::{add_years, end_of_month, from_unix_day, unix_day};
use super::tables::{BANK_BIC, BANK_CODE, BANK_NAME, FinanceTables, visit_finance};
use super::{CardNumber, Cvv, Iban, cents, log_uniform};

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
#[derive(serde::Serialize, crate::Cells, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct CreditCard {
    /// Network as named in the card-network table (`VISA`, `MASTERCARD`, `AMEX`).
    pub card_type: &'static str,
    /// The card number.
    pub card_number: CardNumber,
    /// The network's brand name (`Visa`, `American Express`).
    pub card_provider: &'static str,
    /// The person the card is issued to.
    pub card_holder: Person,
    /// Last day of the expiry month printed on the card.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub expiration_date: NaiveDate,
    /// Security code: four digits for American Express, three otherwise.
    pub cvv: Cvv,
    /// The same code under its Mastercard name (datamimic-ce has both keys).
    pub cvc_number: Cvv,
    /// Whether the card can be used (3 % are blocked).
    pub is_active: bool,
    /// Credit limit in the account's currency.
    pub credit_limit: f64,
    /// Amount owed, between 0 and the limit.
    pub current_balance: f64,
    /// Day the card was issued.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub issue_date: NaiveDate,
    /// Name of the issuing bank.
    pub bank_name: &'static str,
    /// The bank's national code.
    pub bank_code: &'static str,
    /// The bank's BIC.
    pub bic: &'static str,
    /// Issuer identification number: the card number's first six digits.
    pub bin: u32,
    /// IBAN of the settlement account (IBAN countries only).
    pub iban: Option<Iban>,
}

impl Mimic for CreditCard {
    fn mimic(ctx: &mut Context<'_>) -> CreditCard {
        let tables = FinanceTables::of(ctx);
        let network_row = tables.card_network.sample_index(ctx.rng());
        let card_holder = Person::mimic(ctx);
        CreditCard::issue(ctx, tables, network_row, card_holder)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
        Person::visit_tables(visitor);
    }
}

/// The cards of a person: each issued to them, on an account of theirs opened on or after
/// their 18th birthday.
impl ChildOf<Person> for CreditCard {
    fn mimic_child(
        holder: &Person,
        _: &Siblings<'_, CreditCard>,
        ctx: &mut Context<'_>,
    ) -> CreditCard {
        let tables = FinanceTables::of(ctx);
        let network_row = tables.card_network.sample_index(ctx.rng());
        CreditCard::issue(ctx, tables, network_row, holder.clone())
    }
}

impl CreditCard {
    /// A card of the network in `network_row` for `card_holder`.
    fn issue(
        ctx: &mut Context<'_>,
        tables: &FinanceTables,
        network_row: usize,
        card_holder: Person,
    ) -> CreditCard {
        let network: Network = tables.networks[network_row];
        let today = ctx.today();
        let adult = add_years(card_holder.birthdate, 18);
        let adult_seconds =
            (unix_day(adult) * 86_400).max(ctx.now().timestamp() - 30 * YEAR_SECONDS);
        let account = Opening::draw(ctx, tables, adult_seconds);
        let card_number = CardNumber::draw(ctx.rng(), network);
        let cvv = Cvv::draw(ctx.rng(), network);
        // Cards run three to five years and are replaced on expiry, so a card in use was
        // issued within its validity before today, and not before its account was opened.
        let years = 3 + below(ctx.rng(), 3) as i32;
        // Day numbers instead of chrono's date steps, which cost more than the rest together.
        let opened = account.created.div_euclid(86_400);
        let today_day = unix_day(today);
        let earliest = (unix_day(add_years(today, -years)) + 31)
            .max(opened)
            .min(today_day);
        let issue_day = earliest + below(ctx.rng(), (today_day - earliest) as u64 + 1) as i64;
        let issue_date = from_unix_day(issue_day).unwrap_or(today);
        let expiration_date = end_of_month(add_years(issue_date, years));
        let credit_limit = (log_uniform(ctx.rng(), 500.0, 30_000.0) / 100.0).round() * 100.0;
        // Utilisation u² averages a third of the limit, most cards far less.
        let used = unit_f64(ctx.rng());
        let current_balance = cents(credit_limit * used * used);
        let is_active = !chance(ctx.rng(), 0.03);
        CreditCard {
            card_type: tables.card_network.value(network_row),
            card_number,
            card_provider: network.name(),
            card_holder,
            expiration_date,
            cvv,
            cvc_number: cvv,
            is_active,
            credit_limit,
            current_balance,
            issue_date,
            bank_name: account.bank.cell(BANK_NAME),
            bank_code: account.bank.cell(BANK_CODE),
            bic: account.bank.cell(BANK_BIC),
            bin: card_number.bin(),
            iban: account.iban,
        }
    }
}
