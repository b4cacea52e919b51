//! Customer: a shop's customer account, with the person behind it and what they have bought.

use chrono::NaiveDate;

use crate::domain::common::{Address, FullName, Person, PersonalEmail, PhoneNumber};
use crate::domain::finance::{add_years, from_unix_day, log_uniform, unix_day};
use crate::sample::{below, chance};
use crate::{Context, Mimic, TableUse, tables};

use super::catalog::Catalog;
use super::money::Money;
use crate::ident::code::Code;

/// Where a customer stands by recency, the way CRM and e-mail tools segment a shop's base.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Customer {
    /// The account's number in the form of an order's `user_id` (`USR-00012345`), so an
    /// order generated for the customer can carry it.
    pub customer_id: Code,
    /// Given name.
    pub given_name: &'static str,
    /// Family name.
    pub family_name: &'static str,
    /// Full name with salutation and title, as the common domain writes it.
    pub full_name: FullName,
    /// E-mail address built from the names.
    pub email: PersonalEmail,
    /// Mobile phone of the address's country.
    pub phone: PhoneNumber,
    /// Date of birth.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub birthdate: NaiveDate,
    /// Shipping address.
    pub address: Address,
    /// Day the account was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub signup_date: NaiveDate,
    /// Orders placed so far.
    pub order_count: u32,
    /// Day of the first order, if any.
    pub first_order_date: Option<NaiveDate>,
    /// Day of the latest order, if any.
    pub last_order_date: Option<NaiveDate>,
    /// What the orders came to, in the country's currency.
    pub lifetime_spend: Money,
    /// ISO 4217 code of the country's currency.
    pub currency: &'static str,
    /// Recency segment.
    pub segment: Segment,
    /// Spend-based loyalty tier.
    pub loyalty_tier: LoyaltyTier,
    /// Payment method from `ecommerce/payment_method`.
    pub preferred_payment_method: &'static str,
    /// Whether the customer agreed to marketing e-mail.
    pub marketing_opt_in: bool,
}

/// Share of accounts that never ordered (illustrative: guest checkouts aside, shops report a
/// fifth to a third of registrations without a purchase).
const NEVER_ORDERED: f64 = 0.25;
/// Share of customers opting in to marketing e-mail (illustrative).
const OPT_IN: f64 = 0.45;

impl Mimic for Customer {
    fn mimic(ctx: &mut Context<'_>) -> Customer {
        let catalog = Catalog::of(ctx);
        let person = Person::mimic(ctx);
        let today = unix_day(ctx.today());
        let adult = unix_day(add_years(person.birthdate, 18));
        let ten_years = unix_day(add_years(ctx.today(), -10));
        let earliest = adult.max(ten_years).min(today);
        let signup = earliest + below(ctx.rng(), (today - earliest) as u64 + 1) as i64;
        let (order_count, first, last, spend) = if chance(ctx.rng(), NEVER_ORDERED) {
            (0, None, None, Money::ZERO)
        } else {
            // Order counts are skewed: many one-time buyers, a few regulars.
            let count = log_uniform(ctx.rng(), 1.0, 60.0) as u32;
            let first = signup + below(ctx.rng(), (today - signup) as u64 + 1) as i64;
            let last = if count == 1 {
                first
            } else {
                first + below(ctx.rng(), (today - first) as u64 + 1) as i64
            };
            // Average order values of 20 to 200 currency units (illustrative).
            let average = log_uniform(ctx.rng(), 20.0, 200.0);
            let spend = Money::from_cents((average * f64::from(count) * 100.0).round() as i64);
            (count, Some(first), Some(last), spend)
        };
        let segment = match last {
            _ if today - signup <= 30 && order_count == 0 => Segment::New,
            None => Segment::Prospect,
            Some(last) if today - last <= 90 => Segment::Active,
            Some(last) if today - last <= 365 => Segment::AtRisk,
            Some(_) => Segment::Lapsed,
        };
        let date = |day: i64| from_unix_day(day).unwrap_or(NaiveDate::MIN);
        Customer {
            customer_id: Code::new("USR", below(ctx.rng(), 100_000_000), 8),
            given_name: person.given_name,
            family_name: person.family_name,
            full_name: person.full_name,
            email: person.email,
            phone: person.mobile_phone,
            birthdate: person.birthdate,
            address: person.address,
            signup_date: date(signup),
            order_count,
            first_order_date: first.map(date),
            last_order_date: last.map(date),
            lifetime_spend: spend,
            currency: catalog.currency,
            segment,
            loyalty_tier: LoyaltyTier::for_spend(spend),
            preferred_payment_method: catalog.payment.sample_row(ctx.rng()).value(),
            marketing_opt_in: chance(ctx.rng(), OPT_IN),
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        for family in [&tables::ECOMMERCE_PAYMENT_METHOD, &tables::FINANCE_CURRENCY] {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
        Person::visit_tables(visitor);
    }
}
