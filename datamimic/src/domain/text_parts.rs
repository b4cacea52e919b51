//! Values written as text from their parts (`+49 351 4930217`, `Ada Lovelace`) without
//! `core::fmt`: `write!` with several arguments costs hundreds of instructions per value, and
//! exports write several such values per record.
//!
//! A type lists its parts once, in [`TextParts::for_each_part`]; `Display` writes them to the
//! formatter one by one, and `Serialize` assembles them into one string for `serialize_str`.

use std::fmt;

use super::assembled_text::serialize_assembled;

/// A value that is the concatenation of a few strings.
pub(crate) trait TextParts {
    /// Calls `put` with each part, in order.
    fn for_each_part(&self, put: &mut impl FnMut(&str));
}

/// `Display` through the parts.
pub(crate) fn display<T: TextParts + ?Sized>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut result = Ok(());
    value.for_each_part(&mut |part| {
        if result.is_ok() {
            result = f.write_str(part);
        }
    });
    result
}

/// Puts `value` in decimal, padded with leading zeros to at least `width` digits.
#[cfg(feature = "finance")]
pub(crate) fn put_padded(put: &mut impl FnMut(&str), value: u64, width: usize) {
    const ZEROS: &str = "00000000000000000000";
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(value);
    let mut missing = width.saturating_sub(digits.len());
    while missing > 0 {
        let n = missing.min(ZEROS.len());
        put(&ZEROS[..n]);
        missing -= n;
    }
    put(digits);
}

/// `Serialize` as one string.
pub(crate) fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: TextParts + fmt::Display + ?Sized,
    S: serde::Serializer,
{
    serialize_assembled(
        serializer,
        |text| value.for_each_part(&mut |part| text.push_str(part)),
        |serializer| serializer.collect_str(value),
    )
}

/// Implements `Display` and `Serialize` through [`TextParts`].
macro_rules! display_and_serialize_by_parts {
    ($($ty:ty),* $(,)?) => {$(
        // Written as one text cell, so one text column.
        impl $crate::Columnar for $ty {
            fn column() -> $crate::Column {
                $crate::Column::Text
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::domain::text_parts::display(self, f)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::domain::text_parts::serialize(self, serializer)
            }
        }
    )*};
}
pub(crate) use display_and_serialize_by_parts;

#[cfg(test)]
mod tests {
    use super::*;

    struct Joined(&'static [&'static str]);

    impl TextParts for Joined {
        fn for_each_part(&self, put: &mut impl FnMut(&str)) {
            for part in self.0 {
                put(part);
            }
        }
    }

    display_and_serialize_by_parts!(Joined);

    #[test]
    fn padding_matches_format() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, 999_999_999, u64::MAX] {
            for width in 0..45 {
                let mut text = String::new();
                put_padded(&mut |part| text.push_str(part), value, width);
                assert_eq!(text, format!("{value:0width$}"));
            }
        }
    }

    #[test]
    fn display_and_serialize_write_the_parts() {
        let cases: &[&[&str]] = &[
            &[],
            &[""],
            &["Ada", " ", "Lovelace"],
            &["Müller", "-", "Lüdenscheid, \"Süd\""],
        ];
        for parts in cases {
            let joined = parts.concat();
            assert_eq!(Joined(parts).to_string(), joined);
            assert_eq!(
                serde_json::to_string(&Joined(parts)).unwrap(),
                serde_json::to_string(&joined).unwrap()
            );
        }
    }
}
