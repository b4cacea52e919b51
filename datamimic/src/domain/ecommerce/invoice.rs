//! Invoice: the bill of an order, its lines and taxes adding up to the cent.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::common::{Address, Company};
use crate::domain::money::Money;
use crate::ident::code::Code;
use crate::sample::{below, chance};
use crate::{ChildOf, Context, Mimic, Siblings};

use super::cancelled::is_cancelled;
use super::catalog::Catalog;
use super::order::Order;
use super::product::ProductName;

/// One line of an invoice.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct InvoiceLine {
    /// 1 for the first line.
    pub position: u32,
    /// The product's name.
    pub description: ProductName,
    /// The product's stock-keeping unit.
    pub sku: Code,
    /// How many.
    pub quantity: u32,
    /// Price of one unit, net of tax.
    pub unit_price: Money,
    /// `quantity × unit_price`.
    pub net_amount: Money,
    /// The tax rate of the product's category in percent (`19.0`, `7.46`).
    pub tax_rate_percent: f64,
    /// `net_amount` at the rate, rounded half up to the cent.
    pub tax_amount: Money,
    /// `net_amount + tax_amount`.
    pub gross_amount: Money,
}

/// The net amount and tax of one rate, as a German invoice must show them (§ 14 UStG).
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct TaxSummary {
    /// The rate in percent.
    pub tax_rate_percent: f64,
    /// The lines' net amounts at this rate.
    pub net_amount: Money,
    /// The lines' taxes at this rate.
    pub tax_amount: Money,
}

/// Whether an invoice has been paid.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvoiceStatus {
    /// Paid (paid in advance, or by the due date or later).
    Paid,
    /// Not yet due.
    Open,
    /// Past due and unpaid.
    Overdue,
}

/// Payment methods that pay on the invoice rather than at checkout, and the days they give
/// (illustrative: 14 days is the German norm for Rechnungskauf, net 30 the US one).
fn payment_terms(method: &str) -> u32 {
    match method {
        "Rechnungskauf" => 14,
        "BANK_TRANSFER" | "INVOICE" => 30,
        _ => 0,
    }
}

/// The invoice of an order.
///
/// Coherence ([`Invoice::for_order`]): cancelled orders are not billed; one line per order
/// line, with the order's quantities,
/// prices and per-line taxes at the category's rate of the country (19 % or 7 % in Germany,
/// the average combined sales tax in the US); every line's gross is its net plus its tax; the
/// tax summary groups the lines by rate; net total, tax total, shipping and discount add up to
/// the gross total to the cent, which is the order's total; the issue date is the order's
/// date, the due date follows by the payment terms of the order's payment method (paid at
/// checkout: due on issue), and an invoice is overdue only past its due date.
///
/// ```
/// use datamimic::domain::ecommerce::{InvoiceService, Money};
///
/// let invoice = InvoiceService::new("DE")?.seed(3).generate();
/// let net: Money = invoice.lines.iter().map(|l| l.net_amount).sum();
/// assert_eq!(net, invoice.net_total);
/// assert_eq!(
///     invoice.gross_total,
///     invoice.net_total + invoice.tax_total + invoice.shipping_amount - invoice.discount_amount
/// );
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate", child_of(order: Order, alone = billed_order, count = invoice_count))]
#[mimic(let(terms: Terms, from = Terms::of(order)))]
#[mimic(let(settlement: Settlement, with = Settlement::draw(terms)))]
#[mimic(let(seller: Company))]
#[mimic(let(bill: Bill, with = Bill::of(order)))]
pub struct Invoice {
    /// Invoice number with the year of issue (`INV-2024-0012345`, `RE-2024-0012345`).
    #[mimic(with = invoice_number(terms, serial))]
    pub invoice_number: String,
    /// The order billed.
    #[mimic(from = order.order_id)]
    pub order_id: Code,
    /// The customer's account.
    #[mimic(from = order.user_id)]
    pub customer_id: Code,
    /// The shop's company name.
    #[mimic(take = seller.full_name)]
    pub seller_name: String,
    /// The shop's tax number: a German VAT id (`DE` and nine digits, the last a check digit
    /// by ISO 7064 MOD 11,10) or a US employer identification number (`12-3456789`).
    #[mimic(with = seller_tax_id)]
    pub seller_tax_id: String,
    /// Where the bill goes: the order's billing address.
    // The invoice's serial number is drawn after the seller's tax id.
    #[mimic(let(serial: u64, with = invoice_serial))]
    #[mimic(from = order.billing_address)]
    pub bill_to: Address,
    /// Day of issue.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = terms.issue_date)]
    pub issue_date: NaiveDate,
    /// Day payment is due.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = terms.due_date)]
    pub due_date: NaiveDate,
    /// Days between issue and due date.
    #[mimic(from = terms.days)]
    pub payment_terms_days: u32,
    /// The order's payment method.
    #[mimic(from = order.payment_method)]
    pub payment_method: &'static str,
    /// The lines, in the order's order.
    #[mimic(take = bill.lines)]
    pub lines: Vec<InvoiceLine>,
    /// Net amounts and taxes by rate, highest rate first.
    #[mimic(take = bill.tax_summary)]
    pub tax_summary: Vec<TaxSummary>,
    /// Sum of the lines' net amounts.
    #[mimic(from = bill.net_total)]
    pub net_total: Money,
    /// Sum of the lines' taxes.
    #[mimic(from = bill.tax_total)]
    pub tax_total: Money,
    /// Shipping charged.
    #[mimic(from = order.shipping_amount)]
    pub shipping_amount: Money,
    /// Coupon discount.
    #[mimic(from = order.discount_amount)]
    pub discount_amount: Money,
    /// `net_total + tax_total + shipping_amount − discount_amount`.
    #[mimic(from = bill.net_total + bill.tax_total + order.shipping_amount - order.discount_amount)]
    pub gross_total: Money,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = order.currency)]
    pub currency: &'static str,
    /// Paid, open or overdue on the clock's today.
    #[mimic(from = settlement.status)]
    pub status: InvoiceStatus,
    /// Day of payment, for paid invoices.
    #[mimic(from = settlement.paid_date)]
    pub paid_date: Option<NaiveDate>,
}

impl Invoice {
    /// Whether an order of `status` is billed: every order but a cancelled one.
    pub fn is_billed(status: &str) -> bool {
        !is_cancelled(status)
    }

    /// The invoice of `order`, or `None` for a cancelled order (nothing to bill).
    pub fn for_order(ctx: &mut Context<'_>, order: &Order) -> Option<Invoice> {
        Invoice::is_billed(order.status)
            .then(|| <Invoice as ChildOf<Order>>::mimic_child(order, &Siblings::alone(), ctx))
    }
}

/// An order that was not cancelled, for an invoice on its own: orders are drawn until one is
/// billed.
fn billed_order(ctx: &mut Context<'_>) -> Order {
    loop {
        let order = Order::mimic(ctx);
        if Invoice::is_billed(order.status) {
            return order;
        }
    }
}

/// An order's invoices: one for a billed order, none for a cancelled one.
fn invoice_count(order: &Order) -> usize {
    usize::from(Invoice::is_billed(order.status))
}

/// Issue and due date: issued on the order's day, due after the payment method's terms.
#[derive(Debug, Clone, Copy)]
struct Terms {
    issue_date: NaiveDate,
    due_date: NaiveDate,
    days: u32,
}

impl Terms {
    fn of(order: &Order) -> Terms {
        let issue_date = order.date.date_naive();
        let days = payment_terms(order.payment_method);
        let due_date = issue_date
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(issue_date);
        Terms {
            issue_date,
            due_date,
            days,
        }
    }
}

/// Whether and when the invoice was paid, on the clock's today.
#[derive(Debug, Clone, Copy)]
struct Settlement {
    status: InvoiceStatus,
    paid_date: Option<NaiveDate>,
}

impl Settlement {
    fn draw(ctx: &mut Context<'_>, terms: &Terms) -> Settlement {
        let Terms {
            issue_date,
            due_date,
            days: payment_terms_days,
        } = *terms;
        let today = ctx.today();
        let (status, paid_date) = if payment_terms_days == 0 {
            (InvoiceStatus::Paid, Some(issue_date))
        } else if due_date >= today {
            // Not yet due: some pay early.
            if chance(ctx.rng(), 0.4) {
                let days = (today - issue_date).num_days().max(0) as u64;
                let paid = issue_date + Days::new(below(ctx.rng(), days + 1));
                (InvoiceStatus::Paid, Some(paid))
            } else {
                (InvoiceStatus::Open, None)
            }
        } else if chance(ctx.rng(), 0.9) {
            // Past due: most were paid, a few days late at most a month.
            let last = (today - issue_date).num_days().max(0) as u64;
            let span = (u64::from(payment_terms_days) + 30).min(last);
            let paid = issue_date + Days::new(below(ctx.rng(), span + 1));
            (InvoiceStatus::Paid, Some(paid))
        } else {
            (InvoiceStatus::Overdue, None)
        };
        Settlement { status, paid_date }
    }
}

/// The lines of an order as billed, the taxes by rate and the totals.
#[derive(Debug, Clone)]
struct Bill {
    lines: Vec<InvoiceLine>,
    tax_summary: Vec<TaxSummary>,
    net_total: Money,
    tax_total: Money,
}

impl Bill {
    fn of(ctx: &mut Context<'_>, order: &&Order) -> Bill {
        let catalog = Catalog::of(ctx);
        let rate_ppm = |category: &str| {
            (0..catalog.category.len())
                .find(|&r| catalog.category.value(r) == category)
                .map_or(0, |r| catalog.tax_ppm(r))
        };
        let mut tax_summary: Vec<(u32, TaxSummary)> = Vec::new();
        let lines: Vec<InvoiceLine> = order
            .product_list
            .iter()
            .zip(1..)
            .map(|(line, position)| {
                let ppm = rate_ppm(line.category);
                let tax_rate_percent = f64::from(ppm) / 10_000.0;
                match tax_summary.iter_mut().find(|(p, _)| *p == ppm) {
                    Some((_, summary)) => {
                        summary.net_amount = summary.net_amount + line.line_total;
                        summary.tax_amount = summary.tax_amount + line.tax_amount;
                    }
                    None => tax_summary.push((
                        ppm,
                        TaxSummary {
                            tax_rate_percent,
                            net_amount: line.line_total,
                            tax_amount: line.tax_amount,
                        },
                    )),
                }
                InvoiceLine {
                    position,
                    description: line.name,
                    sku: line.sku,
                    quantity: line.quantity,
                    unit_price: line.price,
                    net_amount: line.line_total,
                    tax_rate_percent,
                    tax_amount: line.tax_amount,
                    gross_amount: line.line_total + line.tax_amount,
                }
            })
            .collect();
        tax_summary.sort_by_key(|&(ppm, _)| std::cmp::Reverse(ppm));
        let net_total: Money = lines.iter().map(|l| l.net_amount).sum();
        let tax_total: Money = lines.iter().map(|l| l.tax_amount).sum();
        Bill {
            lines,
            tax_summary: tax_summary.into_iter().map(|(_, s)| s).collect(),
            net_total,
            tax_total,
        }
    }
}

/// The shop's tax number: a German VAT id or a US employer identification number.
fn seller_tax_id(ctx: &mut Context<'_>) -> String {
    if Catalog::of(ctx).german {
        vat_id_de(ctx)
    } else {
        ein(ctx)
    }
}

/// The serial part of an invoice number.
fn invoice_serial(ctx: &mut Context<'_>) -> u64 {
    below(ctx.rng(), 10_000_000)
}

/// `INV-2024-0012345` (US) or `RE-2024-0012345` (DE): the year of issue and the serial.
fn invoice_number(ctx: &mut Context<'_>, terms: &Terms, serial: &u64) -> String {
    let prefix = if Catalog::of(ctx).german { "RE" } else { "INV" };
    format!("{prefix}-{}-{serial:07}", terms.issue_date.year())
}

/// A German VAT id: `DE`, eight digits and the ISO 7064 MOD 11,10 check digit
/// (Bundeszentralamt für Steuern).
fn vat_id_de(ctx: &mut Context<'_>) -> String {
    let mut digits: Vec<u32> = vec![1 + below(ctx.rng(), 9) as u32];
    digits.extend((0..7).map(|_| below(ctx.rng(), 10) as u32));
    digits.push(mod_11_10_check(&digits));
    let text: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
    format!("DE{text}")
}

/// The ISO 7064 MOD 11,10 check digit of `digits`.
pub(crate) fn mod_11_10_check(digits: &[u32]) -> u32 {
    let mut product = 10;
    for &d in digits {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

/// IRS campus prefixes of employer identification numbers (the prefixes the IRS lists as
/// assigned; 07-09, 17-19, 28-29, 49, 69-70, 78-79, 89 and 96-97 are not).
const EIN_PREFIXES: &[u8] = &[
    1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
    34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86,
    87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
];

/// A US employer identification number: a campus prefix and seven digits (`12-3456789`).
fn ein(ctx: &mut Context<'_>) -> String {
    let prefix = EIN_PREFIXES[below(ctx.rng(), EIN_PREFIXES.len() as u64) as usize];
    format!("{prefix:02}-{:07}", below(ctx.rng(), 10_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_vat_ids_check_out() {
        // DE136695976, a VAT id often used as an example: its check digit is 6.
        assert_eq!(mod_11_10_check(&[1, 3, 6, 6, 9, 5, 9, 7]), 6);
    }
}
