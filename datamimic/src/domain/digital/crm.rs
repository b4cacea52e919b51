//! CrmRecord (`CRM`): a contact in a sales pipeline, with its source, stage, owner,
//! interactions and value, declared with `#[derive(Mimic)]`.

use chrono::{DateTime, Utc};

use crate::domain::amount::log_uniform;
use crate::domain::common::{FullName, Person, PhoneNumber};
use crate::domain::dates::timestamp;
use crate::domain::money::Money;
use crate::sample::below;
use crate::{Context, Mimic};

use super::AccountOwner;

/// Where a lead came from (illustrative shares).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LeadSource {
    /// Search engine results.
    #[mimic(weight = 30)]
    OrganicSearch,
    /// Search advertising.
    #[mimic(weight = 15)]
    PaidSearch,
    /// Recommended by a customer.
    #[mimic(weight = 15)]
    Referral,
    /// Social networks.
    #[mimic(weight = 15)]
    SocialMedia,
    /// A newsletter or campaign.
    #[mimic(weight = 10)]
    EmailCampaign,
    /// A trade fair or event.
    #[mimic(weight = 5)]
    Event,
    /// Came to the website directly.
    #[mimic(weight = 10)]
    Direct,
}

/// The pipeline stage, in order; most contacts never become customers (illustrative shares).
#[derive(
    crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Stage {
    /// Known, not yet qualified.
    #[mimic(weight = 35)]
    Lead,
    /// Qualified as a prospect.
    #[mimic(weight = 20)]
    Qualified,
    /// An offer is under discussion.
    #[mimic(weight = 12)]
    Opportunity,
    /// Bought.
    #[mimic(weight = 25)]
    Customer,
    /// Bought, then left.
    #[mimic(weight = 8)]
    Churned,
}

impl Stage {
    /// Whether the contact has bought (customers and churned customers).
    pub fn has_bought(self) -> bool {
        matches!(self, Stage::Customer | Stage::Churned)
    }
}

/// How an interaction took place.
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InteractionChannel {
    /// An e-mail.
    #[mimic(weight = 45)]
    Email,
    /// A phone call.
    #[mimic(weight = 25)]
    Call,
    /// A meeting.
    #[mimic(weight = 10)]
    Meeting,
    /// A chat on the website.
    #[mimic(weight = 20)]
    Chat,
}

/// One contact with the customer.
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
pub struct Interaction {
    /// When; set in order by the record.
    #[mimic(skip)]
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub date: DateTime<Utc>,
    /// How.
    pub channel: InteractionChannel,
    /// Whether the customer started it.
    #[mimic(values = [true, false], weights = [35, 65])]
    pub inbound: bool,
}

/// A customer-relationship record.
///
/// Coherence: name, e-mail and phone are one person's; the owner is a different person (a
/// sales representative); the record was created within the last five years and not after
/// now; the interactions lie between creation and now, in order, and the last contact is the
/// latest of them; a contact further down the pipeline has had more interactions; only
/// contacts who bought have a lifetime value and a customer-since date, between creation and
/// their last contact.
///
/// ```
/// use datamimic::domain::digital::CrmService;
///
/// let record = CrmService::new("US")?.seed(4).generate();
/// assert!(record.interactions.windows(2).all(|w| w[0].date <= w[1].date));
/// assert_eq!(record.last_contact, record.interactions.last().map(|i| i.date));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct CrmRecord {
    /// Record number (`CRM-00012345`).
    #[mimic(pattern = "CRM-########")]
    pub customer_id: String,
    /// The contact.
    pub contact: AccountOwner,
    /// The contact's mobile phone.
    #[mimic(with = mobile_phone)]
    pub phone: PhoneNumber,
    /// Where the lead came from.
    pub lead_source: LeadSource,
    /// Pipeline stage.
    pub stage: Stage,
    /// The sales representative in charge.
    #[mimic(with = representative)]
    pub owner: FullName,
    /// When the record was created.
    #[mimic(with = created_date)]
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_date: DateTime<Utc>,
    /// Contacts with the customer, oldest first.
    #[mimic(with = interactions(created_date, stage))]
    pub interactions: Vec<Interaction>,
    /// The latest interaction's date.
    #[mimic(with = last_contact(interactions))]
    pub last_contact: Option<DateTime<Utc>>,
    /// When the contact first bought, for customers.
    #[mimic(with = customer_since(created_date, last_contact, stage))]
    pub customer_since: Option<DateTime<Utc>>,
    /// What the customer has spent, in the country's currency; zero before a purchase.
    #[mimic(with = lifetime_value(stage))]
    pub lifetime_value: Money,
}

/// Records were created over the last five years.
const HISTORY_SECONDS: u64 = 5 * 365 * 86_400;

fn mobile_phone(ctx: &mut Context<'_>) -> PhoneNumber {
    Person::mimic(ctx).mobile_phone
}

fn representative(ctx: &mut Context<'_>) -> FullName {
    AccountOwner::mimic(ctx).full_name
}

fn created_date(ctx: &mut Context<'_>) -> DateTime<Utc> {
    timestamp(ctx.now().timestamp() - below(ctx.rng(), HISTORY_SECONDS) as i64)
}

/// One to three interactions per stage reached, dated in order between creation and now.
fn interactions(ctx: &mut Context<'_>, created: &DateTime<Utc>, stage: &Stage) -> Vec<Interaction> {
    let reached = *stage as u64 + 1;
    let count = reached + below(ctx.rng(), 2 * reached + 1);
    let (start, now) = (created.timestamp(), ctx.now().timestamp());
    let mut times: Vec<i64> = (0..count)
        .map(|_| start + below(ctx.rng(), (now - start) as u64 + 1) as i64)
        .collect();
    times.sort_unstable();
    times
        .into_iter()
        .map(|t| Interaction {
            date: timestamp(t),
            ..Interaction::mimic(ctx)
        })
        .collect()
}

fn last_contact(_: &mut Context<'_>, interactions: &[Interaction]) -> Option<DateTime<Utc>> {
    interactions.last().map(|i| i.date)
}

fn customer_since(
    ctx: &mut Context<'_>,
    created: &DateTime<Utc>,
    last_contact: &Option<DateTime<Utc>>,
    stage: &Stage,
) -> Option<DateTime<Utc>> {
    if !stage.has_bought() {
        return None;
    }
    let start = created.timestamp();
    let end = last_contact.map_or(start, |t| t.timestamp()).max(start);
    Some(timestamp(
        start + below(ctx.rng(), (end - start) as u64 + 1) as i64,
    ))
}

/// Spend of a customer, 50 to 20,000 currency units, log-uniform (illustrative).
fn lifetime_value(ctx: &mut Context<'_>, stage: &Stage) -> Money {
    if stage.has_bought() {
        Money::from_cents((log_uniform(ctx.rng(), 50.0, 20_000.0) * 100.0).round() as i64)
    } else {
        Money::ZERO
    }
}
