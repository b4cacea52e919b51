//! Which order statuses mean the order was cancelled: it is neither billed nor delivered.

/// Statuses of cancelled orders in `ecommerce/order_status` (US and DE).
const CANCELLED: [&str; 2] = ["CANCELLED", "STORNIERT"];

/// Whether an order of `status` was cancelled.
pub(crate) fn is_cancelled(status: &str) -> bool {
    CANCELLED.contains(&status)
}
