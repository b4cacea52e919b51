//! User accounts (usernames from the owner's names, logins after creation and by status,
//! two-factor settings that agree) and CRM records (interactions in order, value and
//! customer-since date only for contacts who bought).
//!
//! Each check runs over 100,000 records for US and DE.

use std::collections::HashSet;

use chrono::Duration;
use datamimic::domain::digital::{AccountStatus, CrmService, Stage, UserAccountService};
use datamimic::domain::ecommerce::Money;
use datamimic::text::email_local_part;

const RECORDS: u64 = 100_000;

#[test]
fn accounts_follow_their_owner_and_status() {
    for country in ["US", "DE"] {
        let service = UserAccountService::new(country).unwrap().seed(71);
        let now = service.service().settings().clock().now();
        let (mut statuses, mut with_2fa) = (HashSet::new(), 0u64);
        for i in 0..RECORDS {
            let a = service.record(i);
            assert_eq!(a.user_id, i + 1);
            let base = email_local_part(&[a.owner.given_name, a.owner.family_name], ".", country);
            assert_eq!(a.username.len(), base.len() + 2, "{}", a.username);
            assert!(a.username.starts_with(&base));
            assert!(a.username[base.len()..].bytes().all(|b| b.is_ascii_digit()));
            assert!(a.username.is_ascii());
            assert!(a.password_hash.starts_with("$2b$12$") && a.password_hash.len() == 60);
            assert!(a.created_at <= now && a.created_at >= now - Duration::days(3_653));
            match (a.account_status, a.last_login) {
                (AccountStatus::PendingVerification, login) => assert!(login.is_none()),
                (_, None) => panic!("a used account has a last login: {a:?}"),
                (status, Some(login)) => {
                    assert!(a.created_at <= login && login <= now, "{a:?}");
                    match status {
                        AccountStatus::Active => assert!(login >= now - Duration::days(90)),
                        AccountStatus::Inactive => {
                            assert!(login <= now - Duration::days(180) || login == a.created_at)
                        }
                        _ => {}
                    }
                }
            }
            assert_eq!(a.two_factor_enabled, a.two_factor_method.is_some());
            with_2fa += u64::from(a.two_factor_enabled);
            statuses.insert(a.account_status);
        }
        assert_eq!(statuses.len(), 4, "{country}");
        let share = with_2fa as f64 / RECORDS as f64;
        assert!((share - 0.35).abs() < 0.01, "{country}: {share}");
    }
}

#[test]
fn crm_interactions_are_in_order_and_value_follows_the_stage() {
    for country in ["US", "DE"] {
        let service = CrmService::new(country).unwrap().seed(72);
        let now = service.service().settings().clock().now();
        let mut interactions_by_stage = [(0u64, 0u64); 5];
        for i in 0..RECORDS {
            let r = service.record(i);
            assert!(r.customer_id.starts_with("CRM-") && r.customer_id.len() == 12);
            assert!(r.created_date <= now && r.created_date >= now - Duration::days(5 * 365));
            assert!(!r.interactions.is_empty());
            assert!(r.interactions.windows(2).all(|w| w[0].date <= w[1].date));
            assert!(
                r.interactions
                    .iter()
                    .all(|x| r.created_date <= x.date && x.date <= now)
            );
            assert_eq!(r.last_contact, r.interactions.last().map(|x| x.date));
            let reached = r.stage as usize + 1;
            assert!((reached..=3 * reached).contains(&r.interactions.len()));
            let bought = matches!(r.stage, Stage::Customer | Stage::Churned);
            assert_eq!(bought, r.stage.has_bought());
            assert_eq!(r.customer_since.is_some(), bought);
            assert_eq!(r.lifetime_value > Money::ZERO, bought);
            if let Some(since) = r.customer_since {
                assert!(r.created_date <= since && Some(since) <= r.last_contact);
            }
            let entry = &mut interactions_by_stage[r.stage as usize];
            entry.0 += 1;
            entry.1 += r.interactions.len() as u64;
        }
        // Further down the pipeline, more interactions on average.
        let mean = |(n, sum): (u64, u64)| sum as f64 / n as f64;
        for k in 0..4 {
            assert!(mean(interactions_by_stage[k + 1]) > mean(interactions_by_stage[k]));
        }
    }
}
