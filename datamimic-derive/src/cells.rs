//! The derived `Cells` impl: a struct's fields written straight to the row, in declaration
//! order, each by its own `Cells` impl where it has one and through serde where it has not.
//! Every derived type gets it unless it says `#[mimic(cells = false)]`.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, Fields};

use crate::ast::{Body, Container};
use crate::ctxt::Ctxt;
use crate::expand::Paths;
use crate::serde_attr::{serde_attrs, skip_value};

/// Expands `#[derive(Cells)]`, for a type whose `Mimic` is written by hand: the same impl
/// `#[derive(Mimic)]` writes.
pub(crate) fn derive(input: &syn::DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let tokens = Container::from_ast(&cx, input).map(|container| {
        let paths = Paths::of(&container);
        cells_impl(&container, &paths)
    });
    match cx.check() {
        Ok(()) => tokens.unwrap_or_default(),
        Err(errors) => errors.to_compile_error(),
    }
}

/// How serde writes one field of a named struct.
enum SerdeField {
    /// As its value: the field's own cells.
    Value,
    /// `skip` / `skip_serializing`: not at all.
    Skipped,
    /// `serialize_with = "path"` (or `with = "module"`): through that function.
    With(syn::ExprPath),
}

/// `impl Cells` for the container unless it opts out. A named struct whose serde attributes
/// keep one cell group per field writes field by field; any other type writes through serde.
/// Every bound is written `for<'__mimic>`, so a type that is not `Serialize`, or has a field
/// that is not, simply gets no impl instead of an error.
pub(crate) fn cells_impl(container: &Container<'_>, paths: &Paths) -> TokenStream {
    if matches!(container.attrs.cells, Some((_, false))) {
        return TokenStream::new();
    }
    let krate = &paths.krate;
    let input = container.original;
    let ident = &input.ident;
    let generics = crate::bound::with_mimic_bounds(&input.generics, krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    predicates.push(quote!(for<'__mimic> #ident #ty_generics: #krate::__private::Serialize));
    let generic = !input.generics.params.is_empty();
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => serde_fields(input, &data.fields, generic)
                .map(|serde| named.named.iter().zip(serde).collect::<Vec<_>>()),
            _ => None,
        },
        _ => None,
    };
    let body = fields.map(|fields| {
        // Only fields serde writes as their values can stand for each other.
        let plain = |ident: &syn::Ident| {
            fields.iter().any(|(f, serde)| {
                f.ident.as_ref() == Some(ident) && matches!(serde, SerdeField::Value)
            })
        };
        let copies: Vec<_> = copied_fields(container)
            .into_iter()
            .filter(|(copy, source)| plain(copy) && plain(source))
            .collect();
        let writes: Vec<TokenStream> = fields
            .into_iter()
            .filter_map(|(field, serde)| {
                let name = field.ident.as_ref().expect("named");
                let ty = &field.ty;
                let write = match serde {
                    SerdeField::Skipped => return None,
                    SerdeField::With(path) => with_write(krate, name, ty, &path),
                    SerdeField::Value => {
                        predicates.push(quote!(for<'__mimic> #ty: #krate::__private::Serialize));
                        quote_spanned!(ty.span()=>
                            (&#krate::__private::FieldCells(&self.#name)).write_field(__mimic_writer)?;
                        )
                    }
                };
                Some(copy_or_write(krate, &copies, name, write))
            })
            .collect();
        quote! {
            #[inline]
            fn write_cells<__MimicW: #krate::CellWriter>(&self, __mimic_writer: &mut __MimicW) -> ::core::result::Result<(), __MimicW::Error> {
                #[allow(unused_imports)]
                use #krate::__private::{FieldByCells as _, FieldBySerde as _};
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }
    });
    // One bound per field type, however many fields share it.
    let mut seen = std::collections::HashSet::new();
    predicates.retain(|p| seen.insert(p.to_string()));
    let columns = crate::columnar::columns_fn(krate);
    let columnar = crate::columnar::columnar_impl(input, krate);
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Cells for #ident #ty_generics where #(#predicates),* {
            #body
            #columns
        }
        #columnar
    }
}

/// A field written by serde through `path`, as serde's own derive calls it.
fn with_write(
    krate: &TokenStream,
    name: &syn::Ident,
    ty: &syn::Type,
    path: &syn::ExprPath,
) -> TokenStream {
    quote_spanned! {path.span()=>
        {
            struct __MimicWith<'__a>(&'__a #ty);
            impl #krate::__private::Serialize for __MimicWith<'_> {
                fn serialize<__S: #krate::__private::Serializer>(&self, __s: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #path(self.0, __s)
                }
            }
            __mimic_writer.serialized(&__MimicWith(&self.#name))?;
        }
    }
}

/// `write`, or for a copy of an earlier field the repeat of that field's cell while the two
/// agree; a field that is copied records where its cell starts and ends.
fn copy_or_write(
    krate: &TokenStream,
    copies: &[(syn::Ident, syn::Ident)],
    name: &syn::Ident,
    write: TokenStream,
) -> TokenStream {
    let write = match copies.iter().find(|(copy, _)| copy == name) {
        Some((_, source)) => {
            let (start, end) = (
                format_ident!("__mimic_{}_start", source),
                format_ident!("__mimic_{}_end", source),
            );
            quote! {
                if (&#krate::__private::FieldCells(&self.#name)).same_field(&self.#source) {
                    __mimic_writer.repeat_cell(#start, #end)?;
                } else {
                    #write
                }
            }
        }
        None => write,
    };
    if copies.iter().any(|(_, source)| source == name) {
        let (start, end) = (
            format_ident!("__mimic_{}_start", name),
            format_ident!("__mimic_{}_end", name),
        );
        quote! {
            let #start = __mimic_writer.position();
            #write
            let #end = __mimic_writer.position();
        }
    } else {
        write
    }
}

/// How serde writes each field, or `None` when its attributes may give other cells than one
/// group per field in order (container attributes but `rename`/`rename_all`, a conditional
/// `skip_serializing_if`, `flatten`, a `serialize_with` on a generic type...).
fn serde_fields(
    input: &syn::DeriveInput,
    fields: &Fields,
    generic: bool,
) -> Option<Vec<SerdeField>> {
    for attr in serde_attrs(&input.attrs) {
        let mut keeps = true;
        let parsed = attr.parse_nested_meta(|meta| {
            keeps &= meta.path.is_ident("rename") || meta.path.is_ident("rename_all");
            skip_value(&meta)
        });
        if parsed.is_err() || !keeps {
            return None;
        }
    }
    fields
        .iter()
        .map(|field| {
            let mut how = SerdeField::Value;
            let mut keeps = true;
            for attr in serde_attrs(&field.attrs) {
                let parsed = attr.parse_nested_meta(|meta| {
                    let key = meta
                        .path
                        .get_ident()
                        .map(|i| i.to_string())
                        .unwrap_or_default();
                    match key.as_str() {
                        "rename" => skip_value(&meta)?,
                        "skip" | "skip_serializing" => how = SerdeField::Skipped,
                        "serialize_with" | "with" if !generic => {
                            let lit: syn::LitStr = meta.value()?.parse()?;
                            let mut path: syn::ExprPath = lit.parse()?;
                            if key == "with" {
                                path.path.segments.push(format_ident!("serialize").into());
                            }
                            how = SerdeField::With(path);
                        }
                        _ => {
                            keeps = false;
                            skip_value(&meta)?;
                        }
                    }
                    Ok(())
                });
                if parsed.is_err() || !keeps {
                    return None;
                }
            }
            Some(how)
        })
        .collect()
}

/// `(copy, source)` for each field written `from = source`, where `source` is an earlier field
/// of the same type: the writer can repeat the source's cell instead of writing it again.
fn copied_fields(container: &Container<'_>) -> Vec<(syn::Ident, syn::Ident)> {
    let Body::Struct(_, fields) = &container.body else {
        return Vec::new();
    };
    let mut copies = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let (syn::Member::Named(name), Some((_, syn::Expr::Path(path)))) =
            (&field.member, &field.attrs.from)
        else {
            continue;
        };
        let Some(source) = path.path.get_ident() else {
            continue;
        };
        let earlier = fields[..i].iter().find(|f| {
            !f.hidden && matches!(&f.member, syn::Member::Named(ident) if ident == source)
        });
        if let Some(earlier) = earlier
            && !field.hidden
            && earlier.ty.to_token_stream().to_string() == field.ty.to_token_stream().to_string()
        {
            copies.push((name.clone(), source.clone()));
        }
    }
    copies
}
