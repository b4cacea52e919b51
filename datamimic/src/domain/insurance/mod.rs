//! Insurance: InsuranceCompany, InsuranceProduct, InsuranceCoverage, InsurancePolicy.
