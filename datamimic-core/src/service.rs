//! `Service<T>`: seeded, reproducible generation of any `Mimic` type.

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;

use rand::Rng;

use crate::dataset::any_datasets;
use crate::mimic::TableUse;
use crate::{
    Clock, Context, DatasetCode, Error, Fallback, MimicRng, Result, Settings, Strictness,
    TableFamily, supported_datasets,
};

/// Generates values of `T`: one after another, in batches, as a lazy stream, or record `i`
/// directly.
///
/// Record `i` depends only on the seed, the dataset, the clock and `i`, so the same seed gives
/// the same records whatever the batch size, order or thread count.
///
/// ```
/// use datamimic::{Mimic, Service};
///
/// #[derive(Mimic, Debug, PartialEq)]
/// struct Reading {
///     #[mimic(seq)]
///     id: u64,
///     #[mimic(range = "-20.0..40.0")]
///     celsius: f64,
/// }
///
/// let mut service = Service::<Reading>::new().dataset("DE")?.seed(42);
/// let first = service.generate();
/// let batch = service.generate_batch(100);
/// assert_eq!(first, service.record(0));
/// assert_eq!(batch[9], service.record(10));
/// assert_eq!(batch[9].id, 11);
/// # Ok::<(), datamimic::Error>(())
/// ```
pub struct Service<T> {
    settings: Settings,
    next: u64,
    clock_set: bool,
    /// The stream tag of the relation to the parent type last asked for, by the parent's type
    /// name: related sets ask once per parent, and the tag hashes both names.
    pub(crate) relation: std::sync::OnceLock<(&'static str, u64)>,
    marker: PhantomData<fn() -> T>,
}

impl<T: Mimic> Service<T> {
    /// An unseeded service: a random seed from the operating system and the real clock. The
    /// dataset is the type's `#[mimic(dataset = "..")]`, or US.
    pub fn new() -> Service<T> {
        let mut settings = Settings::seeded(MimicRng::from_os().next_u64());
        settings.clock = Clock::system();
        if let Some(code) = T::DEFAULT_DATASET.and_then(|code| DatasetCode::parse(code).ok()) {
            settings.dataset = code;
        }
        Service {
            settings,
            next: 0,
            clock_set: false,
            relation: std::sync::OnceLock::new(),
            marker: PhantomData,
        }
    }

    /// Makes the run reproducible: records come from `seed`, and "now" is the fixed anchor
    /// (2025-01-01T12:00:00Z) unless [`Service::clock`] set another.
    pub fn seed(mut self, seed: u64) -> Service<T> {
        let settings = Settings::seeded(seed);
        self.settings.streams = settings.streams;
        if !self.clock_set {
            self.settings.clock = Clock::anchor();
        }
        self
    }

    /// Seeds the run from an injected generator (one `u64` is drawn from it).
    pub fn rng<R: Rng + ?Sized>(self, rng: &mut R) -> Service<T> {
        self.seed(rng.next_u64())
    }

    /// The dataset (country) to generate for. Fails for a code that is not two letters, for a
    /// code that none of the tables `T` draws from has (listing the codes they have), and, in
    /// strict mode, when any of them lacks the country. A table that lacks it otherwise falls
    /// back to its US variant: each such table is logged as a warning (`log` crate) and listed
    /// by [`Service::fallbacks`]. Also checks that every cell `T` reads converts into its
    /// field's type.
    ///
    /// ```
    /// # #![allow(dead_code)]
    /// use datamimic::{Error, Mimic, Service};
    ///
    /// #[derive(Mimic)]
    /// struct Name {
    ///     #[mimic(weighted = "common/person/family_name")]
    ///     family_name: &'static str,
    /// }
    ///
    /// let err = Service::<Name>::new().dataset("ZZ").unwrap_err();
    /// assert!(matches!(err, Error::UnknownDataset { .. }));
    /// assert!(err.to_string().contains("its tables have: "));
    /// ```
    pub fn dataset(mut self, code: &str) -> Result<Service<T>> {
        self.settings.dataset = DatasetCode::parse(code)?;
        self.check()?;
        Ok(self)
    }

    /// Strict mode (no US fallback) or fallback; the default comes from
    /// `DATAMIMIC_STRICT_DATASET`. Checks the current dataset again.
    pub fn strictness(mut self, strictness: Strictness) -> Result<Service<T>> {
        self.settings.strictness = strictness;
        self.check()?;
        Ok(self)
    }

    /// Fixes "now" for generated ages and dates.
    pub fn clock(mut self, clock: Clock) -> Service<T> {
        self.settings.clock = clock;
        self.clock_set = true;
        self
    }

    /// Adds a typed configuration value that generators read with [`Context::config`]
    /// (replacing one of the same type).
    pub fn config<C: Any + Send + Sync>(mut self, config: C) -> Service<T> {
        self.settings.set_config(config);
        self
    }

    /// The fixed settings of this service.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Record `index`, computed directly: the same value it has in a sequential run.
    #[inline]
    pub fn record(&self, index: u64) -> T {
        T::mimic(&mut Context::new(&self.settings, index))
    }

    /// The index of the next record, counted as used.
    pub(crate) fn advance(&mut self) -> u64 {
        let index = self.next;
        self.next += 1;
        index
    }

    /// The next record.
    #[inline]
    pub fn generate(&mut self) -> T {
        let value = self.record(self.next);
        self.next += 1;
        value
    }

    /// The next `n` records.
    pub fn generate_batch(&mut self, n: usize) -> Vec<T> {
        (0..n).map(|_| self.generate()).collect()
    }

    /// An endless lazy stream of the next records, in constant memory.
    pub fn iter(&mut self) -> Iter<'_, T> {
        Iter { service: self }
    }

    /// The dataset codes every table of `T` supports.
    pub fn supported_datasets() -> Vec<&'static str> {
        supported_datasets(&Self::families())
    }

    /// The tables of `T` that lack the current dataset and draw from their US variant instead
    /// (empty in strict mode, where a missing dataset is an error). The command-line tool
    /// prints them; [`Service::dataset`] also logs them.
    ///
    /// ```
    /// # #![allow(dead_code)]
    /// use datamimic::{Mimic, Service};
    ///
    /// #[derive(Mimic)]
    /// struct Name {
    ///     #[mimic(weighted = "common/person/family_name")]
    ///     family_name: &'static str,
    /// }
    ///
    /// assert!(Service::<Name>::new().dataset("DE")?.fallbacks().is_empty());
    /// # Ok::<(), datamimic::Error>(())
    /// ```
    pub fn fallbacks(&self) -> Vec<Fallback> {
        if self.settings.strictness == Strictness::Strict {
            return Vec::new();
        }
        let code = self.settings.dataset;
        Self::families()
            .into_iter()
            .filter(|family| family.is_per_country() && family.get(code).is_none())
            .filter(|family| family.get(DatasetCode::US).is_some())
            .map(|family| Fallback {
                table: family.key(),
                requested: code,
            })
            .collect()
    }

    /// Every table `T` draws from, once each, in the order `T` visits them.
    fn families() -> Vec<&'static TableFamily> {
        let mut families: Vec<&'static TableFamily> = Vec::new();
        T::visit_tables(&mut |table_use: TableUse| {
            if !families.iter().any(|f| std::ptr::eq(*f, table_use.family)) {
                families.push(table_use.family);
            }
        });
        families
    }

    /// Checks the tables `T` uses against the current settings.
    fn check(&self) -> Result<()> {
        let code = self.settings.dataset;
        if self.settings.strictness == Strictness::Fallback {
            let per_country: Vec<&'static TableFamily> = Self::families()
                .into_iter()
                .filter(|family| family.is_per_country())
                .collect();
            if !per_country.is_empty() && per_country.iter().all(|f| f.get(code).is_none()) {
                return Err(Error::UnknownDataset {
                    type_name: short_type_name::<T>(),
                    requested: code.to_string(),
                    available: any_datasets(&per_country),
                });
            }
        }
        let mut first_error = None;
        T::visit_tables(&mut |table_use: TableUse| {
            if first_error.is_some() {
                return;
            }
            match table_use
                .family
                .resolve_code(self.settings.dataset, self.settings.strictness)
            {
                Err(err) => first_error = Some(err),
                Ok(table) => {
                    if let Some(check) = table_use.accepts
                        && let Some(row) = (0..table.len())
                            .find(|&r| !(check.accepts)(table.cell(r, table_use.column)))
                    {
                        first_error = Some(Error::CellType {
                            field: check.field,
                            type_name: check.type_name,
                            table: table_use.family.key(),
                            column: table.columns()[table_use.column],
                            cell: table.cell(row, table_use.column).to_owned(),
                            row: row + 1,
                            file: table.source(),
                        });
                    }
                }
            }
        });
        first_error.map_or(Ok(()), Err)
    }
}

use crate::Mimic;

/// `Person` for `datamimic::domain::common::Person`; generic types keep their full name.
pub(crate) fn short_type_name<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    if name.contains('<') {
        return name;
    }
    // After the last `::`: a byte search, since related sets ask once per parent.
    match name.bytes().rposition(|b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

impl<T: Mimic> Default for Service<T> {
    fn default() -> Service<T> {
        Service::new()
    }
}

impl<T> fmt::Debug for Service<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Service")
            .field("type", &std::any::type_name::<T>())
            .field("dataset", &self.settings.dataset)
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

/// The lazy stream of [`Service::iter`].
pub struct Iter<'a, T> {
    service: &'a mut Service<T>,
}

impl<T: Mimic> Iterator for Iter<'_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        Some(self.service.generate())
    }
}

impl<T> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter")
            .field("next", &self.service.next)
            .finish()
    }
}
