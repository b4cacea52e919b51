//! Which `from = name` copies may move their `let` instead of cloning it: a `let` is not part
//! of the value, so after the last attribute that reads it, its value can be handed over
//! whole. A `let` that holds a `Vec` (a drawn history, a list of children) then costs no
//! second allocation.

use crate::check::{FieldPlan, Source};

/// Per plan (in generation order): whether its value is `from = name` of a `let` that no
/// later plan reads, nor any of `after` (a relation's overrides, evaluated after all plans),
/// so the expansion moves the `let` rather than cloning it.
pub(crate) fn moves_its_let(plans: &[FieldPlan<'_>], after: &[FieldPlan<'_>]) -> Vec<bool> {
    plans
        .iter()
        .enumerate()
        .map(|(at, plan)| {
            let Some(read) = bare_let(plans, plan) else {
                return false;
            };
            plan.chance.is_none()
                && plans[at + 1..]
                    .iter()
                    .chain(after)
                    .all(|later| later.refs.iter().all(|r| r.field != read))
        })
        .collect()
}

/// The declaration index of the `let` a plan's `from = name` names, if it is one.
fn bare_let(plans: &[FieldPlan<'_>], plan: &FieldPlan<'_>) -> Option<usize> {
    let Source::From(syn::Expr::Path(path), _) = &plan.source else {
        return None;
    };
    let name = path.path.get_ident()?;
    if path.qself.is_some() || !path.attrs.is_empty() {
        return None;
    }
    plans
        .iter()
        .find(|other| {
            other.field.hidden
                && matches!(&other.field.member, syn::Member::Named(ident) if ident == name)
        })
        .map(|other| other.index)
}
