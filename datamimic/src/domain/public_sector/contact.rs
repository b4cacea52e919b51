//! Web addresses and e-mail addresses of public bodies, built from their city and kind and
//! rendered on demand (folding `München` to `muenchen` happens only when written out).

use std::fmt;

use crate::text::email_local_part;

/// What kind of body a host name belongs to, which decides its shape.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum HostKind {
    /// A government office: `springfield.gov`, `dresden.de`.
    Government,
    /// A school: `springfield.k12.il.us`, `schule-dresden.de`.
    School,
    /// A college or vocational school: `springfield.edu`, `bs-dresden.de`.
    College,
    /// A university: `springfield.edu`, `uni-dresden.de`.
    University,
}

/// The host name of a public body in its country's conventions.
///
/// ```
/// use datamimic::domain::public_sector::{Host, HostKind};
///
/// assert_eq!(Host::new("München", "BY", "DE", HostKind::University).to_string(), "uni-muenchen.de");
/// assert_eq!(Host::new("New York", "NY", "US", HostKind::School).to_string(), "new-york.k12.ny.us");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Host {
    city: &'static str,
    state_code: &'static str,
    country: &'static str,
    kind: HostKind,
}

impl Host {
    /// The host of a `kind` body in `city` (`state_code`, `country`).
    pub fn new(
        city: &'static str,
        state_code: &'static str,
        country: &'static str,
        kind: HostKind,
    ) -> Host {
        Host {
            city,
            state_code,
            country,
            kind,
        }
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<&str> = self.city.split([' ', '/', '.']).collect();
        let city = email_local_part(&words, "-", self.country);
        let country = self.country.to_ascii_lowercase();
        match (self.country, self.kind) {
            ("US", HostKind::Government) => write!(f, "{city}.gov"),
            ("US", HostKind::School) => {
                write!(f, "{city}.k12.{}.us", self.state_code.to_ascii_lowercase())
            }
            ("US", _) => write!(f, "{city}.edu"),
            (_, HostKind::Government) => write!(f, "{city}.{country}"),
            (_, HostKind::School) => write!(f, "schule-{city}.{country}"),
            (_, HostKind::College) => write!(f, "bs-{city}.{country}"),
            (_, HostKind::University) => write!(f, "uni-{city}.{country}"),
        }
    }
}

/// `https://www.` and the host.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Website(pub Host);

impl fmt::Display for Website {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "https://www.{}", self.0)
    }
}

/// A functional mailbox (`info`, `admissions`) at the host.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Email {
    /// The local part.
    pub mailbox: &'static str,
    /// The host.
    pub host: Host,
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.mailbox, self.host)
    }
}

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        // Written as one text cell, so one text column.
        impl $crate::Columnar for $t {
            fn column() -> $crate::Column {
                $crate::Column::Text
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
serialize_as_text!(Host, Website, Email);
