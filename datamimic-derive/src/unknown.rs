//! Compile errors for names the generated lookup macros do not know.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, bracketed, punctuated::Punctuated};

use crate::suggest::closest;

/// `"name", ["candidate", ...]` or `"name", "table", ["candidate", ...]`.
struct Input {
    name: LitStr,
    table: Option<LitStr>,
    candidates: Vec<String>,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Input> {
        let name: LitStr = input.parse()?;
        input.parse::<Token![,]>()?;
        let table = if input.peek(LitStr) {
            let table = input.parse()?;
            input.parse::<Token![,]>()?;
            Some(table)
        } else {
            None
        };
        let content;
        bracketed!(content in input);
        let list: Punctuated<LitStr, Token![,]> = Punctuated::parse_terminated(&content)?;
        Ok(Input {
            name,
            table,
            candidates: list.iter().map(LitStr::value).collect(),
        })
    }
}

fn hint(suggestions: &[&str]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!(
            "; did you mean one of {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub(crate) fn unknown_table(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<Input>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    let wanted = input.name.value();
    let message = format!(
        "unknown table `{wanted}`{}",
        match hint(&closest(&wanted, &input.candidates)) {
            h if h.is_empty() =>
                "; the baked tables are listed in `datasets/MANIFEST.csv` and `datamimic::tables`"
                    .to_owned(),
            h => h,
        }
    );
    quote_spanned!(input.name.span()=> ::core::compile_error!(#message))
}

pub(crate) fn unknown_column(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<Input>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    let wanted = input.name.value();
    let table = input.table.as_ref().map(LitStr::value).unwrap_or_default();
    let message = format!(
        "table `{table}` has no column `{wanted}`{}; its columns are {}",
        hint(&closest(&wanted, &input.candidates)),
        input
            .candidates
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    quote_spanned!(input.name.span()=> ::core::compile_error!(#message))
}
