//! A person's full name, rendered from its parts.

use std::fmt;

/// "Given Family", kept as the two table cells so it costs no allocation; `Display` and
/// `Serialize` write the joined name.
///
/// ```
/// use datamimic::domain::common::FullName;
///
/// let name = FullName::new("Ada", "Lovelace");
/// assert_eq!(name.to_string(), "Ada Lovelace");
/// assert_eq!(name, "Ada Lovelace");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FullName {
    given: &'static str,
    family: &'static str,
}

impl FullName {
    /// The name of `given` `family`.
    pub fn new(given: &'static str, family: &'static str) -> FullName {
        FullName { given, family }
    }

    /// The given name.
    pub fn given(&self) -> &'static str {
        self.given
    }

    /// The family name.
    pub fn family(&self) -> &'static str {
        self.family
    }
}

impl fmt::Display for FullName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.given, self.family)
    }
}

impl PartialEq<str> for FullName {
    fn eq(&self, other: &str) -> bool {
        other.len() == self.given.len() + 1 + self.family.len()
            && other.starts_with(self.given)
            && other[self.given.len()..].starts_with(' ')
            && other.ends_with(self.family)
    }
}

impl PartialEq<&str> for FullName {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl serde::Serialize for FullName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
