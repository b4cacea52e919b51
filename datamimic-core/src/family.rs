//! A table key with its per-country variants, and the dataset fallback rules.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::dataset::{DatasetCode, Strictness, record_fallback};
use crate::{Error, Result, Table};

/// The fallback country when a table has no variant for the requested one.
const FALLBACK: &str = "US";

/// All variants of one table key (`common/person/family_name` for US, DE, ...).
///
/// ```
/// use datamimic::{Strictness, tables};
///
/// let names = &tables::COMMON_PERSON_FAMILY_NAME;
/// assert_eq!(names.resolve("DE").unwrap().country(), Some("DE"));
/// assert!(names.resolve_with("ZZ", Strictness::Strict).is_err());
/// ```
pub struct TableFamily {
    key: &'static str,
    columns: &'static [&'static str],
    variants: &'static [&'static Table],
    /// The last generation lookup, `code << 16 | index` (fallback included): a run asks for
    /// one country over and over.
    last: AtomicU32,
}

impl TableFamily {
    /// Groups the variants of one key; they are sorted by country and share their columns.
    #[doc(hidden)]
    pub const fn from_parts(
        key: &'static str,
        columns: &'static [&'static str],
        variants: &'static [&'static Table],
    ) -> TableFamily {
        assert!(!variants.is_empty(), "a table family has variants");
        TableFamily {
            key,
            columns,
            variants,
            last: AtomicU32::new(u32::MAX),
        }
    }

    /// The table key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The value column names, the same for every country.
    pub fn columns(&self) -> &'static [&'static str] {
        self.columns
    }

    /// The index of the column called `name`.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|&c| c == name)
    }

    /// Whether the table varies by country.
    pub fn is_per_country(&self) -> bool {
        self.variants[0].country().is_some()
    }

    /// The country codes this table has, sorted (empty for a country-independent table).
    pub fn countries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.variants.iter().filter_map(|t| t.country())
    }

    /// Every variant.
    pub fn variants(&self) -> &'static [&'static Table] {
        self.variants
    }

    /// The variant for exactly `code`, without fallback.
    pub fn get(&self, code: DatasetCode) -> Option<&'static Table> {
        self.index_of(code).map(|i| self.variants[i])
    }

    /// Codes compare as two-byte integers.
    fn index_of(&self, code: DatasetCode) -> Option<usize> {
        if !self.is_per_country() {
            return Some(0);
        }
        let wanted = code.sort_key();
        self.variants
            .binary_search_by(|t| t.country_sort_key().cmp(&wanted))
            .ok()
    }

    /// The variant records of `code` are generated from: the exact one, else the US fallback
    /// (warned about once), else the first. Services check strict mode up front, so generation
    /// itself never fails. Runs for every weighted field of every record, so the last answer
    /// is cached, and the cached path is small enough to inline into the generated code.
    #[inline]
    pub fn for_dataset(&self, code: DatasetCode) -> &'static Table {
        let last = self.last.load(Ordering::Relaxed);
        if (last >> 16) as u16 == code.sort_key() {
            return self.variants[(last & 0xffff) as usize];
        }
        self.for_dataset_uncached(code)
    }

    /// [`TableFamily::for_dataset`] when the cache holds another code: searched, then cached.
    #[cold]
    #[inline(never)]
    fn for_dataset_uncached(&self, code: DatasetCode) -> &'static Table {
        let index = self.index_of(code).unwrap_or_else(|| {
            let fallback = self.index_of(DatasetCode::US);
            if fallback.is_some() {
                record_fallback(self.key, code);
            }
            fallback.unwrap_or(0)
        });
        self.last.store(
            u32::from(code.sort_key()) << 16 | index as u32,
            Ordering::Relaxed,
        );
        self.variants[index]
    }

    /// The variant for `code`, with the strictness taken from `DATAMIMIC_STRICT_DATASET`.
    pub fn resolve(&self, code: &str) -> Result<&'static Table> {
        self.resolve_with(code, Strictness::from_env())
    }

    /// The variant for `code`. A missing country falls back to US with one warning per
    /// (table, code), or is an error under [`Strictness::Strict`].
    pub fn resolve_with(&self, code: &str, strictness: Strictness) -> Result<&'static Table> {
        let code = DatasetCode::parse(code)?;
        self.resolve_code(code, strictness)
    }

    /// [`TableFamily::resolve_with`] for an already parsed code.
    pub fn resolve_code(
        &self,
        code: DatasetCode,
        strictness: Strictness,
    ) -> Result<&'static Table> {
        if let Some(table) = self.get(code) {
            return Ok(table);
        }
        let available = || self.countries().collect::<Vec<_>>();
        if strictness == Strictness::Strict {
            return Err(Error::UnsupportedDataset {
                table: self.key,
                requested: code.to_string(),
                available: available(),
            });
        }
        let fallback = DatasetCode::parse(FALLBACK).expect("US is a valid code");
        match self.get(fallback) {
            Some(table) => {
                record_fallback(self.key, code);
                Ok(table)
            }
            None => Err(Error::NoFallback {
                table: self.key,
                requested: code.to_string(),
                available: available(),
            }),
        }
    }
}

impl fmt::Debug for TableFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TableFamily")
            .field("key", &self.key)
            .field("columns", &self.columns)
            .field("countries", &self.countries().collect::<Vec<_>>())
            .finish()
    }
}
