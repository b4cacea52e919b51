//! Data files as value sources beyond CSV rows: JSON and XML files (rows, see
//! [`crate::json_source`] and [`crate::xml_source`]) and weighted values (`*.wgt.csv`).
//!
//! A `*.wgt.csv` file is DATAMIMIC's headerless list of weighted values, one per line: the
//! last column is the weight and the columns before it, joined by the separator, the value
//! (`true|80`); a line of one column has weight 1. A `<key>` or `<variable>` reading it draws
//! one value per record by weight; values are text, converted by the element's `type`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Result, anyhow};
use datamimic::Table;
use roxmltree::Node;

use super::{Ctx, Parser};
use crate::csv_source::{Distribution, RowSource, Rows};
use crate::descriptor::ValueSource;
use crate::json_source::JsonRows;

impl Parser<'_, '_> {
    /// The data file `uri` names, inside the descriptor's folder, and how to show it.
    fn data_file(&self, node: Node<'_, '_>, ctx: &Ctx<'_>, uri: &str) -> Result<(PathBuf, String)> {
        let base = Path::new(&*self.source.name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = crate::project_files::resolve(&ctx.root, &base, uri)
            .map_err(|e| self.err_attr(node, "source", e))?;
        Ok((path, base.join(uri).display().to_string()))
    }

    /// `source="*.json"` or `source="*.xml"` on a generate or variable: the file's records
    /// as rows.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn document_source(
        &self,
        node: Node<'_, '_>,
        ctx: &Ctx<'_>,
        uri: &str,
        kind: Document,
        cyclic: bool,
        distribution: Distribution,
        variable: bool,
    ) -> Result<RowSource> {
        if variable && node.attribute("separator").is_some() {
            let message = match kind {
                Document::Json => "a JSON source has no separator",
                Document::Xml => "an XML source has no separator",
            };
            return Err(self.err_attr(node, "separator", message));
        }
        let (path, shown) = self.data_file(node, ctx, uri)?;
        let rows = match kind {
            Document::Json => JsonRows::read(&path, &shown),
            // The root's child elements, read as xmltodict reads them ([`crate::xml_source`]).
            Document::Xml => crate::xml_source::read(&path, &shown),
        }
        .map_err(|e| anyhow!("{e:#} (the `source` at {})", self.attr_pos(node, "source")))?;
        if rows.rows.is_empty() && (cyclic || distribution == Distribution::Random) {
            return Err(self.err_attr(
                node,
                "source",
                format_args!("`{uri}` has no rows to repeat or draw from"),
            ));
        }
        Ok(RowSource {
            pos: self.attr_pos(node, "source"),
            rows: Rows::Json(Arc::new(rows)),
            cyclic,
            distribution,
        })
    }

    /// `source="*.wgt.csv"` on a key or variable: a value per record, drawn by weight.
    pub(super) fn weighted_source(
        &self,
        node: Node<'_, '_>,
        ctx: &Ctx<'_>,
        uri: &str,
        name: &str,
    ) -> Result<ValueSource> {
        for attr in ["cyclic", "distribution", "selector"] {
            if node.attribute(attr).is_some() {
                return Err(self.err_attr(
                    node,
                    attr,
                    "weighted values are drawn by weight: this does not apply",
                ));
            }
        }
        let separator = match self.value(node, "separator", ctx)? {
            Some(s) => self.separator(node, "separator", &s)?,
            None => ctx.separator,
        };
        let (path, shown) = self.data_file(node, ctx, uri)?;
        let text = std::fs::read_to_string(&path)
            .map_err(|e| self.err_attr(node, "source", format_args!("cannot read `{uri}`: {e}")))?;
        let at = |line: usize, col: usize, message: String| {
            anyhow!(
                "{shown}:{line}:{col}: {message} (the `source` at {})",
                self.attr_pos(node, "source")
            )
        };
        let separator = char::from(separator);
        let mut rows = Vec::new();
        let mut weights = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let (value, weight) = match line.rsplit_once(separator) {
                Some((value, weight)) => {
                    let weight = weight.trim();
                    if !weight
                        .parse::<f64>()
                        .is_ok_and(|w| w.is_finite() && w >= 0.0)
                    {
                        let col = value.chars().count() + 2;
                        return Err(at(
                            i + 1,
                            col,
                            format!("the weight `{weight}` is not a non-negative number"),
                        ));
                    }
                    (value, weight)
                }
                None => (line, "1"),
            };
            rows.push(vec![value.to_owned()]);
            weights.push(weight.to_owned());
        }
        if rows.is_empty() {
            return Err(self.err_attr(node, "source", format_args!("`{uri}` has no values")));
        }
        let values = rows
            .iter()
            .map(|row| rhai::Dynamic::from(row[0].clone()))
            .collect();
        let weight_refs: Vec<&str> = weights.iter().map(String::as_str).collect();
        let table = Table::build_leaked(name, &["value"], rows, &weight_refs)
            .map_err(|e| self.err_attr(node, "source", format_args!("`{uri}`: {e}")))?;
        Ok(ValueSource::Values(table, values))
    }
}

/// A file of records a `source` names: JSON, or XML read as xmltodict reads it.
#[derive(Clone, Copy)]
pub(super) enum Document {
    Json,
    Xml,
}
