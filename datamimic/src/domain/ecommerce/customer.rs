//! Customer: a shop's customer account, with the person behind it and what they have bought;
//! declared with `#[derive(Mimic)]`.

use chrono::NaiveDate;

use crate::Context;
use crate::domain::amount::log_uniform;
use crate::domain::common::{Address, FullName, Person, PersonalEmail, PhoneNumber};
use crate::domain::dates::{add_years, from_unix_day, unix_day};
use crate::domain::money::Money;
use crate::ident::code::Code;
use crate::sample::{below, chance};

use super::catalog::Catalog;

/// Where a customer stands by recency, the way CRM and e-mail tools segment a shop's base.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Segment {
    /// Signed up within the last 30 days and not ordered yet.
    New,
    /// Signed up earlier and never ordered.
    Prospect,
    /// Last order within 90 days (whenever the sign-up).
    Active,
    /// Last order 91 to 365 days ago.
    AtRisk,
    /// Last order more than a year ago.
    Lapsed,
}

/// Loyalty tier by lifetime spend: [`LoyaltyTier::for_spend`].
#[derive(
    serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LoyaltyTier {
    /// Below 500 currency units.
    Bronze,
    /// 500 to below 2,000.
    Silver,
    /// 2,000 to below 5,000.
    Gold,
    /// 5,000 and more.
    Platinum,
}

impl Segment {
    /// The segment of a customer who signed up on day `signup` and placed `orders` orders,
    /// the latest on day `last`, seen on day `today` (days since 1970).
    fn of(today: i64, signup: i64, orders: u32, last: Option<i64>) -> Segment {
        match last {
            _ if today - signup <= 30 && orders == 0 => Segment::New,
            None => Segment::Prospect,
            Some(last) if today - last <= 90 => Segment::Active,
            Some(last) if today - last <= 365 => Segment::AtRisk,
            Some(_) => Segment::Lapsed,
        }
    }
}

impl LoyaltyTier {
    /// Thresholds of the tiers in cents (illustrative, the usual shape of spend-based
    /// programmes: each tier a few times the one below).
    pub const THRESHOLDS: [i64; 3] = [50_000, 200_000, 500_000];

    /// The tier a lifetime spend earns.
    pub fn for_spend(spend: Money) -> LoyaltyTier {
        match spend.cents() {
            c if c >= Self::THRESHOLDS[2] => LoyaltyTier::Platinum,
            c if c >= Self::THRESHOLDS[1] => LoyaltyTier::Gold,
            c if c >= Self::THRESHOLDS[0] => LoyaltyTier::Silver,
            _ => LoyaltyTier::Bronze,
        }
    }
}

/// An e-commerce customer: the account, the person, and the history the shop keeps.
///
/// Coherence: the person follows the common domain's rules (names, e-mail from the names,
/// address from one row); the customer signed up as an adult, within the last ten years and
/// not after today; `first_order_date ≤ last_order_date` lie between sign-up and today and
/// exist exactly when `order_count > 0`; the lifetime spend is zero without orders; the
/// loyalty tier follows the spend ([`LoyaltyTier::for_spend`]) and the segment follows the
/// dates ([`Segment`]); the payment method is one of the country's.
///
/// ```
/// use datamimic::domain::ecommerce::{CustomerService, LoyaltyTier};
///
/// let customer = CustomerService::new("DE")?.seed(4).generate();
/// assert_eq!(customer.loyalty_tier, LoyaltyTier::for_spend(customer.lifetime_spend));
/// assert!(customer.last_order_date.is_none_or(|d| d >= customer.signup_date));
/// assert_eq!(customer.currency, "EUR");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(
    catalog: &'static Catalog,
    with = Catalog::of,
    tables = ["ecommerce/payment_method", "finance/currency"]
))]
#[mimic(let(person: Person))]
// The shop's history of the customer, in days since 1970: sign-up, orders, spend.
#[mimic(let(today: NaiveDate, with = today))]
#[mimic(let(signup: i64, with = signup_day(today, person)))]
// A quarter of accounts never ordered (illustrative: guest checkouts aside, shops report a
// fifth to a third of registrations without a purchase).
#[mimic(let(never_ordered: bool, chance = 0.25, from = true))]
#[mimic(let(orders: u32, with = order_count(never_ordered)))]
#[mimic(let(first: Option<i64>, with = first_order_day(today, orders, signup)))]
#[mimic(let(last: Option<i64>, with = last_order_day(today, orders, first)))]
#[mimic(let(spend: Money, with = lifetime_spend(orders)))]
pub struct Customer {
    /// The account's number in the form of an order's `user_id` (`USR-00012345`), so an
    /// order generated for the customer can carry it.
    #[mimic(with = user_id)]
    pub customer_id: Code,
    /// Given name.
    #[mimic(from = person.given_name)]
    pub given_name: &'static str,
    /// Family name.
    #[mimic(from = person.family_name)]
    pub family_name: &'static str,
    /// Full name with salutation and title, as the common domain writes it.
    #[mimic(from = person.full_name)]
    pub full_name: FullName,
    /// E-mail address built from the names.
    #[mimic(take = person.email)]
    pub email: PersonalEmail,
    /// Mobile phone of the address's country.
    #[mimic(from = person.mobile_phone)]
    pub phone: PhoneNumber,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = person.birthdate)]
    pub birthdate: NaiveDate,
    /// Shipping address.
    #[mimic(take = person.address)]
    pub address: Address,
    /// Day the account was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = date(signup))]
    pub signup_date: NaiveDate,
    /// Orders placed so far.
    #[mimic(from = orders)]
    pub order_count: u32,
    /// Day of the first order, if any.
    #[mimic(from = first.map(date))]
    pub first_order_date: Option<NaiveDate>,
    /// Day of the latest order, if any.
    #[mimic(from = last.map(date))]
    pub last_order_date: Option<NaiveDate>,
    /// What the orders came to, in the country's currency.
    #[mimic(from = spend)]
    pub lifetime_spend: Money,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = catalog.currency)]
    pub currency: &'static str,
    /// Recency segment.
    #[mimic(from = Segment::of(unix_day(today), signup, orders, last))]
    pub segment: Segment,
    /// Spend-based loyalty tier.
    #[mimic(from = LoyaltyTier::for_spend(spend))]
    pub loyalty_tier: LoyaltyTier,
    /// Payment method from `ecommerce/payment_method`.
    #[mimic(with = payment_method(catalog))]
    pub preferred_payment_method: &'static str,
    /// Whether the customer agreed to marketing e-mail.
    #[mimic(with = marketing_opt_in)]
    pub marketing_opt_in: bool,
}

/// Share of customers opting in to marketing e-mail (illustrative).
const OPT_IN: f64 = 0.45;

/// A shop account's number (`USR-00012345`): a customer's id, an order's `user_id`.
pub(crate) fn user_id(ctx: &mut Context<'_>) -> Code {
    Code::new("USR", below(ctx.rng(), 100_000_000), 8)
}

/// The sign-up day: as an adult, within the last ten years and not after today.
fn today(ctx: &mut Context<'_>) -> NaiveDate {
    ctx.today()
}

fn signup_day(ctx: &mut Context<'_>, today: &NaiveDate, person: &Person) -> i64 {
    let ten_years = unix_day(add_years(*today, -10));
    let today = unix_day(*today);
    let adult = unix_day(add_years(person.birthdate, 18));
    let earliest = adult.max(ten_years).min(today);
    earliest + below(ctx.rng(), (today - earliest) as u64 + 1) as i64
}

/// Order counts are skewed: many one-time buyers, a few regulars.
fn order_count(ctx: &mut Context<'_>, never_ordered: &bool) -> u32 {
    if *never_ordered {
        0
    } else {
        log_uniform(ctx.rng(), 1.0, 60.0) as u32
    }
}

/// The first order's day, between sign-up and today.
fn first_order_day(
    ctx: &mut Context<'_>,
    today: &NaiveDate,
    orders: &u32,
    signup: &i64,
) -> Option<i64> {
    let today = unix_day(*today);
    (*orders > 0).then(|| signup + below(ctx.rng(), (today - signup) as u64 + 1) as i64)
}

/// The latest order's day, between the first and today.
fn last_order_day(
    ctx: &mut Context<'_>,
    today: &NaiveDate,
    orders: &u32,
    first: &Option<i64>,
) -> Option<i64> {
    let today = unix_day(*today);
    first.map(|first| match orders {
        1 => first,
        _ => first + below(ctx.rng(), (today - first) as u64 + 1) as i64,
    })
}

/// Average order values of 20 to 200 currency units (illustrative), times the orders.
fn lifetime_spend(ctx: &mut Context<'_>, orders: &u32) -> Money {
    if *orders == 0 {
        return Money::ZERO;
    }
    let average = log_uniform(ctx.rng(), 20.0, 200.0);
    Money::from_cents((average * f64::from(*orders) * 100.0).round() as i64)
}

fn date(day: i64) -> NaiveDate {
    from_unix_day(day).unwrap_or(NaiveDate::MIN)
}

fn payment_method(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> &'static str {
    catalog.payment.sample_row(ctx.rng()).value()
}

fn marketing_opt_in(ctx: &mut Context<'_>) -> bool {
    chance(ctx.rng(), OPT_IN)
}
