//! Order: lines of products with quantities, and a total that adds up to the cent; declared
//! with `#[derive(Mimic)]`.

use chrono::{DateTime, Duration, Utc};

use crate::Context;
use crate::domain::common::Address;
use crate::domain::money::Money;
use crate::domain::picks::one_of;
use crate::ident::code::Code;
use crate::sample::{below, chance, pick};

use super::catalog::Catalog;
use super::customer::{Customer, user_id};
use super::customer_orders::{oldest_first, orders_placed, placed_for, status_for_age};
use super::ean::Ean13;
use super::product::{Listing, ProductConfig, ProductName};
use super::vocabulary::{COUPONS, NOTES_DE, NOTES_EN};

/// An order, with the fields of datamimic-ce's Order in its order.
///
/// Coherence within a record: `total_amount` is exactly the sum of the lines' totals plus
/// `tax_amount` and `shipping_amount` minus `discount_amount`, all in integer cents; the tax
/// is each line's category rate of the country (19 % or 7 % in Germany) rounded per line; the
/// shipping amount is the shipping method's cost; a coupon code names its percentage; the
/// currency is the country's; the date lies before the clock's now, by as long as the status
/// needs (an order being packed is days old, a delivered one not hours); the addresses
/// follow the common domain's rules, and the billing address is usually the shipping one.
///
/// As a [`Customer`]'s order (`datamimic generate Customer --with Order=1..5`), it is placed on
/// the customer's account (`user_id` is the customer's `customer_id`) and shipped to the
/// customer's address (billed there too, unless the order bills elsewhere, as 15 % do);
/// placed between the customer's first and last order days, the newest on the last, listed
/// oldest first; its status fits its age (an order from last year was delivered, returned or
/// cancelled, one from this morning is still open). A customer gets no more orders than it
/// has placed (`order_count`): none when it never ordered.
///
/// ```
/// use datamimic::domain::ecommerce::OrderService;
///
/// let order = OrderService::new("DE")?.seed(2).generate();
/// let lines: i64 = order.product_list.iter().map(|l| l.line_total.cents()).sum();
/// assert_eq!(
///     order.total_amount.cents(),
///     lines + order.tax_amount.cents() + order.shipping_amount.cents() - order.discount_amount.cents()
/// );
/// assert_eq!(order.currency, "EUR");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
// On its own an order has no customer; a customer's orders take these fields from it.
#[mimic(child_of(customer: Option<Customer>, at_most = orders_placed, finish = oldest_first))]
#[mimic(let(catalog: &'static Catalog))]
// What the order is, drawn before its numbers: lines, shipping, coupon, status and age,
// addresses, note.
#[mimic(let(lines: usize, with = line_count))]
#[mimic(let(ordered: Vec<OrderLine>, len = lines))]
#[mimic(let(shipping: usize, with = shipping_row(catalog)))]
#[mimic(let(coupon: Option<&'static (&'static str, u32)>, with = coupon))]
#[mimic(let(state: usize, with = status_row(catalog)))]
#[mimic(let(placed: DateTime<Utc>, with = placed(catalog, state)))]
#[mimic(let(ship_to: Address))]
// The billing address is the shipping one unless another is drawn.
#[mimic(let(bill_to: Option<Address>, optional = 0.85))]
#[mimic(let(note: Option<&'static str>, with = note(catalog)))]
pub struct Order {
    /// Order number (`ORD-0004711023`).
    #[mimic(with = order_id)]
    pub order_id: Code,
    /// The customer's account (`USR-00012345`).
    #[mimic(with = user_id)]
    #[mimic(child_of = customer, from = customer.customer_id)]
    pub user_id: Code,
    /// One to five lines.
    #[mimic(take = ordered)]
    pub product_list: Vec<OrderLine>,
    /// Lines + tax + shipping − discount.
    #[mimic(from = subtotal(&product_list) + tax_amount + shipping_amount - discount_amount)]
    pub total_amount: Money,
    /// When the order was placed, before the clock's now by as long as the status needs:
    /// open orders within three days, shipped ones one to 21 days, closed ones up to a year.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    #[mimic(from = placed)]
    #[mimic(child_of = customer, with = placed_for(customer, siblings))]
    pub date: DateTime<Utc>,
    /// Status from `ecommerce/order_status`.
    #[mimic(from = catalog.status.value(state))]
    #[mimic(child_of = customer, with = status_for_age(catalog, date))]
    pub status: &'static str,
    /// Payment method from `ecommerce/payment_method`.
    #[mimic(with = payment_method(catalog))]
    pub payment_method: &'static str,
    /// Shipping method from `ecommerce/shipping_method`.
    #[mimic(from = catalog.shipping.value(shipping))]
    pub shipping_method: &'static str,
    /// Where the order goes.
    #[mimic(take = ship_to)]
    #[mimic(child_of = customer, from = customer.address)]
    pub shipping_address: Address,
    /// Who pays: the shipping address in 85 % of orders (illustrative).
    #[mimic(take = bill_to.unwrap_or_else(|| shipping_address.clone()))]
    #[mimic(child_of = customer, take = bill_to.unwrap_or_else(|| customer.address.clone()))]
    pub billing_address: Address,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = catalog.currency)]
    pub currency: &'static str,
    /// Sales tax or VAT: the sum of the lines' taxes.
    #[mimic(from = product_list.iter().map(|l| l.tax_amount).sum::<Money>())]
    pub tax_amount: Money,
    /// The shipping method's cost.
    #[mimic(from = catalog.shipping_cost(shipping))]
    pub shipping_amount: Money,
    /// The coupon's percentage of the lines' total, rounded to the cent; zero without coupon.
    #[mimic(from = coupon.map_or(Money::ZERO, |&(_, percent)| subtotal(&product_list).times_ppm(percent * 10_000)))]
    pub discount_amount: Money,
    /// The coupon used, if any (`SAVE10` takes 10 % off).
    #[mimic(from = coupon.map(|&(code, _)| code))]
    pub coupon_code: Option<&'static str>,
    /// A delivery note, if any.
    #[mimic(from = note)]
    pub notes: Option<&'static str>,
}

/// One line of an order: the product as ordered (what identifies and prices it; a full
/// [`Product`](super::Product) adds physical details an order does not need) and the quantity.
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(catalog: &'static Catalog))]
#[mimic(let(listing: Listing, with = listing(catalog)))]
pub struct OrderLine {
    /// The product's catalogue identifier.
    #[mimic(from = listing.product_id)]
    pub product_id: Code,
    /// The product's stock-keeping unit.
    #[mimic(from = listing.sku)]
    pub sku: Code,
    /// The product's EAN-13, with the country's GS1 prefix.
    #[mimic(from = listing.ean)]
    pub ean: Ean13,
    /// The product's name.
    #[mimic(from = listing.name)]
    pub name: ProductName,
    /// The product's category, which decides the tax rate.
    #[mimic(from = listing.category)]
    pub category: &'static str,
    /// The product's brand.
    #[mimic(from = listing.brand)]
    pub brand: &'static str,
    /// Unit price, net of tax.
    #[mimic(from = listing.price)]
    pub price: Money,
    /// How many.
    #[mimic(with = quantity)]
    pub quantity: u32,
    /// Price × quantity.
    #[mimic(from = price * quantity)]
    pub line_total: Money,
    /// The line's tax: its total at the category's rate, rounded half up to the cent.
    #[mimic(from = line_total.times_ppm(catalog.tax_ppm(listing.category_row)))]
    pub tax_amount: Money,
}

/// One line of an order as a record of its own, with the order's number and its place in the
/// order: the rows of an order-items table. An order's items are its lines, so their totals add
/// up to the order's to the cent:
///
/// ```
/// use datamimic::Service;
/// use datamimic::domain::ecommerce::{Order, OrderItem};
///
/// let orders = Service::<Order>::new().dataset("DE")?.seed(3);
/// let items = Service::<OrderItem>::new().dataset("DE")?.seed(3);
/// let order = orders.record(0);
/// let lines = items.children(&order, 0, 1); // an order fixes its own count
/// assert_eq!(lines.len(), order.product_list.len());
/// let sum: i64 = lines.iter().map(|i| (i.line.line_total + i.line.tax_amount).cents()).sum();
/// assert_eq!(
///     order.total_amount.cents(),
///     sum + order.shipping_amount.cents() - order.discount_amount.cents()
/// );
/// assert!(lines.iter().all(|i| i.order_id == order.order_id));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq)]
// The items of an order are its lines: the order fixes their number, and item `i` is line
// `i`, drawn nothing of its own. On its own, an item is the first line of an order of its own.
#[mimic(crate = "crate", child_of(order: Order, count = line_count_of))]
pub struct OrderItem {
    /// The order's number.
    #[mimic(from = order.order_id)]
    pub order_id: Code,
    /// The line's place in the order, from 1.
    #[mimic(from = siblings.index() as u32 + 1)]
    pub line_number: u32,
    /// The line.
    #[mimic(from = order.product_list[siblings.index()])]
    pub line: OrderLine,
}

impl Order {
    /// The order's lines as [`OrderItem`]s, in order.
    pub fn items(&self) -> impl Iterator<Item = OrderItem> + '_ {
        self.product_list
            .iter()
            .zip(1..)
            .map(|(line, line_number)| OrderItem {
                order_id: self.order_id,
                line_number,
                line: *line,
            })
    }
}

/// An order has as many items as lines.
fn line_count_of(order: &Order) -> usize {
    order.product_list.len()
}

/// Lines per order, 1 to 5, and units per line, 1 to 5 (illustrative: most orders are small).
const LINE_WEIGHTS: [u64; 5] = [45, 25, 15, 10, 5];
const QUANTITY_WEIGHTS: [u64; 5] = [70, 18, 7, 3, 2];

/// An order's lines are priced in the default range of a product.
fn listing(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> Listing {
    Listing::draw(ctx, catalog, ProductConfig::default().cents())
}

fn line_count(ctx: &mut Context<'_>) -> usize {
    1 + crate::sample::weighted_index(ctx.rng(), &LINE_WEIGHTS)
}

fn quantity(ctx: &mut Context<'_>) -> u32 {
    1 + crate::sample::weighted_index(ctx.rng(), &QUANTITY_WEIGHTS) as u32
}

fn subtotal(lines: &[OrderLine]) -> Money {
    lines.iter().map(|l| l.line_total).sum()
}

fn shipping_row(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> usize {
    catalog.shipping.sample_index(ctx.rng())
}

/// A coupon in 15 % of orders (illustrative).
fn coupon(ctx: &mut Context<'_>) -> Option<&'static (&'static str, u32)> {
    chance(ctx.rng(), 0.15).then(|| pick(ctx.rng(), COUPONS))
}

fn status_row(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> usize {
    catalog.status.sample_index(ctx.rng())
}

/// Before the clock's now by an age in the status's window.
fn placed(ctx: &mut Context<'_>, catalog: &&'static Catalog, status: &usize) -> DateTime<Utc> {
    let (young, old) = catalog.status_age(*status);
    let age = young + below(ctx.rng(), (old - young) as u64) as i64;
    ctx.now() - Duration::seconds(age)
}

/// A delivery note in one order in ten.
fn note(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> Option<&'static str> {
    chance(ctx.rng(), 0.1)
        .then(|| one_of(ctx.rng(), if catalog.german { NOTES_DE } else { NOTES_EN }))
}

fn order_id(ctx: &mut Context<'_>) -> Code {
    Code::new("ORD", below(ctx.rng(), 10_000_000_000), 10)
}

fn payment_method(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> &'static str {
    catalog.payment.sample_row(ctx.rng()).value()
}
