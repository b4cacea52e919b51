//! Why an identifier was rejected.

/// Why an identifier (or the parts it is built from) is not valid. The message names the
/// identifier and what was expected.
///
/// ```
/// use datamimic::ident::{IdError, iban};
/// let err = iban::validate("DE89370400440532013001").unwrap_err();
/// assert_eq!(err, IdError::Checksum { what: "IBAN" });
/// assert_eq!(err.to_string(), "IBAN: the check digits do not match");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// Too few or too many characters.
    #[error("{what} has {found} characters; expected {expected}")]
    Length {
        /// The identifier or part (`"IBAN"`, `"bank code"`, `"card number"`, ...).
        what: &'static str,
        /// The length found (separators not counted).
        found: usize,
        /// The accepted lengths, in words (`"22"`, `"13, 16 or 19"`, `"at most 10"`).
        expected: String,
    },
    /// A character that cannot stand at that position.
    #[error("{what}: invalid character {found:?} at index {index}; expected {expected}")]
    Character {
        /// The identifier or part.
        what: &'static str,
        /// The 0-based index, separators not counted.
        index: usize,
        /// The character found.
        found: char,
        /// What may stand there (`"a digit"`, `"an upper-case letter"`, ...).
        expected: &'static str,
    },
    /// Well-formed, but the check digits do not match.
    #[error("{what}: the check digits do not match")]
    Checksum {
        /// The identifier.
        what: &'static str,
    },
    /// A value that is well-formed but never issued (SSN area 666, ABA prefix 50, ...).
    #[error("{what}: {reason}")]
    NotIssued {
        /// The identifier.
        what: &'static str,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// An IBAN country without a known layout.
    #[error("IBAN country `{0}` is not supported; supported: {list}", list = crate::ident::iban::countries().collect::<Vec<_>>().join(", "))]
    UnknownCountry(String),
    /// A card number whose prefix belongs to no known network.
    #[error("card number: the prefix belongs to no known card network")]
    UnknownNetwork,
}

/// `[13, 16, 19]` → `"13, 16 or 19"`.
pub(crate) fn lengths_in_words(lengths: &[u8]) -> String {
    match lengths {
        [] => String::new(),
        [only] => only.to_string(),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(u8::to_string).collect();
            format!("{} or {last}", init.join(", "))
        }
    }
}
