//! DATAMIMIC's `RemoveNoneOrEmptyElement` converter: nulls, empty strings, empty lists and
//! empty dicts are removed from a list or dict, depth first, so a dict left empty by the
//! removal goes too.

use rhai::{Array, Dynamic, Map};

use crate::record::Node;

/// The elements of `items` that are not empty once their own empty parts are removed.
pub fn remove_empty_elements(items: Vec<Node>) -> Vec<Node> {
    items.into_iter().filter_map(without_empty).collect()
}

/// A key's value under the converter: a list or dict with its empty parts removed (left
/// empty when nothing remains), any other value as it is (as DATAMIMIC converts a key).
pub fn clean_value(value: Dynamic) -> Dynamic {
    if value.is_array() {
        dynamic_without_empty(value).unwrap_or_else(|| Array::new().into())
    } else if value.is_map() {
        dynamic_without_empty(value).unwrap_or_else(|| Map::new().into())
    } else {
        value
    }
}

/// A record's fields under `<generate converter="RemoveNoneOrEmptyElement">`: a field left
/// empty once its own empty parts are removed is dropped.
pub fn remove_empty_fields(fields: Vec<(String, Node)>) -> Vec<(String, Node)> {
    fields
        .into_iter()
        .filter_map(|(k, v)| without_empty(v).map(|v| (k, v)))
        .collect()
}

/// `node` with its empty parts removed, or `None` when nothing is left.
fn without_empty(node: Node) -> Option<Node> {
    match node {
        Node::Value(value) => dynamic_without_empty(value).map(Node::Value),
        Node::Map(fields) => {
            let kept: Vec<(String, Node)> = fields
                .into_iter()
                .filter_map(|(k, v)| without_empty(v).map(|v| (k, v)))
                .collect();
            (!kept.is_empty()).then_some(Node::Map(kept))
        }
        Node::List(items) => {
            let kept = remove_empty_elements(items);
            (!kept.is_empty()).then_some(Node::List(kept))
        }
    }
}

/// A script value with its empty parts removed, or `None` when nothing is left.
fn dynamic_without_empty(value: Dynamic) -> Option<Dynamic> {
    if value.is_unit() {
        return None;
    }
    if value.is_string() {
        return (!value.clone().into_immutable_string().ok()?.is_empty()).then_some(value);
    }
    if value.is_array() {
        let array = value.into_array().ok()?;
        let kept: Array = array
            .into_iter()
            .filter_map(dynamic_without_empty)
            .collect();
        return (!kept.is_empty()).then(|| kept.into());
    }
    if value.is_map() {
        let map = value.clone().cast::<Map>();
        let kept: Map = map
            .into_iter()
            .filter_map(|(k, v)| dynamic_without_empty(v).map(|v| (k, v)))
            .collect();
        return (!kept.is_empty()).then(|| {
            let mut kept: Dynamic = kept.into();
            crate::dict_order::copy_order(&value, &mut kept);
            kept
        });
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_parts_go_depth_first_and_other_values_stay() {
        let items = vec![
            Node::Value(Dynamic::UNIT),
            Node::Map(vec![("a".into(), Node::Value(Dynamic::UNIT))]),
            Node::Map(vec![
                ("b".into(), Node::Value(Dynamic::from(""))),
                ("c".into(), Node::Value(Dynamic::from(0_i64))),
                ("f".into(), Node::Value(Dynamic::from(false))),
            ]),
            Node::List(vec![]),
            Node::Value(Dynamic::from(vec![Dynamic::UNIT, Dynamic::from("x")])),
        ];
        let kept = remove_empty_elements(items);
        let json = serde_json::to_string(&Node::List(kept)).unwrap();
        assert_eq!(json, r#"[{"c":0,"f":false},["x"]]"#);
    }

    #[test]
    fn keys_and_records_lose_their_empty_parts() {
        let list = Dynamic::from(vec![Dynamic::UNIT, Dynamic::from("")]);
        assert_eq!(clean_value(list).into_array().unwrap().len(), 0);
        assert!(clean_value(Dynamic::UNIT).is_unit());
        assert_eq!(clean_value(Dynamic::from(3_i64)).as_int(), Ok(3));
        let fields = vec![
            ("a".to_owned(), Node::Value(Dynamic::UNIT)),
            ("b".to_owned(), Node::List(vec![Node::Map(vec![])])),
            ("c".to_owned(), Node::Value(Dynamic::from("x"))),
        ];
        let kept = remove_empty_fields(fields);
        assert_eq!(
            serde_json::to_string(&Node::Map(kept)).unwrap(),
            r#"{"c":"x"}"#
        );
    }
}
