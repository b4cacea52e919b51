//! The common domain: Person, Address, City, Country, Company.
