//! The derived `Columnar` impl: a struct's column is a struct of its fields' columns, in
//! declaration order and under serde's names, a `flatten` field's own fields in its place
//! (`ColumnarStruct`); an enum of unit variants is text. Written next to `Cells` (which
//! reports it from `Cells::columns`) unless serde's attributes may make the serialized shape
//! differ from the declared one (`skip_serializing_if`, a container attribute other than
//! `rename`/`rename_all`), so such a type has its columns read from records instead. A
//! `serialize_with` field is declared as its type: datamimic's own only write a date or time
//! faster, and a record that does not fit its declared column is an error of the writer, not
//! silently written.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, Fields};

use crate::serde_attr::{serde_attrs, skip_value};

/// Expands `#[derive(Columnar)]`, for a type that is only `Serialize` (a nested value of a
/// record): the impl `#[derive(Mimic)]` writes. `#[mimic(crate = path)]` names datamimic.
pub(crate) fn derive(input: &syn::DeriveInput) -> TokenStream {
    let mut krate = quote!(::datamimic);
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("mimic")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                let path: syn::Path = lit.parse()?;
                krate = quote!(#path);
                Ok(())
            } else {
                Err(meta.error("`#[derive(Columnar)]` takes only `#[mimic(crate = \"...\")]`"))
            }
        });
        if let Err(error) = parsed {
            return error.to_compile_error();
        }
    }
    let tokens = columnar_impl(input, &krate);
    if tokens.is_empty() {
        return syn::Error::new_spanned(
            &input.ident,
            "`#[derive(Columnar)]` needs a struct with named fields, a newtype or an enum of unit variants, without serde attributes that change its shape (`skip_serializing_if`, `tag`, ...)",
        )
        .to_compile_error();
    }
    tokens
}

/// `impl Columnar` for `input` where its serialized shape follows from its type, else nothing.
pub(crate) fn columnar_impl(input: &syn::DeriveInput, krate: &TokenStream) -> TokenStream {
    let Some(rename_all) = container_rename_all(&input.attrs) else {
        return TokenStream::new();
    };
    let mut predicates: Vec<TokenStream> = Vec::new();
    let mut struct_fields = None;
    let body = match &input.data {
        Data::Struct(data) => {
            match &data.fields {
                Fields::Named(named) => {
                    let mut entries = Vec::new();
                    for field in &named.named {
                        let ident = field.ident.as_ref().expect("named");
                        let ty = &field.ty;
                        let name = match field_name(&field.attrs) {
                            FieldName::Skipped => continue,
                            FieldName::Unknown => return TokenStream::new(),
                            // Its fields stand among the record's own.
                            FieldName::Flattened => {
                                predicates.push(quote!(for<'__mimic> #ty: #krate::ColumnarStruct));
                                entries.push(quote!(__mimic_fields.extend(<#ty as #krate::ColumnarStruct>::fields());));
                                continue;
                            }
                            FieldName::Renamed(name) => name,
                            FieldName::Own => rename(&ident.to_string(), rename_all.as_deref()),
                        };
                        predicates.push(quote!(for<'__mimic> #ty: #krate::Columnar));
                        entries.push(quote!(__mimic_fields.push((#name, <#ty as #krate::Columnar>::column()));));
                    }
                    struct_fields = Some(quote! {
                        let mut __mimic_fields = ::std::vec::Vec::new();
                        #(#entries)*
                        __mimic_fields
                    });
                    quote!(#krate::Column::Struct(<Self as #krate::ColumnarStruct>::fields()))
                }
                // A newtype serializes as its value.
                Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                    let field = &unnamed.unnamed[0];
                    if !matches!(field_name(&field.attrs), FieldName::Own) {
                        return TokenStream::new();
                    }
                    let ty = &field.ty;
                    predicates.push(quote!(for<'__mimic> #ty: #krate::Columnar));
                    quote!(<#ty as #krate::Columnar>::column())
                }
                _ => return TokenStream::new(),
            }
        }
        // Unit variants serialize as their names.
        Data::Enum(data)
            if data
                .variants
                .iter()
                .all(|v| matches!(v.fields, Fields::Unit) && plain_variant(&v.attrs)) =>
        {
            quote!(#krate::Column::Text)
        }
        _ => return TokenStream::new(),
    };
    let ident = &input.ident;
    // The fields' bounds are all a column needs: no `Mimic` bound on the parameters.
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    predicates.extend(
        where_clause
            .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    let mut seen = std::collections::HashSet::new();
    predicates.retain(|p| seen.insert(p.to_string()));
    let struct_impl = struct_fields.map(|fields| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::ColumnarStruct for #ident #ty_generics where #(#predicates),* {
                fn fields() -> ::std::vec::Vec<(&'static str, #krate::Column)> {
                    #fields
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Columnar for #ident #ty_generics where #(#predicates),* {
            fn column() -> #krate::Column {
                #body
            }
        }
        #struct_impl
    }
}

/// `Cells::columns` of the derived `Cells` impl: the type's `Columnar` column, if it has one.
pub(crate) fn columns_fn(krate: &TokenStream) -> TokenStream {
    quote! {
        #[inline]
        fn columns() -> ::core::option::Option<#krate::Column> {
            #[allow(unused_imports)]
            use #krate::__private::{DeclaredColumn as _, NoDeclaredColumn as _};
            (&#krate::__private::ColumnOf::<Self>::NEW).declared()
        }
    }
}

/// How serde names a field.
enum FieldName {
    /// By its identifier (after the container's `rename_all`).
    Own,
    /// `rename = "..."`.
    Renamed(String),
    /// Not at all (`skip`, `skip_serializing`).
    Skipped,
    /// `flatten`: its fields under their own names.
    Flattened,
    /// Not knowable from the type (`skip_serializing_if`, a `rename(serialize = ..)`).
    Unknown,
}

fn field_name(attrs: &[syn::Attribute]) -> FieldName {
    let mut name = FieldName::Own;
    for attr in serde_attrs(attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(|i| i.to_string())
                .unwrap_or_default();
            match key.as_str() {
                "rename" if meta.input.peek(syn::Token![=]) => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    if matches!(name, FieldName::Own | FieldName::Renamed(_)) {
                        name = FieldName::Renamed(lit.value());
                    }
                }
                "skip" | "skip_serializing" => name = FieldName::Skipped,
                "flatten" if !matches!(name, FieldName::Skipped | FieldName::Unknown) => {
                    name = FieldName::Flattened;
                }
                "serialize_with" | "with" | "skip_deserializing" | "default" | "alias"
                | "deserialize_with" => skip_value(&meta)?,
                _ => {
                    if !matches!(name, FieldName::Skipped) {
                        name = FieldName::Unknown;
                    }
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if parsed.is_err() {
            return FieldName::Unknown;
        }
    }
    name
}

/// A variant serde writes as its (possibly renamed) name.
fn plain_variant(attrs: &[syn::Attribute]) -> bool {
    serde_attrs(attrs).all(|attr| {
        let mut plain = true;
        let parsed = attr.parse_nested_meta(|meta| {
            plain &= meta.path.is_ident("rename") || meta.path.is_ident("alias");
            skip_value(&meta)
        });
        parsed.is_ok() && plain
    })
}

/// The container's `rename_all` (`Some(None)` without one), or `None` when another container
/// attribute may change the serialized shape.
fn container_rename_all(attrs: &[syn::Attribute]) -> Option<Option<String>> {
    let mut rename_all = None;
    for attr in serde_attrs(attrs) {
        let mut keeps = true;
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") && meta.input.peek(syn::Token![=]) {
                let lit: syn::LitStr = meta.value()?.parse()?;
                rename_all = Some(lit.value());
            } else {
                keeps &= meta.path.is_ident("rename")
                    || meta.path.is_ident("deny_unknown_fields")
                    || meta.path.is_ident("crate");
                skip_value(&meta)?;
            }
            Ok(())
        });
        if parsed.is_err() || !keeps {
            return None;
        }
    }
    if let Some(rule) = &rename_all
        && !RULES.contains(&rule.as_str())
    {
        return None;
    }
    Some(rename_all)
}

const RULES: [&str; 8] = [
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// A field's serde name under `rule`, as serde renames a snake_case field.
fn rename(field: &str, rule: Option<&str>) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let capitalized = |word: &str| {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    };
    match rule {
        Some("UPPERCASE" | "SCREAMING_SNAKE_CASE") => field.to_ascii_uppercase(),
        Some("PascalCase") => field.split('_').map(capitalized).collect(),
        Some("camelCase") => {
            let pascal: String = field.split('_').map(capitalized).collect();
            let mut chars = pascal.chars();
            chars
                .next()
                .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
                .unwrap_or_default()
        }
        Some("kebab-case") => field.replace('_', "-"),
        Some("SCREAMING-KEBAB-CASE") => field.replace('_', "-").to_ascii_uppercase(),
        _ => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_renamed_as_serde_renames_them() {
        let cases = [
            (None, "birth_date"),
            (Some("camelCase"), "birthDate"),
            (Some("PascalCase"), "BirthDate"),
            (Some("SCREAMING_SNAKE_CASE"), "BIRTH_DATE"),
            (Some("kebab-case"), "birth-date"),
            (Some("SCREAMING-KEBAB-CASE"), "BIRTH-DATE"),
            (Some("lowercase"), "birth_date"),
        ];
        for (rule, name) in cases {
            assert_eq!(rename("birth_date", rule), name, "{rule:?}");
        }
        assert_eq!(rename("r#type", None), "type");
    }
}
