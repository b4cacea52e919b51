//! Serializing text assembled from pieces as one `str`, in a reused thread-local `String`:
//! no allocation per value, and, unlike a byte buffer, no UTF-8 check before it can be handed
//! to `serialize_str` (the check costs as much as assembling a short value).

use std::cell::RefCell;

thread_local! {
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Serializes the text `build` writes as one `str`. `fallback` serializes the value instead in
/// the odd case the buffer is unavailable (a serializer that re-enters, a thread shutting down).
#[inline]
pub(crate) fn serialize_assembled<S: serde::Serializer>(
    serializer: S,
    build: impl FnOnce(&mut String),
    fallback: impl FnOnce(S) -> Result<S::Ok, S::Error>,
) -> Result<S::Ok, S::Error> {
    let mut serializer = Some(serializer);
    let done = SCRATCH.try_with(|scratch| {
        let mut text = scratch.try_borrow_mut().ok()?;
        text.clear();
        build(&mut text);
        serializer.take().map(|s| s.serialize_str(&text))
    });
    match (done, serializer) {
        (Ok(Some(result)), _) => result,
        (_, Some(serializer)) => fallback(serializer),
        (_, None) => unreachable!("the serializer is taken only when it is used"),
    }
}

/// Appends `value` (below 100) as two digits, with a leading zero.
#[inline]
pub(crate) fn push_two_digits(text: &mut String, value: u32) {
    debug_assert!(value < 100);
    text.push(char::from(b'0' + (value / 10) as u8));
    text.push(char::from(b'0' + (value % 10) as u8));
}

/// Appends `value` in decimal, padded with leading zeros to at least `width` digits.
#[cfg(feature = "industry-domain")]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
#[inline]
pub(crate) fn push_padded(text: &mut String, value: u64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(value);
    for _ in digits.len()..width {
        text.push('0');
    }
    text.push_str(digits);
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Built(&'static str);

    impl serde::Serialize for Built {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serialize_assembled(
                serializer,
                |text| text.push_str(self.0),
                |s| s.serialize_str("fallback"),
            )
        }
    }

    /// Serializes a `Built` from inside `serialize_str`, while the buffer is in use.
    struct Reentrant;

    impl serde::Serialize for Reentrant {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serialize_assembled(
                serializer,
                |text| {
                    let inner = serde_json::to_string(&Built("inner")).unwrap();
                    text.push_str(&inner);
                },
                |s| s.serialize_str("unexpected"),
            )
        }
    }

    #[test]
    fn serializes_the_text_and_survives_reuse() {
        for text in ["", "Ada Lovelace", "Müller, \"Süd\"", ""] {
            assert_eq!(
                serde_json::to_string(&Built(text)).unwrap(),
                serde_json::to_string(text).unwrap()
            );
        }
        // Inside `build` the buffer is taken, so the inner value falls back.
        assert_eq!(
            serde_json::to_string(&Reentrant).unwrap(),
            serde_json::to_string("\"fallback\"").unwrap()
        );
    }

    #[test]
    fn digits_match_format() {
        for value in 0..100 {
            let mut text = String::new();
            push_two_digits(&mut text, value);
            assert_eq!(text, format!("{value:02}"));
        }
        for value in [0, 1, 9, 10, 99, 100, 12_345, 999_999_999, u64::MAX] {
            for width in 0..22 {
                let mut text = String::new();
                push_padded(&mut text, value, width);
                assert_eq!(text, format!("{value:0width$}"));
            }
        }
    }
}
