//! Invoices whose lines, taxes and totals add up to the cent with the country's VAT or sales
//! tax; payments whose timestamps follow their status; wallets whose balance and card fit
//! their provider.
//!
//! Each check runs over 100,000 records for US and DE.

use std::collections::{HashMap, HashSet};

use chrono::Days;
use datamimic::domain::ecommerce::{Invoice, InvoiceService, InvoiceStatus, Money, OrderService};
use datamimic::domain::finance::{
    DigitalWalletService, PaymentService, PaymentStatus, WalletStatus, WalletType,
};
use datamimic::{Context, DatasetCode, tables};

const RECORDS: u64 = 100_000;

/// Tax rates of the country's product categories, in parts per million, from the baked table.
fn tax_ppm(country: &str) -> HashMap<&'static str, i64> {
    let table = tables::ECOMMERCE_TAX_RATE.for_dataset(DatasetCode::parse(country).unwrap());
    (0..table.len())
        .map(|r| {
            let rate: f64 = table.cell(r, 1).parse().unwrap();
            (table.value(r), (rate * 1_000_000.0).round() as i64)
        })
        .collect()
}

#[test]
fn invoices_add_up_to_the_cent_with_the_countrys_tax() {
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let rates = tax_ppm(country);
        let orders = OrderService::new(country).unwrap().seed(61);
        let service = InvoiceService::new(country).unwrap().seed(62);
        let settings = service.service().settings();
        let today = settings.clock().today();
        let mut statuses = HashSet::new();
        let mut seen_rates = HashSet::new();
        let mut cancelled_orders = 0;
        for i in 0..RECORDS {
            let order = orders.record(i);
            let invoice = Invoice::for_order(&mut Context::new(settings, i), &order);
            let cancelled = ["CANCELLED", "STORNIERT"].contains(&order.status);
            assert_eq!(invoice.is_some(), !cancelled, "{}", order.status);
            assert_eq!(Invoice::is_billed(order.status), !cancelled);
            let Some(invoice) = invoice else {
                cancelled_orders += 1;
                continue;
            };
            assert_eq!(invoice.order_id, order.order_id);
            assert_eq!(invoice.customer_id, order.user_id);
            assert_eq!(invoice.currency, currency);
            assert_eq!(invoice.lines.len(), order.product_list.len());
            for (k, (line, ordered)) in invoice.lines.iter().zip(&order.product_list).enumerate() {
                assert_eq!(line.position as usize, k + 1);
                assert_eq!(line.quantity, ordered.quantity);
                assert_eq!(
                    line.net_amount.cents(),
                    line.unit_price.cents() * i64::from(line.quantity)
                );
                // The category's rate, half up to the cent, recomputed from the table.
                let ppm = rates[ordered.category];
                assert_eq!((line.tax_rate_percent * 10_000.0).round() as i64, ppm);
                let tax = (line.net_amount.cents() * ppm + 500_000).div_euclid(1_000_000);
                assert_eq!(line.tax_amount.cents(), tax);
                assert_eq!(line.gross_amount, line.net_amount + line.tax_amount);
                seen_rates.insert(ppm);
            }
            let net: Money = invoice.lines.iter().map(|l| l.net_amount).sum();
            let tax: Money = invoice.lines.iter().map(|l| l.tax_amount).sum();
            assert_eq!(invoice.net_total, net);
            assert_eq!(invoice.tax_total, tax);
            let summary_net: Money = invoice.tax_summary.iter().map(|s| s.net_amount).sum();
            let summary_tax: Money = invoice.tax_summary.iter().map(|s| s.tax_amount).sum();
            assert_eq!((summary_net, summary_tax), (net, tax));
            let distinct: HashSet<_> = invoice
                .lines
                .iter()
                .map(|l| (l.tax_rate_percent * 10_000.0) as i64)
                .collect();
            assert_eq!(invoice.tax_summary.len(), distinct.len());
            assert_eq!(
                invoice.gross_total.cents(),
                net.cents() + tax.cents() + invoice.shipping_amount.cents()
                    - invoice.discount_amount.cents()
            );
            assert_eq!(invoice.gross_total, order.total_amount);
            assert_eq!(invoice.issue_date, order.date.date_naive());
            assert_eq!(
                invoice.due_date,
                invoice.issue_date + Days::new(u64::from(invoice.payment_terms_days))
            );
            match invoice.status {
                InvoiceStatus::Paid => {
                    let paid = invoice.paid_date.unwrap();
                    assert!(invoice.issue_date <= paid && paid <= today);
                }
                InvoiceStatus::Open => {
                    assert!(invoice.paid_date.is_none() && invoice.due_date >= today);
                }
                InvoiceStatus::Overdue => {
                    assert!(invoice.paid_date.is_none() && invoice.due_date < today);
                }
            }
            if country == "DE" {
                assert!(invoice.invoice_number.starts_with("RE-"));
                assert!(
                    vat_id_ok(&invoice.seller_tax_id),
                    "{}",
                    invoice.seller_tax_id
                );
            } else {
                assert!(invoice.invoice_number.starts_with("INV-"));
                assert_eq!(invoice.seller_tax_id.len(), 10);
            }
            statuses.insert(invoice.status);
        }
        assert_eq!(statuses.len(), 3, "{country}");
        assert!(cancelled_orders > 0, "{country}: cancelled orders occur");
        if country == "DE" {
            assert_eq!(seen_rates, HashSet::from([190_000, 70_000]), "19 % and 7 %");
        }
        let _ = service.record(0);
    }
}

/// ISO 7064 MOD 11,10 over the nine digits of a German VAT id.
fn vat_id_ok(id: &str) -> bool {
    let Some(digits) = id.strip_prefix("DE") else {
        return false;
    };
    if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut product = 10;
    for (i, b) in digits.bytes().enumerate() {
        let d = u32::from(b - b'0');
        if i == 8 {
            return (11 - product) % 10 == d;
        }
        let sum = match (d + product) % 10 {
            0 => 10,
            s => s,
        };
        product = (2 * sum) % 11;
    }
    false
}

#[test]
fn payments_timestamps_follow_their_status() {
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let service = PaymentService::new(country).unwrap().seed(63);
        let now = service.service().settings().clock().now();
        let mut statuses = HashSet::new();
        for i in 0..RECORDS {
            let p = service.record(i);
            assert_eq!(p.currency, currency);
            assert!(p.amount > Money::ZERO);
            assert!(p.initiated_at <= now);
            let steps = [
                Some(p.initiated_at),
                p.authorized_at,
                p.settled_at,
                p.refunded_at,
            ];
            let present: Vec<_> = steps.iter().flatten().collect();
            assert!(present.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
            assert!(present.iter().all(|t| **t <= now));
            if p.authorized_at.is_some() {
                assert!(p.method.is_authorized());
            }
            let settled_by = p.initiated_at.timestamp() + p.method.settlement_seconds().1;
            match p.status {
                PaymentStatus::Pending => {
                    assert!(!p.method.is_authorized() && p.settled_at.is_none());
                    // Still within the method's settlement time.
                    assert!(settled_by > now.timestamp());
                }
                PaymentStatus::Authorized => {
                    assert!(p.authorized_at.is_some() && p.settled_at.is_none());
                }
                PaymentStatus::Settled => {
                    assert!(p.settled_at.is_some() && p.refunded_at.is_none());
                    assert!(p.method.is_authorized() == p.authorized_at.is_some());
                }
                PaymentStatus::Refunded => {
                    assert!(p.settled_at.is_some() && p.refunded_at.is_some())
                }
                PaymentStatus::Failed => {
                    assert!(p.authorized_at.is_none() && p.settled_at.is_none());
                }
            }
            if let Some(settled) = p.settled_at {
                let (low, high) = p.method.settlement_seconds();
                let took = (settled - p.initiated_at).num_seconds();
                assert!((low..=high).contains(&took));
            }
            assert_eq!(
                p.failure_reason.is_some(),
                p.status == PaymentStatus::Failed
            );
            assert!(!p.payee_name.is_empty() && !p.payee_category.is_empty());
            statuses.insert(p.status);
        }
        assert_eq!(statuses.len(), 5, "{country}");
    }
}

/// Only the last four digits of the linked card show.
#[test]
fn wallets_have_a_balance_only_when_they_store_value() {
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let service = DigitalWalletService::new(country).unwrap().seed(64);
        let now = service.service().settings().clock().now();
        let (mut providers, mut statuses) = (HashSet::new(), HashSet::new());
        for i in 0..RECORDS {
            let w = service.record(i);
            assert_eq!(w.currency, currency);
            assert_eq!(
                w.balance.is_some(),
                w.wallet_type == WalletType::StoredValue
            );
            assert!(w.balance.is_none_or(|b| b >= Money::ZERO));
            assert!(w.created_date <= w.last_used && w.last_used <= now);
            let launched = match (country, w.provider) {
                ("US", "PayPal") => 1999,
                ("DE", "PayPal") => 2004,
                ("US", "Apple Pay") => 2014,
                (_, "Apple Pay" | "Google Pay") => 2018,
                ("US", "Venmo") => 2009,
                ("US", "Cash App") => 2013,
                other => panic!("unknown provider {other:?}"),
            };
            assert!(chrono::Datelike::year(&w.created_date) >= launched);
            assert_eq!(w.linked_card_last4.len(), 4);
            assert!(w.linked_card_masked.ends_with(&w.linked_card_last4));
            let digits = w
                .linked_card_masked
                .chars()
                .filter(char::is_ascii_digit)
                .count();
            assert_eq!(digits, 4, "{}", w.linked_card_masked);
            statuses.insert(w.status);
            providers.insert(w.provider);
        }
        assert_eq!(providers.len(), if country == "DE" { 3 } else { 5 });
        assert!(statuses.contains(&WalletStatus::Closed) && statuses.len() == 3);
    }
}
