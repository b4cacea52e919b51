//! The context a record is generated in.

use std::any::{Any, TypeId};
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Clock, DatasetCode, MimicRng, RecordStreams, Strictness, Table, TableFamily};

/// Everything a service fixes for all its records: seed, dataset, strictness, clock and
/// typed configuration (such as a domain's age range).
#[derive(Debug)]
pub struct Settings {
    pub(crate) streams: RecordStreams,
    pub(crate) dataset: DatasetCode,
    pub(crate) strictness: Strictness,
    pub(crate) clock: Clock,
    pub(crate) configs: Vec<(TypeId, Box<dyn Any + Send + Sync>)>,
}

impl Settings {
    /// Settings for a run seeded with `seed`, dataset US, fallback mode, the fixed clock.
    pub fn seeded(seed: u64) -> Settings {
        Settings {
            streams: RecordStreams::new(seed),
            dataset: DatasetCode::US,
            strictness: Strictness::from_env(),
            clock: Clock::anchor(),
            configs: Vec::new(),
        }
    }

    /// The same settings for another dataset (a test of a hand-written [`crate::Mimic`]
    /// that builds its [`Context`] itself; a service sets it with `dataset`).
    pub fn with_dataset(mut self, dataset: DatasetCode) -> Settings {
        self.dataset = dataset;
        self
    }

    /// The configuration value of type `C`, if one was set.
    pub fn config<C: Any>(&self) -> Option<&C> {
        self.configs
            .iter()
            .find(|(id, _)| *id == TypeId::of::<C>())
            .and_then(|(_, c)| c.downcast_ref())
    }

    pub(crate) fn set_config<C: Any + Send + Sync>(&mut self, config: C) {
        self.configs.retain(|(id, _)| *id != TypeId::of::<C>());
        self.configs.push((TypeId::of::<C>(), Box::new(config)));
    }

    /// The dataset code.
    pub fn dataset(&self) -> DatasetCode {
        self.dataset
    }

    /// The clock.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Whether a dataset a table lacks is an error or falls back to US.
    pub fn strictness(&self) -> Strictness {
        self.strictness
    }
}

/// The state one record is generated with: its own random stream, its index, and the
/// service's settings.
pub struct Context<'a> {
    rng: MimicRng,
    index: u64,
    dataset: DatasetCode,
    settings: &'a Settings,
}

impl<'a> Context<'a> {
    /// The context of record `index` under `settings`.
    pub fn new(settings: &'a Settings, index: u64) -> Context<'a> {
        Context {
            rng: settings.streams.record(index),
            index,
            dataset: settings.dataset,
            settings,
        }
    }

    /// The context of a record drawn from `rng`, another stream than the service's record
    /// `index` (a child of a related record).
    pub(crate) fn with_stream(settings: &'a Settings, index: u64, rng: MimicRng) -> Context<'a> {
        Context {
            rng,
            index,
            dataset: settings.dataset,
            settings,
        }
    }

    /// The record's random stream.
    #[inline]
    pub fn rng(&mut self) -> &mut MimicRng {
        &mut self.rng
    }

    /// The record's index in its run (0, 1, 2, ...).
    #[inline]
    pub fn index(&self) -> u64 {
        self.index
    }

    /// The dataset (country) the record is generated for.
    #[inline]
    pub fn dataset(&self) -> DatasetCode {
        self.dataset
    }

    /// Runs `f` with another dataset, for nested values of another country.
    pub fn with_dataset<T>(
        &mut self,
        dataset: DatasetCode,
        f: impl FnOnce(&mut Context<'a>) -> T,
    ) -> T {
        let saved = std::mem::replace(&mut self.dataset, dataset);
        let value = f(self);
        self.dataset = saved;
        value
    }

    /// The service's clock.
    #[inline]
    pub fn clock(&self) -> Clock {
        self.settings.clock
    }

    /// "Now" for this record.
    #[inline]
    pub fn now(&self) -> DateTime<Utc> {
        self.settings.clock.now()
    }

    /// "Today" for this record.
    #[inline]
    pub fn today(&self) -> NaiveDate {
        self.settings.clock.today()
    }

    /// The configuration value of type `C` given to the service, if any.
    pub fn config<C: Any>(&self) -> Option<&'a C> {
        self.settings.config::<C>()
    }

    /// The variant of `family` for this record's dataset. A missing country falls back to US
    /// (services check strict mode when they are built).
    #[inline]
    pub fn table(&self, family: &'static TableFamily) -> &'static Table {
        family.for_dataset(self.dataset)
    }
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("index", &self.index)
            .field("dataset", &self.dataset)
            .finish_non_exhaustive()
    }
}
