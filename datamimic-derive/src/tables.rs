//! References to baked tables from attributes, resolved at compile time.
//!
//! Built-in tables go through datamimic's generated `__table!` macro, whose fallback arm reports
//! an unknown key at the string with suggestions. A crate's own tables (baked by its build
//! script, which lists their keys in `DATAMIMIC_USER_TABLES`) go through the lookup macro that
//! `datamimic::include_tables!()` brought into that crate.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{Ident, LitStr};

use crate::ctxt::Ctxt;
use crate::expand::Paths;
use crate::suggest::closest;

/// The keys of the tables the crate being compiled baked itself.
fn user_tables() -> Vec<String> {
    std::env::var("DATAMIMIC_USER_TABLES")
        .map(|keys| {
            keys.split(',')
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// An expression of type `&'static TableFamily` for `key`.
pub(crate) fn table_ref(cx: &Ctxt, paths: &Paths, key: &LitStr) -> TokenStream {
    lookup(cx, paths, key, None, None)
}

/// A `usize` constant: the index of `column` in `key`.
pub(crate) fn column_ref(cx: &Ctxt, paths: &Paths, key: &LitStr, column: &LitStr) -> TokenStream {
    lookup(cx, paths, key, Some(column), None)
}

/// A `()` expression, or a compile error at `ty` when the primitive type `ty` cannot hold a
/// cell of `column` (the first column without one).
pub(crate) fn cell_type_check(
    cx: &Ctxt,
    paths: &Paths,
    key: &LitStr,
    column: Option<&LitStr>,
    field: &str,
    ty: &Ident,
) -> TokenStream {
    lookup(cx, paths, key, column, Some(quote!(; cell #field, #ty)))
}

fn lookup(
    cx: &Ctxt,
    paths: &Paths,
    key: &LitStr,
    column: Option<&LitStr>,
    check: Option<TokenStream>,
) -> TokenStream {
    let krate = &paths.krate;
    let args = match column {
        Some(column) => quote_spanned!(column.span()=> #key, #column #check),
        None => quote_spanned!(key.span()=> #key #check),
    };
    if paths.internal {
        return quote_spanned!(key.span()=> crate::tables::lookup_table!(#args));
    }
    let user = user_tables();
    if user.iter().any(|k| *k == key.value()) {
        return quote_spanned!(key.span()=> crate::__datamimic_tables::lookup_table!(#args));
    }
    if let Some(best) = closest(&key.value(), &user).first()
        && column.is_none()
        && check.is_none()
    {
        cx.error_spanned_by(
            key,
            format!("unknown table `{}`; did you mean `{best}`?", key.value()),
        );
    }
    quote_spanned!(key.span()=> #krate::__table!(#args))
}
