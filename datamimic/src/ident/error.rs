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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdError {
    /// Too few or too many characters.
    Length {
        /// The identifier or part (`"IBAN"`, `"bank code"`, `"card number"`, ...).
        what: &'static str,
        /// The length found (separators not counted).
        found: usize,
        /// The accepted lengths, in words (`"22"`, `"13, 16 or 19"`, `"at most 10"`).
        expected: String,
    },
    /// A character that cannot stand at that position.
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
    Checksum {
        /// The identifier.
        what: &'static str,
    },
    /// A value that is well-formed but never issued (SSN area 666, ABA prefix 50, ...).
    NotIssued {
        /// The identifier.
        what: &'static str,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// An IBAN country without a known layout.
    UnknownCountry(String),
    /// A card number whose prefix belongs to no known network.
    UnknownNetwork,
}

// Written out rather than derived (thiserror): a crate that depends on datamimic then builds
// one proc-macro fewer.
impl std::fmt::Display for IdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdError::Length {
                what,
                found,
                expected,
            } => write!(f, "{what} has {found} characters; expected {expected}"),
            IdError::Character {
                what,
                index,
                found,
                expected,
            } => write!(
                f,
                "{what}: invalid character {found:?} at index {index}; expected {expected}"
            ),
            IdError::Checksum { what } => write!(f, "{what}: the check digits do not match"),
            IdError::NotIssued { what, reason } => write!(f, "{what}: {reason}"),
            IdError::UnknownCountry(country) => write!(
                f,
                "IBAN country `{country}` is not supported; supported: {}",
                crate::ident::iban::countries()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            IdError::UnknownNetwork => {
                f.write_str("card number: the prefix belongs to no known card network")
            }
        }
    }
}

impl std::error::Error for IdError {}

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
