//! Review: a customer's rating and words on a product they ordered and received.

use chrono::{DateTime, Duration, Utc};

use crate::domain::finance::log_uniform;
use crate::sample::{below, pick};
use crate::{ChildOf, Context, Counting, Mimic, Siblings, TableUse};

use super::cancelled::is_cancelled;
use super::catalog::Catalog;
use super::order::Order;
use super::product::ProductName;
use super::review_wording::wording;
use super::status::age_window;
use crate::ident::code::Code;

/// Shares of 1 to 5 stars, in percent. Review ratings are J-shaped: mostly five stars, some
/// one-star, few in between (Hu, Pavlou & Zhang, "Overcoming the J-shaped distribution of
/// product reviews", CACM 52(10), 2009). The shares are illustrative, shaped to the published
/// facts of Amazon's Electronics reviews 1995-2013 (McAuley & Leskovec), as analysed by
/// M. Woolf (2014): more than half five-star, four and one star next, a mean near 3.9.
pub const RATING_SHARES: [u64; 5] = [13, 6, 9, 20, 52];

/// Days after the order by which a delivered order has arrived: every closed order is at
/// least this old ([`age_window`]).
const DELIVERED_WITHIN_DAYS: i64 = 3;

/// A product review, written by the customer of an order about one of its products.
///
/// Coherence: the order, customer and product are the order's (one of its lines); the order
/// was delivered (a closed status other than cancelled) and the review is dated after
/// delivery and before now; the title and text follow the rating's sentiment and the
/// country's language, and the text names the product; the rating's distribution is
/// J-shaped ([`RATING_SHARES`]). Reviews come from orders, so each is a verified purchase.
///
/// ```
/// use datamimic::domain::ecommerce::ReviewService;
///
/// let review = ReviewService::new("US")?.seed(8).generate();
/// assert!((1..=5).contains(&review.rating));
/// assert!(review.text.contains(&review.product_name.to_string()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, crate::Cells, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct Review {
    /// Review number (`REV-0012345678`).
    pub review_id: Code,
    /// The order the product came with.
    pub order_id: Code,
    /// The customer who ordered it (the order's `user_id`).
    pub customer_id: Code,
    /// The product's catalogue identifier.
    pub product_id: Code,
    /// The product's stock-keeping unit.
    pub sku: Code,
    /// The product's name.
    pub product_name: ProductName,
    /// 1 to 5 stars.
    pub rating: u8,
    /// Short headline.
    pub title: &'static str,
    /// Two to three sentences naming the product.
    pub text: String,
    /// When the review was posted.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub review_date: DateTime<Utc>,
    /// Whether the reviewer bought the product from the shop (always, for reviews of orders).
    pub verified_purchase: bool,
    /// How many readers marked the review helpful; most get none.
    pub helpful_votes: u32,
}

impl Review {
    /// Whether an order of `status` reached its customer: closed, and not cancelled.
    pub fn is_delivered(status: &str) -> bool {
        age_window(status).0 >= Duration::days(DELIVERED_WITHIN_DAYS).num_seconds()
            && !is_cancelled(status)
    }

    /// Whether `order` can be reviewed: delivered, with products.
    pub fn reviewable(order: &Order) -> bool {
        Review::is_delivered(order.status) && !order.product_list.is_empty()
    }

    /// A review of one of `order`'s products by its customer, or `None` when the order has not
    /// been delivered (nobody reviews what has not arrived).
    pub fn for_order(ctx: &mut Context<'_>, order: &Order) -> Option<Review> {
        if !Review::reviewable(order) {
            return None;
        }
        let german = Catalog::of(ctx).german;
        let line = pick(ctx.rng(), &order.product_list);
        let rating = 1 + crate::sample::weighted_index(ctx.rng(), &RATING_SHARES) as u8;
        let words = wording(rating, german);
        let name = line.name.to_string();
        let opening = pick(ctx.rng(), words.openings).replace("{}", &name);
        let remark = *pick(ctx.rng(), words.remarks);
        let closing = *pick(ctx.rng(), words.closings);
        let title = *pick(ctx.rng(), words.titles);
        let text = if below(ctx.rng(), 3) == 0 {
            format!("{opening} {closing}")
        } else {
            format!("{opening} {remark} {closing}")
        };
        // Posted after delivery, mostly soon after: log-uniform over the time since.
        let delivered = order.date + Duration::days(DELIVERED_WITHIN_DAYS);
        let since = (ctx.now() - delivered).num_seconds().max(1);
        let delay = (log_uniform(ctx.rng(), 1.0, since as f64 + 1.0) as i64 - 1).clamp(0, since);
        let helpful_votes = (log_uniform(ctx.rng(), 1.0, 200.0) as u32).saturating_sub(4);
        Some(Review {
            review_id: Code::new("REV", below(ctx.rng(), 10_000_000_000), 10),
            order_id: order.order_id,
            customer_id: order.user_id,
            product_id: line.product_id,
            sku: line.sku,
            product_name: line.name,
            rating,
            title,
            text,
            review_date: delivered + Duration::seconds(delay),
            verified_purchase: true,
            helpful_votes,
        })
    }
}

impl Mimic for Review {
    /// A review of a delivered order of its own: orders are drawn until one has arrived.
    fn mimic(ctx: &mut Context<'_>) -> Review {
        loop {
            let order = Order::mimic(ctx);
            if let Some(review) = Review::for_order(ctx, &order) {
                return review;
            }
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Order::visit_tables(visitor);
    }
}

/// An order's reviews: none for an order that was not delivered, else as many as the caller
/// asks (`--with Review=0..2`), each of one of the order's products by its customer.
impl ChildOf<Order> for Review {
    fn mimic_child(order: &Order, _: &Siblings<'_, Review>, ctx: &mut Context<'_>) -> Review {
        Review::for_order(ctx, order).expect("count admits only reviewable orders")
    }

    const COUNTING: Counting = Counting::Capped;

    fn count(order: &Order, asked: usize) -> usize {
        if Review::reviewable(order) { asked } else { 0 }
    }
}
