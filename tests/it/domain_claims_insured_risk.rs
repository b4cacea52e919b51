//! Claims, insured persons and risk profiles of insurance policies: a claim's loss inside its
//! policy's period, reported after it, its amount within the limit after the deductible; an
//! insured person related to the holder as stated; a risk class monotone in its factors.
//!
//! Each check runs over 100,000 policies for US and DE; the records of a policy come from
//! its `for_policy` function, so the test sees both.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use datamimic::domain::ecommerce::Money;
use datamimic::domain::insurance::{
    ClaimStatus, InsuranceClaim, InsuranceClaimService, InsurancePolicy, InsurancePolicyService,
    Insured, InsuredService, RecordId, Relationship, RiskClass, RiskFactors, RiskProfile,
    RiskProfileService,
};
use datamimic::{Clock, Context};

const POLICIES: u64 = 100_000;

/// Each policy of `country` with a context to generate its records in.
fn each_policy(
    country: &str,
    settings: &datamimic::Settings,
    mut check: impl FnMut(&InsurancePolicy, &mut Context<'_>),
) {
    let policies = InsurancePolicyService::new(country).unwrap().seed(41);
    for i in 0..POLICIES {
        let policy = policies.record(i);
        let mut ctx = Context::new(settings, i);
        check(&policy, &mut ctx);
    }
}

fn check_claim(policy: &InsurancePolicy, claim: &InsuranceClaim, today: NaiveDate) {
    assert_eq!(claim.policy_id, policy.id);
    assert_eq!(claim.product_code, policy.product.code);
    assert_eq!(claim.claimant, policy.policy_holder.full_name);
    assert!(
        policy.start_date <= claim.loss_date && claim.loss_date <= policy.end_date,
        "{claim:?}"
    );
    assert!(claim.loss_date <= claim.reported_date && claim.reported_date <= today);
    let cover = policy
        .coverages
        .iter()
        .find(|c| c.code == claim.coverage_code)
        .expect("a coverage the policy took");
    assert_eq!(cover.name, claim.coverage_name);
    assert!(claim.coverage_limit.cents() >= cover.min_coverage as i64 * 100);
    assert!(claim.coverage_limit.cents() <= cover.max_coverage as i64 * 100);
    assert!(claim.deductible >= Money::ZERO && claim.deductible < claim.coverage_limit);
    let expected = (claim.loss_amount.cents() - claim.deductible.cents())
        .clamp(0, claim.coverage_limit.cents());
    assert_eq!(claim.covered_amount.cents(), expected, "{claim:?}");
    assert!(claim.covered_amount <= claim.coverage_limit);
    match claim.status {
        ClaimStatus::Paid => assert_eq!(claim.paid_amount, claim.covered_amount),
        _ => assert_eq!(claim.paid_amount, Money::ZERO),
    }
    assert_eq!(
        claim.covered_amount == Money::ZERO,
        claim.status == ClaimStatus::ClosedWithoutPayment
    );
    assert_eq!(claim.status.is_closed(), claim.closed_date.is_some());
    if let Some(closed) = claim.closed_date {
        assert!(claim.reported_date <= closed && closed <= today);
    }
    if policy.product.code == "LIFE" {
        assert_eq!(claim.loss_amount, claim.coverage_limit);
    }
}

#[test]
fn claims_fall_inside_their_policy_and_pay_within_limit_and_deductible() {
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let claims = InsuranceClaimService::new(country).unwrap().seed(42);
        let settings = claims.service().settings();
        let today = Clock::anchor().today();
        let mut limits: HashMap<(RecordId, &str), (Money, Money)> = HashMap::new();
        let (mut with, mut without) = (0, 0);
        let mut causes: HashMap<&str, HashSet<&str>> = HashMap::new();
        let mut statuses = HashSet::new();
        each_policy(country, settings, |policy, ctx| {
            let started = policy.start_date <= today;
            // Two claims of one policy: the same limit and deductible for one coverage.
            for _ in 0..2 {
                let Some(claim) = InsuranceClaim::for_policy(ctx, policy) else {
                    assert!(!started, "a started policy can have claims");
                    without += 1;
                    return;
                };
                with += 1;
                check_claim(policy, &claim, today);
                assert_eq!(claim.currency, currency);
                let terms = (claim.coverage_limit, claim.deductible);
                assert_eq!(
                    *limits
                        .entry((policy.id, claim.coverage_code))
                        .or_insert(terms),
                    terms
                );
                causes
                    .entry(claim.product_code)
                    .or_default()
                    .insert(claim.cause);
                statuses.insert(claim.status);
            }
        });
        assert!(
            with > POLICIES && without > 0,
            "{country}: {with} claims, {without} pending"
        );
        assert_eq!(statuses.len(), 6, "{country}: every status occurs");
        // Causes belong to their line: no cause is shared by motor and health claims.
        let motor = &causes["AUTO"];
        assert!(causes["HLTH"].is_disjoint(motor), "{country}");
        // The standalone service draws its own policy: the same invariants hold.
        for i in 0..1_000 {
            let claim = claims.record(i);
            assert!(
                claim.policy_start_date <= claim.loss_date
                    && claim.loss_date <= claim.policy_end_date
            );
            assert!(
                claim.loss_date <= claim.reported_date
                    && claim.covered_amount <= claim.coverage_limit
            );
        }
    }
}

fn years_between(earlier: NaiveDate, later: NaiveDate) -> i32 {
    later.years_since(earlier).map_or(-1, |y| y as i32)
}

#[test]
fn insured_persons_are_the_holder_or_family_of_fitting_age() {
    for country in ["US", "DE"] {
        let service = InsuredService::new(country).unwrap().seed(43);
        let settings = service.service().settings();
        let today = Clock::anchor().today();
        let mut seen = HashSet::new();
        each_policy(country, settings, |policy, ctx| {
            let insured = Insured::for_policy(ctx, policy);
            let holder = &policy.policy_holder;
            assert_eq!(insured.policy_id, policy.id);
            assert_eq!(insured.coverage_end, policy.end_date);
            assert_eq!(
                insured.coverage_start,
                policy.start_date.max(insured.birthdate)
            );
            assert!(
                insured.coverage_start <= insured.coverage_end,
                "{insured:?}"
            );
            assert!(insured.birthdate <= today);
            assert_eq!(insured.age as i32, years_between(insured.birthdate, today));
            assert_eq!(insured.full_name.family(), insured.family_name);
            match insured.relationship {
                Relationship::PolicyHolder => {
                    assert_eq!(insured.given_name, holder.given_name);
                    assert_eq!(insured.family_name, holder.family_name);
                    assert_eq!(insured.birthdate, holder.birthdate);
                }
                Relationship::Spouse => {
                    assert!(insured.age >= 18);
                    let gap = (insured.birthdate - holder.birthdate).num_days().abs();
                    assert!(gap <= 3_653 + 2, "{gap} days");
                }
                Relationship::Child => {
                    assert_eq!(insured.family_name, holder.family_name);
                    let parent_age = years_between(holder.birthdate, insured.birthdate);
                    assert!((18..=45).contains(&parent_age), "{parent_age}");
                }
            }
            if matches!(
                policy.product.code,
                "LIFE" | "BERUF" | "BUSI" | "BOAT" | "PET"
            ) {
                assert_eq!(insured.relationship, Relationship::PolicyHolder);
            }
            if policy.product.code == "AUTO" {
                let min = if country == "DE" { 18 } else { 16 };
                assert!(insured.relationship == Relationship::PolicyHolder || insured.age >= min);
            }
            seen.insert(insured.relationship);
        });
        assert_eq!(seen.len(), 3, "{country}");
        let _ = service.record(0);
    }
}

#[test]
fn risk_class_follows_the_factors_and_never_improves_with_them() {
    // Monotone over a grid of the factors: one more year, condition, claim or smoking never
    // lowers the score or the class.
    for age in 0..=110u8 {
        for conditions in 0..6u8 {
            for claims in 0..6u8 {
                for smoker in [false, true] {
                    for bmi in [17.0, 22.0, 31.0, 37.0] {
                        let base = RiskFactors {
                            age,
                            conditions,
                            claims,
                            smoker,
                            bmi,
                        };
                        let score = base.score();
                        assert!(score <= 100);
                        for worse in [
                            RiskFactors {
                                age: age + 1,
                                ..base
                            },
                            RiskFactors {
                                conditions: conditions + 1,
                                ..base
                            },
                            RiskFactors {
                                claims: claims + 1,
                                ..base
                            },
                            RiskFactors {
                                smoker: true,
                                ..base
                            },
                        ] {
                            assert!(worse.score() >= score);
                            assert!(
                                RiskClass::of_score(worse.score()) >= RiskClass::of_score(score)
                            );
                        }
                    }
                }
            }
        }
    }
    for country in ["US", "DE"] {
        let service = RiskProfileService::new(country).unwrap().seed(44);
        let settings = service.service().settings();
        let mut classes = HashSet::new();
        let (mut smokers, mut by_conditions) = (0u64, [(0u64, 0u64); 4]);
        each_policy(country, settings, |policy, ctx| {
            let profile = RiskProfile::for_policy(ctx, policy);
            assert_eq!(profile.policy_id, policy.id);
            assert_eq!(profile.birthdate, policy.policy_holder.birthdate);
            assert_eq!(profile.age, policy.policy_holder.age);
            assert_eq!(profile.risk_score, profile.factors().score());
            assert_eq!(profile.risk_class, RiskClass::of_score(profile.risk_score));
            assert_eq!(
                profile.premium_loading_percent,
                profile.risk_class.premium_loading_percent()
            );
            assert!(profile.assessed_date <= Clock::anchor().today());
            let obese = profile
                .health_conditions
                .iter()
                .any(|c| c.icd10_code.starts_with("E66"));
            if obese {
                assert!(profile.bmi >= 30.0, "{profile:?}");
            }
            smokers += u64::from(profile.smoker);
            let n = profile.health_conditions.len().min(3);
            by_conditions[n].0 += 1;
            by_conditions[n].1 += u64::from(profile.risk_score);
            classes.insert(profile.risk_class);
        });
        assert_eq!(classes.len(), 5, "{country}: every class occurs");
        let share = smokers as f64 / POLICIES as f64;
        let expected = if country == "DE" { 0.189 } else { 0.115 };
        assert!((share - expected).abs() < 0.01, "{country}: {share}");
        // More conditions, a higher average score.
        let mean = |(n, sum): (u64, u64)| sum as f64 / n.max(1) as f64;
        for k in 0..3 {
            if by_conditions[k + 1].0 > 100 {
                assert!(
                    mean(by_conditions[k + 1]) > mean(by_conditions[k]),
                    "{country} {k}"
                );
            }
        }
    }
}
