//! InsurancePolicy: a contract between a company and a person for a product's coverages.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::common::Person;
use crate::domain::finance::{add_years, cents, from_unix_day, log_uniform, timestamp, unix_day};
use rand::Rng;

use crate::sample::below;
use crate::{Context, Mimic, TableUse};

use super::premium::{instalments, line_of};
use super::tables::{InsuranceTables, visit_insurance};
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
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
    pub coverages: CoverageSet,
    /// Premium per instalment, in the country's currency.
    pub premium: f64,
    /// `monthly`, `quarterly`, `semi_annual` or `annual`.
    pub premium_frequency: &'static str,
    /// First day of cover.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub start_date: NaiveDate,
    /// Last day of the term.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub end_date: NaiveDate,
    /// `active`, `expired`, `cancelled`, `lapsed` or `pending`.
    pub status: &'static str,
    /// When the contract was signed.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_date: DateTime<Utc>,
}

impl Mimic for InsurancePolicy {
    fn mimic(ctx: &mut Context<'_>) -> InsurancePolicy {
        let tables = InsuranceTables::of(ctx);
        let id = RecordId::draw(ctx.rng());
        let company = InsuranceCompany::of_row(tables, tables.company.sample_index(ctx.rng()));
        let product_row = tables.product.sample_index(ctx.rng());
        let product = InsuranceProduct::of_row(tables, product_row);
        let policy_holder = Person::mimic(ctx);
        // The core cover always, each optional cover with even odds.
        let mask = (ctx.rng().next_u64() as u32) | 1;
        let coverages = CoverageSet::subset(tables, product_row, mask);
        let line = line_of(tables.country, product.code);
        let premium_frequency = tables.premium_frequency.sample_row(ctx.rng()).value();
        let status = tables.policy_status.sample_row(ctx.rng()).value();
        let share = taken_share(tables, product_row, coverages.mask());
        let annual = log_uniform(ctx.rng(), line.annual.0, line.annual.1) * (0.4 + 0.6 * share);
        let (per_year, surcharge) = instalments(premium_frequency);
        let premium = cents(annual / per_year * surcharge);
        let (low, high) = line.term_years;
        let term = (low + below(ctx.rng(), u64::from(high - low) + 1) as u32) as i32;
        // Day numbers instead of chrono's date steps, which are the costlier part here.
        let today = ctx.today();
        let today_day = unix_day(today);
        let start_day = match status {
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
        let start_date = from_unix_day(start_day).unwrap_or(today);
        let end_date =
            from_unix_day(unix_day(add_years(start_date, term)) - 1).unwrap_or(start_date);
        // Signed up to 30 days before cover starts, never after now.
        let now = ctx.now().timestamp();
        let signed = (start_day - below(ctx.rng(), 31) as i64) * 86_400;
        let created_date = timestamp((signed + below(ctx.rng(), 86_400) as i64).min(now));
        InsurancePolicy {
            id,
            company,
            product,
            policy_holder,
            coverages,
            premium,
            premium_frequency,
            start_date,
            end_date,
            status,
            created_date,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_insurance(visitor);
        Person::visit_tables(visitor);
    }
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
