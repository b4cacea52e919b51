//! A key written twice in one record: DATAMIMIC's records are Python dicts, so the later
//! value replaces the earlier one at the earlier one's place (`<nestedKey name="same_name">`
//! twice writes one `same_name`, the second's). Only records of a generate whose statements
//! repeat a name pay for the pass ([`crate::descriptor::Generate::repeats`]).

use crate::record::Node;

/// Keeps one field per name in `fields` and in every map inside them: the first's place,
/// the last's value.
pub fn overwrite_repeats(fields: &mut Vec<(String, Node)>) {
    let mut i = 0;
    while i < fields.len() {
        if let Some(first) = fields[..i].iter().position(|(n, _)| *n == fields[i].0) {
            let (_, node) = fields.remove(i);
            fields[first].1 = node;
        } else {
            i += 1;
        }
    }
    for (_, node) in fields {
        within(node);
    }
}

fn within(node: &mut Node) {
    match node {
        Node::Value(_) => {}
        Node::Map(fields) => overwrite_repeats(fields),
        Node::List(items) => items.iter_mut().for_each(within),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(v: i64) -> Node {
        Node::Value(v.into())
    }

    fn shown(fields: &[(String, Node)]) -> Vec<String> {
        fields
            .iter()
            .map(|(n, v)| match v {
                Node::Value(d) => format!("{n}={d}"),
                Node::Map(inner) => format!("{n}={:?}", shown(inner)),
                Node::List(items) => format!("{n}=[{}]", items.len()),
            })
            .collect()
    }

    #[test]
    fn the_last_value_takes_the_first_place() {
        let mut fields = vec![
            ("a".to_owned(), value(1)),
            ("b".to_owned(), value(2)),
            ("a".to_owned(), value(3)),
            (
                "n".to_owned(),
                Node::Map(vec![("x".to_owned(), value(4)), ("x".to_owned(), value(5))]),
            ),
            ("a".to_owned(), value(6)),
        ];
        overwrite_repeats(&mut fields);
        assert_eq!(shown(&fields), ["a=6", "b=2", "n=[\"x=5\"]"]);
    }
}
