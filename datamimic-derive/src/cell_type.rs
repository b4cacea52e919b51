//! The compile error for a field whose primitive type cannot hold every cell of the table
//! column it draws from. The generated lookup macro knows the cells each type refuses and
//! calls [`cell_type_check`] with them.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitInt, LitStr, Token, bracketed, parenthesized};

/// `"field", u8, "key", "column", [("u8", "cell", "source", row), ...]`.
struct Input {
    field: LitStr,
    ty: Ident,
    table: LitStr,
    column: LitStr,
    refusals: Vec<Refusal>,
}

/// The first cell of the column that `type_name` cannot hold.
struct Refusal {
    type_name: LitStr,
    cell: LitStr,
    source: LitStr,
    row: LitInt,
}

impl Parse for Refusal {
    fn parse(input: ParseStream<'_>) -> syn::Result<Refusal> {
        let content;
        parenthesized!(content in input);
        let type_name = content.parse()?;
        content.parse::<Token![,]>()?;
        let cell = content.parse()?;
        content.parse::<Token![,]>()?;
        let source = content.parse()?;
        content.parse::<Token![,]>()?;
        let row = content.parse()?;
        Ok(Refusal {
            type_name,
            cell,
            source,
            row,
        })
    }
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Input> {
        let field = input.parse()?;
        input.parse::<Token![,]>()?;
        let ty = input.parse()?;
        input.parse::<Token![,]>()?;
        let table = input.parse()?;
        input.parse::<Token![,]>()?;
        let column = input.parse()?;
        input.parse::<Token![,]>()?;
        let content;
        bracketed!(content in input);
        let list: Punctuated<Refusal, Token![,]> = Punctuated::parse_terminated(&content)?;
        Ok(Input {
            field,
            ty,
            table,
            column,
            refusals: list.into_iter().collect(),
        })
    }
}

/// `()` when the type holds every cell, else a compile error at the field's type.
pub(crate) fn cell_type_check(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<Input>(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    let ty = input.ty.to_string();
    let Some(refusal) = input.refusals.iter().find(|r| r.type_name.value() == ty) else {
        return quote!(());
    };
    let message = format!(
        "field `{}` is `{ty}`, but cell `{}` of table `{}` (column `{}`, row {} of {}) is not {} `{ty}`; use a `String` field or another column",
        input.field.value(),
        refusal.cell.value(),
        input.table.value(),
        input.column.value(),
        refusal.row.base10_digits(),
        refusal.source.value(),
        crate::fits::article(&ty),
    );
    quote_spanned!(input.ty.span()=> ::core::compile_error!(#message))
}
