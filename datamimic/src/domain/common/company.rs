//! Company: name, legal form and contacts of a firm at a coherent address.
//!
//! Names are synthetic (`Müller Bau`, `Transports Martin`, `Anderssons Bygg`), built from
//! family names, places and trade words the way register names are; each name row carries its
//! sector, so name and sector agree. Legal forms follow their shares in the national company
//! registers (`datasets/SOURCES.md`).

use crate::{Context, Mimic, TableUse, tables};

use super::address::{Address, EXTRA_TABLES};
use super::phone::{PhoneNumber, landline_near};

/// A company. Its legal form belongs to its country; its sector is the one its name was built
/// for; its e-mail and url derive from its name; its phones use its city's area code. Hand-written because datamimic-ce's field order puts
/// the phones (which need the address's area code) before the address fields.
///
/// ```
/// use datamimic::domain::common::CompanyService;
///
/// let company = CompanyService::new("DE")?.seed(4).generate();
/// assert!(company.full_name.ends_with(company.legal_form));
/// assert!(company.url.ends_with(".de"));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct Company {
    /// Record number, from 1.
    pub id: u64,
    /// Trading name (`Müller Bau`).
    pub short_name: &'static str,
    /// Name with legal form (`Müller Bau GmbH`; in Vietnam the form comes first:
    /// `Công ty TNHH Xây dựng Minh Phát`).
    pub full_name: String,
    /// Legal form of the country (`GmbH`).
    pub legal_form: &'static str,
    /// Industry sector (NACE section, NAICS sector in the US), in the country's language.
    pub sector: &'static str,
    /// `info@` the company's domain.
    pub email: String,
    /// The company's web address.
    pub url: String,
    /// Main landline.
    pub phone_number: PhoneNumber,
    /// Office landline.
    pub office_phone: PhoneNumber,
    /// Fax.
    pub fax: PhoneNumber,
    /// Street name.
    pub street: &'static str,
    /// House number.
    pub house_number: u16,
    /// City.
    pub city: &'static str,
    /// State name.
    pub state: &'static str,
    /// Postal code.
    pub zip_code: &'static str,
    /// Country name.
    pub country: &'static str,
    /// ISO country code.
    pub country_code: &'static str,
}

impl Mimic for Company {
    fn mimic(ctx: &mut Context<'_>) -> Company {
        let name = ctx
            .table(&tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD)
            .sample_row(ctx.rng());
        let (short_name, sector) = (name.value(), name.cell(NAME_SECTOR));
        let legal_form = ctx
            .table(&tables::COMMON_ORGANIZATION_LEGAL_FORM)
            .sample_row(ctx.rng())
            .value();
        let address = Address::mimic(ctx);
        let domain = format!(
            "{}.{}",
            crate::text::email_local_part(&[short_name], "-", address.country_code),
            top_level_domain(address.country_code)
        );
        Company {
            id: ctx.index() + 1,
            short_name,
            full_name: full_name(short_name, legal_form, address.country_code),
            legal_form,
            sector,
            email: format!("info@{domain}"),
            url: format!("https://www.{domain}"),
            phone_number: address.phone,
            office_phone: landline_near(ctx, address.country_code, &address.phone),
            fax: address.fax,
            street: address.street,
            house_number: address.house_number,
            city: address.city,
            state: address.state,
            zip_code: address.postal_code,
            country: address.country,
            country_code: address.country_code,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        for family in [
            &tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD,
            &tables::COMMON_ORGANIZATION_LEGAL_FORM,
        ]
        .into_iter()
        .chain(EXTRA_TABLES.iter().copied())
        {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
        visitor(TableUse {
            family: &tables::COMMON_ORGANIZATION_COMPANY_NAME_WORD,
            column: NAME_SECTOR,
            accepts: None,
        });
        Address::visit_tables(visitor);
    }
}

/// The `sector` column of `common/organization/company_name_word`.
const NAME_SECTOR: usize = 1;

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
