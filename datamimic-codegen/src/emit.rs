//! Rendering the generated Rust source and the packed binary columns.
//!
//! Each table becomes two files: its text (`include_str!`) and its packed columns
//! (`include_bytes!`), never one literal token per element, so even 100k-row tables compile in
//! well under a second. Each table is a static of its own, so a binary links only the tables
//! it reads.

use std::fmt::Write as _;

use crate::bake::{BUILTIN_DIR, BakeOptions, Parsed, on_every_core};
use crate::packed::PackedTable;
use crate::{catalogue, cell_types};

/// File name of the generated Rust source inside `OUT_DIR`.
pub(crate) const SOURCE_FILE: &str = "datamimic_tables.rs";
/// Directory of the binary columns inside `OUT_DIR`.
pub(crate) const BLOB_DIR: &str = "datamimic_tables";

/// The file of the lookup macros, when they are kept apart from the tables.
pub(crate) const LOOKUP_FILE: &str = "lookup.rs";

/// How plain a table's text is, from plainest to least plain; each class's bytes include the
/// previous one's. The runtime's `PlainText` depends on this order and these alphabets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TextClass {
    /// ASCII letters and digits, `.`, `-` and non-ASCII bytes: nothing that can be a
    /// separator or a quote character.
    Word = 0,
    /// Those and spaces.
    Spaced = 1,
    /// Anything but `,`, `"`, `\n` and `\r`.
    NoCommaOrQuote = 2,
    /// Anything.
    Any = 3,
}

impl TextClass {
    const COUNT: usize = 4;

    /// A plain loop, not an iterator chain: the build script runs unoptimised.
    fn of(text: &str) -> TextClass {
        let mut class = TextClass::Word;
        for &b in text.as_bytes() {
            let byte_class = match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | 0x80.. => TextClass::Word,
                b' ' => TextClass::Spaced,
                b',' | b'"' | b'\n' | b'\r' => return TextClass::Any,
                _ => TextClass::NoCommaOrQuote,
            };
            if byte_class > class {
                class = byte_class;
            }
        }
        class
    }
}

/// `common/person/given_name_male` → `COMMON_PERSON_GIVEN_NAME_MALE`.
pub(crate) fn family_ident(key: &str) -> String {
    key.replace('/', "_").to_ascii_uppercase()
}

/// The constant naming a column: `postal_code` is `POSTAL_CODE`; characters an identifier
/// cannot hold become `_`, and a leading digit gets a `_` in front.
pub(crate) fn column_ident(column: &str) -> String {
    let mut ident: String = column
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if !ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        ident.insert(0, '_');
    }
    ident
}

/// `pub mod columns`: one module per table (`columns::common_address_city`) with a `usize`
/// constant per column, so code reads cells by name instead of by hand-kept indices.
fn render_column_constants(
    families: &std::collections::BTreeMap<&str, Vec<&Parsed>>,
    out: &mut String,
) {
    out.push_str(
        "/// The column indices of every baked table, one module per table.\npub mod columns {\n",
    );
    for (key, members) in families {
        let columns = &members[0].meta.columns;
        let _ = writeln!(
            out,
            "    /// The columns of `{key}`.\n    pub mod {} {{",
            family_ident(key).to_ascii_lowercase()
        );
        let mut seen = std::collections::BTreeSet::new();
        for (index, column) in columns.iter().enumerate() {
            let ident = column_ident(column);
            // Two columns that differ only in characters an identifier cannot hold keep the
            // first's constant.
            if seen.insert(ident.clone()) {
                let _ = writeln!(
                    out,
                    "        /// Column `{column}`.\n        pub const {ident}: usize = {index};"
                );
            }
        }
        out.push_str("    }\n");
    }
    out.push_str("}\n\n");
}

fn table_ident(key: &str, country: &str) -> String {
    if country.is_empty() {
        format!("T_{}", family_ident(key))
    } else {
        format!("T_{}__{}", family_ident(key), country)
    }
}

/// The `concat!` arguments naming a baked file: `name` inside [`BakeOptions::blob_dir`].
fn blob_path(options: &BakeOptions, name: &str) -> String {
    format!("concat!({}, \"/{name}\")", options.blob_dir)
}

/// The `cfg` that keeps a country's variant of a per-country table, if countries are
/// features and the table does not have to keep it: US is always baked in (it is the
/// fallback), and so is every variant of a table without a US one.
fn country_cfg(options: &BakeOptions, country: &str, family_has_us: bool) -> Option<String> {
    (options.country_features && family_has_us && !country.is_empty() && country != "US")
        .then(|| format!("#[cfg(feature = \"{}\")]", country.to_ascii_lowercase()))
}

/// What a bake writes: the source, the table files, and the files kept apart for the crate
/// that re-exports the tables (see [`BakeOptions::lookup_apart`]).
type Rendered = (String, Vec<(String, Vec<u8>)>, Vec<(String, Vec<u8>)>);

pub(crate) fn render(options: &BakeOptions, parsed: &[Parsed]) -> Rendered {
    let rt = &options.runtime;
    let mut out = String::new();
    let mut blobs = Vec::new();
    let families = group(parsed);
    let _ = writeln!(
        out,
        "// @generated by datamimic-codegen {} from {}/. Do not edit.\n\
         // {} tables in {} families; the reviewable summary is {}/MANIFEST.csv.\n",
        env!("CARGO_PKG_VERSION"),
        options.display_dir,
        parsed.len(),
        families.len(),
        options.display_dir,
    );
    let has_us = |key: &str| families[key].iter().any(|m| m.meta.country == "US");
    // Each table's text and columns are statics of their own, so a binary links only the
    // tables it reads. With the shared-text feature, the texts are laid out in one block instead,
    // grouped by how plain they are, so that a writer can tell from an address alone that a
    // cell needs no escaping (`PlainText`).
    let packed: Vec<PackedTable> = on_every_core(parsed, |p| {
        PackedTable::new(&p.table.rows, &p.table.weights)
    });
    let classes: Vec<TextClass> = packed.iter().map(|p| TextClass::of(&p.text)).collect();
    let mut order: Vec<usize> = (0..parsed.len()).collect();
    order.sort_by_key(|&i| classes[i]);
    let mut bases = vec![0usize; parsed.len()];
    let mut class_ends = [0usize; TextClass::COUNT];
    let mut shared_len = 0;
    for &i in &order {
        bases[i] = shared_len;
        shared_len += packed[i].text.len();
        let class = classes[i] as usize;
        for end in &mut class_ends[class..] {
            *end = shared_len;
        }
    }
    if let Some(feature) = &options.shared_text_feature {
        let parts: Vec<String> = order
            .iter()
            .map(|&i| {
                let ident = table_ident(&parsed[i].meta.key, &parsed[i].meta.country);
                format!(
                    "    include_str!({}),\n",
                    blob_path(options, &format!("{ident}.text"))
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "/// The text of every table below, plainest first.\n\
             #[cfg(feature = \"{feature}\")]\n\
             static TABLE_TEXT: &str = concat!(\n{}\n);\n\n\
             /// Where [`TABLE_TEXT`] holds no byte that a text format may have to escape.\n\
             #[cfg(feature = \"{feature}\")]\n\
             #[doc(hidden)]\n\
             pub static PLAIN_TEXT: {rt}::__private::PlainText = {rt}::__private::PlainText {{\n    \
             text: TABLE_TEXT,\n    ends: {class_ends:?},\n}};\n\n\
             /// Without the shared text, no table text is known to be plain by its address.\n\
             #[cfg(not(feature = \"{feature}\"))]\n\
             #[doc(hidden)]\n\
             pub static PLAIN_TEXT: {rt}::__private::PlainText = {rt}::__private::PlainText {{\n    \
             text: \"\",\n    ends: [0; 4],\n}};\n",
            parts.concat().trim_end()
        );
    }
    for ((p, packed), base) in parsed.iter().zip(packed).zip(bases) {
        let ident = table_ident(&p.meta.key, &p.meta.country);
        let gate = country_cfg(options, &p.meta.country, has_us(&p.meta.key))
            .map(|cfg| format!("{cfg}\n"))
            .unwrap_or_default();
        let text_len = packed.text.len();
        let (bounds_len, slots_len, weights_len) = (
            packed.bounds.len(),
            packed.slots.len(),
            packed.weights.len(),
        );
        let mut columns = packed.bounds;
        columns.extend_from_slice(&packed.slots);
        columns.extend_from_slice(&packed.weights);
        blobs.push((format!("{ident}.text"), packed.text.into_bytes()));
        blobs.push((format!("{ident}.columns"), columns));
        let text = blob_path(options, &format!("{ident}.text"));
        match &options.shared_text_feature {
            Some(feature) => {
                let _ = writeln!(
                    out,
                    "{gate}#[cfg(feature = \"{feature}\")]\n\
                     static {ident}_TEXT: &str = {rt}::__private::text_span(TABLE_TEXT, {base}, {text_len});\n\
                     {gate}#[cfg(not(feature = \"{feature}\"))]\n\
                     static {ident}_TEXT: &str = include_str!({text});"
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{gate}static {ident}_TEXT: &str = include_str!({text});"
                );
            }
        }
        let _ = writeln!(
            out,
            "{gate}static {ident}_COLUMNS: &[u8] = include_bytes!({columns});\n\
             // @generated from {source}\n\
             // rows = {rows}, total_weight = {total}, hash = {hash:016x}\n\
             {gate}static {ident}: {rt}::Table = {rt}::Table::from_parts({rt}::__private::TableParts {{\n    \
             key: {key:?},\n    country: {country:?},\n    source: {source:?},\n    columns: &{cols},\n    \
             rows: {rows},\n    text: {ident}_TEXT,\n    \
             bounds: {rt}::__private::byte_span({ident}_COLUMNS, 0, {bounds_len}),\n    \
             slots: {rt}::__private::byte_span({ident}_COLUMNS, {bounds_len}, {slots_len}),\n    \
             weights: {rt}::__private::byte_span({ident}_COLUMNS, {slots_end}, {weights_len}),\n    \
             decimals: {decimals},\n    total_weight: {total_scaled},\n    hash: 0x{hash:016x},\n}});\n",
            columns = blob_path(options, &format!("{ident}.columns")),
            slots_end = bounds_len + slots_len,
            source = p.meta.source,
            rows = p.meta.rows,
            total = p.meta.total_weight,
            hash = p.meta.hash,
            key = p.meta.key,
            country = p.meta.country,
            cols = string_array(&p.meta.columns),
            decimals = p.table.weights.decimals,
            total_scaled = p.table.weights.total,
        );
    }
    for (key, members) in &families {
        let first = &members[0].meta;
        let countries: Vec<&str> = members
            .iter()
            .map(|m| m.meta.country.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        let refs: Vec<String> = members
            .iter()
            .map(|m| {
                let gate = country_cfg(options, &m.meta.country, has_us(key))
                    .map(|cfg| format!("{cfg} "))
                    .unwrap_or_default();
                format!("{gate}&{}", table_ident(key, &m.meta.country))
            })
            .collect();
        let _ = writeln!(
            out,
            "/// The `{key}` table{}; columns: `{}`.\n\
             pub static {}: {rt}::TableFamily = {rt}::TableFamily::from_parts({key:?}, &{}, &[{}]);\n",
            if countries.is_empty() {
                String::new()
            } else {
                format!(" for {}", countries.join(", "))
            },
            first.columns.join("`, `"),
            family_ident(key),
            string_array(&first.columns),
            refs.join(", "),
        );
    }
    let all: Vec<String> = families
        .keys()
        .map(|k| format!("&{}", family_ident(k)))
        .collect();
    let _ = writeln!(
        out,
        "/// Every table baked into this crate, sorted by key.\npub static ALL: &[&{rt}::TableFamily] = &[{}];\n",
        all.join(", ")
    );
    render_column_constants(&families, &mut out);
    let catalogue = (
        catalogue::CATALOGUE_FILE.to_owned(),
        catalogue::render_catalogue(&families).into_bytes(),
    );
    if !options.lookup_apart {
        render_lookup_macros(options, &families, &mut out);
        blobs.push(catalogue);
        return (out, blobs, Vec::new());
    }
    let mut lookup = format!(
        "// @generated by datamimic-codegen {} from {}/. Do not edit.\n\
         // The lookup by name of the tables in {}, with their cell checks.\n\n",
        env!("CARGO_PKG_VERSION"),
        options.display_dir,
        BUILTIN_DIR,
    );
    render_lookup_macros(options, &families, &mut lookup);
    (
        out,
        blobs,
        vec![(LOOKUP_FILE.to_owned(), lookup.into_bytes()), catalogue],
    )
}

/// The lookup macro that turns a table key (and optionally a column name) written in an
/// attribute into the baked table (or the column's index) at compile time; unknown names become
/// compile errors spanned at the string, with suggestions. `key, column; cell "field", u8`
/// checks that every cell of the column parses as the field's primitive type.
fn render_lookup_macros(
    options: &BakeOptions,
    families: &std::collections::BTreeMap<&str, Vec<&Parsed>>,
    out: &mut String,
) {
    let rt = &options.runtime;
    let render = |module: &str, rt: &str| {
        let mut arms = String::new();
        for (key, members) in families {
            let _ = writeln!(
                arms,
                "    ({key:?}) => {{ &{module}::{} }};",
                family_ident(key)
            );
            for (i, column) in members[0].meta.columns.iter().enumerate() {
                let _ = writeln!(arms, "    ({key:?}, {column:?}) => {{ {i}usize }};");
                let check = format!(
                    "{rt}::__private::cell_type_check!($field, $ty, {key:?}, {column:?}, [{}])",
                    refusal_list(&cell_types::refusals(members, i))
                );
                if i == 0 {
                    let _ = writeln!(
                        arms,
                        "    ({key:?}; cell $field:literal, $ty:ident) => {{ {check} }};"
                    );
                }
                let _ = writeln!(
                    arms,
                    "    ({key:?}, {column:?}; cell $field:literal, $ty:ident) => {{ {check} }};"
                );
            }
            // An unknown column is reported by its own lookup.
            let _ = writeln!(
                arms,
                "    ({key:?}, $column:literal; cell $field:literal, $ty:ident) => {{ () }};"
            );
            let _ = writeln!(
                arms,
                "    ({key:?}, $column:literal) => {{ {rt}::__private::unknown_column!($column, {key:?}, {}) }};",
                string_array(&members[0].meta.columns)
            );
        }
        // An unknown table is reported by its own lookup.
        let _ = writeln!(
            arms,
            "    ($other:literal $(, $column:literal)?; cell $field:literal, $ty:ident) => {{ () }};"
        );
        let keys: Vec<String> = families.keys().map(|k| format!("{k:?}")).collect();
        let _ = writeln!(
            arms,
            "    ($other:literal $(, $column:literal)? $(; [$($extra:literal),*])?) => {{ {rt}::__private::unknown_table!($other, [$($($extra,)*)? {}]) }};",
            keys.join(", ")
        );
        arms
    };
    if options.export_lookup_macro {
        let _ = writeln!(
            out,
            "#[doc(hidden)]\n#[macro_export]\nmacro_rules! __table {{\n{}}}\n",
            render("$crate::tables", "$crate")
        );
    }
    let _ = writeln!(
        out,
        "#[allow(unused_macros)]\nmacro_rules! __lookup_table {{\n{}}}\n#[doc(hidden)]\n#[allow(unused_imports)]\npub(crate) use __lookup_table as lookup_table;",
        render(&options.module, rt)
    );
}

fn group(parsed: &[Parsed]) -> std::collections::BTreeMap<&str, Vec<&Parsed>> {
    let mut families: std::collections::BTreeMap<&str, Vec<&Parsed>> = Default::default();
    for p in parsed {
        families.entry(p.meta.key.as_str()).or_default().push(p);
    }
    families
}

/// `("u8", "cell", "datasets/...csv", 3), ...`: the arguments of `cell_type_check!`.
fn refusal_list(refusals: &[cell_types::Refusal]) -> String {
    refusals
        .iter()
        .map(|r| {
            format!(
                "({:?}, {:?}, {:?}, {})",
                r.type_name, r.cell, r.source, r.row
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn string_array(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("[{}]", quoted.join(", "))
}
