//! E-commerce: Product and Order.
//!
//! Products are coherent within a record (the name's noun belongs to the category; price,
//! weight and dimensions follow the category; the EAN-13 carries the country's GS1 prefix and
//! a valid check digit) and orders add up to the cent (lines + tax at the country's rate per
//! category + shipping − discount), in the country's currency.
//!
//! ```
//! use datamimic::domain::ecommerce::{OrderService, ProductService};
//! use datamimic::ident::ean;
//!
//! let product = ProductService::new("DE")?.seed(42).generate();
//! assert!(ean::is_valid(product.ean.as_str()));
//! let order = OrderService::new("DE")?.seed(42).generate();
//! assert_eq!(order.shipping_address.country_code, "DE");
//! # Ok::<(), datamimic::Error>(())
//! ```

// Values kept as their parts, rendered on demand instead of allocated.
mod ean;

// Entities.
mod customer;
mod customer_orders;
mod invoice;
mod order;
mod product;
mod review;

// The tables of a dataset, indexed once, and what the tables lack.
mod cancelled;
mod catalog;
mod profile;
mod status;
mod vocabulary;
mod wording;

// The words of reviews.
mod review_wording;

// Services in datamimic-ce's shape.
mod customer_service;
mod service;

pub use crate::domain::money::Money;
pub use crate::domain::picks::Picks;
pub use crate::ident::code::Code;
pub use customer::{Customer, LoyaltyTier, Segment};
pub use customer_service::{CustomerService, InvoiceService, ReviewService};
pub use ean::Ean13;
pub use invoice::{Invoice, InvoiceLine, InvoiceStatus, TaxSummary};
pub use order::{Order, OrderItem, OrderLine};
pub use product::{
    Availability, Condition, Dimensions, Product, ProductConfig, ProductDescription, ProductName,
};
pub use review::{RATING_SHARES, Review};
pub use service::{OrderService, ProductService};
