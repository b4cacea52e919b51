//! DigitalWallet: a person's account with a wallet provider, its balance and the card it
//! draws on, shown masked.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::common::{FullName, Person, PersonalEmail};
use crate::sample::{below, chance};
use crate::{Context, Mimic};

use crate::domain::amount::log_uniform;
use crate::domain::dates::{add_years, timestamp, unix_day};
use crate::domain::money::Money;
use crate::ident::Network;
use crate::ident::code::Code;

use super::card_number::CardNumber;
use super::tables::FinanceTables;

/// How a wallet holds money.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WalletType {
    /// Keeps a balance of its own (PayPal, Venmo, Cash App).
    StoredValue,
    /// Passes payments to a tokenised card and keeps no balance (Apple Pay, Google Pay).
    PassThrough,
}

/// Whether a wallet can be used.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WalletStatus {
    /// In use.
    Active,
    /// Blocked for review.
    Suspended,
    /// Closed by the owner or the provider.
    Closed,
}

/// A wallet provider of a country: type, launch year there and relative share (the shares are
/// illustrative; launch years are the providers' published ones: PayPal 1999 in the US and
/// 2004 in Germany, Venmo 2009, Cash App 2013, Apple Pay 2014 in the US and 2018 in Germany,
/// Google Pay 2018 under that name).
struct Provider {
    name: &'static str,
    kind: WalletType,
    launched: i32,
    weight: u64,
}

const US_PROVIDERS: [Provider; 5] = [
    Provider {
        name: "PayPal",
        kind: WalletType::StoredValue,
        launched: 1999,
        weight: 35,
    },
    Provider {
        name: "Apple Pay",
        kind: WalletType::PassThrough,
        launched: 2014,
        weight: 30,
    },
    Provider {
        name: "Google Pay",
        kind: WalletType::PassThrough,
        launched: 2018,
        weight: 15,
    },
    Provider {
        name: "Venmo",
        kind: WalletType::StoredValue,
        launched: 2009,
        weight: 10,
    },
    Provider {
        name: "Cash App",
        kind: WalletType::StoredValue,
        launched: 2013,
        weight: 10,
    },
];

const DE_PROVIDERS: [Provider; 3] = [
    Provider {
        name: "PayPal",
        kind: WalletType::StoredValue,
        launched: 2004,
        weight: 55,
    },
    Provider {
        name: "Apple Pay",
        kind: WalletType::PassThrough,
        launched: 2018,
        weight: 25,
    },
    Provider {
        name: "Google Pay",
        kind: WalletType::PassThrough,
        launched: 2018,
        weight: 20,
    },
];

/// A digital wallet.
///
/// Coherence: the owner is a [`Person`]; the provider is one of the country's and the wallet
/// was opened after the provider launched there and after the owner turned 18, not after now;
/// the last use lies between opening and now; only stored-value wallets have a balance, never
/// negative, in the country's currency; the linked card's network follows the country's card
/// network shares and its last four digits are those of a valid card number of that network
/// (the rest is masked, as wallets show it).
///
/// ```
/// use datamimic::domain::finance::{DigitalWalletService, WalletType};
///
/// let wallet = DigitalWalletService::new("US")?.seed(2).generate();
/// assert_eq!(wallet.balance.is_some(), wallet.wallet_type == WalletType::StoredValue);
/// assert!(wallet.created_date <= wallet.last_used);
/// assert!(wallet.linked_card_masked.ends_with(&wallet.linked_card_last4));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static FinanceTables, with = FinanceTables::here, tables = [
    "finance/bank", "finance/account_type", "finance/card_network", "finance/currency",
    "finance/merchant", "common/address/city",
]))]
#[mimic(let(owner: Person))]
#[mimic(let(issuer: &'static Provider, with = draw_provider(tables)))]
#[mimic(let(usage: Usage, with = Usage::draw(issuer, owner)))]
#[mimic(let(stored: Option<Money>, with = draw_balance(issuer)))]
#[mimic(let(card: LinkedCard, with = LinkedCard::draw(tables)))]
#[mimic(let(state: WalletStatus, with = draw_status))]
#[mimic(let(id: Code, with = wallet_id))]
pub struct DigitalWallet {
    /// Wallet number (`WAL-0012345678`).
    #[mimic(from = id)]
    pub wallet_id: Code,
    /// The owner's name.
    #[mimic(from = owner.full_name)]
    pub owner_name: FullName,
    /// The owner's e-mail, the wallet's login.
    #[mimic(from = owner.email)]
    pub owner_email: PersonalEmail,
    /// Provider (`PayPal`, `Apple Pay`).
    #[mimic(from = issuer.name)]
    pub provider: &'static str,
    /// Stored value or pass-through.
    #[mimic(from = issuer.kind)]
    pub wallet_type: WalletType,
    /// Balance of a stored-value wallet.
    #[mimic(from = stored)]
    pub balance: Option<Money>,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = tables.currency)]
    pub currency: &'static str,
    /// Network of the linked card (`VISA`).
    #[mimic(from = card.network.name())]
    pub linked_card_network: &'static str,
    /// The last four digits of the linked card.
    #[mimic(from = card.last4)]
    pub linked_card_last4: String,
    /// The linked card as wallets show it (`**** **** **** 4242`).
    #[mimic(from = card.masked)]
    pub linked_card_masked: String,
    /// When the wallet was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(usage.created))]
    pub created_date: DateTime<Utc>,
    /// When it was last used.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = timestamp(usage.last_used))]
    pub last_used: DateTime<Utc>,
    /// Whether it can be used.
    #[mimic(from = state)]
    pub status: WalletStatus,
}

/// A provider of the country, by its share.
fn draw_provider(ctx: &mut Context<'_>, tables: &&FinanceTables) -> &'static Provider {
    let providers: &'static [Provider] = if tables.country == "DE" {
        &DE_PROVIDERS
    } else {
        &US_PROVIDERS
    };
    let total: u64 = providers.iter().map(|p| p.weight).sum();
    let mut point = below(ctx.rng(), total);
    providers
        .iter()
        .find(|p| {
            let hit = point < p.weight;
            point = point.saturating_sub(p.weight);
            hit
        })
        .unwrap_or(&providers[0])
}

/// When a wallet was opened and last used, in Unix seconds.
#[derive(Debug, Clone, Copy)]
struct Usage {
    created: i64,
    last_used: i64,
}

impl Usage {
    /// Opened after the provider's launch and the owner's 18th birthday, used since.
    fn draw(ctx: &mut Context<'_>, provider: &&Provider, owner: &Person) -> Usage {
        let now = ctx.now().timestamp();
        let launched = NaiveDate::from_ymd_opt(provider.launched, 1, 1).unwrap_or(NaiveDate::MIN);
        let earliest =
            (unix_day(launched).max(unix_day(add_years(owner.birthdate, 18))) * 86_400).min(now);
        let created = earliest + below(ctx.rng(), (now - earliest) as u64 + 1) as i64;
        let last_used = created + below(ctx.rng(), (now - created) as u64 + 1) as i64;
        Usage { created, last_used }
    }
}

/// Stored-value wallets keep a balance (three in ten empty); pass-through ones none.
fn draw_balance(ctx: &mut Context<'_>, provider: &&Provider) -> Option<Money> {
    (provider.kind == WalletType::StoredValue).then(|| {
        if chance(ctx.rng(), 0.3) {
            Money::ZERO
        } else {
            Money::from_cents((log_uniform(ctx.rng(), 1.0, 2_000.0) * 100.0) as i64)
        }
    })
}

/// The card a wallet draws on, of a network by its share, shown by its last four digits.
#[derive(Debug, Clone)]
struct LinkedCard {
    network: Network,
    last4: String,
    masked: String,
}

impl LinkedCard {
    fn draw(ctx: &mut Context<'_>, tables: &&FinanceTables) -> LinkedCard {
        let network = tables.networks[tables.card_network.sample_index(ctx.rng())];
        let card = CardNumber::draw(ctx.rng(), network);
        let last4 = format!("{:04}", card.value() % 10_000);
        // Masked in the network's grouping: 4-6-5 for 15 digits, 4-4-4-4 otherwise.
        let masked = if card.len() == 15 {
            format!("**** ****** *{last4}")
        } else {
            format!("{} {last4}", "**** ".repeat(card.len() / 4 - 1).trim_end())
        };
        LinkedCard {
            network,
            last4,
            masked,
        }
    }
}

/// 92 % active, 3 % suspended, 5 % closed.
fn draw_status(ctx: &mut Context<'_>) -> WalletStatus {
    match below(ctx.rng(), 100) {
        0..=91 => WalletStatus::Active,
        92..=94 => WalletStatus::Suspended,
        _ => WalletStatus::Closed,
    }
}

/// `WAL-` and ten digits.
fn wallet_id(ctx: &mut Context<'_>) -> Code {
    Code::new("WAL", below(ctx.rng(), 10_000_000_000), 10)
}
