//! Parsing XML descriptors (roxmltree, which keeps positions) into the
//! [`crate::descriptor`] model: unknown elements and attributes, bad numbers, scripts that do
//! not compile and impossible entity options are all reported as `file:line:col: message`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Result, anyhow, bail};
use datamimic::Table;
use rhai::Dynamic;
use roxmltree::{Document, Node};

use crate::csv_source::{CsvRows, Distribution, RowSource, Rows};
use crate::datetime::{DateFormat, DateTimeGen};
use crate::datetime_weights::CalendarWeights;
use crate::descriptor::PythonCall;
use crate::descriptor::{
    self, Branch, Converter, Field, Generate, Generator, Item, ItemList, MAX_RECORD_VALUES, Nested,
    Pos, Setup, Stmt, TargetSpec, Type, ValueSource, error_at,
};
use crate::echo::Echo;
use crate::entity_arguments::EntityArguments;
use crate::memstore::{MAX_MEMSTORE_VALUES, MemChunk, MemRows, MemTarget};
use crate::script::{Engine, Script};
use crate::script_source::ScriptSource;
use crate::sources::{self, SourceFile, Sources};
use crate::unique_names;

mod count;
mod database;
mod files;
mod names;
use datamimic_export::csv::{CsvOptions, Quoting};
use datamimic_export::entities::{self, Entity, EntityOptions};
use datamimic_export::sink::Format;
use datamimic_export::suggest::did_you_mean;

/// Run-wide settings the parser needs.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Strict dataset mode.
    pub strict: bool,
}

/// The attribute or parameter that set a CSV separator, and where.
#[derive(Debug, Clone)]
struct SetBy {
    pos: Pos,
    name: &'static str,
}

struct Ctx<'e> {
    engine: &'e Engine,
    options: ParseOptions,
    /// The descriptor's files, and each one's document.
    sources: &'e Sources,
    docs: &'e [Document<'e>],
    seed: Option<u64>,
    dataset: Option<String>,
    separator: u8,
    /// Where `separator` was set (`None`: the default), to be named if it clashes with a quote.
    separator_from: Option<SetBy>,
    /// Whether the generate being parsed writes XML, whose element names its keys become.
    writes_xml: bool,
    /// The enclosing generates (`/parent/child`), so unseeded variables of different
    /// generates get different streams.
    path: String,
    /// The enclosing nestedKeys inside the generate, outermost first: a script reads the
    /// element being built by their path (`students.student.person`).
    nested: Vec<String>,
    /// The canonical folder of the top descriptor: data files must lie inside it.
    root: PathBuf,
    /// What `{name}` placeholders stand for: included properties and constant setup
    /// variables, as far as the descriptor has been read.
    props: HashMap<String, String>,
    /// CSV sources read so far, by canonical path and separator: each is read once.
    csv_files: HashMap<(PathBuf, u8), Arc<CsvRows>>,
    /// The `<memstore>` ids declared so far.
    memstores: Vec<String>,
    /// The chunks each memstore keeps per type (generate name), in document order.
    mem_types: HashMap<(String, String), Vec<Arc<MemChunk>>>,
    /// The values each memstore keeps so far (see [`MAX_MEMSTORE_VALUES`]).
    mem_values: HashMap<String, u64>,
    /// The `<database>`s declared so far.
    databases: Vec<crate::database::DatabaseDecl>,
    /// Errors found so far in statements the parser went past: all are reported together.
    errors: Vec<anyhow::Error>,
    /// Records the enclosing generates make together (1 at the top): a nested generate makes
    /// that many times its `count`.
    outer_records: u64,
    /// Whether an enclosing generate's count is known only when the run reaches it (a
    /// database source): then `outer_records` is no bound.
    count_unknown: bool,
}

/// Reads and checks the descriptor at `path`.
pub fn parse_file(path: &Path, engine: &Engine, options: ParseOptions) -> Result<Setup> {
    // Every file is read and checked (depth, include cycles, size) before the model is built.
    let sources = sources::load(path)?;
    let docs = sources
        .files
        .iter()
        .map(SourceFile::document)
        .collect::<Result<Vec<_>>>()?;
    let root = crate::project_files::root_of(path)
        .map_err(|e| anyhow!("cannot read descriptor `{}`: {e}", path.display()))?;
    let mut ctx = Ctx {
        root,
        props: HashMap::new(),
        csv_files: HashMap::new(),
        memstores: Vec::new(),
        mem_types: HashMap::new(),
        mem_values: HashMap::new(),
        databases: Vec::new(),
        errors: Vec::new(),
        outer_records: 1,
        count_unknown: false,
        engine,
        options,
        sources: &sources,
        docs: &docs,
        seed: None,
        dataset: None,
        separator: b'|',
        separator_from: None,
        writes_xml: false,
        path: String::new(),
        nested: Vec::new(),
    };
    let items = parse_setup_file(0, &mut ctx, true);
    let items = match (items, ctx.errors.len()) {
        (Ok(items), 0) => items,
        (Err(e), 0) => return Err(e),
        (last, _) => {
            let mut errors = std::mem::take(&mut ctx.errors);
            errors.extend(last.err().filter(|e| !e.is::<Reported>()));
            return Err(all_errors(errors));
        }
    };
    Ok(Setup {
        seed: ctx.seed,
        items,
        databases: ctx.databases,
    })
}

/// Several errors as one, each on its own line in document order.
fn all_errors(errors: Vec<anyhow::Error>) -> anyhow::Error {
    let count = errors.len();
    if count == 1 {
        return errors.into_iter().next().expect("one error");
    }
    let lines: Vec<String> = errors.iter().map(|e| format!("{e:#}")).collect();
    anyhow!("{}\n{count} errors in the descriptor", lines.join("\n"))
}

/// An element whose errors are already kept in [`Ctx::errors`]: its own checks, which would
/// only repeat them (a generate whose one key failed "has no key"), are skipped.
#[derive(Debug)]
struct Reported;

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("errors reported above")
    }
}

impl std::error::Error for Reported {}

impl Ctx<'_> {
    /// The value of `result`, or `None` with its error kept to be reported with the others.
    fn keep<T>(&mut self, result: Result<T>) -> Option<T> {
        result
            .map_err(|e| {
                if !e.is::<Reported>() {
                    self.errors.push(e);
                }
            })
            .ok()
    }
}

/// The items of file `index` of the sources (its includes expanded in place).
fn parse_setup_file(index: usize, ctx: &mut Ctx<'_>, top: bool) -> Result<Vec<Item>> {
    // Copied out of `ctx`, so they do not borrow it.
    let (sources, docs) = (ctx.sources, ctx.docs);
    let source = &sources.files[index];
    let p = Parser {
        doc: &docs[index],
        source,
    };
    let root = p.doc.root_element();
    if root.tag_name().name() != "setup" {
        bail!(
            "{}: the root element must be `<setup>`, not `<{}>`",
            p.pos(root),
            root.tag_name().name()
        );
    }
    p.check_attrs(
        root,
        &[
            "rngSeed",
            "defaultDataset",
            "defaultSeparator",
            "defaultLocale",
            "multiprocessing",
            "numProcess",
        ],
    )?;
    if top {
        if let Some(seed) = p.attr(root, "rngSeed") {
            ctx.seed = Some(p.parse_u64(root, "rngSeed", seed)?);
        }
        if let Some(code) = p.attr(root, "defaultDataset") {
            datamimic::DatasetCode::parse(code)
                .map_err(|e| p.err_attr(root, "defaultDataset", e))?;
            ctx.dataset = Some(code.to_owned());
        }
        // `defaultLocale` sets the dataset only where `defaultDataset` does not.
        if let Some(locale) = p.attr(root, "defaultLocale") {
            let code = crate::locale::dataset_of_locale(locale)
                .map_err(|e| p.err_attr(root, "defaultLocale", e))?;
            if ctx.dataset.is_none() {
                ctx.dataset = Some(code);
            }
        }
        if let Some(sep) = p.attr(root, "defaultSeparator") {
            ctx.separator = p.separator(root, "defaultSeparator", sep)?;
            ctx.separator_from = Some(SetBy {
                pos: p.attr_pos(root, "defaultSeparator"),
                name: "defaultSeparator",
            });
        }
    }
    let mut items = Vec::new();
    for child in p.children(
        root,
        &[
            "generate", "variable", "echo", "include", "memstore", "database", "execute", "mongodb",
        ],
    )? {
        match child.tag_name().name() {
            "database" => {
                let decl = p.database(child, ctx)?;
                ctx.databases.push(decl);
            }
            "mongodb" => return Err(p.mongodb(child)),
            // A Python file defines names for later scripts; an SQL script runs when reached.
            "execute"
                if child
                    .attribute("uri")
                    .is_some_and(|u| u.trim().ends_with(".py")) =>
            {
                let executed = p.execute_python(child, ctx);
                ctx.keep(executed);
            }
            "execute" => {
                let execute = p.execute_sql(child, ctx);
                items.extend(ctx.keep(execute).map(Item::Execute));
            }
            "memstore" => {
                p.check_attrs(child, &["id"])?;
                let id = p.required(child, "id")?;
                if ctx.memstores.iter().any(|m| m == id) {
                    return Err(p.err_attr(
                        child,
                        "id",
                        format_args!("a `<memstore>` `{id}` is already declared"),
                    ));
                }
                ctx.memstores.push(id.to_owned());
            }
            "generate" => {
                let generate = p.generate(child, ctx);
                items.extend(ctx.keep(generate).map(Item::Generate));
            }
            "variable" => {
                let field = p.field(child, ctx, true);
                let Some(field) = ctx.keep(field) else {
                    continue;
                };
                // A `type` converts the value when the run starts: then only scripts see it.
                if let (ValueSource::Constant(value), None) = (&field.source, field.ty) {
                    ctx.props.insert(field.name.clone(), value.to_string());
                }
                items.push(Item::Variable(Stmt::Variable(field)));
            }
            "echo" => items.push(Item::Echo(p.echo(child, ctx)?)),
            _ => {
                p.check_attrs(child, &["uri"])?;
                let uri = p.required(child, "uri")?;
                if uri.ends_with(".properties") {
                    p.include_properties(child, uri, ctx)?;
                    continue;
                }
                let Some(&included) = source.includes.get(&child.range().start) else {
                    bail!("{}: include `{uri}` was not read", p.pos(child));
                };
                let inner = parse_setup_file(included, ctx, false)
                    .map_err(|e| anyhow!("{}: in included `{uri}`: {e:#}", p.pos(child)))?;
                items.extend(inner);
            }
        }
    }
    Ok(items)
}

struct Parser<'d, 'i> {
    doc: &'d Document<'i>,
    source: &'d SourceFile,
}

const GENERATE_ATTRS: &[&str] = &[
    "name",
    "count",
    "target",
    "pageSize",
    "separator",
    "source",
    "cyclic",
    "type",
    "selector",
    "minCount",
    "maxCount",
    "converter",
    "sourceScripted",
    // DATAMIMIC's process count, as on `<setup>`: datamimic's threads make the same bytes
    // for any count, so `--threads` decides.
    "multiprocessing",
    "numProcess",
];
const FIELD_ATTRS: &[&str] = &[
    "name",
    "script",
    "constant",
    "values",
    "weights",
    "pattern",
    "type",
    "min",
    "max",
    "nullQuota",
    "converter",
    "generator",
    "inDateFormat",
    "outDateFormat",
    "condition",
    "defaultValue",
    "source",
    "separator",
];
const VARIABLE_ATTRS: &[&str] = &[
    "name",
    "entity",
    "dataset",
    "locale",
    "ageMin",
    "ageMax",
    "conditionsInclude",
    "conditionsExclude",
    "rngSeed",
    "script",
    "constant",
    "values",
    "weights",
    "pattern",
    "type",
    "min",
    "max",
    "generator",
    "source",
    "cyclic",
    "distribution",
    "separator",
    "selector",
    "converter",
    "inDateFormat",
    "outDateFormat",
];
const BODY: &[&str] = &[
    "reference",
    "variable",
    "key",
    "id",
    "array",
    "nestedKey",
    "list",
    "condition",
    "echo",
    "element",
    "generate",
];

impl<'d, 'i> Parser<'d, 'i> {
    fn pos_at(&self, offset: usize) -> Pos {
        self.source.pos_at(offset)
    }

    fn pos(&self, node: Node<'_, '_>) -> Pos {
        self.pos_at(node.range().start)
    }

    fn attr<'a>(&self, node: Node<'a, 'i>, name: &str) -> Option<&'a str> {
        node.attribute(name)
    }

    fn attr_pos(&self, node: Node<'_, '_>, name: &str) -> Pos {
        node.attributes()
            .find(|a| a.name() == name)
            .map_or_else(|| self.pos(node), |a| self.pos_at(a.range_value().start))
    }

    /// Attribute `name` with its `{placeholder}`s replaced; an unknown one is an error at
    /// its own column.
    fn value<'a>(
        &self,
        node: Node<'a, 'i>,
        name: &str,
        ctx: &Ctx<'_>,
    ) -> Result<Option<Cow<'a, str>>> {
        let Some(text) = node.attribute(name) else {
            return Ok(None);
        };
        if !text.contains(['{', '}']) {
            return Ok(Some(Cow::Borrowed(text)));
        }
        crate::properties::substitute(text, &ctx.props)
            .map(|s| Some(Cow::Owned(s)))
            .map_err(|(offset, message)| {
                let mut pos = self.attr_pos(node, name);
                if !text[..offset].contains('\n') {
                    pos.col += u32::try_from(text[..offset].chars().count()).unwrap_or(0);
                }
                error_at(&pos, format_args!("`{name}`: {message}"))
            })
    }

    /// `<echo>` `node`, its `{expr}` parts filled in from properties or compiled.
    fn echo(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<Echo> {
        self.check_attrs(node, &[])?;
        let full = node.text().unwrap_or("");
        let text = full.trim();
        // Positions inside the text are exact when it is written without references.
        let first = node.first_child().filter(|c| c.is_text());
        let raw = first.map(|c| &self.doc.input_text()[c.range()]);
        let start = first.map_or(node.range().start, |c| c.range().start)
            + (full.len() - full.trim_start().len());
        let exact = raw == Some(full);
        Echo::parse(
            ctx.engine,
            text,
            self.pos(node),
            |offset| self.pos_at(if exact { start + offset } else { start }),
            &ctx.props,
        )
    }

    /// The `source`, `cyclic`, `distribution` and `separator` of a generate or (with
    /// `variable`) a variable; `None` without `source`.
    fn row_source(
        &self,
        node: Node<'_, '_>,
        ctx: &mut Ctx<'_>,
        default_separator: u8,
        variable: bool,
    ) -> Result<Option<RowSource>> {
        let cyclic = match self.value(node, "cyclic", ctx)?.as_deref() {
            None => None,
            Some("True" | "true") => Some(true),
            Some("False" | "false") => Some(false),
            Some(other) => {
                return Err(self.err_attr(
                    node,
                    "cyclic",
                    format_args!("`{other}` is neither `True` nor `False`"),
                ));
            }
        };
        let distribution = match self.value(node, "distribution", ctx)?.as_deref() {
            None | Some("ordered") => Distribution::Ordered,
            Some("random") => Distribution::Random,
            Some(other) => {
                return Err(self.err_attr(
                    node,
                    "distribution",
                    format_args!("`{other}` is neither `random` nor `ordered`"),
                ));
            }
        };
        let Some(uri) = self.value(node, "source", ctx)? else {
            for attr in ["cyclic", "distribution", "selector"] {
                if node.attribute(attr).is_some() {
                    return Err(self.err_attr(node, attr, "only goes with `source`"));
                }
            }
            if variable && node.attribute("separator").is_some() {
                return Err(self.err_attr(node, "separator", "only goes with `source`"));
            }
            return Ok(None);
        };
        if ctx.databases.iter().any(|d| d.id == *uri) {
            return self
                .db_source(node, &uri, cyclic.unwrap_or(false), distribution)
                .map(Some);
        }
        if node.attribute("selector").is_some() {
            return Err(self.unknown_database(node, "source", &uri, ctx));
        }
        if ctx.memstores.iter().any(|m| *m == *uri) {
            return self
                .mem_source(
                    node,
                    ctx,
                    &uri,
                    cyclic.unwrap_or(false),
                    distribution,
                    variable,
                )
                .map(Some);
        }
        let document = if uri.ends_with(".xml") {
            Some(files::Document::Xml)
        } else if uri.ends_with(".json") {
            Some(files::Document::Json)
        } else {
            None
        };
        if let Some(kind) = document {
            return self
                .document_source(
                    node,
                    ctx,
                    &uri,
                    kind,
                    cyclic.unwrap_or(false),
                    distribution,
                    variable,
                )
                .map(Some);
        }
        if uri.ends_with(".wgt.csv") {
            return Err(self.err_attr(
                node,
                "source",
                format_args!(
                    "`{uri}`: weighted values (`*.wgt.csv`) go on a `<key>` or `<variable>`, \
                     not on a `<generate>`"
                ),
            ));
        }
        if !uri.ends_with(".csv") {
            let ids = ctx
                .memstores
                .iter()
                .map(String::as_str)
                .chain(ctx.databases.iter().map(|d| d.id.as_str()));
            let hint = did_you_mean(&uri, ids).unwrap_or_default();
            return Err(self.err_attr(
                node,
                "source",
                format_args!(
                    "`{uri}`: only CSV (`*.ent.csv`), JSON and XML files can be sources yet, and the ids of \
                     `<memstore>`s and `<database>`s declared before{hint}"
                ),
            ));
        }
        let separator = match (variable, self.value(node, "separator", ctx)?) {
            (true, Some(s)) => self.separator(node, "separator", &s)?,
            _ => default_separator,
        };
        let base = Path::new(&*self.source.name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = crate::project_files::resolve(&ctx.root, &base, &uri)
            .map_err(|e| self.err_attr(node, "source", e))?;
        let rows = match ctx.csv_files.get(&(path.clone(), separator)) {
            Some(rows) => rows.clone(),
            None => {
                let shown = base.join(&*uri).display().to_string();
                let rows = Arc::new(CsvRows::read(&path, &shown, separator).map_err(|e| {
                    anyhow!("{e:#} (the `source` at {})", self.attr_pos(node, "source"))
                })?);
                ctx.csv_files.insert((path, separator), rows.clone());
                rows
            }
        };
        let cyclic = cyclic.unwrap_or(false);
        if rows.rows.is_empty() && (cyclic || distribution == Distribution::Random) {
            return Err(self.err_attr(
                node,
                "source",
                format_args!("`{uri}` has no rows to repeat or draw from"),
            ));
        }
        Ok(Some(RowSource {
            pos: self.attr_pos(node, "source"),
            rows: Rows::Csv(rows),
            cyclic,
            distribution,
        }))
    }

    /// `source="mem" type="NAME"`: the records memstore `store` keeps under `NAME`, as the
    /// generates before `node` keep them.
    fn mem_source(
        &self,
        node: Node<'_, '_>,
        ctx: &Ctx<'_>,
        store: &str,
        cyclic: bool,
        distribution: Distribution,
        variable: bool,
    ) -> Result<RowSource> {
        if variable && node.attribute("separator").is_some() {
            return Err(self.err_attr(node, "separator", "a memstore source has no separator"));
        }
        let Some(ty) = self.value(node, "type", ctx)? else {
            return Err(self.err_attr(
                node,
                "source",
                format_args!(
                    "memstore `{store}` needs `type`: the name of the generate whose records it \
                     keeps"
                ),
            ));
        };
        let Some(chunks) = ctx.mem_types.get(&(store.to_owned(), ty.to_string())) else {
            let kept = ctx
                .mem_types
                .keys()
                .filter(|(s, _)| s == store)
                .map(|(_, t)| t.as_str());
            let hint = did_you_mean(&ty, kept).unwrap_or_default();
            return Err(self.err_attr(
                node,
                "type",
                format_args!(
                    "memstore `{store}` keeps no records of type `{ty}`: no `<generate \
                     name=\"{ty}\" target=\"{store}\">` comes before{hint}"
                ),
            ));
        };
        let rows = MemRows {
            name: format!("{store}/{ty}"),
            chunks: chunks.clone(),
        };
        if rows.is_empty() && (cyclic || distribution == Distribution::Random) {
            return Err(self.err_attr(
                node,
                "source",
                format_args!("`{}` has no records to repeat or draw from", rows.name),
            ));
        }
        Ok(RowSource {
            pos: self.attr_pos(node, "source"),
            rows: Rows::Mem(rows),
            cyclic,
            distribution,
        })
    }

    /// Reads the properties file `uri` of `<include>` `node` into `ctx.props`.
    fn include_properties(&self, node: Node<'_, '_>, uri: &str, ctx: &mut Ctx<'_>) -> Result<()> {
        self.check_attrs(node, &["uri"])?;
        let base = Path::new(&*self.source.name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = crate::project_files::resolve(&ctx.root, &base, uri)
            .map_err(|e| self.err_attr(node, "uri", e))?;
        let text = std::fs::read_to_string(&path)
            .map_err(|e| self.err_attr(node, "uri", format_args!("cannot read `{uri}`: {e}")))?;
        let shown = base.join(uri);
        let props = crate::properties::parse(&text).map_err(|p| {
            anyhow!(
                "{}:{}:{}: {} (included at {})",
                shown.display(),
                p.line,
                p.col,
                p.message,
                self.pos(node)
            )
        })?;
        for prop in props {
            ctx.props.insert(prop.key, prop.value);
        }
        Ok(())
    }

    fn err_attr(
        &self,
        node: Node<'_, '_>,
        name: &str,
        message: impl fmt::Display,
    ) -> anyhow::Error {
        error_at(
            &self.attr_pos(node, name),
            format_args!("`{name}`: {message}"),
        )
    }

    fn required<'a>(&self, node: Node<'a, 'i>, name: &str) -> Result<&'a str> {
        node.attribute(name).ok_or_else(|| {
            error_at(
                &self.pos(node),
                format_args!("`<{}>` needs a `{name}` attribute", node.tag_name().name()),
            )
        })
    }

    fn check_attrs(&self, node: Node<'_, '_>, allowed: &[&str]) -> Result<()> {
        for a in node.attributes() {
            if !allowed.contains(&a.name()) {
                let hint = did_you_mean(a.name(), allowed.iter().copied()).unwrap_or_else(|| {
                    if allowed.is_empty() {
                        String::new()
                    } else {
                        format!("; allowed: {}", allowed.join(", "))
                    }
                });
                bail!(
                    "{}: unknown attribute `{}` on `<{}>`{hint}",
                    self.pos_at(a.range().start),
                    a.name(),
                    node.tag_name().name()
                );
            }
        }
        Ok(())
    }

    /// The element children, each checked against `allowed`.
    fn children<'a>(&self, node: Node<'a, 'i>, allowed: &[&str]) -> Result<Vec<Node<'a, 'i>>> {
        let mut out = Vec::new();
        for child in node.children() {
            if child.is_text()
                && !child.text().unwrap_or("").trim().is_empty()
                && node.tag_name().name() != "echo"
            {
                bail!(
                    "{}: unexpected text inside `<{}>`",
                    self.pos(child),
                    node.tag_name().name()
                );
            }
            if !child.is_element() {
                continue;
            }
            let name = child.tag_name().name();
            if !allowed.contains(&name) {
                let hint = did_you_mean(name, allowed.iter().copied())
                    .unwrap_or_else(|| format!("; allowed: {}", allowed.join(", ")));
                bail!(
                    "{}: unknown element `<{name}>` in `<{}>`{hint}",
                    self.pos(child),
                    node.tag_name().name()
                );
            }
            out.push(child);
        }
        Ok(out)
    }

    fn parse_u64(&self, node: Node<'_, '_>, name: &str, text: &str) -> Result<u64> {
        let digits = text.trim();
        digits.parse::<u64>().map_err(|_| {
            let why = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                format!("`{text}` is too large (at most {})", u64::MAX)
            } else if digits
                .parse::<f64>()
                .is_ok_and(|f| f.is_finite() && f >= 0.0 && f.fract() == 0.0)
            {
                format!("`{text}` is not a non-negative integer (write the digits out)")
            } else {
                format!("`{text}` is not a non-negative integer")
            };
            self.err_attr(node, name, why)
        })
    }

    fn parse_f64(&self, node: Node<'_, '_>, name: &str, text: &str) -> Result<f64> {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| self.err_attr(node, name, format_args!("`{text}` is not a number")))
    }

    /// A separator on its own; whether it clashes with the quote is checked per CSV target.
    fn separator(&self, node: Node<'_, '_>, name: &str, text: &str) -> Result<u8> {
        datamimic_export::csv::separator_byte(text).map_err(|e| self.err_attr(node, name, e))
    }

    /// Refuses a key name that cannot be an element name when the generate writes XML.
    fn key_name(&self, node: Node<'_, '_>, ctx: &Ctx<'_>, name: &str) -> Result<()> {
        if ctx.writes_xml && !datamimic_export::xml::is_element_name(name) {
            return Err(self.err_attr(
                node,
                "name",
                format_args!(
                    "`{name}` is not a valid XML element name, and this generate writes XML"
                ),
            ));
        }
        Ok(())
    }

    /// `<execute uri="*.scr.py">`: a Python file whose names later scripts see.
    fn execute_python(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<()> {
        self.check_attrs(node, &["uri"])?;
        let uri = self.required(node, "uri")?;
        let base = Path::new(&*self.source.name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = crate::project_files::resolve(&ctx.root, &base, uri)
            .map_err(|e| self.err_attr(node, "uri", e))?;
        let shown = base.join(uri).display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| self.err_attr(node, "uri", format_args!("cannot read `{uri}`: {e}")))?;
        let file = crate::script_module::PythonFile::compile(&shown, &text)
            .map_err(|e| anyhow!("{shown}:{}:{}: {}", e.line, e.col, e.message))?;
        ctx.engine
            .execute(file)
            .map_err(|e| self.err_attr(node, "uri", e))
    }

    /// `Name(args)` in attribute `attr` (or its `part`) when `Name` is a class an executed
    /// `.scr.py` file defines: compiled with `method` appended.
    fn python_call(
        &self,
        node: Node<'_, '_>,
        attr: &str,
        part: Option<&str>,
        method: &str,
        ctx: &Ctx<'_>,
    ) -> Result<Option<PythonCall>> {
        let Some(text) = part.or_else(|| self.attr(node, attr)) else {
            return Ok(None);
        };
        let name = text.split('(').next().unwrap_or_default().trim();
        if !ctx.engine.has_class(name)
            && !crate::script_generators::GENERATORS.contains(&name)
            && !crate::script_data_faker::GENERATORS.contains(&name)
        {
            return Ok(None);
        }
        let source = match part {
            None => self.script_source(node, attr)?,
            Some(part) => {
                let at = self.attr_pos(node, attr);
                ScriptSource::from_attribute(
                    self.source.name.clone(),
                    part,
                    (at.line, at.col),
                    part,
                )
            }
        };
        // A class named without arguments is made as DATAMIMIC makes it
        // (`crate::script_contexts`).
        let source = if text.contains('(') {
            source
        } else {
            let len = source.text.len();
            source.splice(0, len, &format!("_datamimic_new({name})"))
        };
        let script = Script::compile(ctx.engine, source.with_suffix(method)).map_err(|f| {
            error_at(
                &f.pos.unwrap_or_else(|| self.attr_pos(node, attr)),
                format_args!("`{attr}`: does not compile: {}", f.message),
            )
        })?;
        Ok(Some(PythonCall(Arc::new(script))))
    }

    /// The script in attribute `name`, read as written (line breaks kept).
    fn script_source(&self, node: Node<'_, '_>, name: &str) -> Result<ScriptSource> {
        let attr = node
            .attributes()
            .find(|a| a.name() == name)
            .ok_or_else(|| self.err_attr(node, name, "missing"))?;
        let range = attr.range_value();
        let start = self.pos_at(range.start);
        Ok(ScriptSource::from_attribute(
            self.source.name.clone(),
            &self.doc.input_text()[range],
            (start.line, start.col),
            attr.value(),
        ))
    }

    /// Compiles the script in attribute `name`, read as written (line breaks kept).
    fn compile(&self, node: Node<'_, '_>, name: &str, ctx: &Ctx<'_>) -> Result<Script> {
        let attr = node
            .attributes()
            .find(|a| a.name() == name)
            .ok_or_else(|| self.err_attr(node, name, "missing"))?;
        let range = attr.range_value();
        let start = self.pos_at(range.start);
        let source = ScriptSource::from_attribute(
            self.source.name.clone(),
            &self.doc.input_text()[range],
            (start.line, start.col),
            attr.value(),
        );
        let records: Vec<&str> = ctx.path.rsplit('/').filter(|g| !g.is_empty()).collect();
        Script::compile_in(ctx.engine, source, &records, &ctx.nested).map_err(|f| {
            error_at(
                &f.pos.unwrap_or_else(|| self.attr_pos(node, name)),
                format_args!("`{name}`: script does not compile: {}", f.message),
            )
        })
    }

    fn generate(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Generate> {
        self.check_attrs(node, GENERATE_ATTRS)?;
        let name = self.required(node, "name")?.to_owned();
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            bail!(
                "{}: `name` `{name}` cannot be used as a file name",
                self.attr_pos(node, "name")
            );
        }
        let given_count = match (
            self.value(node, "count", ctx)?,
            self.count_range(node, ctx)?,
        ) {
            (Some(c), _) => Some(self.parse_u64(node, "count", &c)?),
            (None, Some((least, most))) => {
                // Drawn once per run: from the run seed and the generate's place when seeded.
                let label = format!("count:{}/{name}", ctx.path);
                let mut rng = match ctx.seed {
                    Some(seed) => {
                        datamimic::MimicRng::seed_from_u64(crate::seed::derive_seed(seed, &label))
                    }
                    None => datamimic::MimicRng::from_os(),
                };
                Some(descriptor::draw_count(&mut rng, least, most))
            }
            (None, None) => None,
        };
        let page_size = match self.value(node, "pageSize", ctx)? {
            Some(p) => match self.parse_u64(node, "pageSize", &p)? {
                0 => return Err(self.err_attr(node, "pageSize", "must be at least 1")),
                n => Some(n),
            },
            None => None,
        };
        let separator = match self.value(node, "separator", ctx)? {
            Some(s) => (
                self.separator(node, "separator", &s)?,
                Some(SetBy {
                    pos: self.attr_pos(node, "separator"),
                    name: "separator",
                }),
            ),
            None => (ctx.separator, ctx.separator_from.clone()),
        };
        let remove_empty = match node.attribute("converter").map(str::trim) {
            None => false,
            Some("RemoveNoneOrEmptyElement") => true,
            Some(other) => {
                return Err(self.err_attr(
                    node,
                    "converter",
                    format_args!(
                        "`{other}` does not apply to a `<generate>`; only \
                         `RemoveNoneOrEmptyElement` does"
                    ),
                ));
            }
        };
        let mut source = self.row_source(node, ctx, separator.0, false)?;
        self.source_scripted(node, source.as_mut(), ctx)?;
        // `type` equal to the name is DATAMIMIC's default: it changes nothing.
        if node.attribute("type").is_some_and(|t| t != name)
            && !matches!(
                &source,
                Some(RowSource {
                    rows: Rows::Mem(_) | Rows::Db(_),
                    ..
                })
            )
        {
            return Err(self.err_attr(
                node,
                "type",
                "only goes with a memstore or database `source` (`source=\"mem\" type=\"NAME\"`)",
            ));
        }
        if source.is_some() && !ctx.path.is_empty() {
            return Err(self.err_attr(
                node,
                "source",
                "a nested `<generate>` cannot have a `source` yet",
            ));
        }
        let count_from_source =
            given_count.is_none() && source.as_ref().is_some_and(|s| !s.rows.known());
        let count = match (given_count, &source) {
            (Some(count), Some(s)) if s.rows.known() && !s.cyclic && count > s.rows.len() => {
                return Err(self.err_attr(
                    node,
                    "count",
                    format_args!(
                        "{count} records, but `{}` has {} rows; set `cyclic=\"True\"` to \
                         start again after the last row",
                        s.rows.name(),
                        s.rows.len()
                    ),
                ));
            }
            (Some(count), _) => count,
            (None, Some(s)) => s.rows.len(),
            // Neither: one record, as in DATAMIMIC (its clinical-trial demo's cohort).
            (None, None) => 1,
        };
        let (targets, stores) = match self.value(node, "target", ctx)? {
            Some(t) => self.targets(node, &t, separator, &ctx.memstores, &ctx.databases)?,
            None => (Vec::new(), Vec::new()),
        };
        let outer_writes_xml = ctx.writes_xml;
        ctx.writes_xml = targets
            .iter()
            .any(|t| matches!(t, TargetSpec::File(Format::Xml, _)));
        let mut body = Vec::new();
        let mut children = Vec::new();
        let mut echoes = Vec::new();
        let outer = ctx.path.len();
        let outer_records = ctx.outer_records;
        let records = outer_records.saturating_mul(count);
        let outer_count_unknown = ctx.count_unknown;
        ctx.count_unknown |= count_from_source;
        ctx.path.push('/');
        ctx.path.push_str(&name);
        ctx.outer_records = records;
        // A nested generate's scripts see its own nestedKeys, not the enclosing record's.
        let outer_nested = std::mem::take(&mut ctx.nested);
        let errors_before = ctx.errors.len();
        // The enclosing state is restored however the body ends.
        let read_body = (|| -> Result<()> {
            for child in self.children(node, BODY)? {
                match child.tag_name().name() {
                    "generate" => {
                        let generate = self.generate(child, ctx);
                        children.extend(ctx.keep(generate));
                    }
                    "echo" => echoes.push(self.echo(child, ctx)?),
                    _ => {
                        let stmt = self.stmt(child, ctx);
                        body.extend(ctx.keep(stmt));
                    }
                }
            }
            Ok(())
        })();
        ctx.path.truncate(outer);
        ctx.nested = outer_nested;
        ctx.outer_records = outer_records;
        ctx.count_unknown = outer_count_unknown;
        ctx.writes_xml = outer_writes_xml;
        read_body?;
        if ctx.errors.len() > errors_before {
            return Err(Reported.into());
        }
        let repeats = unique_names::check(&body)?;
        if children.is_empty() {
            crate::entity_projection::narrow_entity_variables(&mut body);
        }
        descriptor::check_record_size(&body)?;
        let has_fields =
            body.iter().any(Stmt::writes) || source.as_ref().is_some_and(|s| s.rows.has_fields());
        if !has_fields
            && let Some(format) = targets.iter().find_map(|t| match t {
                TargetSpec::File(f @ (Format::Csv | Format::Sqlite), _) => Some(f),
                _ => None,
            })
        {
            bail!(
                "{}: `<generate name=\"{name}\">` writes {} but has no `<key>`, `<array>` or `<nestedKey>`: a table needs at least one column",
                self.pos(node),
                if *format == Format::Csv {
                    "CSV"
                } else {
                    "SQLite"
                }
            );
        }
        let width = descriptor::values(&body)
            .saturating_add(source.as_ref().map_or(0, |s| s.rows.width()))
            .max(1);
        if !stores.is_empty() && source.as_ref().is_some_and(|s| !s.rows.known()) {
            return Err(self.err_attr(
                node,
                "target",
                "the records of a database `source` cannot be kept in a memstore yet",
            ));
        }
        if !stores.is_empty() && ctx.count_unknown {
            return Err(self.err_attr(
                node,
                "target",
                "inside a generate whose count is its database `source`'s rows, records cannot \
                 be kept in a memstore yet (give that generate a `count`)",
            ));
        }
        let mut mem = Vec::new();
        for store in stores {
            let kept = ctx.mem_values.entry(store.clone()).or_insert(0);
            let total = kept.saturating_add(records.saturating_mul(width));
            if total > MAX_MEMSTORE_VALUES {
                return Err(self.err_attr(
                    node,
                    "target",
                    format_args!(
                        "memstore `{store}` would keep {records} records of up to {width} values \
                         each, {total} values in all with what it keeps before; a memstore holds \
                         at most {MAX_MEMSTORE_VALUES} values"
                    ),
                ));
            }
            *kept = total;
            let chunk = Arc::new(MemChunk::new(records, width, has_fields));
            ctx.mem_types
                .entry((store.clone(), name.clone()))
                .or_default()
                .push(chunk.clone());
            mem.push(MemTarget { store, chunk });
        }
        Ok(Generate {
            pos: self.pos(node),
            name,
            count,
            count_from_source,
            page_size,
            targets,
            mem,
            body,
            children,
            source,
            echoes,
            repeats,
            remove_empty,
        })
    }

    /// `target="CSV, JSON"`; CSV takes parameters in call syntax:
    /// `CSV(delimiter=';', quotechar="'", quoting='all')`.
    fn targets(
        &self,
        node: Node<'_, '_>,
        text: &str,
        (separator, separator_from): (u8, Option<SetBy>),
        memstores: &[String],
        databases: &[crate::database::DatabaseDecl],
    ) -> Result<(Vec<TargetSpec>, Vec<String>)> {
        const NAMES: &[&str] = &[
            "CSV",
            "JSON",
            "NDJSON",
            "XML",
            "SQLite",
            "TXT",
            "ConsoleExporter",
            "LogExporter",
        ];
        let mut out = Vec::new();
        let mut stores: Vec<String> = Vec::new();
        for target in split_list(text) {
            let target = target.0;
            if databases.iter().any(|d| d.id == target) {
                if out
                    .iter()
                    .any(|t| matches!(t, TargetSpec::Database(id) if *id == target))
                {
                    return Err(self.err_attr(
                        node,
                        "target",
                        format_args!("database `{target}` is named twice"),
                    ));
                }
                out.push(TargetSpec::Database(target));
                continue;
            }
            if memstores.contains(&target) {
                if stores.contains(&target) {
                    return Err(self.err_attr(
                        node,
                        "target",
                        format_args!("memstore `{target}` is named twice"),
                    ));
                }
                stores.push(target);
                continue;
            }
            let (name, args) = split_call(&target).map_err(|e| self.err_attr(node, "target", e))?;
            let mut csv = CsvOptions {
                separator,
                quote: b'"',
                quoting: Quoting::Minimal,
            };
            let spec = match name.to_ascii_lowercase().as_str() {
                "csv" => {
                    self.csv_params(node, args, &mut csv, separator_from.as_ref())?;
                    TargetSpec::File(Format::Csv, csv)
                }
                _ if !args.trim().is_empty() => {
                    return Err(self.err_attr(
                        node,
                        "target",
                        format_args!("target `{name}` takes no parameters"),
                    ));
                }
                "json" => TargetSpec::File(Format::Json, csv),
                "ndjson" => TargetSpec::File(Format::Ndjson, csv),
                "xml" => TargetSpec::File(Format::Xml, csv),
                "txt" => TargetSpec::File(Format::Txt, csv),
                "sqlite" => TargetSpec::File(Format::Sqlite, csv),
                // DATAMIMIC's LogExporter logs each record on a line of its own: here, like
                // ConsoleExporter, one JSON object per line on standard output.
                "consoleexporter" | "logexporter" => TargetSpec::Console,
                _ => {
                    let candidates = NAMES
                        .iter()
                        .copied()
                        .chain(memstores.iter().map(String::as_str))
                        .chain(databases.iter().map(|d| d.id.as_str()));
                    let hint = did_you_mean(name, candidates).unwrap_or_else(|| {
                        format!(
                            "; known targets: {}, and the ids of `<memstore>`s and `<database>`s declared before",
                            NAMES.join(", ")
                        )
                    });
                    return Err(self.err_attr(
                        node,
                        "target",
                        format_args!("unknown target `{name}`{hint}"),
                    ));
                }
            };
            out.push(spec);
        }
        Ok((out, stores))
    }

    /// `delimiter=';', quotechar="'", quoting='all'` into `csv`; a separator equal to the quote
    /// is blamed on whichever of the two was set here.
    fn csv_params(
        &self,
        node: Node<'_, '_>,
        args: &str,
        csv: &mut CsvOptions,
        separator_from: Option<&SetBy>,
    ) -> Result<()> {
        const PARAMS: &[&str] = &["delimiter", "separator", "quotechar", "quoting"];
        let target_error = |message: fmt::Arguments<'_>| self.err_attr(node, "target", message);
        let mut delimiter_param = None;
        let mut quote_given = false;
        for (key, value) in parameters(args).map_err(|e| target_error(format_args!("{e}")))? {
            match key {
                "delimiter" | "separator" => {
                    csv.separator = datamimic_export::csv::separator_byte(value)
                        .map_err(|e| target_error(format_args!("CSV `{key}`: {e}")))?;
                    delimiter_param = Some(key);
                }
                "quotechar" => {
                    csv.quote = datamimic_export::csv::quote_byte(value)
                        .map_err(|e| target_error(format_args!("CSV `quotechar`: {e}")))?;
                    quote_given = true;
                }
                "quoting" => {
                    csv.quoting = match value.to_ascii_lowercase().as_str() {
                        "minimal" => Quoting::Minimal,
                        "all" => Quoting::All,
                        "none" => Quoting::Never,
                        other => {
                            return Err(target_error(format_args!(
                                "CSV `quoting` is `minimal`, `all` or `none`, not `{other}`"
                            )));
                        }
                    }
                }
                other => {
                    let hint = did_you_mean(other, PARAMS.iter().copied())
                        .unwrap_or_else(|| format!("; known: {}", PARAMS.join(", ")));
                    return Err(target_error(format_args!(
                        "unknown CSV parameter `{other}`{hint}"
                    )));
                }
            }
        }
        if csv.separator == csv.quote {
            let shown = datamimic_export::csv::shown(csv.separator);
            const CLASH: &str = "a reader could not tell quotes from separators";
            return Err(match (quote_given, delimiter_param, separator_from) {
                (true, _, _) => {
                    let by = match (delimiter_param, separator_from) {
                        (Some(key), _) => format!("CSV `{key}`"),
                        (None, Some(set_by)) => format!("`{}` at {}", set_by.name, set_by.pos),
                        (None, None) => "the default".to_owned(),
                    };
                    target_error(format_args!(
                        "CSV `quotechar` `{shown}` is also the separator ({by}): {CLASH}"
                    ))
                }
                (false, Some(key), _) => target_error(format_args!(
                    "CSV `{key}` `{shown}` is the quote character: {CLASH}; choose another {key} or set `quotechar`"
                )),
                (false, None, Some(set_by)) => error_at(
                    &set_by.pos,
                    format_args!(
                        "`{}`: `{shown}` is the CSV quote character: {CLASH}; choose another separator or set `quotechar` in the CSV target",
                        set_by.name
                    ),
                ),
                (false, None, None) => target_error(format_args!(
                    "the CSV separator and quote character are both `{shown}`: {CLASH}"
                )),
            });
        }
        csv.validate()
            .map_err(|e| target_error(format_args!("{e}")))
    }

    fn body(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Vec<Stmt>> {
        const NESTED_BODY: &[&str] = &[
            "reference",
            "variable",
            "key",
            "id",
            "array",
            "nestedKey",
            "list",
            "condition",
            "echo",
            "element",
        ];
        self.children(node, NESTED_BODY)?
            .into_iter()
            .map(|child| self.stmt(child, ctx))
            .collect()
    }

    fn stmt(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Stmt> {
        Ok(match node.tag_name().name() {
            "variable" => Stmt::Variable(self.field(node, ctx, true)?),
            "reference" => Stmt::Key(self.reference(node, ctx)?),
            "key" | "id" => self.key(node, ctx)?,
            // An attribute of the enclosing element: a key named `@name` (as DATAMIMIC has it).
            "element" => {
                let mut field = self.field(node, ctx, false)?;
                field.name.insert(0, '@');
                Stmt::Key(field)
            }
            "array" => Stmt::Key(self.array(node, ctx)?),
            "nestedKey" => {
                let nested = self.nested(node, ctx)?;
                let name = nested.name.clone();
                self.with_condition(node, ctx, Stmt::Nested(nested), name)?
            }
            "list" => Stmt::List(self.item_list(node, ctx)?),
            "echo" => Stmt::Echo(self.echo(node, ctx)?),
            _ => Stmt::Condition(self.condition(node, ctx)?),
        })
    }

    /// `<key>`/`<id>`. With `condition`, DATAMIMIC writes the key only on records where the
    /// condition holds; elsewhere it writes `defaultValue` (an expression, `None` for null) if
    /// given, else nothing: a `<condition>` of the key and the default.
    fn key(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Stmt> {
        let mut field = self.field(node, ctx, false)?;
        field.elements = self
            .children(node, &["element"])?
            .into_iter()
            .map(|child| self.field(child, ctx, false))
            .collect::<Result<_>>()?;
        let name = field.name.clone();
        self.with_condition(node, ctx, Stmt::Key(field), name)
    }

    /// `stmt` (a `<key>` or `<nestedKey>` named `name`) under the element's `condition`, with
    /// its `defaultValue` written where the condition does not hold.
    fn with_condition(
        &self,
        node: Node<'_, 'i>,
        ctx: &mut Ctx<'_>,
        stmt: Stmt,
        name: String,
    ) -> Result<Stmt> {
        if node.attribute("condition").is_none() {
            // A nestedKey's script falls back to its default (see `nested`).
            let scripted_nested =
                node.tag_name().name() == "nestedKey" && node.attribute("script").is_some();
            if node.attribute("defaultValue").is_some() && !scripted_nested {
                return Err(self.err_attr(
                    node,
                    "defaultValue",
                    "`defaultValue` is written where `condition` does not hold; add a `condition`",
                ));
            }
            return Ok(stmt);
        }
        let pos = self.pos(node);
        let condition = self.compile(node, "condition", ctx)?;
        let default = match node.attribute("defaultValue") {
            None => None,
            Some(text) => Some(Field {
                pos: pos.clone(),
                name,
                source: if text.trim() == "None" {
                    ValueSource::Constant(Dynamic::UNIT)
                } else {
                    ValueSource::Script(self.compile(node, "defaultValue", ctx)?)
                },
                ty: None,
                null_quota: 0.0,
                converters: Vec::new(),
                in_date_format: None,
                out_date_format: None,
                elements: Vec::new(),
            }),
        };
        let mut branches = vec![Branch {
            pos: pos.clone(),
            condition: Some(condition),
            body: vec![stmt],
        }];
        if let Some(default) = default {
            branches.push(Branch {
                pos,
                condition: None,
                body: vec![Stmt::Key(default)],
            });
        }
        Ok(Stmt::Condition(branches))
    }

    /// `<list name>` of `<item condition>`s.
    fn item_list(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<ItemList> {
        self.check_attrs(node, &["name", "converter"])?;
        let name = self.required(node, "name")?.to_owned();
        self.key_name(node, ctx, &name)?;
        let remove_empty = match node.attribute("converter").map(str::trim) {
            None => false,
            Some("RemoveNoneOrEmptyElement") => true,
            Some(other) => {
                let hint = did_you_mean(other, ["RemoveNoneOrEmptyElement"]).unwrap_or_default();
                return Err(self.err_attr(
                    node,
                    "converter",
                    format_args!(
                        "`{other}` does not apply to a `<list>`; only `RemoveNoneOrEmptyElement` \
                         does{hint}"
                    ),
                ));
            }
        };
        let mut items = Vec::new();
        for child in self.children(node, &["item"])? {
            self.check_attrs(child, &["condition"])?;
            let condition = match child.attribute("condition") {
                Some(_) => Some(self.compile(child, "condition", ctx)?),
                None => None,
            };
            items.push(Branch {
                pos: self.pos(child),
                condition,
                body: self.body(child, ctx)?,
            });
        }
        if items.is_empty() {
            bail!("{}: `<list>` needs at least one `<item>`", self.pos(node));
        }
        Ok(ItemList {
            pos: self.pos(node),
            name,
            items,
            remove_empty,
        })
    }

    fn condition(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Vec<Branch>> {
        self.check_attrs(node, &[])?;
        let mut branches = Vec::new();
        let mut seen_else = false;
        for child in self.children(node, &["if", "else-if", "else"])? {
            let tag = child.tag_name().name();
            let expected_first = branches.is_empty();
            if (tag == "if") != expected_first || seen_else {
                bail!(
                    "{}: `<condition>` takes one `<if>`, then `<else-if>`s, then at most one `<else>`",
                    self.pos(child)
                );
            }
            let condition = if tag == "else" {
                self.check_attrs(child, &[])?;
                seen_else = true;
                None
            } else {
                self.check_attrs(child, &["condition"])?;
                self.required(child, "condition")?;
                Some(self.compile(child, "condition", ctx)?)
            };
            branches.push(Branch {
                pos: self.pos(child),
                condition,
                body: self.body(child, ctx)?,
            });
        }
        if branches.is_empty() {
            bail!("{}: `<condition>` needs an `<if>`", self.pos(node));
        }
        Ok(branches)
    }

    fn nested(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Nested> {
        self.check_attrs(
            node,
            &[
                "name",
                "type",
                "count",
                "script",
                "condition",
                "defaultValue",
                "minCount",
                "maxCount",
                "source",
                "cyclic",
                "distribution",
                "separator",
                "sourceScripted",
            ],
        )?;
        let name = self.required(node, "name")?.to_owned();
        self.key_name(node, ctx, &name)?;
        let mut source = self.nested_source(node, ctx)?;
        self.source_scripted(node, source.as_mut(), ctx)?;
        let range = self.count_range(node, ctx)?;
        let mut min_count = None;
        let list = match self.attr(node, "type").unwrap_or("dict") {
            "dict" => {
                for attr in ["count", "minCount", "maxCount"] {
                    if self.attr(node, attr).is_some() {
                        return Err(self.err_attr(
                            node,
                            attr,
                            "only a `type=\"list\"` nestedKey takes a count",
                        ));
                    }
                }
                None
            }
            "list" => Some(match (range, self.attr(node, "count")) {
                (Some((least, most)), _) => {
                    min_count = Some(least);
                    most
                }
                (None, Some(c)) => self.parse_u64(node, "count", c)?,
                // Every row of a source once.
                (None, None) => source.as_ref().map_or(1, |s| s.rows.len()),
            }),
            other => {
                return Err(self.err_attr(
                    node,
                    "type",
                    format_args!("`{other}` is neither `dict` nor `list`"),
                ));
            }
        };
        // With a `defaultValue`, a script that fails gives the default (DATAMIMIC), so an
        // empty one always does.
        let default = self.attr(node, "defaultValue").is_some();
        let (script, fallback) = match self.attr(node, "script") {
            Some(text) if text.trim().is_empty() && default => {
                (Some(self.compile(node, "defaultValue", ctx)?), None)
            }
            Some(_) if default => (
                Some(self.compile(node, "script", ctx)?),
                Some(self.compile(node, "defaultValue", ctx)?),
            ),
            Some(_) => (Some(self.compile(node, "script", ctx)?), None),
            None => (None, None),
        };
        if source.is_some() && list.is_none() {
            return Err(self.err_attr(
                node,
                "source",
                "only a `type=\"list\"` nestedKey takes a `source` yet",
            ));
        }
        if source.is_some() && script.is_some() {
            return Err(self.err_attr(
                node,
                "script",
                "a nestedKey takes `source` or `script`, not both",
            ));
        }
        ctx.nested.push(name.clone());
        let body = self.body(node, ctx);
        ctx.nested.pop();
        let body = body?;
        let nested = Nested {
            fallback,
            source: source.map(Box::new),
            pos: self.pos(node),
            name,
            list,
            min_count,
            script,
            body,
        };
        if let Some(count) = list {
            let element = 1 + descriptor::values(&nested.body);
            if count.saturating_mul(element) >= MAX_RECORD_VALUES {
                return Err(self.err_attr(
                    node,
                    "count",
                    format_args!(
                        "{count} elements of {element} values each: a record holds at most \
                         {MAX_RECORD_VALUES} values"
                    ),
                ));
            }
        }
        Ok(nested)
    }

    /// A nestedKey's `source` (a CSV or JSON file or a memstore, not a database: its rows are
    /// needed when the descriptor is read), with DATAMIMIC's default `distribution="random"`.
    fn nested_source(&self, node: Node<'_, '_>, ctx: &mut Ctx<'_>) -> Result<Option<RowSource>> {
        let Some(mut source) = self.row_source(node, ctx, ctx.separator, true)? else {
            return Ok(None);
        };
        if !source.rows.known() {
            return Err(self.err_attr(
                node,
                "source",
                "a nestedKey cannot read a database yet; give it a file or a memstore",
            ));
        }
        if node.attribute("distribution").is_none() {
            source.distribution = Distribution::Random;
        }
        Ok(Some(source))
    }

    /// `sourceScripted="True"`: the source's `{expressions}` become scripts
    /// (`crate::source_scripted`).
    fn source_scripted(
        &self,
        node: Node<'_, '_>,
        source: Option<&mut RowSource>,
        ctx: &Ctx<'_>,
    ) -> Result<()> {
        let Some(flag) = self.attr(node, "sourceScripted") else {
            return Ok(());
        };
        match flag {
            "True" | "true" => {}
            "False" | "false" => return Ok(()),
            other => {
                return Err(self.err_attr(
                    node,
                    "sourceScripted",
                    format_args!("`{other}` is neither `True` nor `False`"),
                ));
            }
        }
        let Some(source) = source else {
            return Err(self.err_attr(node, "sourceScripted", "needs a `source`"));
        };
        crate::source_scripted::script_rows(
            source,
            ctx.engine,
            &self.attr_pos(node, "sourceScripted"),
        )
    }

    fn ty(&self, node: Node<'_, '_>) -> Result<Option<Type>> {
        Ok(match self.attr(node, "type") {
            None => None,
            Some("string" | "str") => Some(Type::String),
            Some("int" | "integer") => Some(Type::Int),
            Some("float" | "decimal") => Some(Type::Float),
            Some("bool") => Some(Type::Bool),
            Some(other) => {
                let hint = did_you_mean(other, ["string", "int", "float", "decimal", "bool"])
                    .unwrap_or_default();
                return Err(self.err_attr(
                    node,
                    "type",
                    format_args!("unknown type `{other}`{hint}"),
                ));
            }
        })
    }

    fn array(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>) -> Result<Field> {
        self.check_attrs(node, &["name", "script", "count", "type"])?;
        let name = self.required(node, "name")?.to_owned();
        self.key_name(node, ctx, &name)?;
        let ty = self.ty(node)?;
        let source = match (self.attr(node, "script"), self.attr(node, "count")) {
            (Some(_), None) => ValueSource::Script(self.compile(node, "script", ctx)?),
            (None, Some(c)) => match self.parse_u64(node, "count", c)? {
                count if count > MAX_RECORD_VALUES => {
                    return Err(self.err_attr(
                        node,
                        "count",
                        format_args!(
                            "{count} elements: a record holds at most {MAX_RECORD_VALUES} values"
                        ),
                    ));
                }
                count => ValueSource::RandomArray(count),
            },
            (Some(_), Some(_)) => bail!(
                "{}: `<array>` takes `script` or `count`, not both",
                self.pos(node)
            ),
            (None, None) => bail!(
                "{}: `<array>` needs `script` or `count` with `type`",
                self.pos(node)
            ),
        };
        Ok(Field {
            pos: self.pos(node),
            name,
            source,
            ty,
            null_quota: 0.0,
            converters: Vec::new(),
            in_date_format: None,
            out_date_format: None,
            elements: Vec::new(),
        })
    }

    fn field(&self, node: Node<'_, 'i>, ctx: &mut Ctx<'_>, variable: bool) -> Result<Field> {
        self.check_attrs(
            node,
            if variable {
                VARIABLE_ATTRS
            } else {
                FIELD_ATTRS
            },
        )?;
        let name = self.required(node, "name")?.to_owned();
        if !variable {
            self.key_name(node, ctx, &name)?;
        } else if let Some(child) = node.children().find(|c| {
            // An entity variable's `<param>`s are its constructor's arguments.
            c.is_element() && !(c.has_tag_name("param") && node.attribute("entity").is_some())
        }) {
            // Skipping them would drop what they ask for.
            bail!(
                "{}: `<variable>` `{name}` takes no child elements (`<{}>`) but an entity's \
                 `<param name=\"...\" value=\"...\"/>` arguments, which go in its attribute \
                 too (`entity=\"Person(min_age=18)\"`)",
                self.pos(child),
                child.tag_name().name()
            );
        }
        // On a variable reading a memstore, `type` names the records, not a value type.
        let mem_source = variable
            && node.attribute("source").is_some_and(|s| {
                ctx.memstores.iter().any(|m| m == s) || ctx.databases.iter().any(|d| d.id == s)
            });
        let ty = if mem_source { None } else { self.ty(node)? };
        let given: Vec<&str> = [
            "source",
            "entity",
            "script",
            "constant",
            "values",
            "pattern",
            "generator",
        ]
        .into_iter()
        .filter(|a| node.attribute(*a).is_some())
        .collect();
        if given.len() > 1 {
            bail!(
                "{}: `{}` and `{}` cannot be combined on `<{}>`",
                self.pos(node),
                given[0],
                given[1],
                node.tag_name().name()
            );
        }
        let has_range = node.attribute("min").is_some() || node.attribute("max").is_some();
        if node.attribute("weights").is_some() && node.attribute("values").is_none() {
            return Err(self.err_attr(node, "weights", "`weights` needs `values`"));
        }
        let source = match given.first().copied() {
            Some("source") => {
                let uri = self.value(node, "source", ctx)?.unwrap_or_default();
                if uri.ends_with(".wgt.csv") {
                    self.weighted_source(node, ctx, &uri, &name)?
                } else if !variable {
                    return Err(self.err_attr(
                        node,
                        "source",
                        format_args!(
                            "`{uri}`: a `<{}>` reads weighted values (`*.wgt.csv`); rows of \
                             other sources go on a `<variable>`",
                            node.tag_name().name()
                        ),
                    ));
                } else {
                    ValueSource::Rows(
                        self.row_source(node, ctx, ctx.separator, true)?
                            .ok_or_else(|| self.err_attr(node, "source", "missing"))?,
                    )
                }
            }
            Some("entity") => {
                let (entity, tag) = self.entity(node, ctx)?;
                ValueSource::Entity(entity, tag, None)
            }
            Some("script") => ValueSource::Script(self.compile(node, "script", ctx)?),
            Some("constant") => ValueSource::Constant(self.required(node, "constant")?.into()),
            Some("values") => self.values(node, &name)?,
            Some("pattern") => {
                let p = self.required(node, "pattern")?;
                let regex = crate::regex::RegexGen::new(p).map_err(|e| {
                    self.err_attr(
                        node,
                        "pattern",
                        format_args!("invalid regular expression: {e}"),
                    )
                })?;
                self.pattern_fits(node, &regex, ty)?;
                ValueSource::Pattern(regex)
            }
            Some(_) => match self.python_call(node, "generator", None, ".generate()", ctx)? {
                Some(call) => ValueSource::Generator(Generator::Python(call)),
                None => ValueSource::Generator(self.generator(node, ctx)?),
            },
            None if has_range || ty.is_some() => self.range(node, ty)?,
            None => bail!(
                "{}: `<{}>` `{name}` needs one of `script`, `constant`, `values`, `pattern`, `generator`{}, or `type` with `min`/`max`",
                self.pos(node),
                node.tag_name().name(),
                if variable { ", `entity`" } else { "" }
            ),
        };
        if has_range
            && !matches!(
                source,
                ValueSource::IntRange(..) | ValueSource::FloatRange(..)
            )
        {
            return Err(self.err_attr(
                node,
                if node.attribute("min").is_some() {
                    "min"
                } else {
                    "max"
                },
                "`min`/`max` only go with `type` alone",
            ));
        }
        if matches!(source, ValueSource::Generator(Generator::DateTime(_)))
            && !matches!(ty, None | Some(Type::String))
        {
            return Err(self.err_attr(
                node,
                "type",
                "a `DateTimeGenerator` value is a datetime; only `type=\"string\"` fits it",
            ));
        }
        let null_quota = match self.attr(node, "nullQuota") {
            Some(q) => {
                let q = self.parse_f64(node, "nullQuota", q)?;
                if !(0.0..=1.0).contains(&q) {
                    return Err(self.err_attr(
                        node,
                        "nullQuota",
                        format_args!("{q} is not between 0 and 1"),
                    ));
                }
                q
            }
            None => 0.0,
        };
        let converters = match self.attr(node, "converter") {
            Some(c) => self.converters(node, c, ctx)?,
            None => Vec::new(),
        };
        let date_format = |attr: &str| {
            self.attr(node, attr)
                .map(|f| DateFormat::new(f).map_err(|e| self.err_attr(node, attr, e)))
                .transpose()
        };
        Ok(Field {
            pos: self.pos(node),
            name,
            source,
            ty,
            null_quota,
            converters,
            in_date_format: date_format("inDateFormat")?,
            out_date_format: date_format("outDateFormat")?,
            elements: Vec::new(),
        })
    }

    /// `type` with `min`/`max`: floats for `type="float"`, integers otherwise; every bound
    /// must be representable, and some value must lie between them.
    fn range(&self, node: Node<'_, '_>, ty: Option<Type>) -> Result<ValueSource> {
        let (min_text, max_text) = (self.attr(node, "min"), self.attr(node, "max"));
        match (ty, min_text.or(max_text)) {
            // DATAMIMIC's random value of the type: 0 to 20 ASCII letters, or a fair bool.
            (Some(Type::String), None) => {
                let letters = crate::regex::RegexGen::new("[A-Za-z]{0,20}")
                    .map_err(|e| anyhow!("{}: {e}", self.pos(node)))?;
                return Ok(ValueSource::Pattern(letters));
            }
            (Some(Type::Bool), None) => return Ok(ValueSource::Generator(Generator::Boolean)),
            (Some(ty @ (Type::String | Type::Bool)), Some(_)) => {
                let name = if ty == Type::String { "string" } else { "bool" };
                return Err(self.err_attr(
                    node,
                    if min_text.is_some() { "min" } else { "max" },
                    format_args!("`min`/`max` go with `type=\"int\"` or `\"float\"`, not `{name}`"),
                ));
            }
            _ => {}
        }
        if ty == Some(Type::Float) {
            let min = min_text.map_or(Ok(0.0), |v| self.parse_f64(node, "min", v))?;
            let max = max_text.map_or(Ok(1.0), |v| self.parse_f64(node, "max", v))?;
            if let Some(problem) = float_bounds_problem(min, max) {
                return Err(error_at(&self.attr_pos(node, "min"), problem));
            }
            return Ok(ValueSource::FloatRange(min, max));
        }
        // A fractional bound rounds inwards: `min="1.5"` starts at 2.
        let min = min_text.map_or(Ok(0), |v| self.parse_i64(node, "min", v, f64::ceil))?;
        let max = max_text.map_or(Ok(100), |v| self.parse_i64(node, "max", v, f64::floor))?;
        if min > max {
            let (shown_min, shown_max) = (min_text.unwrap_or("0"), max_text.unwrap_or("100"));
            let relation = if shown_min.trim().parse::<f64>().ok() > shown_max.trim().parse().ok() {
                "is above"
            } else {
                "leaves no integer up to"
            };
            return Err(error_at(
                &self.attr_pos(node, "min"),
                format_args!("`min` {shown_min} {relation} `max` {shown_max}"),
            ));
        }
        Ok(ValueSource::IntRange(min, max))
    }

    /// An integer bound: exact when written as one, else a finite number rounded by `round`;
    /// either way inside the 64-bit range.
    fn parse_i64(
        &self,
        node: Node<'_, '_>,
        name: &str,
        text: &str,
        round: fn(f64) -> f64,
    ) -> Result<i64> {
        let trimmed = text.trim();
        if let Ok(v) = trimmed.parse::<i64>() {
            return Ok(v);
        }
        let out_of_range = || {
            self.err_attr(
                node,
                name,
                format_args!(
                    "`{text}` is outside the 64-bit integer range ({} to {})",
                    i64::MIN,
                    i64::MAX
                ),
            )
        };
        let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(out_of_range());
        }
        let v = round(self.parse_f64(node, name, text)?);
        // 2^63 is exact as an f64; every float below it and at or above -2^63 fits.
        if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v) {
            Ok(v as i64)
        } else {
            Err(out_of_range())
        }
    }

    /// A pattern under `type="int"` or `"float"` must not produce more digits than the
    /// type holds, or only the records that draw a long value would fail.
    fn pattern_fits(
        &self,
        node: Node<'_, '_>,
        regex: &crate::regex::RegexGen,
        ty: Option<Type>,
    ) -> Result<()> {
        // Any 18 characters that read as an integer fit an i64; any 308 that read as a
        // number fit a finite f64.
        let (limit, what) = match ty {
            Some(Type::Int) => (18, "an `int` takes at most 18"),
            Some(Type::Float) => (308, "a `float` takes at most 308"),
            _ => return Ok(()),
        };
        let longest = regex.max_chars();
        if longest > limit {
            return Err(self.err_attr(
                node,
                "pattern",
                format_args!("can produce {longest} characters, but {what}"),
            ));
        }
        Ok(())
    }

    /// The argument of an entity variable's `<param name="min_age" value="18"/>`, checked
    /// alone and against the arguments `given` before it (in the `entity` attribute or
    /// earlier `<param>`s).
    fn entity_param(
        &self,
        param: Node<'_, '_>,
        given: &[(&str, &str)],
    ) -> Result<(String, String)> {
        self.check_attrs(param, &["name", "value"])?;
        let name = self.required(param, "name")?;
        let value = self.required(param, "value")?;
        if given.iter().any(|(n, _)| *n == name.trim()) {
            return Err(self.err_attr(
                param,
                "name",
                format_args!(
                    "`{name}` given twice: in the `entity` attribute or another `<param>`"
                ),
            ));
        }
        EntityArguments::parse(&[(name.trim(), value)]).map_err(|e| {
            let attr = if e.starts_with("unknown") {
                "name"
            } else {
                "value"
            };
            self.err_attr(param, attr, e)
        })?;
        Ok((name.trim().to_owned(), value.to_owned()))
    }

    /// The entity of `node`'s `entity` attribute, and the tag its values carry to scripts.
    fn entity(
        &self,
        node: Node<'_, '_>,
        ctx: &Ctx<'_>,
    ) -> Result<(Box<dyn Entity>, crate::script_domains::EntityTag)> {
        let text = self.required(node, "entity")?.trim();
        // `Person(min_age=18, max_age=65)`: DATAMIMIC's constructor form.
        let (name, args) = split_call(text).map_err(|e| self.err_attr(node, "entity", e))?;
        let def = entities::find(name).map_err(|e| self.err_attr(node, "entity", e))?;
        let constructed = parameters(args).map_err(|e| self.err_attr(node, "entity", e))?;
        EntityArguments::parse(&constructed).map_err(|e| self.err_attr(node, "entity", e))?;
        let mut params: Vec<(String, String)> = Vec::new();
        for param in node.children().filter(|c| c.has_tag_name("param")) {
            let mut given = constructed.clone();
            given.extend(params.iter().map(|(n, v)| (n.as_str(), v.as_str())));
            let pair = self.entity_param(param, &given)?;
            params.push(pair);
        }
        let mut pairs = constructed;
        pairs.extend(params.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        let arguments =
            EntityArguments::parse(&pairs).map_err(|e| self.err_attr(node, "entity", e))?;
        let constructor_ages = (arguments.min_age, arguments.max_age);
        let u32_attr = |attr: &str| -> Result<Option<u32>> {
            self.attr(node, attr)
                .map(|v| {
                    v.trim().parse::<u32>().map_err(|_| {
                        self.err_attr(
                            node,
                            attr,
                            format_args!("`{v}` is not a non-negative integer"),
                        )
                    })
                })
                .transpose()
        };
        let list = |attr: &str| -> Vec<String> {
            self.attr(node, attr)
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().trim_matches('\'').to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let seed = match self.attr(node, "rngSeed") {
            Some(s) => Some(self.parse_u64(node, "rngSeed", s)?),
            // Without its own seed, a variable's stream comes from the run seed and its name.
            None => ctx.seed.map(|s| {
                crate::seed::derive_seed(
                    s,
                    &format!(
                        "variable:{}/{}",
                        ctx.path,
                        self.attr(node, "name").unwrap_or("")
                    ),
                )
            }),
        };
        let locale = self
            .attr(node, "locale")
            .map(|l| {
                crate::locale::dataset_of_locale(l).map_err(|e| self.err_attr(node, "locale", e))
            })
            .transpose()?;
        let dataset = match (self.attr(node, "dataset"), locale) {
            (Some(given), Some(code)) if !given.trim().eq_ignore_ascii_case(&code) => {
                return Err(self.err_attr(
                    node,
                    "locale",
                    format_args!("names dataset {code}, but `dataset` is `{given}`"),
                ));
            }
            (Some(given), _) => Some(given.to_owned()),
            (None, Some(code)) => Some(code),
            (None, None) => ctx.dataset.clone(),
        };
        let age = |attr: &str, constructor: Option<u32>, argument: &str| -> Result<Option<u32>> {
            match (u32_attr(attr)?, constructor) {
                (Some(_), Some(_)) => Err(self.err_attr(
                    node,
                    attr,
                    format_args!("given twice: as `{attr}` and as `{argument}` in `entity`"),
                )),
                (given, constructed) => Ok(given.or(constructed)),
            }
        };
        let options = EntityOptions {
            dataset,
            strict: ctx.options.strict,
            seed,
            age_min: age("ageMin", constructor_ages.0, "min_age")?,
            age_max: age("ageMax", constructor_ages.1, "max_age")?,
            conditions_include: list("conditionsInclude"),
            conditions_exclude: list("conditionsExclude"),
        };
        if let (Some(min), Some(max)) = (options.age_min, options.age_max)
            && min > max
        {
            if self.attr(node, "ageMin").is_none() && self.attr(node, "ageMax").is_none() {
                return Err(self.err_attr(
                    node,
                    "entity",
                    format_args!("`min_age` {min} is above `max_age` {max}"),
                ));
            }
            return Err(self.err_attr(
                node,
                "ageMin",
                format_args!("{min} is above `ageMax` {max}"),
            ));
        }
        let tag = crate::script_domains::entity_tag(def.name, options.dataset.as_deref());
        let entity = crate::entity_arguments::build(def, &options, arguments.quotas)
            .map_err(|e| error_at(&self.pos(node), format_args!("{e:#}")))?;
        Ok((entity, tag))
    }

    /// Two named arguments of a call (`IncrementGenerator(start=1, step=2)`), each at most
    /// once, parsed as `T`; errors are placed at attribute `attr`.
    fn named_pair<T: std::str::FromStr>(
        &self,
        node: Node<'_, '_>,
        attr: &str,
        call: &str,
        args: &str,
        names: [&str; 2],
        expected: &str,
    ) -> Result<(Option<T>, Option<T>)> {
        let pairs = parameters(args).map_err(|e| self.err_attr(node, attr, e))?;
        let mut slots: [Option<T>; 2] = [None, None];
        for (key, value) in pairs {
            let Some(i) = names.iter().position(|n| *n == key) else {
                let hint = did_you_mean(key, names.iter().copied())
                    .unwrap_or_else(|| format!("; supported: {}", names.join(", ")));
                return Err(self.err_attr(
                    node,
                    attr,
                    format_args!("unknown {call} argument `{key}`{hint}"),
                ));
            };
            if slots[i].is_some() {
                return Err(self.err_attr(node, attr, format_args!("`{key}` given twice")));
            }
            slots[i] = Some(value.trim().parse::<T>().map_err(|_| {
                self.err_attr(
                    node,
                    attr,
                    format_args!("`{key}`: `{value}` is not {expected}"),
                )
            })?);
        }
        let [first, second] = slots;
        Ok((first, second))
    }

    fn values(&self, node: Node<'_, '_>, name: &str) -> Result<ValueSource> {
        let text = self.required(node, "values")?;
        let items = split_list(text);
        if items.is_empty() {
            return Err(self.err_attr(node, "values", "no values"));
        }
        let weights: Vec<String> = match self.attr(node, "weights") {
            Some(w) => split_list(w).into_iter().map(|(s, _)| s).collect(),
            None => vec!["1".to_owned(); items.len()],
        };
        if weights.len() != items.len() {
            return Err(self.err_attr(
                node,
                "weights",
                format_args!("{} weights for {} values", weights.len(), items.len()),
            ));
        }
        let rows: Vec<Vec<String>> = items.iter().map(|(s, _)| vec![s.clone()]).collect();
        let weight_refs: Vec<&str> = weights.iter().map(String::as_str).collect();
        let table = Table::build_leaked(name, &["value"], rows, &weight_refs)
            .map_err(|e| self.err_attr(node, "weights", e))?;
        let values = items
            .into_iter()
            .map(|(s, quoted)| literal(&s, quoted).map_err(|e| self.err_attr(node, "values", e)))
            .collect::<Result<_>>()?;
        Ok(ValueSource::Values(table, values))
    }

    /// A call (`Name(args)`) in attribute `attr` whose name must be one of `known` (of this
    /// `kind`); the name is checked first, since the arguments' meaning depends on it.
    fn known_call<'t>(
        &self,
        node: Node<'_, '_>,
        attr: &str,
        text: &'t str,
        known: &[&str],
        kind: &str,
    ) -> Result<(&'t str, &'t str)> {
        let (name, args) = split_call(text).map_err(|e| self.err_attr(node, attr, e))?;
        if !known.contains(&name) {
            return Err(self.err_attr(node, attr, names::unknown(name, known, kind)));
        }
        Ok((name, args))
    }

    fn generator(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<Generator> {
        const NAMES: &[&str] = &[
            "IncrementGenerator",
            "UUIDGenerator",
            "BooleanGenerator",
            "IntegerGenerator",
            "FloatGenerator",
            "DateTimeGenerator",
            "StringGenerator",
            "EmailAddressGenerator",
            "CPFGenerator",
            "CNPJGenerator",
        ];
        let text = self.required(node, "generator")?;
        // Script-served generators were taken before this (`python_call`); the error still
        // names them, so a misspelt `DomainGeneratr` is pointed at `DomainGenerator`.
        let every: Vec<&str> = NAMES
            .iter()
            .chain(crate::script_generators::GENERATORS)
            .chain(crate::script_data_faker::GENERATORS)
            .copied()
            .collect();
        let (name, args) = split_call(text).map_err(|e| self.err_attr(node, "generator", e))?;
        if !NAMES.contains(&name) {
            let why = names::unknown(name, &every, "generator");
            return Err(self.err_attr(node, "generator", why));
        }
        if name == "StringGenerator" {
            return self.string_generator(node, args);
        }
        if name == "DateTimeGenerator" {
            return self.datetime_generator(node, args, ctx);
        }
        if name == "IncrementGenerator" {
            return self.increment_generator(node, args);
        }
        if name == "EmailAddressGenerator" {
            return self.email_generator(node, args, ctx);
        }
        let mut min = None;
        let mut max = None;
        for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let (k, v) = arg.split_once('=').unwrap_or(("", arg));
            match k.trim() {
                "min" => min = Some(v),
                "max" => max = Some(v),
                other => {
                    return Err(self.err_attr(
                        node,
                        "generator",
                        format_args!("unknown generator argument `{other}`"),
                    ));
                }
            }
        }
        let g = match name {
            "UUIDGenerator" | "BooleanGenerator" | "CPFGenerator" | "CNPJGenerator"
                if min.is_some() || max.is_some() =>
            {
                return Err(self.err_attr(
                    node,
                    "generator",
                    format_args!("`{name}` takes no arguments"),
                ));
            }
            "UUIDGenerator" => Generator::Uuid,
            "BooleanGenerator" => Generator::Boolean,
            "CPFGenerator" => Generator::Cpf,
            "CNPJGenerator" => Generator::Cnpj,
            "IntegerGenerator" => {
                let bound = |v: Option<&str>, default: i64, round: fn(f64) -> f64| {
                    v.map_or(Ok(default), |v| self.parse_i64(node, "generator", v, round))
                };
                let low = bound(min, 0, f64::ceil)?;
                let high = bound(max, 1_000_000, f64::floor)?;
                if low > high {
                    return Err(self.err_attr(
                        node,
                        "generator",
                        format_args!("`min` {low} is above `max` {high}"),
                    ));
                }
                Generator::Integer(low, high)
            }
            "FloatGenerator" => {
                let bound = |v: Option<&str>, default: f64| {
                    v.map_or(Ok(default), |v| self.parse_f64(node, "generator", v))
                };
                let (low, high) = (bound(min, 0.0)?, bound(max, 1.0)?);
                if let Some(problem) = float_bounds_problem(low, high) {
                    return Err(self.err_attr(node, "generator", problem));
                }
                Generator::Float(low, high)
            }
            _ => unreachable!("`{name}` is checked against the known names above"),
        };
        Ok(g)
    }

    /// `StringGenerator(min_len=.., max_len=.., char_set='..', prefix='..', suffix='..')`.
    fn string_generator(&self, node: Node<'_, '_>, args: &str) -> Result<Generator> {
        const TAKEN: &[&str] = &["min_len", "max_len", "char_set", "prefix", "suffix"];
        let err =
            |m: String| self.err_attr(node, "generator", format_args!("StringGenerator: {m}"));
        let mut given: HashMap<&str, &str> = HashMap::new();
        for (key, value) in parameters(args).map_err(&err)? {
            if !TAKEN.contains(&key) {
                let hint = did_you_mean(key, TAKEN.iter().copied())
                    .unwrap_or_else(|| format!("; known: {}", TAKEN.join(", ")));
                return Err(err(format!("unknown parameter `{key}`{hint}")));
            }
            if given.insert(key, value).is_some() {
                return Err(err(format!("`{key}` is given twice")));
            }
        }
        let length = |key: &str| {
            given
                .get(key)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .map_err(|_| err(format!("`{key}`: `{v}` is not a non-negative integer")))
                })
                .transpose()
        };
        let generator = crate::string_gen::StringGen::new(
            length("min_len")?,
            length("max_len")?,
            given.get("char_set").copied(),
            given.get("prefix").copied().unwrap_or(""),
            given.get("suffix").copied().unwrap_or(""),
        )
        .map_err(err)?;
        Ok(Generator::String(generator))
    }

    /// `EmailAddressGenerator`: a person's email of the setup's dataset, from a stream of the
    /// generator's own (the run seed and the key's place).
    fn email_generator(&self, node: Node<'_, '_>, args: &str, ctx: &Ctx<'_>) -> Result<Generator> {
        if !args.trim().is_empty() {
            return Err(self.err_attr(
                node,
                "generator",
                "`EmailAddressGenerator` takes no arguments here (its dataset is the setup's)",
            ));
        }
        let def = entities::find("Person").map_err(|e| self.err_attr(node, "generator", e))?;
        let pos = self.attr_pos(node, "generator");
        let options = EntityOptions {
            dataset: ctx.dataset.clone(),
            strict: ctx.options.strict,
            seed: ctx
                .seed
                .map(|s| crate::seed::derive_seed(s, &format!("generator:{pos}"))),
            age_min: None,
            age_max: None,
            conditions_include: Vec::new(),
            conditions_exclude: Vec::new(),
        };
        let entity = def
            .build(&options)
            .map_err(|e| error_at(&self.pos(node), format_args!("{e:#}")))?;
        Ok(Generator::Email(crate::descriptor::EntityField {
            entity: Arc::from(entity),
            field: "email",
        }))
    }

    /// `IncrementGenerator(start=.., step=..)`, both integers (defaults 1 and 1).
    fn increment_generator(&self, node: Node<'_, '_>, args: &str) -> Result<Generator> {
        let (start, step) = self.named_pair(
            node,
            "generator",
            "`IncrementGenerator`",
            args,
            ["start", "step"],
            "a 64-bit integer",
        )?;
        Ok(Generator::Increment {
            start: start.unwrap_or(1),
            step: step.unwrap_or(1),
        })
    }

    /// `DateTimeGenerator(...)`: `value` alone, else a uniform draw between `min` (default
    /// 1970-01-01) and `max` (default the clock anchor) when either is given or
    /// `random=True`, else the clock anchor (2025-01-01 12:00:00, DATAMIMIC's seeded "now").
    /// Calendar weights and selections ([`crate::datetime_sugar`]) bias the draw; `seed=N`
    /// draws from a stream of its own, the same for every run seed.
    fn datetime_generator(
        &self,
        node: Node<'_, '_>,
        args: &str,
        ctx: &Ctx<'_>,
    ) -> Result<Generator> {
        const TAKEN: &[&str] = &[
            "min",
            "max",
            "value",
            "random",
            "random_mode",
            "input_format",
            "month_weights",
            "weekday_weights",
            "dom_weights",
            "hour_weights",
            "minute_weights",
            "second_weights",
            "months",
            "months_exclude",
            "weekdays",
            "dom",
            "hours_preset",
            "minute_granularity",
            "second_granularity",
            "seed",
        ];
        let err =
            |m: String| self.err_attr(node, "generator", format_args!("DateTimeGenerator: {m}"));
        let mut given: HashMap<&str, &str> = HashMap::new();
        for (key, value) in parameters(args).map_err(&err)? {
            if !TAKEN.contains(&key) {
                let hint = did_you_mean(key, TAKEN.iter().copied())
                    .unwrap_or_else(|| format!("; known: {}", TAKEN.join(", ")));
                return Err(err(format!("unknown parameter `{key}`{hint}")));
            }
            if given.insert(key, value).is_some() {
                return Err(err(format!("`{key}` is given twice")));
            }
        }
        if given.contains_key("random") && given.contains_key("random_mode") {
            return Err(err(
                "`random_mode` is another name of `random`: give one".to_owned()
            ));
        }
        let random = match given.get("random").or(given.get("random_mode")).copied() {
            None | Some("False" | "false") => false,
            Some("True" | "true") => true,
            Some(other) => {
                return Err(err(format!("`random` is `True` or `False`, not `{other}`")));
            }
        };
        let input_format = given.get("input_format").copied();
        if let Some(f) = input_format {
            DateFormat::new(f).map_err(&err)?;
        }
        let read = |key: &str| {
            given
                .get(key)
                .map(|text| {
                    crate::datetime::parse_datetime(text, input_format)
                        .map_err(|e| err(format!("`{key}`: {e}")))
                })
                .transpose()
        };
        let (min, max, value) = (read("min")?, read("max")?, read("value")?);
        let anchor = || {
            crate::datetime::from_epoch_seconds(datamimic::Clock::ANCHOR)
                .expect("the anchor is a valid time")
        };
        let mut weights = CalendarWeights::default();
        // In a fixed order, so a run with two bad lists always names the same one.
        for key in TAKEN {
            let (Some(len), Some(text)) =
                (crate::datetime_weights::expected_len(key), given.get(key))
            else {
                continue;
            };
            let parsed = crate::datetime_weights::parse_weights(text, len)
                .or_else(|literal| {
                    // Only a comprehension goes to the interpreter (no huge `[1]*10**12`).
                    let comprehension =
                        text.trim_start().starts_with('[') && text.contains(" for ");
                    match comprehension {
                        true => self
                            .python_weights(node, text, len, ctx)
                            .unwrap_or(Err(literal)),
                        false => Err(literal),
                    }
                })
                .map_err(|e| err(format!("`{key}`: {e}")))?;
            *match *key {
                "month_weights" => &mut weights.month,
                "weekday_weights" => &mut weights.weekday,
                "dom_weights" => &mut weights.dom,
                "hour_weights" => &mut weights.hour,
                "minute_weights" => &mut weights.minute,
                _ => &mut weights.second,
            } = Some(parsed);
        }
        self.datetime_selections(&given, &mut weights)
            .map_err(&err)?;
        let weighted = weights != CalendarWeights::default();
        let seed = given
            .get("seed")
            .map(|text| {
                text.trim()
                    .parse::<u64>()
                    .map_err(|_| err(format!("`seed`: `{text}` is not a non-negative integer")))
            })
            .transpose()?;
        let generator = match value {
            Some(_) if min.is_some() || max.is_some() || random || weighted => {
                return Err(err(
                    "`value` cannot be combined with `min`, `max`, `random` or weights".to_owned(),
                ));
            }
            Some(at) => DateTimeGen::fixed(at),
            None if min.is_none() && max.is_none() && !random && !weighted => {
                DateTimeGen::fixed(anchor())
            }
            None => {
                let low = min.unwrap_or_else(|| {
                    crate::datetime::from_epoch_seconds(DateTimeGen::RANDOM_MIN)
                        .expect("the epoch is a valid time")
                });
                let high = max.unwrap_or_else(anchor);
                if weighted {
                    DateTimeGen::weighted(low, high, &weights).map_err(&err)?
                } else {
                    DateTimeGen::between(low, high)
                        .ok_or_else(|| err(format!("`min` {low} is after `max` {high}")))?
                }
            }
        };
        Ok(Generator::DateTime(generator.with_seed(seed)))
    }

    /// A `*_weights` list comprehension, evaluated once as a Python expression; `None` if it
    /// does not evaluate to a list of numbers.
    fn python_weights(
        &self,
        node: Node<'_, '_>,
        text: &str,
        len: usize,
        ctx: &Ctx<'_>,
    ) -> Option<Result<Vec<f64>, String>> {
        let pos = self.attr_pos(node, "generator");
        let source =
            ScriptSource::from_attribute(pos.file.clone(), text, (pos.line, pos.col), text);
        let script = Script::compile(ctx.engine, source).ok()?;
        let value = script.eval(ctx.engine, &mut rhai::Scope::new()).ok()?;
        let array = value.into_array().ok()?;
        let weights = array
            .into_iter()
            .map(|w| w.as_float().or_else(|_| w.as_int().map(|i| i as f64)))
            .collect::<Result<Vec<f64>, _>>()
            .ok()?;
        Some(crate::datetime_weights::check_weights(weights, text, len))
    }

    /// `months`, `months_exclude`, `weekdays`, `dom`, `hours_preset` and the granularities
    /// as weights, where no explicit weights are given ([`crate::datetime_sugar`]).
    fn datetime_selections(
        &self,
        given: &HashMap<&str, &str>,
        weights: &mut CalendarWeights,
    ) -> Result<(), String> {
        use crate::datetime_sugar as sugar;
        let named = |key: &str, e: String| format!("`{key}`: {e}");
        let months = given
            .get("months")
            .map(|m| sugar::months(m).map_err(|e| named("months", e)))
            .transpose()?;
        let excluded = given
            .get("months_exclude")
            .map(|m| sugar::months(m).map_err(|e| named("months_exclude", e)))
            .transpose()?;
        if weights.month.is_none() && (months.is_some() || excluded.is_some()) {
            let kept: Vec<u32> = months
                .unwrap_or_else(|| (1..=12).collect())
                .into_iter()
                .filter(|m| !excluded.as_ref().is_some_and(|x| x.contains(m)))
                .collect();
            weights.month = Some(
                crate::datetime_weights::check_weights(sugar::mask(&kept, 1, 12), "months", 12)
                    .map_err(|_| "`months` and `months_exclude` leave no month".to_owned())?,
            );
        }
        if let Some(spec) = given.get("weekdays") {
            let days = sugar::weekdays(spec).map_err(|e| named("weekdays", e))?;
            if weights.weekday.is_none() {
                weights.weekday = Some(sugar::mask(&days, 0, 7));
            }
        }
        if let Some(spec) = given.get("dom") {
            let (days, last) = sugar::days_of_month(spec).map_err(|e| named("dom", e))?;
            if !days.is_empty() {
                let allowed = sugar::mask(&days, 1, 31);
                let dom = weights.dom.get_or_insert_with(|| vec![1.0; 31]);
                for (w, a) in dom.iter_mut().zip(allowed) {
                    *w *= a;
                }
            }
            weights.last_day_only = last;
        }
        if let Some(preset) = given.get("hours_preset")
            && weights.hour.is_none()
        {
            weights.hour = sugar::hours_preset(preset)?;
        }
        for (key, slot) in [
            ("minute_granularity", &mut weights.minute),
            ("second_granularity", &mut weights.second),
        ] {
            if let Some(text) = given.get(key) {
                let ticks = sugar::granularity(text, 60).map_err(|e| named(key, e))?;
                slot.get_or_insert(ticks);
            }
        }
        Ok(())
    }

    fn converters(&self, node: Node<'_, '_>, text: &str, ctx: &Ctx<'_>) -> Result<Vec<Converter>> {
        const NAMES: &[&str] = &[
            "UpperCase",
            "LowerCase",
            "CutLength",
            "Mask",
            "MiddleMask",
            "Append",
            "Hash",
            "RemoveNoneOrEmptyElement",
            "DateFormat",
            "Date2Timestamp",
            "Timestamp2Date",
        ];
        let mut out = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(call) =
                self.python_call(node, "converter", Some(part), ".convert(__value__)", ctx)?
            {
                out.push(Converter::Python(call));
                continue;
            }
            let (name, args) = self.known_call(node, "converter", part, NAMES, "converter")?;
            if name == "DateFormat" {
                out.push(Converter::DateFormat(
                    self.date_format_argument(node, args)?,
                ));
                continue;
            }
            let err = |m: String| self.err_attr(node, "converter", format_args!("`{name}`: {m}"));
            // Arguments are Python literals: quoted texts and non-negative integers.
            let args: Vec<ConverterArg> = split_list(args)
                .into_iter()
                .map(|(text, quoted)| match quoted {
                    true => Ok(ConverterArg::Text(text)),
                    false => text.parse::<usize>().map(ConverterArg::Count).map_err(|_| {
                        err(format!(
                            "`{text}` is neither a quoted text nor a non-negative integer"
                        ))
                    }),
                })
                .collect::<Result<_>>()?;
            let arity = |least: usize, most: usize| -> Result<()> {
                if (least..=most).contains(&args.len()) {
                    Ok(())
                } else if least == most {
                    Err(err(format!(
                        "takes {least} argument(s), not {}",
                        args.len()
                    )))
                } else {
                    Err(err(format!(
                        "takes {least} to {most} arguments, not {}",
                        args.len()
                    )))
                }
            };
            let count = |i: usize| match &args[i] {
                ConverterArg::Count(n) => Ok(*n),
                ConverterArg::Text(t) => Err(err(format!(
                    "argument {} is `'{t}'`, not a non-negative integer",
                    i + 1
                ))),
            };
            let text = |i: usize| match &args[i] {
                ConverterArg::Text(t) => Ok(t.clone()),
                ConverterArg::Count(n) => Err(err(format!(
                    "argument {} is `{n}`, not a quoted text",
                    i + 1
                ))),
            };
            out.push(match name {
                "UpperCase"
                | "LowerCase"
                | "Date2Timestamp"
                | "Timestamp2Date"
                | "RemoveNoneOrEmptyElement" => {
                    arity(0, 0)?;
                    match name {
                        "RemoveNoneOrEmptyElement" => Converter::RemoveEmpty,
                        "UpperCase" => Converter::Upper,
                        "LowerCase" => Converter::Lower,
                        "Date2Timestamp" => Converter::Date2Timestamp,
                        _ => Converter::Timestamp2Date,
                    }
                }
                "Mask" => {
                    arity(0, 1)?;
                    let mask = match args.len() {
                        0 => '*',
                        _ => {
                            let t = text(0)?;
                            let mut chars = t.chars();
                            match (chars.next(), chars.next()) {
                                (Some(c), None) => c,
                                _ => {
                                    return Err(err(format!(
                                        "the mask `'{t}'` must be one character"
                                    )));
                                }
                            }
                        }
                    };
                    Converter::Mask(mask)
                }
                "Append" => {
                    arity(1, 1)?;
                    Converter::Append(text(0)?)
                }
                "Hash" => {
                    arity(2, 3)?;
                    let salt = if args.len() == 3 {
                        Some(text(2)?)
                    } else {
                        None
                    };
                    Converter::Hash(
                        crate::hash::HashConverter::new(&text(0)?, &text(1)?, salt).map_err(err)?,
                    )
                }
                "CutLength" => {
                    arity(1, 1)?;
                    Converter::CutLength(count(0)?)
                }
                "MiddleMask" => {
                    arity(2, 2)?;
                    Converter::MiddleMask(count(0)?, count(1)?)
                }
                _ => unreachable!("`{name}` is checked against the known names above"),
            });
        }
        Ok(out)
    }

    /// The one quoted format of `DateFormat('%d.%m.%Y')`.
    fn date_format_argument(&self, node: Node<'_, '_>, args: &str) -> Result<DateFormat> {
        let err = |m: String| self.err_attr(node, "converter", format_args!("DateFormat: {m}"));
        let args = args.trim();
        let format = ['\'', '"']
            .iter()
            .find_map(|&q| args.strip_prefix(q)?.strip_suffix(q))
            .filter(|f| !f.is_empty())
            .ok_or_else(|| {
                err(format!(
                    "expected one quoted format such as `'%d.%m.%Y'`, got `{args}`"
                ))
            })?;
        DateFormat::new(format).map_err(err)
    }
}

/// One argument of a converter call.
enum ConverterArg {
    /// A quoted text.
    Text(String),
    /// A non-negative integer.
    Count(usize),
}

/// Splits DATAMIMIC's call syntax `Name(args)` into the name and the arguments (`""` without
/// parentheses); an opening parenthesis needs its closing one.
fn split_call(text: &str) -> Result<(&str, &str), String> {
    match text.trim().split_once('(') {
        Some((name, rest)) => rest
            .trim_end()
            .strip_suffix(')')
            .map(|args| (name.trim(), args))
            .ok_or_else(|| format!("missing `)` in `{}`", text.trim())),
        None => Ok((text.trim(), "")),
    }
}

/// The `name=value` pairs of a target's parameters, in order; a value may be quoted with `'`
/// or `"` (and then hold commas and the other quote).
fn parameters(args: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut out = Vec::new();
    let mut rest = args.trim_start();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=').filter(|&eq| !rest[..eq].contains(',')) else {
            let piece = rest.split(',').next().unwrap_or(rest).trim();
            return Err(format!("expected `name=value`, got `{piece}`"));
        };
        let key = rest[..eq].trim();
        if key.is_empty() {
            return Err(format!("expected `name=value`, got `{}`", rest.trim()));
        }
        rest = rest[eq + 1..].trim_start();
        let value;
        match rest.chars().next() {
            Some(quote @ ('\'' | '"')) => {
                let Some(len) = rest[1..].find(quote) else {
                    return Err(format!("unterminated quote in `{key}={rest}`"));
                };
                value = &rest[1..=len];
                rest = rest[len + 2..].trim_start();
                if !rest.is_empty() && !rest.starts_with(',') {
                    return Err(format!(
                        "expected `,` after `{key}={quote}{value}{quote}`, got `{rest}`"
                    ));
                }
            }
            _ => {
                let end = rest.find(',').unwrap_or(rest.len());
                value = rest[..end].trim();
                rest = &rest[end..];
            }
        }
        out.push((key, value));
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(out)
}

/// What is wrong with float bounds: `min` above `max`, or a span `max - min` beyond the
/// largest float (values would become infinite).
fn float_bounds_problem(min: f64, max: f64) -> Option<String> {
    if min > max {
        Some(format!("`min` {min} is above `max` {max}"))
    } else if !(max - min).is_finite() {
        Some(format!("the range {min} to {max} is too wide for a float"))
    } else {
        None
    }
}

/// Splits a `values`/`weights` list (`'a','b'` or `1, 2`) at commas outside quotes; the flag
/// says whether the item was quoted.
fn split_list(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut quoted = false;
    let mut depth = 0usize;
    for c in text.chars() {
        match (quote, c) {
            // Inside parentheses (`CSV(delimiter=',')`) everything is kept verbatim.
            (None, '(') => {
                depth += 1;
                current.push(c);
            }
            (None, ')') => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                if depth > 0 {
                    current.push(c);
                }
            }
            (Some(_), c) => current.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                if depth > 0 {
                    current.push(c);
                } else {
                    quoted = true;
                }
            }
            (None, ',') if depth == 0 => {
                out.push((std::mem::take(&mut current).trim().to_owned(), quoted));
                quoted = false;
            }
            (None, c) => current.push(c),
        }
    }
    if !current.trim().is_empty() || quoted {
        out.push((current.trim().to_owned(), quoted));
    }
    out
}

/// An unquoted list item is a number or boolean when it reads as one; a number that would
/// lose its value (an integer beyond 64 bits, an infinite float) is an error.
fn literal(text: &str, quoted: bool) -> Result<Dynamic, String> {
    if !quoted {
        if let Ok(i) = text.parse::<i64>() {
            return Ok(i.into());
        }
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "`{text}` is outside the 64-bit integer range; quote it to keep it as text"
            ));
        }
        if let Ok(f) = text.parse::<f64>() {
            if !f.is_finite() {
                return Err(format!(
                    "`{text}` is not a finite number; quote it to keep it as text"
                ));
            }
            return Ok(f.into());
        }
        match text {
            "True" | "true" => return Ok(true.into()),
            "False" | "false" => return Ok(false.into()),
            _ => {}
        }
    }
    Ok(text.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_take_either_quote() {
        assert_eq!(
            parameters(r#" delimiter=';', quotechar="'" , quoting = all,"#).unwrap(),
            [("delimiter", ";"), ("quotechar", "'"), ("quoting", "all")]
        );
        assert_eq!(
            parameters(r#"quotechar='"',delimiter=",""#).unwrap(),
            [("quotechar", "\""), ("delimiter", ",")]
        );
        assert_eq!(parameters("  ").unwrap(), []);
        assert_eq!(parameters("quotechar=''").unwrap(), [("quotechar", "")]);
        for (bad, message) in [
            ("quoting", "expected `name=value`, got `quoting`"),
            ("quoting, a=1", "expected `name=value`, got `quoting`"),
            ("=1", "expected `name=value`, got `=1`"),
            ("delimiter=';", "unterminated quote in `delimiter=';`"),
            ("a='x'y", "expected `,` after `a='x'`, got `y`"),
        ] {
            assert_eq!(parameters(bad).unwrap_err(), message, "{bad}");
        }
    }

    #[test]
    fn lists_split_outside_quotes() {
        assert_eq!(
            split_list("'a,b', 'c' ,3"),
            [
                ("a,b".to_owned(), true),
                ("c".to_owned(), true),
                ("3".to_owned(), false)
            ]
        );
        assert_eq!(literal("3", false).unwrap().as_int().unwrap(), 3);
        assert!(literal("3", true).unwrap().is_string());
        assert!(literal("99999999999999999999", false).is_err());
        assert!(literal("99999999999999999999", true).unwrap().is_string());
        assert!(literal("1e400", false).is_err());
        assert!(literal("nan", false).is_err());
        assert_eq!(literal("2.5", false).unwrap().as_float().unwrap(), 2.5);
    }
}
