//! Every field of a record has its own name. A key (array, nestedKey, list) written twice in
//! one record is written once, as in DATAMIMIC, whose records are Python dicts: at the place
//! of the first, with the value of the last ([`crate::repeated_keys`]); scripts between the
//! two see the first. Two variables of one record with the same name are rejected (the
//! second would silently hide the first); a key may share a variable's name, which is how a
//! variable is written out (`<key name="x" script="x"/>`).
//!
//! The branches of one `<condition>` are alternatives (only the first that holds runs), so
//! they may define the same name; a name in a branch still clashes with the same name outside
//! the condition or in a later condition, since both can be written. Each `<nestedKey>` is a
//! record of its own.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use anyhow::Result;

use crate::descriptor::{Pos, Stmt, error_at};

/// A name, and whether it is a variable's (variables and written keys are apart).
type Name<'s> = (bool, &'s str);

/// Checks the statements of one record (and of its nestedKeys); whether a key is written
/// twice somewhere in it.
pub(crate) fn check(stmts: &[Stmt]) -> Result<bool> {
    let mut repeats = false;
    check_level(stmts, &mut HashMap::new(), &mut repeats)?;
    Ok(repeats)
}

/// Checks `stmts` against the names `seen` before them, adding theirs; returns the names
/// added.
fn check_level<'s>(
    stmts: &'s [Stmt],
    seen: &mut HashMap<Name<'s>, &'s Pos>,
    repeats: &mut bool,
) -> Result<Vec<Name<'s>>> {
    let mut added = Vec::new();
    for stmt in stmts {
        let (kind, name, pos) = match stmt {
            Stmt::Variable(f) => ("variable", &f.name, &f.pos),
            Stmt::Key(f) => ("key", &f.name, &f.pos),
            Stmt::Echo(_) => continue,
            Stmt::Nested(n) => {
                *repeats |= check(&n.body)?;
                ("nestedKey", &n.name, &n.pos)
            }
            Stmt::List(list) => {
                for item in &list.items {
                    *repeats |= check(&item.body)?;
                }
                ("list", &list.name, &list.pos)
            }
            Stmt::Condition(branches) => {
                // Each branch is checked against the names before the condition only.
                let mut defined = Vec::new();
                for branch in branches {
                    for name in check_level(&branch.body, seen, repeats)? {
                        if let Some(pos) = seen.remove(&name) {
                            defined.push((name, pos));
                        }
                    }
                }
                for (name, pos) in defined {
                    if let Entry::Vacant(entry) = seen.entry(name) {
                        entry.insert(pos);
                        added.push(name);
                    }
                }
                continue;
            }
        };
        let key = (kind == "variable", name.as_str());
        if kind != "variable" && seen.contains_key(&key) {
            *repeats = true;
            continue;
        }
        if let Some(first) = seen.get(&key) {
            return Err(error_at(
                pos,
                format_args!("duplicate {kind} `{name}`; first defined at {first}"),
            ));
        }
        seen.insert(key, pos);
        added.push(key);
    }
    Ok(added)
}
