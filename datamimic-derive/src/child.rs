//! `#[mimic(child_of(name: Parent))]`: a type generated for a parent, whose attributes read the
//! parent by `name` and the children made before it by `siblings`.
//!
//! The derive then writes `ChildOf<Parent>` beside `Mimic`, both from the same field plan: the
//! child impl binds `name` to the parent it is given, the plain impl to a parent of its own
//! (`child_of(name: Parent)`, drawn by `Parent`'s `Mimic` first) or to `None`
//! (`child_of(name: Option<Parent>)`, for a type that also stands alone).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use quote::{format_ident, quote, quote_spanned};
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, GenericArgument, Ident, Path, PathArguments, Token, Type};

use crate::ast::Field;
use crate::ctxt::Ctxt;
use crate::symbol::{ALONE, AT_MOST, CHILD_OF, COUNT, FINISH};

const FORM: &str =
    "child_of(account: BankAccount)` or `child_of(holder: Option<Person>, count = 1)";

/// A parsed `child_of(...)`.
#[derive(Clone)]
pub(crate) struct ChildOfAttr {
    /// The name attributes read the parent by.
    pub(crate) name: Ident,
    /// The parent type (inside `Option` for the optional form).
    pub(crate) parent: Type,
    /// `child_of(name: Option<Parent>)`: on its own the record has no parent (`None`).
    pub(crate) optional: bool,
    /// `finish = path`: `path(&parent, &mut children)` once all children of a parent are made.
    pub(crate) finish: Option<Path>,
    /// `count = 1` or `count = path`: the parent alone decides how many children it gets.
    pub(crate) count: Option<syn::Expr>,
    /// `at_most = path`: `path(&parent)` caps the number the caller asks for.
    pub(crate) at_most: Option<Path>,
    /// `alone = path`: `path(ctx)` makes the parent of a record on its own, instead of the
    /// parent's `Mimic` (an order that was delivered, for a review).
    pub(crate) alone: Option<Path>,
}

/// The name attributes read the earlier children of the same parent by.
pub(crate) const SIBLINGS: &str = "siblings";

/// Parses the parenthesised value of `child_of`; errors go to `cx`.
pub(crate) fn parse(cx: &Ctxt, key: &Path, value: &Option<TokenStream>) -> Option<ChildOfAttr> {
    let group = match value
        .as_ref()
        .map(|t| t.clone().into_iter().collect::<Vec<_>>())
    {
        Some(trees) => match trees.as_slice() {
            [TokenTree::Group(group)]
                if group.delimiter() == proc_macro2::Delimiter::Parenthesis =>
            {
                group.clone()
            }
            _ => {
                cx.error_spanned_by(
                    key,
                    format!("mimic `{CHILD_OF}` names the parent in parentheses: `{FORM}`"),
                );
                return None;
            }
        },
        None => {
            cx.error_spanned_by(
                key,
                format!("mimic `{CHILD_OF}` needs the parent's name and type: `{FORM}`"),
            );
            return None;
        }
    };
    // Parsed with its parentheses, so "expected ..." at the end points at the closing one.
    let parsed = syn::parse::Parser::parse2(
        |outer: ParseStream<'_>| {
            let input;
            syn::parenthesized!(input in outer);
            let name: Ident = input.parse()?;
            input.parse::<Token![:]>()?;
            let ty: Type = input.parse()?;
            let mut options = Vec::new();
            while !input.is_empty() {
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
                let option: Ident = input.parse()?;
                input.parse::<Token![=]>()?;
                let value: syn::Expr = input.parse()?;
                options.push((option, value));
            }
            Ok((name, ty, options))
        },
        TokenStream::from(TokenTree::Group(group)),
    );
    let (name, ty, options) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.error_at(
                err.span(),
                format!("invalid mimic `{CHILD_OF}`: {err}; for example `{FORM}`"),
            );
            return None;
        }
    };
    if name == SIBLINGS || name == "config" {
        cx.error_spanned_by(
            &name,
            format!("mimic `{CHILD_OF}` cannot call the parent `{name}`: attributes read `{name}` as something else"),
        );
    }
    let (mut finish, mut count, mut at_most, mut alone) = (None, None, None, None);
    for (option, value) in options {
        let path = || match &value {
            syn::Expr::Path(path) if path.qself.is_none() => Some(path.path.clone()),
            _ => None,
        };
        let known = [FINISH.0, COUNT.0, AT_MOST.0, ALONE.0];
        if !known.iter().any(|k| option == k) {
            cx.error_spanned_by(
                &option,
                format!("unknown mimic `{CHILD_OF}` option `{option}`; expected `{FINISH}`, `{COUNT}`, `{AT_MOST}` or `{ALONE}`"),
            );
            continue;
        }
        let taken = (option == FINISH.0 && finish.is_some())
            || (option == COUNT.0 && count.is_some())
            || (option == AT_MOST.0 && at_most.is_some())
            || (option == ALONE.0 && alone.is_some());
        if taken {
            cx.error_spanned_by(
                &option,
                format!("duplicate mimic `{CHILD_OF}` option `{option}`"),
            );
            continue;
        }
        let counted = matches!(
            &value,
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(_),
                ..
            })
        );
        if option == COUNT.0 && (counted || path().is_some()) {
            count = Some(value);
        } else if option == COUNT.0 {
            cx.error_spanned_by(&value, format!("mimic `{COUNT}` is a number of children or a function of the parent: `{COUNT} = 1` or `{COUNT} = lines_of`"));
        } else if let Some(path) = path() {
            if option == FINISH.0 {
                finish = Some(path);
            } else if option == ALONE.0 {
                alone = Some((option.clone(), path));
            } else {
                at_most = Some(path);
            }
        } else {
            cx.error_spanned_by(
                &value,
                format!("mimic `{option}` names a function: `{option} = path::to::function`"),
            );
        }
    }
    if let (Some(count), Some(_)) = (&count, &at_most) {
        cx.error_spanned_by(count, format!("mimic `{COUNT}` fixes the number of children, so `{AT_MOST}` has nothing to cap; give one of them"));
    }
    let (parent, optional) = match option_inner(&ty) {
        Some(inner) => (inner.clone(), true),
        None => (ty, false),
    };
    if let (Some((key, _)), true) = (&alone, optional) {
        cx.error_spanned_by(key, format!("mimic `{ALONE}` makes the parent of a record on its own, but with `Option<...>` such a record has none; write the parent's type without `Option`"));
    }
    let alone = alone.map(|(_, path)| path);
    Some(ChildOfAttr {
        name,
        parent,
        optional,
        finish,
        count,
        at_most,
        alone,
    })
}

/// `T` of a type written `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" || path.qself.is_some() {
        return None;
    }
    match &last.arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

/// The statements that open `Mimic::mimic`: the parent binding of each relation for a record
/// generated on its own (a parent of its own, or `None`), and no siblings.
pub(crate) fn alone_bindings(relations: &[ChildOfAttr], krate: &TokenStream) -> TokenStream {
    let Some(first) = relations.first() else {
        return TokenStream::new();
    };
    let bindings = relations.iter().map(|child| alone_binding(child, krate));
    let siblings = Ident::new(SIBLINGS, first.name.span());
    quote! {
        #(#bindings)*
        let #siblings: &#krate::Siblings<'_, Self> = &#krate::Siblings::alone();
    }
}

/// One relation's parent for a record on its own.
fn alone_binding(child: &ChildOfAttr, krate: &TokenStream) -> TokenStream {
    let name = &child.name;
    let parent = &child.parent;
    if child.optional {
        return quote!(let #name: ::core::option::Option<&#parent> = ::core::option::Option::None;);
    }
    // The parent comes first from the record's stream, as if the record were its only child.
    let make = match &child.alone {
        Some(path) => quote_spanned!(path.span()=> #path(__mimic_ctx)),
        None => quote_spanned!(parent.span()=> <#parent as #krate::Mimic>::mimic(__mimic_ctx)),
    };
    let own = format_ident!("__mimic_parent_{}", name);
    quote! {
        let #own: #parent = #make;
        let #name: &#parent = &#own;
    }
}

/// The statements that open `ChildOf::mimic_child`: the given parent under its name.
pub(crate) fn child_bindings(child: &ChildOfAttr) -> TokenStream {
    let name = &child.name;
    let parent = &child.parent;
    if child.optional {
        quote!(let #name: ::core::option::Option<&#parent> = ::core::option::Option::Some(__mimic_parent);)
    } else {
        quote!(let #name: &#parent = __mimic_parent;)
    }
}

/// What `visit_tables` adds for the parent: the tables of a parent drawn for a record alone.
pub(crate) fn visit_parent(child: &ChildOfAttr, krate: &TokenStream) -> TokenStream {
    if child.optional {
        return TokenStream::new();
    }
    let parent = &child.parent;
    quote_spanned!(parent.span()=> <#parent as #krate::Mimic>::visit_tables(__mimic_visitor);)
}

/// The value of a `#[mimic(parent)]` field of type `ty`: the parent, cloned; alone, with the
/// optional form, the field's own `Mimic`.
pub(crate) fn parent_value(child: &ChildOfAttr, krate: &TokenStream, ty: &Type) -> TokenStream {
    let name = &child.name;
    if child.optional {
        quote_spanned! {ty.span()=>
            match #name {
                ::core::option::Option::Some(__mimic_parent) => ::core::clone::Clone::clone(__mimic_parent),
                ::core::option::Option::None => <#ty as #krate::Mimic>::mimic(__mimic_ctx),
            }
        }
    } else {
        quote_spanned!(ty.span()=> ::core::clone::Clone::clone(#name))
    }
}

/// The `ChildOf<Parent>` impl of `child`, one of `relations`, around `construct`, the field
/// plan's statements with the relation's overrides. The other relations' parents are bound as
/// for a record on its own.
pub(crate) fn child_impl(
    child: &ChildOfAttr,
    relations: &[ChildOfAttr],
    krate: &TokenStream,
    head: TokenStream,
    config: Option<&TokenStream>,
    construct: &TokenStream,
) -> TokenStream {
    let parent = &child.parent;
    let bindings = relations.iter().map(|other| {
        if other.name == child.name {
            child_bindings(child)
        } else {
            alone_binding(other, krate)
        }
    });
    let siblings = Ident::new(SIBLINGS, child.name.span());
    let finish = child.finish.as_ref().map(|path| {
        quote_spanned! {path.span()=>
            fn finish(__mimic_parent: &#parent, __mimic_children: &mut [Self]) {
                #path(__mimic_parent, __mimic_children)
            }
        }
    });
    let counting =
        |kind: TokenStream| quote!(const COUNTING: #krate::Counting = #krate::Counting::#kind;);
    let count = match (&child.count, &child.at_most) {
        (Some(syn::Expr::Lit(n)), _) => {
            let counting = counting(quote!(Parent));
            quote_spanned! {n.span()=>
                #counting
                fn count(_: &#parent, _: usize) -> usize { #n }
            }
        }
        (Some(path), _) => {
            let counting = counting(quote!(Parent));
            quote_spanned! {path.span()=>
                #counting
                fn count(__mimic_parent: &#parent, _: usize) -> usize { #path(__mimic_parent) }
            }
        }
        (None, Some(path)) => {
            let counting = counting(quote!(Capped));
            quote_spanned! {path.span()=>
                #counting
                fn count(__mimic_parent: &#parent, __mimic_asked: usize) -> usize {
                    ::core::cmp::Ord::min(__mimic_asked, #path(__mimic_parent))
                }
            }
        }
        (None, None) => TokenStream::new(),
    };
    quote! {
        #[automatically_derived]
        #head {
            #count

            #[allow(unused_variables, clippy::let_and_return, clippy::redundant_locals)]
            fn mimic_child(
                __mimic_parent: &#parent,
                #siblings: &#krate::Siblings<'_, Self>,
                __mimic_ctx: &mut #krate::Context<'_>,
            ) -> Self {
                #(#bindings)*
                #config
                #construct
            }

            #finish
        }
    }
}

/// The relations of a type, each parent once: two of one name would bind it twice, two of one
/// parent type would write `ChildOf<Parent>` twice.
pub(crate) fn distinct_relations(cx: &Ctxt, relations: Vec<ChildOfAttr>) -> Vec<ChildOfAttr> {
    let mut kept: Vec<ChildOfAttr> = Vec::with_capacity(relations.len());
    for relation in relations {
        let parent = relation.parent.to_token_stream().to_string();
        if kept.iter().any(|k| k.name == relation.name) {
            cx.error_spanned_by(
                &relation.name,
                format!(
                    "a second mimic `{CHILD_OF}` named `{}`; give each parent a name of its own",
                    relation.name
                ),
            );
        } else if kept
            .iter()
            .any(|k| k.parent.to_token_stream().to_string() == parent)
        {
            cx.error_spanned_by(
                &relation.parent,
                format!("a second mimic `{CHILD_OF}` of `{}`; a type is the child of each parent type once", parent.replace(' ', "")),
            );
        } else {
            kept.push(relation);
        }
    }
    kept
}

const OVERRIDE_FORM: &str = "#[mimic(child_of = customer, from = customer.address)]";

/// Splits a field's attributes into its own and its overrides: `#[mimic(child_of = name, ...)]`
/// is the field's value as a child of relation `name`, the keys after it its source.
pub(crate) fn split_overrides(
    cx: &Ctxt,
    attrs: &[Attribute],
) -> (Vec<Attribute>, Vec<(Ident, Attribute)>) {
    let mut own = Vec::new();
    let mut overrides = Vec::new();
    for attr in attrs {
        let syn::Meta::List(list) = &attr.meta else {
            own.push(attr.clone());
            continue;
        };
        let opens = list.path.is_ident(crate::symbol::MIMIC.0)
            && matches!(list.tokens.clone().into_iter().next(), Some(TokenTree::Ident(ident)) if ident == CHILD_OF);
        if !opens {
            own.push(attr.clone());
            continue;
        }
        let parsed = syn::parse::Parser::parse2(
            |input: ParseStream<'_>| {
                let key: Ident = input.parse()?;
                if !input.peek(Token![=]) {
                    return Err(syn::Error::new(key.span(), ""));
                }
                input.parse::<Token![=]>()?;
                let relation: Ident = input.parse()?;
                let rest = if input.is_empty() {
                    TokenStream::new()
                } else {
                    input.parse::<Token![,]>()?;
                    input.parse::<TokenStream>()?
                };
                Ok((relation, rest))
            },
            list.tokens.clone(),
        );
        match parsed {
            Ok((relation, rest)) if rest.is_empty() => cx.error_spanned_by(
                &relation,
                format!("mimic `{CHILD_OF} = {relation}` needs the field's value as a child after it: `{OVERRIDE_FORM}`"),
            ),
            Ok((relation, rest)) => {
                overrides.push((relation, syn::parse_quote_spanned!(attr.span()=> #[mimic(#rest)])));
            }
            Err(err) => cx.error_at(
                err.span(),
                format!("mimic `{CHILD_OF}` on a field names the relation the attribute is for: `{OVERRIDE_FORM}`"),
            ),
        }
    }
    (own, overrides)
}

/// Reports `child_of = ...` among a field's other keys rather than first.
pub(crate) fn override_not_first(cx: &Ctxt, key: &Path) {
    cx.error_spanned_by(
        key,
        format!("mimic `{CHILD_OF} = name` opens an attribute of its own, the field's value as that relation's child: `{OVERRIDE_FORM}`"),
    );
}

/// Checks a struct's overrides: each names a relation of the type, once per field.
pub(crate) fn check_overrides(cx: &Ctxt, fields: &[Field<'_>], relations: &[ChildOfAttr]) {
    for field in fields {
        for (i, over) in field.overrides.iter().enumerate() {
            let relation = &over.relation;
            if field.overrides[..i].iter().any(|o| o.relation == *relation) {
                cx.error_spanned_by(
                    relation,
                    format!("a second mimic `{CHILD_OF} = {relation}` on this field; give the field's value as that child once"),
                );
            } else if !relations.iter().any(|r| r.name == *relation) {
                let names: Vec<String> = relations.iter().map(|r| r.name.to_string()).collect();
                let hint = crate::suggest::did_you_mean(&relation.to_string(), &names, || {
                    if names.is_empty() {
                        format!(
                            ": declare it on the type, `#[mimic(child_of({relation}: Parent))]`"
                        )
                    } else {
                        format!("; the type's are {}", crate::suggest::quoted_list(&names))
                    }
                });
                cx.error_spanned_by(
                    relation,
                    format!("mimic `{CHILD_OF} = {relation}` names no relation of this type{hint}"),
                );
            }
        }
    }
}

/// Reports overrides on the fields of an enum's variants, which have none.
pub(crate) fn no_overrides_in_variants(cx: &Ctxt, fields: &[Field<'_>]) {
    for over in fields.iter().flat_map(|f| &f.overrides) {
        cx.error_spanned_by(
            &over.relation,
            format!("mimic `{CHILD_OF} = {}` overrides a field of a struct; an enum's variants take their relation's values from `with` or `from`", over.relation),
        );
    }
}

/// Before a relation's overrides: its parent as a reference, also for the `Option` form.
pub(crate) fn override_bindings(child: &ChildOfAttr) -> TokenStream {
    let name = &child.name;
    let parent = &child.parent;
    if child.optional {
        quote!(let #name: &#parent = __mimic_parent;)
    } else {
        TokenStream::new()
    }
}

/// Reports `#[mimic(parent)]` on a type without `child_of`.
pub(crate) fn parent_without_child_of(cx: &Ctxt, span: proc_macro2::Span) {
    cx.error_at(
        span,
        "mimic `parent` copies the parent, but the type names none: add `#[mimic(child_of(holder: Person))]` to it",
    );
}

/// Reports `#[mimic(parent)]` on a type with several relations, where it would not say which.
pub(crate) fn parent_of_several(cx: &Ctxt, span: proc_macro2::Span) {
    cx.error_at(
        span,
        "mimic `parent` copies the parent, but the type has several: copy one by its name, `from = holder`",
    );
}

#[cfg(test)]
mod tests {
    use quote::quote;

    fn expand(input: TokenStream) -> String {
        let input: syn::DeriveInput = syn::parse2(input).expect("valid derive input");
        let tokens = crate::expand::derive(&input);
        let file: syn::File = syn::parse2(tokens).expect("the expansion is valid Rust");
        prettyplease::unparse(&file)
    }

    use super::TokenStream;

    /// A child with a parent of its own when alone, a count the parent fixes and a finish.
    #[test]
    fn a_child_and_its_parent() {
        insta::assert_snapshot!(expand(quote! {
            #[mimic(child_of(account: Account, count = bookings_of, finish = oldest_first))]
            struct Booking {
                #[mimic(from = account.iban)]
                iban: String,
                #[mimic(with = booking_day(account, siblings))]
                day: NaiveDate,
            }
        }));
    }

    /// A child that also stands alone, copying the parent into a field, with a capped count.
    #[test]
    fn a_child_that_stands_alone() {
        insta::assert_snapshot!(expand(quote! {
            #[mimic(child_of(holder: Option<Person>, at_most = cards_allowed))]
            struct Card {
                #[mimic(parent)]
                holder: Person,
                #[mimic(with = opened_for(holder))]
                opened: i64,
            }
        }));
    }

    /// Two relations, one with overrides: a child of the customer is the order on its own,
    /// then its overrides (a copy left out, a drawn value kept); a child of the shop has no
    /// overrides, and the customer is absent (`None`).
    #[test]
    fn a_child_of_two_parents_with_overrides() {
        insta::assert_snapshot!(expand(quote! {
            #[mimic(let(ship_to: Address))]
            #[mimic(child_of(customer: Option<Customer>, at_most = orders_of, finish = oldest_first))]
            #[mimic(child_of(shop: Shop))]
            struct Order {
                #[mimic(with = user_id)]
                #[mimic(child_of = customer, from = customer.customer_id)]
                user_id: Code,
                #[mimic(take = ship_to)]
                #[mimic(child_of = customer, from = customer.address)]
                shipping_address: Address,
                #[mimic(range = "1..=5")]
                #[mimic(child_of = customer, with = placed_for(customer, siblings))]
                day: u8,
                #[mimic(from = shop.name)]
                shop_name: String,
            }
        }));
    }
}
