//! Procedural macros of [datamimic](https://crates.io/crates/datamimic): `#[derive(Mimic)]`
//! and the compile errors of the generated table lookups. Use them through `datamimic`.
//!
//! The derive is split like serde's: `attr` parses `#[mimic(...)]` into typed values, `ast`
//! is the container/variant/field view, `check` applies the rules that span several
//! attributes, and `expand` writes the impl. Errors are gathered in a `ctxt::Ctxt` and
//! reported together, next to a stub impl.

mod ast;
mod attr;
mod bound;
mod cell_type;
mod cells;
mod check;
mod child;
mod columnar;
mod ctxt;
mod expand;
mod fallback;
mod fits;
mod format;
mod moves;
mod range;
mod serde_attr;
mod suggest;
mod symbol;
mod tables;
mod unknown;
mod variant_chance;
mod weights;

use proc_macro::TokenStream;

/// Derives `datamimic::Mimic`; the attributes are documented where datamimic re-exports it.
#[proc_macro_derive(Mimic, attributes(mimic))]
pub fn derive_mimic(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// Derives `datamimic::Cells` for a type whose `Mimic` is not derived (`#[derive(Mimic)]`
/// already writes it); documented where datamimic re-exports it.
#[proc_macro_derive(Cells, attributes(mimic))]
pub fn derive_cells(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    cells::derive(&input).into()
}

/// Derives `datamimic::Columnar` for a type whose `Cells` is not derived (`#[derive(Mimic)]`
/// and `#[derive(Cells)]` already write it); documented where datamimic re-exports it.
#[proc_macro_derive(Columnar, attributes(mimic))]
pub fn derive_columnar(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    columnar::derive(&input).into()
}

/// Reports an unknown table key at the string that names it, suggesting the closest keys.
/// Emitted by the generated table-lookup macros; not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn unknown_table(input: TokenStream) -> TokenStream {
    unknown::unknown_table(input.into()).into()
}

/// Reports an unknown column of a known table at the string that names it.
/// Emitted by the generated table-lookup macros; not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn unknown_column(input: TokenStream) -> TokenStream {
    unknown::unknown_column(input.into()).into()
}

/// Reports a field whose primitive type cannot hold a cell of the column it reads.
/// Emitted by the generated table-lookup macros; not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn cell_type_check(input: TokenStream) -> TokenStream {
    cell_type::cell_type_check(input.into()).into()
}

#[cfg(test)]
mod expand_snapshots;
