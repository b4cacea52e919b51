//! ProductService and OrderService in datamimic-ce's shape, thin wrappers over [`Service`].

use crate::domain::service::service_methods;
use crate::{Result, Service};

use super::{Order, Product, ProductConfig};

/// Generates [`Product`]s: `ProductService(dataset, min_price=0.99, max_price=999.99, rng)`.
///
/// ```
/// use datamimic::domain::ecommerce::{ProductConfig, ProductService};
///
/// let config = ProductConfig { min_price: 10.0, max_price: 20.0 };
/// let mut products = ProductService::with_config("US", config)?.seed(5);
/// let batch = products.generate_batch(100);
/// assert!(batch.iter().all(|p| (1_000..=2_000).contains(&p.price.cents())));
/// assert_eq!(products.iter().next(), Some(products.record(100)));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct ProductService {
    inner: Service<Product>,
}

impl ProductService {
    /// Products of `dataset` priced 0.99 to 999.99, unseeded.
    pub fn new(dataset: &str) -> Result<ProductService> {
        ProductService::with_config(dataset, ProductConfig::default())
    }

    /// Products of `dataset` priced within `config`; an empty or negative range is an error.
    pub fn with_config(dataset: &str, config: ProductConfig) -> Result<ProductService> {
        config.validate()?;
        let inner = Service::<Product>::new().config(config).dataset(dataset)?;
        Ok(ProductService { inner })
    }

    /// Products of `dataset` priced `min_price` to `max_price` (datamimic-ce's arguments).
    pub fn with_prices(dataset: &str, min_price: f64, max_price: f64) -> Result<ProductService> {
        ProductService::with_config(
            dataset,
            ProductConfig {
                min_price,
                max_price,
            },
        )
    }

    service_methods!(Product);
}

/// Generates [`Order`]s: `OrderService(dataset, rng, reference_now)`.
///
/// ```
/// use datamimic::Clock;
/// use datamimic::domain::ecommerce::OrderService;
///
/// let mut orders = OrderService::new("US")?.seed(9);
/// let order = orders.generate();
/// assert!(order.date <= Clock::anchor().now());
/// assert_eq!(order.currency, "USD");
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct OrderService {
    inner: Service<Order>,
}

impl OrderService {
    /// Orders of `dataset`, unseeded, relative to the system clock.
    pub fn new(dataset: &str) -> Result<OrderService> {
        let inner = Service::<Order>::new().dataset(dataset)?;
        Ok(OrderService { inner })
    }

    service_methods!(Order);
}
