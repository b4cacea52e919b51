//! The `Cells` impl of `#[mimic(cells)]`: a struct's fields written straight to the row,
//! in declaration order, each by its own `Cells` impl.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, Fields};

use crate::ast::{Body, Container};
use crate::expand::Paths;

/// `impl Cells` for the container, when it asks for one. A named struct without serde
/// attributes that change its output writes field by field; any other type writes through
/// serde. Every bound is written `for<'__mimic>`, so a type that is not `Serialize`, or has a
/// field without `Cells`, simply gets no impl instead of an error.
pub(crate) fn cells_impl(container: &Container<'_>, paths: &Paths) -> TokenStream {
    if container.attrs.cells.is_none() {
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
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) if !serde_changes_output(input, &data.fields) => Some(named),
            _ => None,
        },
        _ => None,
    };
    let copies = copied_fields(container);
    let body = fields.map(|named| {
        let writes = named.named.iter().map(|field| {
            let name = field.ident.as_ref().expect("named");
            let ty = &field.ty;
            predicates.push(quote!(for<'__mimic> #ty: #krate::Cells));
            let start = format_ident!("__mimic_{}_start", name);
            let end = format_ident!("__mimic_{}_end", name);
            let write = quote_spanned!(ty.span()=> <#ty as #krate::Cells>::write_cells(&self.#name, __mimic_writer)?;);
            // A copy of an earlier field of the same type repeats its cell while they agree.
            let write = match copies.iter().find(|(copy, _)| copy == name) {
                Some((_, source)) => {
                    let (source_start, source_end) = (format_ident!("__mimic_{}_start", source), format_ident!("__mimic_{}_end", source));
                    quote! {
                        if <#ty as #krate::Cells>::same_cells(&self.#name, &self.#source) {
                            __mimic_writer.repeat_cell(#source_start, #source_end)?;
                        } else {
                            #write
                        }
                    }
                }
                None => write,
            };
            if copies.iter().any(|(_, source)| source == name) {
                quote! {
                    let #start = __mimic_writer.position();
                    #write
                    let #end = __mimic_writer.position();
                }
            } else {
                write
            }
        });
        let writes: Vec<TokenStream> = writes.collect();
        quote! {
            #[inline]
            fn write_cells<__MimicW: #krate::CellWriter>(&self, __mimic_writer: &mut __MimicW) -> ::core::result::Result<(), __MimicW::Error> {
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Cells for #ident #ty_generics where #(#predicates),* {
            #body
        }
    }
}

/// Whether a serde attribute may make serde's cells differ from the fields in order (a
/// renamed container or field keeps them; skipping, flattening or custom serializers may not).
fn serde_changes_output(input: &syn::DeriveInput, fields: &Fields) -> bool {
    let changes = |attrs: &[syn::Attribute]| {
        attrs
            .iter()
            .filter(|a| a.path().is_ident("serde"))
            .any(|attr| {
                let mut other = false;
                let parsed = attr.parse_nested_meta(|meta| {
                    if !(meta.path.is_ident("rename") || meta.path.is_ident("rename_all")) {
                        other = true;
                    }
                    if meta.input.peek(syn::Token![=]) {
                        let _: syn::Expr = meta.value()?.parse()?;
                    }
                    Ok(())
                });
                other || parsed.is_err()
            })
    };
    changes(&input.attrs) || fields.iter().any(|f| changes(&f.attrs))
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
