//! The descriptor model: what [`crate::parse`] makes of an XML descriptor, with scripts
//! compiled and entity services built, so every mistake is reported before any record is
//! generated.

use std::fmt;
use std::sync::Arc;

use anyhow::anyhow;
use datamimic::Table;
use rhai::Dynamic;

use crate::csv_source::RowSource;
use crate::echo::Echo;
use crate::script::Script;
use datamimic_export::csv::CsvOptions;
use datamimic_export::entities::Entity;
use datamimic_export::sink::Format;

/// How deep elements may nest in one descriptor file (`<setup>` is level 1). Checked before
/// anything recurses over the elements, so no descriptor can overflow the stack.
pub const MAX_NESTING_DEPTH: usize = 256;

/// How long a chain of `<include>`s may be (the top file is level 1).
pub const MAX_INCLUDE_DEPTH: usize = 64;

/// Elements in a descriptor with every `<include>` expanded, each inclusion counting again
/// (inclusion is textual): bounds the memory and time of parsing.
pub const MAX_DESCRIPTOR_ELEMENTS: u64 = 2_000_000;

/// Values one record may hold, as [`Stmt::values`] counts them: every `<array count>` and
/// list `<nestedKey count>` is checked against it before a record is made, so no count can
/// exhaust memory. (Arrays and maps made by scripts have the script engine's own limits.)
pub const MAX_RECORD_VALUES: u64 = 1_000_000;

/// A place in a descriptor file.
#[derive(Debug, Clone)]
pub struct Pos {
    /// The file as given.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// An error at `pos`, as `file:line:col: message`.
pub fn error_at(pos: &Pos, message: impl fmt::Display) -> anyhow::Error {
    anyhow!("{pos}: {message}")
}

/// A parsed descriptor.
#[derive(Debug)]
pub struct Setup {
    /// `rngSeed`; the run is unseeded without it.
    pub seed: Option<u64>,
    /// What runs, in order.
    pub items: Vec<Item>,
    /// The `<database>`s declared.
    pub databases: Vec<crate::database::DatabaseDecl>,
}

/// A top-level statement.
#[derive(Debug)]
pub enum Item {
    /// `<generate>`.
    Generate(Generate),
    /// `<variable>` at setup level: evaluated once (as record 0 of its own stream) and
    /// visible to every later generate; always a [`Stmt::Variable`].
    Variable(Stmt),
    /// `<echo>`: printed when reached.
    Echo(Echo),
    /// `<execute uri="*.sql" target="db">`: run when reached.
    Execute(crate::database::Execute),
}

/// One output target of a `<generate>`.
#[derive(Debug, Clone)]
pub enum TargetSpec {
    /// A file `DIR/<name>.<ext>` in this format.
    File(Format, CsvOptions),
    /// One JSON object per line on standard output.
    Console,
    /// The table of the generate's name in the `<database>` of this id.
    Database(String),
}

/// `<generate>`.
#[derive(Debug)]
pub struct Generate {
    /// Where it is.
    pub pos: Pos,
    /// `name`.
    pub name: String,
    /// `count`.
    pub count: u64,
    /// Whether `count` is the row count of a database `source`, known when the run reaches
    /// the generate (`count` is 0 until then).
    pub count_from_source: bool,
    /// `pageSize`.
    pub page_size: Option<u64>,
    /// `target`.
    pub targets: Vec<TargetSpec>,
    /// The memstores among `target`: the records are kept there, in record order.
    pub mem: Vec<crate::memstore::MemTarget>,
    /// Variables, keys and conditions, in order.
    pub body: Vec<Stmt>,
    /// Nested `<generate>`s: `count` child records per record of this one.
    pub children: Vec<Generate>,
    /// `source`: the records start as the rows of a CSV file or the records of a memstore.
    pub source: Option<RowSource>,
    /// `<echo>`s inside, printed once when the generate starts.
    pub echoes: Vec<Echo>,
    /// Whether a key is written twice in a record: the later value replaces the earlier
    /// ([`crate::repeated_keys`]).
    pub repeats: bool,
    /// `converter="RemoveNoneOrEmptyElement"`: null and empty fields are dropped from each
    /// record ([`crate::remove_empty`]).
    pub remove_empty: bool,
}

/// A statement evaluated for every record.
#[derive(Debug)]
pub enum Stmt {
    /// `<variable>`: in scope for later scripts, not written.
    Variable(Field),
    /// `<key>` or `<array>`: written.
    Key(Field),
    /// `<nestedKey>`.
    Nested(Nested),
    /// `<condition>`: the first branch whose condition holds.
    Condition(Vec<Branch>),
    /// `<list>`: a list with one element per `<item>`, each a dict of the item's statements,
    /// or null where the item's `condition` does not hold (as in DATAMIMIC).
    List(ItemList),
    /// `<echo>` among a record's statements (in an `<if>`, a `<nestedKey>`): printed on
    /// standard error for every record that reaches it.
    Echo(Echo),
}

/// `<list>`.
#[derive(Debug)]
pub struct ItemList {
    /// Where it is.
    pub pos: Pos,
    /// `name`.
    pub name: String,
    /// The `<item>`s: each a branch with its optional `condition`.
    pub items: Vec<Branch>,
    /// `converter="RemoveNoneOrEmptyElement"`: null and empty elements are dropped.
    pub remove_empty: bool,
}

impl Stmt {
    /// Whether the statement can write a field (a variable never does; a condition may).
    pub fn writes(&self) -> bool {
        match self {
            Stmt::Variable(_) | Stmt::Echo(_) => false,
            Stmt::Key(_) | Stmt::Nested(_) | Stmt::List(_) => true,
            Stmt::Condition(branches) => branches.iter().any(|b| b.body.iter().any(Stmt::writes)),
        }
    }

    /// The values this statement adds to a record at most: 1 for a variable or key, the
    /// element count for `<array count>`, and for a `<nestedKey>` 1 for itself plus its body
    /// once (dict) or `count` times (list); a `<condition>` adds its largest branch, a
    /// `<list>` 1 for itself plus 1 and the body for each item.
    pub fn values(&self) -> u64 {
        match self {
            Stmt::Echo(_) => 0,
            Stmt::Variable(_) => 1,
            Stmt::Key(field) => match field.source {
                ValueSource::RandomArray(count) => count.max(1),
                _ => 1,
            },
            Stmt::Nested(nested) => {
                let element = 1 + values(&nested.body);
                match nested.list {
                    None => element,
                    Some(count) => count.saturating_mul(element).saturating_add(1),
                }
            }
            Stmt::Condition(branches) => {
                branches.iter().map(|b| values(&b.body)).max().unwrap_or(0)
            }
            Stmt::List(list) => list.items.iter().fold(1, |sum: u64, item| {
                sum.saturating_add(1).saturating_add(values(&item.body))
            }),
        }
    }

    /// Where the statement is (a `<condition>`: its first branch).
    pub fn pos(&self) -> Option<&Pos> {
        match self {
            Stmt::Variable(field) | Stmt::Key(field) => Some(&field.pos),
            Stmt::Nested(nested) => Some(&nested.pos),
            Stmt::List(list) => Some(&list.pos),
            Stmt::Echo(echo) => Some(&echo.pos),
            Stmt::Condition(branches) => branches.first().map(|b| &b.pos),
        }
    }
}

/// The values `stmts` add to a record at most (see [`Stmt::values`]).
pub fn values(stmts: &[Stmt]) -> u64 {
    stmts
        .iter()
        .fold(0, |sum: u64, stmt| sum.saturating_add(stmt.values()))
}

/// Checks that a record of `body` holds at most [`MAX_RECORD_VALUES`] values, naming the
/// statement that would cross the limit.
pub fn check_record_size(body: &[Stmt]) -> anyhow::Result<()> {
    let mut total = 0u64;
    for stmt in body {
        total = total.saturating_add(stmt.values());
        if total > MAX_RECORD_VALUES
            && let Some(pos) = stmt.pos()
        {
            return Err(error_at(
                pos,
                format_args!(
                    "a record would hold more than {MAX_RECORD_VALUES} values (keys, array \
                     elements and nestedKey elements)"
                ),
            ));
        }
    }
    Ok(())
}

/// One `<if>`, `<else-if>` or `<else>` (no condition).
#[derive(Debug)]
pub struct Branch {
    /// Where it is.
    pub pos: Pos,
    /// The condition, `None` for `<else>`.
    pub condition: Option<Script>,
    /// Its statements.
    pub body: Vec<Stmt>,
}

/// A count between `min` and `max` (both included) drawn with `rng`: `minCount`/`maxCount`.
pub fn draw_count<R: rand::Rng + ?Sized>(rng: &mut R, min: u64, max: u64) -> u64 {
    match (max - min).checked_add(1) {
        Some(span) => min + datamimic::sample::below(rng, span),
        None => rng.next_u64(),
    }
}

/// `<nestedKey>`.
#[derive(Debug)]
pub struct Nested {
    /// Where it is.
    pub pos: Pos,
    /// `name`.
    pub name: String,
    /// `None` for a dict, the element count for a list (with `min_count`: the most).
    pub list: Option<u64>,
    /// `minCount`: each record's list has between this and `list` elements.
    pub min_count: Option<u64>,
    /// A script giving the whole value instead of child keys.
    pub script: Option<Script>,
    /// `defaultValue` beside a `script`: the value where the script fails or gives neither
    /// a list nor a dict, as in DATAMIMIC.
    pub fallback: Option<Script>,
    /// `source` on a list nestedKey: each element starts as a row of the file or memstore
    /// (the body's keys read and replace its columns), in random order unless
    /// `distribution="ordered"`; without `count` every row once, else `count` elements,
    /// past the last row only when `cyclic`.
    pub source: Option<Box<RowSource>>,
    /// Child statements.
    pub body: Vec<Stmt>,
}

/// A `<key>`, `<array>` or `<variable>`.
#[derive(Debug)]
pub struct Field {
    /// Where it is.
    pub pos: Pos,
    /// `name`.
    pub name: String,
    /// Where the value comes from.
    pub source: ValueSource,
    /// `type`: the value is converted to it.
    pub ty: Option<Type>,
    /// `nullQuota`.
    pub null_quota: f64,
    /// `converter`, applied in order.
    pub converters: Vec<Converter>,
    /// `inDateFormat`: the value is read as a datetime with it.
    pub in_date_format: Option<crate::datetime::DateFormat>,
    /// `outDateFormat`: a datetime value is written with it.
    pub out_date_format: Option<crate::datetime::DateFormat>,
    /// `<element>`s inside a `<key>`: the key's value becomes a dict of their values as
    /// `@name` (XML attributes) and its own value, unless null, as `#text`, as DATAMIMIC
    /// writes them (the XML exporter writes them as attributes and text).
    pub elements: Vec<Field>,
}

/// Where a value comes from.
pub enum ValueSource {
    /// `entity`: record `i` of a built service, the tag its values carry to scripts (the
    /// entity and dataset, [`crate::script_domains::entity_tag`]), and on a `<variable>` the
    /// only fields its scripts read, when they read only some
    /// ([`crate::entity_projection`]).
    Entity(
        Box<dyn Entity>,
        crate::script_domains::EntityTag,
        Option<Box<crate::entity_projection::Projection>>,
    ),
    /// `script`.
    Script(Script),
    /// `constant`.
    Constant(Dynamic),
    /// `values` with optional `weights`: a weighted table of the values.
    Values(&'static Table, Vec<Dynamic>),
    /// `pattern`: a regular expression.
    Pattern(crate::regex::RegexGen),
    /// `min`/`max` of a `type` other than float: integers, both included.
    IntRange(i64, i64),
    /// `min`/`max` of `type="float"`.
    FloatRange(f64, f64),
    /// `generator`.
    Generator(Generator),
    /// `<array count type>` without script: `count` random values of the type.
    RandomArray(u64),
    /// `source` on a `<variable>`: one row of a CSV file, as a map.
    Rows(RowSource),
    /// `<reference>`: the one column of a database row (a key of another table).
    Reference(RowSource),
}

impl fmt::Debug for ValueSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueSource::Entity(..) => "Entity",
            ValueSource::Script(_) => "Script",
            ValueSource::Constant(_) => "Constant",
            ValueSource::Values(..) => "Values",
            ValueSource::Pattern(_) => "Pattern",
            ValueSource::IntRange(..) => "IntRange",
            ValueSource::FloatRange(..) => "FloatRange",
            ValueSource::Generator(_) => "Generator",
            ValueSource::RandomArray(_) => "RandomArray",
            ValueSource::Rows(_) => "Rows",
            ValueSource::Reference(_) => "Reference",
        })
    }
}

/// `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// `string`.
    String,
    /// `int`.
    Int,
    /// `float` or `decimal`.
    Float,
    /// `bool`.
    Bool,
}

/// `generator`.
#[derive(Debug, Clone, PartialEq)]
pub enum Generator {
    /// `IncrementGenerator(start=1, step=1)`: `start + index * step`; leaving the 64-bit
    /// range is an error.
    Increment {
        /// The first value.
        start: i64,
        /// The difference between consecutive values.
        step: i64,
    },
    /// `UUIDGenerator`.
    Uuid,
    /// `BooleanGenerator`.
    Boolean,
    /// `IntegerGenerator(min=.., max=..)`.
    Integer(i64, i64),
    /// `FloatGenerator(min=.., max=..)`.
    Float(f64, f64),
    /// `DateTimeGenerator(min=.., max=.. | value=.. | random=True)`.
    DateTime(crate::datetime::DateTimeGen),
    /// `StringGenerator(min_len=.., max_len=.., char_set=.., prefix=.., suffix=..)`.
    String(crate::string_gen::StringGen),
    /// `CPFGenerator`: a Brazilian person's taxpayer number with its check digits.
    Cpf,
    /// `CNPJGenerator`: a Brazilian company's taxpayer number with its check digits.
    Cnpj,
    /// `EmailAddressGenerator`: the email of a person of the dataset, drawn per value.
    Email(EntityField),
    /// `Name(args)` of a `BaseLiteralGenerator` class an executed `.scr.py` file defines.
    Python(PythonCall),
}

/// One field of an entity's records, as a generator's values (DATAMIMIC's
/// `EmailAddressGenerator` is a person's email): each value is the field of a record whose
/// index is drawn from the record's stream.
#[derive(Clone)]
pub struct EntityField {
    /// The entity, built with the dataset and a seed of the generator's own.
    pub entity: std::sync::Arc<dyn Entity>,
    /// The field.
    pub field: &'static str,
}

impl fmt::Debug for EntityField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntityField({})", self.field)
    }
}

impl PartialEq for EntityField {
    fn eq(&self, other: &EntityField) -> bool {
        std::sync::Arc::ptr_eq(&self.entity, &other.entity) && self.field == other.field
    }
}

/// A method call on an instance of a class an executed `.scr.py` file defines, compiled as
/// a script: `Name(args).generate()` or `Name(args).convert(__value__)`.
#[derive(Debug, Clone)]
pub struct PythonCall(pub std::sync::Arc<crate::script::Script>);

impl PartialEq for PythonCall {
    fn eq(&self, other: &PythonCall) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// One step of `converter`.
#[derive(Debug, Clone, PartialEq)]
pub enum Converter {
    /// `UpperCase`.
    Upper,
    /// `LowerCase`.
    Lower,
    /// `CutLength(n)`.
    CutLength(usize),
    /// `Mask` or `Mask('#')`: every character becomes the mask character (`*` by default).
    Mask(char),
    /// `Append('_demo')`: the text is appended.
    Append(String),
    /// `Hash('sha256', 'hex'[, 'salt'])`: the digest of the text.
    Hash(crate::hash::HashConverter),
    /// `RemoveNoneOrEmptyElement`: a list or dict value loses its null and empty parts.
    RemoveEmpty,
    /// `MiddleMask(start, end)`: keeps `start` leading and `end` trailing characters.
    MiddleMask(usize, usize),
    /// `DateFormat('%d.%m.%Y')`: a datetime written with a Python `strftime` format.
    DateFormat(crate::datetime::DateFormat),
    /// `Date2Timestamp`: a datetime as seconds since the epoch.
    Date2Timestamp,
    /// `Timestamp2Date`: seconds since the epoch as a datetime.
    Timestamp2Date,
    /// `Name(args)` of a `Converter` class an executed `.scr.py` file defines.
    Python(PythonCall),
}
