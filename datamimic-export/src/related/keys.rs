//! The key columns of a related set's rows, named so they never clash with a record's fields
//! and so a foreign key says what it refers to.
//!
//! A child row's key of its parent is always the parent entity's name in snake case, `_`, and
//! the name of the parent's key column: `bank_account_id` refers to `BankAccount`'s `id`,
//! `insurance_policy_row_id` to `InsurancePolicy`'s `row_id`. A row's own key is `id`, or
//! `row_id`, `row_row_id`, ... when `id` would mislead: when the record has a field of that
//! name (an insurance policy's `id`), or when the foreign key it would give its children is a
//! field of the entity itself or of a child. A customer has a `customer_id` of its own
//! (`USR-…`), and so do its orders' reviews, so a customer's key is `row_id` and an order's
//! column `customer_row_id`: a `customer_id` column holds the customer's `customer_id`
//! wherever it appears. The rule depends only on the entities' field names, so a file's
//! columns are the same on every run, and a new relation cannot bring a clash: the names are
//! chosen around its fields.

use anyhow::{Result, bail};
use serde::Serialize;

/// The top-level field names of `record` as a row's columns begin with them (`value` for a
/// record that is not a map, as a CSV header names it).
pub fn field_names<R: Serialize + ?Sized>(record: &R) -> Result<Vec<String>> {
    Ok(match serde_json::to_value(record)? {
        serde_json::Value::Object(map) => map.keys().cloned().collect(),
        _ => vec!["value".to_owned()],
    })
}

/// The children of an entity as its key's name must avoid: each child's fields and own key.
#[derive(Debug, Clone, Copy)]
pub struct ChildColumns<'a> {
    /// The child's top-level field names.
    pub fields: &'a [String],
    /// The child's own key column.
    pub key: &'a str,
}

/// The key column of entity `entity`, whose records have `fields` and whose children are
/// `children`: the first of `id`, `row_id`, `row_row_id`, ... that is not a field, and whose
/// foreign key ([`parent_key`]) is not a field of the entity or a child, nor a child's key.
pub fn own_key(entity: &str, fields: &[String], children: &[ChildColumns<'_>]) -> String {
    let mut key = String::from("id");
    loop {
        let foreign = parent_key(entity, &key);
        let taken = fields.contains(&key)
            || (!children.is_empty() && fields.contains(&foreign))
            || children
                .iter()
                .any(|c| c.fields.contains(&foreign) || c.key == foreign);
        if !taken {
            return key;
        }
        key.insert_str(0, "row_");
    }
}

/// The column of a child row that holds the key of its parent, an entity called `parent`
/// whose key column is `key`: `BankAccount`, `id` → `bank_account_id`.
pub fn parent_key(parent: &str, key: &str) -> String {
    format!("{}_{key}", snake_case(parent))
}

/// `BankAccount` → `bank_account`, `CRM` → `crm`, `UserAccount` → `user_account`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let after_lower = i > 0 && chars[i - 1].is_lowercase();
            let before_lower = i > 0 && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if after_lower || (before_lower && chars[i - 1].is_uppercase()) {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Checks that `columns` (a row's, keys first) name each column once.
pub fn check_unique(entity: &str, columns: &[&str]) -> Result<()> {
    for (i, column) in columns.iter().enumerate() {
        if columns[..i].contains(column) {
            bail!("the rows of `{entity}` would have two columns named `{column}`");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn keys_step_around_the_fields_of_a_record() {
        assert_eq!(own_key("City", &names(&["name"]), &[]), "id");
        assert_eq!(own_key("Policy", &names(&["id", "name"]), &[]), "row_id");
        assert_eq!(
            own_key("Policy", &names(&["id", "row_id"]), &[]),
            "row_row_id"
        );
        // Without children a field named like the foreign key does not matter.
        assert_eq!(own_key("Customer", &names(&["customer_id"]), &[]), "id");
    }

    #[test]
    fn foreign_keys_name_the_parents_key_column() {
        let plain = names(&["iban"]);
        let account = [ChildColumns {
            fields: &plain,
            key: "id",
        }];
        assert_eq!(own_key("BankAccount", &names(&["iban"]), &account), "id");
        assert_eq!(parent_key("BankAccount", "id"), "bank_account_id");
        // A parent with a field `customer_id`: a child's `customer_id` would read as it.
        let order = [ChildColumns {
            fields: &plain,
            key: "id",
        }];
        let key = own_key("Customer", &names(&["customer_id"]), &order);
        assert_eq!(key, "row_id");
        assert_eq!(parent_key("Customer", &key), "customer_row_id");
        // A child with a field `order_id` (the order's number) steps the order's key.
        let item_fields = names(&["order_id", "line_number"]);
        let item = [ChildColumns {
            fields: &item_fields,
            key: "id",
        }];
        assert_eq!(own_key("Order", &names(&["total"]), &item), "row_id");
        // A parent whose snake-case name is `row` would give a child's own key: it steps on.
        let row_child = [ChildColumns {
            fields: &plain,
            key: "row_id",
        }];
        assert_eq!(own_key("Row", &plain, &row_child), "row_id");
        assert_eq!(parent_key("Row", "row_id"), "row_row_id");
    }

    #[test]
    fn entity_names_become_snake_case() {
        for (name, snake) in [
            ("BankAccount", "bank_account"),
            ("CRM", "crm"),
            ("InsurancePolicy", "insurance_policy"),
            ("Person", "person"),
            ("HTTPServer", "http_server"),
        ] {
            assert_eq!(snake_case(name), snake);
        }
    }

    #[test]
    fn a_column_named_twice_is_an_error() {
        assert!(check_unique("X", &["id", "a", "b"]).is_ok());
        let error = check_unique("X", &["id", "a", "id"]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the rows of `X` would have two columns named `id`"
        );
    }
}
