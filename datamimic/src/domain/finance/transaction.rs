//! Transaction: one booking on an account, in the account's currency.

use std::fmt;

use chrono::{DateTime, Utc};

use rand::Rng;

use crate::sample::{below, chance, unit_f64};
use crate::{Context, Mimic, MimicRng, TableUse};

use super::bank_account::timestamp;
use super::tables::{CITY_NAME, FinanceTables, MERCHANT_CATEGORY, MERCHANT_NAME, visit_finance};
use super::{AccountNumber, cents, log_uniform};

/// A transaction, with the fields of datamimic-ce's Transaction in its order, plus the
/// `account` its schema declares but its output drops.
///
/// Coherence: the type decides direction, channel, merchant and amount range (ATM
/// withdrawals are round sums, fees small); the currency is that of the account's country;
/// only purchases, refunds and withdrawals happen abroad, and then in a foreign city; pending
/// bookings are at most three days old; `transaction_date ≤ now`.
///
/// ```
/// use datamimic::domain::finance::TransactionService;
///
/// let tx = TransactionService::new("DE")?.seed(5).generate();
/// assert_eq!((tx.currency, tx.currency_symbol), ("EUR", "€"));
/// assert!(tx.amount > 0.0);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Transaction {
    /// Unique id (`TX` and 16 hex digits).
    pub transaction_id: TransactionId,
    /// When it was booked, within the year before now.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub transaction_date: DateTime<Utc>,
    /// Amount in `currency`, positive; `direction` says which way it went.
    pub amount: f64,
    /// `PURCHASE`, `PAYMENT`, `WITHDRAWAL`, `DEPOSIT`, `TRANSFER`, `REFUND` or `FEE`.
    pub transaction_type: &'static str,
    /// Booking text in the country's language (`Kartenzahlung: REWE`).
    pub description: TransactionDescription,
    /// Bank reference (`REF` and ten digits).
    pub reference_number: Reference,
    /// `completed`, `pending`, `failed` or `reversed`.
    pub status: &'static str,
    /// ISO 4217 code of the account's currency.
    pub currency: &'static str,
    /// Its symbol (`$`, `€`).
    pub currency_symbol: &'static str,
    /// Merchant, empty for bookings without one (deposits, transfers, fees).
    pub merchant_name: &'static str,
    /// The merchant's category, empty without a merchant.
    pub merchant_category: &'static str,
    /// City where it happened.
    pub location: &'static str,
    /// Whether it happened abroad.
    pub is_international: bool,
    /// `POS`, `ONLINE`, `MOBILE`, `ATM`, `BRANCH` or `SYSTEM`.
    pub channel: &'static str,
    /// `debit` (money out) or `credit` (money in).
    pub direction: &'static str,
    /// The account it was booked on.
    pub account: TransactionAccount,
}

/// The account of a [`Transaction`] (`account{account_number, account_type}`).
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct TransactionAccount {
    /// Domestic account number.
    pub account_number: AccountNumber,
    /// Account type of the country.
    pub account_type: &'static str,
}

/// A transaction id such as `TX3F9A0C1D2E4B5A69`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TransactionId(u64);

impl fmt::Display for TransactionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TX{:016X}", self.0)
    }
}

/// A bank reference such as `REF0123456789`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Reference(u64);

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "REF{:010}", self.0)
    }
}

/// The booking text: the type's label in the country's language and the merchant, if any.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TransactionDescription {
    label: &'static str,
    merchant: &'static str,
}

impl fmt::Display for TransactionDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.merchant.is_empty() {
            f.write_str(self.label)
        } else {
            write!(f, "{}: {}", self.label, self.merchant)
        }
    }
}

macro_rules! display_serialize {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
display_serialize!(TransactionId, Reference, TransactionDescription);

/// How one transaction type behaves.
struct Kind {
    name: &'static str,
    /// Share among bookings (illustrative: card purchases dominate retail account activity).
    weight: u64,
    credit: bool,
    with_merchant: bool,
    /// Amount range in the currency's main unit, drawn log-uniformly.
    amount: (f64, f64),
    /// Channels with cumulative weights out of 100.
    channels: &'static [(u64, &'static str)],
    /// Booking text in English and German.
    label: [&'static str; 2],
}

const KINDS: [Kind; 7] = [
    Kind {
        name: "PURCHASE",
        weight: 60,
        credit: false,
        with_merchant: true,
        amount: (1.5, 400.0),
        channels: &[(55, "POS"), (90, "ONLINE"), (100, "MOBILE")],
        label: ["Card purchase", "Kartenzahlung"],
    },
    Kind {
        name: "PAYMENT",
        weight: 10,
        credit: false,
        with_merchant: true,
        amount: (10.0, 1_500.0),
        channels: &[(70, "ONLINE"), (100, "MOBILE")],
        label: ["Bill payment", "Lastschrift"],
    },
    Kind {
        name: "WITHDRAWAL",
        weight: 8,
        credit: false,
        with_merchant: false,
        amount: (20.0, 500.0),
        channels: &[(100, "ATM")],
        label: ["ATM withdrawal", "Bargeldauszahlung"],
    },
    Kind {
        name: "DEPOSIT",
        weight: 6,
        credit: true,
        with_merchant: false,
        amount: (50.0, 5_000.0),
        channels: &[(40, "BRANCH"), (70, "ATM"), (100, "MOBILE")],
        label: ["Deposit", "Einzahlung"],
    },
    Kind {
        name: "TRANSFER",
        weight: 10,
        credit: false,
        with_merchant: false,
        amount: (10.0, 3_000.0),
        channels: &[(60, "ONLINE"), (100, "MOBILE")],
        label: ["Transfer", "Überweisung"],
    },
    Kind {
        name: "REFUND",
        weight: 3,
        credit: true,
        with_merchant: true,
        amount: (2.0, 300.0),
        channels: &[(50, "POS"), (100, "ONLINE")],
        label: ["Refund", "Gutschrift"],
    },
    Kind {
        name: "FEE",
        weight: 3,
        credit: false,
        with_merchant: false,
        amount: (0.5, 40.0),
        channels: &[(100, "SYSTEM")],
        label: ["Account fee", "Kontoführungsentgelt"],
    },
];

/// Status shares (illustrative): cumulative weights out of 1000.
const STATUSES: [(u64, &str); 4] = [
    (940, "completed"),
    (980, "pending"),
    (995, "failed"),
    (1000, "reversed"),
];

/// Share of card bookings abroad (illustrative).
const INTERNATIONAL: f64 = 0.05;

fn cumulative<'a>(rng: &mut MimicRng, items: &'a [(u64, &'a str)]) -> &'a str {
    let point = below(rng, items.last().map_or(1, |(w, _)| *w));
    items
        .iter()
        .find(|(w, _)| point < *w)
        .map_or("", |(_, v)| v)
}

fn kind(rng: &mut MimicRng) -> &'static Kind {
    const TOTAL: u64 = {
        let mut total = 0;
        let mut i = 0;
        while i < KINDS.len() {
            total += KINDS[i].weight;
            i += 1;
        }
        total
    };
    let mut point = below(rng, TOTAL);
    for kind in &KINDS {
        if point < kind.weight {
            return kind;
        }
        point -= kind.weight;
    }
    &KINDS[0]
}

impl Mimic for Transaction {
    fn mimic(ctx: &mut Context<'_>) -> Transaction {
        let tables = FinanceTables::of(ctx);
        let now = ctx.now().timestamp();
        let rng = ctx.rng();
        let kind = kind(rng);
        let transaction_id = TransactionId(rng.next_u64());
        let reference_number = Reference(below(rng, 10_000_000_000));
        let status = cumulative(rng, &STATUSES);
        // Pending bookings settle within days; everything else spans the past year.
        let window = if status == "pending" {
            3 * 86_400
        } else {
            365 * 86_400
        };
        let transaction_date = timestamp(now - below(rng, window) as i64);
        let mut amount = log_uniform(rng, kind.amount.0, kind.amount.1);
        if kind.name == "WITHDRAWAL" {
            amount = (amount / 10.0).round() * 10.0;
        }
        let (merchant_name, merchant_category) = if kind.with_merchant {
            let row = tables.merchant.sample_row(rng);
            (row.cell(MERCHANT_NAME), row.cell(MERCHANT_CATEGORY))
        } else {
            ("", "")
        };
        let channel = cumulative(rng, kind.channels);
        let is_international =
            matches!(kind.name, "PURCHASE" | "REFUND" | "WITHDRAWAL") && chance(rng, INTERNATIONAL);
        let cities = if is_international && !tables.foreign_cities.is_empty() {
            tables.foreign_cities[below(rng, tables.foreign_cities.len() as u64) as usize]
        } else {
            tables.city
        };
        let location = cities.sample_row(rng).cell(CITY_NAME);
        let direction = if kind.credit || (kind.name == "TRANSFER" && unit_f64(rng) < 0.5) {
            "credit"
        } else {
            "debit"
        };
        let account = TransactionAccount {
            account_number: AccountNumber::draw(rng, tables.country),
            account_type: tables.account_type.sample_row(rng).value(),
        };
        let german = tables.country == "DE";
        Transaction {
            transaction_id,
            transaction_date,
            amount: cents(amount),
            transaction_type: kind.name,
            description: TransactionDescription {
                label: kind.label[usize::from(german)],
                merchant: merchant_name,
            },
            reference_number,
            status,
            currency: tables.currency,
            currency_symbol: tables.currency_symbol,
            merchant_name,
            merchant_category,
            location,
            is_international,
            channel,
            direction,
            account,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
    }
}
