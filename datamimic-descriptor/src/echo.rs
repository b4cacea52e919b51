//! `<echo>`: a message printed when the run reaches it, with `{expr}` parts filled in: a
//! property or constant setup variable by its text, anything else as a script over the setup
//! variables (`<echo>Exporting {customer_count} customers from {source_db}</echo>`).

use std::collections::HashMap;

use anyhow::Result;
use rhai::Scope;

use crate::script::Engine;

use crate::descriptor::{Pos, error_at};
use crate::script::Script;
use crate::script_source::ScriptSource;

/// A parsed `<echo>`.
#[derive(Debug)]
pub struct Echo {
    /// Where it is.
    pub pos: Pos,
    /// The text and expressions, in order.
    pub parts: Vec<EchoPart>,
}

/// A piece of an echo.
#[derive(Debug)]
pub enum EchoPart {
    /// Printed as is.
    Text(String),
    /// A `{script}`, evaluated when printed.
    Expr(Script),
}

impl Echo {
    /// Splits `text` (the echo's trimmed content) at `{...}`; `pos_of` gives the descriptor
    /// place of a byte offset in `text`. Properties (`props`) are filled in now; other
    /// expressions are compiled, so a syntax error is reported before the run starts.
    pub fn parse(
        engine: &Engine,
        text: &str,
        pos: Pos,
        pos_of: impl Fn(usize) -> Pos,
        props: &HashMap<String, String>,
    ) -> Result<Echo> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(open) = rest.find(['{', '}']) {
            let offset = text.len() - rest.len() + open;
            if rest[open..].starts_with('}') {
                return Err(error_at(
                    &pos_of(offset),
                    "`<echo>`: `}` without a matching `{`",
                ));
            }
            literal.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                return Err(error_at(
                    &pos_of(offset),
                    "`<echo>`: `{` without a matching `}`",
                ));
            };
            let expr = &rest[open + 1..open + close];
            if let Some(value) = props.get(expr.trim()) {
                literal.push_str(value);
            } else {
                if expr.trim().is_empty() {
                    return Err(error_at(&pos_of(offset), "`<echo>`: empty `{}`"));
                }
                if !literal.is_empty() {
                    parts.push(EchoPart::Text(std::mem::take(&mut literal)));
                }
                let start = pos_of(offset + 1);
                let source = ScriptSource::from_attribute(
                    start.file.clone(),
                    expr,
                    (start.line, start.col),
                    expr,
                );
                let script = Script::compile(engine, source).map_err(|f| {
                    error_at(
                        &f.pos.unwrap_or(start),
                        format_args!("`<echo>`: expression does not compile: {}", f.message),
                    )
                })?;
                parts.push(EchoPart::Expr(script));
            }
            rest = &rest[open + close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(EchoPart::Text(literal));
        }
        Ok(Echo { pos, parts })
    }

    /// The message, expressions evaluated with `scope` (the setup variables).
    pub fn render(&self, engine: &Engine, scope: &mut Scope<'_>) -> Result<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                EchoPart::Text(text) => out.push_str(text),
                EchoPart::Expr(script) => {
                    let value = script.eval(engine, scope).map_err(|f| {
                        error_at(
                            f.pos.as_ref().unwrap_or(&self.pos),
                            format_args!("`<echo>`: expression failed: {}", f.message),
                        )
                    })?;
                    out.push_str(&value.to_string());
                }
            }
        }
        Ok(out)
    }
}
