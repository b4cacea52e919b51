//! Toll-free numbers for customer-service lines.

use crate::{Context, MimicRng};

use super::tables::FinanceTables;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};
use crate::sample::below;

/// A toll-free service number such as `+49 800 1234567` or `+1 888 2345678`: what banks print
/// as their customer-service line. Germany's free-call range is 0800 with seven subscriber
/// digits; the US toll-free codes are 800, 833, 844, 855, 866, 877 and 888 (NANP).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TollFreeNumber {
    country_code: &'static str,
    prefix: u16,
    subscriber: u32,
}

impl TollFreeNumber {
    /// A number of `country` (`DE`; US numbering elsewhere).
    pub(crate) fn draw(rng: &mut MimicRng, country: &str) -> TollFreeNumber {
        const US_CODES: [u16; 7] = [800, 833, 844, 855, 866, 877, 888];
        let (country_code, prefix) = match country {
            "DE" => ("49", 800),
            _ => ("1", US_CODES[below(rng, US_CODES.len() as u64) as usize]),
        };
        TollFreeNumber {
            country_code,
            prefix,
            // Seven digits, the first 2-9 (0 and 1 start trunk and service codes).
            subscriber: 2_000_000 + below(rng, 8_000_000) as u32,
        }
    }

    /// A number of the finance tables' country, in the shape of a `with` function.
    pub(crate) fn of_tables(ctx: &mut Context<'_>, tables: &&FinanceTables) -> TollFreeNumber {
        TollFreeNumber::draw(ctx.rng(), tables.country)
    }

    /// The calling code without `+` (`49`).
    pub fn country_code(&self) -> &'static str {
        self.country_code
    }

    /// The toll-free prefix (`800`).
    pub fn prefix(&self) -> u16 {
        self.prefix
    }
}

impl TextParts for TollFreeNumber {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put("+");
        put(self.country_code);
        put(" ");
        put(itoa::Buffer::new().format(self.prefix));
        put(" ");
        put(itoa::Buffer::new().format(self.subscriber));
    }
}

display_and_serialize_by_parts!(TollFreeNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_as_before() {
        for (country_code, prefix, subscriber) in [
            ("49", 800, 2_000_000),
            ("1", 0, 0),
            ("1", u16::MAX, u32::MAX),
        ] {
            let phone = TollFreeNumber {
                country_code,
                prefix,
                subscriber,
            };
            let expected = format!("+{country_code} {prefix} {subscriber}");
            assert_eq!(phone.to_string(), expected);
            assert_eq!(
                serde_json::to_value(phone).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
