//! A customer's orders: what an [`Order`] generated for a [`Customer`] reads of the customer
//! and of the orders before it, in the functions its `child_of(customer: ...)` overrides name.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::sample::below;
use crate::{Context, Siblings};

use super::catalog::Catalog;
use super::customer::Customer;
use super::order::Order;

/// A customer gets no more orders than it has placed (`order_count`): none when it never
/// ordered.
pub(super) fn orders_placed(customer: &Customer) -> usize {
    customer.order_count as usize
}

/// Oldest first.
pub(super) fn oldest_first(_: &Customer, orders: &mut [Order]) {
    orders.sort_by_key(|order| order.date);
}

/// Between the customer's first and last order days, the first order drawn (the newest) on
/// the last day, at a time of day not after the clock's now.
pub(super) fn placed_for(
    ctx: &mut Context<'_>,
    customer: &&Customer,
    siblings: &&Siblings<'_, Order>,
) -> DateTime<Utc> {
    let (Some(first), Some(last)) = (customer.first_order_date, customer.last_order_date) else {
        unreachable!("`orders_placed` gives orders only to customers who ordered");
    };
    let day = if siblings.index() == 0 {
        last
    } else {
        let span = (last - first).num_days().max(0) as u64;
        first + Duration::days(below(ctx.rng(), span + 1) as i64)
    };
    let now = ctx.now();
    (midnight(day) + Duration::seconds(below(ctx.rng(), 86_400) as i64)).min(now)
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// A status that fits the order's age: drawn by the dataset's weights among those whose age
/// window holds it; closed statuses (delivered, returned, cancelled) hold any age from theirs
/// on. Every dataset has open and closed statuses, so the draw ends.
pub(super) fn status_for_age(
    ctx: &mut Context<'_>,
    catalog: &&'static Catalog,
    date: &DateTime<Utc>,
) -> &'static str {
    let age = (ctx.now() - *date).num_seconds();
    let closed_from = Duration::days(3).num_seconds();
    loop {
        let status = catalog.status.sample_index(ctx.rng());
        let (young, old) = catalog.status_age(status);
        if young <= age && (age < old || young >= closed_from) {
            return catalog.status.value(status);
        }
    }
}
