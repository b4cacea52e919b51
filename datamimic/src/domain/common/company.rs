//! Company: name, legal form and contacts of a firm at a coherent address.
//!
//! Names are synthetic (`Müller Bau`, `Transports Martin`, `Anderssons Bygg`), built from
//! family names, places and trade words the way register names are; each name row carries its
//! sector, so name and sector agree. Legal forms follow their shares in the national company
//! registers (`datasets/SOURCES.md`).

use crate::{Context, Mimic};

use super::address::Address;
use super::phone::{PhoneNumber, landline_near};

/// A company. Its legal form belongs to its country; its sector is the one its name was built
/// for; its e-mail and url derive from its name; its phones use its city's area code.
///
/// ```
/// use datamimic::domain::common::CompanyService;
///
/// let company = CompanyService::new("DE")?.seed(4).generate();
/// assert!(company.full_name.ends_with(company.legal_form));
/// assert!(company.url.ends_with(".de"));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
pub struct Company {
    /// Record number, from 1.
    #[mimic(seq)]
    pub id: u64,
    /// Trading name (`Müller Bau`).
    #[mimic(weighted = "common/organization/company_name_word", column = "name")]
    pub short_name: &'static str,
    /// Name with legal form (`Müller Bau GmbH`; in Vietnam the form comes first:
    /// `Công ty TNHH Xây dựng Minh Phát`).
    #[mimic(from = full_name(short_name, legal_form, address.country_code))]
    pub full_name: String,
    /// Legal form of the country (`GmbH`).
    #[mimic(weighted = "common/organization/legal_form")]
    pub legal_form: &'static str,
    /// Industry sector (NACE section, NAICS sector in the US), in the country's language.
    // The address is drawn after the legal form, and the fields below copy it.
    #[mimic(let(address: Address))]
    #[mimic(weighted = "common/organization/company_name_word", column = "sector")]
    pub sector: &'static str,
    /// `info@` the company's domain.
    #[mimic(let(domain: String, from = domain(short_name, address.country_code)))]
    #[mimic(format = "info@{domain}")]
    pub email: String,
    /// The company's web address.
    #[mimic(format = "https://www.{domain}")]
    pub url: String,
    /// Main landline.
    #[mimic(from = address.phone)]
    pub phone_number: PhoneNumber,
    /// Office landline.
    #[mimic(with = office_phone(address))]
    pub office_phone: PhoneNumber,
    /// Fax.
    #[mimic(from = address.fax)]
    pub fax: PhoneNumber,
    /// Street name.
    #[mimic(from = address.street)]
    pub street: &'static str,
    /// House number.
    #[mimic(from = address.house_number)]
    pub house_number: u16,
    /// City.
    #[mimic(from = address.city)]
    pub city: &'static str,
    /// State name.
    #[mimic(from = address.state)]
    pub state: &'static str,
    /// Postal code.
    #[mimic(from = address.postal_code)]
    pub zip_code: &'static str,
    /// Country name.
    #[mimic(from = address.country)]
    pub country: &'static str,
    /// ISO country code.
    #[mimic(from = address.country_code)]
    pub country_code: &'static str,
}

/// Another landline near the address's.
fn office_phone(ctx: &mut Context<'_>, address: &Address) -> PhoneNumber {
    landline_near(ctx, address.country_code, &address.phone)
}

/// The company's web domain: its name folded for e-mail at the country's usual domain.
fn domain(short_name: &str, country: &str) -> String {
    format!(
        "{}.{}",
        crate::text::email_local_part(&[short_name], "-", country),
        top_level_domain(country)
    )
}

/// The registered name: Vietnamese names put the legal form first (`Công ty TNHH ...`),
/// the other countries' after the name (`... GmbH`).
fn full_name(short_name: &str, legal_form: &str, country: &str) -> String {
    if country == "VN" {
        format!("{legal_form} {short_name}")
    } else {
        format!("{short_name} {legal_form}")
    }
}

/// The country's usual commercial top-level domain.
fn top_level_domain(country: &str) -> String {
    match country {
        "US" => "com".to_owned(),
        "GB" => "co.uk".to_owned(),
        other => other.to_ascii_lowercase(),
    }
}
