//! Turning a checked container into the `Mimic` impl.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Member, Type};

use crate::ast::{Body, Container, Shape};
use crate::check::{FieldPlan, Scope, Source, Wrapper, draws_nothing, plan_fields, plan_overrides};
use crate::child::ChildOfAttr;
use crate::ctxt::Ctxt;
use crate::fits::Kind;
use crate::format::{Piece, TextKind, plain_pieces, text_kind};
use crate::range::RangeSpec;
use crate::symbol::*;
use crate::{bound, fallback, tables};

/// Expands `#[derive(Mimic)]`: the impl, or every error plus a stub impl.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    let body = container.as_ref().map(|c| body(&cx, c));
    let krate = container
        .as_ref()
        .and_then(|c| c.attrs.krate.as_ref())
        .map_or_else(|| quote!(::datamimic), |(_, p)| quote!(#p));
    match (cx.check(), body) {
        (Ok(()), Some(tokens)) => tokens,
        (result, _) => {
            let errors = result.err().map(|e| e.to_compile_error());
            let stub = fallback::stub(input, &krate);
            quote!(#errors #stub)
        }
    }
}

/// How generated code names the runtime and its tables.
pub(crate) struct Paths {
    pub(crate) krate: TokenStream,
    /// Whether the derive runs inside datamimic itself (`crate = "crate"`).
    pub(crate) internal: bool,
    /// The `child_of(...)` relations, for the `parent` fields.
    pub(crate) relations: Vec<ChildOfAttr>,
}

impl Paths {
    /// The paths of `#[mimic(crate = ...)]`, or `::datamimic`.
    pub(crate) fn of(container: &Container<'_>) -> Paths {
        let relations = container.attrs.child_of.clone();
        match &container.attrs.krate {
            Some((_, path)) => Paths {
                krate: quote!(#path),
                internal: path.is_ident("crate"),
                relations,
            },
            None => Paths {
                krate: quote!(::datamimic),
                internal: false,
                relations,
            },
        }
    }
}

fn body(cx: &Ctxt, container: &Container<'_>) -> TokenStream {
    let paths = Paths::of(container);
    let relations = &paths.relations;
    let krate = &paths.krate;
    let scope = Scope {
        config: container.attrs.config.is_some(),
        relations,
    };
    // The record on its own, and as the child of each relation: the same plan, then the
    // relation's overrides.
    let (construct, visit, as_child) = match &container.body {
        Body::Struct(shape, fields) => {
            let plans = plan_fields(cx, fields, scope);
            crate::child::check_overrides(cx, fields, relations);
            let make = construct(cx, &paths, quote!(Self), *shape, &plans, None);
            let mut visit = visit_fields(cx, &paths, &plans);
            let as_child: Vec<TokenStream> = relations
                .iter()
                .map(|relation| {
                    let overrides = plan_overrides(cx, fields, scope, &relation.name);
                    visit.extend(visit_fields(cx, &paths, &overrides));
                    let over = (relation, overrides.as_slice());
                    construct(cx, &paths, quote!(Self), *shape, &plans, Some(over))
                })
                .collect();
            (make, visit, as_child)
        }
        Body::Enum(variants) => {
            for variant in variants {
                crate::child::no_overrides_in_variants(cx, &variant.fields);
            }
            let (make, visit) = enum_body(cx, &paths, container, variants, scope);
            let as_child = relations.iter().map(|_| make.clone()).collect();
            (make, visit, as_child)
        }
    };
    // A child's parents and siblings: for a record on its own, parents of its own (or none).
    let alone = crate::child::alone_bindings(relations, krate);
    let visit_parent: TokenStream = relations
        .iter()
        .map(|c| crate::child::visit_parent(c, krate))
        .collect();
    // `config`, read by the attributes: the service's value, or the type's default.
    let config = container.attrs.config.as_ref().map(|(_, ty)| {
        quote_spanned! {ty.span()=>
            let config: #ty = match __mimic_ctx.config::<#ty>() {
                ::core::option::Option::Some(config) => ::core::clone::Clone::clone(config),
                ::core::option::Option::None => ::core::default::Default::default(),
            };
        }
    });
    let cells = crate::cells::cells_impl(container, &paths);
    let default_dataset = container.attrs.dataset.as_ref().map(|(_, lit)| {
        quote!(const DEFAULT_DATASET: ::core::option::Option<&'static str> = ::core::option::Option::Some(#lit);)
    });
    let ident = container.ident;
    let generics = bound::with_mimic_bounds(&container.original.generics, krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let child_impls = relations.iter().zip(&as_child).map(|(c, make)| {
        let parent = &c.parent;
        let head = quote!(impl #impl_generics #krate::ChildOf<#parent> for #ident #ty_generics #where_clause);
        crate::child::child_impl(c, relations, krate, head, config.as_ref(), make)
    });
    let tokens = quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::Mimic for #ident #ty_generics #where_clause {
                #default_dataset

                // Inlinable into the entity that nests this one (in another codegen unit or
                // crate), so the nested value is built in place rather than copied in.
                #[inline]
                #[allow(unused_variables, clippy::let_and_return, clippy::redundant_locals)]
                fn mimic(__mimic_ctx: &mut #krate::Context<'_>) -> Self {
                    #config
                    #alone
                    #construct
                }

                #[allow(unused_variables)]
                fn visit_tables(__mimic_visitor: &mut dyn ::core::ops::FnMut(#krate::TableUse)) {
                    #visit_parent
                    #visit
                }
            }

            #(#child_impls)*

            #cells
        };
    };
    if std::env::var_os("DATAMIMIC_DERIVE_DEBUG").is_some() {
        eprintln!("{tokens}");
    }
    tokens
}

/// Generates the fields in order into locals, then builds `path { .. }`. As the child of a
/// relation (`overrides`), its overrides replace their fields' values after every field is
/// generated, so a child differs from a record on its own only in those fields.
fn construct(
    cx: &Ctxt,
    paths: &Paths,
    path: TokenStream,
    shape: Shape,
    plans: &[FieldPlan<'_>],
    overrides: Option<(&ChildOfAttr, &[FieldPlan<'_>])>,
) -> TokenStream {
    let mut statements = TokenStream::new();
    let mut rows: BTreeMap<(String, String), Ident> = BTreeMap::new();
    let mut locals = Vec::new();
    let named: Vec<(&Ident, &Type)> = plans
        .iter()
        .filter_map(|plan| match &plan.field.member {
            Member::Named(ident) => Some((ident, &*plan.field.ty)),
            Member::Unnamed(_) => None,
        })
        .collect();
    let after = overrides.map_or(&[][..], |(_, after)| after);
    let moves = crate::moves::moves_its_let(plans, after);
    let left_out = left_out(plans, after);
    for ((plan, moved), left_out) in plans.iter().zip(moves).zip(left_out) {
        let local = local_name(&plan.field.member);
        if !plan.field.hidden {
            locals.push((plan.index, plan.field.member.clone(), local.clone()));
        }
        // Its override binds the local.
        if left_out {
            continue;
        }
        let ty = &plan.field.ty;
        let value = match &plan.source {
            // The last reader of a `let` takes it whole.
            Source::From(name, _) if moved => name.to_token_stream(),
            _ => field_value(cx, paths, plan, &named, &mut rows, &mut statements),
        };
        statements.extend(quote!(let #local: #ty = #value;));
    }
    if let Some((relation, after)) = overrides
        && !after.is_empty()
    {
        statements.extend(crate::child::override_bindings(relation));
        let mut rows = BTreeMap::new();
        for plan in after {
            let local = local_name(&plan.field.member);
            let ty = &plan.field.ty;
            let value = field_value(cx, paths, plan, &named, &mut rows, &mut statements);
            statements.extend(quote!(let #local: #ty = #value;));
        }
    }
    // Generated in dependency order, built in declaration order.
    locals.sort_by_key(|(index, _, _)| *index);
    let build = match shape {
        Shape::Named => {
            let inits = locals
                .iter()
                .map(|(_, member, local)| quote!(#member: #local));
            quote!(#path { #(#inits),* })
        }
        Shape::Tuple => {
            let inits = locals.iter().map(|(_, _, local)| local);
            quote!(#path ( #(#inits),* ))
        }
        Shape::Unit => path,
    };
    quote!({ #statements #build })
}

/// Per plan (in generation order): whether a child leaves it out, its field being overridden
/// (in `after`) and its value taking nothing from the stream, unless a plan that stays reads
/// it. What it would move (a `let` it takes) is then left for the override.
fn left_out(plans: &[FieldPlan<'_>], after: &[FieldPlan<'_>]) -> Vec<bool> {
    let mut out = vec![false; plans.len()];
    for at in (0..plans.len()).rev() {
        let plan = &plans[at];
        let overridden = after.iter().any(|o| o.index == plan.index);
        let unread = plans[at + 1..]
            .iter()
            .zip(&out[at + 1..])
            .all(|(later, gone)| *gone || later.refs.iter().all(|r| r.field != plan.index));
        out[at] = overridden && unread && draws_nothing(plan);
    }
    out
}

fn local_name(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => ident.clone(),
        Member::Unnamed(index) => format_ident!("__mimic_field_{}", index.index),
    }
}

/// The expression for one field, wrappers included. Shared rows are drawn into `statements`
/// the first time a field of their group needs them.
fn field_value(
    cx: &Ctxt,
    paths: &Paths,
    plan: &FieldPlan<'_>,
    named: &[(&Ident, &Type)],
    rows: &mut BTreeMap<(String, String), Ident>,
    statements: &mut TokenStream,
) -> TokenStream {
    let krate = &paths.krate;
    if let Some(p) = &plan.chance {
        let value = field_value_certain(cx, paths, plan, named, rows, statements);
        return quote! {
            if #krate::sample::chance(__mimic_ctx.rng(), #p) { #value } else { ::core::default::Default::default() }
        };
    }
    field_value_certain(cx, paths, plan, named, rows, statements)
}

/// [`field_value`] without `chance`.
fn field_value_certain(
    cx: &Ctxt,
    paths: &Paths,
    plan: &FieldPlan<'_>,
    named: &[(&Ident, &Type)],
    rows: &mut BTreeMap<(String, String), Ident>,
    statements: &mut TokenStream,
) -> TokenStream {
    let krate = &paths.krate;
    // Fields that read a named column of the same table (and row label) share one row.
    if let Source::Weighted {
        key,
        column: Some(column),
        row,
        matching: None,
    } = &plan.source
        && plan.wrappers.iter().all(|w| matches!(w, Wrapper::Some))
        && plan.chance.is_none()
    {
        let group = (
            key.value(),
            row.as_ref().map(LitStr::value).unwrap_or_default(),
        );
        let next = rows.len();
        let row_local = rows.entry(group).or_insert_with(|| {
            let local = format_ident!("__mimic_row_{}", next);
            let table = tables::table_ref(cx, paths, key);
            statements.extend(quote! {
                let #local = { let __mimic_table = __mimic_ctx.table(#table); __mimic_table.sample_row(__mimic_ctx.rng()) };
            });
            local
        });
        let column_index = tables::column_ref(cx, paths, key, column);
        let cell = quote!(#row_local.cell(#column_index));
        let leaf = if is_row(plan.leaf) {
            quote!(#row_local)
        } else {
            convert_cell(paths, plan, cell)
        };
        return plan.wrappers.iter().rev().fold(
            leaf,
            |inner, _| quote!(::core::option::Option::Some(#inner)),
        );
    }
    let leaf = leaf_value(cx, paths, plan, named);
    plan.wrappers.iter().rev().fold(leaf, |inner, wrapper| match wrapper {
        Wrapper::Some => quote!(::core::option::Option::Some(#inner)),
        Wrapper::Optional(p) => quote! {
            if #krate::sample::chance(__mimic_ctx.rng(), #p) { ::core::option::Option::None } else { ::core::option::Option::Some(#inner) }
        },
        Wrapper::LenExpr(len) => quote_spanned! {len.span()=> {
            let __mimic_len: usize = #len;
            let mut __mimic_items = ::std::vec::Vec::with_capacity(__mimic_len);
            for _ in 0..__mimic_len { __mimic_items.push(#inner); }
            __mimic_items
        }},
        Wrapper::Len(spec) => {
            let (low, high) = (RangeSpec::bound_tokens(&spec.low, krate), RangeSpec::bound_tokens(&spec.high, krate));
            let method = if spec.inclusive { quote!(sample_inclusive) } else { quote!(sample_exclusive) };
            quote! {{
                let __mimic_len = <usize as #krate::sample::SampleRange>::#method(__mimic_ctx.rng(), #low, #high);
                let mut __mimic_items = ::std::vec::Vec::with_capacity(__mimic_len);
                for _ in 0..__mimic_len { __mimic_items.push(#inner); }
                __mimic_items
            }}
        }
    })
}

/// One value of the leaf type.
fn leaf_value(
    cx: &Ctxt,
    paths: &Paths,
    plan: &FieldPlan<'_>,
    named: &[(&Ident, &Type)],
) -> TokenStream {
    let krate = &paths.krate;
    let leaf = plan.leaf;
    let span = leaf.span();
    match &plan.source {
        Source::Mimic => quote_spanned!(span=> <#leaf as #krate::Mimic>::mimic(__mimic_ctx)),
        Source::Skip => quote_spanned!(span=> <#leaf as ::core::default::Default>::default()),
        Source::Weighted {
            key,
            column,
            matching: Some((value, on)),
            ..
        } => {
            let table = tables::table_ref(cx, paths, key);
            let on_index = match on {
                Some(on) => tables::column_ref(cx, paths, key, on),
                None => quote!(0usize),
            };
            let value_span = value.span();
            let draw = |method: TokenStream, read: TokenStream| {
                quote_spanned! {value_span=>
                    {
                        static __MIMIC_MATCH: #krate::__private::MatchIndex = #krate::__private::MatchIndex::new();
                        let __mimic_dataset = __mimic_ctx.dataset();
                        __MIMIC_MATCH.#method(#table, __mimic_dataset, #on_index #read, #krate::CellKey::cell_key(&(#value)), __mimic_ctx.rng())
                    }
                }
            };
            let (picked, found) = if is_row(leaf) {
                (draw(quote!(pick), TokenStream::new()), quote!(__mimic_row))
            } else {
                // The cell comes from the index, which took it out of the row once.
                let column_index = match column {
                    Some(column) => tables::column_ref(cx, paths, key, column),
                    None => quote!(0usize),
                };
                (
                    draw(quote!(pick_cell), quote!(, #column_index)),
                    convert_cell(paths, plan, quote!(__mimic_row)),
                )
            };
            // No row holds the value: the type's default (empty text), as for `chance`.
            quote! {
                match #picked {
                    ::core::option::Option::Some(__mimic_row) => #found,
                    ::core::option::Option::None => ::core::default::Default::default(),
                }
            }
        }
        Source::Weighted { key, column, .. } => {
            let table = tables::table_ref(cx, paths, key);
            if is_row(leaf) {
                return quote!({ let __mimic_table = __mimic_ctx.table(#table); __mimic_table.sample_row(__mimic_ctx.rng()) });
            }
            let column_index = match column {
                Some(column) => tables::column_ref(cx, paths, key, column),
                None => quote!(0usize),
            };
            let cell = quote!({ let __mimic_table = __mimic_ctx.table(#table); __mimic_table.sample_row(__mimic_ctx.rng()).cell(#column_index) });
            convert_cell(paths, plan, cell)
        }
        Source::WeightedMatch { choice, column } => {
            let scrutinee = &choice.scrutinee;
            let arms = choice.arms.iter().map(|(pat, key)| {
                let table = tables::table_ref(cx, paths, key);
                let column_index = match column {
                    Some(column) => tables::column_ref(cx, paths, key, column),
                    None => quote!(0usize),
                };
                quote!(#pat => (&#table, #column_index))
            });
            let chosen = quote! {
                let (__mimic_family, __mimic_column): (&'static #krate::TableFamily, usize) = match &(#scrutinee) { #(#arms),* };
                let __mimic_table = __mimic_ctx.table(__mimic_family);
            };
            if is_row(leaf) {
                return quote!({ #chosen __mimic_table.sample_row(__mimic_ctx.rng()) });
            }
            let cell = quote!({ #chosen __mimic_table.sample_row(__mimic_ctx.rng()).cell(__mimic_column) });
            convert_cell(paths, plan, cell)
        }
        // A place (a field or `let`, read again later) is cloned; a value built by the
        // expression (a call, a struct literal) is used as it is, not copied once more.
        Source::From(expr, _) if is_place(expr) => {
            quote_spanned!(expr.span()=> ::core::clone::Clone::clone(&(#expr)))
        }
        Source::From(expr, _) => quote_spanned!(expr.span()=> #expr),
        // Moved: no clone of text or lists a nested entity already owns.
        Source::Take(expr) => quote_spanned!(expr.span()=> #expr),
        Source::Parent => match paths.relations.as_slice() {
            [child] => crate::child::parent_value(child, krate, leaf),
            // Reported by the check; the stub impl stands in.
            _ => quote!(::core::unreachable!()),
        },
        Source::RangeExpr(range) => {
            let (low, high) = (&range.start, &range.end);
            let method = match range.limits {
                syn::RangeLimits::Closed(_) => quote!(sample_inclusive),
                syn::RangeLimits::HalfOpen(_) => quote!(sample_exclusive),
            };
            quote_spanned!(span=> <#leaf as #krate::sample::SampleRange>::#method(__mimic_ctx.rng(), #low, #high))
        }
        Source::Values { values, weights } => {
            let index = match weights {
                Some((_, weights)) => {
                    let slots = crate::weights::alias_slots(cx, weights);
                    let n = slots.len();
                    quote!({
                        static __MIMIC_SLOTS: [u64; #n] = [#(#slots),*];
                        #krate::__private::pick_slot(__mimic_ctx.rng(), &__MIMIC_SLOTS)
                    })
                }
                None => {
                    let n = values.len() as u64;
                    quote!(#krate::sample::below(__mimic_ctx.rng(), #n) as usize)
                }
            };
            let last = values.len().saturating_sub(1);
            let arms = values.iter().enumerate().map(|(i, value)| {
                let value = text_case(paths, plan, literal_value(value));
                if i == last {
                    quote!(_ => #value)
                } else {
                    quote!(#i => #value)
                }
            });
            quote!(match #index { #(#arms),* })
        }
        Source::Pattern(pattern) => {
            let text = compiled_pattern(krate, pattern);
            into_leaf(text_case(paths, plan, text))
        }
        Source::Format(format) => {
            let text = formatted_text(krate, format, named);
            match plan.case {
                // The formatted String is ours: lower-case it in place.
                Some(case) if case.0 == ASCII_LOWERCASE.0 => into_leaf(
                    quote!(#krate::__private::ascii_lowercase_owned(#text, __mimic_ctx.dataset())),
                ),
                _ => into_leaf(text_case(paths, plan, text)),
            }
        }
        Source::With(call, _) => {
            let path = &call.path;
            let args = call.args.iter().map(|a| quote!(&#a));
            quote_spanned!(path.span()=> #path(__mimic_ctx #(, #args)*))
        }
        Source::Range(spec) => {
            let (mut low, mut high) = (
                RangeSpec::bound_tokens(&spec.low, krate),
                RangeSpec::bound_tokens(&spec.high, krate),
            );
            // Date-times are written in UTC; a `DateTime<Utc>` field takes them as such.
            if is_utc_date_time(leaf) {
                low = quote!(#low.and_utc());
                high = quote!(#high.and_utc());
            }
            let method = if spec.inclusive {
                quote!(sample_inclusive)
            } else {
                quote!(sample_exclusive)
            };
            quote_spanned!(span=> <#leaf as #krate::sample::SampleRange>::#method(__mimic_ctx.rng(), #low, #high))
        }
        Source::Seq(start) => {
            quote_spanned!(span=> <#leaf as #krate::__private::FromSeq>::from_seq(__mimic_ctx.index() + #start))
        }
        Source::Constant(tokens) => literal_value(tokens),
    }
}

/// The text of a `format` attribute: its literal text and fields appended in turn (text,
/// integers and characters directly, other fields through `Display`), or `format_args!` when
/// a placeholder has a format spec.
fn formatted_text(krate: &TokenStream, format: &LitStr, named: &[(&Ident, &Type)]) -> TokenStream {
    let Some(pieces) = plain_pieces(&format.value()) else {
        let format = LitStr::new(&format.value(), format.span());
        // Sized up front: `format!` cannot know the length of its arguments and would grow.
        return quote!({
            let mut __mimic_text = ::std::string::String::with_capacity(64);
            let _ = ::core::fmt::Write::write_fmt(&mut __mimic_text, ::core::format_args!(#format));
            __mimic_text
        });
    };
    let span = format.span();
    let appends = pieces.iter().map(|piece| match piece {
        Piece::Text(text) => quote!(__mimic_text.push_str(#text);),
        Piece::Field { name, .. } => {
            let field = Ident::new(name, span);
            let ty = named.iter().find(|(ident, _)| *ident == name).map(|(_, ty)| *ty);
            match ty.map_or(TextKind::Display, text_kind) {
                TextKind::Str => quote_spanned!(span=> __mimic_text.push_str(#field);),
                TextKind::String => quote_spanned!(span=> __mimic_text.push_str(&#field);),
                TextKind::Char => quote_spanned!(span=> __mimic_text.push(#field);),
                TextKind::Integer => {
                    quote_spanned!(span=> #krate::__private::append_integer(&mut __mimic_text, #field);)
                }
                // Spanned at the format string, so a field without `Display` is reported there.
                TextKind::Display => quote_spanned!(span=>
                    let _ = ::core::fmt::Write::write_fmt(
                        &mut __mimic_text,
                        ::core::format_args!("{}", #field),
                    );
                ),
            }
        }
    });
    quote!({
        let mut __mimic_text = ::std::string::String::with_capacity(64);
        #(#appends)*
        __mimic_text
    })
}

/// A pattern compiled now into literal text and symbol runs, filled at run time.
fn compiled_pattern(krate: &TokenStream, pattern: &LitStr) -> TokenStream {
    let pieces = datamimic_codegen::compile_pattern(&pattern.value()).unwrap_or_default();
    let segments = pieces.iter().map(|piece| match piece {
        datamimic_codegen::PatternPiece::Literal(text) => {
            quote!(#krate::pattern::Segment::Literal(#text))
        }
        datamimic_codegen::PatternPiece::Run { symbol, count } => {
            let kind = match symbol {
                '%' => quote!(NonZeroDigit),
                '?' => quote!(Letter),
                '*' => quote!(Alphanumeric),
                _ => quote!(Digit),
            };
            quote!(#krate::pattern::Segment::Run(#krate::pattern::Symbol::#kind, #count))
        }
    });
    let capacity = pattern.value().len();
    quote!({
        static __MIMIC_PATTERN: &[#krate::pattern::Segment<'static>] = &[#(#segments),*];
        #krate::pattern::fill_segments(__mimic_ctx.rng(), __MIMIC_PATTERN, #capacity)
    })
}

/// Converts a cell (`&'static str`) into the leaf type, applying a case conversion if asked.
fn convert_cell(paths: &Paths, plan: &FieldPlan<'_>, cell: TokenStream) -> TokenStream {
    let krate = &paths.krate;
    let leaf = plan.leaf;
    if plan.case.is_some() {
        return into_leaf(text_case(paths, plan, cell));
    }
    quote_spanned!(leaf.span()=> <#leaf as #krate::FromCell>::from_cell(#cell))
}

/// Applies `ascii_lowercase`, `lowercase` or `uppercase` to text, giving a `String`.
fn text_case(paths: &Paths, plan: &FieldPlan<'_>, text: TokenStream) -> TokenStream {
    let krate = &paths.krate;
    match plan.case {
        Some(case) if case.0 == ASCII_LOWERCASE.0 => {
            quote!(#krate::__private::ascii_lowercase(&#text, __mimic_ctx.dataset()))
        }
        Some(case) if case.0 == LOWERCASE.0 => {
            quote!(::std::string::ToString::to_string(&#text).to_lowercase())
        }
        Some(case) if case.0 == UPPERCASE.0 => {
            quote!(::std::string::ToString::to_string(&#text).to_uppercase())
        }
        _ => text,
    }
}

/// Whether `expr` names a place (`name`, `a.b`, `a[0]`, `*a`) that a move would take out of
/// its owner; anything else is a fresh value. `Clone::clone(&(e))` has the type of `e`, so
/// either way the field gets the same type and value.
fn is_place(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Path(_) | syn::Expr::Field(_) | syn::Expr::Index(_) => true,
        syn::Expr::Unary(unary) => matches!(unary.op, syn::UnOp::Deref(_)),
        syn::Expr::Paren(inner) => is_place(&inner.expr),
        syn::Expr::Group(inner) => is_place(&inner.expr),
        _ => false,
    }
}

/// Whether `ty` is written `Row`: a `let` that keeps the drawn row itself.
pub(crate) fn is_row(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == "Row" && s.arguments.is_none()))
}

/// Whether `ty` is written `DateTime<..>` (datamimic ranges support `DateTime<Utc>`).
fn is_utc_date_time(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.path.segments.last().is_some_and(|s| s.ident == "DateTime"))
}

fn into_leaf(value: TokenStream) -> TokenStream {
    quote!(::core::convert::Into::into(#value))
}

/// A literal from an attribute: strings convert into the field type, numbers stay literal so
/// they take the field's type.
fn literal_value(tokens: &TokenStream) -> TokenStream {
    match syn::parse2::<syn::LitStr>(tokens.clone()) {
        Ok(_) => quote!(::core::convert::Into::into(#tokens)),
        Err(_) => tokens.clone(),
    }
}

/// `visit_tables` for the fields of a struct or variant.
fn visit_fields(cx: &Ctxt, paths: &Paths, plans: &[FieldPlan<'_>]) -> TokenStream {
    let krate = &paths.krate;
    plans
        .iter()
        .map(|plan| match &plan.source {
            Source::Mimic | Source::Parent => {
                let ty = &plan.field.ty;
                quote_spanned!(ty.span()=> <#ty as #krate::Mimic>::visit_tables(__mimic_visitor);)
            }
            Source::WeightedMatch { choice, .. } => choice
                .arms
                .iter()
                .map(|(_, key)| {
                    let table = tables::table_ref(cx, paths, key);
                    quote!(__mimic_visitor(#krate::TableUse { family: #table, column: 0usize, accepts: ::core::option::Option::None });)
                })
                .collect(),
            Source::Weighted { key, .. } if is_row(plan.leaf) => {
                let table = tables::table_ref(cx, paths, key);
                quote!(__mimic_visitor(#krate::TableUse { family: #table, column: 0usize, accepts: ::core::option::Option::None });)
            }
            Source::Weighted { key, column, .. } => {
                let table = tables::table_ref(cx, paths, key);
                let column_index = match column {
                    Some(column) => tables::column_ref(cx, paths, key, column),
                    None => quote!(0usize),
                };
                let leaf = plan.leaf;
                let accepts = if plan.case.is_some() {
                    quote!(::core::option::Option::None)
                } else {
                    let field = plan.field.member.to_token_stream().to_string();
                    quote_spanned!(leaf.span()=>
                        if <#leaf as #krate::FromCell>::CHECKED {
                            ::core::option::Option::Some(#krate::CellCheck {
                                field: #field,
                                type_name: ::core::any::type_name::<#leaf>(),
                                accepts: <#leaf as #krate::FromCell>::accepts,
                            })
                        } else {
                            ::core::option::Option::None
                        })
                };
                let check = cell_type_check(cx, paths, plan, key, column.as_ref());
                quote!(#check __mimic_visitor(#krate::TableUse { family: #table, column: #column_index, accepts: #accepts });)
            }
            Source::With(_, tables) | Source::From(_, tables) => tables
                .iter()
                .map(|key| {
                    let table = tables::table_ref(cx, paths, key);
                    quote!(__mimic_visitor(#krate::TableUse { family: #table, column: 0usize, accepts: ::core::option::Option::None });)
                })
                .collect(),
            _ => TokenStream::new(),
        })
        .collect()
}

/// `let () = ..;`: the compile-time check that a primitive field type holds every cell of
/// the column it reads. Other types are checked when a service is built.
fn cell_type_check(
    cx: &Ctxt,
    paths: &Paths,
    plan: &FieldPlan<'_>,
    key: &LitStr,
    column: Option<&LitStr>,
) -> TokenStream {
    if plan.case.is_some() {
        return TokenStream::new();
    }
    let Type::Path(path) = plan.leaf else {
        return TokenStream::new();
    };
    let Some(last) = path.path.segments.last() else {
        return TokenStream::new();
    };
    let primitive = matches!(
        Kind::of(plan.leaf),
        Kind::Int { .. } | Kind::Float { .. } | Kind::Bool | Kind::Char
    );
    if !primitive || !last.arguments.is_none() {
        return TokenStream::new();
    }
    let field = plan.field.member.to_token_stream().to_string();
    let ty = Ident::new(&last.ident.to_string(), plan.leaf.span());
    let check = tables::cell_type_check(cx, paths, key, column, &field, &ty);
    quote!(let () = #check;)
}

fn enum_body(
    cx: &Ctxt,
    paths: &Paths,
    container: &Container<'_>,
    variants: &[crate::ast::Variant<'_>],
    scope: Scope<'_>,
) -> (TokenStream, TokenStream) {
    let krate = &paths.krate;
    let chosen: Vec<_> = variants.iter().filter(|v| v.attrs.skip.is_none()).collect();
    if chosen.is_empty() {
        cx.error_spanned_by(container.ident, "`#[derive(Mimic)]` needs an enum with at least one variant that is not `#[mimic(skip)]`");
        return (quote!(::core::unreachable!()), TokenStream::new());
    }
    let chances = crate::variant_chance::check(cx, container.ident, variants, scope);
    let mut visits = TokenStream::new();
    let mut make_variant = |variant: &crate::ast::Variant<'_>| {
        let plans = plan_fields(cx, &variant.fields, scope);
        visits.extend(visit_fields(cx, paths, &plans));
        let ident = variant.ident;
        construct(cx, paths, quote!(Self::#ident), variant.shape, &plans, None)
    };
    let chanced: Vec<(&syn::Expr, TokenStream)> = chosen
        .iter()
        .filter_map(|v| v.attrs.chance.as_ref().map(|(_, p)| (p, make_variant(v))))
        .collect();
    // The variants without a `chance`: all of them, or those that share what the chances leave.
    let rest: Vec<TokenStream> = chosen
        .iter()
        .filter(|v| v.attrs.chance.is_none())
        .map(|v| make_variant(v))
        .collect();
    let rest_variants: Vec<_> = chosen.iter().filter(|v| v.attrs.chance.is_none()).collect();
    let make = if chances && rest.len() == 1 {
        // One variant takes the rest: no second draw.
        let only = &rest[0];
        crate::variant_chance::draw(krate, &chanced, quote!(#only))
    } else {
        let weights: Vec<crate::attr::Weight> = rest_variants
            .iter()
            .map(|v| match &v.attrs.weight {
                Some((_, w)) => w.clone(),
                None => crate::attr::Weight {
                    text: "1".to_owned(),
                    span: v.ident.span(),
                },
            })
            .collect();
        let slots = crate::weights::alias_slots(cx, &weights);
        let n = slots.len();
        let arms = rest.iter().enumerate().map(|(i, make)| {
            if i + 1 == rest.len() {
                quote!(_ => #make)
            } else {
                quote!(#i => #make)
            }
        });
        let picked = quote! {
            static __MIMIC_SLOTS: [u64; #n] = [#(#slots),*];
            match #krate::__private::pick_slot(__mimic_ctx.rng(), &__MIMIC_SLOTS) { #(#arms),* }
        };
        if chances {
            crate::variant_chance::draw(krate, &chanced, quote!({ #picked }))
        } else {
            picked
        }
    };
    (make, visits)
}
