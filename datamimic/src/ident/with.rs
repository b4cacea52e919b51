//! Identifier generators in the shape `#[mimic(with = ...)]` calls: `fn(&mut Context) ->
//! String`, drawing from the record's stream. The algorithms stay in their own modules.
//!
//! ```
//! use datamimic::{Mimic, Service};
//!
//! #[derive(Mimic)]
//! struct Provider {
//!     #[mimic(with = datamimic::ident::with::npi)]
//!     npi: String,
//!     #[mimic(with = datamimic::ident::with::aba_routing_number)]
//!     routing: String,
//! }
//!
//! let provider = Service::<Provider>::new().seed(3).record(0);
//! assert!(datamimic::ident::npi::is_valid(&provider.npi));
//! assert!(datamimic::ident::aba::is_valid(&provider.routing));
//! ```

use crate::Context;

use super::{Network, aba, card, npi, ssn};

/// A US National Provider Identifier ([`npi::generate`]).
pub fn npi(ctx: &mut Context<'_>) -> String {
    npi::generate(ctx.rng())
}

/// A US Social Security number ([`ssn::generate`]).
pub fn ssn(ctx: &mut Context<'_>) -> String {
    ssn::generate(ctx.rng())
}

/// An ABA routing number ([`aba::generate`]).
pub fn aba_routing_number(ctx: &mut Context<'_>) -> String {
    aba::generate(ctx.rng())
}

/// A Visa card number ([`card::generate`]).
pub fn visa_card(ctx: &mut Context<'_>) -> String {
    card::generate(ctx.rng(), Network::Visa)
}

/// A Mastercard number ([`card::generate`]).
pub fn mastercard(ctx: &mut Context<'_>) -> String {
    card::generate(ctx.rng(), Network::Mastercard)
}
