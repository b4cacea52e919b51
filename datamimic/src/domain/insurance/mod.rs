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
mod claim;
mod company;
mod coverage;
mod insured;
mod policy;
mod product;
mod risk_profile;

// A policy's limits, deductibles and causes of loss, as its claims see them.
mod claim_terms;

// Premium ranges and terms per line of business.
mod premium;

// Per-dataset lookups in the baked tables.
mod tables;

// Services in datamimic-ce's shape.
mod claim_service;
mod service;

pub use claim::{ClaimStatus, InsuranceClaim};
pub use claim_service::{InsuranceClaimService, InsuredService, RiskProfileService};
pub use company::InsuranceCompany;
pub use coverage::{CoverageDescription, InsuranceCoverage};
pub use coverage_set::{CoverageSet, Coverages};
pub use id::RecordId;
pub use insured::{Insured, Relationship};
pub use policy::InsurancePolicy;
pub use product::InsuranceProduct;
pub use risk_profile::{RiskClass, RiskFactors, RiskProfile};
pub use service::{
    InsuranceCompanyService, InsuranceCoverageService, InsurancePolicyService,
    InsuranceProductService,
};
