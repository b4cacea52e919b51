//! DATAMIMIC's XML descriptors: the model, the parser, scripts, data sources, the memstore
//! and running them through [`datamimic_export`]'s pipeline ([`run::run_file`]). The
//! `datamimic run` command is a thin layer over this crate.
//!
//! Descriptors understand `<setup rngSeed defaultDataset defaultSeparator>`
//! (with setup-level `<variable>`s, evaluated once and seen by every generate),
//! `<generate name count target pageSize separator>` (targets `CSV`, `CSV(delimiter=';',
//! quotechar='"', quoting='all')`, `JSON`, `NDJSON`, `XML`, `SQLite`, `ConsoleExporter`, comma
//! separated; nested `<generate>` makes `count` child records per record, with the parent as
//! `parent`), `<variable>` (`entity` with `dataset ageMin ageMax conditionsInclude
//! conditionsExclude rngSeed`, or the value sources of `<key>`), `<key>`/`<id>` (`script
//! constant values weights pattern generator type min max nullQuota converter inDateFormat
//! outDateFormat`), `<array script | count type>`, `<nestedKey type=dict|list count script>`,
//! `<condition>` with `<if condition>`, `<else-if condition>`, `<else>`, `<include uri>` and
//! `<echo>`.
//! `<include uri="*.properties">` reads `key=value` lines; `{name}` in a generate's `count`,
//! `target`, `pageSize`, `separator` and `source` is a property or constant setup variable
//! ([`properties`]). `target="LogExporter"` writes a JSON line per record on standard output.
//! `<echo>` fills in `{expr}` ([`echo`]). `source="*.ent.csv"` on a `<generate>` makes a record
//! per row, and on a `<variable>` gives a row per record as a map, in order, `cyclic` or
//! `distribution="random"` ([`csv_source`]); data files lie inside the descriptor's folder
//! ([`project_files`]). `<memstore id>` keeps the records of a `<generate target="mem">` in
//! memory, in record order, and `source="mem" type="NAME"` reads them back on a later generate
//! or variable, as a CSV source does ([`memstore`]).
//! `DateTimeGenerator(min max value random input_format seed)` with calendar
//! weights ([`datetime_weights`]) and DATAMIMIC's selections `months`, `months_exclude`,
//! `weekdays`, `dom`, `hours_preset`, `minute_granularity`, `second_granularity`
//! ([`datetime_sugar`]),
//! `inDateFormat`/`outDateFormat` (Python `strftime` formats or `epoch` units) and the
//! converters `DateFormat('..')`, `Date2Timestamp`, `Timestamp2Date` handle dates
//! ([`datetime`]); an entity's ISO 8601 datetime (`2026-11-20T08:23:48.117Z`) reads as one.
//! Converter arguments are Python literals: `Mask('#')`, `Append('_x')`,
//! `Hash('sha256', 'hex'[, 'salt'])` ([`hash`]), and `RemoveNoneOrEmptyElement` cleans a
//! key's list or dict, or (on a `<generate>`) drops a record's null and empty fields.
//! A key written twice in a record is written once, at the first one's place with the
//! later value, as in DATAMIMIC ([`repeated_keys`]). `<echo>` inside a record's statements
//! (`<if>`, `<nestedKey>`) prints on standard error for each record that reaches it. A
//! nestedKey's `defaultValue` stands in where its `script` fails or gives neither a list nor
//! a dict. `type` equal to the generate's name is accepted. `source` on a list
//! `<nestedKey>` (a CSV or JSON file or a memstore) makes an element per row, the body's
//! keys reading and replacing its columns: every row once, or `count` (past the last row
//! only with `cyclic`), shuffled per record unless `distribution="ordered"`.
//! `EmailAddressGenerator` gives a person's email of the setup's dataset; `CPFGenerator` and
//! `CNPJGenerator` Brazilian taxpayer numbers with their check digits
//! ([`datamimic::ident::br`]).
//! A nested generate's scripts read the enclosing records' variables and keys by their
//! bare names, besides `parent`.
//! `locale="de_DE"` on an entity variable and `defaultLocale` on `<setup>` pick a dataset
//! ([`locale`]); `IncrementGenerator(start step)` (counting on through a list's elements,
//! restarting for each parent of a nested generate, as DATAMIMIC does); scripts' dicts keep
//! their insertion order; `entity="Person(min_age=18, max_age=65,
//! female_quota=0.6)"` (Person's quotas too, [`entity_arguments`]);
//! a bare `type="string"`/`"bool"` gives 0 to 20 random letters or a fair bool; `<key
//! condition defaultValue>` (and `<nestedKey>`) writes the key where the condition holds,
//! else the default;
//! `<list name>` of `<item condition>`s is a list of one dict per item (null where the
//! condition fails; `converter="RemoveNoneOrEmptyElement"` drops null and empty elements,
//! [`remove_empty`]).
//! SQLite databases ([`database`]): `<database id dbms="sqlite">`, `<execute uri="*.sql"
//! target>`, `target="db"` (rows into the table of the generate's name) and `source="db"` with
//! `selector` (`__name__` setup variables filled in) or a table, and `<reference>` (a key of
//! another table per record); servers are refused.
//! `target="TXT"`; `minCount`/`maxCount` on a generate and a list nestedKey; `source="*.json"`
//! ([`json_source`]) and weighted values `source="*.wgt.csv"` on a key or variable.
//! The parser reports every statement's error together, in document order.
//!
//! Limits, checked before anything is allocated, expanded or recursed over, each failing with
//! a `file:line:col` error: elements nest at most
//! [`MAX_NESTING_DEPTH`](descriptor::MAX_NESTING_DEPTH) (256) levels deep; `<include>` chains
//! are at most [`MAX_INCLUDE_DEPTH`](descriptor::MAX_INCLUDE_DEPTH) (64) files deep and
//! acyclic; a descriptor with its includes expanded (textually: a file included twice counts
//! twice) has at most [`MAX_DESCRIPTOR_ELEMENTS`](descriptor::MAX_DESCRIPTOR_ELEMENTS)
//! (2,000,000) elements; a record holds at most
//! [`MAX_RECORD_VALUES`](descriptor::MAX_RECORD_VALUES) (1,000,000) values, counting `<array
//! count>` and list `<nestedKey count>` elements. Two keys or two variables of one record may
//! not share a name (branches of one `<condition>` may; a key may repeat a variable's name;
//! a repeated key overwrites).
//!
//! Scripts (`script`, `condition`, `defaultValue`, `{expr}` in `<echo>`) are Python
//! expressions, as in DATAMIMIC: `'single quotes'`, `True`/`False`/`None`, f-strings,
//! method calls (`name.upper()`, `p.get('k', 0)`), builtins (`str`, `int`, `len`, `range`)
//! and comprehensions. They see the variables and earlier keys by name; dicts (records,
//! entities, nested keys) read their keys as attributes too (`p.address.city`). Each script
//! is parsed once per attribute with RustPython's parser; simple expressions (names,
//! attributes, items, literals, arithmetic, comparisons, `and`/`or`/`not`, conditionals,
//! f-strings) run as native closures that never enter an interpreter ([`script_native`]),
//! the rest in RustPython's VM without its standard library ([`script_vm`]): no file
//! system, network, environment or processes, `import` serves only `random`, and an
//! evaluation running longer than [`script_vm::TIME_LIMIT`] stops with an error. `random`
//! (the module: `random.randint`, `random.choice`, ...) and the helpers `random_int(a, b)`,
//! `random_bool()`, `random_choice(list)`, `uuid()` and `pattern("##-??")` (datamimic's
//! `#`/`?` patterns) draw from the record's own stream; the `pattern` attribute is a regular
//! expression (`[A-Z]{2}-\d{4}`), as in datamimic-ce. `<execute uri="*.scr.py">` runs a
//! Python file whose names later scripts see, and whose `BaseLiteralGenerator` and
//! `Converter` subclasses serve as `generator="Name(args)"` and `converter="Name(args)"`
//! ([`script_module`]). Values stay rhai `Dynamic`s (the record model); rhai no longer runs
//! scripts.

// The model and reading it.
pub mod descriptor;
pub mod entity_arguments;
pub mod entity_projection;
mod line_index;
pub mod parse;
pub mod project_files;
pub mod properties;
pub mod sources;
mod unique_names;

// Values: scripts, patterns, dates, data sources and the records they make.
mod address_phones;
pub mod csv_source;
pub mod database;
pub mod datetime;
pub mod datetime_sugar;
pub mod datetime_weights;
mod dict_order;
pub mod echo;
mod element_ordinal;
pub mod hash;
pub mod json_source;
mod left_out_columns;
pub mod locale;
pub mod memstore;
mod model_properties;
mod nested_overlay;
pub mod record;
pub mod regex;
pub mod remove_empty;
pub mod repeated_keys;
pub mod script;
pub mod script_contexts;
pub mod script_data_faker;
mod script_datetime;
pub mod script_domains;
pub mod script_faker;
pub mod script_faker_methods;
pub mod script_generators;
mod script_json;
pub mod script_limits;
pub mod script_module;
pub mod script_native;
pub mod script_numpy_pandas;
mod script_random;
mod script_re;
pub mod script_source;
mod script_stdlib;
pub mod script_vm;
pub mod string_gen;
mod xml_elements;
pub mod xml_source;

// Running a descriptor.
pub mod run;
pub mod seed;
pub mod source_scripted;
