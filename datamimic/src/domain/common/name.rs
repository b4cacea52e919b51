//! A person's full name, rendered from its parts in the order of the country's naming
//! convention (see `naming_convention`).

use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};

/// "Given Family", kept as the table cells so it costs no allocation; `Display` and
/// `Serialize` write the joined name. Where a country's convention asks for it, a middle name
/// follows the given name, a second family name follows the first (Spain: "Juan García
/// López"), or the family name comes first (Viet Nam: "Nguyễn Văn An").
///
/// ```
/// use datamimic::domain::common::FullName;
///
/// let name = FullName::new("Ada", "Lovelace");
/// assert_eq!(name.to_string(), "Ada Lovelace");
/// assert_eq!(name, "Ada Lovelace");
/// let spanish = FullName::new("Juan", "García").with_second_family("López");
/// assert_eq!(spanish, "Juan García López");
/// let vietnamese = FullName::new("An", "Nguyễn").with_middle("Văn").family_first();
/// assert_eq!(vietnamese.to_string(), "Nguyễn Văn An");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FullName {
    given: &'static str,
    middle: &'static str,
    family: &'static str,
    second_family: &'static str,
    family_first: bool,
}

impl FullName {
    /// The name of `given` `family`.
    pub fn new(given: &'static str, family: &'static str) -> FullName {
        FullName {
            given,
            middle: "",
            family,
            second_family: "",
            family_first: false,
        }
    }

    /// The name with `middle` between the given and the family name (empty: none).
    pub fn with_middle(self, middle: &'static str) -> FullName {
        FullName { middle, ..self }
    }

    /// The name with a second family name after the first (Spain: the mother's first
    /// surname); empty: none.
    pub fn with_second_family(self, second_family: &'static str) -> FullName {
        FullName {
            second_family,
            ..self
        }
    }

    /// The name written family name first: "Family Middle Given".
    pub fn family_first(self) -> FullName {
        FullName {
            family_first: true,
            ..self
        }
    }

    /// The middle name, or empty.
    pub fn middle(&self) -> &'static str {
        self.middle
    }

    /// The second family name, or empty.
    pub fn second_family(&self) -> &'static str {
        self.second_family
    }

    /// Whether the family name is written first.
    pub fn is_family_first(&self) -> bool {
        self.family_first
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

impl FullName {
    /// The pieces of the written name in order, separators included, and how many there are
    /// (at most seven): what `Display` writes, for writers that take the pieces as a slice.
    pub(crate) fn written_parts(&self) -> ([&'static str; 7], usize) {
        let (first, last) = if self.family_first {
            (self.family, self.given)
        } else {
            (self.given, self.family)
        };
        let mut parts = [""; 7];
        let mut len = 0;
        let mut push = |part: &'static str| {
            parts[len] = part;
            len += 1;
        };
        push(first);
        push(" ");
        if !self.middle.is_empty() {
            push(self.middle);
            push(" ");
        }
        push(last);
        if !self.second_family.is_empty() {
            push(" ");
            push(self.second_family);
        }
        (parts, len)
    }
}

impl TextParts for FullName {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        let (parts, len) = self.written_parts();
        for part in &parts[..len] {
            put(part);
        }
    }
}

display_and_serialize_by_parts!(FullName);

impl PartialEq<str> for FullName {
    fn eq(&self, other: &str) -> bool {
        let mut rest = Some(other);
        self.for_each_part(&mut |part| rest = rest.and_then(|r| r.strip_prefix(part)));
        rest == Some("")
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

    #[test]
    fn conventions_order_the_parts() {
        let name = FullName::new("An", "Nguyễn");
        assert_eq!(
            name.with_middle("Thị Ngọc").to_string(),
            "An Thị Ngọc Nguyễn"
        );
        let vietnamese = name.with_middle("Thị Ngọc").family_first();
        assert_eq!(vietnamese.to_string(), "Nguyễn Thị Ngọc An");
        assert_eq!(vietnamese, "Nguyễn Thị Ngọc An");
        assert_ne!(vietnamese, "Nguyễn Thị Ngọc An ");
        assert_ne!(vietnamese, "Nguyễn Thị Ngọc");
        assert_ne!(vietnamese, "An Thị Ngọc Nguyễn");
        let spanish = FullName::new("Lucía", "García").with_second_family("de la Fuente");
        assert_eq!(spanish.to_string(), "Lucía García de la Fuente");
        assert_eq!(spanish, "Lucía García de la Fuente");
        assert_ne!(spanish, "Lucía García");
        assert_eq!(spanish.second_family(), "de la Fuente");
        assert!(!spanish.is_family_first());
    }
}
