//! Identifiers with valid check digits (IBAN, card numbers, NPI, ABA routing numbers, SSN,
//! EAN-13): generators and validators.
