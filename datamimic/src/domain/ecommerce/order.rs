//! Order: lines of products with quantities, and a total that adds up to the cent.

use chrono::{DateTime, Duration, Utc};

use crate::domain::common::Address;
use crate::ident::code::Code;
use crate::sample::{below, chance, pick};
use crate::{ChildOf, Context, Counting, Mimic, Siblings, TableUse, tables};

use super::catalog::{Catalog, FAMILIES};
use super::ean::Ean13;
use super::money::Money;
use super::picks::one_of;
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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Order {
    /// Order number (`ORD-0004711023`).
    pub order_id: Code,
    /// The customer's account (`USR-00012345`).
    pub user_id: Code,
    /// One to five lines.
    pub product_list: Vec<OrderLine>,
    /// Lines + tax + shipping − discount.
    pub total_amount: Money,
    /// When the order was placed, before the clock's now by as long as the status needs:
    /// open orders within three days, shipped ones one to 21 days, closed ones up to a year.
    #[serde(serialize_with = "crate::domain::iso_date::date_time")]
    pub date: DateTime<Utc>,
    /// Status from `ecommerce/order_status`.
    pub status: &'static str,
    /// Payment method from `ecommerce/payment_method`.
    pub payment_method: &'static str,
    /// Shipping method from `ecommerce/shipping_method`.
    pub shipping_method: &'static str,
    /// Where the order goes.
    pub shipping_address: Address,
    /// Who pays: the shipping address in 85 % of orders (illustrative).
    pub billing_address: Address,
    /// ISO 4217 code of the country's currency.
    pub currency: &'static str,
    /// Sales tax or VAT: the sum of the lines' taxes.
    pub tax_amount: Money,
    /// The shipping method's cost.
    pub shipping_amount: Money,
    /// The coupon's percentage of the lines' total, rounded to the cent; zero without coupon.
    pub discount_amount: Money,
    /// The coupon used, if any (`SAVE10` takes 10 % off).
    pub coupon_code: Option<&'static str>,
    /// A delivery note, if any.
    pub notes: Option<&'static str>,
}

/// One line of an order: the product as ordered (what identifies and prices it; a full
/// [`Product`](super::Product) adds physical details an order does not need) and the quantity.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct OrderLine {
    /// The product's catalogue identifier.
    pub product_id: Code,
    /// The product's stock-keeping unit.
    pub sku: Code,
    /// The product's EAN-13, with the country's GS1 prefix.
    pub ean: Ean13,
    /// The product's name.
    pub name: ProductName,
    /// The product's category, which decides the tax rate.
    pub category: &'static str,
    /// The product's brand.
    pub brand: &'static str,
    /// Unit price, net of tax.
    pub price: Money,
    /// How many.
    pub quantity: u32,
    /// Price × quantity.
    pub line_total: Money,
    /// The line's tax: its total at the category's rate, rounded half up to the cent.
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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
pub struct OrderItem {
    /// The order's number.
    pub order_id: Code,
    /// The line's place in the order, from 1.
    pub line_number: u32,
    /// The line.
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

/// The items of an order are its lines: the order fixes their number, and item `i` is line
/// `i`, drawn nothing of its own.
impl ChildOf<Order> for OrderItem {
    fn mimic_child(
        order: &Order,
        siblings: &Siblings<'_, OrderItem>,
        _: &mut Context<'_>,
    ) -> OrderItem {
        let index = siblings.index();
        OrderItem {
            order_id: order.order_id,
            line_number: index as u32 + 1,
            line: order.product_list[index],
        }
    }

    const COUNTING: Counting = Counting::Parent;

    fn count(order: &Order, _: usize) -> usize {
        order.product_list.len()
    }
}

/// On its own, an item is the first line of an order of its own.
impl Mimic for OrderItem {
    fn mimic(ctx: &mut Context<'_>) -> OrderItem {
        let order = Order::mimic(ctx);
        OrderItem {
            order_id: order.order_id,
            line_number: 1,
            line: order.product_list[0],
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        Order::visit_tables(visitor);
    }
}

/// Lines per order, 1 to 5, and units per line, 1 to 5 (illustrative: most orders are small).
const LINE_WEIGHTS: [u64; 5] = [45, 25, 15, 10, 5];
const QUANTITY_WEIGHTS: [u64; 5] = [70, 18, 7, 3, 2];

impl Mimic for Order {
    fn mimic(ctx: &mut Context<'_>) -> Order {
        let catalog = Catalog::of(ctx);
        let cents = ProductConfig::default().cents();
        let lines = 1 + crate::sample::weighted_index(ctx.rng(), &LINE_WEIGHTS);
        let mut product_list = Vec::with_capacity(lines);
        for _ in 0..lines {
            let listing = Listing::draw(ctx, catalog, cents);
            let quantity = 1 + crate::sample::weighted_index(ctx.rng(), &QUANTITY_WEIGHTS) as u32;
            let line_total = listing.price * quantity;
            product_list.push(OrderLine {
                product_id: listing.product_id,
                sku: listing.sku,
                ean: listing.ean,
                name: listing.name,
                category: listing.category,
                brand: listing.brand,
                price: listing.price,
                quantity,
                line_total,
                tax_amount: line_total.times_ppm(catalog.tax_ppm(listing.category_row)),
            });
        }
        let subtotal: Money = product_list.iter().map(|l| l.line_total).sum();
        let tax_amount: Money = product_list.iter().map(|l| l.tax_amount).sum();
        let shipping = catalog.shipping.sample_index(ctx.rng());
        let shipping_amount = catalog.shipping_cost(shipping);
        let (coupon_code, discount_amount) = if chance(ctx.rng(), 0.15) {
            let &(code, percent) = pick(ctx.rng(), COUPONS);
            (Some(code), subtotal.times_ppm(percent * 10_000))
        } else {
            (None, Money::ZERO)
        };
        let status = catalog.status.sample_index(ctx.rng());
        let (young, old) = catalog.status_age(status);
        let age = young + below(ctx.rng(), (old - young) as u64) as i64;
        let date = ctx.now() - Duration::seconds(age);
        let shipping_address = Address::mimic(ctx);
        let billing_address = if chance(ctx.rng(), 0.85) {
            shipping_address.clone()
        } else {
            Address::mimic(ctx)
        };
        let notes = chance(ctx.rng(), 0.1)
            .then(|| one_of(ctx.rng(), if catalog.german { NOTES_DE } else { NOTES_EN }));
        Order {
            order_id: Code::new("ORD", below(ctx.rng(), 10_000_000_000), 10),
            user_id: Code::new("USR", below(ctx.rng(), 100_000_000), 8),
            product_list,
            total_amount: subtotal + tax_amount + shipping_amount - discount_amount,
            date,
            status: catalog.status.value(status),
            payment_method: catalog.payment.sample_row(ctx.rng()).value(),
            shipping_method: catalog.shipping.value(shipping),
            shipping_address,
            billing_address,
            currency: catalog.currency,
            tax_amount,
            shipping_amount,
            discount_amount,
            coupon_code,
            notes,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        for family in FAMILIES.iter().copied().chain([
            &tables::COMMON_ADDRESS_STATE,
            &tables::COMMON_PHONE_MOBILE_PREFIX,
        ]) {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
        Address::visit_tables(visitor);
    }
}
