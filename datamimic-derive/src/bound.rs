//! Generic bounds: every type parameter must implement `Mimic`.

use proc_macro2::TokenStream;
use syn::{Generics, WherePredicate, parse_quote};

pub(crate) fn with_mimic_bounds(generics: &Generics, krate: &TokenStream) -> Generics {
    let mut generics = generics.clone();
    let params: Vec<_> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        let predicate: WherePredicate = parse_quote!(#param: #krate::Mimic);
        where_clause.predicates.push(predicate);
    }
    generics
}
