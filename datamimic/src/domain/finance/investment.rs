//! Investment: a securities account of a person, with holdings identified by ISIN.

use crate::domain::amount::log_uniform;
use crate::domain::common::{Company, Person};
use crate::domain::money::Money;
use crate::ident::isin;
use crate::{Context, Mimic};

use super::AccountNumber;
use super::tables::FinanceTables;

/// One position of an investment account.
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(issuer: Company))]
pub struct Holding {
    /// The issuer's name (a company of the country).
    #[mimic(from = issuer.full_name)]
    pub instrument: String,
    /// ISO 6166 ISIN of the country, with a valid check digit (a valid CUSIP inside US ones).
    #[mimic(with = draw_isin(tables))]
    pub isin: String,
    /// Number of shares held.
    // The price is drawn before the quantity.
    #[mimic(let(unit_price: Money, with = share_price))]
    #[mimic(with = position_size)]
    pub quantity: u32,
    /// Price of one share in the account's currency.
    #[mimic(from = unit_price)]
    pub price: Money,
    /// `quantity × price`, exact.
    #[mimic(from = price * quantity)]
    pub value: Money,
}

/// A securities account (brokerage account, Depot) and what it holds.
///
/// Coherence: the owner is a [`Person`], the currency the country's; each holding's ISIN
/// carries the country's prefix and passes the ISIN check; each value is `quantity × price`
/// in exact cents and the total is exactly the sum of the values.
///
/// ```
/// use datamimic::domain::ecommerce::Money;
/// use datamimic::domain::finance::InvestmentService;
///
/// let account = InvestmentService::new("DE")?.seed(5).generate();
/// let sum: Money = account.holdings.iter().map(|h| h.value).sum();
/// assert_eq!(sum, account.total_value);
/// assert!(account.holdings.iter().all(|h| h.isin.starts_with("DE000")));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
pub struct Investment {
    /// The account holder.
    pub owner: Person,
    /// Domestic account number.
    #[mimic(with = account_number(tables))]
    pub account_number: AccountNumber,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = tables.currency)]
    pub currency: &'static str,
    /// One to ten positions.
    #[mimic(len = "1..=10")]
    pub holdings: Vec<Holding>,
    /// The sum of the holdings' values.
    #[mimic(from = holdings.iter().map(|h| h.value).sum::<Money>())]
    pub total_value: Money,
}

/// An ISIN of the finance tables' country ([`isin::generate`]).
fn draw_isin(ctx: &mut Context<'_>, tables: &&FinanceTables) -> String {
    isin::generate(ctx.rng(), tables.country)
}

/// An account number of the finance tables' country.
fn account_number(ctx: &mut Context<'_>, tables: &&FinanceTables) -> AccountNumber {
    AccountNumber::draw(ctx.rng(), tables.country)
}

/// Share prices and position sizes spread over orders of magnitude (illustrative ranges).
fn share_price(ctx: &mut Context<'_>) -> Money {
    Money::from_cents((log_uniform(ctx.rng(), 2.0, 900.0) * 100.0) as i64)
}

/// See [`share_price`].
fn position_size(ctx: &mut Context<'_>) -> u32 {
    log_uniform(ctx.rng(), 1.0, 2_000.0) as u32
}
