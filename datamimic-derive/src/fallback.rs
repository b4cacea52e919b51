//! The stub impl emitted next to errors, so code that uses the type reports only the real
//! errors (thiserror's and clap's approach).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::bound::with_mimic_bounds;

pub(crate) fn stub(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let generics = with_mimic_bounds(&input.generics, krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::Mimic for #ident #ty_generics #where_clause {
                fn mimic(_: &mut #krate::Context<'_>) -> Self {
                    ::core::unreachable!()
                }
            }
        };
    }
}
