//! Procedural macros of [datamimic](https://crates.io/crates/datamimic). Use them through
//! `datamimic`, which re-exports what users need.

mod suggest;
mod unknown;

use proc_macro::TokenStream;

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
