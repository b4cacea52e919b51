//! The key columns of a related set's rows, named so they never clash with a record's fields.
//!
//! A row's own key is `id`, and a child row's key of its parent is the parent entity's name in
//! snake case followed by `_id` (`bank_account_id`). When the record already has a top-level
//! field of that name (an insurance policy's `id`, an order item's `order_id`), `row_` goes
//! before the `id` until the name is free: `row_id`, `order_row_id`, `order_row_row_id`. The
//! rule depends only on the entity's field names, so a file's columns are the same on every
//! run, and a new relation cannot bring a clash: its names are chosen around its fields.

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

/// The key column of an entity whose records have `fields`: `id`, or `row_id`, ... when the
/// record has a field of that name.
pub fn own_key(fields: &[String]) -> String {
    free("", fields, None)
}

/// The column of a child row (whose record has `fields` and whose own key is `own`) that holds
/// the key of its parent, an entity called `parent` (`BankAccount` → `bank_account_id`, or
/// `bank_account_row_id`, ... when the child has a field of that name).
pub fn parent_key(parent: &str, fields: &[String], own: &str) -> String {
    free(&format!("{}_", snake_case(parent)), fields, Some(own))
}

/// `prefix` + `row_` × n + `id` for the smallest n whose name is neither a field nor `also`.
fn free(prefix: &str, fields: &[String], also: Option<&str>) -> String {
    let mut infix = String::new();
    loop {
        let name = format!("{prefix}{infix}id");
        if !fields.contains(&name) && also != Some(name.as_str()) {
            return name;
        }
        infix.push_str("row_");
    }
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
        assert_eq!(own_key(&names(&["name"])), "id");
        assert_eq!(own_key(&names(&["id", "name"])), "row_id");
        assert_eq!(own_key(&names(&["id", "row_id"])), "row_row_id");
        let item = names(&["order_id", "line_number"]);
        assert_eq!(parent_key("Order", &item, "id"), "order_row_id");
        assert_eq!(
            parent_key("BankAccount", &names(&["iban"]), "id"),
            "bank_account_id"
        );
        // A parent whose snake-case name is `row` would take the child's own key: it steps on.
        assert_eq!(parent_key("Row", &names(&["id"]), "row_id"), "row_row_id");
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
