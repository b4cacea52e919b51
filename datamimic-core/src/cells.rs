//! Records as flat rows of cells, the shape of a CSV line.
//!
//! Any `Serialize` record can be flattened through serde (nested structs become further
//! cells), and that is what [`Cells::write_cells`] does unless a type says otherwise.
//! `#[derive(Mimic)]` (or `#[derive(Cells)]`) writes a struct's fields straight to a
//! [`CellWriter`], each by its own `Cells`. A type written by hand can go further: several text
//! cells in one call, text built from parts (a phone number, a one-line address) as its parts
//! rather than assembled first, and a value it holds twice as a copy of the first cell. The
//! cells must be exactly the ones serde would give: same order, same text.

use chrono::NaiveDate;
use serde::Serialize;

/// A record that can be written as one row of cells.
///
/// ```
/// # #![allow(dead_code)]
/// use datamimic::{CellWriter, Cells};
///
/// #[derive(serde::Serialize)]
/// struct Reading {
///     sensor: &'static str,
///     value: u64,
/// }
///
/// // Through serde: the default.
/// impl Cells for Reading {}
///
/// #[derive(serde::Serialize)]
/// struct Fast {
///     sensor: &'static str,
///     value: u64,
/// }
///
/// // Field by field, in serde's order.
/// impl Cells for Fast {
///     fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
///         w.text(self.sensor)?;
///         w.uint(self.value)
///     }
/// }
/// ```
pub trait Cells: Serialize {
    /// Writes the record's cells, in the order and with the text its `Serialize` impl gives
    /// when flattened.
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.serialized(self)
    }

    /// Whether `other` writes exactly the cells `self` writes, so a writer may repeat them
    /// (a person's `name`, a copy of its `full_name`). `false` unless a type knows better.
    #[inline]
    fn same_cells(&self, other: &Self) -> bool {
        let _ = other;
        false
    }

    /// The record's columns as its type declares them ([`crate::Columnar`]), for columnar
    /// output that must be typed without seeing a record; `None` (the default) leaves them to
    /// be read from records. The derived impl gives the type's `Columnar` column where it has
    /// one.
    #[inline]
    fn columns() -> Option<crate::Column>
    where
        Self: Sized,
    {
        None
    }
}

/// Where [`Cells`] go: a CSV row, typically.
pub trait CellWriter {
    /// Why a cell could not be written (text that needs quotes where quoting is refused).
    type Error;

    /// One cell of text.
    fn text(&mut self, text: &str) -> Result<(), Self::Error>;

    /// Several cells of text in a row (`city, state, postal code`), in one call.
    fn texts(&mut self, texts: &[&str]) -> Result<(), Self::Error> {
        texts.iter().try_for_each(|text| self.text(text))
    }

    /// One cell holding an unsigned integer.
    fn uint(&mut self, value: u64) -> Result<(), Self::Error>;

    /// One cell holding a date, `YYYY-MM-DD` as chrono serializes it.
    fn date(&mut self, date: NaiveDate) -> Result<(), Self::Error> {
        self.serialized(&date)
    }

    /// One cell of text made of `parts` (a phone number's country code, prefix and number),
    /// written without assembling them first.
    fn joined(&mut self, parts: &[&str]) -> Result<(), Self::Error>;

    /// One cell of `text` followed by the digits of `value` (a phone number's `+49 351 ` and
    /// subscriber number, an identifier's prefix and serial).
    fn text_and_uint(&mut self, text: &str, value: u64) -> Result<(), Self::Error> {
        self.joined(&[text, itoa::Buffer::new().format(value)])
    }

    /// The cells of any value, through serde: a struct or map flattens into one cell per
    /// leaf, anything else is one cell.
    fn serialized<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error>;

    /// Where the row stands, to be passed to [`CellWriter::repeat_cell`].
    fn position(&self) -> usize;

    /// Writes again, as the next cell, the one cell written between the positions `start`
    /// and `end` of this row: a record holding the same value twice (a person's phone and
    /// their address's phone) renders it once.
    fn repeat_cell(&mut self, start: usize, end: usize) -> Result<(), Self::Error>;
}

/// Writes `T` through serde: `impl Cells for A {} impl Cells for B {} ...` (also for
/// datamimic's domains, through `__private`).
#[doc(hidden)]
#[macro_export]
macro_rules! __cells_by_serde {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::Cells for $ty {}
    )*};
}
use crate::__cells_by_serde as cells_by_serde;

// The leaves of records, so a derived `Cells` can write a struct field by field: text and
// unsigned integers directly, dates as chrono writes them, the rest through serde.

impl Cells for str {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text(self)
    }
}

impl<T: Cells + ?Sized> Cells for &T {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        (**self).write_cells(w)
    }
}

impl Cells for String {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text(self)
    }
}

impl Cells for std::borrow::Cow<'_, str> {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text(self)
    }
}

macro_rules! cells_by_uint {
    ($($ty:ty),*) => {$(
        impl Cells for $ty {
            #[inline]
            fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
                w.uint(*self as u64)
            }
        }
    )*};
}
cells_by_uint!(u8, u16, u32, u64, usize);

impl Cells for NaiveDate {
    #[inline]
    fn write_cells<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.date(*self)
    }
}

cells_by_serde!(
    i8,
    i16,
    i32,
    i64,
    i128,
    u128,
    isize,
    f32,
    f64,
    bool,
    char,
    chrono::NaiveDateTime,
    chrono::NaiveTime,
    chrono::DateTime<chrono::Utc>,
);

impl<T: Serialize> Cells for Option<T> {}
impl<T: Serialize> Cells for Vec<T> {}

/// A field of a derived record, as its `Cells` impl writes it: by the field type's own
/// `Cells` where it has one ([`FieldByCells`]), otherwise through serde ([`FieldBySerde`]).
/// Generated code calls `(&FieldCells(&field)).write_field(w)`: method lookup tries
/// `FieldCells<T>` before `&FieldCells<T>`, so the `Cells` impl wins wherever it exists and
/// a field of any other `Serialize` type still writes serde's cells.
#[doc(hidden)]
#[derive(Debug)]
pub struct FieldCells<'a, T: ?Sized>(pub &'a T);

/// [`FieldCells`] of a type with its own `Cells`.
#[doc(hidden)]
pub trait FieldByCells {
    /// The field's type.
    type Field: ?Sized;
    /// Writes the field's cells.
    fn write_field<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error>;
    /// [`Cells::same_cells`] of the field and `other`.
    fn same_field(&self, other: &Self::Field) -> bool;
}

impl<T: Cells + ?Sized> FieldByCells for FieldCells<'_, T> {
    type Field = T;
    #[inline(always)]
    fn write_field<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        self.0.write_cells(w)
    }
    #[inline(always)]
    fn same_field(&self, other: &T) -> bool {
        self.0.same_cells(other)
    }
}

/// [`FieldCells`] of any other `Serialize` type.
#[doc(hidden)]
pub trait FieldBySerde {
    /// The field's type.
    type Field: ?Sized;
    /// Writes the field's cells through serde.
    fn write_field<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error>;
    /// `false`: without `Cells` nothing says the cells would be the same.
    fn same_field(&self, other: &Self::Field) -> bool;
}

impl<T: Serialize + ?Sized> FieldBySerde for &FieldCells<'_, T> {
    type Field = T;
    #[inline(always)]
    fn write_field<W: CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.serialized(self.0)
    }
    #[inline(always)]
    fn same_field(&self, _: &T) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect_cells::Collect;

    #[derive(Serialize)]
    struct ByDefault(u8);
    impl Cells for ByDefault {}

    #[test]
    fn the_default_goes_through_serde_and_parts_make_one_cell() {
        let mut w = Collect::default();
        ByDefault(7).write_cells(&mut w).unwrap();
        w.joined(&["+49 ", "00042"]).unwrap();
        w.texts(&["a", "b"]).unwrap();
        w.date(NaiveDate::from_ymd_opt(812, 3, 4).unwrap()).unwrap();
        w.text_and_uint("+1 212 ", 5550123).unwrap();
        let at = w.position();
        w.text("x").unwrap();
        w.repeat_cell(at, w.position()).unwrap();
        assert_eq!(
            w.cells,
            [
                "7",
                "+49 00042",
                "a",
                "b",
                "\"0812-03-04\"",
                "+1 212 5550123",
                "x",
                "x"
            ]
        );
    }
}
