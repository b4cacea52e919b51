//! `#[mimic(chance = p)]` on enum variants: shares of all records that may come from the
//! service's configuration (`chance = config.female_quota`), such as a gender drawn by the
//! person configuration's quotas.
//!
//! One uniform draw `u` in `[0, 1)` is compared with the running sum of the chances, in the
//! order the variants are written: the first variant whose sum exceeds `u` is the value. The
//! variants without a chance take what is left, among themselves uniformly or by `weight`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Variant;
use crate::check::{Scope, variant_chance_references};
use crate::ctxt::Ctxt;
use crate::symbol::{CHANCE, SKIP, WEIGHT};

/// Reports the mistakes of `chance` on the variants; whether any variant has one.
pub(crate) fn check(
    cx: &Ctxt,
    enum_ident: &syn::Ident,
    variants: &[Variant<'_>],
    scope: Scope<'_>,
) -> bool {
    let mut any = false;
    let mut rest = false;
    for variant in variants {
        let Some((span, chance)) = &variant.attrs.chance else {
            rest |= variant.attrs.skip.is_none();
            continue;
        };
        any = true;
        if variant.attrs.skip.is_some() {
            cx.error_at(
                *span,
                format!("mimic `{CHANCE}` gives a share to a variant that `{SKIP}` leaves out: give one of them"),
            );
        }
        if variant.attrs.weight.is_some() {
            cx.error_at(
                *span,
                format!("mimic `{CHANCE}` conflicts with `{WEIGHT}`: a variant has a share of all records (`{CHANCE}`) or a weight among the variants without one (`{WEIGHT}`)"),
            );
        }
        if let Some(value) = literal_value(chance)
            && !(0.0..=1.0).contains(&value)
        {
            cx.error_spanned_by(
                chance,
                format!("mimic `{CHANCE}` is a share of the records, from 0 to 1, not {value}"),
            );
        }
        variant_chance_references(cx, chance, scope);
    }
    if any && !rest {
        cx.error_spanned_by(
            enum_ident,
            format!("every variant has a mimic `{CHANCE}`, so none takes the records the chances leave: leave the `{CHANCE}` off one variant"),
        );
    }
    any
}

/// The number a literal `chance` gives, if it is one.
fn literal_value(expr: &syn::Expr) -> Option<f64> {
    let syn::Expr::Lit(syn::ExprLit { lit, .. }) = expr else {
        return None;
    };
    match lit {
        syn::Lit::Float(f) => f.base10_parse().ok(),
        syn::Lit::Int(i) => i.base10_parse().ok(),
        _ => None,
    }
}

/// The draw: `chanced` pairs each variant's chance with its construction, in order; `rest`
/// makes one of the variants without a chance.
pub(crate) fn draw(
    krate: &TokenStream,
    chanced: &[(&syn::Expr, TokenStream)],
    rest: TokenStream,
) -> TokenStream {
    let mut tokens = rest;
    // Built from the last chance back, so the sums run in the order the variants are written.
    for (i, (chance, make)) in chanced.iter().enumerate().rev() {
        let share = share(chance);
        let edge = if i == 0 {
            let first = share_alone(chance);
            quote_spanned!(chance.span()=> let __mimic_edge: f64 = #first;)
        } else {
            quote_spanned!(chance.span()=> let __mimic_edge: f64 = __mimic_edge + #share;)
        };
        tokens = quote! {{
            #edge
            if __mimic_point < __mimic_edge { #make } else { #tokens }
        }};
    }
    quote! {{
        let __mimic_point: f64 = #krate::sample::unit_f64(__mimic_ctx.rng());
        #tokens
    }}
}

/// The first chance, which needs no parentheses.
fn share_alone(chance: &syn::Expr) -> TokenStream {
    match chance {
        syn::Expr::Lit(_) => share(chance),
        other => quote!(#other),
    }
}

/// A chance as an `f64` operand: integer literals (`0`, `1`) written as decimals, anything
/// else in parentheses, so it is added as a whole.
fn share(chance: &syn::Expr) -> TokenStream {
    match chance {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => {
            let value = syn::LitFloat::new(&format!("{}.0", i.base10_digits()), i.span());
            quote!(#value)
        }
        other => quote!((#other)),
    }
}
