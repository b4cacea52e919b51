//! Phone numbers in international notation: the country's calling code, then an area code or
//! a mobile prefix, then subscriber digits up to the country's national number length.

use rand::Rng;

use crate::Context;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};
use crate::sample::below;

use super::lookup::{COUNTRY_PHONE_CODE, Resolved, country_row};

/// A phone number such as `+49 351 4930217`, kept as its parts so generating one allocates
/// nothing; `Display` and `Serialize` write the international form.
///
/// ```
/// use datamimic::domain::common::AddressService;
///
/// let address = AddressService::new("DE")?.seed(1).generate();
/// let phone = address.phone.to_string();
/// assert!(phone.starts_with(&format!("+49 {} ", address.area_code)));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PhoneNumber {
    country_code: &'static str,
    prefix: &'static str,
    subscriber: u64,
}

impl PhoneNumber {
    /// The calling code without `+` (`49`).
    pub fn country_code(&self) -> &'static str {
        self.country_code
    }

    /// The area code of a landline or the mobile prefix of a mobile number (`351`).
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The subscriber number; its first digit is never 0 or 1.
    pub fn subscriber(&self) -> u64 {
        self.subscriber
    }

    /// The subscriber numbers of this one's length: `(first, count)`, starting at 2 followed by
    /// zeros (0 and 1 start trunk and service codes).
    pub(crate) fn same_length_subscribers(&self) -> (u64, u64) {
        let digits = (self.subscriber.max(1).ilog10() as usize).min(18);
        let first = 2 * POWERS_OF_TEN[digits];
        (first, POWERS_OF_TEN[digits + 1].saturating_sub(first))
    }

    /// This number's calling code and prefix with another subscriber.
    pub(crate) fn with_subscriber(self, subscriber: u64) -> PhoneNumber {
        PhoneNumber { subscriber, ..self }
    }
}

impl TextParts for PhoneNumber {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put("+");
        put(self.country_code);
        put(" ");
        put(self.prefix);
        put(" ");
        put(itoa::Buffer::new().format(self.subscriber));
    }
}

display_and_serialize_by_parts!(PhoneNumber);

/// Length of the national significant number (prefix + subscriber) of landlines and mobiles,
/// from the national numbering plans (ITU-T E.164 assignments as summarised by libphonenumber).
fn national_length(country: &str, mobile: bool) -> usize {
    match (country.as_bytes(), mobile) {
        (b"DE", true) => 11,
        (b"CH" | b"FR" | b"ES" | b"NL" | b"PL" | b"SE", _) => 9,
        _ => 10,
    }
}

/// The calling code of `country`, `1` (US, the fallback) if it is unknown.
fn calling_code(ctx: &Context<'_>, country: &str) -> &'static str {
    let resolved = Resolved::of(ctx);
    // Usually the very same string as the resolved code: compare addresses before bytes.
    if std::ptr::eq(resolved.country_code, country) || resolved.country_code == country {
        return resolved.calling_code;
    }
    country_row(country).map_or("1", |row| row.cell(COUNTRY_PHONE_CODE))
}

/// 10^0 to 10^12: subscriber numbers have at most 12 digits (E.164 allows 15 in all, the
/// calling code included).
const POWERS_OF_TEN: [u64; 20] = {
    let mut powers = [1u64; 20];
    let mut i = 1;
    while i < powers.len() {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

/// What numbers of one country need besides their prefix, worked out once per dataset so
/// that a number costs one draw and a few instructions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberingPlan {
    calling_code: &'static str,
    landline_length: usize,
    mobile_length: usize,
}

impl NumberingPlan {
    /// The plan of `country`, whose calling code is `calling_code`.
    pub(crate) fn new(country: &str, calling_code: &'static str) -> NumberingPlan {
        NumberingPlan {
            calling_code,
            landline_length: national_length(country, false),
            mobile_length: national_length(country, true),
        }
    }

    /// A landline in `area_code`.
    #[inline]
    pub(crate) fn landline<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        area_code: &'static str,
    ) -> PhoneNumber {
        self.number(rng, area_code, self.landline_length)
    }

    /// A mobile number with `prefix`.
    #[inline]
    pub(crate) fn mobile<R: Rng + ?Sized>(&self, rng: &mut R, prefix: &'static str) -> PhoneNumber {
        self.number(rng, prefix, self.mobile_length)
    }

    #[inline]
    fn number<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        prefix: &'static str,
        length: usize,
    ) -> PhoneNumber {
        // At least four subscriber digits, the first one 2-9 (0 and 1 start trunk and service
        // codes): uniform over [2 * 10^(d-1), 10^d), which is 4 times as wide as its start.
        let digits = length.saturating_sub(prefix.len()).clamp(4, 12);
        let low = 2 * POWERS_OF_TEN[digits - 1];
        PhoneNumber {
            country_code: self.calling_code,
            prefix,
            subscriber: low + below(rng, 4 * low),
        }
    }
}

/// A landline of `country` in `area_code`.
pub(crate) fn landline(
    ctx: &mut Context<'_>,
    country: &&'static str,
    area_code: &&'static str,
) -> PhoneNumber {
    NumberingPlan::new(country, calling_code(ctx, country)).landline(ctx.rng(), area_code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, tables};

    /// A mobile number of `country` with one of its prefixes.
    fn mobile(ctx: &mut Context<'_>, country: &'static str) -> PhoneNumber {
        let prefixes = tables::COMMON_PHONE_MOBILE_PREFIX.resolve(country).unwrap();
        let prefix = prefixes.sample_row(ctx.rng()).value();
        NumberingPlan::new(country, calling_code(ctx, country)).mobile(ctx.rng(), prefix)
    }

    #[test]
    fn numbers_have_the_national_length() {
        let settings = Settings::seeded(1);
        let mut ctx = Context::new(&settings, 0);
        let phone = landline(&mut ctx, &"DE", &"351");
        assert_eq!(phone.country_code(), "49");
        let text = phone.to_string();
        assert!(text.starts_with("+49 351 "), "{text}");
        assert_eq!(text.len(), "+49 351 ".len() + 7);
        let (first, count) = phone.same_length_subscribers();
        assert_eq!((first, count), (2_000_000, 8_000_000));
        let neighbour = phone.with_subscriber(first + count - 1);
        assert_eq!(neighbour.to_string(), "+49 351 9999999");
        let cell = mobile(&mut ctx, "US");
        assert_eq!(cell.to_string().len(), "+1 ".len() + 3 + 1 + 7);
    }

    #[test]
    fn text_reads_as_before() {
        let long_prefix = "1234567890123456789012345678901234567890";
        let settings = Settings::seeded(5);
        let mut ctx = Context::new(&settings, 0);
        let mut phones = vec![
            landline(&mut ctx, &"US", &"212"),
            mobile(&mut ctx, "DE"),
            PhoneNumber {
                country_code: "1",
                prefix: "",
                subscriber: 0,
            },
            PhoneNumber {
                country_code: "1",
                prefix: "7",
                subscriber: u64::MAX,
            },
            PhoneNumber {
                country_code: "49",
                prefix: long_prefix,
                subscriber: 2_000_000,
            },
        ];
        for digits in 1..20 {
            phones.push(PhoneNumber {
                country_code: "358",
                prefix: "40",
                subscriber: 10u64.pow(digits) - 1,
            });
        }
        for phone in phones {
            let expected = format!(
                "+{} {} {}",
                phone.country_code, phone.prefix, phone.subscriber
            );
            assert_eq!(phone.to_string(), expected);
            assert_eq!(
                serde_json::to_value(phone).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
