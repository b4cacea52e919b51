//! Converting table cells into field values.

/// Field types that can hold a cell of a baked table (`#[mimic(weighted = "...")]`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be filled from a table cell",
    label = "this field's type cannot hold the table's values",
    note = "table cells fill `&'static str`, `String`, `Cow<'static, str>`, numbers, `bool` and `char` fields"
)]
pub trait FromCell: Sized {
    /// The value for `cell`. Cells that do not parse are refused earlier: at compile time by
    /// `#[derive(Mimic)]` for primitive fields, and by [`FromCell::accepts`] when a service's
    /// dataset is set. A cell that gets here anyway panics rather than become a made-up value.
    fn from_cell(cell: &'static str) -> Self;

    /// Whether `cell` converts without loss. Services check every cell of the tables a type
    /// uses when they are built, so generation itself never fails.
    fn accepts(cell: &str) -> bool {
        let _ = cell;
        true
    }

    /// Whether [`FromCell::accepts`] can refuse anything (text types accept every cell).
    const CHECKED: bool = false;
}

impl FromCell for &'static str {
    #[inline]
    fn from_cell(cell: &'static str) -> Self {
        cell
    }
}

impl FromCell for String {
    #[inline]
    fn from_cell(cell: &'static str) -> Self {
        cell.to_owned()
    }
}

impl FromCell for std::borrow::Cow<'static, str> {
    #[inline]
    fn from_cell(cell: &'static str) -> Self {
        std::borrow::Cow::Borrowed(cell)
    }
}

macro_rules! parsed_cell {
    ($($t:ty),*) => {$(
        impl FromCell for $t {
            #[inline]
            fn from_cell(cell: &'static str) -> Self {
                match cell.parse() {
                    Ok(value) => value,
                    Err(_) => refused(cell, stringify!($t)),
                }
            }
            fn accepts(cell: &str) -> bool {
                cell.parse::<$t>().is_ok()
            }
            const CHECKED: bool = true;
        }
    )*};
}
parsed_cell!(
    u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64, bool, char
);

/// A cell that the checks let through: a panic names it, never a silent zero.
#[cold]
#[inline(never)]
fn refused(cell: &str, type_name: &str) -> ! {
    panic!(
        "datamimic: table cell `{cell}` is not a `{type_name}`; set the service's dataset to have such cells reported as an error up front"
    )
}
