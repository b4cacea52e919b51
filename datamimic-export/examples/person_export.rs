//! Writes `COUNT` seeded Persons (US, seed 42) as `FORMAT` (csv, parquet or arrow) to `PATH` on
//! one thread: what the README's size and cost figures for the formats were measured with,
//! `valgrind --tool=callgrind` counting instructions at two counts. A fourth argument names
//! another entity of `datamimic list entities` (`Order`), for its cost per row.
//!
//! `cargo run --release -p datamimic-export --features parquet --example person_export -- parquet 100000 people.parquet`
//! (CSV alone needs no feature).

use anyhow::{Context as _, Result, bail};
use datamimic_export::entities::{self, EntityOptions};
use datamimic_export::pipeline::{DEFAULT_PAGE_SIZE, Plan};
use datamimic_export::sink::{Encoder, Format, Sink, Target};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (format, count, path, entity) = match args.as_slice() {
        [format, count, path] => (format, count, path, "Person"),
        [format, count, path, entity] => (format, count, path, entity.as_str()),
        _ => bail!("usage: person_export csv|parquet|arrow COUNT PATH [ENTITY]"),
    };
    let format = match format.as_str() {
        "csv" => Format::Csv,
        #[cfg(feature = "parquet")]
        "parquet" => Format::Parquet,
        #[cfg(feature = "parquet")]
        "arrow" => Format::Arrow,
        other => bail!("unknown format `{other}`"),
    };
    let count: u64 = count.parse().context("COUNT")?;
    let options = EntityOptions {
        seed: Some(42),
        ..EntityOptions::default()
    };
    let records = entities::find(entity)?.build(&options)?;
    let target = Target::File {
        path: path.into(),
        table: entity.into(),
    };
    let encoder = Encoder {
        format,
        csv: Default::default(),
    };
    let mut sinks = vec![Sink::create(encoder, &target)?];
    let plan = Plan {
        count,
        page_size: DEFAULT_PAGE_SIZE,
        threads: 1,
    };
    records.export(plan, &mut sinks, entity)?;
    if let Some(staged) = sinks.pop().context("one sink")?.finish()? {
        staged.commit()?;
    }
    Ok(())
}
