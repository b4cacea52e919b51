//! The `Mimic` trait: a type that can generate realistic values of itself.

use crate::{Context, TableFamily};

/// A type whose values datamimic can generate.
///
/// Usually derived with `#[derive(Mimic)]`; implemented here for primitives, `String`,
/// `&'static str`, `Option`, `Vec`, tuples, arrays and `chrono` dates. Implement it by hand for
/// full control:
///
/// ```
/// use datamimic::{Context, Mimic, Service, sample};
///
/// struct Dice(u8);
///
/// impl Mimic for Dice {
///     fn mimic(ctx: &mut Context<'_>) -> Dice {
///         Dice(1 + sample::below(ctx.rng(), 6) as u8)
///     }
/// }
///
/// let service = Service::<Dice>::new().seed(1);
/// assert!((1..=6).contains(&service.record(0).0));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Mimic`",
    label = "datamimic cannot generate this type",
    note = "add `#[derive(Mimic)]` to the type, give the field a `#[mimic(...)]` attribute, or mark it `#[mimic(skip)]`"
)]
pub trait Mimic: Sized {
    /// Generates one value from the record's context (its random stream, dataset and clock).
    fn mimic(ctx: &mut Context<'_>) -> Self;

    /// The dataset this type is generated for unless a service says otherwise
    /// (`#[mimic(dataset = "DE")]`).
    const DEFAULT_DATASET: Option<&'static str> = None;

    /// Reports every table this type (and the types it contains) draws from, so a service can
    /// check them up front: strict-mode dataset support and cell conversions.
    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        let _ = visitor;
    }
}

/// One table a type draws from, and how it reads it.
#[derive(Debug, Clone, Copy)]
pub struct TableUse {
    /// The table.
    pub family: &'static TableFamily,
    /// The column read.
    pub column: usize,
    /// The check that every cell of that column converts into the field's type; `None` when
    /// every cell does (text fields).
    pub accepts: Option<CellCheck>,
}

impl TableUse {
    /// Reports every table of `families` as read whole, as text: what a type that resolves a
    /// dataset's tables together (a catalog, a domain's tables) tells a service's checks.
    pub fn visit_families(families: &[&'static TableFamily], visitor: &mut dyn FnMut(TableUse)) {
        for &family in families {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
    }
}

/// A field that reads a table column into a type that can refuse cells (numbers, `bool`,
/// `char`), so a service can name it when a cell does not convert.
#[derive(Debug, Clone, Copy)]
pub struct CellCheck {
    /// The field, as written in its type (`age`, or `0` for a tuple field).
    pub field: &'static str,
    /// The field's type.
    pub type_name: &'static str,
    /// Whether a cell converts into the type.
    pub accepts: fn(&str) -> bool,
}
