//! A person's full name, rendered from its parts.

use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};

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

impl TextParts for FullName {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put(self.given);
        put(" ");
        put(self.family);
    }
}

display_and_serialize_by_parts!(FullName);

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_as_before() {
        let long = "Wolfeschlegelsteinhausenbergerdorff-Welchevoralternwarengewissenhaft";
        for (given, family) in [
            ("Ada", "Lovelace"),
            ("", ""),
            ("Jürgen", "Müller-Lüdenscheid"),
            ("O\"Neil, Jr.", "D'Arcy"),
            ("Line\nBreak", "Tab\tbed"),
            (long, long),
        ] {
            let name = FullName::new(given, family);
            let expected = format!("{given} {family}");
            assert_eq!(name.to_string(), expected);
            assert_eq!(name, expected.as_str());
            assert_eq!(
                serde_json::to_value(name).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
