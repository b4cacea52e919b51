//! Column types declared by a record's Rust type, for columnar output (Parquet, Arrow): a
//! date field is a date column and an `Option` field is typed even where no record of a run
//! has a value, whatever records a run or a shard holds (none at all, or only nulls).
//!
//! [`Columnar`] gives a type's column; leaf types (text, numbers, dates and times) implement
//! it here and in the domain modules, and `#[derive(Mimic)]` (or `#[derive(Cells)]`) writes it
//! for a struct whose fields all have one, in serde's order and under serde's names (a
//! `#[serde(flatten)]` field's [`ColumnarStruct`] fields in its place). A type whose column
//! cannot be known from its type (`skip_serializing_if`, a `Cells` written by hand) has none:
//! [`crate::Cells::columns`] is `None` and its columns are read from records.

use std::marker::PhantomData;

use chrono::{DateTime, NaiveDate, Utc};

/// The type of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// A boolean.
    Bool,
    /// An `i8`.
    I8,
    /// An `i16`.
    I16,
    /// An `i32`.
    I32,
    /// An `i64`.
    I64,
    /// A `u8`.
    U8,
    /// A `u16`.
    U16,
    /// A `u32`.
    U32,
    /// A `u64`.
    U64,
    /// An `f32`.
    F32,
    /// An `f64`.
    F64,
    /// Text.
    Text,
    /// A date, written `YYYY-MM-DD`.
    Date,
    /// A UTC time, written `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
    Timestamp,
    /// A list of items of one type.
    List(Box<Column>),
    /// Named fields, in serde's order and under serde's names.
    Struct(Vec<(&'static str, Column)>),
}

/// A type whose column is known without a value.
pub trait Columnar {
    /// The type's column (a struct's: its fields'; an `Option`'s: its value's).
    fn column() -> Column;
}

/// A `Columnar` type whose column is a struct: its fields, which a `#[serde(flatten)]` field
/// holding it splices into the record around it.
pub trait ColumnarStruct: Columnar {
    /// The struct's fields, in serde's order and under serde's names.
    fn fields() -> Vec<(&'static str, Column)>;
}

macro_rules! leaf {
    ($column:ident => $($ty:ty),* $(,)?) => {
        $(impl Columnar for $ty {
            fn column() -> Column {
                Column::$column
            }
        })*
    };
}

leaf!(Text => String, str);
leaf!(Bool => bool);
leaf!(F32 => f32);
leaf!(F64 => f64);
leaf!(I8 => i8);
leaf!(I16 => i16);
leaf!(I32 => i32);
leaf!(I64 => i64);
leaf!(U8 => u8);
leaf!(U16 => u16);
leaf!(U32 => u32);
leaf!(U64 => u64);
leaf!(Date => NaiveDate);
leaf!(Timestamp => DateTime<Utc>);

impl<T: Columnar> Columnar for Option<T> {
    fn column() -> Column {
        T::column()
    }
}

impl<T: Columnar> Columnar for Vec<T> {
    fn column() -> Column {
        Column::List(Box::new(T::column()))
    }
}

impl<T: Columnar, const N: usize> Columnar for [T; N] {
    fn column() -> Column {
        Column::List(Box::new(T::column()))
    }
}

impl<T: Columnar + ?Sized> Columnar for &T {
    fn column() -> Column {
        T::column()
    }
}

impl<T: Columnar + ?Sized> Columnar for Box<T> {
    fn column() -> Column {
        T::column()
    }
}

/// The column of `T` where it has one: `(&ColumnOf::<T>::NEW).declared()` picks
/// [`DeclaredColumn`] when `T: Columnar` and [`NoDeclaredColumn`] otherwise. The derived
/// `Cells::columns` uses it, so a derived type one of whose fields has no column simply has
/// none rather than failing to compile.
#[derive(Debug)]
pub struct ColumnOf<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> ColumnOf<T> {
    /// The probe.
    pub const NEW: ColumnOf<T> = ColumnOf(PhantomData);
}

/// The declared column of a `Columnar` type.
pub trait DeclaredColumn {
    /// `Some` column.
    fn declared(&self) -> Option<Column>;
}

impl<T: Columnar + ?Sized> DeclaredColumn for ColumnOf<T> {
    fn declared(&self) -> Option<Column> {
        Some(T::column())
    }
}

/// No column for a type that does not declare one.
pub trait NoDeclaredColumn {
    /// `None`.
    fn declared(&self) -> Option<Column>;
}

impl<T: ?Sized> NoDeclaredColumn for &ColumnOf<T> {
    fn declared(&self) -> Option<Column> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Undeclared;

    // The borrow is the probe: without it the fallback could not be reached.
    #[allow(clippy::needless_borrow)]
    #[test]
    fn the_probe_finds_declared_columns_only() {
        #[allow(unused_imports)]
        use super::{DeclaredColumn as _, NoDeclaredColumn as _};
        assert_eq!(
            (&ColumnOf::<Option<Vec<u16>>>::NEW).declared(),
            Some(Column::List(Box::new(Column::U16)))
        );
        assert_eq!((&ColumnOf::<Undeclared>::NEW).declared(), None);
    }
}
