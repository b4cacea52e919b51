//! Investment: a securities account of a person, with holdings identified by ISIN.

use crate::domain::common::{Company, Person};
use crate::domain::ecommerce::Money;
use crate::ident::luhn;
use crate::sample::below;
use crate::{Context, Mimic, MimicRng, TableUse};

use super::tables::{FinanceTables, visit_finance};
use super::{AccountNumber, log_uniform};

/// One position of an investment account.
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Holding {
    /// The issuer's name (a company of the country).
    pub instrument: String,
    /// ISO 6166 ISIN of the country, with a valid check digit (a valid CUSIP inside US ones).
    pub isin: String,
    /// Number of shares held.
    pub quantity: u32,
    /// Price of one share in the account's currency.
    pub price: Money,
    /// `quantity × price`, exact.
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Investment {
    /// The account holder.
    pub owner: Person,
    /// Domestic account number.
    pub account_number: AccountNumber,
    /// ISO 4217 code of the country's currency.
    pub currency: &'static str,
    /// One to ten positions.
    pub holdings: Vec<Holding>,
    /// The sum of the holdings' values.
    pub total_value: Money,
}

/// Digits and capital letters, as the NSIN inside an ISIN uses them.
const ALPHANUMERIC: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The value of an ISIN or CUSIP character: digits as themselves, `A` = 10 … `Z` = 35.
fn char_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        _ => u32::from(c - b'A') + 10,
    }
}

/// The CUSIP check digit of eight characters: every second value doubled, digit sums added.
fn cusip_check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = char_value(c) * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// `payload` (country code and NSIN) with its ISIN check digit: Luhn over the characters'
/// values written out in decimal (ISO 6166).
fn with_isin_check_digit(mut payload: String) -> String {
    let digits: String = payload.bytes().map(|c| char_value(c).to_string()).collect();
    let check = luhn::check_digit(&digits).unwrap_or(0);
    payload.push(char::from(b'0' + check));
    payload
}

/// An ISIN of `country`: a CUSIP (issuer, issue `10`, check digit) for the US, `000` and a
/// six-character WKN for Germany.
fn draw_isin(rng: &mut MimicRng, country: &str) -> String {
    let mut alnum = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| ALPHANUMERIC[below(rng, 36) as usize])
            .collect()
    };
    let nsin = if country == "DE" {
        let mut nsin = b"000".to_vec();
        nsin.extend(alnum(6));
        nsin
    } else {
        let mut cusip = alnum(6);
        cusip.extend_from_slice(b"10");
        cusip.push(b'0' + cusip_check_digit(&cusip));
        cusip
    };
    let prefix = if country == "DE" { "DE" } else { "US" };
    with_isin_check_digit(format!("{prefix}{}", String::from_utf8_lossy(&nsin)))
}

impl Mimic for Investment {
    fn mimic(ctx: &mut Context<'_>) -> Investment {
        let tables = FinanceTables::of(ctx);
        let owner = Person::mimic(ctx);
        let account_number = AccountNumber::draw(ctx.rng(), tables.country);
        let count = 1 + below(ctx.rng(), 10) as usize;
        let holdings: Vec<Holding> = (0..count)
            .map(|_| {
                let instrument = Company::mimic(ctx).full_name;
                let isin = draw_isin(ctx.rng(), tables.country);
                // Share prices and position sizes spread over orders of magnitude
                // (illustrative ranges).
                let price = Money::from_cents((log_uniform(ctx.rng(), 2.0, 900.0) * 100.0) as i64);
                let quantity = log_uniform(ctx.rng(), 1.0, 2_000.0) as u32;
                Holding {
                    instrument,
                    isin,
                    quantity,
                    price,
                    value: price * quantity,
                }
            })
            .collect();
        let total_value = holdings.iter().map(|h| h.value).sum();
        Investment {
            owner,
            account_number,
            currency: tables.currency,
            holdings,
            total_value,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
        Person::visit_tables(visitor);
        Company::visit_tables(visitor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_identifiers_check_out() {
        // Apple: CUSIP 037833100, ISIN US0378331005; SAP: ISIN DE0007164600.
        assert_eq!(cusip_check_digit(b"03783310"), 0);
        assert_eq!(
            with_isin_check_digit("US037833100".to_owned()),
            "US0378331005"
        );
        assert_eq!(
            with_isin_check_digit("DE000716460".to_owned()),
            "DE0007164600"
        );
    }
}
