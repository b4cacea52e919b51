//! Baking a datasets directory: discover files, validate them together, write the outputs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::emit;
use crate::read::{RawTable, read_table};
use crate::table_path::parse_table_path;

/// Where to read datasets from, where to write, and how the generated code names things.
#[derive(Debug, Clone)]
pub struct BakeOptions {
    /// The directory holding `**/*.csv`.
    pub datasets_dir: PathBuf,
    /// How paths are shown in messages and `@generated` headers (usually `datasets`).
    pub display_dir: String,
    /// Path of the datamimic runtime crate in generated code: `crate` inside datamimic itself,
    /// `::datamimic` in users' crates.
    pub runtime: String,
    /// Path of the module that includes the generated file (`crate::tables` in datamimic,
    /// `crate::__datamimic_tables` in users' crates).
    pub module: String,
    /// Whether to also emit the `#[macro_export]` lookup macro `__table!` (datamimic only).
    pub export_lookup_macro: bool,
    /// The `concat!` arguments that name the directory the generated code includes the
    /// table files from: `env!("OUT_DIR"), "/datamimic_tables"` in a build script.
    pub blob_dir: String,
    /// The cargo feature that lays all table text out in one block, grouped by how plain it
    /// is, for `datamimic::plain_table_text` (datamimic only). Without it every table's
    /// text is a static of its own.
    pub shared_text_feature: Option<String>,
    /// Whether each country's variant is kept only with the cargo feature named by its
    /// lower-case code (`de`); US, the fallback, is always kept (datamimic only).
    pub country_features: bool,
    /// Whether the lookup macros and the catalogue go to files of their own
    /// ([`Baked::lookup`]) for the crate that re-exports the tables: datamimic, whose lookup
    /// calls the derive's checking macros, while its tables live in datamimic-core, which
    /// compiles beside the derive.
    pub lookup_apart: bool,
}

impl BakeOptions {
    /// Options for a user crate whose tables live in `datasets_dir`.
    pub fn user(datasets_dir: impl Into<PathBuf>) -> BakeOptions {
        BakeOptions {
            datasets_dir: datasets_dir.into(),
            display_dir: "datasets".to_owned(),
            runtime: "::datamimic".to_owned(),
            module: "crate::__datamimic_tables".to_owned(),
            export_lookup_macro: false,
            blob_dir: format!("env!(\"OUT_DIR\"), \"/{}\"", emit::BLOB_DIR),
            shared_text_feature: None,
            country_features: false,
            lookup_apart: false,
        }
    }

    /// Options for datamimic's own tables, baked from `datasets_dir` into the committed
    /// directories [`BUILTIN_DIR`] (the tables, in datamimic-core) and [`BUILTIN_LOOKUP_DIR`]
    /// (their lookup by name and catalogue, in datamimic; see [`write_committed`]). Both
    /// crates name the runtime `crate` and the tables `crate::tables`.
    pub fn builtin(datasets_dir: impl Into<PathBuf>) -> BakeOptions {
        BakeOptions {
            datasets_dir: datasets_dir.into(),
            display_dir: "datasets".to_owned(),
            runtime: "crate".to_owned(),
            module: "crate::tables".to_owned(),
            export_lookup_macro: true,
            // datamimic-core's manifest directory holds `baked/`.
            blob_dir: "env!(\"CARGO_MANIFEST_DIR\"), \"/baked\"".to_owned(),
            shared_text_feature: Some("shared-table-text".to_owned()),
            country_features: true,
            lookup_apart: true,
        }
    }
}

/// Where datamimic's baked tables are committed, relative to the repository.
pub const BUILTIN_DIR: &str = "datamimic-core/baked";

/// Where the lookup macros and the catalogue of datamimic's baked tables are committed,
/// relative to the repository.
pub const BUILTIN_LOOKUP_DIR: &str = "datamimic/baked";

/// File name of the generated source in a committed bake.
const COMMITTED_SOURCE: &str = "tables.rs";

/// One baked file, as recorded in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BakedTable {
    /// `common/person/family_name`
    pub key: String,
    /// `US`, or empty for a table without a country.
    pub country: String,
    /// The file as shown in messages.
    pub source: String,
    /// Value column names.
    pub columns: Vec<String>,
    /// Number of data rows.
    pub rows: usize,
    /// Exact decimal sum of the weights.
    pub total_weight: String,
    /// FNV-1a 64 of the parsed content (columns, cells, weights).
    pub hash: u64,
}

/// The result of a successful bake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baked {
    /// Every baked file, sorted by key, then country.
    pub tables: Vec<BakedTable>,
    /// The Rust source to `include!`.
    pub source: String,
    /// Binary column files to write next to it: (file name, bytes).
    pub blobs: Vec<(String, Vec<u8>)>,
    /// With [`BakeOptions::lookup_apart`], the files of the crate that re-exports the tables:
    /// `lookup.rs` (the lookup macros) and the catalogue, which are otherwise in
    /// [`Baked::source`] and [`Baked::blobs`].
    pub lookup: Vec<(String, Vec<u8>)>,
}

impl Baked {
    /// The distinct table keys, sorted.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.tables.iter().map(|t| t.key.as_str()).collect();
        keys.dedup();
        keys
    }
}

/// One file that was read successfully, before grouping.
pub(crate) struct Parsed {
    pub(crate) meta: BakedTable,
    pub(crate) table: RawTable,
}

/// Reads and validates every dataset below `options.datasets_dir` and renders the outputs in
/// memory; nothing is written. All problems of all files are returned together.
pub fn bake(options: &BakeOptions) -> Result<Baked, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut files = Vec::new();
    collect_csv_files(
        &options.datasets_dir,
        &options.datasets_dir,
        &mut files,
        &mut diagnostics,
    );
    files.sort();
    let mut parsed: Vec<Parsed> = Vec::new();
    for result in on_every_core(&files, |relative| read_one(options, relative)) {
        match result {
            Ok(table) => parsed.push(table),
            Err(found) => found.into_iter().for_each(|d| diagnostics.push(d)),
        }
    }
    check_families(&parsed, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    parsed.sort_by(|a, b| (&a.meta.key, &a.meta.country).cmp(&(&b.meta.key, &b.meta.country)));
    let (source, blobs, lookup) = emit::render(options, &parsed);
    Ok(Baked {
        tables: parsed.into_iter().map(|p| p.meta).collect(),
        source,
        blobs,
        lookup,
    })
}

/// Reads, parses and checks one dataset file (`relative` to the datasets directory).
fn read_one(options: &BakeOptions, relative: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let shown = format!("{}/{}", options.display_dir, relative);
    let path =
        parse_table_path(relative).map_err(|message| vec![Diagnostic::in_file(&shown, message)])?;
    let bytes = fs::read(options.datasets_dir.join(relative)).map_err(|err| {
        vec![Diagnostic::in_file(
            &shown,
            format!("cannot read the file: {err}"),
        )]
    })?;
    let table = read_table(&shown, &bytes)?;
    Ok(Parsed {
        meta: BakedTable {
            key: path.key,
            country: path.country.unwrap_or_default(),
            source: shown,
            columns: table.columns.clone(),
            rows: table.rows.len(),
            total_weight: table.weights.total_display(),
            hash: content_hash(&table),
        },
        table,
    })
}

/// `work` applied to every item, spread over the machine's cores, results in the items' order.
/// The bake runs in every user's clean build, in a debug build script, so its wall time counts.
pub(crate) fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        return items.iter().map(&work).collect();
    }
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    // Item `i` goes to thread `i % threads`, so large and small files spread evenly.
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let work = &work;
                scope.spawn(move || {
                    (t..items.len())
                        .step_by(threads)
                        .map(|i| (i, work(&items[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    for (i, result) in done.into_iter().flatten() {
        slots[i] = Some(result);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every item was worked on"))
        .collect()
}

/// Rules across files: one definition per (table, country), one static name per table, the
/// same columns for every country, and no mix of country and country-less files.
fn check_families(parsed: &[Parsed], diagnostics: &mut Diagnostics) {
    let mut by_key: BTreeMap<&str, Vec<&BakedTable>> = BTreeMap::new();
    for p in parsed {
        by_key.entry(&p.meta.key).or_default().push(&p.meta);
    }
    let mut by_ident: BTreeMap<String, &str> = BTreeMap::new();
    for (key, variants) in &by_key {
        if let Some(other) = by_ident.insert(emit::family_ident(key), key) {
            diagnostics.push(Diagnostic::in_file(
                &variants[0].source,
                format!("table `{key}` is defined twice: its name clashes with table `{other}`"),
            ));
        }
        let first = variants[0];
        for (i, table) in variants.iter().enumerate() {
            if let Some(twin) = variants[..i].iter().find(|t| t.country == table.country) {
                diagnostics.push(Diagnostic::in_file(
                    &table.source,
                    format!("table `{key}` is defined twice: also in {}", twin.source),
                ));
            } else if table.country.is_empty() != first.country.is_empty() {
                diagnostics.push(Diagnostic::in_file(
                    &table.source,
                    format!(
                        "table `{key}` is defined twice: {} has no country suffix, so the table \
                         cannot also have per-country files",
                        if first.country.is_empty() {
                            &first.source
                        } else {
                            &table.source
                        }
                    ),
                ));
            } else if table.columns != first.columns {
                diagnostics.push(Diagnostic::in_file(
                    &table.source,
                    format!(
                        "columns `{}` differ from `{}` in {}; every country of a table must have the same columns",
                        table.columns.join(","),
                        first.columns.join(","),
                        first.source
                    ),
                ));
            }
        }
    }
}

fn collect_csv_files(
    root: &Path,
    dir: &Path,
    out: &mut Vec<String>,
    diagnostics: &mut Diagnostics,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diagnostics.push(Diagnostic::in_file(
                &dir.display().to_string(),
                format!("cannot read the directory: {err}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_csv_files(root, &path, out, diagnostics);
        } else if path.extension().is_some_and(|e| e == "csv")
            && path.file_name() != Some("MANIFEST.csv".as_ref())
        {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
}

/// FNV-1a 64 over the parsed content, so formatting-only edits (comments, CRLF, quoting) keep
/// the hash and any change of data changes it.
fn content_hash(table: &RawTable) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for column in &table.columns {
        feed(column.as_bytes());
        feed(&[0x1f]);
    }
    feed(&table.weights.decimals.to_le_bytes());
    for (row, weight) in table.rows.iter().zip(&table.weights.scaled) {
        for cell in row {
            feed(cell.as_bytes());
            feed(&[0x1f]);
        }
        feed(&weight.to_le_bytes());
        feed(&[0x1e]);
    }
    hash
}

/// The files of `baked` as datamimic's committed bake holds them, by path from the repository:
/// the source and the table files in [`BUILTIN_DIR`], the lookup and the catalogue in
/// [`BUILTIN_LOOKUP_DIR`].
fn committed_files(baked: &Baked) -> BTreeMap<String, &[u8]> {
    let mut files: BTreeMap<String, &[u8]> = [
        (BUILTIN_DIR, &baked.blobs),
        (BUILTIN_LOOKUP_DIR, &baked.lookup),
    ]
    .into_iter()
    .flat_map(|(dir, files)| {
        files
            .iter()
            .map(move |(name, bytes)| (format!("{dir}/{name}"), bytes.as_slice()))
    })
    .collect();
    files.insert(
        format!("{BUILTIN_DIR}/{COMMITTED_SOURCE}"),
        baked.source.as_bytes(),
    );
    files
}

/// The files of the committed bake's directories below `repo`, by path from it.
fn committed_dir_files(repo: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for dir in [BUILTIN_DIR, BUILTIN_LOOKUP_DIR] {
        if let Ok(entries) = fs::read_dir(repo.join(dir)) {
            for entry in entries.flatten() {
                found.push(format!("{dir}/{}", entry.file_name().to_string_lossy()));
            }
        }
    }
    found
}

/// The files of datamimic's committed bake below `repo` that differ from `baked`, are missing
/// or should not be there, by path from `repo`; empty when the committed bake is fresh.
pub fn stale_committed(baked: &Baked, repo: &Path) -> Vec<String> {
    let files = committed_files(baked);
    let mut stale: Vec<String> = files
        .iter()
        .filter(|(path, bytes)| fs::read(repo.join(path)).ok().as_deref() != Some(**bytes))
        .map(|(path, _)| path.clone())
        .collect();
    for path in committed_dir_files(repo) {
        if !files.contains_key(&path) {
            stale.push(format!("{path} (no longer baked)"));
        }
    }
    stale.sort();
    stale
}

/// Writes `baked` as datamimic's committed bake below `repo` (the files that changed), and
/// removes files that are no longer baked.
pub fn write_committed(baked: &Baked, repo: &Path) -> std::io::Result<()> {
    for dir in [BUILTIN_DIR, BUILTIN_LOOKUP_DIR] {
        fs::create_dir_all(repo.join(dir))?;
    }
    let files = committed_files(baked);
    for path in committed_dir_files(repo) {
        if !files.contains_key(&path) {
            fs::remove_file(repo.join(path))?;
        }
    }
    for (path, bytes) in files {
        let path = repo.join(path);
        if fs::read(&path).ok().as_deref() != Some(bytes) {
            fs::write(path, bytes)?;
        }
    }
    Ok(())
}

/// Bakes and writes the outputs into `out_dir`: `datamimic_tables.rs` plus its binary
/// columns under `datamimic_tables/`.
pub fn bake_into(options: &BakeOptions, out_dir: &Path) -> Result<Baked, Diagnostics> {
    let baked = bake(options)?;
    let write = |path: PathBuf, bytes: &[u8]| {
        fs::write(&path, bytes).map_err(|err| {
            Diagnostics(vec![Diagnostic::in_file(
                &path.display().to_string(),
                format!("cannot write: {err}"),
            )])
        })
    };
    let blob_dir = out_dir.join(emit::BLOB_DIR);
    fs::create_dir_all(&blob_dir).map_err(|err| {
        Diagnostics(vec![Diagnostic::in_file(
            &blob_dir.display().to_string(),
            format!("cannot create: {err}"),
        )])
    })?;
    for (name, bytes) in &baked.blobs {
        write(blob_dir.join(name), bytes)?;
    }
    write(out_dir.join(emit::SOURCE_FILE), baked.source.as_bytes())?;
    write(
        out_dir.join("MANIFEST.csv"),
        crate::render_manifest(&baked.tables).as_bytes(),
    )?;
    Ok(baked)
}

/// The whole job of a build script: bake `options` into `OUT_DIR`, ask cargo to rerun when
/// the datasets change, and turn every problem into a `cargo::error=path:line: message` line.
/// Returns the bake on success so the caller can add its own checks.
pub fn run_build_script(options: &BakeOptions) -> Option<Baked> {
    println!("cargo::rerun-if-changed={}", options.datasets_dir.display());
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        println!("cargo::error=OUT_DIR is not set: run this from a build script");
        return None;
    };
    match bake_into(options, Path::new(&out_dir)) {
        Ok(baked) => Some(baked),
        Err(diagnostics) => {
            for line in diagnostics.lines() {
                println!("cargo::error={line}");
            }
            None
        }
    }
}

/// One call for a user crate's `build.rs`: bakes `datasets/` next to its `Cargo.toml` so that
/// `datamimic::include_tables!()` and `#[mimic(weighted = "...")]` can use the tables.
pub fn bake_user_datasets() {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    if let Some(baked) = run_build_script(&BakeOptions::user(manifest_dir.join("datasets"))) {
        println!(
            "cargo::rustc-env=DATAMIMIC_USER_TABLES={}",
            baked.keys().join(",")
        );
    }
}
