//! Payment: money moved from a payer to a payee by one method, with the timestamps of its
//! life cycle.

use chrono::{DateTime, Utc};

use crate::domain::common::{FullName, Person};
use crate::sample::{below, chance};
use crate::{Context, Mimic, Row};

use crate::domain::amount::log_uniform;
use crate::domain::dates::timestamp;
use crate::domain::money::Money;
use crate::ident::code::Code;
use crate::tables::columns::finance_merchant as merchant;

use super::tables::FinanceTables;

/// How a payment is made.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PaymentMethod {
    /// Credit card.
    CreditCard,
    /// Debit card (in Germany the girocard).
    DebitCard,
    /// US ACH transfer.
    AchTransfer,
    /// Wire transfer.
    WireTransfer,
    /// SEPA credit transfer (Überweisung).
    SepaCreditTransfer,
    /// SEPA instant credit transfer (Echtzeitüberweisung).
    SepaInstant,
    /// SEPA direct debit (Lastschrift).
    SepaDirectDebit,
    /// PayPal.
    Paypal,
    /// Apple Pay.
    ApplePay,
    /// Google Pay.
    GooglePay,
}

impl PaymentMethod {
    /// Whether the method asks the issuer for an authorisation before settling (cards and
    /// the wallets that charge them).
    pub fn is_authorized(self) -> bool {
        matches!(
            self,
            PaymentMethod::CreditCard
                | PaymentMethod::DebitCard
                | PaymentMethod::ApplePay
                | PaymentMethod::GooglePay
                | PaymentMethod::Paypal
        )
    }

    /// The range of seconds from initiation to settlement (illustrative, after the schemes'
    /// rules: SEPA credit transfers settle the next business day, instant ones within ten
    /// seconds, ACH in one to three days, card captures in one to two).
    pub fn settlement_seconds(self) -> (i64, i64) {
        const DAY: i64 = 86_400;
        match self {
            PaymentMethod::SepaInstant => (1, 10),
            PaymentMethod::Paypal => (1, 60),
            PaymentMethod::WireTransfer => (3_600, DAY),
            PaymentMethod::SepaCreditTransfer => (DAY / 2, 3 * DAY),
            PaymentMethod::SepaDirectDebit => (DAY, 5 * DAY),
            PaymentMethod::AchTransfer => (DAY, 3 * DAY),
            _ => (DAY, 2 * DAY),
        }
    }
}

/// Methods with their relative shares per country (illustrative: cards lead in the US,
/// transfers, direct debit and PayPal in Germany's non-cash payments).
const US_METHODS: [(PaymentMethod, u64); 7] = [
    (PaymentMethod::CreditCard, 32),
    (PaymentMethod::DebitCard, 30),
    (PaymentMethod::AchTransfer, 14),
    (PaymentMethod::WireTransfer, 2),
    (PaymentMethod::Paypal, 10),
    (PaymentMethod::ApplePay, 8),
    (PaymentMethod::GooglePay, 4),
];
const DE_METHODS: [(PaymentMethod, u64); 9] = [
    (PaymentMethod::DebitCard, 30),
    (PaymentMethod::SepaCreditTransfer, 18),
    (PaymentMethod::SepaInstant, 5),
    (PaymentMethod::SepaDirectDebit, 15),
    (PaymentMethod::Paypal, 15),
    (PaymentMethod::CreditCard, 9),
    (PaymentMethod::ApplePay, 5),
    (PaymentMethod::GooglePay, 2),
    (PaymentMethod::WireTransfer, 1),
];

/// Where a payment stands.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PaymentStatus {
    /// Submitted, not yet settled (transfers on their way).
    Pending,
    /// Authorised by the issuer, not yet captured.
    Authorized,
    /// Settled: the payee has the money.
    Settled,
    /// Refused (declined, insufficient funds).
    Failed,
    /// Settled, then paid back.
    Refunded,
}

/// Why payments fail (illustrative shares).
const FAILURES: [&str; 4] = [
    "INSUFFICIENT_FUNDS",
    "DECLINED_BY_ISSUER",
    "EXPIRED_INSTRUMENT",
    "SUSPECTED_FRAUD",
];

/// A payment.
///
/// Coherence: the payer is a [`Person`], the payee a merchant of the country with its
/// category; the method is one of the country's; the currency is the country's and the amount
/// positive; `initiated_at ≤ authorized_at ≤ settled_at ≤ refunded_at ≤ now`, each present
/// exactly when the status has passed that step (an authorisation only for card and wallet
/// methods); a payment still within its method's settlement time is pending or authorised; a
/// failed one has a reason and nothing after its authorisation step.
///
/// ```
/// use datamimic::domain::finance::{PaymentService, PaymentStatus};
///
/// let payment = PaymentService::new("DE")?.seed(9).generate();
/// assert!(payment.settled_at.is_none_or(|s| s >= payment.initiated_at));
/// assert_eq!(payment.failure_reason.is_some(), payment.status == PaymentStatus::Failed);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(payer: Person))]
#[mimic(let(payee: Row, with = merchant_row(tables)))]
#[mimic(let(way: PaymentMethod, with = draw_method(tables)))]
#[mimic(let(sum: Money, with = draw_amount))]
#[mimic(let(life: Lifecycle, with = Lifecycle::draw(way)))]
#[mimic(let(id: Code, with = payment_id))]
pub struct Payment {
    /// Payment number (`PAY-0012345678`).
    #[mimic(from = id)]
    pub payment_id: Code,
    /// Who pays.
    #[mimic(from = payer.full_name)]
    pub payer_name: FullName,
    /// Who is paid: a merchant of the country.
    #[mimic(from = payee.cell(merchant::MERCHANT))]
    pub payee_name: &'static str,
    /// The merchant's category.
    #[mimic(from = payee.cell(merchant::CATEGORY))]
    pub payee_category: &'static str,
    /// How.
    #[mimic(from = way)]
    pub method: PaymentMethod,
    /// How much.
    #[mimic(from = sum)]
    pub amount: Money,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = tables.currency)]
    pub currency: &'static str,
    /// Where it stands.
    #[mimic(from = life.status)]
    pub status: PaymentStatus,
    /// When the payer submitted it.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(life.initiated))]
    pub initiated_at: DateTime<Utc>,
    /// When the issuer authorised it.
    #[mimic(from = life.authorized.map(timestamp))]
    pub authorized_at: Option<DateTime<Utc>>,
    /// When it settled.
    #[mimic(from = life.settled.map(timestamp))]
    pub settled_at: Option<DateTime<Utc>>,
    /// When it was paid back.
    #[mimic(from = life.refunded.map(timestamp))]
    pub refunded_at: Option<DateTime<Utc>>,
    /// Why it failed.
    #[mimic(from = life.failure)]
    pub failure_reason: Option<&'static str>,
}

/// A merchant of the finance tables' country, by weight.
fn merchant_row(ctx: &mut Context<'_>, tables: &&FinanceTables) -> Row {
    tables.merchant.sample_row(ctx.rng())
}

/// A method by its share in the country.
fn draw_method(ctx: &mut Context<'_>, tables: &&FinanceTables) -> PaymentMethod {
    let methods: &[(PaymentMethod, u64)] = if tables.country == "DE" {
        &DE_METHODS
    } else {
        &US_METHODS
    };
    let total: u64 = methods.iter().map(|(_, w)| w).sum();
    let mut point = below(ctx.rng(), total);
    methods
        .iter()
        .find(|(_, w)| {
            let hit = point < *w;
            point = point.saturating_sub(*w);
            hit
        })
        .map_or(methods[0].0, |(m, _)| *m)
}

/// From 0.01 to 2,000, log-uniform.
fn draw_amount(ctx: &mut Context<'_>) -> Money {
    Money::from_cents((log_uniform(ctx.rng(), 1.0, 2_000.0) * 100.0) as i64 + 1)
}

/// `PAY-` and ten digits.
fn payment_id(ctx: &mut Context<'_>) -> Code {
    Code::new("PAY", below(ctx.rng(), 10_000_000_000), 10)
}

/// A payment's status and the Unix seconds of its steps.
#[derive(Debug, Clone, Copy)]
struct Lifecycle {
    status: PaymentStatus,
    initiated: i64,
    authorized: Option<i64>,
    settled: Option<i64>,
    refunded: Option<i64>,
    failure: Option<&'static str>,
}

impl Lifecycle {
    /// Initiated within the last 90 days, authorised seconds later (cards and wallets),
    /// settled within the method's time; 3 % fail, 4 % of the settled are refunded.
    fn draw(ctx: &mut Context<'_>, method: &PaymentMethod) -> Lifecycle {
        let method = *method;
        let now = ctx.now().timestamp();
        let initiated = now - below(ctx.rng(), 90 * 86_400) as i64;
        let authorized = method
            .is_authorized()
            .then(|| (initiated + 1 + below(ctx.rng(), 5) as i64).min(now));
        let (low, high) = method.settlement_seconds();
        // Settled after the authorisation, within the method's time from initiation.
        let settles = (initiated + low + below(ctx.rng(), (high - low) as u64 + 1) as i64)
            .max(authorized.unwrap_or(initiated));
        let (status, settled, refunded, failure) = if chance(ctx.rng(), 0.03) {
            let reason = FAILURES[below(ctx.rng(), FAILURES.len() as u64) as usize];
            (PaymentStatus::Failed, None, None, Some(reason))
        } else if settles > now {
            let status = if authorized.is_some() {
                PaymentStatus::Authorized
            } else {
                PaymentStatus::Pending
            };
            (status, None, None, None)
        } else if chance(ctx.rng(), 0.04) {
            let refund = settles + below(ctx.rng(), (now - settles) as u64 + 1) as i64;
            (PaymentStatus::Refunded, Some(settles), Some(refund), None)
        } else {
            (PaymentStatus::Settled, Some(settles), None, None)
        };
        Lifecycle {
            status,
            initiated,
            // A declined card is refused at authorisation: no authorisation time.
            authorized: authorized.filter(|_| status != PaymentStatus::Failed),
            settled,
            refunded,
            failure,
        }
    }
}
