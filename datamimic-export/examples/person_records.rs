//! Generates `COUNT` Persons of `DATASET` (seed 42) through `Service::record`, one after another
//! on one thread, writing nothing: the README's instructions per Person were counted with
//! `valgrind --tool=callgrind` at two counts.
//!
//! `cargo run --release -p datamimic-export --example person_records -- DE 20000`

use std::hint::black_box;

use anyhow::{Context as _, Result, bail};
use datamimic::Service;
use datamimic::domain::common::Person;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, count] = args.as_slice() else {
        bail!("usage: person_records DATASET COUNT");
    };
    let count: u64 = count.parse().context("COUNT")?;
    let service = Service::<Person>::new().dataset(dataset)?.seed(42);
    for i in 0..count {
        black_box(service.record(i));
    }
    Ok(())
}
