//! The runtime error type.

/// What can go wrong when asking datamimic for data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A dataset code that is not two ASCII letters.
    InvalidDatasetCode {
        /// What was given.
        code: String,
    },
    /// Strict mode asked for a country that a table does not have.
    UnsupportedDataset {
        /// The table key.
        table: &'static str,
        /// The dataset code asked for.
        requested: String,
        /// The codes the table has.
        available: Vec<&'static str>,
    },
    /// No table of the type has the requested country, so there is nothing to fall back from.
    UnknownDataset {
        /// The type generated.
        type_name: &'static str,
        /// The dataset code asked for.
        requested: String,
        /// The codes at least one of its tables has.
        available: Vec<&'static str>,
    },
    /// Neither the requested country nor the US fallback exists for a table.
    NoFallback {
        /// The table key.
        table: &'static str,
        /// The dataset code asked for.
        requested: String,
        /// The codes the table has.
        available: Vec<&'static str>,
    },
    /// A table was asked for a column it does not have.
    UnknownColumn {
        /// The table key.
        table: &'static str,
        /// The column asked for.
        column: String,
        /// The columns it has.
        columns: &'static [&'static str],
    },
    /// A cell of a table that a field reads does not convert into the field's type.
    CellType {
        /// The field.
        field: &'static str,
        /// The field's type.
        type_name: &'static str,
        /// The table key.
        table: &'static str,
        /// The column read.
        column: &'static str,
        /// The cell.
        cell: String,
        /// Its data row, from 1.
        row: usize,
        /// The file it was baked from.
        file: &'static str,
    },
    /// Parameters that cannot all hold at once (for example a minimum above its maximum).
    Constraint(String),
}

// Written out rather than derived (thiserror): a crate that depends on datamimic then builds
// one proc-macro fewer.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidDatasetCode { code } => write!(
                f,
                "invalid dataset code `{code}`: expected a two-letter ISO 3166-1 code such as `US` or `DE`"
            ),
            Error::UnsupportedDataset {
                table,
                requested,
                available,
            } => write!(
                f,
                "table `{table}` has no dataset `{requested}` (strict mode); it exists for: {}",
                available.join(", ")
            ),
            Error::UnknownDataset {
                type_name,
                requested,
                available,
            } => write!(
                f,
                "no table of `{type_name}` has dataset `{requested}`; its tables have: {}",
                available.join(", ")
            ),
            Error::NoFallback {
                table,
                requested,
                available,
            } => write!(
                f,
                "table `{table}` has no dataset `{requested}` and no `US` fallback; it exists for: {}",
                available.join(", ")
            ),
            Error::UnknownColumn {
                table,
                column,
                columns,
            } => write!(
                f,
                "table `{table}` has no column `{column}`; its columns are: {}",
                columns.join(", ")
            ),
            Error::CellType {
                field,
                type_name,
                table,
                column,
                cell,
                row,
                file,
            } => write!(
                f,
                "field `{field}` is `{type_name}`, but cell `{cell}` of table `{table}` (column `{column}`, row {row} of {file}) is not a `{type_name}`"
            ),
            Error::Constraint(what) => write!(f, "impossible constraint: {what}"),
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with datamimic's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
