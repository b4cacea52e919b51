//! Built-in domain models. Person, Address, City, Country, Company, Patient, Hospital, Doctor,
//! MedicalDevice, MedicalProcedure, Bank, Investment (and its Holding), Loan, Payment,
//! DigitalWallet, the digital domain, InsuranceCompany, InsuranceProduct, InsuranceCoverage,
//! InsurancePolicy, Customer, Order (with OrderLine), Product, EducationalInstitution,
//! AdministrationOffice, PoliceOfficer and Gender, and, as children of a parent (`child_of`),
//! BankAccount, CreditCard, Transaction, OrderItem, MedicalRecord, Encounter, Insured,
//! RiskProfile, InsuranceClaim, Review, Invoice and an Order as a Customer's child are declared
//! with `#[derive(Mimic)]` like users' own entities (with named functions for the real
//! algorithmic work). Hand-written still: the lookups of resolved tables that the derived
//! entities read as a `let`.

// The common domain is always built; each industry domain is a Cargo feature of the same
// name (all on by default), so a crate that needs only Person, Address and its own entities
// compiles none of the others.

// The methods every domain service shares.
mod service;

// Writing values as text cheaply: from their parts, and dates as chrono writes them.
mod assembled_text;
mod iso_date;
mod text_parts;

// Writing the models as rows of cells (CSV).
mod row_cells;

// Draw helpers shared by the industry domains. Each is built when a domain that uses it is;
// with only some of those domains on, some of its items go unused.
#[cfg(any(
    feature = "digital",
    feature = "ecommerce",
    feature = "finance",
    feature = "insurance"
))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod amount;
#[cfg(any(
    feature = "digital",
    feature = "ecommerce",
    feature = "finance",
    feature = "healthcare",
    feature = "insurance"
))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod dates;
#[cfg(any(feature = "ecommerce", feature = "public-sector"))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod grouped;
#[cfg(any(
    feature = "healthcare",
    feature = "insurance",
    feature = "public-sector"
))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod halves;
#[cfg(any(feature = "ecommerce", feature = "finance", feature = "insurance"))]
mod holder_config;
#[cfg(any(feature = "healthcare", feature = "public-sector"))]
mod inclusion;
#[cfg(any(
    feature = "digital",
    feature = "ecommerce",
    feature = "finance",
    feature = "insurance"
))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod money;
#[cfg(any(feature = "ecommerce", feature = "public-sector"))]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
mod picks;

// Person, Address, City, Country and Company, with their services.
pub mod common;

// Online accounts and customer relationships, declared with the derive.
#[cfg(feature = "digital")]
pub mod digital;

// Industry domains built on the common one.
#[cfg(feature = "ecommerce")]
pub mod ecommerce;
#[cfg(feature = "finance")]
pub mod finance;
#[cfg(feature = "healthcare")]
pub mod healthcare;
#[cfg(feature = "insurance")]
pub mod insurance;
#[cfg(feature = "public-sector")]
pub mod public_sector;

// Amounts, as the e-commerce, finance, insurance and digital domains carry them (also
// `domain::ecommerce::Money`), so that each of those features can name it.
#[cfg(any(
    feature = "digital",
    feature = "ecommerce",
    feature = "finance",
    feature = "insurance"
))]
pub use money::Money;
