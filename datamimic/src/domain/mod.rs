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

// The methods every domain service shares.
mod service;

// Writing values as text cheaply: from their parts, and dates as chrono writes them.
mod assembled_text;
mod iso_date;
mod text_parts;

// Writing the models as rows of cells (CSV).
mod row_cells;

// Draw helpers shared by the domains.
mod halves;
mod inclusion;

// Person, Address, City, Country and Company, with their services.
pub mod common;

// Online accounts and customer relationships, declared with the derive.
pub mod digital;

// Industry domains built on the common one.
pub mod ecommerce;
pub mod finance;
pub mod healthcare;
pub mod insurance;
pub mod public_sector;
