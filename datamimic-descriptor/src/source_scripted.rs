//! `sourceScripted="True"` on a `<generate>` or list `<nestedKey>` with a CSV or JSON
//! `source`: a text value holding `{expression}` is a script, evaluated for each record that
//! reads the row, as in DATAMIMIC. A value that is one expression (`{multiply(43, 32)}`)
//! becomes the expression's value, keeping its type; text around expressions
//! (`id-{n + 1}`) makes a text value with each expression's text in its place. The
//! expressions see the names in scope where the row is read (the enclosing record's
//! variables, not the row's own columns), and are compiled when the descriptor is read, so
//! a mistake is reported before anything runs.

use std::sync::Arc;

use anyhow::Result;
use rhai::{Dynamic, Scope};

use crate::csv_source::{CsvRows, RowSource, Rows};
use crate::descriptor::{Pos, error_at};
use crate::json_source::JsonRows;
use crate::record::Node;
use crate::script::{Engine, Script};
use crate::script_source::ScriptSource;

/// A text value of a scripted source: literal text and expressions, in order.
#[derive(Debug, Clone)]
pub struct Template {
    parts: Arc<Vec<Part>>,
}

#[derive(Debug)]
enum Part {
    Text(String),
    Expression(Script),
}

impl Template {
    /// Splits `text` into text and `{expressions}`; `None` when it holds none. `place` names
    /// the value in errors.
    fn parse(engine: &Engine, text: &str, place: &str) -> Result<Option<Template>, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| format!("{place}: `{{` without `}}` in {text:?}"))?;
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let expression = rest[open + 1..close].trim();
            let source = ScriptSource::from_attribute(place.into(), expression, (1, 1), expression);
            let script = Script::compile(engine, source).map_err(|f| {
                format!(
                    "{place}: `{{{expression}}}` does not compile: {}",
                    f.message
                )
            })?;
            parts.push(Part::Expression(script));
            rest = &rest[close + 1..];
        }
        if parts.is_empty() {
            return Ok(None);
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Some(Template {
            parts: Arc::new(parts),
        }))
    }

    /// The value for the names in `scope`.
    fn eval(&self, engine: &Engine, scope: &mut Scope<'_>) -> Result<Dynamic, String> {
        if let [Part::Expression(script)] = self.parts.as_slice() {
            return script.eval(engine, scope).map_err(|f| f.message);
        }
        let mut text = String::new();
        for part in self.parts.iter() {
            match part {
                Part::Text(t) => text.push_str(t),
                Part::Expression(script) => {
                    let value = script.eval(engine, scope).map_err(|f| f.message)?;
                    text.push_str(&value.to_string());
                }
            }
        }
        Ok(text.into())
    }
}

/// Makes `source`'s text values with `{expressions}` scripts (a copy: the file's rows stay
/// as they are for other sources reading it). Only CSV and JSON files can be scripted.
pub fn script_rows(source: &mut RowSource, engine: &Engine, pos: &Pos) -> Result<()> {
    let fail = |m: String| error_at(pos, format_args!("`sourceScripted`: {m}"));
    source.rows = match &source.rows {
        Rows::Csv(rows) => {
            let mut scripted: Vec<Vec<Dynamic>> = Vec::with_capacity(rows.rows.len());
            for (i, row) in rows.rows.iter().enumerate() {
                let mut cells = Vec::with_capacity(row.len());
                for (column, cell) in rows.header.iter().zip(row) {
                    let place = format!("`{}` row {} column `{column}`", rows.name, i + 1);
                    cells.push(script_value(engine, cell, &place).map_err(fail)?);
                }
                scripted.push(cells);
            }
            Rows::Csv(Arc::new(CsvRows {
                name: rows.name.clone(),
                header: rows.header.clone(),
                rows: scripted,
            }))
        }
        Rows::Json(rows) => {
            let mut scripted = Vec::with_capacity(rows.rows.len());
            for (i, row) in rows.rows.iter().enumerate() {
                let mut fields = Vec::with_capacity(row.len());
                for (name, node) in row {
                    let place = format!("`{}` row {} field `{name}`", rows.name, i + 1);
                    fields.push((
                        name.clone(),
                        script_node(engine, node, &place).map_err(fail)?,
                    ));
                }
                scripted.push(fields);
            }
            Rows::Json(Arc::new(JsonRows {
                name: rows.name.clone(),
                rows: scripted,
            }))
        }
        Rows::Mem(_) | Rows::Db(_) => {
            return Err(fail(
                "only a CSV or JSON file `source` can be scripted".to_owned(),
            ));
        }
    };
    Ok(())
}

fn script_value(engine: &Engine, value: &Dynamic, place: &str) -> Result<Dynamic, String> {
    if let Some(text) = value.read_lock::<rhai::ImmutableString>()
        && let Some(template) = Template::parse(engine, &text, place)?
    {
        return Ok(Dynamic::from(template));
    }
    Ok(value.clone())
}

fn script_node(engine: &Engine, node: &Node, place: &str) -> Result<Node, String> {
    Ok(match node {
        Node::Value(v) => Node::Value(script_value(engine, v, place)?),
        Node::Map(fields) => Node::Map(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), script_node(engine, v, &format!("{place}.{k}"))?)))
                .collect::<Result<_, String>>()?,
        ),
        Node::List(items) => Node::List(
            items
                .iter()
                .map(|v| script_node(engine, v, place))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// Evaluates the scripted values of a row's fields (`name`, value, node) for the names in
/// `scope`; a row without scripts is left as it is.
pub fn evaluate(
    engine: &Engine,
    fields: &mut [(&str, Dynamic, Node)],
    scope: &mut Scope<'_>,
    pos: &Pos,
) -> Result<()> {
    for (name, value, node) in fields.iter_mut() {
        let fail = |m: String| error_at(pos, format_args!("`{name}` of the scripted source: {m}"));
        if !has_template(node) {
            continue;
        }
        *node = eval_node(engine, node, scope).map_err(fail)?;
        *value = node.to_dynamic();
    }
    Ok(())
}

fn has_template(node: &Node) -> bool {
    match node {
        Node::Value(v) => v.is::<Template>(),
        Node::Map(fields) => fields.iter().any(|(_, v)| has_template(v)),
        Node::List(items) => items.iter().any(has_template),
    }
}

fn eval_node(engine: &Engine, node: &Node, scope: &mut Scope<'_>) -> Result<Node, String> {
    Ok(match node {
        Node::Value(v) => match v.clone().try_cast::<Template>() {
            Some(template) => Node::Value(template.eval(engine, scope)?),
            None => Node::Value(v.clone()),
        },
        Node::Map(fields) => Node::Map(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), eval_node(engine, v, scope)?)))
                .collect::<Result<_, String>>()?,
        ),
        Node::List(items) => Node::List(
            items
                .iter()
                .map(|v| eval_node(engine, v, scope))
                .collect::<Result<_, String>>()?,
        ),
    })
}
