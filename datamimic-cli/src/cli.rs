//! The command-line interface: argument parsing and the `generate` and `list` commands.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Result, anyhow, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use datamimic::{ChildCount, Counting};
use datamimic_descriptor::run::RunOptions;
use datamimic_export::csv::{self, CsvOptions, Quoting, quote_byte, separator_byte};
use datamimic_export::entities::{self, ENTITIES, EntityOptions};
use datamimic_export::pipeline::{self, Plan};
use datamimic_export::related::{self, RelatedSet};
use datamimic_export::shard::Shard;
use datamimic_export::sink::{Encoder, Format, Sink, Target};

/// Realistic, reproducible synthetic data from weighted real-world datasets.
#[derive(Debug, Parser)]
#[command(name = "datamimic", version, about)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate records of a built-in entity.
    Generate(GenerateArgs),
    /// Run an XML descriptor, writing each `<generate>` to its targets.
    Run(RunArgs),
    /// List entities, datasets or tables.
    List {
        /// What to list.
        what: ListWhat,
    },
}

/// What `datamimic list` shows.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListWhat {
    /// Entities with the dataset codes each supports.
    Entities,
    /// Every dataset (country) code of the baked tables.
    Datasets,
    /// Every baked table with its columns and countries.
    Tables,
}

/// `datamimic generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The entity, such as `Person`, `Address` or `Company` (see `datamimic list entities`).
    pub entity: String,
    /// Number of records.
    #[arg(short = 'n', long, default_value_t = 10)]
    pub count: u64,
    /// Dataset (country) code, such as `US` or `DE`.
    #[arg(short, long)]
    pub dataset: Option<String>,
    /// Seed for a reproducible run (random when omitted).
    #[arg(short, long)]
    pub seed: Option<u64>,
    /// Output format [default: from the `--output` extension, else csv].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Output file (standard output when omitted or `-`; sqlite needs a file).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Worker threads (all cores when omitted; at most the number of cores).
    #[arg(short = 't', long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub threads: Option<usize>,
    /// Records per page.
    #[arg(long, default_value_t = pipeline::DEFAULT_PAGE_SIZE, value_parser = clap::value_parser!(u64).range(1..))]
    pub page_size: u64,
    /// CSV field separator (one ASCII character; `\t` for tab).
    #[arg(long, default_value = ",")]
    pub separator: String,
    /// CSV quote character (one ASCII character) [default: `"`].
    #[arg(long)]
    pub quote: Option<String>,
    /// When CSV cells are quoted.
    #[arg(long, value_enum, default_value_t = QuotingArg::Minimal)]
    pub quoting: QuotingArg,
    /// Fall back to US data for a dataset a table lacks instead of failing.
    #[arg(long)]
    pub fallback: bool,
    /// Children written with each record, such as `Transaction=10` or `BankAccount=1..3`
    /// (a count per record, or a range drawn per record, both ends included; `OrderItem`
    /// alone, since an order's items are its lines). Repeatable; each entity goes to its own
    /// file `<output>/<Entity>.<format>`, every row keyed by `id` and each child row by its
    /// parent's id.
    #[arg(long = "with", value_name = "CHILD=COUNT")]
    pub with: Vec<String>,
    /// Write only shard K of N (from 1), a contiguous part of the `--count` records; the N
    /// shards in order hold the records of the whole run. Needs `--seed`.
    #[arg(long, value_name = "K/N", value_parser = Shard::from_str)]
    pub shard: Option<Shard>,
}

/// `datamimic run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The descriptor file.
    pub descriptor: PathBuf,
    /// Directory for file targets.
    #[arg(long, default_value = "output")]
    pub output_dir: PathBuf,
    /// Worker threads (all cores when omitted; at most the number of cores).
    #[arg(short = 't', long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub threads: Option<usize>,
    /// Fall back to US data for a dataset a table lacks instead of failing.
    #[arg(long)]
    pub fallback: bool,
}

/// An output format on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Comma-separated values, nested fields flattened into dotted columns.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// `<list>` of `<item>` elements.
    Xml,
    /// An SQLite database with one table.
    Sqlite,
    /// Apache Parquet: typed columns, nested records as structs, lists as lists.
    Parquet,
    /// The Arrow IPC file format (Feather v2), with Parquet's columns.
    Arrow,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Xml => Format::Xml,
            FormatArg::Sqlite => Format::Sqlite,
            FormatArg::Parquet => Format::Parquet,
            FormatArg::Arrow => Format::Arrow,
        }
    }
}

/// CSV quoting on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QuotingArg {
    /// Only cells that need it.
    Minimal,
    /// Every cell.
    All,
    /// No cell (a cell that needs quotes is an error).
    None,
}

impl From<QuotingArg> for Quoting {
    fn from(q: QuotingArg) -> Quoting {
        match q {
            QuotingArg::Minimal => Quoting::Minimal,
            QuotingArg::All => Quoting::All,
            QuotingArg::None => Quoting::Never,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Generate(args) => generate(args),
        Command::Run(args) => datamimic_descriptor::run::run_file(&RunOptions {
            descriptor: args.descriptor,
            output_dir: args.output_dir,
            threads: args.threads,
            fallback: args.fallback,
        }),
        Command::List { what } => {
            print!("{}", list(what));
            Ok(())
        }
    }
}

fn generate(args: GenerateArgs) -> Result<()> {
    let def = entities::find(&args.entity)?;
    let csv = csv_options(&args)?;
    if let (Some(shard), None) = (args.shard, args.seed) {
        bail!(
            "`--shard {shard}` needs `--seed`: the shards of one run must share its seed to hold its records"
        );
    }
    let records = args.shard.unwrap_or_else(Shard::whole).range(args.count);
    let options = EntityOptions {
        dataset: args.dataset.clone(),
        strict: !args.fallback,
        seed: args.seed,
        ..EntityOptions::default()
    };
    if !args.with.is_empty() {
        if let Some(shard) = args.shard {
            bail!(
                "`--shard {shard}` cannot be combined with `--with` yet: a shard of a related set would need the child keys of the shards before it"
            );
        }
        return generate_related(&args, def.name, &options, csv);
    }
    let entity = def.build(&options)?;
    let output = output_file(&args.output);
    let target = match output {
        None => Target::Stdout,
        Some(path) => Target::File {
            path: path.to_owned(),
            table: def.name.to_owned(),
        },
    };
    let format = args.format.map(Format::from).unwrap_or_else(|| {
        let ext = output.and_then(|p| p.extension()?.to_str());
        match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("json") => Format::Json,
            Some("ndjson" | "jsonl") => Format::Ndjson,
            Some("xml") => Format::Xml,
            Some("sqlite" | "sqlite3" | "db") => Format::Sqlite,
            Some("parquet") => Format::Parquet,
            Some("arrow" | "feather") => Format::Arrow,
            _ => Format::Csv,
        }
    });
    let threads = pipeline::threads(args.threads);
    if let Some(path) = output {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        datamimic_export::staging::sweep(dir.unwrap_or(std::path::Path::new(".")));
    }
    let mut sinks = vec![Sink::create(Encoder { format, csv }, &target)?];
    let plan = Plan {
        count: records.end - records.start,
        page_size: args.page_size,
        threads,
    };
    let exported = entity.export_from(records.start, plan, &mut sinks, def.name);
    datamimic_export::fallback::warn(def.name);
    exported?;
    if let Some(staged) = sinks.pop().expect("one sink").finish()? {
        staged.commit()?;
    }
    Ok(())
}

/// The file `--output` names: `None` for standard output (no `--output`, or `-`). Every
/// format but sqlite streams there: Parquet and Arrow IPC files are written front to back,
/// footer last; the sink refuses an SQLite database, which SQLite writes in place.
fn output_file(output: &Option<PathBuf>) -> Option<&Path> {
    output.as_deref().filter(|path| path.as_os_str() != "-")
}

/// `generate --with`: the entity and its children, one file each in the output directory.
fn generate_related(
    args: &GenerateArgs,
    name: &'static str,
    options: &EntityOptions,
    csv: CsvOptions,
) -> Result<()> {
    let Some(path) = output_file(&args.output) else {
        bail!(
            "`--with` writes one file per entity: give a directory (or an SQLite database) with `--output`, not standard output"
        );
    };
    let format = args.format.map(Format::from).unwrap_or_else(|| {
        let ext = path.extension().and_then(|e| e.to_str());
        match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("sqlite" | "sqlite3" | "db") => Format::Sqlite,
            _ => Format::Csv,
        }
    });
    if format.is_columnar() {
        bail!(
            "`--with` cannot write {} yet: write the related set as csv, json, ndjson, xml or sqlite",
            format.extension()
        );
    }
    let entity = entities::find(name)?.build(options)?;
    let mut set = RelatedSet::new(name, &entity.field_names()?);
    for spec in &args.with {
        add_with(&mut set, spec, options).map_err(|e| anyhow!("`--with {spec}`: {e}"))?;
    }
    if format == Format::Sqlite {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        datamimic_export::staging::sweep(dir.unwrap_or(std::path::Path::new(".")));
    }
    let mut sinks = related::open_outputs(path, &Encoder { format, csv }, &set)?;
    let plan = Plan {
        count: args.count,
        page_size: args.page_size,
        threads: pipeline::threads(args.threads),
    };
    let exported = entity.export_related(&set, plan, &mut sinks, name);
    datamimic_export::fallback::warn(name);
    exported?;
    related::finish_outputs(sinks, &set)
}

/// Adds `CHILD=COUNT`, `CHILD=MIN..MAX` (also `MIN..=MAX`) or, for children their parent
/// counts, `CHILD` to `set`, under the latest entity of the set that can have it.
fn add_with(set: &mut RelatedSet, spec: &str, options: &EntityOptions) -> Result<()> {
    let (child, count) = match spec.split_once('=') {
        Some((child, count)) => (child.trim(), Some(count.trim())),
        None => (spec.trim(), None),
    };
    let (parent, def) = set.find(child)?;
    let counted_by_parent = def.counting == Counting::Parent;
    let count = match (count, counted_by_parent) {
        (None, true) => ChildCount::exactly(0),
        (Some(_), true) => bail!(
            "a `{}` has as many `{}` as it decides; write `--with {}`",
            def.parent,
            def.child,
            def.child
        ),
        (None, false) => bail!(
            "how many `{}` per `{}`? Write `{}=3` or `{}=1..5`",
            def.child,
            def.parent,
            def.child,
            def.child
        ),
        (Some(text), false) => parse_count(text)?,
    };
    if count.max() > related::MAX_CHILDREN_PER_PARENT {
        bail!(
            "at most {} children per record (a record's children are made together, in memory)",
            related::MAX_CHILDREN_PER_PARENT
        );
    }
    set.add(def, def.build(options)?, count, parent)
}

/// `3`, `1..5` or `1..=5` (both ends included).
fn parse_count(text: &str) -> Result<ChildCount> {
    let number = |n: &str| {
        n.parse::<u32>()
            .map_err(|_| anyhow!("`{n}` is not a count (a whole number from 0)"))
    };
    match text.split_once("..") {
        None => Ok(ChildCount::exactly(number(text)?)),
        Some((min, max)) => {
            let max = max.strip_prefix('=').unwrap_or(max);
            Ok(ChildCount::between(number(min)?, number(max)?)?)
        }
    }
}

/// The CSV settings of `generate`; an error names the option at fault.
fn csv_options(args: &GenerateArgs) -> Result<CsvOptions> {
    let separator = separator_byte(&args.separator).map_err(|e| anyhow!("`--separator`: {e}"))?;
    let quote = match &args.quote {
        Some(text) => quote_byte(text).map_err(|e| anyhow!("`--quote`: {e}"))?,
        None => CsvOptions::default().quote,
    };
    if separator == quote {
        let shown = csv::shown(separator);
        if args.quote.is_some() {
            bail!(
                "`--quote`: `{shown}` is also the separator (`--separator`, `,` unless given): a reader could not tell quotes from separators; choose another quote or separator"
            );
        }
        bail!(
            "`--separator`: `{shown}` is the CSV quote character: a reader could not tell quotes from separators; choose another separator, or another quote with `--quote`"
        );
    }
    let csv = CsvOptions {
        separator,
        quote,
        quoting: args.quoting.into(),
    };
    csv.validate().map_err(anyhow::Error::msg)?;
    Ok(csv)
}

/// The text of `datamimic list`.
pub fn list(what: ListWhat) -> String {
    let mut out = String::new();
    match what {
        ListWhat::Entities => {
            for def in ENTITIES {
                let codes = (def.supported_datasets)();
                let codes = if codes.is_empty() {
                    "any".to_owned()
                } else {
                    codes.join(",")
                };
                out.push_str(&format!("{}\t{codes}\n", def.name));
            }
        }
        ListWhat::Datasets => {
            let codes: BTreeSet<&str> = datamimic::tables::ALL
                .iter()
                .flat_map(|f| f.countries())
                .collect();
            for code in codes {
                out.push_str(code);
                out.push('\n');
            }
        }
        ListWhat::Tables => {
            for family in datamimic::tables::ALL {
                out.push_str(&format!(
                    "{}\t{}\t{}\n",
                    family.key(),
                    family.columns().join(","),
                    family.countries().collect::<Vec<_>>().join(",")
                ));
            }
        }
    }
    out
}
