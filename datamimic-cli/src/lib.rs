//! The `datamimic` command line: generates built-in entities and runs XML descriptors,
//! streaming pages generated on every core to CSV, JSON, NDJSON, XML or SQLite, byte for byte
//! the same for every thread count and page size.
//!
//! ```text
//! datamimic generate Person -n 1000000 --dataset DE --seed 42 -f csv -o people.csv
//! datamimic run datamimic.xml --output-dir output
//! datamimic list entities|datasets|tables
//! ```
//!
//! Descriptors (`datamimic run`) understand `<setup rngSeed defaultDataset defaultSeparator>`
//! (with setup-level `<variable>`s, evaluated once and seen by every generate),
//! `<generate name count target pageSize separator>` (targets `CSV`, `CSV(delimiter=';',
//! quotechar='"', quoting='all')`, `JSON`, `NDJSON`, `XML`, `SQLite`, `ConsoleExporter`, comma
//! separated; nested `<generate>` makes `count` child records per record, with the parent as
//! `parent`), `<variable>` (`entity` with `dataset ageMin ageMax conditionsInclude
//! conditionsExclude rngSeed`, or the value sources of `<key>`), `<key>`/`<id>` (`script
//! constant values weights pattern generator type min max nullQuota converter`), `<array
//! script | count type>`, `<nestedKey type=dict|list count script>`, `<condition>` with
//! `<if condition>`, `<else-if condition>`, `<else>`, `<include uri>` and `<echo>`.
//!
//! Scripts are [rhai](https://rhai.rs) expressions compiled once per attribute, seeing the
//! variables and earlier keys by name, plus `random()`, `random_int(a, b)`, `random_bool()`,
//! `random_choice(array)`, `uuid()` and `pattern("##-??")` (datamimic's `#`/`?` patterns)
//! drawn from the record's own stream; the `pattern` attribute is a regular expression
//! (`[A-Z]{2}-\d{4}`), as in datamimic-ce.

// The command line and the entities it knows.
pub mod cli;
pub mod demo;
pub mod entities;

// Output: formats, destinations, and the parallel pipeline feeding them.
pub mod csv;
pub mod page_buf;
pub mod pipeline;
mod serialize_parts;
pub mod sink;
pub mod sqlite;
pub mod staging;
pub mod xml;

// Descriptors: parsing, scripts, records and running them.
pub mod descriptor;
pub mod parse;
pub mod record;
pub mod regex;
pub mod run;
pub mod script;

// What a run reports beyond its records.
pub mod fallback;

mod suggest;
