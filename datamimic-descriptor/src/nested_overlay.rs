//! A `<nestedKey script="..">` with keys inside, as DATAMIMIC runs it: the script's dict (or
//! each dict of its list) is the start of the value, its entries are in scope by their bare
//! names, and the nestedKey's keys add to it or replace entries in place (the XML demo keeps
//! a template's students and rewrites their names this way). Each dict of a list draws its
//! entities apart, as DATAMIMIC's do.

use anyhow::Result;
use rhai::{Dynamic, Map, Scope};

use crate::descriptor::{Nested, error_at};
use crate::element_ordinal;
use crate::record::{Node, eval_stmts};
use crate::script::Engine;

/// The value of `n` for record `index`, from its script's `value` and its keys.
pub(crate) fn overlay_script_value(
    engine: &Engine,
    n: &Nested,
    value: Dynamic,
    index: u64,
    scope: &mut Scope<'_>,
) -> Result<Node> {
    if let Some(map) = value.read_lock::<Map>() {
        return element(engine, n, &value, &map, index, scope);
    }
    if let Some(items) = value.read_lock::<rhai::Array>() {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| match item.read_lock::<Map>() {
                // Each element draws its own entities (a person per student).
                Some(map) => element_ordinal::within(
                    element_ordinal::Ordinals::script_element(index, i as u64),
                    || element(engine, n, item, &map, index, scope),
                ),
                None => Err(error_at(
                    &n.pos,
                    format_args!(
                        "`{}`: element {i} of the script's list is {}, not a dict its keys can \
                         go into, on record {index}",
                        n.name,
                        item.type_name()
                    ),
                )),
            })
            .collect::<Result<Vec<_>>>()
            .map(Node::List);
    }
    Err(error_at(
        &n.pos,
        format_args!(
            "`{}`: the script gave {} `{value}`, but a nestedKey with keys needs a dict or a \
             list of dicts, on record {index}",
            n.name,
            value.type_name()
        ),
    ))
}

/// One dict: its entries, then the keys' values over them.
fn element(
    engine: &Engine,
    n: &Nested,
    dict: &Dynamic,
    start: &Map,
    index: u64,
    scope: &mut Scope<'_>,
) -> Result<Node> {
    let mark = scope.len();
    let mut fields = Vec::with_capacity(start.len() + n.body.len());
    for (name, value) in crate::dict_order::entries(dict, start) {
        scope.push_dynamic(name, value.clone());
        fields.push((name.to_owned(), Node::Value(value.clone())));
    }
    let entries = fields.len();
    eval_stmts(engine, &n.body, index, scope, &mut fields)?;
    crate::csv_source::overlay(&mut fields, entries);
    scope.rewind(mark);
    Ok(Node::Map(fields))
}
