//! DigitalWallet: a person's account with a wallet provider, its balance and the card it
//! draws on, shown masked.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::common::{FullName, Person, PersonalEmail};
use crate::domain::ecommerce::{Code, Money};
use crate::sample::{below, chance};
use crate::{Context, Mimic, TableUse};

use super::card_number::CardNumber;
use super::tables::{FinanceTables, visit_finance};
use super::{add_years, log_uniform, timestamp, unix_day};

/// How a wallet holds money.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WalletType {
    /// Keeps a balance of its own (PayPal, Venmo, Cash App).
    StoredValue,
    /// Passes payments to a tokenised card and keeps no balance (Apple Pay, Google Pay).
    PassThrough,
}

/// Whether a wallet can be used.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct DigitalWallet {
    /// Wallet number (`WAL-0012345678`).
    pub wallet_id: Code,
    /// The owner's name.
    pub owner_name: FullName,
    /// The owner's e-mail, the wallet's login.
    pub owner_email: PersonalEmail,
    /// Provider (`PayPal`, `Apple Pay`).
    pub provider: &'static str,
    /// Stored value or pass-through.
    pub wallet_type: WalletType,
    /// Balance of a stored-value wallet.
    pub balance: Option<Money>,
    /// ISO 4217 code of the country's currency.
    pub currency: &'static str,
    /// Network of the linked card (`VISA`).
    pub linked_card_network: &'static str,
    /// The last four digits of the linked card.
    pub linked_card_last4: String,
    /// The linked card as wallets show it (`**** **** **** 4242`).
    pub linked_card_masked: String,
    /// When the wallet was opened.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_date: DateTime<Utc>,
    /// When it was last used.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub last_used: DateTime<Utc>,
    /// Whether it can be used.
    pub status: WalletStatus,
}

impl Mimic for DigitalWallet {
    fn mimic(ctx: &mut Context<'_>) -> DigitalWallet {
        let tables = FinanceTables::of(ctx);
        let owner = Person::mimic(ctx);
        let providers: &[Provider] = if tables.country == "DE" {
            &DE_PROVIDERS
        } else {
            &US_PROVIDERS
        };
        let total: u64 = providers.iter().map(|p| p.weight).sum();
        let mut point = below(ctx.rng(), total);
        let provider = providers
            .iter()
            .find(|p| {
                let hit = point < p.weight;
                point = point.saturating_sub(p.weight);
                hit
            })
            .unwrap_or(&providers[0]);
        let now = ctx.now().timestamp();
        let launched = NaiveDate::from_ymd_opt(provider.launched, 1, 1).unwrap_or(NaiveDate::MIN);
        let earliest =
            (unix_day(launched).max(unix_day(add_years(owner.birthdate, 18))) * 86_400).min(now);
        let created = earliest + below(ctx.rng(), (now - earliest) as u64 + 1) as i64;
        let last_used = created + below(ctx.rng(), (now - created) as u64 + 1) as i64;
        let balance = (provider.kind == WalletType::StoredValue).then(|| {
            if chance(ctx.rng(), 0.3) {
                Money::ZERO
            } else {
                Money::from_cents((log_uniform(ctx.rng(), 1.0, 2_000.0) * 100.0) as i64)
            }
        });
        let network = tables.networks[tables.card_network.sample_index(ctx.rng())];
        let card = CardNumber::draw(ctx.rng(), network);
        let last4 = format!("{:04}", card.value() % 10_000);
        // Masked in the network's grouping: 4-6-5 for 15 digits, 4-4-4-4 otherwise.
        let masked = if card.len() == 15 {
            format!("**** ****** *{last4}")
        } else {
            format!("{} {last4}", "**** ".repeat(card.len() / 4 - 1).trim_end())
        };
        let status = match below(ctx.rng(), 100) {
            0..=91 => WalletStatus::Active,
            92..=94 => WalletStatus::Suspended,
            _ => WalletStatus::Closed,
        };
        DigitalWallet {
            wallet_id: Code::new("WAL", below(ctx.rng(), 10_000_000_000), 10),
            owner_name: owner.full_name,
            owner_email: owner.email,
            provider: provider.name,
            wallet_type: provider.kind,
            balance,
            currency: tables.currency,
            linked_card_network: network.name(),
            linked_card_last4: last4,
            linked_card_masked: masked,
            created_date: timestamp(created),
            last_used: timestamp(last_used),
            status,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit_finance(visitor);
        Person::visit_tables(visitor);
    }
}
