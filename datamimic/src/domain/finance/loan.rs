//! Loan: an instalment loan of a person, with its annuity payment and amortisation schedule.

use chrono::{Months, NaiveDate};

use crate::domain::amount::log_uniform;
use crate::domain::common::Person;
use crate::domain::dates::{add_years, from_unix_day, unix_day};
use crate::domain::money::Money;
use crate::sample::below;
use crate::{Context, Mimic};

use super::tables::FinanceTables;

/// A loan type of a country: how often it is drawn, its principal range and terms, and the
/// average annual rate its borrowers pay.
#[derive(Debug)]
struct LoanKind {
    name: &'static str,
    /// Relative share among the country's loans (illustrative).
    weight: u64,
    /// Principal range in currency units, drawn log-uniformly.
    principal: (f64, f64),
    /// Principals are whole multiples of this many currency units.
    principal_step: f64,
    /// Terms in months, equally likely.
    terms: &'static [u32],
    /// Published average annual rate in basis points.
    average_rate_bp: u32,
    /// A borrower's rate lies within this many basis points of the average.
    rate_spread_bp: u32,
}

/// Half-width of market rates around a type's average (illustrative: credit scores and terms
/// move individual rates by a point or two either way).
const RATE_SPREAD_BP: u32 = 150;

/// US loans. Rates: 30-year fixed mortgage, Freddie Mac Primary Mortgage Market Survey, 2024
/// annual average ≈ 6.7 %; new-car (60 months) and personal (24 months) loans at commercial
/// banks, Federal Reserve G.19 Consumer Credit, 2024 ≈ 8.0 % and ≈ 12.3 %; federal Direct
/// undergraduate loans 2024-25, studentaid.gov, 6.53 % on the standard 10-year plan.
/// Principal ranges follow the 2024 conforming loan limit (FHFA, $766,550) and typical
/// car, personal and student balances; the shares are illustrative.
const US_LOANS: [LoanKind; 4] = [
    LoanKind {
        name: "MORTGAGE",
        weight: 30,
        principal: (80_000.0, 760_000.0),
        principal_step: 1_000.0,
        terms: &[180, 360],
        average_rate_bp: 672,
        rate_spread_bp: RATE_SPREAD_BP,
    },
    LoanKind {
        name: "AUTO",
        weight: 35,
        principal: (8_000.0, 70_000.0),
        principal_step: 100.0,
        terms: &[36, 48, 60, 72],
        average_rate_bp: 800,
        rate_spread_bp: RATE_SPREAD_BP,
    },
    LoanKind {
        name: "PERSONAL",
        weight: 15,
        principal: (1_000.0, 50_000.0),
        principal_step: 100.0,
        terms: &[24, 36, 48, 60],
        average_rate_bp: 1_230,
        rate_spread_bp: RATE_SPREAD_BP,
    },
    LoanKind {
        name: "STUDENT",
        weight: 20,
        principal: (5_000.0, 60_000.0),
        principal_step: 100.0,
        terms: &[120],
        average_rate_bp: 653,
        // Set by law for every borrower of a school year (the 2024-25 rate for all years).
        rate_spread_bp: 0,
    },
];

/// German loans. Rates: Deutsche Bundesbank MFI interest rate statistics, new business with
/// households, 2024: housing loans (effective rate) ≈ 3.8 %, consumer credit ≈ 8.5 %; car
/// loans, mostly from carmakers' banks with subsidised offers, are put below consumer credit
/// at ≈ 6.5 % (illustrative). Principal ranges and shares are illustrative.
const DE_LOANS: [LoanKind; 3] = [
    LoanKind {
        name: "BAUFINANZIERUNG",
        weight: 35,
        principal: (100_000.0, 600_000.0),
        principal_step: 1_000.0,
        terms: &[240, 300, 360],
        average_rate_bp: 380,
        rate_spread_bp: RATE_SPREAD_BP,
    },
    LoanKind {
        name: "RATENKREDIT",
        weight: 45,
        principal: (1_000.0, 50_000.0),
        principal_step: 100.0,
        terms: &[12, 24, 36, 48, 60, 72, 84],
        average_rate_bp: 850,
        rate_spread_bp: RATE_SPREAD_BP,
    },
    LoanKind {
        name: "AUTOKREDIT",
        weight: 20,
        principal: (5_000.0, 60_000.0),
        principal_step: 100.0,
        terms: &[24, 36, 48, 60, 72],
        average_rate_bp: 650,
        rate_spread_bp: RATE_SPREAD_BP,
    },
];

/// One monthly instalment of a loan's schedule.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct Installment {
    /// 1 for the first instalment.
    pub number: u32,
    /// Due date: the start date plus `number` months (clamped to the month's last day).
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub date: NaiveDate,
    /// Amount paid: `interest + principal`.
    pub payment: Money,
    /// Interest on the balance before this instalment, rounded half up to the cent.
    pub interest: Money,
    /// Repaid principal.
    pub principal: Money,
    /// Balance left after this instalment; 0 after the last.
    pub balance: Money,
}

/// An instalment loan (annuity loan) taken out by a person.
///
/// Coherence: the type, principal range, term and rate are the country's; the start date
/// lies within the term before the clock's today (the loan is running) and not before the
/// borrower turned 18; the monthly payment is the annuity `P·r/(1−(1+r)^−n)` rounded to the
/// cent, with `r` the monthly rate; the schedule computes interest on the balance in whole
/// cents, its principal parts add up to the principal exactly (the last instalment absorbs
/// the rounding) and its balance ends at 0.
///
/// ```
/// use datamimic::domain::ecommerce::Money;
/// use datamimic::domain::finance::LoanService;
///
/// let loan = LoanService::new("DE")?.seed(5).generate();
/// let repaid: Money = loan.schedule.iter().map(|i| i.principal).sum();
/// assert_eq!(repaid, loan.principal);
/// assert_eq!(loan.schedule.last().map(|i| i.balance), Some(Money::ZERO));
/// assert_eq!(loan.currency, "EUR");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
pub struct Loan {
    /// The person who owes the loan.
    pub borrower: Person,
    /// Loan type of the country (`MORTGAGE`, `AUTO`, `BAUFINANZIERUNG`, ...).
    #[mimic(let(kind: &'static LoanKind, with = draw_kind(tables)))]
    #[mimic(from = kind.name)]
    pub loan_type: &'static str,
    /// Amount lent.
    #[mimic(with = draw_principal(kind))]
    pub principal: Money,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = tables.currency)]
    pub currency: &'static str,
    /// Nominal annual rate in percent, to two decimals (`6.72`).
    // The term is drawn before the rate.
    #[mimic(let(term: u32, with = draw_term(kind)))]
    #[mimic(let(rate_bp: u32, with = draw_rate_bp(kind)))]
    #[mimic(from = f64::from(rate_bp) / 100.0)]
    pub annual_rate_percent: f64,
    /// Number of monthly instalments.
    #[mimic(from = term)]
    pub term_months: u32,
    /// Day the loan was paid out; the first instalment is due a month later.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(with = draw_start_date(term_months, borrower))]
    pub start_date: NaiveDate,
    /// The regular instalment; the last one differs by the rounding left over.
    #[mimic(from = annuity_payment(principal, rate_bp, term_months))]
    pub monthly_payment: Money,
    /// Every instalment, in order.
    #[mimic(with = schedule(principal, rate_bp, term_months, monthly_payment, start_date))]
    pub schedule: Vec<Installment>,
}

impl Loan {
    /// The nominal annual rate in basis points (hundredths of a percent).
    pub fn annual_rate_bp(&self) -> u32 {
        (self.annual_rate_percent * 100.0).round() as u32
    }
}

/// The annuity payment of `principal` over `months` at `rate_bp` a year, rounded to the
/// cent: `P·r/(1−(1+r)^−n)` with `r = rate / 12` (`P/n` without interest).
pub(crate) fn annuity_payment(principal: Money, rate_bp: u32, months: u32) -> Money {
    let p = principal.as_f64();
    let r = f64::from(rate_bp) / 10_000.0 / 12.0;
    let n = f64::from(months);
    let payment = if rate_bp == 0 {
        p / n
    } else {
        p * r / (1.0 - (1.0 + r).powf(-n))
    };
    Money::from_cents((payment * 100.0).round() as i64)
}

/// The schedule of `principal` paid off by `payment` a month over `months` instalments from
/// `start`: exact in cents, the last instalment repays what is left.
pub(crate) fn amortise(
    principal: Money,
    rate_bp: u32,
    months: u32,
    payment: Money,
    start: NaiveDate,
) -> Vec<Installment> {
    let mut balance = principal.cents();
    (1..=months)
        .map(|number| {
            // balance·rate/12 in cents, rounded half up; balances stay far below i64's range.
            let interest = (balance * i64::from(rate_bp) + 60_000).div_euclid(120_000);
            let repaid = if number == months {
                balance
            } else {
                (payment.cents() - interest).clamp(0, balance)
            };
            balance -= repaid;
            Installment {
                number,
                date: start
                    .checked_add_months(Months::new(number))
                    .unwrap_or(NaiveDate::MAX),
                payment: Money::from_cents(interest + repaid),
                interest: Money::from_cents(interest),
                principal: Money::from_cents(repaid),
                balance: Money::from_cents(balance),
            }
        })
        .collect()
}

/// A loan type of the finance tables' country, by its share.
fn draw_kind(ctx: &mut Context<'_>, tables: &&FinanceTables) -> &'static LoanKind {
    let kinds: &'static [LoanKind] = match tables.country {
        "DE" => &DE_LOANS,
        _ => &US_LOANS,
    };
    let total: u64 = kinds.iter().map(|k| k.weight).sum();
    let mut ticket = below(ctx.rng(), total);
    for kind in kinds {
        if ticket < kind.weight {
            return kind;
        }
        ticket -= kind.weight;
    }
    &kinds[kinds.len() - 1]
}

/// Log-uniform in the type's range, rounded to its step.
fn draw_principal(ctx: &mut Context<'_>, kind: &&LoanKind) -> Money {
    let (low, high) = kind.principal;
    let step = kind.principal_step;
    let units = (log_uniform(ctx.rng(), low, high) / step).round() * step;
    Money::from_cents((units * 100.0) as i64)
}

/// One of the type's usual terms, in months.
fn draw_term(ctx: &mut Context<'_>, kind: &&LoanKind) -> u32 {
    kind.terms[below(ctx.rng(), kind.terms.len() as u64) as usize]
}

/// The type's average rate, give or take its spread, in basis points.
fn draw_rate_bp(ctx: &mut Context<'_>, kind: &&LoanKind) -> u32 {
    kind.average_rate_bp - kind.rate_spread_bp
        + below(ctx.rng(), u64::from(2 * kind.rate_spread_bp) + 1) as u32
}

/// Paid out within the term before today, so the loan is running, by an adult.
fn draw_start_date(ctx: &mut Context<'_>, term_months: &u32, borrower: &Person) -> NaiveDate {
    let today = ctx.today();
    let yesterday = unix_day(today) - 1;
    let term_ago = today
        .checked_sub_months(Months::new(*term_months))
        .unwrap_or(today);
    let earliest = unix_day(term_ago)
        .max(unix_day(add_years(borrower.birthdate, 18)))
        .min(yesterday);
    let start_day = earliest + below(ctx.rng(), (yesterday - earliest) as u64 + 1) as i64;
    from_unix_day(start_day).unwrap_or(today)
}

/// [`amortise`] in the shape of a `with` function.
fn schedule(
    _: &mut Context<'_>,
    principal: &Money,
    rate_bp: &u32,
    term_months: &u32,
    monthly_payment: &Money,
    start_date: &NaiveDate,
) -> Vec<Installment> {
    amortise(
        *principal,
        *rate_bp,
        *term_months,
        *monthly_payment,
        *start_date,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_textbook_annuity() {
        // 200,000 at 6 % over 30 years: 1,199.10 a month (any annuity table).
        let principal = Money::from_cents(20_000_000);
        let payment = annuity_payment(principal, 600, 360);
        assert_eq!(payment, Money::from_cents(119_910));
        let start = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
        let schedule = amortise(principal, 600, 360, payment, start);
        // First month: 1,000.00 interest, 199.10 principal.
        assert_eq!(schedule[0].interest, Money::from_cents(100_000));
        assert_eq!(schedule[0].principal, Money::from_cents(19_910));
        assert_eq!(
            schedule[0].date,
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        let repaid: Money = schedule.iter().map(|i| i.principal).sum();
        assert_eq!(repaid, principal);
        assert_eq!(schedule[359].balance, Money::ZERO);
    }

    #[test]
    fn without_interest_the_principal_is_split_evenly() {
        let principal = Money::from_cents(100_000);
        let payment = annuity_payment(principal, 0, 3);
        assert_eq!(payment, Money::from_cents(33_333));
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let schedule = amortise(principal, 0, 3, payment, start);
        assert_eq!(schedule[2].payment, Money::from_cents(33_334));
    }
}
