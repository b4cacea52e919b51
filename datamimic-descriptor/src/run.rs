//! `datamimic run`: executes a parsed descriptor, one `<generate>` after another, through
//! the parallel pipeline; files are renamed into place only when the whole run succeeded.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Result, bail};
use datamimic::RecordStreams;
use rhai::{Dynamic, Scope};

use crate::database::Databases;
use crate::descriptor::{Generate, Item, TargetSpec, error_at};
use crate::echo::Echo;
use crate::memstore::{MAX_MEMSTORE_TEXT, MemRecord, share_names, text_bytes};
use crate::parse::{self, ParseOptions};
use crate::record::{Node, eval_stmts};
use crate::script::{self, Engine};
use crate::seed::derive_seed;
use datamimic_export::database::Database;
use datamimic_export::pipeline::{self, Parts, Plan, Source};
use datamimic_export::sink::{Encoder, Format, RaggedRecords, Sink, Staged, Target};

/// How to run a descriptor file.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The descriptor file.
    pub descriptor: PathBuf,
    /// Directory for file targets.
    pub output_dir: PathBuf,
    /// Worker threads (all cores when `None`; clamped to the cores).
    pub threads: Option<usize>,
    /// Fall back to US data for a dataset a table lacks instead of failing.
    pub fallback: bool,
}

/// Runs a descriptor file, writing its file targets under `args.output_dir`.
pub fn run_file(args: &RunOptions) -> Result<()> {
    let engine = script::engine();
    let setup = parse::parse_file(
        &args.descriptor,
        &engine,
        ParseOptions {
            strict: !args.fallback,
        },
    )?;
    let seed = setup
        .seed
        .unwrap_or_else(|| rand::Rng::next_u64(&mut datamimic::MimicRng::from_os()));
    let dir_existed = args.output_dir.exists();
    if !dir_existed {
        datamimic_export::staging::created_dir(&args.output_dir);
    }
    let mut staged: Vec<Staged> = Vec::new();
    let mut paths = HashSet::new();
    let threads = pipeline::threads(args.threads);
    datamimic_export::staging::sweep(&args.output_dir);
    let mut dbs = Databases::default();
    let result = (|| -> Result<()> {
        open_databases(&setup.databases, &args.output_dir, &mut paths, &mut dbs)?;
        let _scripts_read = crate::script_contexts::share(&dbs);
        let mut globals = Scope::new();
        let kept_text = AtomicU64::new(0);
        for item in &setup.items {
            match item {
                Item::Echo(echo) => print_echo(&engine, echo, seed, &mut globals)?,
                Item::Execute(execute) => execute.run(&dbs)?,
                Item::Variable(stmt) => {
                    crate::database::load_stmts(std::slice::from_ref(stmt), &dbs, &globals)?;
                    let name = match stmt {
                        crate::descriptor::Stmt::Variable(f) => f.name.as_str(),
                        _ => "",
                    };
                    script::set_rng(
                        RecordStreams::new(derive_seed(seed, &format!("setup:{name}"))).record(0),
                    );
                    eval_stmts(
                        &engine,
                        std::slice::from_ref(stmt),
                        0,
                        &mut globals,
                        &mut Vec::new(),
                    )?;
                }
                Item::Generate(g) => {
                    crate::database::load_generate(g, &dbs, &globals)?;
                    let context = Run {
                        dbs: &dbs,
                        kept_text: &kept_text,
                        globals: globals
                            .iter()
                            .map(|(name, _, value)| (name.to_owned(), value))
                            .collect(),
                        engine: &engine,
                        dir: &args.output_dir,
                        seed,
                        threads,
                    };
                    staged.extend(context.generate(g, &mut paths)?);
                }
            }
        }
        Ok(())
    })();
    datamimic_export::fallback::warn(&args.descriptor.display().to_string());
    let result = result.and_then(|()| {
        for db in dbs.all() {
            staged.push(db.finish()?);
        }
        Ok(())
    });
    match result {
        Ok(()) => staged.into_iter().try_for_each(Staged::commit),
        Err(err) => {
            drop(staged);
            drop(dbs);
            if !dir_existed {
                // Only removes the directory if nothing else was put there.
                let _ = std::fs::remove_dir(&args.output_dir);
            }
            Err(err)
        }
    }
}

/// Prints `echo`; a script in it draws from a stream of its own (by its line and column).
fn print_echo(engine: &Engine, echo: &Echo, seed: u64, globals: &mut Scope<'_>) -> Result<()> {
    let label = format!("echo:{}:{}", echo.pos.line, echo.pos.col);
    script::set_rng(RecordStreams::new(derive_seed(seed, &label)).record(0));
    println!("{}", echo.render(engine, globals)?);
    Ok(())
}

/// Opens the declared databases (`{database}.sqlite` in the output folder) under their
/// temporary names.
fn open_databases(
    decls: &[crate::database::DatabaseDecl],
    dir: &std::path::Path,
    paths: &mut HashSet<PathBuf>,
    dbs: &mut Databases,
) -> Result<()> {
    for decl in decls {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!("cannot create output directory `{}`: {e}", dir.display())
        })?;
        let path = dir.join(&decl.file_name);
        if !paths.insert(path.clone()) {
            bail!(
                "{}: another `<database>` already uses `{}`",
                decl.pos,
                path.display()
            );
        }
        let db = Database::open(&path).map_err(|e| error_at(&decl.pos, format_args!("{e:#}")))?;
        dbs.insert(decl.id.clone(), std::sync::Arc::new(db));
    }
    Ok(())
}

struct Run<'a> {
    /// The run's databases.
    dbs: &'a Databases,
    /// Bytes of text the memstores keep so far (see [`MAX_MEMSTORE_TEXT`]).
    kept_text: &'a AtomicU64,
    /// Setup-level variables, pushed into every record's scope first.
    globals: Vec<(String, Dynamic)>,
    engine: &'a Engine,
    dir: &'a PathBuf,
    seed: u64,
    threads: usize,
}

/// One generate and its nested generates, flattened in document order.
struct Products<'g> {
    gens: Vec<&'g Generate>,
    children: Vec<Vec<usize>>,
    streams: Vec<RecordStreams>,
    sinks: Vec<Range<usize>>,
}

fn flatten<'g>(g: &'g Generate, seed: u64, path: &str, p: &mut Products<'g>) -> usize {
    let id = p.gens.len();
    let label = format!("{path}/{}", g.name);
    p.gens.push(g);
    p.children.push(Vec::new());
    p.streams.push(RecordStreams::new(derive_seed(
        seed,
        &format!("generate:{label}"),
    )));
    for child in &g.children {
        let child_id = flatten(child, seed, &label, p);
        p.children[id].push(child_id);
    }
    id
}

impl Run<'_> {
    fn generate(&self, g: &Generate, paths: &mut HashSet<PathBuf>) -> Result<Vec<Staged>> {
        let mut products = Products {
            gens: Vec::new(),
            children: Vec::new(),
            streams: Vec::new(),
            sinks: Vec::new(),
        };
        flatten(g, self.seed, "", &mut products);
        let keeps = products.gens.iter().any(|product| !product.mem.is_empty());
        if products
            .gens
            .iter()
            .all(|product| product.targets.is_empty() && product.mem.is_empty())
        {
            eprintln!(
                "{}: warning: generate `{}` has no target, nor has any generate nested in it: its records are made but not written",
                g.pos, g.name
            );
        }
        let mut sinks = Vec::new();
        for product in &products.gens {
            let mut globals: Scope<'_> = self.globals.iter().cloned().collect();
            for echo in &product.echoes {
                print_echo(self.engine, echo, self.seed, &mut globals)?;
            }
            let start = sinks.len();
            for target in &product.targets {
                let (encoder, target) = match target {
                    TargetSpec::Database(id) => (
                        Encoder {
                            format: Format::Sqlite,
                            csv: Default::default(),
                        },
                        Target::Table {
                            db: self.dbs.get(id, &product.pos)?.clone(),
                            table: product.name.clone(),
                        },
                    ),
                    TargetSpec::Console => (
                        Encoder {
                            format: Format::Ndjson,
                            csv: Default::default(),
                        },
                        Target::Stdout,
                    ),
                    TargetSpec::File(format, csv) => {
                        std::fs::create_dir_all(self.dir).map_err(|e| {
                            anyhow::anyhow!(
                                "cannot create output directory `{}`: {e}",
                                self.dir.display()
                            )
                        })?;
                        let path =
                            self.dir
                                .join(format!("{}.{}", product.name, format.extension()));
                        if !paths.insert(path.clone()) {
                            bail!(
                                "{}: another generate already writes `{}`",
                                product.pos,
                                path.display()
                            );
                        }
                        (
                            Encoder {
                                format: *format,
                                csv: *csv,
                            },
                            Target::File {
                                path,
                                table: product.name.clone(),
                            },
                        )
                    }
                };
                sinks.push(
                    Sink::create(encoder, &target)
                        .map_err(|e| error_at(&product.pos, format_args!("{e:#}")))?,
                );
            }
            products.sinks.push(start..sinks.len());
        }
        let source = DescriptorSource {
            kept_text: self.kept_text,
            globals: &self.globals,
            engine: self.engine,
            encoders: sinks.iter().map(|s| s.encoder().clone()).collect(),
            products,
        };
        // A database source sets the count when its query has run.
        let count = match &g.source {
            Some(s) if g.count_from_source => s.rows.len(),
            _ => g.count,
        };
        if keeps {
            source.keep(count)?;
        }
        if keeps && sinks.is_empty() {
            return Ok(Vec::new());
        }
        let plan = Plan {
            count,
            page_size: g.page_size.unwrap_or(pipeline::DEFAULT_PAGE_SIZE),
            threads: self.threads,
        };
        pipeline::run(&source, plan, &mut sinks, &g.name).map_err(|e| {
            if e.is::<RaggedRecords>() || e.is::<datamimic_export::database::TableMismatch>() {
                error_at(&g.pos, format_args!("`{}`: {e}", g.name))
            } else {
                e
            }
        })?;
        for (product, range) in source.products.gens.iter().zip(&source.products.sinks) {
            crate::left_out_columns::warn(product, &sinks[range.clone()]);
        }
        let mut staged = Vec::new();
        for sink in sinks {
            staged.extend(sink.finish()?);
        }
        Ok(staged)
    }
}

struct DescriptorSource<'g> {
    /// Bytes of text the memstores keep so far in the run.
    kept_text: &'g AtomicU64,
    globals: &'g [(String, Dynamic)],
    engine: &'g Engine,
    encoders: Vec<Encoder>,
    products: Products<'g>,
}

/// What a nested generate's records see of their parent record: the record as `parent`,
/// and by their bare names its variables and fields and those it saw of its own parents
/// (as in DATAMIMIC, where a nested generate's scripts read the enclosing records' names).
struct Parent {
    record: Dynamic,
    names: Vec<(String, Dynamic)>,
}

impl DescriptorSource<'_> {
    /// Record `index` of product `id` (without its nested records), and the names its nested
    /// generates see (none when it has none).
    fn build(
        &self,
        id: usize,
        index: u64,
        parent: Option<&Parent>,
    ) -> Result<(Node, Vec<(String, Dynamic)>)> {
        let g = self.products.gens[id];
        script::set_rng(self.products.streams[id].record(index));
        let mut scope = Scope::new();
        for (name, value) in self.globals {
            scope.push_dynamic(name.as_str(), value.clone());
        }
        let inherited = scope.len();
        if let Some(parent) = parent {
            for (name, value) in &parent.names {
                scope.push_dynamic(name.as_str(), value.clone());
            }
            scope.push_dynamic("parent", parent.record.clone());
        }
        let mut fields = Vec::new();
        let columns = match &g.source {
            Some(source) => source.start_record(self.engine, index, &mut scope, &mut fields)?,
            None => 0,
        };
        match parent {
            // Record `index` of a nested generate is child `index % count` of its parent.
            Some(_) => {
                let place = index % g.count.max(1);
                crate::element_ordinal::within(
                    crate::element_ordinal::Ordinals::nested_record(index, place),
                    || eval_stmts(self.engine, &g.body, index, &mut scope, &mut fields),
                )?
            }
            None => eval_stmts(self.engine, &g.body, index, &mut scope, &mut fields)?,
        }
        crate::csv_source::overlay(&mut fields, columns);
        if g.repeats {
            crate::repeated_keys::overwrite_repeats(&mut fields);
        }
        if g.remove_empty {
            fields = crate::remove_empty::remove_empty_fields(fields);
        }
        let names = if self.products.children[id].is_empty() {
            Vec::new()
        } else {
            scope
                .iter_raw()
                .skip(inherited)
                .filter(|(name, _, _)| *name != "parent")
                .map(|(name, _, value)| (name.to_owned(), value.clone()))
                .collect()
        };
        Ok((Node::Map(fields), names))
    }

    /// Makes the `count` records of the generate and their nested records in order, on this
    /// thread, and keeps each product's records in its memstores. A record depends only on
    /// the seed and its index, so these are the records the pipeline writes to the files.
    fn keep(&self, count: u64) -> Result<()> {
        let mut kept: Vec<Vec<MemRecord>> = vec![Vec::new(); self.products.gens.len()];
        for index in 0..count {
            self.keep_record(0, index, None, &mut kept)?;
        }
        for (id, records) in kept.into_iter().enumerate() {
            let g = self.products.gens[id];
            if let Some((last, others)) = g.mem.split_last() {
                for target in others {
                    target.chunk.fill(records.clone(), &g.pos)?;
                }
                last.chunk.fill(records, &g.pos)?;
            }
        }
        Ok(())
    }

    fn keep_record(
        &self,
        id: usize,
        index: u64,
        parent: Option<&Parent>,
        kept: &mut [Vec<MemRecord>],
    ) -> Result<()> {
        let (node, names) = self.build(id, index, parent)?;
        let Node::Map(fields) = node else {
            unreachable!("a record is a map")
        };
        let children = &self.products.children[id];
        if !children.is_empty() {
            let me = Parent {
                record: Node::Map(fields.clone()).to_dynamic(),
                names,
            };
            for &child in children {
                let count = self.products.gens[child].count;
                let first = index.checked_mul(count).ok_or_else(|| {
                    error_at(&self.products.gens[child].pos, "too many nested records")
                })?;
                for j in 0..count {
                    self.keep_record(child, first + j, Some(&me), kept)?;
                }
            }
        }
        let g = self.products.gens[id];
        if !g.mem.is_empty() {
            let text: u64 = fields.iter().map(|(_, node)| text_bytes(node)).sum();
            let total = self
                .kept_text
                .load(Ordering::Relaxed)
                .saturating_add(text * g.mem.len() as u64);
            if total > MAX_MEMSTORE_TEXT {
                return Err(error_at(
                    &g.pos,
                    format_args!(
                        "`{}` record {index}: the memstores would keep more than {} MiB of text \
                         in all",
                        g.name,
                        MAX_MEMSTORE_TEXT >> 20
                    ),
                ));
            }
            self.kept_text.store(total, Ordering::Relaxed);
            let record = share_names(fields, kept[id].last());
            kept[id].push(record);
        }
        Ok(())
    }

    /// Generates record `index` of product `id` and its nested records into `out`; a
    /// `sample` makes at least one of each nested record (for the column names).
    fn record(
        &self,
        id: usize,
        index: u64,
        parent: Option<&Parent>,
        out: &mut Parts<'_>,
        sample: bool,
    ) -> Result<()> {
        let g = self.products.gens[id];
        let (node, names) = self.build(id, index, parent)?;
        let outs = out.outs();
        for s in self.products.sinks[id].clone() {
            self.encoders[s]
                .encode(index, &node, &mut outs[s])
                .map_err(|e| {
                    error_at(&g.pos, format_args!("`{}` record {index}: {e:#}", g.name))
                })?;
        }
        out.record_done()?;
        if !self.products.children[id].is_empty() {
            let me = Parent {
                record: node.to_dynamic(),
                names,
            };
            for &child in &self.products.children[id] {
                let count = self.products.gens[child].count;
                let first = index.checked_mul(count).ok_or_else(|| {
                    error_at(&self.products.gens[child].pos, "too many nested records")
                })?;
                let made = if sample { 1 } else { count };
                for j in 0..made {
                    self.record(child, first + j, Some(&me), out, sample)?;
                }
            }
        }
        Ok(())
    }
}

impl Source for DescriptorSource<'_> {
    fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
        for index in range {
            self.record(0, index, None, out, false)?;
        }
        Ok(())
    }

    fn sample(&self, out: &mut Parts<'_>) -> Result<()> {
        self.record(0, 0, None, out, true)
    }
}
