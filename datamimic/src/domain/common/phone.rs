//! Phone numbers in international notation: the country's calling code, then an area code or
//! a mobile prefix, then subscriber digits up to the country's national number length.

use std::collections::HashMap;

use rand::Rng;

use crate::Context;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};
use crate::sample::below;

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
    lead: Lead,
    subscriber: u64,
}

impl PhoneNumber {
    /// The calling code without `+` (`49`).
    pub fn country_code(&self) -> &'static str {
        self.lead.split().0
    }

    /// The area code of a landline or the mobile prefix of a mobile number (`351`).
    pub fn prefix(&self) -> &'static str {
        self.lead.split().1
    }

    /// The subscriber number; its first digit is never 0 or 1.
    pub fn subscriber(&self) -> u64 {
        self.subscriber
    }

    /// Everything before the subscriber number, spaces included (`+49 351 `): the part that
    /// numbers of one area share, made once per area rather than per number.
    pub fn lead(&self) -> &'static str {
        self.lead.0
    }

    /// The subscriber numbers of this one's length: `(first, count)`, starting at 2 followed by
    /// zeros (0 and 1 start trunk and service codes).
    #[cfg(feature = "healthcare")]
    pub(crate) fn same_length_subscribers(&self) -> (u64, u64) {
        let digits = (self.subscriber.max(1).ilog10() as usize).min(18);
        let first = 2 * POWERS_OF_TEN[digits];
        (first, POWERS_OF_TEN[digits + 1].saturating_sub(first))
    }

    /// This number's calling code and prefix with another subscriber.
    #[cfg(feature = "healthcare")]
    pub(crate) fn with_subscriber(self, subscriber: u64) -> PhoneNumber {
        PhoneNumber { subscriber, ..self }
    }
}

impl TextParts for PhoneNumber {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put(self.lead.0);
        put(itoa::Buffer::new().format(self.subscriber));
    }
}

/// `+49 351 `: a calling code and a prefix as a number starts, shared by every number with
/// them. Datasets make one per area code and mobile prefix when they are first used
/// ([`leads_by_row`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Lead(&'static str);

impl Lead {
    /// Makes the lead of `calling_code` and `prefix`; the text lives as long as the program,
    /// so callers make each one once ([`leads_by_row`]).
    pub(crate) fn leak(calling_code: &str, prefix: &str) -> Lead {
        Lead(Box::leak(
            format!("+{calling_code} {prefix} ").into_boxed_str(),
        ))
    }

    /// The calling code and the prefix: the text between `+`, the first space and the
    /// trailing space.
    fn split(&self) -> (&'static str, &'static str) {
        let inner = &self.0[1..self.0.len() - 1];
        inner.split_once(' ').unwrap_or((inner, ""))
    }
}

/// The leads of one calling code, one per distinct prefix, for the rows of a table whose
/// `column` holds the prefix: `leads[row]`.
pub(crate) fn leads_by_row(
    calling_code: &str,
    table: &'static crate::Table,
    column: usize,
) -> Vec<Lead> {
    let mut made: HashMap<&'static str, Lead> = HashMap::new();
    (0..table.len())
        .map(|row| {
            let prefix = table.cell(row, column);
            *made
                .entry(prefix)
                .or_insert_with(|| Lead::leak(calling_code, prefix))
        })
        .collect()
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
    /// The length of a lead besides its prefix: the calling code, `+` and two spaces.
    lead_extra: usize,
    landline_length: usize,
    mobile_length: usize,
}

impl NumberingPlan {
    /// The plan of `country`, whose calling code is `calling_code`.
    pub(crate) fn new(country: &str, calling_code: &str) -> NumberingPlan {
        NumberingPlan {
            lead_extra: calling_code.len() + 3,
            landline_length: national_length(country, false),
            mobile_length: national_length(country, true),
        }
    }

    /// A landline whose lead holds its area code.
    #[inline]
    pub(crate) fn landline<R: Rng + ?Sized>(&self, rng: &mut R, lead: Lead) -> PhoneNumber {
        self.number(rng, lead, self.landline_length)
    }

    /// A mobile number whose lead holds its mobile prefix.
    #[inline]
    pub(crate) fn mobile<R: Rng + ?Sized>(&self, rng: &mut R, lead: Lead) -> PhoneNumber {
        self.number(rng, lead, self.mobile_length)
    }

    #[inline]
    fn number<R: Rng + ?Sized>(&self, rng: &mut R, lead: Lead, length: usize) -> PhoneNumber {
        // At least four subscriber digits, the first one 2-9 (0 and 1 start trunk and service
        // codes): uniform over [2 * 10^(d-1), 10^d), which is 4 times as wide as its start.
        let prefix_len = lead.0.len().saturating_sub(self.lead_extra);
        let digits = length.saturating_sub(prefix_len).clamp(4, 12);
        let low = 2 * POWERS_OF_TEN[digits - 1];
        PhoneNumber {
            lead,
            subscriber: low + below(rng, 4 * low),
        }
    }
}

/// Another landline of `country` in the area of `near` (an office line beside a company's
/// main number).
pub(crate) fn landline_near(
    ctx: &mut Context<'_>,
    country: &str,
    near: &PhoneNumber,
) -> PhoneNumber {
    NumberingPlan::new(country, near.country_code()).landline(ctx.rng(), near.lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::lookup::country_row;
    use crate::tables::columns::common_geo_country::PHONE_CODE as COUNTRY_PHONE_CODE;
    use crate::{Settings, tables};

    /// The numbering plan of `country` and the lead of its calling code and `prefix`.
    fn plan_and_lead(country: &str, prefix: &str) -> (NumberingPlan, Lead) {
        let calling_code = country_row(country).unwrap().cell(COUNTRY_PHONE_CODE);
        let plan = NumberingPlan::new(country, calling_code);
        (plan, Lead::leak(calling_code, prefix))
    }

    /// A landline of `country` in `area_code`.
    fn landline(ctx: &mut Context<'_>, country: &str, area_code: &str) -> PhoneNumber {
        let (plan, lead) = plan_and_lead(country, area_code);
        plan.landline(ctx.rng(), lead)
    }

    /// A mobile number of `country` with one of its prefixes.
    fn mobile(ctx: &mut Context<'_>, country: &'static str) -> PhoneNumber {
        let prefixes = tables::COMMON_PHONE_MOBILE_PREFIX.resolve(country).unwrap();
        let prefix = prefixes.sample_row(ctx.rng()).value();
        let (plan, lead) = plan_and_lead(country, prefix);
        plan.mobile(ctx.rng(), lead)
    }

    #[test]
    fn numbers_have_the_national_length() {
        let settings = Settings::seeded(1);
        let mut ctx = Context::new(&settings, 0);
        let phone = landline(&mut ctx, "DE", "351");
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
            landline(&mut ctx, "US", "212"),
            mobile(&mut ctx, "DE"),
            PhoneNumber {
                lead: Lead::leak("1", ""),
                subscriber: 0,
            },
            PhoneNumber {
                lead: Lead::leak("1", "7"),
                subscriber: u64::MAX,
            },
            PhoneNumber {
                lead: Lead::leak("49", long_prefix),
                subscriber: 2_000_000,
            },
        ];
        for digits in 1..20 {
            phones.push(PhoneNumber {
                lead: Lead::leak("358", "40"),
                subscriber: 10u64.pow(digits) - 1,
            });
        }
        for phone in phones {
            let expected = format!(
                "+{} {} {}",
                phone.country_code(),
                phone.prefix(),
                phone.subscriber
            );
            assert_eq!(phone.to_string(), expected);
            assert_eq!(
                serde_json::to_value(phone).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
