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
mod money;
mod picks;

// Entities.
mod order;
mod product;

// The tables of a dataset, indexed once, and what the tables lack.
mod catalog;
mod grouped;
mod profile;
mod status;
mod vocabulary;
mod wording;

// Services in datamimic-ce's shape.
mod service;

pub use crate::ident::code::Code;
pub use ean::Ean13;
pub use money::Money;
pub use order::{Order, OrderLine};
pub use picks::Picks;
pub use product::{
    Availability, Condition, Dimensions, Product, ProductConfig, ProductDescription, ProductName,
};
pub use service::{OrderService, ProductService};

// Shared with the public-sector domain.
pub(crate) use grouped::Grouped;
pub(crate) use picks::{distinct, distinct_of, one_of};
