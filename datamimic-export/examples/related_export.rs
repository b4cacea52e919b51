//! Writes a related set as CSV on one thread, as `datamimic generate PARENT -n COUNT --with
//! CHILD=N -o DIR --seed 7 --threads 1` does: what the README's cost of related sets against
//! plain generation (`person_export csv COUNT PATH ENTITY`) was measured with, under
//! `valgrind --tool=callgrind` at two counts.
//!
//! `cargo run --release -p datamimic-export --example related_export -- BankAccount 1500 Transaction=10 bank/`

use anyhow::{Context as _, Result, bail};
use datamimic::ChildCount;
use datamimic_export::entities::{self, EntityOptions};
use datamimic_export::pipeline::{DEFAULT_PAGE_SIZE, Plan};
use datamimic_export::related::{self, RelatedSet};
use datamimic_export::sink::{Encoder, Format};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [parent, count, with, dir] = args.as_slice() else {
        bail!("usage: related_export PARENT COUNT CHILD=N DIR");
    };
    let count: u64 = count.parse().context("COUNT")?;
    let (child, per_parent) = with.split_once('=').context("CHILD=N")?;
    let per_parent: u32 = per_parent.parse().context("N")?;
    let options = EntityOptions {
        seed: Some(7),
        ..EntityOptions::default()
    };
    let name = entities::find(parent)?.name;
    let entity = entities::find(parent)?.build(&options)?;
    let mut set = RelatedSet::new(name, &entity.field_names()?);
    let (parent_at, def) = set.find(child)?;
    set.add(
        def,
        def.build(&options)?,
        ChildCount::exactly(per_parent),
        parent_at,
    )?;
    let encoder = Encoder {
        format: Format::Csv,
        csv: Default::default(),
    };
    let mut sinks = related::open_outputs(std::path::Path::new(dir), &encoder, &set)?;
    let plan = Plan {
        count,
        page_size: DEFAULT_PAGE_SIZE,
        threads: 1,
    };
    entity.export_related(&set, plan, &mut sinks, name)?;
    related::finish_outputs(sinks, &set)
}
