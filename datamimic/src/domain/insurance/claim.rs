//! InsuranceClaim: a loss reported under one coverage of a policy, assessed against the
//! policy's limit and deductible.

use chrono::NaiveDate;

use crate::domain::amount::log_uniform;
use crate::domain::common::FullName;
use crate::domain::dates::{from_unix_day, unix_day};
use crate::domain::money::Money;
use crate::ident::code::Code;
use crate::sample::{below, chance};
use crate::{ChildOf, Context, Mimic, Siblings};

use super::claim_terms::{causes, coverage_limit, deductible};
use super::tables::InsuranceTables;
use super::{InsuranceCoverage, InsurancePolicy, RecordId};

/// Where a claim stands.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ClaimStatus {
    /// Reported, not yet looked at.
    Open,
    /// An adjuster is assessing it.
    UnderReview,
    /// Assessed and accepted, payment pending.
    Approved,
    /// Paid out.
    Paid,
    /// Rejected (not covered, excluded or fraudulent).
    Denied,
    /// The loss stayed within the deductible: nothing to pay.
    ClosedWithoutPayment,
}

impl ClaimStatus {
    /// Whether the claim is settled (it has a closing date).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ClaimStatus::Paid | ClaimStatus::Denied | ClaimStatus::ClosedWithoutPayment
        )
    }
}

/// An insurance claim (`Claim`), with what an adjuster's file holds.
///
/// Coherence with its policy ([`InsuranceClaim::for_policy`]): the loss date lies inside the
/// policy's period and not after today; the report follows the loss (the same day or later,
/// not after today) and a closing date follows the report; the coverage is one the policy
/// took, the limit and deductible those the policy has for it (stable per policy); the covered
/// amount is the loss less the deductible, capped at the limit, never negative, and only a
/// paid claim has paid it; a loss within the deductible is closed without payment; the cause
/// belongs to the policy's line of business.
///
/// ```
/// use datamimic::domain::ecommerce::Money;
/// use datamimic::domain::insurance::{ClaimStatus, InsuranceClaimService};
///
/// let claim = InsuranceClaimService::new("US")?.seed(2).generate();
/// assert!(claim.policy_start_date <= claim.loss_date && claim.loss_date <= claim.policy_end_date);
/// assert!(claim.loss_date <= claim.reported_date);
/// assert!(claim.covered_amount <= claim.coverage_limit);
/// let paid = claim.status == ClaimStatus::Paid;
/// assert_eq!(claim.paid_amount, if paid { claim.covered_amount } else { Money::ZERO });
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(child_of(policy: InsurancePolicy, alone = started_policy, at_most = claim_limit, finish = by_loss))]
#[mimic(let(tables: &'static InsuranceTables, with = insurance_tables))]
#[mimic(let(coverage: InsuranceCoverage, with = claimed_coverage(policy)))]
#[mimic(let(limit: Money, from = coverage_limit(policy.id, &coverage)))]
#[mimic(let(days: LossDays, with = LossDays::draw(policy)))]
#[mimic(let(loss: Money, with = loss_amount(policy, limit)))]
#[mimic(let(excess: Money, from = deductible(tables.country, policy.id, &coverage, limit)))]
#[mimic(let(covered: Money, from = covered_amount(loss, excess, limit)))]
#[mimic(let(outcome: Outcome, with = Outcome::draw(days, covered)))]
#[mimic(let(what: &'static str, with = cause_of(tables, policy)))]
pub struct InsuranceClaim {
    /// Claim number (`CLM-0012345678`).
    #[mimic(from = claim_code)]
    pub claim_number: Code,
    /// The policy's id.
    #[mimic(from = policy.id)]
    pub policy_id: RecordId,
    /// The policy holder, who files the claim.
    #[mimic(from = policy.policy_holder.full_name)]
    pub claimant: FullName,
    /// The policy's product code, its line of business (`AUTO`).
    #[mimic(from = policy.product.code)]
    pub product_code: &'static str,
    /// Code of the coverage claimed under (`COLL`).
    #[mimic(from = coverage.code)]
    pub coverage_code: &'static str,
    /// Name of the coverage (`Collision`).
    #[mimic(from = coverage.name)]
    pub coverage_name: &'static str,
    /// First day of the policy's period.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = policy.start_date)]
    pub policy_start_date: NaiveDate,
    /// Last day of the policy's period.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = policy.end_date)]
    pub policy_end_date: NaiveDate,
    /// Day of the loss.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = day_of(policy, days.loss))]
    pub loss_date: NaiveDate,
    /// Day the loss was reported to the insurer.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = day_of(policy, days.reported))]
    pub reported_date: NaiveDate,
    /// What happened, a cause of the line (`Collision`, `Leitungswasser`).
    #[mimic(from = what)]
    pub cause: &'static str,
    /// The loss as assessed.
    #[mimic(from = loss)]
    pub loss_amount: Money,
    /// The insured amount of the coverage on this policy.
    #[mimic(from = limit)]
    pub coverage_limit: Money,
    /// The part of each loss the holder bears.
    #[mimic(from = excess)]
    pub deductible: Money,
    /// `min(max(loss − deductible, 0), limit)`.
    #[mimic(from = covered)]
    pub covered_amount: Money,
    /// The covered amount once paid; zero before and for denied claims.
    #[mimic(from = if outcome.status == ClaimStatus::Paid { covered } else { Money::ZERO })]
    pub paid_amount: Money,
    /// ISO 4217 code of the policy's currency.
    #[mimic(from = if tables.country == "DE" { "EUR" } else { "USD" })]
    pub currency: &'static str,
    /// Where the claim stands.
    #[mimic(from = outcome.status)]
    pub status: ClaimStatus,
    /// Day the claim was settled, for closed claims.
    // The claim number is drawn last (a `let` on the last field comes last).
    #[mimic(let(claim_code: Code, with = claim_number))]
    #[mimic(from = outcome.closed.map(|day| day_of(policy, day)))]
    pub closed_date: Option<NaiveDate>,
}

impl InsuranceClaim {
    /// A claim under `policy`, or `None` when the policy has not started yet (nothing can have
    /// happened under it).
    pub fn for_policy(ctx: &mut Context<'_>, policy: &InsurancePolicy) -> Option<InsuranceClaim> {
        let today = ctx.today();
        claimable(policy, today).then(|| {
            <InsuranceClaim as ChildOf<InsurancePolicy>>::mimic_child(
                policy,
                &Siblings::alone(),
                ctx,
            )
        })
    }
}

/// Whether a loss under `policy` can have happened by `today`: it has started and has cover.
fn claimable(policy: &InsurancePolicy, today: NaiveDate) -> bool {
    policy.start_date <= policy.end_date.min(today) && !policy.coverages.is_empty()
}

/// A policy that has started, for a claim on its own: policies are drawn until one has.
fn started_policy(ctx: &mut Context<'_>) -> InsurancePolicy {
    loop {
        let policy = InsurancePolicy::mimic(ctx);
        if claimable(&policy, ctx.today()) {
            return policy;
        }
    }
}

/// A policy's claims: none on a policy that has not started (`pending`: nothing can have
/// happened under it yet) or has no cover, one at most on a life policy (it pays its sum
/// once), else as many as the caller asks.
fn claim_limit(policy: &InsurancePolicy) -> usize {
    match (policy.status, policy.product.code) {
        _ if policy.coverages.is_empty() => 0,
        ("pending", _) => 0,
        (_, "LIFE") => 1,
        _ => usize::MAX,
    }
}

/// A policy's claims are listed in the order of their losses.
fn by_loss(_: &InsurancePolicy, claims: &mut [InsuranceClaim]) {
    claims.sort_by_key(|claim| (claim.loss_date, claim.reported_date));
}

/// The insurance tables of the record's dataset.
fn insurance_tables(ctx: &mut Context<'_>) -> &'static InsuranceTables {
    InsuranceTables::of(ctx)
}

/// One of the policy's coverages, uniformly.
fn claimed_coverage(ctx: &mut Context<'_>, policy: &&InsurancePolicy) -> InsuranceCoverage {
    let covers = policy.coverages.len() as u64;
    let index = below(ctx.rng(), covers) as usize;
    policy
        .coverages
        .iter()
        .nth(index)
        .expect("a claimable policy has cover")
}

/// The last day losses and reports reach to: the clock's today, or the policy's start for a
/// claim whose clock is set earlier than its policy's (a service of its own).
fn last_day(ctx: &Context<'_>, policy: &InsurancePolicy) -> i64 {
    unix_day(ctx.today().max(policy.start_date))
}

/// The days of the loss and of its report, and the last day they reach to (Unix days).
#[derive(Debug, Clone, Copy)]
struct LossDays {
    loss: i64,
    reported: i64,
    today: i64,
}

impl LossDays {
    /// A loss between the policy's start and today or the end of its term, whichever comes
    /// first; most reported within days, some after months.
    fn draw(ctx: &mut Context<'_>, policy: &&InsurancePolicy) -> LossDays {
        let today = last_day(ctx, policy);
        let start = unix_day(policy.start_date);
        let last = unix_day(policy.end_date).min(today);
        let loss = start + below(ctx.rng(), (last - start) as u64 + 1) as i64;
        let delay = (log_uniform(ctx.rng(), 1.0, 180.0) as i64 - 1).min(today - loss);
        LossDays {
            loss,
            reported: loss + delay,
            today,
        }
    }
}

/// Life covers pay the sum insured; other losses spread from small to above the limit.
fn loss_amount(ctx: &mut Context<'_>, policy: &&InsurancePolicy, limit: &Money) -> Money {
    if policy.product.code == "LIFE" {
        return *limit;
    }
    let high = limit.as_f64() * 1.2;
    let low = (limit.as_f64() / 500.0).clamp(1.0, high / 2.0);
    Money::from_cents((log_uniform(ctx.rng(), low, high) * 100.0).round() as i64)
}

/// `min(max(loss − deductible, 0), limit)`.
fn covered_amount(loss: Money, deductible: Money, limit: Money) -> Money {
    Money::from_cents((loss.cents() - deductible.cents()).clamp(0, limit.cents()))
}

/// Where the claim stands and, if closed, the day it was settled (a Unix day).
#[derive(Debug, Clone, Copy)]
struct Outcome {
    status: ClaimStatus,
    closed: Option<i64>,
}

impl Outcome {
    fn draw(ctx: &mut Context<'_>, days: &LossDays, covered: &Money) -> Outcome {
        let LossDays {
            reported, today, ..
        } = *days;
        let status = if *covered == Money::ZERO {
            ClaimStatus::ClosedWithoutPayment
        } else if today - reported <= 30 {
            // Recent claims are still being handled.
            match below(ctx.rng(), 10) {
                0..=3 => ClaimStatus::Open,
                4..=7 => ClaimStatus::UnderReview,
                _ => ClaimStatus::Approved,
            }
        } else if chance(ctx.rng(), 0.1) {
            ClaimStatus::Denied
        } else if chance(ctx.rng(), 0.05) {
            ClaimStatus::UnderReview
        } else {
            ClaimStatus::Paid
        };
        let closed = status
            .is_closed()
            .then(|| reported + below(ctx.rng(), (today - reported).min(90) as u64 + 1) as i64);
        Outcome { status, closed }
    }
}

/// What happened: a cause of the line, by its weight.
fn cause_of(
    ctx: &mut Context<'_>,
    tables: &&InsuranceTables,
    policy: &&InsurancePolicy,
) -> &'static str {
    let weights = causes(tables.german, policy.product.code);
    let total: u64 = weights.iter().map(|(_, w)| w).sum();
    let mut point = below(ctx.rng(), total);
    weights
        .iter()
        .find(|(_, w)| {
            let hit = point < *w;
            point = point.saturating_sub(*w);
            hit
        })
        .map_or(weights[0].0, |(c, _)| c)
}

/// The date of Unix day `day` (the policy's start if out of range).
fn day_of(policy: &InsurancePolicy, day: i64) -> NaiveDate {
    from_unix_day(day).unwrap_or(policy.start_date)
}

/// A claim number (`CLM-0012345678`).
fn claim_number(ctx: &mut Context<'_>) -> Code {
    Code::new("CLM", below(ctx.rng(), 10_000_000_000), 10)
}
