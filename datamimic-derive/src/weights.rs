//! Alias tables for inline weights (`values` with `weights`, enum variant `weight`), built at
//! compile time with the same exact construction as the baked tables.

use datamimic_codegen::{Weights, build_alias, parse_decimal_weight};

use crate::attr::Weight;
use crate::ctxt::Ctxt;

/// The packed alias slots (threshold low, alias high) for `weights`; errors go to `cx`.
pub(crate) fn alias_slots(cx: &Ctxt, weights: &[Weight]) -> Vec<u64> {
    let mut parsed = Vec::with_capacity(weights.len());
    for weight in weights {
        match parse_decimal_weight(&weight.text) {
            Ok(w) => parsed.push(w),
            Err(message) => cx.error_at(weight.span, message),
        }
    }
    if parsed.len() != weights.len() || parsed.is_empty() {
        return vec![u64::from(u32::MAX)];
    }
    let scaled = match Weights::scale(&parsed) {
        Ok(scaled) => scaled,
        Err(message) => {
            cx.error_at(weights[0].span, message);
            return vec![u64::from(u32::MAX)];
        }
    };
    if scaled.total == 0 {
        cx.error_at(
            weights[0].span,
            "all weights are zero; at least one needs to be positive",
        );
        return vec![u64::from(u32::MAX)];
    }
    let columns = build_alias(&scaled.scaled);
    columns
        .threshold
        .iter()
        .zip(&columns.alias)
        .map(|(&t, &a)| u64::from(t) | (u64::from(a) << 32))
        .collect()
}
