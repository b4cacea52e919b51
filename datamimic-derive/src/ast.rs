//! datamimic's view of the derive input: the container, its variants and fields with their
//! parsed attributes, each keeping the syn node it came from so errors can point at it.

use std::borrow::Cow;

use syn::{Data, DeriveInput, Fields, Ident, Member, Type};

use crate::attr::{ContainerAttrs, FieldAttrs, LetAttr, VariantAttrs};
use crate::ctxt::Ctxt;

pub(crate) struct Container<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) body: Body<'a>,
    pub(crate) original: &'a DeriveInput,
}

pub(crate) enum Body<'a> {
    Struct(Shape, Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

/// How fields are written: `{ a, b }`, `(a, b)` or nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Named,
    Tuple,
    Unit,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: VariantAttrs,
    pub(crate) shape: Shape,
    pub(crate) fields: Vec<Field<'a>>,
}

/// A field of the type, or a `let` value (`hidden`), which is generated like a field and
/// read by fields but is not part of the value.
pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    pub(crate) ty: Cow<'a, Type>,
    pub(crate) attrs: FieldAttrs,
    pub(crate) hidden: bool,
    /// `#[mimic(child_of = name, ...)]`: the field's value as a child of relation `name`.
    pub(crate) overrides: Vec<ChildOverride<'a>>,
}

/// A field's value as the child of one relation: the field again, with the override's
/// attributes.
pub(crate) struct ChildOverride<'a> {
    /// The relation's name (`customer` of `child_of = customer`).
    pub(crate) relation: Ident,
    pub(crate) field: Field<'a>,
}

impl<'a> Container<'a> {
    /// Parses the input; `None` for inputs datamimic cannot derive for (already reported).
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Container<'a>> {
        let mut attrs = ContainerAttrs::from_ast(cx, &input.attrs);
        let lets = std::mem::take(&mut attrs.lets);
        let body = match &input.data {
            Data::Struct(data) => {
                let (shape, fields) = fields_from_ast(cx, &data.fields);
                // Container lets come first: they are generated before every field.
                let fields = lets.into_iter().map(let_field).chain(fields).collect();
                Body::Struct(shape, fields)
            }
            Data::Enum(data) => {
                if let Some(first) = lets.first() {
                    cx.error_spanned_by(&first.name, "a mimic `let` on an enum has no fields to serve; put it on a field of a variant");
                }
                Body::Enum(
                    data.variants
                        .iter()
                        .map(|variant| {
                            let (shape, fields) = fields_from_ast(cx, &variant.fields);
                            Variant {
                                ident: &variant.ident,
                                attrs: VariantAttrs::from_ast(cx, &variant.attrs),
                                shape,
                                fields,
                            }
                        })
                        .collect(),
                )
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`#[derive(Mimic)]` does not support unions; derive it for a struct or an enum",
                );
                return None;
            }
        };
        Some(Container {
            ident: &input.ident,
            attrs,
            body,
            original: input,
        })
    }
}

fn fields_from_ast<'a>(cx: &Ctxt, fields: &'a Fields) -> (Shape, Vec<Field<'a>>) {
    let shape = match fields {
        Fields::Named(_) => Shape::Named,
        Fields::Unnamed(_) => Shape::Tuple,
        Fields::Unit => Shape::Unit,
    };
    let mut all = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        // `#[mimic(child_of = name, ...)]` attributes are the field's overrides, the others its
        // own sources.
        let (own, overrides) = crate::child::split_overrides(cx, &field.attrs);
        let mut attrs = FieldAttrs::from_ast(cx, &own);
        // A field's lets are generated just before it.
        all.extend(std::mem::take(&mut attrs.lets).into_iter().map(let_field));
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(i.into()),
        };
        let overrides = overrides
            .into_iter()
            .map(|(relation, attr)| {
                let attrs = FieldAttrs::from_ast(cx, &[attr]);
                if let Some(inner) = attrs.lets.first() {
                    cx.error_spanned_by(&inner.name, "a mimic `let` cannot go in a `child_of = ...` override; declare it on the type or the field");
                }
                ChildOverride {
                    relation,
                    field: Field {
                        member: member.clone(),
                        ty: Cow::Borrowed(&field.ty),
                        attrs,
                        hidden: false,
                        overrides: Vec::new(),
                    },
                }
            })
            .collect();
        all.push(Field {
            member,
            ty: Cow::Borrowed(&field.ty),
            attrs,
            hidden: false,
            overrides,
        });
    }
    (shape, all)
}

fn let_field<'a>(value: LetAttr) -> Field<'a> {
    Field {
        member: Member::Named(value.name),
        ty: Cow::Owned(value.ty),
        attrs: value.attrs,
        hidden: true,
        overrides: Vec::new(),
    }
}
