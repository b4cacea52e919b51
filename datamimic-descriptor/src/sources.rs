//! The files of a descriptor: the top file and every file it `<include>`s, each read once
//! (by canonical path) and checked before the descriptor model is built, so no input can make
//! parsing recurse, read or allocate without bound:
//!
//! - well-formed XML, elements nested at most [`MAX_NESTING_DEPTH`] deep;
//! - include chains at most [`MAX_INCLUDE_DEPTH`] long, and a cycle named at once
//!   (`a.xml:3:5: include cycle: a.xml -> b.xml -> a.xml`);
//! - at most [`MAX_DESCRIPTOR_ELEMENTS`] elements with every include expanded. Inclusion is
//!   textual, as in DATAMIMIC: a file included twice (a diamond) contributes its generates
//!   twice and counts twice, so the bound is checked on the expanded size, computed per file
//!   once, before anything is expanded.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Result, anyhow, bail};
use roxmltree::{Document, Node};

use crate::descriptor::{MAX_DESCRIPTOR_ELEMENTS, MAX_INCLUDE_DEPTH, MAX_NESTING_DEPTH, Pos};
use crate::line_index::LineIndex;

/// One descriptor file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as given (the top file) or joined to its includer's directory.
    pub name: Arc<str>,
    /// Its text.
    pub text: String,
    /// Line and column lookups in `text`.
    pub lines: LineIndex,
    /// For each `<include>` of the file (by the element's start offset), the included file's
    /// index in [`Sources::files`].
    pub includes: HashMap<usize, usize>,
}

impl SourceFile {
    /// The place of byte `offset`.
    pub fn pos_at(&self, offset: usize) -> Pos {
        let (line, col) = self.lines.line_col(&self.text, offset);
        Pos {
            file: self.name.clone(),
            line,
            col,
        }
    }

    /// Parses the text (already known to be well-formed).
    pub fn document(&self) -> Result<Document<'_>> {
        Document::parse(&self.text).map_err(|e| {
            let p = e.pos();
            anyhow!("{}:{}:{}: malformed XML: {e}", self.name, p.row, p.col)
        })
    }
}

/// All files of a descriptor; the first is the top file.
#[derive(Debug)]
pub struct Sources {
    /// The files, each once.
    pub files: Vec<SourceFile>,
}

/// Reads and checks the descriptor at `path` and everything it includes.
pub fn load(path: &Path) -> Result<Sources> {
    let mut loader = Loader {
        files: Vec::new(),
        by_path: HashMap::new(),
        expanded: Vec::new(),
        chain: Vec::new(),
    };
    loader.visit(path)?;
    Ok(Sources {
        files: loader.files,
    })
}

/// An error that already says everything: not prefixed with the include chain leading to it.
#[derive(Debug)]
struct Complete(String);

impl fmt::Display for Complete {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Complete {}

struct Loader {
    files: Vec<SourceFile>,
    by_path: HashMap<PathBuf, usize>,
    /// Each file's element count with its includes expanded; `None` while it is being read.
    expanded: Vec<Option<u64>>,
    /// The files being read, outermost first, each with the `<include>` (start offset) being
    /// followed.
    chain: Vec<(usize, usize)>,
}

/// An `<include>` found in a file.
struct Include {
    offset: usize,
    uri: String,
}

impl Loader {
    /// Reads the file at `path` (once) and what it includes; returns its index.
    fn visit(&mut self, path: &Path) -> Result<usize> {
        let shown = path.display().to_string();
        let canonical = std::fs::canonicalize(path)
            .map_err(|e| anyhow!("cannot read descriptor `{shown}`: {e}"))?;
        if let Some(&index) = self.by_path.get(&canonical) {
            if self.expanded[index].is_none() {
                return Err(self.cycle(index));
            }
            return Ok(index);
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow!("cannot read descriptor `{shown}`: {e}"))?;
        let name: Arc<str> = shown.into();
        let lines = LineIndex::new(&text);
        let (elements, includes) = {
            let doc = Document::parse(&text).map_err(|e| {
                let p = e.pos();
                anyhow!("{name}:{}:{}: malformed XML: {e}", p.row, p.col)
            })?;
            scan(&doc, |node| {
                let (line, col) = lines.line_col(&text, node.range().start);
                Pos {
                    file: name.clone(),
                    line,
                    col,
                }
            })?
        };
        let index = self.files.len();
        self.files.push(SourceFile {
            name,
            text,
            lines,
            includes: HashMap::new(),
        });
        self.by_path.insert(canonical, index);
        self.expanded.push(None);
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut total = elements;
        for include in includes {
            let pos = self.files[index].pos_at(include.offset);
            if self.chain.len() + 1 >= MAX_INCLUDE_DEPTH {
                return Err(Complete(format!(
                    "{pos}: includes chain more than {MAX_INCLUDE_DEPTH} files deep"
                ))
                .into());
            }
            let included = base.join(&include.uri);
            // Properties files are read by the parser, where their values take effect.
            if included.extension().and_then(|e| e.to_str()) == Some("properties") {
                continue;
            }
            if included.extension().and_then(|e| e.to_str()) != Some("xml") {
                return Err(anyhow!(
                    "{pos}: only `.xml` descriptors and `.properties` files can be included"
                ));
            }
            self.chain.push((index, include.offset));
            let target = self.visit(&included).map_err(|e| {
                if e.is::<Complete>() {
                    e
                } else {
                    anyhow!("{pos}: in included `{}`: {e:#}", include.uri)
                }
            })?;
            self.chain.pop();
            self.files[index].includes.insert(include.offset, target);
            total = total.saturating_add(self.expanded[target].unwrap_or(0));
            if total > MAX_DESCRIPTOR_ELEMENTS {
                return Err(Complete(format!(
                    "{pos}: with `{}` included here the descriptor has more than \
                     {MAX_DESCRIPTOR_ELEMENTS} elements (inclusion is textual: each inclusion \
                     counts)",
                    include.uri
                ))
                .into());
            }
        }
        self.expanded[index] = Some(total);
        Ok(index)
    }

    /// The error for an include of `index`, which is still being read.
    fn cycle(&self, index: usize) -> anyhow::Error {
        let start = self
            .chain
            .iter()
            .position(|&(file, _)| file == index)
            .unwrap_or(0);
        let names: Vec<&str> = self.chain[start..]
            .iter()
            .map(|&(file, _)| &*self.files[file].name)
            .chain([&*self.files[index].name])
            .collect();
        let pos = self.chain.get(start).map_or_else(
            || self.files[index].name.to_string(),
            |&(file, offset)| self.files[file].pos_at(offset).to_string(),
        );
        Complete(format!("{pos}: include cycle: {}", names.join(" -> "))).into()
    }
}

/// Counts the elements of `doc`, checks how deep they nest, and finds the `<include>`s of a
/// `<setup>` root (others are reported when the model is built).
fn scan(doc: &Document<'_>, pos: impl Fn(Node<'_, '_>) -> Pos) -> Result<(u64, Vec<Include>)> {
    // Element depth by node id; a preorder walk sees each parent before its children.
    let mut depths: Vec<u32> = Vec::new();
    let mut elements = 0u64;
    for node in doc.descendants().filter(Node::is_element) {
        let depth = node
            .parent()
            .and_then(|p| depths.get(p.id().get_usize()).copied())
            .unwrap_or(0)
            + 1;
        let id = node.id().get_usize();
        if depths.len() <= id {
            depths.resize(id + 1, 0);
        }
        depths[id] = depth;
        elements += 1;
        if depth as usize > MAX_NESTING_DEPTH {
            bail!(
                "{}: elements nest more than {MAX_NESTING_DEPTH} levels deep",
                pos(node)
            );
        }
        if elements > MAX_DESCRIPTOR_ELEMENTS {
            bail!(
                "{}: the descriptor has more than {MAX_DESCRIPTOR_ELEMENTS} elements",
                pos(node)
            );
        }
    }
    let root = doc.root_element();
    let includes = if root.tag_name().name() == "setup" {
        root.children()
            .filter(|c| c.is_element() && c.tag_name().name() == "include")
            .filter_map(|c| {
                c.attribute("uri").map(|uri| Include {
                    offset: c.range().start,
                    uri: uri.to_owned(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok((elements, includes))
}
