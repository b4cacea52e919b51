//! Review: a customer's rating and words on a product they ordered and received.

use chrono::{DateTime, Duration, Utc};

use crate::domain::amount::log_uniform;
use crate::ident::code::Code;
use crate::sample::{below, pick};
use crate::{ChildOf, Context, Mimic, Siblings};

use super::cancelled::is_cancelled;
use super::catalog::Catalog;
use super::order::{Order, OrderLine};
use super::product::ProductName;
use super::review_wording::wording;
use super::status::age_window;

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
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(order: Order, alone = delivered_order, at_most = review_limit))]
#[mimic(let(line: OrderLine, with = reviewed_line(order)))]
#[mimic(let(stars: u8, with = star_rating))]
#[mimic(let(parts: Parts, with = Parts::draw(line, stars)))]
pub struct Review {
    /// Review number (`REV-0012345678`).
    #[mimic(from = review_number)]
    pub review_id: Code,
    /// The order the product came with.
    #[mimic(from = order.order_id)]
    pub order_id: Code,
    /// The customer who ordered it (the order's `user_id`).
    #[mimic(from = order.user_id)]
    pub customer_id: Code,
    /// The product's catalogue identifier.
    #[mimic(from = line.product_id)]
    pub product_id: Code,
    /// The product's stock-keeping unit.
    #[mimic(from = line.sku)]
    pub sku: Code,
    /// The product's name.
    #[mimic(from = line.name)]
    pub product_name: ProductName,
    /// 1 to 5 stars.
    #[mimic(from = stars)]
    pub rating: u8,
    /// Short headline.
    #[mimic(from = parts.title)]
    pub title: &'static str,
    /// Two to three sentences naming the product.
    #[mimic(with = review_text(parts))]
    pub text: String,
    /// When the review was posted.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(with = posted(order))]
    pub review_date: DateTime<Utc>,
    /// Whether the reviewer bought the product from the shop (always, for reviews of orders).
    #[mimic(let(votes: u32, with = helpful_votes))]
    #[mimic(constant = true)]
    pub verified_purchase: bool,
    /// How many readers marked the review helpful; most get none.
    // The review number is drawn last (a `let` on the last field comes last).
    #[mimic(let(review_number: Code, with = review_code))]
    #[mimic(from = votes)]
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
        Review::reviewable(order)
            .then(|| <Review as ChildOf<Order>>::mimic_child(order, &Siblings::alone(), ctx))
    }
}

/// A delivered order, for a review on its own: orders are drawn until one has arrived.
fn delivered_order(ctx: &mut Context<'_>) -> Order {
    loop {
        let order = Order::mimic(ctx);
        if Review::reviewable(&order) {
            return order;
        }
    }
}

/// An order's reviews: none for an order that was not delivered, else as many as the caller
/// asks (`--with Review=0..2`).
fn review_limit(order: &Order) -> usize {
    if Review::reviewable(order) {
        usize::MAX
    } else {
        0
    }
}

/// The line reviewed: one of the order's products.
fn reviewed_line(ctx: &mut Context<'_>, order: &&Order) -> OrderLine {
    *pick(ctx.rng(), &order.product_list)
}

/// Stars by their J-shaped shares.
fn star_rating(ctx: &mut Context<'_>) -> u8 {
    1 + crate::sample::weighted_index(ctx.rng(), &RATING_SHARES) as u8
}

/// The sentences of a review, in the rating's sentiment and the country's language.
#[derive(Debug, Clone)]
struct Parts {
    opening: String,
    remark: &'static str,
    closing: &'static str,
    title: &'static str,
}

impl Parts {
    fn draw(ctx: &mut Context<'_>, line: &OrderLine, stars: &u8) -> Parts {
        let words = wording(*stars, Catalog::of(ctx).german);
        let name = line.name.to_string();
        let opening = pick(ctx.rng(), words.openings).replace("{}", &name);
        let remark = *pick(ctx.rng(), words.remarks);
        let closing = *pick(ctx.rng(), words.closings);
        let title = *pick(ctx.rng(), words.titles);
        Parts {
            opening,
            remark,
            closing,
            title,
        }
    }
}

/// Two or three sentences: a third of the reviews leave out the remark.
fn review_text(ctx: &mut Context<'_>, parts: &Parts) -> String {
    let Parts {
        opening,
        remark,
        closing,
        ..
    } = parts;
    if below(ctx.rng(), 3) == 0 {
        format!("{opening} {closing}")
    } else {
        format!("{opening} {remark} {closing}")
    }
}

/// Posted after delivery, mostly soon after: log-uniform over the time since.
fn posted(ctx: &mut Context<'_>, order: &&Order) -> DateTime<Utc> {
    let delivered = order.date + Duration::days(DELIVERED_WITHIN_DAYS);
    let since = (ctx.now() - delivered).num_seconds().max(1);
    let delay = (log_uniform(ctx.rng(), 1.0, since as f64 + 1.0) as i64 - 1).clamp(0, since);
    delivered + Duration::seconds(delay)
}

/// How many readers marked the review helpful; most get none.
fn helpful_votes(ctx: &mut Context<'_>) -> u32 {
    (log_uniform(ctx.rng(), 1.0, 200.0) as u32).saturating_sub(4)
}

/// A review number (`REV-0012345678`).
fn review_code(ctx: &mut Context<'_>) -> Code {
    Code::new("REV", below(ctx.rng(), 10_000_000_000), 10)
}
