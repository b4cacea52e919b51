//! Small values rendered on demand: phone numbers of contacts and web-address slugs.

use std::fmt;

use crate::Context;
use crate::domain::common::PhoneNumber;
use crate::domain::halves::Halves;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};
use crate::sample::below;

/// Implements `Serialize` through `Display`, for values kept as parts and written as text.
macro_rules! serialize_as_text {
    ($($ty:ty),* $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
pub(crate) use serialize_as_text;

/// A phone number near another one: the same calling code and area code or mobile prefix, a
/// different subscriber of the same length. Written `+49 351 4930217`.
///
/// Used for emergency contacts, who usually live near the patient.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ContactPhone {
    /// The calling code without `+`.
    pub country_code: &'static str,
    /// Area code or mobile prefix.
    pub prefix: &'static str,
    /// Subscriber number; its first digit is never 0 or 1.
    pub subscriber: u64,
}

impl ContactPhone {
    /// A number with `near`'s calling code and prefix and a new subscriber of the same length.
    pub(crate) fn near(
        ctx: &mut Context<'_>,
        halves: &mut Halves,
        near: &PhoneNumber,
    ) -> ContactPhone {
        const POW10: [u64; 20] = {
            let mut powers = [1u64; 20];
            let mut i = 1;
            while i < 20 {
                powers[i] = powers[i - 1] * 10;
                i += 1;
            }
            powers
        };
        // The subscriber has `digits + 1` digits; the new one starts with 2 to 9.
        let digits = (near.subscriber().max(1).ilog10() as usize).min(18);
        let low = 2 * POW10[digits];
        let span = POW10[digits + 1].saturating_sub(low);
        ContactPhone {
            country_code: near.country_code(),
            prefix: near.prefix(),
            subscriber: low
                + if span <= Halves::MAX_SPAN {
                    halves.below(ctx.rng(), span)
                } else {
                    below(ctx.rng(), span)
                },
        }
    }
}

impl TextParts for ContactPhone {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put("+");
        put(self.country_code);
        put(" ");
        put(self.prefix);
        put(" ");
        put(itoa::Buffer::new().format(self.subscriber));
    }
}

display_and_serialize_by_parts!(ContactPhone);

/// `text` folded to lower-case ASCII letters and digits for a host name (`Müller & Söhne` ->
/// `muellersoehne`), German umlauts spelt out.
pub(crate) fn write_slug(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    for c in text.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.write_char(c)?,
            'A'..='Z' => out.write_char(c.to_ascii_lowercase())?,
            'ä' | 'Ä' => out.write_str("ae")?,
            'ö' | 'Ö' => out.write_str("oe")?,
            'ü' | 'Ü' => out.write_str("ue")?,
            'ß' => out.write_str("ss")?,
            'é' | 'è' | 'ê' | 'É' => out.write_char('e')?,
            'á' | 'à' | 'â' => out.write_char('a')?,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        let mut out = String::new();
        write_slug(&mut out, "Universitätsklinikum Köln-Süd").unwrap();
        assert_eq!(out, "universitaetsklinikumkoelnsued");
    }

    #[test]
    fn contact_phones_read_as_before() {
        for (country_code, prefix, subscriber) in [
            ("49", "351", 4_930_217),
            ("1", "", 0),
            ("358", "40", u64::MAX),
        ] {
            let phone = ContactPhone {
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
