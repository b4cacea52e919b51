//! Address: street, city, state, postal code and phones of one coherent place.

use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};
use crate::tables::columns::common_address_city as city_columns;
use crate::{Context, Mimic, Row, tables};

use super::house_number;
use super::lookup::Resolved;
use super::phone::PhoneNumber;

/// A postal address. City, state, postal code and area code come from one row of
/// `common/address/city`, so a postal code always belongs to its city and state; the phones
/// use the country's calling code and, for landlines, the city's area code.
///
/// Fields follow datamimic-ce's order; `state_code` and `area_code` are datamimic additions
/// (the coherence they carry is otherwise lost in the state name and the phone number).
///
/// ```
/// use datamimic::domain::common::AddressService;
///
/// let address = AddressService::new("DE")?.seed(7).generate();
/// assert_eq!(address.country, "Germany");
/// assert_eq!(address.postal_code.len(), 5);
/// println!("{}", address.full_address);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
// The dataset's tables and country, resolved once per dataset.
#[mimic(let(resolved: &'static Resolved, with = Resolved::here))]
pub struct Address {
    /// Street name, from `common/address/street`.
    #[mimic(with = street(resolved), tables = ["common/address/street"])]
    pub street: &'static str,
    /// House number, small numbers being the most common: from `common/address/house_number`
    /// where the country publishes their distribution, otherwise by an illustrative rule.
    #[mimic(with = house_number(resolved))]
    pub house_number: u16,
    /// City (or town) name.
    #[mimic(let(place: Row, with = city_row(resolved), tables = ["common/address/city"]))]
    #[mimic(from = place.cell(city_columns::CITY))]
    pub city: &'static str,
    /// The state's code in `common/address/state` (`SN`, `CA`).
    #[mimic(from = place.cell(city_columns::STATE_CODE))]
    pub state_code: &'static str,
    /// The state's name (`Sachsen`, `California`).
    #[mimic(from = resolved.state_name(state_code), tables = ["common/address/state"])]
    pub state: &'static str,
    /// Postal code, leading zeros kept (`01067`).
    #[mimic(from = place.cell(city_columns::POSTAL_CODE))]
    pub postal_code: &'static str,
    /// Telephone area code without the trunk prefix (`351`).
    #[mimic(from = place.cell(city_columns::AREA_CODE))]
    pub area_code: &'static str,
    /// Country name (`Germany`).
    #[mimic(from = resolved.country_name)]
    pub country: &'static str,
    /// ISO country code (`DE`): the country of the tables actually used, so a dataset that
    /// falls back to US data gets a US address, not a foreign calling code on a US city.
    #[mimic(from = resolved.country_code)]
    pub country_code: &'static str,
    /// Landline in the city's area code.
    #[mimic(with = landline(resolved, place))]
    pub phone: PhoneNumber,
    /// Mobile number with one of the country's mobile prefixes (`common/phone/mobile_prefix`;
    /// the US has no separate mobile ranges, so its prefixes are area codes).
    #[mimic(with = mobile(resolved), tables = ["common/phone/mobile_prefix"])]
    pub mobile_phone: PhoneNumber,
    /// Fax, a landline in the city's area code.
    #[mimic(with = landline(resolved, place))]
    pub fax: PhoneNumber,
    /// An organisation at this address (as in datamimic-ce): a company name where the country
    /// has company-name data, otherwise empty rather than a foreign name.
    #[mimic(with = organization(resolved))]
    pub organization: &'static str,
    /// The address on one line in the country's order.
    #[mimic(from = FullAddress { street, house_number, city, state_code, postal_code, country_code })]
    pub full_address: FullAddress,
}

/// A street of the dataset, by weight. The dataset's street and city tables are resolved with
/// its other tables, once, rather than looked up per record as `weighted = ...` does: every
/// person, patient, company and order embeds an address.
#[inline]
fn street(ctx: &mut Context<'_>, resolved: &&Resolved) -> &'static str {
    resolved.street.sample_row(ctx.rng()).value()
}

/// A row of the dataset's `common/address/city`, by weight: city, state, postal and area code
/// of one place.
#[inline]
fn city_row(ctx: &mut Context<'_>, resolved: &&Resolved) -> Row {
    resolved.city.sample_row(ctx.rng())
}

/// A landline in the area code of the city row `place`.
#[inline]
fn landline(ctx: &mut Context<'_>, resolved: &&Resolved, place: &Row) -> PhoneNumber {
    let lead = resolved.landline_leads[place.index()];
    resolved.phone_plan.landline(ctx.rng(), lead)
}

/// A mobile number with one of the country's mobile prefixes.
#[inline]
fn mobile(ctx: &mut Context<'_>, resolved: &&Resolved) -> PhoneNumber {
    let lead = resolved.mobile_leads[resolved.mobile_prefix.sample_index(ctx.rng())];
    resolved.phone_plan.mobile(ctx.rng(), lead)
}

/// A company name of the country, or empty where it has none.
#[inline]
fn organization(ctx: &mut Context<'_>, resolved: &&Resolved) -> &'static str {
    resolved
        .company_words
        .map_or("", |words| words.sample_row(ctx.rng()).value())
}

/// From the country's published distribution where it has one (CH), otherwise illustrative.
#[inline]
fn house_number(ctx: &mut Context<'_>, resolved: &&Resolved) -> u16 {
    match &resolved.house_numbers {
        Some(numbers) => numbers.sample(ctx.rng()),
        None => house_number::illustrative(ctx.rng(), resolved.is_us),
    }
}

/// An address on one line in its country's conventions (`Hauptstraße 12, 01067 Dresden`,
/// `12 Main Street, Springfield, IL 62701`), rendered on demand without allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FullAddress {
    street: &'static str,
    house_number: u16,
    city: &'static str,
    state_code: &'static str,
    postal_code: &'static str,
    country_code: &'static str,
}

impl FullAddress {
    /// The parts in the country's order, `number` being the house number as text; the array
    /// holds them up to the returned length.
    #[inline]
    pub(crate) fn parts<'a>(&'a self, number: &'a str) -> ([&'a str; 9], usize) {
        let FullAddress {
            street,
            city,
            state_code,
            postal_code,
            ..
        } = *self;
        match self.country_code {
            "US" => (
                [
                    number,
                    " ",
                    street,
                    ", ",
                    city,
                    ", ",
                    state_code,
                    " ",
                    postal_code,
                ],
                9,
            ),
            "GB" | "VN" => (
                [number, " ", street, ", ", city, " ", postal_code, "", ""],
                7,
            ),
            "FR" => (
                [number, " ", street, ", ", postal_code, " ", city, "", ""],
                7,
            ),
            "ES" | "IT" => (
                [street, ", ", number, ", ", postal_code, " ", city, "", ""],
                7,
            ),
            _ => (
                [street, " ", number, ", ", postal_code, " ", city, "", ""],
                7,
            ),
        }
    }

    /// The house number.
    pub(crate) fn house_number(&self) -> u16 {
        self.house_number
    }
}

impl TextParts for FullAddress {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        let mut number = itoa::Buffer::new();
        let (parts, len) = self.parts(number.format(self.house_number));
        for part in &parts[..len] {
            put(part);
        }
    }
}

display_and_serialize_by_parts!(FullAddress);

// Tables `visit_tables` leaves to the services, which check them.
pub(crate) static EXTRA_TABLES: &[&crate::TableFamily] = &[
    &tables::COMMON_ADDRESS_STATE,
    &tables::COMMON_PHONE_MOBILE_PREFIX,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Service;

    #[test]
    fn dresden_keeps_its_leading_zero() {
        let address = FullAddress {
            street: "Hauptstraße",
            house_number: 12,
            city: "Dresden",
            state_code: "SN",
            postal_code: "01067",
            country_code: "DE",
        };
        assert_eq!(address.to_string(), "Hauptstraße 12, 01067 Dresden");
        let generated = Service::<Address>::new()
            .dataset("DE")
            .unwrap()
            .seed(1)
            .record(0);
        assert_eq!(generated.country_code, "DE");
    }

    /// The `write!` formats `FullAddress` had before it was written from parts.
    fn formatted(a: &FullAddress) -> String {
        let (street, n, city) = (a.street, a.house_number, a.city);
        let (state_code, postal_code) = (a.state_code, a.postal_code);
        match a.country_code {
            "US" => format!("{n} {street}, {city}, {state_code} {postal_code}"),
            "GB" => format!("{n} {street}, {city} {postal_code}"),
            "FR" => format!("{n} {street}, {postal_code} {city}"),
            "VN" => format!("{n} {street}, {city} {postal_code}"),
            "ES" | "IT" => format!("{street}, {n}, {postal_code} {city}"),
            _ => format!("{street} {n}, {postal_code} {city}"),
        }
    }

    #[test]
    fn full_addresses_read_as_before() {
        let long = "Straße der Langen Namen und noch längeren Zusätze, Hinterhaus";
        for country_code in ["US", "GB", "FR", "VN", "ES", "IT", "DE", "SE"] {
            for (street, house_number, city) in [
                ("Main Street", 1, "Springfield"),
                ("Rue \"Neuve\"", 9_999, "Saint-Denis, Réunion"),
                (long, u16::MAX, long),
                ("", 0, ""),
            ] {
                let address = FullAddress {
                    street,
                    house_number,
                    city,
                    state_code: "IL",
                    postal_code: "62701",
                    country_code,
                };
                let expected = formatted(&address);
                assert_eq!(address.to_string(), expected);
                assert_eq!(
                    serde_json::to_value(address).unwrap(),
                    serde_json::Value::String(expected)
                );
            }
        }
        for dataset in Service::<Address>::supported_datasets() {
            let mut service = Service::<Address>::new().dataset(dataset).unwrap().seed(3);
            for address in service.iter().take(300) {
                let expected = formatted(&address.full_address);
                assert_eq!(
                    serde_json::to_value(address.full_address).unwrap(),
                    serde_json::Value::String(expected)
                );
            }
        }
    }
}
