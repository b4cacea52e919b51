//! RiskProfile: an underwriter's assessment of a policy holder, a score and a class that
//! follow from age, health and claims history.

use chrono::NaiveDate;

use crate::domain::common::{FullName, Gender};
use crate::domain::halves::Halves;
use crate::domain::healthcare::{Clinical, Condition, Selection, draw_body};
use crate::ident::code::Code;
use crate::sample::{below, chance, unit_f64};
use crate::{ChildOf, Context, Mimic, Siblings};

use super::{InsurancePolicy, RecordId};

/// Underwriting class, best first; each class is a premium band.
#[derive(
    serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RiskClass {
    /// Score below 15.
    PreferredPlus,
    /// Score 15 to 29.
    Preferred,
    /// Score 30 to 49.
    Standard,
    /// Score 50 to 74: insurable with a loading.
    Substandard,
    /// Score 75 and above: not insurable on standard terms.
    Declined,
}

impl RiskClass {
    /// The class of a score.
    pub fn of_score(score: u8) -> RiskClass {
        match score {
            0..=14 => RiskClass::PreferredPlus,
            15..=29 => RiskClass::Preferred,
            30..=49 => RiskClass::Standard,
            50..=74 => RiskClass::Substandard,
            _ => RiskClass::Declined,
        }
    }

    /// The premium loading of the class in percent (negative: a discount); none for a declined
    /// risk.
    pub fn premium_loading_percent(self) -> Option<i16> {
        match self {
            RiskClass::PreferredPlus => Some(-20),
            RiskClass::Preferred => Some(-10),
            RiskClass::Standard => Some(0),
            RiskClass::Substandard => Some(50),
            RiskClass::Declined => None,
        }
    }
}

/// What an assessment reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskFactors {
    /// Age in years.
    pub age: u8,
    /// Number of diagnosed chronic conditions.
    pub conditions: u8,
    /// Claims in the last five years.
    pub claims: u8,
    /// Whether the person smokes.
    pub smoker: bool,
    /// Body-mass index.
    pub bmi: f64,
}

impl RiskFactors {
    /// The risk score, 0 to 100: half a point a year past 25, 10 points a condition, 8 a
    /// claim, 15 for smoking, 5 for underweight (BMI below 18.5), 8 for obesity (30 and up)
    /// and 15 for severe obesity (35 and up), capped at 100. Non-decreasing in age,
    /// conditions, claims and smoking, so the class is too (a points table in the manner of
    /// life underwriting manuals; the points are illustrative).
    pub fn score(&self) -> u8 {
        let age = u32::from(self.age.saturating_sub(25)) / 2;
        let bmi = if self.bmi >= 35.0 {
            15
        } else if self.bmi >= 30.0 {
            8
        } else if self.bmi < 18.5 {
            5
        } else {
            0
        };
        let points = age
            + 10 * u32::from(self.conditions)
            + 8 * u32::from(self.claims)
            + if self.smoker { 15 } else { 0 }
            + bmi;
        points.min(100) as u8
    }
}

/// Adult smoking prevalence: US 11.5 % of adults smoked cigarettes in 2021 (CDC, National
/// Health Interview Survey); Germany 18.9 % of people aged 15 and over smoked in 2021
/// (Destatis, Mikrozensus 2021). Published.
fn smoking_share(country: &str) -> f64 {
    if country == "DE" { 0.189 } else { 0.115 }
}

/// Mean number of claims per policy year (illustrative: a few claims per ten policy years).
const CLAIMS_PER_YEAR: f64 = 0.12;

/// An underwriting risk profile of a policy holder.
///
/// Coherence ([`RiskProfile::for_policy`]): the person is the policy's holder; the conditions
/// follow the country's age- and sex-specific prevalence (the healthcare domain's), the BMI
/// the country's body measures and agrees with an obesity diagnosis; smoking follows the
/// country's published prevalence; the score is [`RiskFactors::score`] of the profile's own
/// fields and the class [`RiskClass::of_score`] of the score, so the class never improves
/// with age, conditions, claims or smoking.
///
/// ```
/// use datamimic::domain::insurance::{RiskClass, RiskProfileService};
///
/// let profile = RiskProfileService::new("US")?.seed(1).generate();
/// assert_eq!(profile.risk_score, profile.factors().score());
/// assert_eq!(profile.risk_class, RiskClass::of_score(profile.risk_score));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(policy: InsurancePolicy, count = 1))]
#[mimic(let(clinical: &'static Clinical, with = Clinical::here, tables = [
    "healthcare/blood_type", "healthcare/condition", "healthcare/condition_prevalence",
    "healthcare/medication", "healthcare/allergy", "healthcare/insurance_provider",
    "healthcare/insurance_coverage",
]))]
#[mimic(let(health: Health, with = Health::draw(policy, clinical)))]
pub struct RiskProfile {
    /// Assessment number (`RSK-0012345678`).
    #[mimic(from = profile_number)]
    pub profile_id: Code,
    /// The policy's id.
    #[mimic(from = policy.id)]
    pub policy_id: RecordId,
    /// The policy holder assessed.
    #[mimic(from = policy.policy_holder.full_name)]
    pub full_name: FullName,
    /// Gender.
    #[mimic(from = policy.policy_holder.gender)]
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = policy.policy_holder.birthdate)]
    pub birthdate: NaiveDate,
    /// Age on the clock's today.
    #[mimic(from = policy.policy_holder.age)]
    pub age: u8,
    /// Whether the person smokes.
    #[mimic(with = smokes(clinical))]
    pub smoker: bool,
    /// Body-mass index, to one decimal.
    #[mimic(from = health.bmi)]
    pub bmi: f64,
    /// Diagnosed chronic conditions with their ICD-10 codes.
    #[mimic(from = Selection::new(&clinical.condition_list, health.conditions))]
    pub health_conditions: Selection<Condition>,
    /// Claims filed in the last five years.
    #[mimic(with = claims_in_five_years)]
    pub claims_last_5_years: u8,
    /// Score, 0 (best) to 100.
    #[mimic(from = RiskFactors {
        age,
        conditions: health_conditions.len() as u8,
        claims: claims_last_5_years,
        smoker,
        bmi,
    }.score())]
    pub risk_score: u8,
    /// Class of the score.
    #[mimic(from = RiskClass::of_score(risk_score))]
    pub risk_class: RiskClass,
    /// Premium loading of the class in percent; empty for a declined risk.
    #[mimic(from = risk_class.premium_loading_percent())]
    pub premium_loading_percent: Option<i16>,
    /// Day of the assessment: the day the policy was signed.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    // The assessment number is drawn last (a `let` on the last field comes last).
    #[mimic(let(profile_number: Code, with = profile_code))]
    #[mimic(from = policy.created_date.date_naive())]
    pub assessed_date: NaiveDate,
}

impl RiskProfile {
    /// The factors the profile was scored on.
    pub fn factors(&self) -> RiskFactors {
        RiskFactors {
            age: self.age,
            conditions: self.health_conditions.len() as u8,
            claims: self.claims_last_5_years,
            smoker: self.smoker,
            bmi: self.bmi,
        }
    }

    /// The risk profile of `policy`'s holder.
    pub fn for_policy(ctx: &mut Context<'_>, policy: &InsurancePolicy) -> RiskProfile {
        <RiskProfile as ChildOf<InsurancePolicy>>::mimic_child(policy, &Siblings::alone(), ctx)
    }
}

/// The holder's chronic conditions (by the country's age- and sex-specific prevalence) and a
/// body-mass index that agrees with an obesity diagnosis.
#[derive(Debug, Clone, Copy)]
struct Health {
    /// The conditions, as a set over the clinical condition list.
    conditions: u128,
    bmi: f64,
}

impl Health {
    fn draw(ctx: &mut Context<'_>, policy: &&InsurancePolicy, clinical: &&Clinical) -> Health {
        let holder = &policy.policy_holder;
        let (sex, female) = match holder.gender {
            Gender::Male => (0, 0.0),
            Gender::Female => (1, 1.0),
            Gender::Other => (2, 0.5),
        };
        let mut halves = Halves::default();
        let conditions = clinical.odds.draw(ctx.rng(), &mut halves, sex, holder.age);
        let obese = conditions & clinical.obesity != 0;
        let (_, _, bmi) = draw_body(ctx.rng(), clinical.country, female, holder.age, obese);
        Health { conditions, bmi }
    }
}

/// Whether the holder smokes, by the country's published prevalence.
fn smokes(ctx: &mut Context<'_>, clinical: &&Clinical) -> bool {
    chance(ctx.rng(), smoking_share(clinical.country))
}

/// Claims in five policy years.
fn claims_in_five_years(ctx: &mut Context<'_>) -> u8 {
    poisson(ctx, CLAIMS_PER_YEAR * 5.0)
}

/// An assessment number (`RSK-0012345678`).
fn profile_code(ctx: &mut Context<'_>) -> Code {
    Code::new("RSK", below(ctx.rng(), 10_000_000_000), 10)
}

/// A Poisson count with mean `mean` (Knuth's product of uniforms; the means here are small).
fn poisson(ctx: &mut Context<'_>, mean: f64) -> u8 {
    let limit = (-mean).exp();
    let mut product = unit_f64(ctx.rng());
    let mut count = 0u8;
    while product > limit && count < u8::MAX {
        product *= unit_f64(ctx.rng());
        count += 1;
    }
    count
}
