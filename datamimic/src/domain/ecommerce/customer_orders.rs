//! A customer's orders: orders generated for a [`Customer`], carrying the customer's account,
//! address and order history.

use chrono::{Duration, NaiveDate};

use crate::sample::below;
use crate::{ChildOf, Context, Counting, Mimic, Siblings};

use super::catalog::Catalog;
use super::customer::Customer;
use super::order::Order;

/// An order of a customer: placed on the customer's account (`user_id` is the customer's
/// `customer_id`) and shipped to the customer's address (billed there too, unless the order
/// bills elsewhere, as 15 % do); placed between the customer's first and last order days,
/// the newest on the last, listed oldest first; its status fits its age (an order from last
/// year was delivered, returned or cancelled, one from this morning is still open). A customer
/// gets no more orders than it has placed (`order_count`): none when it never ordered.
impl ChildOf<Customer> for Order {
    fn mimic_child(
        customer: &Customer,
        siblings: &Siblings<'_, Order>,
        ctx: &mut Context<'_>,
    ) -> Order {
        let order = Order::mimic(ctx);
        let (Some(first), Some(last)) = (customer.first_order_date, customer.last_order_date)
        else {
            unreachable!("count gives orders only to customers who ordered");
        };
        let day = if siblings.index() == 0 {
            last
        } else {
            let span = (last - first).num_days().max(0) as u64;
            first + Duration::days(below(ctx.rng(), span + 1) as i64)
        };
        let now = ctx.now();
        let date = (midnight(day) + Duration::seconds(below(ctx.rng(), 86_400) as i64)).min(now);
        let status = status_for_age(ctx, (now - date).num_seconds());
        let billing_address = if order.billing_address == order.shipping_address {
            customer.address.clone()
        } else {
            order.billing_address
        };
        Order {
            user_id: customer.customer_id,
            shipping_address: customer.address.clone(),
            billing_address,
            date,
            status,
            ..order
        }
    }

    const COUNTING: Counting = Counting::Capped;

    fn count(customer: &Customer, asked: usize) -> usize {
        asked.min(customer.order_count as usize)
    }

    /// Oldest first.
    fn finish(_: &Customer, orders: &mut [Order]) {
        orders.sort_by_key(|order| order.date);
    }
}

fn midnight(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// A status drawn by the dataset's weights among those whose age window holds `age` seconds;
/// closed statuses (delivered, returned, cancelled) hold any age from theirs on. Every dataset
/// has open and closed statuses, so the draw ends.
fn status_for_age(ctx: &mut Context<'_>, age: i64) -> &'static str {
    let catalog = Catalog::of(ctx);
    let closed_from = Duration::days(3).num_seconds();
    loop {
        let status = catalog.status.sample_index(ctx.rng());
        let (young, old) = catalog.status_age(status);
        if young <= age && (age < old || young >= closed_from) {
            return catalog.status.value(status);
        }
    }
}
