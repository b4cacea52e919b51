//! Related sets: an entity written together with its children ([`datamimic::ChildOf`]) and
//! their children in turn, one output per entity, joined by keys.
//!
//! Every row starts with its key, `id` (its position in its output + 1); a child row then holds
//! its parent's key in a column named after the parent and its key column (`bank_account_id`
//! for a `BankAccount`'s `id`). Where `id` would mislead, a key is `row_id` instead (an
//! insurance policy has an `id` of its own; a customer a `customer_id`), and its children's
//! column follows (`customer_row_id`): see [`keys`]. A child's parent is the generated entity or a child before it in the set (an
//! order's reviews under a customer's orders), so the entities form a tree.
//!
//! Child `k` of the parent in row `r` of its output comes from a stream of its own (the
//! relation, `r`, `k`). On one thread the pages are made in order, each starting at the keys
//! the one before ended at; on more, the children of each top-level record are counted up
//! front, in parallel, a level of the set at a time (a cheap draw per parent; records are made
//! only where a parent decides its children's count), so every page knows the keys it starts
//! at. The bytes are the same for every thread count and page size, and only one record's
//! family is in memory at once.

use std::any::Any;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Result, anyhow, bail};
use datamimic::{CellWriter, Cells, ChildCount, ChildOf, Counting, Service, Strictness};
use serde::Serialize;
use serde::ser::SerializeMap;

use crate::entity_options::{EntityOptions, Record};
use crate::pipeline::{self, Parts, Plan, Source};
use crate::sink::{Encoder, Format, Sink, Target};
use crate::sqlite::{ForeignKey, Keys};

pub mod keys;

/// The most children one parent may get: its children are made together, in memory.
pub const MAX_CHILDREN_PER_PARENT: u32 = 100_000;

/// Page starts whose child keys a run keeps, at most (8 bytes each per relation): runs of more
/// pages keep every few pages' and count the pages between.
const MAX_CHECKPOINTS: u64 = 1 << 20;

/// A child entity of a parent entity, as the command names them.
#[derive(Debug)]
pub struct RelationDef {
    /// The parent entity (`BankAccount`).
    pub parent: &'static str,
    /// The child entity (`Transaction`).
    pub child: &'static str,
    /// Who decides how many children a parent gets ([`ChildOf::COUNTING`]); with
    /// [`Counting::Parent`] no count may be given.
    pub counting: Counting,
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
    find_among(&[parent], child).map(|(_, def)| def)
}

/// The relation in which `child` is a child of one of `parents` (names case-insensitive),
/// trying the last first, with that parent's position in `parents`; or an error that lists
/// the children they can have.
fn find_among(parents: &[&str], child: &str) -> Result<(usize, &'static RelationDef)> {
    for (position, parent) in parents.iter().enumerate().rev() {
        if let Some(def) = RELATIONS
            .iter()
            .find(|d| d.parent.eq_ignore_ascii_case(parent) && names(d.child, child))
        {
            return Ok((position, def));
        }
    }
    let children: Vec<&str> = RELATIONS
        .iter()
        .filter(|d| parents.iter().any(|p| d.parent.eq_ignore_ascii_case(p)))
        .map(|d| d.child)
        .collect();
    let named = parents
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    if children.is_empty() {
        let parents: Vec<&str> = RELATIONS.iter().map(|d| d.parent).collect();
        bail!(
            "{named} has no child entities; entities with children: {}",
            dedup(parents).join(", ")
        );
    }
    let whose = if parents.len() == 1 { "its" } else { "their" };
    bail!(
        "`{child}` is not a child entity of {named}; {whose} children: {}",
        children.join(", ")
    )
}

/// Other names of entities, as DATAMIMIC calls them: (name, entity).
pub const ALIASES: &[(&str, &str)] = &[("Claim", "InsuranceClaim")];

/// Whether `name` (case-insensitive) names `entity`, itself or by an alias.
fn names(entity: &str, name: &str) -> bool {
    entity.eq_ignore_ascii_case(name)
        || ALIASES
            .iter()
            .any(|(alias, of)| *of == entity && alias.eq_ignore_ascii_case(name))
}

fn dedup(mut names: Vec<&'static str>) -> Vec<&'static str> {
    names.dedup();
    names
}

/// The children of one relation, type-erased: made for a parent handed over as [`Any`].
pub trait ChildSet: Send + Sync {
    /// The top-level field names of a child record, which its row's key columns avoid.
    fn fields(&self) -> Result<Vec<String>>;

    /// How many children the parent in row `parent_index` of its output gets. `parent` may be
    /// `None` when the caller's count decides ([`Counting::Caller`]).
    fn count(
        &self,
        parent: Option<&dyn Any>,
        parent_index: u64,
        count: ChildCount,
    ) -> Result<usize>;

    /// Makes the children of `parent`, row `parent_index` of its output, and hands each to
    /// `visit` in order; returns how many.
    fn each_child(
        &self,
        parent: &dyn Any,
        parent_index: u64,
        count: ChildCount,
        visit: &mut dyn FnMut(&dyn Any) -> Result<()>,
    ) -> Result<usize>;

    /// Encodes `child` (one of [`ChildSet::each_child`]'s) as the row `keys` into output
    /// `sink` of `parts`.
    fn encode(
        &self,
        child: &dyn Any,
        keys: &RowKeys<'_>,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<()>;

    /// Encodes a child made on its own as the row `keys`, only for its columns.
    fn encode_sample(
        &self,
        keys: &RowKeys<'_>,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<()>;
}

/// The key columns of one child row and their values.
#[derive(Debug, Clone, Copy)]
pub struct RowKeys<'a> {
    /// The row's key column.
    pub key: &'a str,
    /// The row's key: its position in its output + 1.
    pub id: u64,
    /// The column with the parent's key.
    pub parent_key: &'a str,
    /// The parent row's key.
    pub parent_id: u64,
}

struct Children<P, C> {
    service: Service<C>,
    marker: std::marker::PhantomData<fn(&P)>,
}

fn downcast<T: 'static>(value: &dyn Any) -> Result<&T> {
    value
        .downcast_ref::<T>()
        .ok_or_else(|| anyhow!("a related set was handed a record of another entity"))
}

impl<P: Record, C: Record + ChildOf<P>> Children<P, C> {
    fn write(
        &self,
        child: &C,
        keys: &RowKeys<'_>,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<()> {
        let row = ChildRow {
            key: KeyColumn {
                column: keys.key,
                id: keys.id,
            },
            parent: KeyColumn {
                column: keys.parent_key,
                id: keys.parent_id,
            },
            record: child,
        };
        encoder
            .encode_record(keys.id - 1, &row, &mut parts.outs()[sink])
            .map_err(|e| anyhow!("child {} of row {}: {e:#}", keys.id, keys.parent_id))?;
        parts.record_done()
    }
}

impl<P: Record, C: Record + ChildOf<P>> ChildSet for Children<P, C> {
    fn fields(&self) -> Result<Vec<String>> {
        keys::field_names(&self.service.record(0))
    }

    fn count(
        &self,
        parent: Option<&dyn Any>,
        parent_index: u64,
        count: ChildCount,
    ) -> Result<usize> {
        Ok(match (parent, C::COUNTING) {
            (None, Counting::Caller) => self.service.drawn_count::<P>(parent_index, count),
            (Some(parent), _) => {
                self.service
                    .child_count(downcast::<P>(parent)?, parent_index, count)
            }
            (None, _) => bail!("the count of a parent's children needs the parent"),
        })
    }

    fn each_child(
        &self,
        parent: &dyn Any,
        parent_index: u64,
        count: ChildCount,
        visit: &mut dyn FnMut(&dyn Any) -> Result<()>,
    ) -> Result<usize> {
        let children = self
            .service
            .children(downcast::<P>(parent)?, parent_index, count);
        for child in &children {
            visit(child)?;
        }
        Ok(children.len())
    }

    fn encode(
        &self,
        child: &dyn Any,
        keys: &RowKeys<'_>,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<()> {
        self.write(downcast::<C>(child)?, keys, encoder, parts, sink)
    }

    fn encode_sample(
        &self,
        keys: &RowKeys<'_>,
        encoder: &Encoder,
        parts: &mut Parts<'_>,
        sink: usize,
    ) -> Result<()> {
        self.write(&self.service.record(0), keys, encoder, parts, sink)
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

/// A row of the generated entity: its key, then the record's fields.
#[derive(Serialize)]
struct TopRow<'a, R> {
    #[serde(flatten)]
    key: KeyColumn<'a>,
    #[serde(flatten)]
    record: &'a R,
}

impl<R: Cells> Cells for TopRow<'_, R> {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.uint(self.key.id)?;
        self.record.write_cells(w)
    }
}

/// A child row: its key, its parent's key, then the record's fields.
#[derive(Serialize)]
struct ChildRow<'a, R> {
    #[serde(flatten)]
    key: KeyColumn<'a>,
    #[serde(flatten)]
    parent: KeyColumn<'a>,
    #[serde(flatten)]
    record: &'a R,
}

impl<R: Cells> Cells for ChildRow<'_, R> {
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.uint(self.key.id)?;
        w.uint(self.parent.id)?;
        self.record.write_cells(w)
    }
}

/// A key under its column's name.
struct KeyColumn<'a> {
    column: &'a str,
    id: u64,
}

impl Serialize for KeyColumn<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.column, &self.id)?;
        map.end()
    }
}

/// One relation of a related set: its children, how many each parent gets, whose children
/// they are and the names of their key columns.
pub struct Relation {
    /// The relation.
    pub def: &'static RelationDef,
    /// The children's service.
    pub set: Box<dyn ChildSet>,
    /// How many children each parent gets (ignored when the parent decides).
    pub count: ChildCount,
    /// The parent's entity in the set: 0 for the generated entity, `j + 1` for the children
    /// of relation `j`.
    pub parent: usize,
    /// The child rows' key column (`id`).
    pub key: String,
    /// The child rows' column with the parent's key (`bank_account_id`).
    pub parent_key: String,
    /// The children's top-level field names.
    fields: Vec<String>,
}

impl std::fmt::Debug for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relation")
            .field("child", &self.def.child)
            .field("count", &self.count)
            .field("parent", &self.parent)
            .field("key", &self.key)
            .field("parent_key", &self.parent_key)
            .finish()
    }
}

/// A related set: the generated entity and the relations under it, each child entity once,
/// each relation's parent before it.
#[derive(Debug)]
pub struct RelatedSet {
    top: &'static str,
    top_fields: Vec<String>,
    top_key: String,
    relations: Vec<Relation>,
}

impl RelatedSet {
    /// A set of `top`, whose records have the top-level `fields`, without children yet.
    pub fn new(top: &'static str, fields: &[String]) -> RelatedSet {
        RelatedSet {
            top,
            top_fields: fields.to_vec(),
            top_key: keys::own_key(top, fields, &[]),
            relations: Vec::new(),
        }
    }

    /// The relations, in the order they were added.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The name of entity `entity` (0 the generated one, `j + 1` relation `j`'s child).
    pub fn entity(&self, entity: usize) -> &'static str {
        match entity {
            0 => self.top,
            j => self.relations[j - 1].def.child,
        }
    }

    /// The key column of entity `entity`'s rows.
    pub fn key(&self, entity: usize) -> &str {
        match entity {
            0 => &self.top_key,
            j => &self.relations[j - 1].key,
        }
    }

    /// The relation that makes `child` (case-insensitive) a child of an entity of the set, with
    /// that entity: the latest added that can have it, else the generated entity.
    pub fn find(&self, child: &str) -> Result<(usize, &'static RelationDef)> {
        let names: Vec<&str> = (0..=self.relations.len()).map(|e| self.entity(e)).collect();
        find_among(&names, child)
    }

    /// Adds `def`'s children, made by `set` (`def.build`), `count` per parent, under entity
    /// `parent`. The key columns are named anew around every entity's fields ([`keys`]); an
    /// entity given twice is an error.
    pub fn add(
        &mut self,
        def: &'static RelationDef,
        set: Box<dyn ChildSet>,
        count: ChildCount,
        parent: usize,
    ) -> Result<()> {
        if parent > self.relations.len() || !def.parent.eq_ignore_ascii_case(self.entity(parent)) {
            bail!(
                "`{}` is not a child of entity {parent} of the set",
                def.child
            );
        }
        if (0..=self.relations.len()).any(|e| self.entity(e) == def.child) {
            bail!("`{}` is given twice", def.child);
        }
        let fields = set.fields()?;
        self.relations.push(Relation {
            def,
            set,
            count,
            parent,
            key: String::new(),
            parent_key: String::new(),
            fields,
        });
        let named = self.name_keys();
        if named.is_err() {
            self.relations.pop();
            self.name_keys()?;
        }
        named
    }

    /// The fields of entity `entity`'s records.
    fn fields(&self, entity: usize) -> &[String] {
        match entity {
            0 => &self.top_fields,
            j => &self.relations[j - 1].fields,
        }
    }

    /// Names every entity's key column and every child's column of its parent's key, children
    /// first (a key steps around its children's keys), and checks each row names its columns
    /// once.
    fn name_keys(&mut self) -> Result<()> {
        for entity in (0..=self.relations.len()).rev() {
            let children: Vec<keys::ChildColumns<'_>> = self
                .relations
                .iter()
                .enumerate()
                .filter(|(_, r)| r.parent == entity)
                .map(|(j, r)| keys::ChildColumns {
                    fields: self.fields(j + 1),
                    key: &r.key,
                })
                .collect();
            let key = keys::own_key(self.entity(entity), self.fields(entity), &children);
            match entity {
                0 => self.top_key = key,
                j => self.relations[j - 1].key = key,
            }
        }
        for j in 0..self.relations.len() {
            let parent = self.relations[j].parent;
            self.relations[j].parent_key = keys::parent_key(self.entity(parent), self.key(parent));
        }
        for entity in 0..=self.relations.len() {
            let mut columns = vec![self.key(entity)];
            if entity > 0 {
                columns.push(&self.relations[entity - 1].parent_key);
            }
            columns.extend(self.fields(entity).iter().map(String::as_str));
            keys::check_unique(self.entity(entity), &columns)?;
        }
        Ok(())
    }
}

/// Writes `plan.count` records of `service` to `sinks[0]` and the children of each relation
/// of `set` to the sinks after it, in the relations' order.
pub fn export<P: Record>(
    service: &Service<P>,
    set: &RelatedSet,
    plan: Plan,
    sinks: &mut [Sink],
    label: &str,
) -> Result<()> {
    export_within(service, set, plan, sinks, label, pipeline::IN_FLIGHT_BUDGET).map(drop)
}

/// [`export`] with `budget` bytes of encoded rows in flight at most (beyond one row).
fn export_within<P: Record>(
    service: &Service<P>,
    set: &RelatedSet,
    plan: Plan,
    sinks: &mut [Sink],
    label: &str,
    budget: usize,
) -> Result<pipeline::Stats> {
    if sinks.len() != set.relations.len() + 1 {
        bail!("a related set needs one output per entity");
    }
    let page_size = plan.page_size.max(1);
    let pages = plan.count.div_ceil(page_size);
    let stride = page_size * pages.div_ceil(MAX_CHECKPOINTS).max(1);
    let encoders = sinks.iter().map(|s| s.encoder().clone()).collect();
    let mut source = Family::new(service, set, encoders, stride);
    // One worker makes the pages in order and carries each page's next keys to the next: no
    // counting at all. More count first, so each page knows where its keys start.
    let threads = (plan.threads.max(1) as u64).min(pages.max(1));
    if threads > 1 {
        source.checkpoints = source.number_children(plan.count, plan.threads)?;
    }
    pipeline::run_within(&source, plan, sinks, label, budget)
}

/// What a counting pass counts: the relations down to `depth`, making the records of the
/// entities that `needs_record` marks.
struct Tally {
    depth: usize,
    needs_record: Vec<bool>,
}

/// The related set's source: record `i` of the generated entity and everything under it,
/// encoded for each output.
struct Family<'a, P> {
    service: &'a Service<P>,
    set: &'a RelatedSet,
    encoders: Vec<Encoder>,
    /// The relations under each entity.
    under: Vec<Vec<usize>>,
    /// How far below the generated entity each entity is (0 for it, 1 for its children).
    depth: Vec<usize>,
    /// Records between two checkpoints.
    stride: u64,
    /// For each checkpoint (record `c * stride`), the key of the first child of each relation
    /// made from that record on; none when pages are made in order, on one thread.
    checkpoints: Vec<Vec<u64>>,
    /// The record after the last page made, and the key of the first child of each relation
    /// made from it on.
    carried: Mutex<Option<(u64, Vec<u64>)>>,
}

impl<'a, P: Record> Family<'a, P> {
    /// The source of `set` over `service`'s records, checkpoints every `stride` records (not
    /// counted yet).
    fn new(
        service: &'a Service<P>,
        set: &'a RelatedSet,
        encoders: Vec<Encoder>,
        stride: u64,
    ) -> Self {
        let entities = set.relations.len() + 1;
        let mut under = vec![Vec::new(); entities];
        let mut depth = vec![0; entities];
        for (j, relation) in set.relations.iter().enumerate() {
            under[relation.parent].push(j);
            depth[j + 1] = depth[relation.parent] + 1;
        }
        Family {
            service,
            set,
            encoders,
            under,
            depth,
            stride,
            checkpoints: Vec::new(),
            carried: Mutex::new(None),
        }
    }

    /// What counting the relations down to depth `depth` needs: whether each entity's records
    /// must be made (a relation under it is counted by its parent, or the entities under a
    /// child need the child's).
    fn counting_to(&self, depth: usize) -> Tally {
        let mut needs_record = vec![false; self.depth.len()];
        for (j, relation) in self.set.relations.iter().enumerate().rev() {
            if self.depth[j + 1] <= depth
                && (relation.def.counting != Counting::Caller || needs_record[j + 1])
            {
                needs_record[relation.parent] = true;
            }
        }
        Tally {
            depth,
            needs_record,
        }
    }

    /// Adds to `ids` the children under record `index` in each relation down to
    /// `tally.depth`; records are made only where a parent decides its children's count.
    fn count_family(&self, tally: &Tally, index: u64, ids: &mut [u64]) -> Result<()> {
        if tally.needs_record[0] {
            let record = self.service.record(index);
            self.count_under(tally, 0, Some(&record), index, ids)
        } else {
            self.count_under(tally, 0, None, index, ids)
        }
    }

    /// Adds to `ids` the children under `parent`, row `parent_index` of entity `entity`.
    fn count_under(
        &self,
        tally: &Tally,
        entity: usize,
        parent: Option<&dyn Any>,
        parent_index: u64,
        ids: &mut [u64],
    ) -> Result<()> {
        for &j in &self.under[entity] {
            if self.depth[j + 1] > tally.depth {
                continue;
            }
            let relation = &self.set.relations[j];
            if tally.needs_record[j + 1] {
                let parent = parent.ok_or_else(|| anyhow!("a parent record is missing"))?;
                relation
                    .set
                    .each_child(parent, parent_index, relation.count, &mut |child| {
                        let index = ids[j] - 1;
                        ids[j] += 1;
                        self.count_under(tally, j + 1, Some(child), index, ids)
                    })?;
            } else {
                let n = relation.set.count(parent, parent_index, relation.count)? as u64;
                let first = ids[j] - 1;
                ids[j] += n;
                if self.under[j + 1]
                    .iter()
                    .any(|&g| self.depth[g + 1] <= tally.depth)
                {
                    for index in first..first + n {
                        self.count_under(tally, j + 1, None, index, ids)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Writes the children under `parent`, row `parent_index` of entity `entity`, and theirs,
    /// each child followed by its own; `ids` holds each relation's next key.
    fn write_under(
        &self,
        entity: usize,
        parent: &dyn Any,
        parent_index: u64,
        ids: &mut [u64],
        out: &mut Parts<'_>,
    ) -> Result<()> {
        for &j in &self.under[entity] {
            let relation = &self.set.relations[j];
            let made =
                relation
                    .set
                    .each_child(parent, parent_index, relation.count, &mut |child| {
                        let id = ids[j];
                        ids[j] += 1;
                        let keys = RowKeys {
                            key: &relation.key,
                            id,
                            parent_key: &relation.parent_key,
                            parent_id: parent_index + 1,
                        };
                        relation
                            .set
                            .encode(child, &keys, &self.encoders[j + 1], out, j + 1)?;
                        self.write_under(j + 1, child, id - 1, ids, out)
                    })?;
            // The keys were numbered from the drawn counts: a relation that says the caller
            // decides must make exactly as many.
            if relation.def.counting == Counting::Caller {
                // An exact count is the count: no stream to open (its tag hashes two type
                // names) just to read it back.
                let drawn = if relation.count.min() == relation.count.max() {
                    relation.count.min() as usize
                } else {
                    relation.set.count(None, parent_index, relation.count)?
                };
                if made != drawn {
                    bail!(
                        "`{}` made {made} children of a `{}` where {drawn} were drawn: its `ChildOf` implementation changes the count, so it must say `Counting::Capped` or `Counting::Parent`",
                        relation.def.child,
                        relation.def.parent
                    );
                }
            }
        }
        Ok(())
    }

    /// The checkpoints of a run of `count` records: children counted, few made. On one
    /// thread in one pass; on more, one pass per depth, each counting the stretches between
    /// checkpoints in parallel (a grandchild's count depends on its parent's key, known once
    /// the depth above is counted).
    fn number_children(&self, count: u64, threads: usize) -> Result<Vec<Vec<u64>>> {
        let relations = self.set.relations.len();
        let stretches = count.div_ceil(self.stride);
        let threads = (threads.max(1) as u64).min(stretches.max(1));
        if threads == 1 {
            let tally = self.counting_to(usize::MAX);
            let mut ids = vec![1; relations];
            let mut checkpoints = Vec::with_capacity(stretches as usize);
            for index in 0..count {
                if index % self.stride == 0 {
                    checkpoints.push(ids.clone());
                }
                self.count_family(&tally, index, &mut ids)?;
            }
            return Ok(checkpoints);
        }
        // Each pass starts every stretch at its checkpoint: right for the depths above, and
        // 1 (to be replaced) for the depth it counts, whose children it does not descend into.
        let mut checkpoints = vec![vec![1; relations]; stretches as usize];
        let deepest = self.depth.iter().copied().max().unwrap_or(0);
        for depth in 1..=deepest {
            let tally = self.counting_to(depth);
            let counted = self.count_stretches(&tally, &checkpoints, count, threads)?;
            let mut ids = vec![1; relations];
            for (checkpoint, ends) in checkpoints.iter_mut().zip(counted) {
                for j in (0..relations).filter(|&j| self.depth[j + 1] == depth) {
                    let made = ends[j] - checkpoint[j];
                    checkpoint[j] = ids[j];
                    ids[j] += made;
                }
            }
        }
        Ok(checkpoints)
    }

    /// Counts each stretch of records from its checkpoint on `threads` threads (thread `t`
    /// takes stretches `t`, `t + threads`, ...): the ids after its last record.
    fn count_stretches(
        &self,
        tally: &Tally,
        checkpoints: &[Vec<u64>],
        count: u64,
        threads: u64,
    ) -> Result<Vec<Vec<u64>>> {
        let stretches = checkpoints.len() as u64;
        let counted: Vec<Result<Vec<Vec<u64>>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        let mut ends = Vec::new();
                        for stretch in (t..stretches).step_by(threads as usize) {
                            let start = stretch * self.stride;
                            let mut ids = checkpoints[stretch as usize].clone();
                            for index in start..(start + self.stride).min(count) {
                                self.count_family(tally, index, &mut ids)?;
                            }
                            ends.push(ids);
                        }
                        Ok(ends)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|_| Err(anyhow!("a counting thread panicked")))
                })
                .collect()
        });
        let mut counted: Vec<std::vec::IntoIter<Vec<u64>>> = counted
            .into_iter()
            .map(|ends| ends.map(Vec::into_iter))
            .collect::<Result<_>>()?;
        (0..stretches)
            .map(|stretch| {
                counted[(stretch % threads) as usize]
                    .next()
                    .ok_or_else(|| anyhow!("a stretch of records was not counted"))
            })
            .collect()
    }

    /// The key of each relation's first child made from record `start` on.
    fn first_ids(&self, start: u64) -> Result<Vec<u64>> {
        let carried = self
            .carried
            .lock()
            .map_err(|_| anyhow!("a worker panicked"))?;
        if let Some((next, ids)) = carried.as_ref()
            && *next == start
        {
            return Ok(ids.clone());
        }
        drop(carried);
        let (from, mut ids) = match self.checkpoints.get((start / self.stride) as usize) {
            Some(ids) => ((start / self.stride) * self.stride, ids.clone()),
            None => (0, vec![1; self.set.relations.len()]),
        };
        if start > from {
            let tally = self.counting_to(usize::MAX);
            for index in from..start {
                self.count_family(&tally, index, &mut ids)?;
            }
        }
        Ok(ids)
    }
}

impl<P: Record> Source for Family<'_, P> {
    fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
        let mut ids = self.first_ids(range.start)?;
        let end = range.end;
        for index in range {
            let record = self.service.record(index);
            let row = TopRow {
                key: KeyColumn {
                    column: &self.set.top_key,
                    id: index + 1,
                },
                record: &record,
            };
            self.encoders[0]
                .encode_record(index, &row, &mut out.outs()[0])
                .map_err(|e| anyhow!("record {index}: {e:#}"))?;
            out.record_done()?;
            self.write_under(0, &record, index, &mut ids, out)?;
        }
        *self
            .carried
            .lock()
            .map_err(|_| anyhow!("a worker panicked"))? = Some((end, ids));
        Ok(())
    }

    /// Column names for outputs that got no rows: record 0 and a child of each relation made
    /// on its own.
    fn sample(&self, out: &mut Parts<'_>) -> Result<()> {
        let record = self.service.record(0);
        let row = TopRow {
            key: KeyColumn {
                column: &self.set.top_key,
                id: 1,
            },
            record: &record,
        };
        self.encoders[0].encode_record(0, &row, &mut out.outs()[0])?;
        for (j, relation) in self.set.relations.iter().enumerate() {
            let keys = RowKeys {
                key: &relation.key,
                id: 1,
                parent_key: &relation.parent_key,
                parent_id: 1,
            };
            relation
                .set
                .encode_sample(&keys, &self.encoders[j + 1], out, j + 1)?;
        }
        Ok(())
    }
}

/// Opens the outputs of `set`: with SQLite, one database at `path` with a table per entity,
/// its key column the primary key and each child table's parent key a declared foreign key;
/// otherwise a file per entity in the directory `path` (`path/<Entity>.<format>`), created if
/// missing.
pub fn open_outputs(path: &Path, encoder: &Encoder, set: &RelatedSet) -> Result<Vec<Sink>> {
    let mut sinks = Vec::with_capacity(set.relations.len() + 1);
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
                table: set.top.to_owned(),
            },
        )?;
        sink.declare_keys(Keys {
            primary: Some(set.top_key.clone()),
            foreign: None,
        });
        sinks.push(sink);
        for relation in &set.relations {
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
                primary: Some(relation.key.clone()),
                foreign: Some(ForeignKey {
                    column: relation.parent_key.clone(),
                    table: set.entity(relation.parent).to_owned(),
                    key: set.key(relation.parent).to_owned(),
                }),
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
    for entity in 0..=set.relations.len() {
        let name = set.entity(entity);
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
pub fn finish_outputs(sinks: Vec<Sink>, set: &RelatedSet) -> Result<()> {
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
            .zip(&set.relations)
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

/// Declares the relations: `"Parent" => Type, "Child" => Type;`.
macro_rules! relations {
    ($($parent:literal => $p:ty, $child:literal => $c:ty;)*) => {
        /// Every relation the command can write, by parent.
        pub static RELATIONS: &[RelationDef] = &[$(
            RelationDef {
                parent: $parent,
                child: $child,
                counting: <$c as ChildOf<$p>>::COUNTING,
                build: children::<$p, $c>,
            },
        )*];
    };
}

use datamimic::domain::common as dc;
use datamimic::domain::ecommerce as ec;
use datamimic::domain::finance as fi;
use datamimic::domain::healthcare as hc;
use datamimic::domain::insurance as ins;

relations! {
    "Person" => dc::Person, "BankAccount" => fi::BankAccount;
    "Person" => dc::Person, "CreditCard" => fi::CreditCard;
    "BankAccount" => fi::BankAccount, "Transaction" => fi::Transaction;
    "Order" => ec::Order, "OrderItem" => ec::OrderItem;
    "Order" => ec::Order, "Invoice" => ec::Invoice;
    "Order" => ec::Order, "Review" => ec::Review;
    "Patient" => hc::Patient, "Encounter" => hc::Encounter;
    "Patient" => hc::Patient, "MedicalRecord" => hc::MedicalRecord;
    "InsurancePolicy" => ins::InsurancePolicy, "Insured" => ins::Insured;
    "InsurancePolicy" => ins::InsurancePolicy, "RiskProfile" => ins::RiskProfile;
    "InsurancePolicy" => ins::InsurancePolicy, "InsuranceClaim" => ins::InsuranceClaim;
    "Customer" => ec::Customer, "Order" => ec::Order;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::CsvOptions;
    use crate::entities;

    fn csv_encoder() -> Encoder {
        Encoder {
            format: Format::Csv,
            csv: CsvOptions::default(),
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("datamimic-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// However many children the parents have, what is in flight stays within the budget: the
    /// children of one parent are handed to the writer as they are encoded.
    #[test]
    fn memory_in_flight_stays_within_the_budget() {
        let dir = scratch("related-budget");
        let options = EntityOptions {
            dataset: Some("DE".into()),
            seed: Some(1),
            ..EntityOptions::default()
        };
        let accounts = Service::<fi::BankAccount>::new()
            .dataset("DE")
            .unwrap()
            .seed(1);
        let mut set = RelatedSet::new(
            "BankAccount",
            &keys::field_names(&accounts.record(0)).unwrap(),
        );
        let def = find("BankAccount", "Transaction").unwrap();
        set.add(
            def,
            def.build(&options).unwrap(),
            ChildCount::exactly(2_000),
            0,
        )
        .unwrap();
        let budget = 256 << 10;
        let mut sizes = Vec::new();
        for threads in [1, 2] {
            let out = dir.join(format!("run-{threads}"));
            let mut sinks = open_outputs(&out, &csv_encoder(), &set).unwrap();
            let plan = Plan {
                count: 40,
                page_size: 8,
                threads,
            };
            let stats = export_within(&accounts, &set, plan, &mut sinks, "test", budget).unwrap();
            finish_outputs(sinks, &set).unwrap();
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

    /// A chain keeps memory flat too: a person's accounts are made together, each account's
    /// transactions in turn, and what is encoded is handed over as it grows.
    #[test]
    fn memory_in_flight_stays_within_the_budget_down_a_chain() {
        let dir = scratch("related-chain-budget");
        let options = EntityOptions {
            seed: Some(4),
            ..EntityOptions::default()
        };
        let people = Service::<dc::Person>::new().seed(4);
        let mut set = RelatedSet::new("Person", &keys::field_names(&people.record(0)).unwrap());
        for (child, count) in [("BankAccount", 2), ("Transaction", 1_000)] {
            let (parent, def) = set.find(child).unwrap();
            set.add(
                def,
                def.build(&options).unwrap(),
                ChildCount::exactly(count),
                parent,
            )
            .unwrap();
        }
        let budget = 256 << 10;
        let mut files = Vec::new();
        for (threads, page_size) in [(1, 40), (2, 3)] {
            let out = dir.join(format!("run-{threads}"));
            let mut sinks = open_outputs(&out, &csv_encoder(), &set).unwrap();
            let plan = Plan {
                count: 40,
                page_size,
                threads,
            };
            let stats = export_within(&people, &set, plan, &mut sinks, "test", budget).unwrap();
            finish_outputs(sinks, &set).unwrap();
            let written = std::fs::read(out.join("Transaction.csv")).unwrap();
            assert_eq!(written.iter().filter(|&&b| b == b'\n').count(), 80_001);
            assert!(written.len() > 40 * budget, "{}", written.len());
            assert!(stats.peak_in_flight < budget + 4096, "{stats:?}");
            files.push(written);
        }
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(files[0] == files[1]);
    }

    /// A related set of `top` with `with` (child, count; 0 for children their parent counts).
    fn set_of(top: &'static str, with: &[(&str, u32)], options: &EntityOptions) -> RelatedSet {
        let entity = entities::find(top).unwrap().build(options).unwrap();
        let mut set = RelatedSet::new(top, &entity.field_names().unwrap());
        for &(child, count) in with {
            let (parent, def) = set.find(child).unwrap();
            let count = match def.counting {
                Counting::Parent => ChildCount::exactly(0),
                _ => ChildCount::between(0, count).unwrap(),
            };
            set.add(def, def.build(options).unwrap(), count, parent)
                .unwrap();
        }
        set
    }

    /// Counting in parallel, a pass per depth, finds the keys one thread finds in one pass,
    /// and the files are the same bytes for every thread count and page size (one thread
    /// carrying keys from page to page, more counting first), down a chain whose every level
    /// is counted from its parents' records.
    #[test]
    fn parallel_counting_finds_the_keys_of_one_pass() {
        let dir = scratch("related-parallel-count");
        let options = EntityOptions {
            dataset: Some("DE".into()),
            seed: Some(9),
            ..EntityOptions::default()
        };
        let customers = Service::<ec::Customer>::new()
            .dataset("DE")
            .unwrap()
            .seed(9);
        let set = set_of(
            "Customer",
            &[("Order", 5), ("Review", 3), ("Invoice", 0)],
            &options,
        );
        for stride in [1, 7, 300] {
            let family = Family::new(&customers, &set, Vec::new(), stride);
            let one = family.number_children(300, 1).unwrap();
            assert_eq!(one, family.number_children(300, 2).unwrap(), "{stride}");
            assert_eq!(one, family.number_children(300, 3).unwrap(), "{stride}");
        }
        let mut runs = Vec::new();
        for (threads, page_size) in [(1, 1_000), (1, 7), (2, 7), (2, 1), (3, 50)] {
            let out = dir.join(format!("run-{threads}-{page_size}"));
            let mut sinks = open_outputs(&out, &csv_encoder(), &set).unwrap();
            let plan = Plan {
                count: 300,
                page_size,
                threads,
            };
            export(&customers, &set, plan, &mut sinks, "test").unwrap();
            finish_outputs(sinks, &set).unwrap();
            let files: Vec<Vec<u8>> = ["Customer", "Order", "Review", "Invoice"]
                .iter()
                .map(|name| std::fs::read(out.join(format!("{name}.csv"))).unwrap())
                .collect();
            runs.push(files);
        }
        std::fs::remove_dir_all(&dir).unwrap();
        let reviews = runs[0][2].iter().filter(|&&b| b == b'\n').count();
        assert!(reviews > 100, "{reviews} reviews");
        assert!(runs.iter().all(|r| *r == runs[0]));
    }

    /// A customer and its orders' reviews have a `customer_id` of their own (`USR-…`), and
    /// reviews an `order_id`: the keys step to `row_id` so that a column named `customer_id`
    /// always holds a customer's `customer_id`, and `customer_row_id` its `row_id`.
    #[test]
    fn foreign_keys_read_as_the_key_they_hold() {
        let options = EntityOptions::default();
        let set = set_of("Customer", &[("Order", 3), ("Review", 2)], &options);
        assert_eq!(set.key(0), "row_id");
        let [order, review] = set.relations() else {
            panic!("two relations")
        };
        assert_eq!(
            (order.key.as_str(), order.parent_key.as_str()),
            ("row_id", "customer_row_id")
        );
        assert_eq!(
            (review.key.as_str(), review.parent_key.as_str()),
            ("id", "order_row_id")
        );
        // Without reviews nothing else is called `order_id`, so the order's key is `id`; its
        // own `customer_id`-free fields leave the customer's step as it was.
        let set = set_of("Customer", &[("Order", 3)], &options);
        assert_eq!(set.relations()[0].key, "id");
        let set = set_of("BankAccount", &[("Transaction", 3)], &options);
        assert_eq!(set.key(0), "id");
        assert_eq!(set.relations()[0].parent_key, "bank_account_id");
    }

    /// DATAMIMIC calls an insurance claim `Claim`: `--with Claim` is `InsuranceClaim`.
    #[test]
    fn a_claim_is_an_insurance_claim() {
        let def = find("InsurancePolicy", "claim").unwrap();
        assert_eq!(def.child, "InsuranceClaim");
        for (alias, entity) in ALIASES {
            assert!(entities::find(alias).is_ok(), "{alias}");
            assert!(RELATIONS.iter().any(|d| d.child == *entity), "{entity}");
        }
    }

    /// A CSV file's header and rows.
    fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = ::csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .unwrap();
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (header, rows)
    }

    /// Writes `top` with the chain of `relations` (each the child of the one before, the
    /// first of `top`) and checks every file: each column named once, every row as wide as
    /// the header, keys 1, 2, 3, ... in order, and every child's parent key a key of a row of
    /// its parent, parents in order.
    fn check_chain(dir: &Path, dataset: &str, top: &'static str, chain: &[&'static RelationDef]) {
        let options = EntityOptions {
            dataset: Some(dataset.to_owned()),
            seed: Some(5),
            ..EntityOptions::default()
        };
        let entity = entities::find(top).unwrap().build(&options).unwrap();
        let mut set = RelatedSet::new(top, &entity.field_names().unwrap());
        for (j, def) in chain.iter().enumerate() {
            let count = match def.counting {
                Counting::Parent => ChildCount::exactly(0),
                _ => ChildCount::between(0, 3).unwrap(),
            };
            set.add(def, def.build(&options).unwrap(), count, j)
                .unwrap();
        }
        let names: Vec<&str> = chain.iter().map(|d| d.child).collect();
        let out = dir.join(format!("{dataset}-{top}-{}", names.join("-")));
        let mut sinks = open_outputs(&out, &csv_encoder(), &set).unwrap();
        let plan = Plan {
            count: 40,
            page_size: 7,
            threads: 2,
        };
        entity.export_related(&set, plan, &mut sinks, top).unwrap();
        finish_outputs(sinks, &set).unwrap();
        let mut parent_keys: Option<Vec<u64>> = None;
        for entity in 0..=chain.len() {
            let name = set.entity(entity);
            let what = format!("{dataset} {top} → {names:?}: {name}");
            let (header, rows) = read_csv(&out.join(format!("{name}.csv")));
            for (i, column) in header.iter().enumerate() {
                assert!(
                    !header[..i].contains(column),
                    "{what}: `{column}` twice in {header:?}"
                );
            }
            assert_eq!(header[0], set.key(entity), "{what}");
            assert!(!rows.is_empty(), "{what}: no rows");
            let mut keys = Vec::new();
            let mut last_parent = 0;
            for (i, row) in rows.iter().enumerate() {
                assert_eq!(row.len(), header.len(), "{what}: row {i}");
                let key: u64 = row[0].parse().unwrap();
                assert_eq!(key, i as u64 + 1, "{what}");
                keys.push(key);
                if let Some(parents) = &parent_keys {
                    let relation = &set.relations()[entity - 1];
                    assert_eq!(header[1], relation.parent_key, "{what}");
                    let parent: u64 = row[1].parse().unwrap();
                    assert!(
                        parents.binary_search(&parent).is_ok(),
                        "{what}: parent {parent}"
                    );
                    assert!(
                        parent >= last_parent,
                        "{what}: children follow their parents"
                    );
                    last_parent = parent;
                }
            }
            parent_keys = Some(keys);
        }
    }

    /// Every relation, and every chain of two, writes each column once and keys that join:
    /// a relation whose names would clash cannot be added without this failing.
    #[test]
    fn every_relation_and_chain_writes_unique_columns_and_joining_keys() {
        let dir = scratch("related-every");
        let outcome = std::panic::catch_unwind(|| {
            for dataset in ["US", "DE"] {
                for def in RELATIONS {
                    check_chain(&dir, dataset, def.parent, &[def]);
                    for grand in RELATIONS.iter().filter(|g| g.parent == def.child) {
                        check_chain(&dir, dataset, def.parent, &[def, grand]);
                    }
                }
            }
        });
        std::fs::remove_dir_all(&dir).unwrap();
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    }

    /// Entities with an `id` of their own get `row_id`; a child with a field named like the
    /// parent key gets `<parent>_row_id`; SQLite references the parent's key column.
    #[test]
    fn key_columns_step_around_fields_and_foreign_keys_follow() {
        let options = EntityOptions {
            seed: Some(2),
            ..EntityOptions::default()
        };
        let policy = entities::find("InsurancePolicy")
            .unwrap()
            .build(&options)
            .unwrap();
        let fields = policy.field_names().unwrap();
        assert!(fields.contains(&"id".to_owned()));
        let mut set = RelatedSet::new("InsurancePolicy", &fields);
        assert_eq!(set.key(0), "row_id");
        let (parent, def) = set.find("insured").unwrap();
        set.add(
            def,
            def.build(&options).unwrap(),
            ChildCount::exactly(1),
            parent,
        )
        .unwrap();
        let relation = &set.relations()[0];
        assert_eq!(
            (relation.key.as_str(), relation.parent_key.as_str()),
            ("id", "insurance_policy_row_id")
        );
        let error = set
            .add(def, def.build(&options).unwrap(), ChildCount::exactly(1), 0)
            .unwrap_err();
        assert_eq!(error.to_string(), "`Insured` is given twice");
        let item = find("Order", "OrderItem").unwrap();
        let error = set
            .add(
                item,
                item.build(&options).unwrap(),
                ChildCount::exactly(1),
                0,
            )
            .unwrap_err();
        assert!(
            error.to_string().contains("not a child of entity 0"),
            "{error}"
        );
    }

    #[test]
    fn a_child_belongs_to_the_latest_entity_that_can_have_it() {
        let options = EntityOptions::default();
        let mut set = RelatedSet::new("Person", &[]);
        let error = set.find("Transaction").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`Transaction` is not a child entity of `Person`; its children: BankAccount, CreditCard"
        );
        let (parent, account) = set.find("BankAccount").unwrap();
        assert_eq!(parent, 0);
        set.add(
            account,
            account.build(&options).unwrap(),
            ChildCount::exactly(1),
            0,
        )
        .unwrap();
        assert_eq!(set.find("transaction").unwrap().0, 1);
        assert_eq!(set.find("CreditCard").unwrap().0, 0);
        let error = set.find("Review").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`Review` is not a child entity of `Person` or `BankAccount`; their children: BankAccount, CreditCard, Transaction"
        );
        let error = RelatedSet::new("City", &[]).find("Order").unwrap_err();
        assert!(
            error.to_string().starts_with(
                "`City` has no child entities; entities with children: Person, BankAccount"
            ),
            "{error}"
        );
    }
}
