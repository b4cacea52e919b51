//! Customers: sign-up, orders and spend in order, tier and segment following from them.
//! Reviews: of a delivered order's product by its customer, dated after delivery, with a
//! J-shaped rating distribution and wording that follows the rating.
//!
//! Each check runs over 100,000 records for US and DE.

use chrono::{Datelike, Duration, NaiveDate};
use datamimic::Context;
use datamimic::domain::ecommerce::{
    Customer, CustomerService, LoyaltyTier, Money, OrderService, RATING_SHARES, Review,
    ReviewService, Segment,
};

const RECORDS: u64 = 100_000;

fn adult_on(birth: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(birth.year() + 18, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(birth.year() + 18, 2, 28))
        .unwrap()
}

fn check_customer(c: &Customer, today: NaiveDate, currency: &str) {
    assert!(c.signup_date <= today, "{c:?}");
    assert!(c.signup_date >= adult_on(c.birthdate) || adult_on(c.birthdate) > today);
    assert!(c.signup_date >= today - Duration::days(3_660));
    assert_eq!(c.currency, currency);
    // The id has the form of an order's user_id, so orders for the customer can carry it.
    let id = c.customer_id.to_string();
    assert!(id.starts_with("USR-") && id.len() == 12, "{id}");
    match (c.first_order_date, c.last_order_date) {
        (Some(first), Some(last)) => {
            assert!(c.order_count > 0);
            assert!(
                c.signup_date <= first && first <= last && last <= today,
                "{c:?}"
            );
            assert!(c.lifetime_spend > Money::ZERO);
            if c.order_count == 1 {
                assert_eq!(first, last);
            }
        }
        (None, None) => {
            assert_eq!(c.order_count, 0);
            assert_eq!(c.lifetime_spend, Money::ZERO);
        }
        _ => panic!("one order date without the other: {c:?}"),
    }
    // The tier from the spend, recomputed with the documented thresholds.
    let spend = c.lifetime_spend.cents();
    let tier = [
        (500_000, LoyaltyTier::Platinum),
        (200_000, LoyaltyTier::Gold),
        (50_000, LoyaltyTier::Silver),
    ]
    .into_iter()
    .find(|&(threshold, _)| spend >= threshold)
    .map_or(LoyaltyTier::Bronze, |(_, tier)| tier);
    assert_eq!(c.loyalty_tier, tier);
    let days = |d: NaiveDate| (today - d).num_days();
    let segment = match c.last_order_date {
        None if days(c.signup_date) <= 30 => Segment::New,
        None => Segment::Prospect,
        Some(last) if days(last) <= 90 => Segment::Active,
        Some(last) if days(last) <= 365 => Segment::AtRisk,
        Some(_) => Segment::Lapsed,
    };
    assert_eq!(c.segment, segment, "{c:?}");
    let email = c.email.to_string().to_lowercase();
    assert!(email.contains('@'));
}

#[test]
fn customers_dates_spend_tier_and_segment_agree() {
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let service = CustomerService::new(country).unwrap().seed(31);
        let today = datamimic::Clock::anchor().today();
        let mut tiers = std::collections::HashSet::new();
        let mut segments = std::collections::HashSet::new();
        for i in 0..RECORDS {
            let c = service.record(i);
            check_customer(&c, today, currency);
            assert_eq!(c.address.country_code, country);
            tiers.insert(c.loyalty_tier);
            segments.insert(c.segment);
        }
        assert_eq!(tiers.len(), 4, "{country}: every tier occurs");
        assert_eq!(segments.len(), 5, "{country}: every segment occurs");
    }
}

#[test]
fn reviews_of_given_orders_belong_to_them_and_follow_delivery() {
    for country in ["US", "DE"] {
        let orders = OrderService::new(country).unwrap().seed(5);
        let reviews = ReviewService::new(country).unwrap().seed(6);
        let settings = reviews.service().settings();
        let now = settings.clock().now();
        let (mut delivered, mut reviewed) = (0, 0);
        for i in 0..RECORDS {
            let order = orders.record(i);
            let mut ctx = Context::new(settings, i);
            let review = Review::for_order(&mut ctx, &order);
            let arrived = Review::is_delivered(order.status);
            assert_eq!(review.is_some(), arrived, "{}", order.status);
            delivered += u64::from(arrived);
            let Some(review) = review else { continue };
            reviewed += 1;
            assert_eq!(review.order_id, order.order_id);
            assert_eq!(review.customer_id, order.user_id);
            let line = order
                .product_list
                .iter()
                .find(|l| l.product_id == review.product_id)
                .expect("the product is one of the order's");
            assert_eq!(line.sku, review.sku);
            assert_eq!(line.name, review.product_name);
            assert!(review.review_date >= order.date + Duration::days(3));
            assert!(review.review_date <= now);
            assert!(review.verified_purchase);
        }
        assert_eq!(delivered, reviewed);
        assert!(
            delivered > RECORDS / 10,
            "{country}: {delivered} delivered orders"
        );
    }
}

#[test]
fn ratings_are_j_shaped_and_the_words_follow_them() {
    for country in ["US", "DE"] {
        let service = ReviewService::new(country).unwrap().seed(7);
        let mut counts = [0u64; 5];
        let (mut praise_in_low, mut praise_in_high) = (0, 0);
        for i in 0..RECORDS {
            let review = service.record(i);
            assert!((1..=5).contains(&review.rating));
            counts[usize::from(review.rating - 1)] += 1;
            assert!(review.text.contains(&review.product_name.to_string()));
            let praise = [
                "Recommended",
                "Would buy again",
                "Empfehlenswert",
                "wieder kaufen",
            ]
            .iter()
            .any(|w| review.text.contains(w));
            if review.rating <= 2 {
                praise_in_low += u64::from(praise);
            } else if review.rating >= 4 {
                praise_in_high += u64::from(praise);
            }
        }
        assert_eq!(praise_in_low, 0, "{country}: a low rating never praises");
        assert!(praise_in_high > 0);
        // J-shape: 5 > 4 > 1 > 3 > 2 and each share within a point of the documented one.
        let total: u64 = RATING_SHARES.iter().sum();
        for (stars, &count) in counts.iter().enumerate() {
            let share = count as f64 / RECORDS as f64;
            let expected = RATING_SHARES[stars] as f64 / total as f64;
            assert!(
                (share - expected).abs() < 0.01,
                "{country} {stars}: {share}"
            );
        }
        assert!(counts[4] > counts[3] && counts[3] > counts[0] && counts[0] > counts[1]);
        let mean = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| (i as f64 + 1.0) * n as f64)
            .sum::<f64>()
            / RECORDS as f64;
        assert!((3.7..4.1).contains(&mean), "{country}: mean {mean}");
    }
}
