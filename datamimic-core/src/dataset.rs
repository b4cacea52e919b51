//! Dataset codes, strict mode and the record of US fallbacks.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Mutex;

use crate::{Error, Result, TableFamily};

/// A dataset (country) code: two upper-case ASCII letters such as `US` or `DE`.
///
/// ```
/// use datamimic::DatasetCode;
/// assert_eq!(DatasetCode::parse("de").unwrap().as_str(), "DE");
/// assert!(DatasetCode::parse("GER").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DatasetCode {
    letters: [u8; 2],
    /// [`DatasetCode::index`], computed once: per-dataset lookups run several times a record.
    index: u16,
}

impl DatasetCode {
    /// The default dataset.
    pub const US: DatasetCode = DatasetCode::of_letters(*b"US");

    /// The code of two upper-case ASCII letters.
    const fn of_letters(letters: [u8; 2]) -> DatasetCode {
        DatasetCode {
            letters,
            index: (letters[0] - b'A') as u16 * 26 + (letters[1] - b'A') as u16,
        }
    }

    /// Parses a code case-insensitively (`de` is `DE`).
    pub fn parse(code: &str) -> Result<DatasetCode> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(DatasetCode::of_letters([
                    a.to_ascii_uppercase(),
                    b.to_ascii_uppercase(),
                ]))
            }
            _ => Err(Error::InvalidDatasetCode {
                code: code.to_owned(),
            }),
        }
    }

    /// The code as an integer that sorts like the text.
    #[inline]
    pub(crate) fn sort_key(self) -> u16 {
        u16::from_be_bytes(self.letters)
    }

    /// Whether names of this country are transcribed to ASCII the German way (`ü` → `ue`).
    #[inline]
    pub(crate) fn transcribes_umlauts(self) -> bool {
        matches!(&self.letters, b"DE" | b"AT" | b"CH" | b"LI" | b"LU")
    }

    /// The code's position among all 676 codes (`AA` is 0, `ZZ` 675).
    #[inline]
    pub fn index(self) -> usize {
        usize::from(self.index)
    }

    /// The code as text.
    #[inline]
    pub fn as_str(&self) -> &'static str {
        // A slice of the table of all two-letter codes: no UTF-8 check per call, which mattered
        // because generators ask for the country of every record.
        let at = self.index() * 2;
        &ALL_CODES[at..at + 2]
    }
}

impl fmt::Display for DatasetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for DatasetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatasetCode({})", self.as_str())
    }
}

/// `AAABAC...ZZ`: every pair of upper-case ASCII letters, in order.
const ALL_CODES: &str = {
    const BYTES: [u8; 26 * 26 * 2] = {
        let mut bytes = [0u8; 26 * 26 * 2];
        let mut i = 0;
        while i < 26 * 26 {
            bytes[2 * i] = b'A' + (i / 26) as u8;
            bytes[2 * i + 1] = b'A' + (i % 26) as u8;
            i += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("ASCII letters"),
    }
};

/// What happens when a table has no variant for the requested country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strictness {
    /// Use the US variant and warn once per (table, code).
    #[default]
    Fallback,
    /// Fail with [`Error::UnsupportedDataset`].
    Strict,
}

impl Strictness {
    /// `Strict` when the environment variable `DATAMIMIC_STRICT_DATASET` is set to anything
    /// but empty, `0`, `false` or `False` (datamimic's rule), `Fallback` otherwise.
    pub fn from_env() -> Strictness {
        match std::env::var("DATAMIMIC_STRICT_DATASET") {
            Ok(v) if !matches!(v.as_str(), "" | "0" | "false" | "False") => Strictness::Strict,
            _ => Strictness::Fallback,
        }
    }
}

/// A table of a service's type that has no variant for the service's dataset, so its records
/// draw that table's US variant instead ([`Strictness::Fallback`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fallback {
    /// The table key.
    pub table: &'static str,
    /// The dataset asked for.
    pub requested: DatasetCode,
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "table `{}` has no dataset `{}`; using `US` instead",
            self.table, self.requested
        )
    }
}

static FALLBACKS: Mutex<BTreeSet<(&'static str, DatasetCode)>> = Mutex::new(BTreeSet::new());

/// Notes a US fallback; warns the first time per (table, code).
pub(crate) fn record_fallback(table: &'static str, code: DatasetCode) {
    let mut seen = FALLBACKS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if seen.insert((table, code)) {
        let fallback = Fallback {
            table,
            requested: code,
        };
        log::warn!("datamimic: {fallback}");
    }
}

/// The (table, code) pairs that fell back to US so far in this process, each listed once.
pub fn fallback_warnings() -> Vec<(&'static str, DatasetCode)> {
    let seen = FALLBACKS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    seen.iter().copied().collect()
}

/// Forgets the fallbacks recorded so far, so each warns again.
pub fn reset_fallback_log() {
    FALLBACKS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clear();
}

/// The dataset codes any per-country table in `families` has (the union), sorted.
pub(crate) fn any_datasets(families: &[&TableFamily]) -> Vec<&'static str> {
    let codes: BTreeSet<&'static str> = families.iter().flat_map(|f| f.countries()).collect();
    codes.into_iter().collect()
}

/// The dataset codes every per-country table in `families` has (the intersection), sorted.
/// Country-independent tables do not restrict the result.
///
/// ```
/// use datamimic::{supported_datasets, tables};
/// let codes = supported_datasets(&[&tables::COMMON_PERSON_GIVEN_NAME_MALE, &tables::COMMON_PERSON_FAMILY_NAME]);
/// assert!(codes.contains(&"US") && codes.contains(&"DE"));
/// ```
pub fn supported_datasets(families: &[&TableFamily]) -> Vec<&'static str> {
    let mut result: Option<BTreeSet<&'static str>> = None;
    for family in families.iter().filter(|f| f.is_per_country()) {
        let codes: BTreeSet<&'static str> = family.countries().collect();
        result = Some(match result {
            None => codes,
            Some(acc) => acc.intersection(&codes).copied().collect(),
        });
    }
    result.unwrap_or_default().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let text = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(
                    DatasetCode::parse(&text.to_ascii_lowercase())
                        .unwrap()
                        .as_str(),
                    text
                );
            }
        }
    }
}
