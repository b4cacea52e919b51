//! CustomerService, ReviewService and InvoiceService, thin wrappers over [`Service`](crate::Service).

use crate::domain::common::DemographicConfig;
use crate::domain::holder_config::holder_config;
use crate::domain::service::{plain_service, service_methods};
use crate::{Result, Service};

use super::{Customer, Invoice, Review};

/// Generates [`Customer`]s aged 18 to 65 by default, or within a [`DemographicConfig`].
///
/// ```
/// use datamimic::domain::common::DemographicConfig;
/// use datamimic::domain::ecommerce::CustomerService;
///
/// let ages = DemographicConfig { age_min: Some(70), age_max: Some(80) };
/// let mut customers = CustomerService::with_config("US", ages)?.seed(1);
/// assert!(customers.generate_batch(20).iter().all(|c| c.signup_date > c.birthdate));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug)]
pub struct CustomerService {
    inner: Service<Customer>,
}

impl CustomerService {
    /// Customers of `dataset` aged 18 to 65, unseeded.
    pub fn new(dataset: &str) -> Result<CustomerService> {
        CustomerService::with_config(dataset, DemographicConfig::default())
    }

    /// Customers of `dataset` within `demographic`'s age range; `age_min > age_max` is an
    /// error.
    pub fn with_config(dataset: &str, demographic: DemographicConfig) -> Result<CustomerService> {
        let inner = Service::<Customer>::new()
            .config(holder_config(demographic)?)
            .dataset(dataset)?;
        Ok(CustomerService { inner })
    }

    service_methods!(Customer);
}

plain_service!(
    /// Generates [`Review`]s, each of a delivered order it draws itself; for reviews of given
    /// orders use [`Review::for_order`].
    ReviewService,
    Review
);
plain_service!(
    /// Generates [`Invoice`]s, each of an order it draws; for the invoice of a given order
    /// use [`Invoice::for_order`].
    InvoiceService,
    Invoice
);
