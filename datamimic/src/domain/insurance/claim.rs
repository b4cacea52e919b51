//! InsuranceClaim: a loss reported under one coverage of a policy, assessed against the
//! policy's limit and deductible.

use chrono::NaiveDate;

use crate::domain::common::FullName;
use crate::domain::ecommerce::{Code, Money};
use crate::domain::finance::{from_unix_day, log_uniform, unix_day};
use crate::sample::{below, chance};
use crate::{ChildOf, Context, Counting, Mimic, Siblings, TableUse};

use super::claim_terms::{causes, coverage_limit, deductible};
use super::tables::InsuranceTables;
use super::{InsurancePolicy, RecordId};

/// Where a claim stands.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, crate::Cells, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct InsuranceClaim {
    /// Claim number (`CLM-0012345678`).
    pub claim_number: Code,
    /// The policy's id.
    pub policy_id: RecordId,
    /// The policy holder, who files the claim.
    pub claimant: FullName,
    /// The policy's product code, its line of business (`AUTO`).
    pub product_code: &'static str,
    /// Code of the coverage claimed under (`COLL`).
    pub coverage_code: &'static str,
    /// Name of the coverage (`Collision`).
    pub coverage_name: &'static str,
    /// First day of the policy's period.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub policy_start_date: NaiveDate,
    /// Last day of the policy's period.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub policy_end_date: NaiveDate,
    /// Day of the loss.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub loss_date: NaiveDate,
    /// Day the loss was reported to the insurer.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub reported_date: NaiveDate,
    /// What happened, a cause of the line (`Collision`, `Leitungswasser`).
    pub cause: &'static str,
    /// The loss as assessed.
    pub loss_amount: Money,
    /// The insured amount of the coverage on this policy.
    pub coverage_limit: Money,
    /// The part of each loss the holder bears.
    pub deductible: Money,
    /// `min(max(loss − deductible, 0), limit)`.
    pub covered_amount: Money,
    /// The covered amount once paid; zero before and for denied claims.
    pub paid_amount: Money,
    /// ISO 4217 code of the policy's currency.
    pub currency: &'static str,
    /// Where the claim stands.
    pub status: ClaimStatus,
    /// Day the claim was settled, for closed claims.
    pub closed_date: Option<NaiveDate>,
}

impl InsuranceClaim {
    /// A claim under `policy`, or `None` when the policy has not started yet (nothing can have
    /// happened under it).
    pub fn for_policy(ctx: &mut Context<'_>, policy: &InsurancePolicy) -> Option<InsuranceClaim> {
        let today = ctx.today();
        InsuranceClaim::for_policy_until(ctx, policy, today)
    }

    /// [`InsuranceClaim::for_policy`] with `today` as the day losses and reports reach to.
    fn for_policy_until(
        ctx: &mut Context<'_>,
        policy: &InsurancePolicy,
        today: NaiveDate,
    ) -> Option<InsuranceClaim> {
        let today = unix_day(today);
        let start = unix_day(policy.start_date);
        let last = unix_day(policy.end_date).min(today);
        if start > last || policy.coverages.is_empty() {
            return None;
        }
        let tables = InsuranceTables::of(ctx);
        let currency = if tables.country == "DE" { "EUR" } else { "USD" };
        let covers = policy.coverages.len() as u64;
        let coverage = policy
            .coverages
            .iter()
            .nth(below(ctx.rng(), covers) as usize)?;
        let limit = coverage_limit(policy.id, &coverage);
        let deductible = deductible(tables.country, policy.id, &coverage, limit);
        let loss_day = start + below(ctx.rng(), (last - start) as u64 + 1) as i64;
        // Most losses are reported within days, some after months.
        let delay = (log_uniform(ctx.rng(), 1.0, 180.0) as i64 - 1).min(today - loss_day);
        let reported = loss_day + delay;
        // Life covers pay the sum insured; other losses spread from small to above the limit.
        let loss_amount = if policy.product.code == "LIFE" {
            limit
        } else {
            let high = limit.as_f64() * 1.2;
            let low = (limit.as_f64() / 500.0).clamp(1.0, high / 2.0);
            Money::from_cents((log_uniform(ctx.rng(), low, high) * 100.0).round() as i64)
        };
        let covered_amount =
            Money::from_cents((loss_amount.cents() - deductible.cents()).clamp(0, limit.cents()));
        let status = if covered_amount == Money::ZERO {
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
        let weights = causes(tables.german, policy.product.code);
        let total: u64 = weights.iter().map(|(_, w)| w).sum();
        let mut point = below(ctx.rng(), total);
        let cause = weights
            .iter()
            .find(|(_, w)| {
                let hit = point < *w;
                point = point.saturating_sub(*w);
                hit
            })
            .map_or(weights[0].0, |(c, _)| c);
        let date = |day: i64| from_unix_day(day).unwrap_or(policy.start_date);
        Some(InsuranceClaim {
            claim_number: Code::new("CLM", below(ctx.rng(), 10_000_000_000), 10),
            policy_id: policy.id,
            claimant: policy.policy_holder.full_name,
            product_code: policy.product.code,
            coverage_code: coverage.code,
            coverage_name: coverage.name,
            policy_start_date: policy.start_date,
            policy_end_date: policy.end_date,
            loss_date: date(loss_day),
            reported_date: date(reported),
            cause,
            loss_amount,
            coverage_limit: limit,
            deductible,
            covered_amount,
            paid_amount: if status == ClaimStatus::Paid {
                covered_amount
            } else {
                Money::ZERO
            },
            currency,
            status,
            closed_date: closed.map(date),
        })
    }
}

impl Mimic for InsuranceClaim {
    /// A claim under a policy of its own: policies are drawn until one has started.
    fn mimic(ctx: &mut Context<'_>) -> InsuranceClaim {
        loop {
            let policy = InsurancePolicy::mimic(ctx);
            if let Some(claim) = InsuranceClaim::for_policy(ctx, &policy) {
                return claim;
            }
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        InsurancePolicy::visit_tables(visitor);
    }
}

/// A policy's claims, in the order of their losses: none on a policy that has not started
/// (`pending`: nothing can have happened under it yet), one at most on a life policy (it pays
/// its sum once), else as many as the caller asks. Each loss lies between the policy's start
/// and the clock's today or the end of its term, whichever comes first, as an account's
/// transactions lie between its opening and the clock's now.
impl ChildOf<InsurancePolicy> for InsuranceClaim {
    fn mimic_child(
        policy: &InsurancePolicy,
        _: &Siblings<'_, InsuranceClaim>,
        ctx: &mut Context<'_>,
    ) -> InsuranceClaim {
        // A policy that is not pending started by its own clock's today; a claim's clock set
        // earlier than the policy's (a service of its own) dates its losses from the start.
        let today = ctx.today().max(policy.start_date);
        InsuranceClaim::for_policy_until(ctx, policy, today)
            .expect("a started policy has its core cover and a day of loss")
    }

    const COUNTING: Counting = Counting::Capped;

    fn count(policy: &InsurancePolicy, asked: usize) -> usize {
        match (policy.status, policy.product.code) {
            _ if policy.coverages.is_empty() => 0,
            ("pending", _) => 0,
            (_, "LIFE") => asked.min(1),
            _ => asked,
        }
    }

    fn finish(_: &InsurancePolicy, claims: &mut [InsuranceClaim]) {
        claims.sort_by_key(|claim| (claim.loss_date, claim.reported_date));
    }
}
