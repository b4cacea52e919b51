//! E-commerce: Product, Order.
