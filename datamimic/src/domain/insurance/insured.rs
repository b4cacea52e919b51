//! Insured: a person covered by a policy, the holder or a member of the holder's family.

use chrono::NaiveDate;

use crate::domain::common::{FullName, Gender, Person};
use crate::domain::dates::{add_years, from_unix_day, unix_day};
use crate::ident::code::Code;
use crate::sample::{below, chance};
use crate::{ChildOf, Context, Mimic, Siblings};

use super::{InsurancePolicy, RecordId};

/// How an insured person is related to the policy holder.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Relationship {
    /// The policy holder insures themselves.
    PolicyHolder,
    /// The holder's spouse or partner.
    Spouse,
    /// The holder's child.
    Child,
}

/// Lines that insure the holder alone: life, disability, business, boat and pet policies (a
/// pet policy's insured person is its owner).
fn holder_only(product: &str) -> bool {
    matches!(product, "LIFE" | "BERUF" | "BUSI" | "BOAT" | "PET")
}

/// Youngest age at which a family member is insured under a line: a licensed driver under a
/// motor policy (16 in most US states, 18 in Germany), anyone otherwise.
fn minimum_age(country: &str, product: &str) -> u8 {
    match (country, product) {
        ("DE", "AUTO") => 18,
        (_, "AUTO" | "MOTO") => 16,
        _ => 0,
    }
}

/// A person insured under a policy.
///
/// Coherence with the policy ([`Insured::for_policy`]): the holder is insured as
/// `POLICY_HOLDER` with their own name and birthdate; a spouse is an adult within ten years of
/// the holder's age, a child born when the holder was 18 to 45 and not after today; family
/// members share the holder's family name (children always, spouses mostly); lines that insure
/// one person (life, disability, business, boat, pet) insure the holder only, and motor
/// policies only family members of driving age; cover starts on the policy's start or, for a
/// child born later, on the day of birth, and ends with the policy.
///
/// ```
/// use datamimic::domain::insurance::{InsuredService, Relationship};
///
/// let insured = InsuredService::new("DE")?.seed(3).generate();
/// assert!(insured.coverage_start <= insured.coverage_end);
/// assert!(insured.birthdate <= insured.coverage_start);
/// if insured.relationship == Relationship::PolicyHolder {
///     assert!(insured.age >= 18, "holders are adults");
/// }
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(policy: InsurancePolicy))]
#[mimic(let(member: Member, with = Member::draw(policy)))]
pub struct Insured {
    /// Number of the insured person on the policy (`INS-0012345678`).
    #[mimic(from = insured_number)]
    pub insured_id: Code,
    /// The policy's id.
    #[mimic(from = policy.id)]
    pub policy_id: RecordId,
    /// The policy's product code (`AUTO`).
    #[mimic(from = policy.product.code)]
    pub product_code: &'static str,
    /// Relationship to the policy holder.
    #[mimic(from = member.relationship)]
    pub relationship: Relationship,
    /// Given name.
    #[mimic(from = member.given_name)]
    pub given_name: &'static str,
    /// Family name.
    #[mimic(from = member.family_name)]
    pub family_name: &'static str,
    /// Given and family name.
    #[mimic(from = FullName::new(given_name, family_name))]
    pub full_name: FullName,
    /// Gender.
    #[mimic(from = member.gender)]
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = member.birthdate)]
    pub birthdate: NaiveDate,
    /// Age on the clock's today.
    #[mimic(with = age_today(birthdate))]
    pub age: u8,
    /// First day of cover.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = policy.start_date.max(birthdate))]
    pub coverage_start: NaiveDate,
    /// Last day of cover: the policy's end.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    // The insured's number is drawn last (a `let` on the last field comes last).
    #[mimic(let(insured_number: Code, with = insured_code))]
    #[mimic(from = policy.end_date)]
    pub coverage_end: NaiveDate,
}

impl Insured {
    /// A person insured under `policy`: the holder in about half of the records of lines that
    /// insure families, otherwise a spouse or a child where one can be (a child of a holder
    /// old enough, a driver old enough).
    pub fn for_policy(ctx: &mut Context<'_>, policy: &InsurancePolicy) -> Insured {
        <Insured as ChildOf<InsurancePolicy>>::mimic_child(policy, &Siblings::alone(), ctx)
    }
}

/// Who is insured: the holder, or a spouse or child of theirs.
#[derive(Debug, Clone, Copy)]
struct Member {
    relationship: Relationship,
    given_name: &'static str,
    family_name: &'static str,
    gender: Gender,
    birthdate: NaiveDate,
}

impl Member {
    /// The holder in about half of the records of lines that insure families, otherwise a
    /// spouse or a child where one can be.
    fn draw(ctx: &mut Context<'_>, policy: &&InsurancePolicy) -> Member {
        let holder = &policy.policy_holder;
        let today = ctx.today();
        let country = if holder.address.country_code == "DE" {
            "DE"
        } else {
            "US"
        };
        let min_age = minimum_age(country, policy.product.code);
        let mut relationship = Relationship::PolicyHolder;
        if !holder_only(policy.product.code) && chance(ctx.rng(), 0.5) {
            relationship = if chance(ctx.rng(), 0.5) {
                Relationship::Spouse
            } else {
                Relationship::Child
            };
        }
        // A child born when the holder was 18 to 45, up to today and before the policy ends,
        // old enough for the line.
        let child_latest = unix_day(add_years(today, -i32::from(min_age)))
            .min(unix_day(add_years(holder.birthdate, 45)))
            .min(unix_day(policy.end_date));
        let child_earliest = unix_day(add_years(holder.birthdate, 18));
        if relationship == Relationship::Child && child_earliest > child_latest {
            relationship = Relationship::Spouse;
        }
        // A spouse within ten years of the holder's age, adult, old enough for the line.
        let adult = i32::from(min_age.max(18));
        let spouse_latest =
            unix_day(add_years(holder.birthdate, 10)).min(unix_day(add_years(today, -adult)));
        let spouse_earliest = unix_day(add_years(holder.birthdate, -10));
        if relationship == Relationship::Spouse && spouse_earliest > spouse_latest {
            relationship = Relationship::PolicyHolder;
        }
        let (given_name, family_name, gender, birthdate) = match relationship {
            Relationship::PolicyHolder => (
                holder.given_name,
                holder.family_name,
                holder.gender,
                holder.birthdate,
            ),
            Relationship::Spouse | Relationship::Child => {
                let (earliest, latest) = if relationship == Relationship::Child {
                    (child_earliest, child_latest)
                } else {
                    (spouse_earliest, spouse_latest)
                };
                let day = earliest + below(ctx.rng(), (latest - earliest) as u64 + 1) as i64;
                let relative = Person::mimic(ctx);
                // Children carry the holder's name; most spouses do (illustrative share).
                let family = if relationship == Relationship::Child || chance(ctx.rng(), 0.8) {
                    holder.family_name
                } else {
                    relative.family_name
                };
                let birthdate = from_unix_day(day).unwrap_or(holder.birthdate);
                (relative.given_name, family, relative.gender, birthdate)
            }
        };
        Member {
            relationship,
            given_name,
            family_name,
            gender,
            birthdate,
        }
    }
}

/// Whole years from `birthdate` to the clock's today.
fn age_today(ctx: &mut Context<'_>, birthdate: &NaiveDate) -> u8 {
    ctx.today().years_since(*birthdate).unwrap_or(0).min(255) as u8
}

/// An insured's number (`INS-0012345678`).
fn insured_code(ctx: &mut Context<'_>) -> Code {
    Code::new("INS", below(ctx.rng(), 10_000_000_000), 10)
}
