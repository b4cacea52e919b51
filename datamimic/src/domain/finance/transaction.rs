//! Transaction: one booking on an account, in the account's currency, on its own or as one
//! of an account's bookings ([`ChildOf<BankAccount>`](crate::ChildOf)).

use std::fmt;

use chrono::{DateTime, Utc};

use rand::Rng;

use crate::domain::amount::{cents, log_uniform};
use crate::domain::dates::timestamp;
use crate::sample::{below, chance, unit_f64};
use crate::{Context, Mimic, MimicRng, Siblings, tables};

use super::tables::{
    CITY_NAME, CURRENCY_CODE, CURRENCY_SYMBOL, FinanceTables, MERCHANT_CATEGORY, MERCHANT_NAME,
};
use super::{AccountNumber, BankAccount, Iban};

/// A transaction, with the fields of datamimic-ce's Transaction in its order, plus the
/// balance after it and the `account` its schema declares but its output drops.
///
/// Coherence: the type decides direction, channel, merchant and amount range (ATM
/// withdrawals are round sums, fees small); the currency is that of the account's country;
/// only purchases, refunds and withdrawals happen abroad, and then in a foreign city; pending
/// bookings are at most three days old; `transaction_date ≤ now`.
///
/// The bookings of one account
/// ([`TransactionService::for_account`](super::TransactionService::for_account), or any
/// [`Service::children`](crate::Service::children) of a [`BankAccount`]) carry its number,
/// IBAN, type and currency; they are dated in order between the account's opening (at most a
/// year before its last booking) and its `last_transaction_date`, the newest on that instant;
/// and their running balance ends at the account's balance: each `balance_after` is the one
/// before it plus the booking's signed amount (completed and pending bookings move the
/// balance; failed and reversed ones do not), and, for an account that is not overdrawn, it
/// never falls below zero. On its own, a transaction is the newest booking of an account of
/// its own whose latest booking lies in the year before now: the same plan, one child.
///
/// ```
/// use datamimic::domain::finance::TransactionService;
///
/// let tx = TransactionService::new("DE")?.seed(5).generate();
/// assert_eq!((tx.currency, tx.currency_symbol), ("EUR", "€"));
/// assert!(tx.amount > 0.0);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(bank_account: BankAccount, alone = lone_account, finish = oldest_first))]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
// Bookings are generated newest first: each knows the balance after it (the account's for the
// newest, the balance before the later booking for the others), so the running balance ends
// at the account's and, walking back, never goes below zero.
#[mimic(let(balance: i64, with = balance_after(bank_account, siblings)))]
#[mimic(let(booked_at: i64, with = booking_time(bank_account, siblings)))]
#[mimic(let(booking: Booking, with = Booking::draw(balance)))]
#[mimic(let(id: TransactionId, with = TransactionId::draw))]
#[mimic(let(reference: Reference, with = Reference::draw))]
#[mimic(let(booking_status: &'static str, with = status_at(booked_at)))]
#[mimic(let(place: Place, with = Place::draw(tables, booking)))]
pub struct Transaction {
    /// Unique id (`TX` and 16 hex digits).
    #[mimic(from = id)]
    pub transaction_id: TransactionId,
    /// When it was booked: on its own, within the year before now.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(booked_at))]
    pub transaction_date: DateTime<Utc>,
    /// Amount in `currency`, positive; `direction` says which way it went.
    #[mimic(from = booking.amount)]
    pub amount: f64,
    /// `PURCHASE`, `PAYMENT`, `WITHDRAWAL`, `DEPOSIT`, `TRANSFER`, `REFUND` or `FEE`.
    #[mimic(from = booking.kind.name)]
    pub transaction_type: &'static str,
    /// Booking text in the country's language (`Kartenzahlung: REWE`).
    #[mimic(from = description(tables, booking.kind, place.merchant_name))]
    pub description: TransactionDescription,
    /// Bank reference (`REF` and ten digits).
    #[mimic(from = reference)]
    pub reference_number: Reference,
    /// `completed`, `pending`, `failed` or `reversed`.
    #[mimic(from = booking_status)]
    pub status: &'static str,
    /// ISO 4217 code of the account's currency.
    #[mimic(from = bank_account.currency)]
    pub currency: &'static str,
    /// Its symbol (`$`, `€`).
    #[mimic(from = symbol_of(tables, bank_account.currency))]
    pub currency_symbol: &'static str,
    /// Merchant, empty for bookings without one (deposits, transfers, fees).
    #[mimic(from = place.merchant_name)]
    pub merchant_name: &'static str,
    /// The merchant's category, empty without a merchant.
    #[mimic(from = place.merchant_category)]
    pub merchant_category: &'static str,
    /// City where it happened.
    #[mimic(from = place.location)]
    pub location: &'static str,
    /// Whether it happened abroad.
    #[mimic(from = place.is_international)]
    pub is_international: bool,
    /// `POS`, `ONLINE`, `MOBILE`, `ATM`, `BRANCH` or `SYSTEM`.
    #[mimic(from = place.channel)]
    pub channel: &'static str,
    /// `debit` (money out) or `credit` (money in).
    #[mimic(from = booking.direction())]
    pub direction: &'static str,
    /// The account's balance once this booking is made, in `currency`, to the cent.
    #[mimic(from = balance as f64 / 100.0)]
    pub balance_after: f64,
    /// The account it was booked on.
    #[mimic(from = TransactionAccount {
        account_number: bank_account.account_number,
        iban: bank_account.iban,
        account_type: bank_account.account_type,
    })]
    pub account: TransactionAccount,
}

/// The account of a [`Transaction`] (`account{account_number, account_type}`, and the IBAN).
#[derive(serde::Serialize, crate::Cells, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct TransactionAccount {
    /// Domestic account number.
    pub account_number: AccountNumber,
    /// IBAN for IBAN countries (DE), `None` elsewhere.
    pub iban: Option<Iban>,
    /// Account type of the country.
    pub account_type: &'static str,
}

impl Transaction {
    /// What the booking does to the account's balance, in cents: its amount, signed by its
    /// direction, when it is completed or pending; nothing when it failed or was reversed.
    pub fn balance_change_cents(&self) -> i64 {
        if !matches!(self.status, "completed" | "pending") {
            return 0;
        }
        let amount = to_cents(self.amount);
        if self.direction == "credit" {
            amount
        } else {
            -amount
        }
    }
}

/// An amount to the cent as whole cents.
fn to_cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
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
        // Written as one text cell, so one text column.
        impl $crate::Columnar for $t {
            fn column() -> $crate::Column {
                $crate::Column::Text
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
display_serialize!(TransactionId, Reference, TransactionDescription);

// The same text as `Display`, written as a CSV cell without `core::fmt` (which costs
// hundreds of instructions per value on the export path).

impl crate::Cells for TransactionId {
    #[inline]
    fn write_cells<W: crate::CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let mut text = *b"TX0000000000000000";
        for (i, digit) in text[2..].iter_mut().enumerate() {
            *digit = HEX[((self.0 >> (60 - 4 * i)) & 15) as usize];
        }
        w.text(std::str::from_utf8(&text).expect("ASCII"))
    }
}

impl crate::Cells for Reference {
    #[inline]
    fn write_cells<W: crate::CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        const ZEROS: &str = "0000000000";
        let mut number = itoa::Buffer::new();
        let digits = number.format(self.0);
        w.joined(&[
            "REF",
            &ZEROS[..ZEROS.len().saturating_sub(digits.len())],
            digits,
        ])
    }
}

impl crate::Cells for TransactionDescription {
    #[inline]
    fn write_cells<W: crate::CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        if self.merchant.is_empty() {
            w.text(self.label)
        } else {
            w.joined(&[self.label, ": ", self.merchant])
        }
    }
}

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

/// The statuses of bookings older than three days, which have settled: [`STATUSES`] without
/// `pending`.
const SETTLED: [(u64, &str); 3] = [(940, "completed"), (955, "failed"), (960, "reversed")];

/// How long a booking may stay pending.
const PENDING_SECONDS: i64 = 3 * 86_400;

/// Share of card bookings abroad (illustrative).
const INTERNATIONAL: f64 = 0.05;

fn cumulative<'a>(rng: &mut MimicRng, items: &'a [(u64, &'a str)]) -> &'a str {
    let point = below(rng, items.last().map_or(1, |(w, _)| *w));
    items
        .iter()
        .find(|(w, _)| point < *w)
        .map_or("", |(_, v)| v)
}

/// A debit kind by the kinds' weights (a transfer among them going out).
fn debit_kind(rng: &mut MimicRng) -> &'static Kind {
    let total: u64 = KINDS.iter().filter(|k| !k.credit).map(|k| k.weight).sum();
    let mut point = below(rng, total);
    for kind in KINDS.iter().filter(|k| !k.credit) {
        if point < kind.weight {
            return kind;
        }
        point -= kind.weight;
    }
    &KINDS[0]
}

/// An amount of `kind`: log-uniform in its range, ATM withdrawals in tens.
fn amount(rng: &mut MimicRng, kind: &Kind) -> f64 {
    let amount = log_uniform(rng, kind.amount.0, kind.amount.1);
    if kind.name == "WITHDRAWAL" {
        (amount / 10.0).round() * 10.0
    } else {
        amount
    }
}

/// Where a booking of `kind` happened: merchant and category (empty without one), channel,
/// whether abroad, and the city.
struct Place {
    merchant_name: &'static str,
    merchant_category: &'static str,
    channel: &'static str,
    is_international: bool,
    location: &'static str,
}

impl Place {
    fn draw(ctx: &mut Context<'_>, tables: &FinanceTables, booking: &Booking) -> Place {
        let rng = ctx.rng();
        let kind = booking.kind;
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
        Place {
            merchant_name,
            merchant_category,
            channel,
            is_international,
            location: cities.sample_row(rng).cell(CITY_NAME),
        }
    }
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

/// What is booked: the kind, which way the money goes and the amount, to the cent.
#[derive(Clone, Copy)]
struct Booking {
    kind: &'static Kind,
    credit: bool,
    amount: f64,
}

impl Booking {
    /// A booking that leaves `balance` (cents) after it: a credit larger than that would have
    /// left the account below zero before it, so such a booking is one of the debits instead.
    fn draw(ctx: &mut Context<'_>, balance: &i64) -> Booking {
        let rng = ctx.rng();
        let kind = kind(rng);
        let credit = kind.credit || (kind.name == "TRANSFER" && unit_f64(rng) < 0.5);
        let amount = cents(amount(rng, kind));
        if credit && to_cents(amount) > *balance {
            let kind = debit_kind(rng);
            return Booking {
                kind,
                credit: false,
                amount: cents(self::amount(rng, kind)),
            };
        }
        Booking {
            kind,
            credit,
            amount,
        }
    }

    fn direction(&self) -> &'static str {
        if self.credit { "credit" } else { "debit" }
    }
}

impl TransactionId {
    fn draw(ctx: &mut Context<'_>) -> TransactionId {
        TransactionId(ctx.rng().next_u64())
    }
}

impl Reference {
    fn draw(ctx: &mut Context<'_>) -> Reference {
        Reference(below(ctx.rng(), 10_000_000_000))
    }
}

/// The booking text in the country's language.
fn description(
    tables: &FinanceTables,
    kind: &Kind,
    merchant: &'static str,
) -> TransactionDescription {
    TransactionDescription {
        label: kind.label[usize::from(tables.country == "DE")],
        merchant,
    }
}

/// The balance after booking `siblings.index()` (counted from the newest), in cents: the
/// account's after the newest, the balance before the later booking after the others.
fn balance_after(
    _: &mut Context<'_>,
    account: &BankAccount,
    siblings: &Siblings<'_, Transaction>,
) -> i64 {
    match siblings.previous() {
        None => to_cents(account.balance),
        Some(later) => to_cents(later.balance_after) - later.balance_change_cents(),
    }
}

/// The status of a booking made at `booked_at` (Unix seconds): only a booking of the last
/// three days may still be pending.
fn status_at(ctx: &mut Context<'_>, booked_at: &i64) -> &'static str {
    if ctx.now().timestamp() - booked_at <= PENDING_SECONDS {
        cumulative(ctx.rng(), &STATUSES)
    } else {
        cumulative(ctx.rng(), &SETTLED)
    }
}

/// The account of a transaction on its own: an account as [`BankAccount`] draws them, whose
/// latest booking lies anywhere in the year before now (after its opening), so bookings on
/// their own span the year.
fn lone_account(ctx: &mut Context<'_>) -> BankAccount {
    let mut account = BankAccount::mimic(ctx);
    let now = ctx.now().timestamp();
    let start = account
        .created_date
        .timestamp()
        .max(now - 365 * 86_400)
        .min(now);
    account.last_transaction_date =
        timestamp(start + below(ctx.rng(), (now - start) as u64 + 1) as i64);
    account
}

/// Oldest first, as a statement lists them.
fn oldest_first(_: &BankAccount, bookings: &mut [Transaction]) {
    bookings.reverse();
}

/// When booking `siblings.index()` (counted from the newest) happened, in Unix seconds: the
/// newest at the account's last booking, the others each in their own slice of the window
/// from the account's opening (at most a year before that) to it, so they come out in order
/// without a sort.
fn booking_time(
    ctx: &mut Context<'_>,
    account: &BankAccount,
    siblings: &Siblings<'_, Transaction>,
) -> i64 {
    let last = account.last_transaction_date.timestamp();
    if siblings.index() == 0 {
        return last;
    }
    let start = account
        .created_date
        .timestamp()
        .max(last - 365 * 86_400)
        .min(last);
    // 64-bit arithmetic: the window is at most a year of seconds (2^25) and a count at most
    // 2^32, so the products stay below 2^57 (128-bit division is a library call).
    let count = siblings.count() as i64;
    let slice = count - 1 - siblings.index() as i64;
    let width = last - start;
    let low = start + width * slice / count;
    let high = start + width * (slice + 1) / count;
    if high > low {
        low + below(ctx.rng(), (high - low) as u64) as i64
    } else {
        low
    }
}

/// The symbol of `currency`: the dataset's own, or the one a currency table of any country
/// gives it (an account of another country than the service's); the code itself if none does.
fn symbol_of(tables: &FinanceTables, currency: &'static str) -> &'static str {
    if currency == tables.currency {
        return tables.currency_symbol;
    }
    tables::FINANCE_CURRENCY
        .variants()
        .iter()
        .flat_map(|table| (0..table.len()).map(move |row| (table, row)))
        .find(|(table, row)| table.cell(*row, CURRENCY_CODE) == currency)
        .map_or(currency, |(table, row)| table.cell(row, CURRENCY_SYMBOL))
}

// The core's test writer, by path: its test-only items are not visible from this crate.
#[cfg(test)]
#[path = "../../../../datamimic-core/src/collect_cells.rs"]
mod collect_cells;

#[cfg(test)]
mod tests {
    use super::collect_cells::Collect;
    use super::*;
    use crate::Cells;

    fn cell(value: &impl Cells) -> String {
        let mut w = Collect::default();
        value.write_cells(&mut w).unwrap();
        assert_eq!(w.cells.len(), 1);
        w.cells.remove(0)
    }

    /// The cells are the `Display` text, at the edges of the padding too.
    #[test]
    fn cells_are_the_display_text() {
        for n in [0, 1, 0xABC, 9_999_999_999, 10_000_000_000, u64::MAX] {
            assert_eq!(cell(&TransactionId(n)), TransactionId(n).to_string());
            assert_eq!(cell(&Reference(n)), Reference(n).to_string());
        }
        for (label, merchant) in [("Deposit", ""), ("Bill payment", "Expedia"), ("", "")] {
            let description = TransactionDescription { label, merchant };
            assert_eq!(cell(&description), description.to_string());
        }
    }
}
