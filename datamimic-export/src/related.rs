//! Related sets: a parent entity written together with its children ([`datamimic::ChildOf`]),
//! one output per entity, joined by keys.
//!
//! Every parent row starts with `id` (its record index + 1); every child row starts with its
//! own `id` (its position among all children of its kind + 1) and its parent's id in a column
//! named after the parent (`bank_account_id`). Child `k` of parent `i` comes from a stream of
//! its own, and the children of each parent are counted up front (one cheap draw per parent,
//! no records), so every page knows the ids it starts at: the bytes are the same for every
//! thread count and page size, and only a page's records are in memory at once.

use std::any::Any;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use datamimic::{CellWriter, Cells, ChildCount, ChildOf, Service, Strictness};
use serde::Serialize;
use serde::ser::SerializeMap;

use crate::entity_options::{EntityOptions, Record};
use crate::pipeline::{self, Parts, Plan, Source};
use crate::sink::{Encoder, Format, Sink, Target};
use crate::sqlite::Keys;

/// The most children one parent may get: its children are made together, in memory.
pub const MAX_CHILDREN_PER_PARENT: u32 = 100_000;

/// Page starts whose child ids a run keeps, at most (8 bytes each per relation): runs of more
/// pages keep every few pages' and count the pages between.
const MAX_CHECKPOINTS: u64 = 1 << 20;

/// A child entity of a parent entity, as the command names them.
#[derive(Debug)]
pub struct RelationDef {
    /// The parent entity (`BankAccount`).
    pub parent: &'static str,
    /// The child entity (`Transaction`).
    pub child: &'static str,
    /// The column of a child row that holds its parent's id (`bank_account_id`).
    pub parent_key: &'static str,
    /// Whether the parent decides how many children it has (an order's items are its lines),
    /// so no count may be given.
    pub parent_counts: bool,
    build: fn(&EntityOptions) -> Result<Box<dyn ChildSet>>,
}

impl RelationDef {
    /// The children's service, with the parent's dataset, strictness and seed.
    pub fn build(&self, options: &EntityOptions) -> Result<Box<dyn ChildSet>> {
        (self.build)(options)
    }
}

/// The relation in which `child` is a child of `parent` (names case-insensitive), or an error
/// that lists the children `parent` can have.
pub fn find(parent: &str, child: &str) -> Result<&'static RelationDef> {
    if let Some(def) = RELATIONS
        .iter()
        .find(|d| d.parent.eq_ignore_ascii_case(parent) && d.child.eq_ignore_ascii_case(child))
    {
        return Ok(def);
    }
    let children: Vec<&str> = RELATIONS
        .iter()
        .filter(|d| d.parent.eq_ignore_ascii_case(parent))
        .map(|d| d.child)
        .collect();
    if children.is_empty() {
        let parents: Vec<&str> = RELATIONS.iter().map(|d| d.parent).collect();
        bail!(
            "`{parent}` has no child entities; entities with children: {}",
            dedup(parents).join(", ")
        );
    }
    bail!(
        "`{child}` is not a child entity of `{parent}`; its children: {}",
        children.join(", ")
    )
}

fn dedup(mut names: Vec<&'static str>) -> Vec<&'static str> {
    names.dedup();
    names
}

/// The children of one relation, type-erased: made for a parent handed over as [`Any`].
pub trait ChildSet: Send + Sync {
    /// How many children record `parent_index`, `parent`, gets.
    fn count(&self, parent: &dyn Any, parent_index: u64, count: ChildCount) -> Result<usize>;

    /// How many children `count` draws for record `parent_index`, without the parent (for
    /// relations whose parent does not decide).
    fn drawn_count(&self, parent_index: u64, count: ChildCount) -> usize;

    /// Makes the children of `parent` and encodes each as a row (`first_id`, `first_id + 1`,
    /// ...) into output `sink` of `parts`, whose record `first_id - 1` is the first; returns
    /// how many.
    #[allow(clippy::too_many_arguments)]
    fn encode(
        &self,
        parent: &dyn Any,
        parent_index: u64,
        count: ChildCount,
        parent_key: &'static str,
        first_id: u64,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<u64>;
}

struct Children<P, C> {
    service: Service<C>,
    marker: std::marker::PhantomData<fn(&P)>,
}

fn parent_as<P: 'static>(parent: &dyn Any) -> Result<&P> {
    parent
        .downcast_ref::<P>()
        .ok_or_else(|| anyhow!("a related set was given a parent of another entity"))
}

impl<P: Record, C: Record + ChildOf<P>> ChildSet for Children<P, C> {
    fn count(&self, parent: &dyn Any, parent_index: u64, count: ChildCount) -> Result<usize> {
        Ok(self
            .service
            .child_count(parent_as::<P>(parent)?, parent_index, count))
    }

    fn drawn_count(&self, parent_index: u64, count: ChildCount) -> usize {
        self.service.drawn_count::<P>(parent_index, count)
    }

    fn encode(
        &self,
        parent: &dyn Any,
        parent_index: u64,
        count: ChildCount,
        parent_key: &'static str,
        first_id: u64,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<u64> {
        let parent = parent_as::<P>(parent)?;
        let children = self.service.children(parent, parent_index, count);
        for (id, child) in (first_id..).zip(&children) {
            let row = ChildRow {
                id,
                parent: ParentKey {
                    column: parent_key,
                    id: parent_index + 1,
                },
                record: child,
            };
            encoder
                .encode_record(id - 1, &row, &mut parts.outs()[sink])
                .map_err(|e| anyhow!("child {id} of record {parent_index}: {e:#}"))?;
            parts.record_done()?;
        }
        Ok(children.len() as u64)
    }
}

/// Builds the children's service from the parent's options (dataset, strictness, seed).
fn children<P: Record, C: Record + ChildOf<P>>(
    options: &EntityOptions,
) -> Result<Box<dyn ChildSet>> {
    let strictness = if options.strict {
        Strictness::Strict
    } else {
        Strictness::Fallback
    };
    let mut service = Service::<C>::new().strictness(strictness)?;
    if let Some(code) = &options.dataset {
        service = service.dataset(code)?;
    }
    if let Some(seed) = options.seed {
        service = service.seed(seed);
    }
    Ok(Box::new(Children::<P, C> {
        service,
        marker: std::marker::PhantomData,
    }))
}

/// A parent row: `id`, then the record's fields.
#[derive(Serialize)]
struct ParentRow<'a, R> {
    id: u64,
    #[serde(flatten)]
    record: &'a R,
}

impl<R: Cells> Cells for ParentRow<'_, R> {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.uint(self.id)?;
        self.record.write_cells(w)
    }
}

/// A child row: `id`, the parent's id, then the record's fields.
#[derive(Serialize)]
struct ChildRow<'a, R> {
    id: u64,
    #[serde(flatten)]
    parent: ParentKey,
    #[serde(flatten)]
    record: &'a R,
}

impl<R: Cells> Cells for ChildRow<'_, R> {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.uint(self.id)?;
        w.uint(self.parent.id)?;
        self.record.write_cells(w)
    }
}

/// The parent's id under the column named after the parent.
struct ParentKey {
    column: &'static str,
    id: u64,
}

impl Serialize for ParentKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.column, &self.id)?;
        map.end()
    }
}

/// One relation of a run: its children and how many each parent gets.
pub struct Relation {
    /// The relation.
    pub def: &'static RelationDef,
    /// The children's service.
    pub set: Box<dyn ChildSet>,
    /// How many children each parent gets (ignored when the parent decides).
    pub count: ChildCount,
}

impl std::fmt::Debug for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relation")
            .field("child", &self.def.child)
            .field("count", &self.count)
            .finish()
    }
}

/// Writes `plan.count` records of `service` to `sinks[0]` and the children of each relation
/// to the sinks after it, in the relations' order.
pub fn export<P: Record>(
    service: &Service<P>,
    relations: &[Relation],
    plan: Plan,
    sinks: &mut [Sink],
    label: &str,
) -> Result<()> {
    export_within(
        service,
        relations,
        plan,
        sinks,
        label,
        pipeline::IN_FLIGHT_BUDGET,
    )
    .map(drop)
}

/// [`export`] with `budget` bytes of encoded rows in flight at most (beyond one row).
fn export_within<P: Record>(
    service: &Service<P>,
    relations: &[Relation],
    plan: Plan,
    sinks: &mut [Sink],
    label: &str,
    budget: usize,
) -> Result<pipeline::Stats> {
    if sinks.len() != relations.len() + 1 {
        bail!("a related set needs one output per entity");
    }
    let page_size = plan.page_size.max(1);
    let pages = plan.count.div_ceil(page_size);
    let stride = page_size * pages.div_ceil(MAX_CHECKPOINTS).max(1);
    let source = Family {
        service,
        relations,
        encoders: sinks.iter().map(|s| s.encoder().clone()).collect(),
        stride,
        checkpoints: Vec::new(),
    };
    let checkpoints = source.number_children(plan.count)?;
    let source = Family {
        checkpoints,
        ..source
    };
    pipeline::run_within(&source, plan, sinks, label, budget)
}

/// The related set's source: parent `i` and its children, encoded for each output.
struct Family<'a, P> {
    service: &'a Service<P>,
    relations: &'a [Relation],
    encoders: Vec<Encoder>,
    /// Parents between two checkpoints.
    stride: u64,
    /// For each checkpoint (parent `c * stride`), the id of the first child of each relation
    /// made from that parent on.
    checkpoints: Vec<Vec<u64>>,
}

impl<P: Record> Family<'_, P> {
    /// The children of parent `index` in each relation, added to `ids`; the parent is made
    /// only when a relation's parent decides its count.
    fn count_into(&self, index: u64, ids: &mut [u64]) -> Result<()> {
        let mut parent = None;
        for (relation, id) in self.relations.iter().zip(ids) {
            let n = if relation.def.parent_counts {
                let parent = parent.get_or_insert_with(|| self.service.record(index));
                relation.set.count(&*parent, index, relation.count)?
            } else {
                relation.set.drawn_count(index, relation.count)
            };
            *id += n as u64;
        }
        Ok(())
    }

    /// The checkpoints of a run of `count` parents: children counted, none made.
    fn number_children(&self, count: u64) -> Result<Vec<Vec<u64>>> {
        let mut ids = vec![1; self.relations.len()];
        let mut checkpoints = Vec::new();
        for index in 0..count {
            if index % self.stride == 0 {
                checkpoints.push(ids.clone());
            }
            self.count_into(index, &mut ids)?;
        }
        Ok(checkpoints)
    }

    /// The id of each relation's first child made from parent `start` on.
    fn first_ids(&self, start: u64) -> Result<Vec<u64>> {
        let checkpoint = start / self.stride;
        let mut ids = self.checkpoints[checkpoint as usize].clone();
        for index in checkpoint * self.stride..start {
            self.count_into(index, &mut ids)?;
        }
        Ok(ids)
    }
}

impl<P: Record> Source for Family<'_, P> {
    fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
        let mut ids = self.first_ids(range.start)?;
        for index in range {
            let parent = self.service.record(index);
            let row = ParentRow {
                id: index + 1,
                record: &parent,
            };
            self.encoders[0]
                .encode_record(index, &row, &mut out.outs()[0])
                .map_err(|e| anyhow!("record {index}: {e:#}"))?;
            out.record_done()?;
            for (j, (relation, id)) in self.relations.iter().zip(&mut ids).enumerate() {
                *id += relation.set.encode(
                    &parent,
                    index,
                    relation.count,
                    relation.def.parent_key,
                    *id,
                    &self.encoders[j + 1],
                    out,
                    j + 1,
                )?;
            }
        }
        Ok(())
    }

    /// Column names for outputs that got no rows: parent 0 with one child of each relation.
    fn sample(&self, out: &mut Parts<'_>) -> Result<()> {
        let parent = self.service.record(0);
        let row = ParentRow {
            id: 1,
            record: &parent,
        };
        self.encoders[0].encode_record(0, &row, &mut out.outs()[0])?;
        for (j, relation) in self.relations.iter().enumerate() {
            let one = if relation.def.parent_counts {
                relation.count
            } else {
                ChildCount::exactly(1)
            };
            relation.set.encode(
                &parent,
                0,
                one,
                relation.def.parent_key,
                1,
                &self.encoders[j + 1],
                out,
                j + 1,
            )?;
        }
        Ok(())
    }
}

/// Opens the outputs of a related set of `parent` and `relations`: with SQLite, one database
/// at `path` with a table per entity, `id` its primary key and each child table's parent id a
/// declared foreign key; otherwise a file per entity in the directory `path`
/// (`path/<Entity>.<format>`), created if missing.
pub fn open_outputs(
    path: &Path,
    encoder: &Encoder,
    parent: &'static str,
    relations: &[Relation],
) -> Result<Vec<Sink>> {
    let mut sinks = Vec::with_capacity(relations.len() + 1);
    if encoder.format == Format::Sqlite {
        if path.is_dir() {
            bail!(
                "`{}` is a directory: related sets in SQLite go to one database file",
                path.display()
            );
        }
        let mut sink = Sink::create(
            encoder.clone(),
            &Target::File {
                path: path.to_owned(),
                table: parent.to_owned(),
            },
        )?;
        sink.declare_keys(Keys {
            primary: Some("id".to_owned()),
            foreign: None,
        });
        sinks.push(sink);
        for relation in relations {
            // Each table is written to a database of its own and copied in at the end, so the
            // file does not depend on how parent and child rows were interleaved in pages.
            let part = part_path(path, relation.def.child);
            let mut sink = Sink::create(
                encoder.clone(),
                &Target::File {
                    path: part,
                    table: relation.def.child.to_owned(),
                },
            )?;
            sink.declare_keys(Keys {
                primary: Some("id".to_owned()),
                foreign: Some((relation.def.parent_key.to_owned(), parent.to_owned())),
            });
            sinks.push(sink);
        }
        return Ok(sinks);
    }
    if path.is_file() {
        bail!(
            "`{}` is a file: a related set is written as one file per entity into a directory",
            path.display()
        );
    }
    if !path.exists() {
        std::fs::create_dir_all(path)
            .map_err(|e| anyhow!("cannot create the directory `{}`: {e}", path.display()))?;
        crate::staging::created_dir(path);
    }
    crate::staging::sweep(path);
    for name in std::iter::once(parent).chain(relations.iter().map(|r| r.def.child)) {
        let target = Target::File {
            path: path.join(format!("{name}.{}", encoder.format.extension())),
            table: name.to_owned(),
        };
        sinks.push(Sink::create(encoder.clone(), &target)?);
    }
    Ok(sinks)
}

/// Where the table of `child` is written before it is copied into the database at `path`.
fn part_path(path: &Path, child: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{child}"));
    path.with_file_name(name)
}

/// Finishes the outputs of [`open_outputs`] once every record is written: all of them are
/// complete before any takes its final name, so a failed run leaves none.
pub fn finish_outputs(sinks: Vec<Sink>, relations: &[Relation]) -> Result<()> {
    let sqlite = sinks.first().map(|s| s.encoder().format) == Some(Format::Sqlite);
    let mut staged = Vec::with_capacity(sinks.len());
    for sink in sinks {
        staged.push(sink.finish()?);
    }
    if sqlite {
        let [Some(database), parts @ ..] = staged.as_slice() else {
            bail!("a related set in SQLite needs its database file");
        };
        let parts: Vec<(&Path, &str)> = parts
            .iter()
            .zip(relations)
            .filter_map(|(part, r)| Some((part.as_ref()?.tmp(), r.def.child)))
            .collect();
        crate::sqlite::merge_tables(database.tmp(), &parts)?;
        let mut staged = staged.into_iter();
        if let Some(Some(database)) = staged.next() {
            database.commit()?;
        }
        // The parts, uncommitted, are removed as they drop.
        return Ok(());
    }
    for file in staged.into_iter().flatten() {
        file.commit()?;
    }
    Ok(())
}

/// Declares the relations: `"Parent" => Type, "Child" => Type, "parent_key"[, parent counts];`.
macro_rules! relations {
    ($($parent:literal => $p:ty, $child:literal => $c:ty, $key:literal, $counts:literal;)*) => {
        /// Every relation the command can write, by parent.
        pub static RELATIONS: &[RelationDef] = &[$(
            RelationDef {
                parent: $parent,
                child: $child,
                parent_key: $key,
                parent_counts: $counts,
                build: children::<$p, $c>,
            },
        )*];
    };
}

use datamimic::domain::common as dc;
use datamimic::domain::ecommerce as ec;
use datamimic::domain::finance as fi;
use datamimic::domain::healthcare as hc;

relations! {
    "Person" => dc::Person, "BankAccount" => fi::BankAccount, "person_id", false;
    "Person" => dc::Person, "CreditCard" => fi::CreditCard, "person_id", false;
    "BankAccount" => fi::BankAccount, "Transaction" => fi::Transaction, "bank_account_id", false;
    // An item's own `order_id` is the order's number; its row's key is `order_row_id`.
    "Order" => ec::Order, "OrderItem" => ec::OrderItem, "order_row_id", true;
    "Order" => ec::Order, "Invoice" => ec::Invoice, "order_row_id", true;
    "Patient" => hc::Patient, "Encounter" => hc::Encounter, "patient_row_id", false;
    "Patient" => hc::Patient, "MedicalRecord" => hc::MedicalRecord, "patient_row_id", true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::CsvOptions;

    /// However many children the parents have, what is in flight stays within the budget: the
    /// children of one parent are handed to the writer as they are encoded.
    #[test]
    fn memory_in_flight_stays_within_the_budget() {
        let dir = std::env::temp_dir().join(format!("datamimic-related-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let options = EntityOptions {
            dataset: Some("DE".into()),
            seed: Some(1),
            ..EntityOptions::default()
        };
        let def = find("BankAccount", "Transaction").unwrap();
        let relations = [Relation {
            def,
            set: def.build(&options).unwrap(),
            count: ChildCount::exactly(2_000),
        }];
        let accounts = Service::<fi::BankAccount>::new()
            .dataset("DE")
            .unwrap()
            .seed(1);
        let encoder = Encoder {
            format: Format::Csv,
            csv: CsvOptions::default(),
        };
        let budget = 256 << 10;
        let mut sizes = Vec::new();
        for threads in [1, 2] {
            let out = dir.join(format!("run-{threads}"));
            let mut sinks = open_outputs(&out, &encoder, "BankAccount", &relations).unwrap();
            let plan = Plan {
                count: 40,
                page_size: 8,
                threads,
            };
            let stats =
                export_within(&accounts, &relations, plan, &mut sinks, "test", budget).unwrap();
            finish_outputs(sinks, &relations).unwrap();
            let written = std::fs::metadata(out.join("Transaction.csv"))
                .unwrap()
                .len();
            // 80,000 rows, some 16 MB, through a quarter of a megabyte.
            assert!(written > 60 * budget as u64, "{written}");
            assert!(stats.peak_in_flight < budget + 4096, "{stats:?}");
            sizes.push(std::fs::read(out.join("Transaction.csv")).unwrap());
        }
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(sizes[0] == sizes[1]);
    }
}
