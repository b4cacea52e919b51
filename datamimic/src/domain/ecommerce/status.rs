//! How far along an order of each status is, so its date fits: an order still being packed was
//! placed days ago, not last spring, and a delivered one not this morning. Stages of the
//! status names in `ecommerce/order_status` (US and DE); the windows are illustrative.

use chrono::Duration;

/// Open statuses (before shipping): placed within the last three days.
const OPEN: &[&str] = &[
    "PENDING",
    "AWAITING_PAYMENT",
    "PAYMENT_CONFIRMED",
    "PROCESSING",
    "PICKING",
    "PACKED",
    "QUALITY_CHECK",
    "AWAITING_SHIPMENT",
    "FRAUD_REVIEW",
    "ON_HOLD",
    "BESTELLUNG_EINGEGANGEN",
    "RECHNUNG_OFFEN",
    "ZAHLUNG_EINGEGANGEN",
    "IN_BEARBEITUNG",
    "WARENENTNAHME",
    "VERPACKT",
    "QUALITAETSPRUEFUNG",
    "WARTET_AUF_VERSAND",
    "FRAUD_PRUEFUNG",
    "AUF_HALT",
];

/// Statuses on the way (shipped, waiting for pick-up or restock): one to 21 days ago.
const UNDERWAY: &[&str] = &[
    "SHIPPED",
    "IN_TRANSIT",
    "OUT_FOR_DELIVERY",
    "CUSTOMER_PICKUP_READY",
    "HOLD_FOR_PICKUP",
    "DELIVERY_EXCEPTION",
    "WEATHER_DELAY",
    "BACKORDERED",
    "VERSENDET",
    "IN_ZUSTELLUNG",
    "LIEFERUNG_TERMINIERT",
    "ABHOLUNG_PAKETSHOP",
    "ABHOLBEREIT",
    "ZUSTELL_HINDERNIS",
    "WETTERVERZOEGERT",
    "NACHBESTELLT",
];

/// The window of an order's age, in seconds before now: `low..high`. Every other status
/// (delivered, returned, refunded, cancelled) is closed: three days to a year ago.
pub(crate) fn age_window(status: &str) -> (i64, i64) {
    let days = |d: i64| Duration::days(d).num_seconds();
    if OPEN.contains(&status) {
        (0, days(3))
    } else if UNDERWAY.contains(&status) {
        (days(1), days(21))
    } else {
        (days(3), days(365))
    }
}
