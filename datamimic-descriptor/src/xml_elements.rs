//! `<element>` inside a `<key>`, as DATAMIMIC writes XML: the key's value becomes a dict of
//! the elements' values as `@name` (attributes of the key's XML element) followed by the
//! key's own value as `#text` (left out when null, as `script="None"` makes it). Other
//! exporters write the dict as it is, and scripts read it (`part.tag.get('@id')`).
//! An `<element>` directly in a `<nestedKey>` or `<generate>` is a key named `@name`
//! (parsed so in [`crate::parse`]).

use anyhow::Result;
use rhai::Scope;

use crate::descriptor::Field;
use crate::record::{Node, eval_field};
use crate::script::Engine;

/// The value of key `f`, which has `<element>`s, for record `index`.
pub(crate) fn eval_key_with_elements(
    engine: &Engine,
    f: &Field,
    index: u64,
    scope: &mut Scope<'_>,
) -> Result<Node> {
    let text = eval_field(engine, f, index, scope)?;
    let mut fields = Vec::with_capacity(f.elements.len() + 1);
    for element in &f.elements {
        let value = eval_field(engine, element, index, scope)?;
        fields.push((format!("@{}", element.name), Node::Value(value)));
    }
    if !text.is_unit() {
        fields.push(("#text".to_owned(), Node::Value(text)));
    }
    Ok(Node::Map(fields))
}
