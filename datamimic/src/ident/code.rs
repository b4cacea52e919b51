//! Prefixed, zero-padded record identifiers (`ORD-0004711023`, `OFC-00123456`), kept as their
//! parts: the order, product, office and officer ids of the built-in domains.

use std::fmt;

/// An identifier such as `PROD-0123456789` or `ELE-004211`: a prefix and a zero-padded number,
/// rendered on demand so generating one allocates nothing. An empty prefix renders the digits
/// alone (badge numbers).
///
/// ```
/// use datamimic::ident::code::Code;
///
/// assert_eq!(Code::new("ORD", 4_711, 10).to_string(), "ORD-0000004711");
/// assert_eq!(Code::new("", 42, 5).to_string(), "00042");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Code {
    prefix: &'static str,
    number: u64,
    width: u8,
}

impl Code {
    /// `prefix`-`number`, the number padded with zeros to `width` digits.
    pub const fn new(prefix: &'static str, number: u64, width: u8) -> Code {
        Code {
            prefix,
            number,
            width,
        }
    }

    /// The prefix (`ORD`).
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The number.
    pub fn number(&self) -> u64 {
        self.number
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = usize::from(self.width);
        if self.prefix.is_empty() {
            write!(f, "{:0width$}", self.number)
        } else {
            write!(f, "{}-{:0width$}", self.prefix, self.number)
        }
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for Code {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}
