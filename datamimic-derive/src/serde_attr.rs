//! Reading serde's own attributes, for the generated writers (`Cells`, `Columnar`) that must
//! name and shape fields exactly as serde does.

/// The `#[serde(...)]` attributes among `attrs`.
pub(crate) fn serde_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("serde"))
}

/// Reads past `= value` or `(...)` of a serde key the caller does not interpret.
pub(crate) fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_value(&inner))?;
    }
    Ok(())
}
