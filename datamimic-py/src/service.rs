//! `EntityService`: any catalogue entity's service, with DATAMIMIC's `generate()` and
//! `generate_batch(count)`, record `i` directly, and the records of a shard.
//!
//! A batch is a list of entities that each hold the index of their record
//! ([`crate::entity`]); record `i` depends only on the seed and `i`, so it is generated when
//! Python first reads it. Arrow batches and exports are generated on every core with the
//! interpreter released.

use std::ops::Range;
use std::path::{Path, PathBuf};

use datamimic_export::columnar::file::SharedBatches;
use datamimic_export::csv::CsvOptions;
use datamimic_export::entities::EntityOptions;
use datamimic_export::pipeline::{self, DEFAULT_PAGE_SIZE, Plan};
use datamimic_export::shard::Shard;
use datamimic_export::sink::{Encoder, Format, Sink, Target};
use datamimic_export::staging;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::arrow_stream::ArrowStream;
use crate::build::{self, Params, PersonParams};
use crate::errors::value_error;
use crate::record_object;
use crate::records::Records;

/// A built service and its position in the sequence of records.
#[pyclass(module = "datamimic._native")]
pub(crate) struct EntityService {
    records: Py<Records>,
    /// The index of the record `generate()` returns next.
    next: u64,
    /// Whether the seed was given: shards of an unseeded service would come from different
    /// runs.
    seeded: bool,
}

impl EntityService {
    /// Where `generate()` will be after `count` more records.
    fn advance(&self, count: u64) -> PyResult<u64> {
        self.next
            .checked_add(count)
            .ok_or_else(|| value_error(format!("{count} more records would pass record 2^64")))
    }

    /// Shard `text` (`"2/4"`) of a run of `count` records; refused for an unseeded service.
    fn shard_range(&self, count: u64, text: &str) -> PyResult<Range<u64>> {
        let shard: Shard = text.parse().map_err(value_error)?;
        if !self.seeded {
            return Err(value_error(format!(
                "shard `{shard}` needs a seeded service (`rng` or `seed`): the shards of one run must share its seed to hold its records"
            )));
        }
        Ok(shard.range(count))
    }

    /// Entity `index`, generated when it is first read.
    fn entity<'py>(&self, py: Python<'py>, index: u64) -> PyResult<Bound<'py, PyAny>> {
        record_object::record(self.records.bind(py), index)
    }

    /// Records `range` as Arrow record batches (the columns `datamimic generate -f arrow`
    /// writes for them, a batch per 65,536 records), generated on every core with the
    /// interpreter released: the input of `generate_arrow` and `shard_arrow`.
    fn batches(&self, py: Python<'_>, range: Range<u64>) -> PyResult<ArrowStream> {
        let records = self.records.get();
        let (entity, name) = (records.entity(), records.name);
        let (schema, batches) = py
            .detach(|| -> anyhow::Result<_> {
                let batches = SharedBatches::default();
                let encoder = Encoder {
                    format: Format::Arrow,
                    csv: CsvOptions::default(),
                };
                let mut sinks = vec![Sink::create(encoder, &Target::Batches(batches.clone()))?];
                let plan = Plan {
                    count: range.end - range.start,
                    page_size: DEFAULT_PAGE_SIZE,
                    threads: pipeline::threads(None),
                };
                entity.export_from(range.start, plan, &mut sinks, name)?;
                sinks.pop().expect("one sink").finish()?;
                batches
                    .take()
                    .ok_or_else(|| anyhow::anyhow!("the {name} columns were never declared"))
            })
            .map_err(value_error)?;
        Ok(ArrowStream::new(schema, batches))
    }

    /// Entities `range` as a Python list: one small object each, the records generated when
    /// they are read.
    fn list<'py>(&self, py: Python<'py>, range: Range<u64>) -> PyResult<Bound<'py, PyList>> {
        record_object::list(self.records.bind(py), range)
    }
}

#[pymethods]
impl EntityService {
    /// The service of catalogue entity `name`; Python's service classes pass DATAMIMIC's
    /// parameters here. `person` holds Person's `(min_age, max_age, female_quota,
    /// other_gender_quota, noble_quota, academic_title_quota)`, `price` Product's
    /// `(min_price, max_price)`.
    #[new]
    #[pyo3(signature = (
        name, *, dataset=None, seed=None, strict=true, age_min=None, age_max=None,
        conditions_include=Vec::new(), conditions_exclude=Vec::new(), person=None, price=None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        name: String,
        dataset: Option<String>,
        seed: Option<u64>,
        strict: bool,
        age_min: Option<u32>,
        age_max: Option<u32>,
        conditions_include: Vec<String>,
        conditions_exclude: Vec<String>,
        person: Option<(u32, u32, f64, f64, f64, Option<f64>)>,
        price: Option<(f64, f64)>,
    ) -> PyResult<EntityService> {
        let params = Params {
            name,
            options: EntityOptions {
                dataset,
                strict,
                seed,
                age_min,
                age_max,
                conditions_include,
                conditions_exclude,
            },
            person: person.map(
                |(min_age, max_age, female, other, noble, academic)| PersonParams {
                    min_age,
                    max_age,
                    female_quota: female,
                    other_gender_quota: other,
                    noble_quota: noble,
                    academic_title_quota: academic,
                },
            ),
            price,
        };
        let (name, entity) = build::build(&params).map_err(value_error)?;
        Ok(EntityService {
            records: Py::new(py, Records::new(name, entity))?,
            next: 0,
            seeded: params.options.seed.is_some(),
        })
    }

    /// The next record.
    fn generate<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let entity = self.entity(py, self.next)?;
        self.next += 1;
        Ok(entity)
    }

    /// The next `count` records.
    fn generate_batch<'py>(&mut self, py: Python<'py>, count: u64) -> PyResult<Bound<'py, PyList>> {
        let end = self.advance(count)?;
        let list = self.list(py, self.next..end)?;
        self.next = end;
        Ok(list)
    }

    /// The next `count` records as Arrow record batches: the input of `generate_arrow`.
    fn generate_batches(&mut self, py: Python<'_>, count: u64) -> PyResult<ArrowStream> {
        let end = self.advance(count)?;
        let stream = self.batches(py, self.next..end)?;
        self.next = end;
        Ok(stream)
    }

    /// Record `index` of the sequence (`generate()` returns 0, 1, 2, ...), whatever came
    /// before.
    fn record<'py>(&self, py: Python<'py>, index: u64) -> PyResult<Bound<'py, PyAny>> {
        self.entity(py, index)
    }

    /// The records of `shard` (`"2/4"`, counted from 1) of a run of `count` records from
    /// record 0: the shards in order hold the run's records. Does not move `generate()`'s
    /// position.
    fn shard<'py>(&self, py: Python<'py>, count: u64, shard: &str) -> PyResult<Bound<'py, PyList>> {
        let range = self.shard_range(count, shard)?;
        self.list(py, range)
    }

    /// The records of `shard` (`"2/4"`) of a run of `count` records from record 0, as Arrow
    /// record batches with the run's schema: the input of `shard_arrow`. Does not move
    /// `generate()`'s position.
    fn shard_batches(&self, py: Python<'_>, count: u64, shard: &str) -> PyResult<ArrowStream> {
        let range = self.shard_range(count, shard)?;
        self.batches(py, range)
    }

    /// Writes records `0..count` (or only those of `shard`, `"2/4"`) to `path` in `format`
    /// (`csv`, `json`, `ndjson`, `xml` or `sqlite`), byte for byte as `datamimic generate -o`
    /// does: on every core (or `threads`), through a temporary file renamed into place only
    /// when the whole run succeeded.
    #[pyo3(signature = (path, count, format, shard=None, threads=None))]
    fn export(
        &self,
        py: Python<'_>,
        path: PathBuf,
        count: u64,
        format: &str,
        shard: Option<&str>,
        threads: Option<usize>,
    ) -> PyResult<()> {
        let format = match format {
            "csv" => Format::Csv,
            "json" => Format::Json,
            "ndjson" => Format::Ndjson,
            "xml" => Format::Xml,
            "sqlite" => Format::Sqlite,
            other => {
                return Err(value_error(format!(
                    "unknown format `{other}`; formats: csv, json, ndjson, xml, sqlite"
                )));
            }
        };
        if threads == Some(0) {
            return Err(value_error("`threads` must be at least 1"));
        }
        let range = match shard {
            Some(text) => self.shard_range(count, text)?,
            None => 0..count,
        };
        let records = self.records.get();
        let (entity, name) = (records.entity(), records.name);
        py.detach(|| -> anyhow::Result<()> {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            staging::sweep(dir.unwrap_or(Path::new(".")));
            let target = Target::File {
                path: path.clone(),
                table: name.to_owned(),
            };
            let encoder = Encoder {
                format,
                csv: CsvOptions::default(),
            };
            let mut sinks = vec![Sink::create(encoder, &target)?];
            let plan = Plan {
                count: range.end - range.start,
                page_size: DEFAULT_PAGE_SIZE,
                threads: pipeline::threads(threads),
            };
            entity.export_from(range.start, plan, &mut sinks, name)?;
            if let Some(staged) = sinks.pop().expect("one sink").finish()? {
                staged.commit()?;
            }
            Ok(())
        })
        .map_err(value_error)
    }

    /// The catalogue name of the entity (`Person`).
    #[getter]
    fn name(&self) -> &str {
        self.records.get().name
    }
}

/// The dataset codes every table of entity `name` supports.
#[pyfunction]
pub(crate) fn supported_datasets(name: &str) -> PyResult<Vec<&'static str>> {
    let def = datamimic_export::entities::find(name).map_err(value_error)?;
    Ok((def.supported_datasets)())
}
