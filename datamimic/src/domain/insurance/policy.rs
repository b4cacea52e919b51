//! InsurancePolicy: a contract between a company and a person for a product's coverages,
//! declared with `#[derive(Mimic)]`.

use chrono::{DateTime, NaiveDate, Utc};

use crate::Context;
use crate::domain::common::Person;
use rand::Rng;

use crate::domain::amount::{cents, log_uniform};
use crate::domain::dates::{add_years, from_unix_day, timestamp, unix_day};
use crate::sample::below;

use super::premium::{Line, instalments, line_of};
use super::tables::InsuranceTables;
use super::{CoverageSet, InsuranceCompany, InsuranceProduct, RecordId};

/// An insurance policy, with the fields of datamimic-ce's InsurancePolicy in its order.
///
/// Coherence: the coverages are a subset of the product's, always with its core cover; the
/// holder is a [`Person`] by the common domain's rules (age range from the service's
/// demographic config); `created_date ≤ start_date ≤ end_date` and `created_date ≤ now`; the
/// status agrees with today (`active` policies run today, `expired` ones ended, `pending` ones
/// start later); the premium is per instalment of `premium_frequency`, from the line's annual
/// range scaled by the share of coverages taken.
///
/// ```
/// use datamimic::domain::insurance::InsurancePolicyService;
///
/// let policy = InsurancePolicyService::new("US")?.seed(3).generate();
/// assert!(policy.created_date.date_naive() <= policy.start_date);
/// assert!(policy.premium > 0.0);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static InsuranceTables))]
pub struct InsurancePolicy {
    /// Policy id.
    pub id: RecordId,
    /// The insurer.
    pub company: InsuranceCompany,
    /// The product, with all the coverages it offers.
    pub product: InsuranceProduct,
    /// The person insured.
    pub policy_holder: Person,
    /// The coverages taken, core cover first.
    #[mimic(with = coverages_taken(tables, product))]
    pub coverages: CoverageSet,
    /// Premium per instalment, in the country's currency.
    #[mimic(let(frequency: &'static str, weighted = "insurance/premium_frequency"))]
    #[mimic(let(state: &'static str, weighted = "insurance/policy_status"))]
    #[mimic(let(line: Line, from = line_of(tables.country, product.code)))]
    #[mimic(with = premium(tables, line, coverages, frequency))]
    pub premium: f64,
    /// `monthly`, `quarterly`, `semi_annual` or `annual`.
    #[mimic(from = frequency)]
    pub premium_frequency: &'static str,
    /// First day of cover.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(let(term: i32, with = term_years(line)))]
    #[mimic(with = start_date(state, term))]
    pub start_date: NaiveDate,
    /// Last day of the term.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = from_unix_day(unix_day(add_years(start_date, term)) - 1).unwrap_or(start_date))]
    pub end_date: NaiveDate,
    /// `active`, `expired`, `cancelled`, `lapsed` or `pending`.
    #[mimic(from = state)]
    pub status: &'static str,
    /// When the contract was signed.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(with = created_date(start_date))]
    pub created_date: DateTime<Utc>,
}

/// The core cover always, each optional cover with even odds.
fn coverages_taken(
    ctx: &mut Context<'_>,
    tables: &&'static InsuranceTables,
    product: &InsuranceProduct,
) -> CoverageSet {
    let mask = (ctx.rng().next_u64() as u32) | 1;
    CoverageSet::subset(tables, product.coverages.product_row(), mask)
}

/// Per instalment: the line's annual range, scaled by the share of coverages taken, with the
/// frequency's surcharge.
fn premium(
    ctx: &mut Context<'_>,
    tables: &&'static InsuranceTables,
    line: &Line,
    coverages: &CoverageSet,
    frequency: &&'static str,
) -> f64 {
    let share = taken_share(tables, coverages.product_row(), coverages.mask());
    let annual = log_uniform(ctx.rng(), line.annual.0, line.annual.1) * (0.4 + 0.6 * share);
    let (per_year, surcharge) = instalments(frequency);
    cents(annual / per_year * surcharge)
}

/// The term in years, in the line's range.
fn term_years(ctx: &mut Context<'_>, line: &Line) -> i32 {
    let (low, high) = line.term_years;
    (low + below(ctx.rng(), u64::from(high - low) + 1) as u32) as i32
}

/// The first day of cover, as the status needs it. Day numbers instead of chrono's date
/// steps, which are the costlier part here.
fn start_date(ctx: &mut Context<'_>, status: &&'static str, term: &i32) -> NaiveDate {
    let term = *term;
    let today = ctx.today();
    let today_day = unix_day(today);
    let start_day = match *status {
        // Starts within the next two months.
        "pending" => today_day + 1 + below(ctx.rng(), 60) as i64,
        // Ended within the last three years.
        "expired" => {
            let end = today_day - 1 - below(ctx.rng(), 3 * 365) as i64;
            let end_date = from_unix_day(end).unwrap_or(today);
            unix_day(add_years(end_date, -term)) + 1
        }
        // Running today (active), or would be had it not been ended early.
        _ => {
            let earliest = unix_day(add_years(today, -term)) + 1;
            earliest + below(ctx.rng(), (today_day - earliest) as u64 + 1) as i64
        }
    };
    from_unix_day(start_day).unwrap_or(today)
}

/// Signed up to 30 days before cover starts, never after now.
fn created_date(ctx: &mut Context<'_>, start_date: &NaiveDate) -> DateTime<Utc> {
    let now = ctx.now().timestamp();
    let signed = (unix_day(*start_date) - below(ctx.rng(), 31) as i64) * 86_400;
    timestamp((signed + below(ctx.rng(), 86_400) as i64).min(now))
}

/// The weight share of the coverages in `mask` among all of the product's.
fn taken_share(tables: &InsuranceTables, product: usize, mask: u32) -> f64 {
    let (mut taken, mut total) = (0, 0);
    for (bit, &row) in tables.coverages_of[product].iter().enumerate() {
        let weight = tables.coverage.scaled_weight(usize::from(row));
        total += weight;
        if mask >> bit & 1 == 1 {
            taken += weight;
        }
    }
    if total == 0 {
        1.0
    } else {
        taken as f64 / total as f64
    }
}
