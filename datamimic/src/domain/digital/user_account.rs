//! UserAccount: a login of an online service, declared with `#[derive(Mimic)]`.

use chrono::{DateTime, Utc};

use crate::domain::dates::timestamp;
use crate::sample::{below, chance};
use crate::text::email_local_part;
use crate::{Context, Mimic};

use super::AccountOwner;

/// Where an account stands.
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountStatus {
    /// In use: logged in within the last 90 days.
    #[mimic(weight = 80)]
    Active,
    /// Not logged in for more than 180 days.
    #[mimic(weight = 10)]
    Inactive,
    /// Blocked by the service.
    #[mimic(weight = 3)]
    Suspended,
    /// Signed up, e-mail not yet confirmed: never logged in.
    #[mimic(weight = 7)]
    PendingVerification,
}

/// What an account may do (illustrative shares).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    /// An ordinary user.
    #[mimic(weight = 92)]
    User,
    /// Moderates content.
    #[mimic(weight = 5)]
    Moderator,
    /// Administers the service.
    #[mimic(weight = 3)]
    Admin,
}

/// The second factor of an account with two-factor authentication (illustrative shares:
/// authenticator apps and text messages lead).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TwoFactorMethod {
    /// Time-based one-time passwords from an authenticator app.
    #[mimic(weight = 45)]
    Totp,
    /// Codes by text message.
    #[mimic(weight = 35)]
    Sms,
    /// Push notifications to a phone app.
    #[mimic(weight = 12)]
    Push,
    /// A hardware security key or passkey.
    #[mimic(weight = 8)]
    SecurityKey,
}

/// Share of accounts with a second factor (illustrative).
const TWO_FACTOR_SHARE: f64 = 0.35;
/// Accounts were created over the last ten years.
const HISTORY_DAYS: u64 = 3_652;

/// A user account.
///
/// Coherence: the username and e-mail come from the owner's own names; the account was
/// created within the last ten years and not after now; the last login follows the creation
/// and the status (active accounts logged in within 90 days, inactive ones more than 180 days
/// ago where the account is that old, pending ones never); two-factor authentication is
/// enabled exactly when a method is set.
///
/// ```
/// use datamimic::domain::digital::{AccountStatus, UserAccountService};
///
/// let account = UserAccountService::new("DE")?.seed(1).generate();
/// assert!(account.last_login.is_none_or(|login| login >= account.created_at));
/// assert_eq!(account.two_factor_enabled, account.two_factor_method.is_some());
/// let pending = account.account_status == AccountStatus::PendingVerification;
/// assert_eq!(pending, account.last_login.is_none());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct UserAccount {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub user_id: u64,
    /// Whose account it is.
    pub owner: AccountOwner,
    /// Login name from the owner's names and two digits (`jana.schulz42`).
    #[mimic(with = username(owner))]
    pub username: String,
    /// A bcrypt hash (cost 12) in its modular-crypt form; 53 characters after the prefix.
    #[mimic(pattern = "$2b$12$*****************************************************")]
    pub password_hash: String,
    /// When the account was created.
    #[mimic(with = created_at)]
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub created_at: DateTime<Utc>,
    /// Where the account stands.
    pub account_status: AccountStatus,
    /// Last login; none for an account never used.
    #[mimic(with = last_login(created_at, account_status))]
    pub last_login: Option<DateTime<Utc>>,
    /// What the account may do.
    pub role: Role,
    /// The second factor, if two-factor authentication is on.
    #[mimic(with = two_factor_method)]
    pub two_factor_method: Option<TwoFactorMethod>,
    /// Whether two-factor authentication is on.
    #[mimic(with = two_factor_enabled(two_factor_method))]
    pub two_factor_enabled: bool,
}

fn username(ctx: &mut Context<'_>, owner: &AccountOwner) -> String {
    let country = ctx.dataset().as_str();
    let mut name = email_local_part(&[owner.given_name, owner.family_name], ".", country);
    name.push_str(&format!("{:02}", below(ctx.rng(), 100)));
    name
}

fn created_at(ctx: &mut Context<'_>) -> DateTime<Utc> {
    let now = ctx.now().timestamp();
    timestamp(now - below(ctx.rng(), HISTORY_DAYS * 86_400) as i64)
}

fn last_login(
    ctx: &mut Context<'_>,
    created: &DateTime<Utc>,
    status: &AccountStatus,
) -> Option<DateTime<Utc>> {
    const DAY: i64 = 86_400;
    let now = ctx.now().timestamp();
    let created = created.timestamp();
    let (earliest, latest) = match status {
        AccountStatus::PendingVerification => return None,
        AccountStatus::Active => ((now - 90 * DAY).max(created), now),
        AccountStatus::Inactive => (created, (now - 180 * DAY).max(created)),
        AccountStatus::Suspended => (created, now),
    };
    Some(timestamp(
        earliest + below(ctx.rng(), (latest - earliest) as u64 + 1) as i64,
    ))
}

fn two_factor_method(ctx: &mut Context<'_>) -> Option<TwoFactorMethod> {
    chance(ctx.rng(), TWO_FACTOR_SHARE).then(|| TwoFactorMethod::mimic(ctx))
}

fn two_factor_enabled(_: &mut Context<'_>, method: &Option<TwoFactorMethod>) -> bool {
    method.is_some()
}
