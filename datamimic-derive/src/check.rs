//! Cross-cutting checks that need more than one attribute at a time, turning each field's
//! attributes into a [`FieldPlan`]: exactly one source, modifiers that fit it, and wrappers that
//! fit the field's type. One small function per rule.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::{GenericArgument, Lit, LitStr, PathArguments, Type};

use crate::ast::Field;
use crate::attr::{FieldAttrs, TableMatch, Weight, WithCall};
use crate::ctxt::Ctxt;
use crate::fits::{Kind, literal_misfit, range_misfit};
use crate::format::Piece;
use crate::range::RangeSpec;
use crate::symbol::*;

/// Where a field's value comes from.
pub(crate) enum Source {
    /// `<T as Mimic>::mimic`: no attribute.
    Mimic,
    Weighted {
        key: LitStr,
        column: Option<LitStr>,
        row: Option<LitStr>,
        /// `matching = value, on = "column"`: only the rows whose column holds the value.
        matching: Option<(syn::Expr, Option<LitStr>)>,
    },
    /// `weighted = match value { pattern => "table", ... }`.
    WeightedMatch {
        choice: TableMatch,
        column: Option<LitStr>,
    },
    /// `from = person.given_name`, with the tables its methods read.
    From(syn::Expr, Vec<LitStr>),
    /// `take = person.email`: the value itself, moved.
    Take(syn::Expr),
    /// `parent`: the parent of a `child_of` type, cloned.
    Parent,
    /// `range = config.min..=config.max`.
    RangeExpr(syn::ExprRange),
    Values {
        values: Vec<TokenStream>,
        weights: Option<(Span, Vec<Weight>)>,
    },
    Pattern(LitStr),
    Format(LitStr),
    /// A function, with the tables it reads.
    With(WithCall, Vec<LitStr>),
    Range(RangeSpec),
    Seq(u64),
    Constant(TokenStream),
    Skip,
}

/// How a generated leaf value is wrapped to fit the field's type.
pub(crate) enum Wrapper {
    /// `Option<T>` with `optional = p`: `None` with probability `p`.
    Optional(f64),
    /// `Option<T>` with a source but without `optional`: always `Some`.
    Some,
    /// `Vec<T>` with `len = "a..=b"`.
    Len(RangeSpec),
    /// `Vec<T>` with `len = lines`: an earlier `usize`.
    LenExpr(syn::Expr),
}

/// A field that another field's `format` or `with` reads.
pub(crate) struct Reference {
    /// Its declaration index.
    pub(crate) field: usize,
    /// Where the reference is written.
    pub(crate) span: Span,
    /// `format` or `with`.
    pub(crate) attr: &'static str,
}

/// Everything the expansion needs to generate one field.
pub(crate) struct FieldPlan<'a> {
    pub(crate) field: &'a Field<'a>,
    /// The field's declaration index.
    pub(crate) index: usize,
    /// The fields it reads, which are generated before it.
    pub(crate) refs: Vec<Reference>,
    pub(crate) source: Source,
    /// Outermost first.
    pub(crate) wrappers: Vec<Wrapper>,
    /// The type of one generated value, inside the wrappers.
    pub(crate) leaf: &'a Type,
    pub(crate) case: Option<Symbol>,
    /// `chance = p`: the value with probability `p`, otherwise the default.
    pub(crate) chance: Option<syn::Expr>,
}

/// What attribute expressions may start from besides fields: `config`, when the container
/// declares `#[mimic(config = Type)]`.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub(crate) config: bool,
    /// The relations of a `child_of` type, whose names are bound with `siblings`.
    pub(crate) relations: &'a [crate::child::ChildOfAttr],
}

impl Scope<'_> {
    /// Whether `name` is bound by the type rather than by a field: `config`, the parent or
    /// `siblings`. A field of the same name wins.
    fn binds(&self, name: &syn::Ident, fields: &[Field<'_>]) -> bool {
        let bound = (self.config && name == "config")
            || (!self.relations.is_empty() && name == crate::child::SIBLINGS)
            || self.relations.iter().any(|relation| *name == relation.name);
        bound && !has_field(fields, &name.to_string())
    }
}

/// Plans every field of a struct or variant, in the order they must be generated: a field
/// that `format` or `with` reads is generated before the field that reads it, otherwise the
/// declaration order holds. Errors go to `cx`.
pub(crate) fn plan_fields<'a>(
    cx: &Ctxt,
    fields: &'a [Field<'a>],
    scope: Scope<'_>,
) -> Vec<FieldPlan<'a>> {
    check_unique_names(cx, fields);
    let mut plans: Vec<FieldPlan<'a>> = fields
        .iter()
        .enumerate()
        .map(|(i, field)| plan_field(cx, field, i, fields, scope))
        .collect();
    let order = generation_order(cx, &plans);
    let mut slots: Vec<Option<FieldPlan<'a>>> = plans.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Plans the overrides of relation `relation` (`#[mimic(child_of = relation, ...)]`), in the
/// order they are evaluated after the record's own fields: an override that reads another
/// overridden field comes after it, otherwise declaration order holds.
pub(crate) fn plan_overrides<'a>(
    cx: &Ctxt,
    fields: &'a [Field<'a>],
    scope: Scope<'_>,
    relation: &syn::Ident,
) -> Vec<FieldPlan<'a>> {
    let mut plans = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        for over in field.overrides.iter().filter(|o| o.relation == *relation) {
            if declared_sources(&over.field.attrs).is_empty() {
                cx.error_spanned_by(&over.relation, format!("mimic `child_of = {relation}` needs a source for the field's value as a child: `#[mimic(child_of = {relation}, from = {relation}.id)]`"));
            }
            plans.push(plan_field(cx, &over.field, index, fields, scope));
        }
    }
    let overridden: Vec<usize> = plans.iter().map(|p| p.index).collect();
    let n = plans.len();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let waits_for = |i: usize, j: usize| {
            !done[j] && j != i && plans[i].refs.iter().any(|r| r.field == overridden[j])
        };
        let ready = (0..n).find(|&i| !done[i] && !(0..n).any(|j| waits_for(i, j)));
        let next = ready.unwrap_or_else(|| {
            let i = (0..n).find(|&i| !done[i]).expect("an override is left");
            if let Some(r) = plans[i]
                .refs
                .iter()
                .find(|r| (0..n).any(|j| !done[j] && j != i && overridden[j] == r.field))
            {
                cx.error_at(r.span, format!("mimic `{}` of a `child_of = {relation}` override reads a field whose override reads this field in turn; overrides cannot depend on each other in a cycle", r.attr));
            }
            i
        });
        done[next] = true;
        order.push(next);
    }
    let mut slots: Vec<Option<FieldPlan<'a>>> = plans.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Whether a plan's value takes nothing from the record's stream (a copy, a move, a constant,
/// a format of other fields), so leaving it out changes no other value.
pub(crate) fn draws_nothing(plan: &FieldPlan<'_>) -> bool {
    let pure = matches!(
        plan.source,
        Source::From(..)
            | Source::Take(_)
            | Source::Format(_)
            | Source::Constant(_)
            | Source::Skip
            | Source::Seq(_)
    );
    pure && plan.chance.is_none() && plan.wrappers.iter().all(|w| matches!(w, Wrapper::Some))
}

/// A `let` and a field (or two `let`s) cannot share a name: attributes refer to them by it.
fn check_unique_names(cx: &Ctxt, fields: &[Field<'_>]) {
    for (i, field) in fields.iter().enumerate() {
        let syn::Member::Named(name) = &field.member else {
            continue;
        };
        let earlier = fields[..i]
            .iter()
            .any(|f| matches!(&f.member, syn::Member::Named(other) if other == name));
        if earlier && (field.hidden || fields[..i].iter().any(|f| f.hidden)) {
            cx.error_spanned_by(name, format!("mimic `let` `{name}` has the name of a field or an earlier `let`; give it a name of its own"));
        }
    }
}

/// A stable topological order of the fields by their references; a cycle is an error at the
/// attribute that closes it, and its fields keep declaration order.
fn generation_order(cx: &Ctxt, plans: &[FieldPlan<'_>]) -> Vec<usize> {
    let n = plans.len();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // The first field (in declaration order) whose references are all generated.
        let ready = (0..n)
            .find(|&i| !done[i] && plans[i].refs.iter().all(|r| done[r.field] || r.field == i));
        let next = match ready {
            Some(i) => i,
            None => {
                let i = (0..n).find(|&i| !done[i]).expect("a field is left");
                let reference = plans[i]
                    .refs
                    .iter()
                    .find(|r| !done[r.field])
                    .expect("blocked by a reference");
                cx.error_at(
                    reference.span,
                    format!(
                        "mimic `{}` refers to `{}`, which depends on this field in turn; fields cannot depend on each other in a cycle",
                        reference.attr,
                        plans[reference.field].field.member.to_token_stream()
                    ),
                );
                i
            }
        };
        done[next] = true;
        order.push(next);
    }
    order
}

fn plan_field<'a>(
    cx: &Ctxt,
    field: &'a Field<'a>,
    index: usize,
    fields: &'a [Field<'a>],
    scope: Scope<'_>,
) -> FieldPlan<'a> {
    let attrs = &field.attrs;
    check_one_source(cx, attrs);
    check_modifiers_need_their_source(cx, attrs);
    let mut refs = Vec::new();
    let source = source_of(cx, attrs, index, fields, &mut refs, scope);
    if let Some((_, len)) = &attrs.len_expr {
        expression_references(cx, "len", len, index, fields, scope, &mut refs, true);
    }
    if let Some((_, chance)) = &attrs.chance {
        expression_references(cx, "chance", chance, index, fields, scope, &mut refs, true);
    }
    let (wrappers, leaf) = wrappers_for(cx, field, &source);
    if let Source::Range(spec) = &source {
        check_range_fits(cx, attrs, spec, leaf);
    }
    check_literals_fit(cx, attrs, leaf);
    check_text_fits(cx, attrs, leaf);
    FieldPlan {
        field,
        index,
        source,
        wrappers,
        leaf,
        case: attrs.case.as_ref().map(|(_, case)| *case),
        refs,
        chance: attrs.chance.as_ref().map(|(_, e)| e.clone()),
    }
}

/// The sources a field declares, with their key spans, in a fixed order.
fn declared_sources(attrs: &FieldAttrs) -> Vec<(Symbol, Span)> {
    let mut found = Vec::new();
    let mut note = |name: Symbol, span: Option<Span>| {
        if let Some(span) = span {
            found.push((name, span));
        }
    };
    note(WEIGHTED, attrs.weighted.as_ref().map(|g| g.0));
    note(WEIGHTED, attrs.weighted_match.as_ref().map(|g| g.0));
    note(FROM, attrs.from.as_ref().map(|g| g.0));
    note(TAKE, attrs.take.as_ref().map(|g| g.0));
    note(PARENT, attrs.parent.as_ref().map(|g| g.0));
    note(RANGE, attrs.range_expr.as_ref().map(|g| g.0));
    note(VALUES, attrs.values.as_ref().map(|g| g.0));
    note(PATTERN, attrs.pattern.as_ref().map(|g| g.0));
    note(FORMAT, attrs.format.as_ref().map(|g| g.0));
    note(WITH, attrs.with.as_ref().map(|g| g.0));
    note(RANGE, attrs.range.as_ref().map(|g| g.0));
    note(SEQ, attrs.seq.as_ref().map(|g| g.0));
    note(CONSTANT, attrs.constant.as_ref().map(|g| g.0));
    note(SKIP, attrs.skip.as_ref().map(|g| g.0));
    found
}

/// A field has one source: `weighted` and `range` together would be ambiguous.
fn check_one_source(cx: &Ctxt, attrs: &FieldAttrs) {
    let sources = declared_sources(attrs);
    if let [(first, _), rest @ ..] = sources.as_slice() {
        for (other, span) in rest {
            cx.error_at(*span, format!("mimic `{other}` conflicts with `{first}`: a field takes its value from one source"));
        }
    }
}

/// `column`/`row` refine `weighted`, `weights` refines `values`, and the case conversions
/// apply to generated text.
fn check_modifiers_need_their_source(cx: &Ctxt, attrs: &FieldAttrs) {
    for (name, given) in [(COLUMN, &attrs.column), (ROW, &attrs.row)] {
        let chosen = attrs.weighted_match.is_some() && name.0 == COLUMN.0;
        if let (Some((span, _)), None, false) = (given, &attrs.weighted, chosen) {
            cx.error_at(*span, format!("mimic `{name}` needs `weighted`: `#[mimic(weighted = \"common/address/city\", {name} = \"...\")]`"));
        }
    }
    if let (Some((span, _)), None) = (&attrs.matching, &attrs.weighted) {
        cx.error_at(*span, "mimic `matching` needs `weighted = \"table\"`: `#[mimic(weighted = \"common/person/salutation\", matching = gender, on = \"gender\")]`");
    }
    if let (Some((span, _)), None) = (&attrs.on, &attrs.matching) {
        cx.error_at(*span, "mimic `on` names the column that `matching` compares: `#[mimic(weighted = \"common/person/salutation\", matching = gender, on = \"gender\")]`");
    }
    if let (Some((span, _)), Some(_)) = (&attrs.matching, &attrs.row) {
        cx.error_at(
            *span,
            "mimic `matching` draws a row of its own; it cannot share a `row`",
        );
    }
    if let (Some((span, _)), Some(_)) = (&attrs.chance, &attrs.optional) {
        cx.error_at(*span, "mimic `chance` conflicts with `optional`: use `optional` on an `Option` field, `chance` on any other");
    }
    if let (Some((span, _)), None, None) = (&attrs.tables, &attrs.with, &attrs.from) {
        cx.error_at(*span, "mimic `tables` lists what a `with` function reads: `#[mimic(with = path, tables = [\"...\"])]`");
    }
    if let (Some((span, _)), None) = (&attrs.weights, &attrs.values) {
        cx.error_at(
            *span,
            "mimic `weights` needs `values`: `#[mimic(values = [\"a\", \"b\"], weights = [3, 1])]`",
        );
    }
    if let Some((span, case)) = &attrs.case {
        let text_source = attrs.weighted.is_some()
            || attrs.weighted_match.is_some()
            || attrs.format.is_some()
            || attrs.pattern.is_some()
            || attrs.values.is_some();
        if !text_source {
            cx.error_at(*span, format!("mimic `{case}` needs a text source: `weighted`, `values`, `pattern` or `format`"));
        }
    }
}

fn source_of(
    cx: &Ctxt,
    attrs: &FieldAttrs,
    index: usize,
    fields: &[Field<'_>],
    refs: &mut Vec<Reference>,
    scope: Scope<'_>,
) -> Source {
    if let Some((_, key)) = &attrs.weighted {
        let matching = attrs.matching.as_ref().map(|(_, value)| {
            expression_references(cx, "matching", value, index, fields, scope, refs, false);
            (value.clone(), attrs.on.as_ref().map(|(_, on)| on.clone()))
        });
        return Source::Weighted {
            key: key.clone(),
            column: attrs.column.as_ref().map(|(_, c)| c.clone()),
            row: attrs.row.as_ref().map(|(_, r)| r.clone()),
            matching,
        };
    }
    if let Some((_, choice)) = &attrs.weighted_match {
        expression_references(
            cx,
            "weighted",
            &choice.scrutinee,
            index,
            fields,
            scope,
            refs,
            false,
        );
        return Source::WeightedMatch {
            choice: TableMatch {
                scrutinee: choice.scrutinee.clone(),
                arms: choice.arms.clone(),
            },
            column: attrs.column.as_ref().map(|(_, c)| c.clone()),
        };
    }
    if let Some((_, expr)) = &attrs.from {
        expression_references(cx, "from", expr, index, fields, scope, refs, false);
        let tables = attrs
            .tables
            .as_ref()
            .map(|(_, keys)| keys.clone())
            .unwrap_or_default();
        return Source::From(expr.clone(), tables);
    }
    if let Some((_, expr)) = &attrs.take {
        expression_references(cx, "take", expr, index, fields, scope, refs, false);
        return Source::Take(expr.clone());
    }
    if let Some((span, ())) = &attrs.parent {
        match scope.relations {
            [] => crate::child::parent_without_child_of(cx, *span),
            [_] => {}
            [..] => crate::child::parent_of_several(cx, *span),
        }
        return Source::Parent;
    }
    if let Some((_, range)) = &attrs.range_expr {
        for bound in [&range.start, &range.end].into_iter().flatten() {
            expression_references(cx, "range", bound, index, fields, scope, refs, true);
        }
        return Source::RangeExpr(range.clone());
    }
    if let Some((_, values)) = &attrs.values {
        let weights = attrs.weights.as_ref().map(|(span, w)| (*span, w.clone()));
        if let Some((span, weights)) = &weights
            && weights.len() != values.len()
        {
            cx.error_at(
                *span,
                format!(
                    "mimic `weights` has {} entries for {} `values`; give one weight per value",
                    weights.len(),
                    values.len()
                ),
            );
        }
        return Source::Values {
            values: values.clone(),
            weights,
        };
    }
    if let Some((_, pattern)) = &attrs.pattern {
        return Source::Pattern(pattern.clone());
    }
    if let Some((_, format)) = &attrs.format {
        format_references(cx, format, index, fields, refs);
        return Source::Format(format.clone());
    }
    if let Some((_, call)) = &attrs.with {
        for arg in &call.args {
            if scope.binds(arg, fields) {
                continue;
            }
            if let Some(reference) =
                reference(cx, "with", &arg.to_string(), arg.span(), index, fields)
            {
                refs.push(reference);
            }
        }
        let tables = attrs
            .tables
            .as_ref()
            .map(|(_, keys)| keys.clone())
            .unwrap_or_default();
        return Source::With(
            WithCall {
                path: call.path.clone(),
                args: call.args.clone(),
            },
            tables,
        );
    }
    if let Some((_, (_, spec))) = &attrs.range {
        return Source::Range(spec.clone());
    }
    if let Some((_, start)) = &attrs.seq {
        return Source::Seq(*start);
    }
    if let Some((_, tokens)) = &attrs.constant {
        return Source::Constant(tokens.clone());
    }
    if attrs.skip.is_some() {
        return Source::Skip;
    }
    Source::Mimic
}

fn has_field(fields: &[Field<'_>], name: &str) -> bool {
    fields
        .iter()
        .any(|f| matches!(&f.member, syn::Member::Named(ident) if ident == name))
}

/// Checks the names a variant's `chance` reads: literals and `config`, the variant having no
/// fields before it to read.
pub(crate) fn variant_chance_references(cx: &Ctxt, expr: &syn::Expr, scope: Scope<'_>) {
    let mut refs = Vec::new();
    expression_references(cx, "chance", expr, usize::MAX, &[], scope, &mut refs, true);
}

/// The field, `let` or `config` an attribute expression starts from (`person.given_name`,
/// `born.year()`, `config.noble_quota`); a literal (where `literal_ok`) reads nothing.
#[allow(clippy::too_many_arguments)]
fn expression_references(
    cx: &Ctxt,
    attr: &'static str,
    expr: &syn::Expr,
    index: usize,
    fields: &[Field<'_>],
    scope: Scope<'_>,
    refs: &mut Vec<Reference>,
    literal_ok: bool,
) {
    let root = match expression_root(expr) {
        Root::Name(ident) => ident,
        Root::Literal if literal_ok => return,
        Root::Literal | Root::Other => {
            // Any other expression (`FullName::new(given_name, family_name)`) reads the
            // fields and lets it names; other names are the compiler's to resolve.
            for name in expression_names(&expr.to_token_stream()) {
                let known = fields
                    .iter()
                    .position(|f| matches!(&f.member, syn::Member::Named(ident) if *ident == name));
                match known {
                    Some(field) if field != index => refs.push(Reference {
                        field,
                        span: name.span(),
                        attr,
                    }),
                    Some(_) => cx.error_at(
                        name.span(),
                        format!("mimic `{attr}` refers to `{name}`, the field itself"),
                    ),
                    None => {}
                }
            }
            return;
        }
    };
    if scope.binds(root, fields) {
        return;
    }
    if root == "config" && !has_field(fields, "config") {
        if !scope.config {
            cx.error_spanned_by(root, format!("mimic `{attr}` reads `config`, but the type declares none: add `#[mimic(config = PersonConfig)]` to it"));
        }
        return;
    }
    if let Some(reference) = reference(cx, attr, &root.to_string(), root.span(), index, fields) {
        refs.push(reference);
    }
}

/// The plain names in an expression: identifiers that are not a path segment after `::`, a
/// field or method after `.`, a function called, or followed by `::` or `!`.
fn expression_names(tokens: &TokenStream) -> Vec<syn::Ident> {
    use proc_macro2::TokenTree;
    let mut names = Vec::new();
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => names.extend(expression_names(&group.stream())),
            TokenTree::Ident(ident) => {
                let punct = |tree: Option<&TokenTree>| match tree {
                    Some(TokenTree::Punct(p)) => Some(p.as_char()),
                    _ => None,
                };
                let before = i.checked_sub(1).and_then(|j| punct(trees.get(j)));
                let after = punct(trees.get(i + 1));
                // `name(...)` calls a function.
                let call = matches!(trees.get(i + 1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
                if !matches!(before, Some('.' | ':')) && !matches!(after, Some(':' | '!')) && !call
                {
                    names.push(ident.clone());
                }
            }
            _ => {}
        }
    }
    names
}

enum Root<'e> {
    Name(&'e syn::Ident),
    Literal,
    Other,
}

/// The name an expression such as `person.address.city` or `born.year()` starts from.
fn expression_root(expr: &syn::Expr) -> Root<'_> {
    match expr {
        syn::Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
            Some(ident) => Root::Name(ident),
            None => Root::Other,
        },
        syn::Expr::Field(field) => expression_root(&field.base),
        syn::Expr::MethodCall(call) => expression_root(&call.receiver),
        syn::Expr::Paren(inner) => expression_root(&inner.expr),
        syn::Expr::Reference(inner) => expression_root(&inner.expr),
        syn::Expr::Unary(unary) => expression_root(&unary.expr),
        syn::Expr::Lit(_) => Root::Literal,
        _ => Root::Other,
    }
}

/// The fields a `format` string names.
fn format_references(
    cx: &Ctxt,
    format: &LitStr,
    index: usize,
    fields: &[Field<'_>],
    refs: &mut Vec<Reference>,
) {
    match placeholders(&format.value()) {
        Ok(names) => {
            for name in names {
                if let Some(reference) =
                    reference(cx, "format", &name, format.span(), index, fields)
                {
                    refs.push(reference);
                }
            }
        }
        Err(message) => cx.error_spanned_by(format, format!("invalid mimic `format`: {message}")),
    }
}

/// Resolves a field name used by `format` or `with`: another named field of the same struct or
/// variant.
fn reference(
    cx: &Ctxt,
    attr: &'static str,
    name: &str,
    span: Span,
    index: usize,
    fields: &[Field<'_>],
) -> Option<Reference> {
    let found = fields
        .iter()
        .position(|f| matches!(&f.member, syn::Member::Named(ident) if ident == name));
    match found {
        Some(field) if field == index => {
            cx.error_at(
                span,
                format!("mimic `{attr}` refers to `{name}`, the field itself"),
            );
            None
        }
        Some(field) => Some(Reference { field, span, attr }),
        None => {
            let names: Vec<String> = fields
                .iter()
                .filter_map(|f| match &f.member {
                    syn::Member::Named(ident) => Some(ident.to_string()),
                    syn::Member::Unnamed(_) => None,
                })
                .collect();
            let hint = crate::suggest::did_you_mean(name, &names, String::new);
            cx.error_at(
                span,
                format!(
                    "mimic `{attr}` refers to `{name}`, which is not a field of this type{hint}"
                ),
            );
            None
        }
    }
}

/// The field names a format string refers to (`{name}`, `{name:>8}`).
pub(crate) fn placeholders(format: &str) -> Result<Vec<String>, String> {
    Ok(crate::format::parse(format)?
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Field { name, .. } => Some(name),
            Piece::Text(_) => None,
        })
        .collect())
}

/// Peels `Option<..>` and `Vec<..>` as `optional` and `len` say, checking that they fit.
fn wrappers_for<'a>(cx: &Ctxt, field: &'a Field<'a>, source: &Source) -> (Vec<Wrapper>, &'a Type) {
    let attrs = &field.attrs;
    let mut wrappers = Vec::new();
    let mut ty: &Type = &field.ty;
    let generated = !matches!(
        source,
        Source::Mimic
            | Source::Skip
            | Source::With(..)
            | Source::Constant(_)
            | Source::From(..)
            | Source::Take(_)
            | Source::Parent
    );
    if let Some((span, p)) = &attrs.optional {
        match generic_inner(ty, "Option") {
            Some(inner) => {
                wrappers.push(Wrapper::Optional(*p));
                ty = inner;
            }
            None => cx.error_at(
                *span,
                format!(
                    "mimic `optional` needs an `Option<...>` field, but this field is `{}`",
                    type_text(&field.ty)
                ),
            ),
        }
    } else if generated && let Some(inner) = generic_inner(ty, "Option") {
        wrappers.push(Wrapper::Some);
        ty = inner;
    }
    let len = attrs
        .len
        .as_ref()
        .map(|(span, (_, spec))| (*span, Wrapper::Len(spec.clone())))
        .or_else(|| {
            let (span, expr) = attrs.len_expr.as_ref()?;
            Some((*span, Wrapper::LenExpr(expr.clone())))
        });
    if let Some((span, wrapper)) = len {
        match generic_inner(ty, "Vec") {
            Some(inner) => {
                wrappers.push(wrapper);
                ty = inner;
            }
            None => cx.error_at(
                span,
                format!(
                    "mimic `len` needs a `Vec<...>` field, but this field is `{}`",
                    type_text(&field.ty)
                ),
            ),
        }
    } else if generated && generic_inner(ty, "Vec").is_some() && !matches!(source, Source::Seq(_)) {
        cx.error_spanned_by(
            &field.ty,
            "a `Vec` field with a generated value needs `len`: `#[mimic(..., len = \"1..=3\")]`",
        );
    }
    (wrappers, ty)
}

/// `range` bounds must be values of the field's type; they are checked at the literal.
fn check_range_fits(cx: &Ctxt, attrs: &FieldAttrs, spec: &RangeSpec, leaf: &Type) {
    let Some((key, (lit, _))) = &attrs.range else {
        return;
    };
    let kind = Kind::of(leaf);
    if let Some(message) = range_misfit(spec, kind, &type_text(leaf)) {
        // A field that cannot hold any range is reported at the key, a bound at the literal.
        let span = if matches!(kind, Kind::Bool | Kind::Char | Kind::Text) {
            *key
        } else {
            lit.span()
        };
        cx.error_at(span, message);
    }
}

/// `values` and `constant` literals must be values of the field's type.
fn check_literals_fit(cx: &Ctxt, attrs: &FieldAttrs, leaf: &Type) {
    let kind = Kind::of(leaf);
    let ty = type_text(leaf);
    let check = |attr: &str, tokens: &TokenStream| {
        if let Ok((negative, lit)) = signed_literal(tokens)
            && let Some(message) = literal_misfit(attr, &lit, negative, kind, &ty)
        {
            cx.error_spanned_by(tokens, message);
        }
    };
    if let Some((_, values)) = &attrs.values
        && attrs.case.is_none()
    {
        values.iter().for_each(|value| check("values", value));
    }
    if let Some((_, constant)) = &attrs.constant {
        check("constant", constant);
    }
    if let (Some((span, start)), Kind::Int { name, max, .. }) = (&attrs.seq, kind)
        && i128::from(*start) > max
    {
        cx.error_at(*span, format!("mimic `seq` starts at {start}, which does not fit in {} `{name}` field (at most {max})", crate::fits::article(name)));
    }
}

/// `pattern`, `format` and the case conversions make text, which a number, `bool`, `char` or
/// date field cannot hold.
fn check_text_fits(cx: &Ctxt, attrs: &FieldAttrs, leaf: &Type) {
    if !Kind::of(leaf).refuses_text() {
        return;
    }
    let ty = type_text(leaf);
    for (name, span) in [
        (PATTERN, attrs.pattern.as_ref().map(|g| g.0)),
        (FORMAT, attrs.format.as_ref().map(|g| g.0)),
    ] {
        if let Some(span) = span {
            cx.error_at(
                span,
                format!(
                    "mimic `{name}` makes text, but this field is `{ty}`; use a `String` field"
                ),
            );
        }
    }
    // Without a text source, `check_modifiers_need_their_source` reports the case conversion.
    let text_source = attrs.weighted.is_some() || attrs.values.is_some();
    if let (Some((span, case)), true) = (&attrs.case, text_source) {
        cx.error_at(
            *span,
            format!("mimic `{case}` makes text, but this field is `{ty}`; use a `String` field"),
        );
    }
}

/// `-`? followed by a literal.
fn signed_literal(tokens: &TokenStream) -> syn::Result<(bool, Lit)> {
    syn::parse::Parser::parse2(
        |input: syn::parse::ParseStream<'_>| {
            let negative = input.parse::<Option<syn::Token![-]>>()?.is_some();
            Ok((negative, input.parse::<Lit>()?))
        },
        tokens.clone(),
    )
}

/// `T` of `Name<T>` when `ty` is written that way.
pub(crate) fn generic_inner<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

fn type_text(ty: &Type) -> String {
    quote::quote!(#ty)
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("& ", "&")
        .replace(" ,", ",")
}
