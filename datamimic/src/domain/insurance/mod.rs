//! The insurance domain of datamimic-ce: InsuranceCompany, InsuranceProduct,
//! InsuranceCoverage and InsurancePolicy.
//!
//! A policy is coherent: its coverages belong to its product (the product's core cover, such
//! as German motor liability, always among them), its holder is a person by the common
//! domain's rules, `created ≤ start ≤ end` with the status agreeing with today, and the premium
//! per instalment follows the line's annual range, the covers chosen and the payment frequency.
//!
//! ```
//! use datamimic::domain::insurance::InsurancePolicyService;
//!
//! let policy = InsurancePolicyService::new("DE")?.seed(42).generate();
//! assert!(policy.coverages.iter().all(|c| c.product_code == policy.product.code));
//! assert!(policy.start_date <= policy.end_date);
//! # Ok::<(), datamimic::Error>(())
//! ```

// Values rendered on demand instead of allocated.
mod coverage_set;
mod id;

// Entities.
mod company;
mod coverage;
mod policy;
mod product;

// Premium ranges and terms per line of business.
mod premium;

// Per-dataset lookups in the baked tables.
mod tables;

// Services in datamimic-ce's shape.
mod service;

pub use company::InsuranceCompany;
pub use coverage::{CoverageDescription, InsuranceCoverage};
pub use coverage_set::{CoverageSet, Coverages};
pub use id::RecordId;
pub use policy::InsurancePolicy;
pub use product::InsuranceProduct;
pub use service::{
    InsuranceCompanyService, InsuranceCoverageService, InsurancePolicyService,
    InsuranceProductService,
};
