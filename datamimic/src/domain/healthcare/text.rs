//! Small values rendered on demand: phone numbers of contacts and web-address slugs.

use std::fmt;

use crate::Context;
use crate::domain::common::PhoneNumber;
use crate::domain::halves::Halves;
use crate::sample::below;
use crate::text::fold_char;

/// Implements `Serialize` through `Display`, for values kept as parts and written as text.
macro_rules! serialize_as_text {
    ($($ty:ty),* $(,)?) => {$(
        // Written as one text cell, so one text column.
        impl $crate::Columnar for $ty {
            fn column() -> $crate::Column {
                $crate::Column::Text
            }
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
pub(crate) use serialize_as_text;

/// A phone number near `near`, for an emergency contact, who usually lives near the patient:
/// the same calling code and area code or mobile prefix, another subscriber of the same length.
pub(crate) fn contact_phone(
    ctx: &mut Context<'_>,
    halves: &mut Halves,
    near: &PhoneNumber,
) -> PhoneNumber {
    let (first, count) = near.same_length_subscribers();
    let offset = if count <= Halves::MAX_SPAN {
        halves.below(ctx.rng(), count)
    } else {
        below(ctx.rng(), count)
    };
    near.with_subscriber(first + offset)
}

/// `text` folded to lower-case ASCII letters and digits for a host name (`Müller & Söhne` ->
/// `muellersoehne`, `Bệnh viện Đa khoa` -> `benhviendakhoa`), German umlauts spelt out, other
/// letters with diacritics reduced to their base letter.
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
            _ => {
                for folded in fold_char(c, false).chars() {
                    if folded.is_ascii_alphanumeric() {
                        out.write_char(folded.to_ascii_lowercase())?;
                    }
                }
            }
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
        out.clear();
        write_slug(&mut out, "Bệnh viện Đa khoa Lào Cai").unwrap();
        assert_eq!(out, "benhviendakhoalaocai");
    }
}
