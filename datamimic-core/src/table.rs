//! One baked alias table: rows of cells with exact integer weights, sampled with one draw.

use std::fmt;

use rand::Rng;
use rand::distr::Distribution;

use crate::__private::TableParts;

/// A weighted table baked at build time from one CSV file.
///
/// Sampling costs one `next_u64` and one 8-byte load: the high 32 bits pick a column of the
/// alias table by multiply-shift, the low 32 bits decide between the column's own row and its
/// alias (Vose's method with thresholds computed exactly in integers at build time). The
/// column choice is biased by at most `rows / 2^32`.
///
/// ```
/// use datamimic::{MimicRng, tables};
/// use rand::RngExt;
///
/// let family_names = tables::COMMON_PERSON_FAMILY_NAME.resolve("US").unwrap();
/// let mut rng = MimicRng::seed_from_u64(7);
/// let name: &str = rng.sample(family_names);
/// assert!(!name.is_empty());
/// ```
pub struct Table {
    parts: TableParts,
}

impl Table {
    /// Wraps the parts written by `datamimic-codegen`; checks at compile time that the packed
    /// columns agree with the row count.
    #[doc(hidden)]
    pub const fn from_parts(parts: TableParts) -> Table {
        let rows = parts.rows as usize;
        assert!(rows > 0, "a baked table has rows");
        assert!(
            parts.slots.len() == rows * 8,
            "one 8-byte alias slot per row"
        );
        assert!(parts.weights.len() == rows * 8, "one 8-byte weight per row");
        assert!(
            parts.bounds.len() == (rows * parts.columns.len() + 1) * 4,
            "one 4-byte start per cell and the end of the last"
        );
        Table { parts }
    }

    /// The table key, such as `common/person/given_name_male`.
    pub fn key(&self) -> &'static str {
        self.parts.key
    }

    /// The country code of this variant (`DE`), or `None` for a country-independent table.
    pub fn country(&self) -> Option<&'static str> {
        (!self.parts.country.is_empty()).then_some(self.parts.country)
    }

    /// [`Table::country`] as an integer that sorts like the text (0 without a country).
    #[inline]
    pub(crate) fn country_sort_key(&self) -> u16 {
        match self.parts.country.as_bytes() {
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        }
    }

    /// The CSV file the table was baked from, such as `datasets/common/person/family_name_US.csv`.
    pub fn source(&self) -> &'static str {
        self.parts.source
    }

    /// The value column names (`["value"]` for a `value,weight` file).
    pub fn columns(&self) -> &'static [&'static str] {
        self.parts.columns
    }

    /// The index of the column called `name`.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.parts.columns.iter().position(|&c| c == name)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.parts.rows as usize
    }

    /// Always `false`: the build rejects empty tables.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The content hash recorded in `datasets/MANIFEST.csv`.
    pub fn hash(&self) -> u64 {
        self.parts.hash
    }

    /// Row `index`.
    ///
    /// # Panics
    /// If `index >= self.len()`.
    pub fn row(&'static self, index: usize) -> Row {
        assert!(
            index < self.len(),
            "row {index} out of range for table `{}` ({} rows)",
            self.key(),
            self.len()
        );
        Row {
            table: self,
            index: index as u32,
        }
    }

    /// The rows in file order.
    pub fn iter(&'static self) -> impl ExactSizeIterator<Item = Row> {
        (0..self.len()).map(move |i| self.row(i))
    }

    /// The cell at `row`, `column`.
    // Always inlined: the hottest read of every entity, and small once the column is known.
    #[inline(always)]
    pub fn cell(&self, row: usize, column: usize) -> &'static str {
        let width = self.parts.columns.len();
        assert!(
            column < width,
            "column {column} out of range for table `{}`",
            self.key()
        );
        // The cell's start and the next cell's start, read as one 8-byte load.
        let k = row * width + column;
        let pair = read_u64_at(self.parts.bounds, k * 4);
        &self.parts.text[(pair as u32) as usize..(pair >> 32) as usize]
    }

    /// The first column of `row`: the value of a `value,weight` table.
    #[inline]
    pub fn value(&self, row: usize) -> &'static str {
        self.cell(row, 0)
    }

    /// The weight of `row`, exactly: `weight / 10^decimals` is the value written in the CSV.
    pub fn scaled_weight(&self, row: usize) -> u64 {
        read_u64(self.parts.weights, row)
    }

    /// Sum of [`Table::scaled_weight`] over all rows.
    pub fn scaled_total_weight(&self) -> u64 {
        self.parts.total_weight
    }

    /// The number of decimal places the scaled weights carry.
    pub fn weight_decimals(&self) -> u32 {
        self.parts.decimals
    }

    /// The probability of drawing `row`, from the exact weights.
    pub fn probability(&self, row: usize) -> f64 {
        self.scaled_weight(row) as f64 / self.parts.total_weight as f64
    }

    /// Draws a row index with one `next_u64`.
    #[inline]
    pub fn sample_index<R: Rng + ?Sized>(&self, rng: &mut R) -> usize {
        let x = rng.next_u64();
        let column = (((x >> 32) * u64::from(self.parts.rows)) >> 32) as usize;
        let slot = read_u64(self.parts.slots, column);
        if (x as u32) < slot as u32 {
            column
        } else {
            (slot >> 32) as usize
        }
    }

    /// Draws a row.
    #[inline]
    pub fn sample_row<R: Rng + ?Sized>(&'static self, rng: &mut R) -> Row {
        Row {
            table: self,
            index: self.sample_index(rng) as u32,
        }
    }
}

/// The little-endian `u64` at byte `offset`.
#[inline]
fn read_u64_at(bytes: &[u8], offset: usize) -> u64 {
    let chunk: [u8; 8] = bytes[offset..offset + 8].try_into().expect("8 bytes");
    u64::from_le_bytes(chunk)
}

#[inline]
fn read_u64(bytes: &[u8], i: usize) -> u64 {
    let chunk: [u8; 8] = bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes");
    u64::from_le_bytes(chunk)
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("key", &self.parts.key)
            .field("country", &self.parts.country)
            .field("columns", &self.parts.columns)
            .field("rows", &self.parts.rows)
            .finish_non_exhaustive()
    }
}

/// Draws the first column's value.
impl Distribution<&'static str> for Table {
    #[inline]
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> &'static str {
        self.value(self.sample_index(rng))
    }
}

/// One row of a baked table; all of its cells belong together (for example a city with its
/// state and postal code).
#[derive(Clone, Copy)]
pub struct Row {
    table: &'static Table,
    index: u32,
}

impl Row {
    /// The table the row belongs to.
    pub fn table(&self) -> &'static Table {
        self.table
    }

    /// The row's index in its table.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The first column.
    #[inline]
    pub fn value(&self) -> &'static str {
        self.table.cell(self.index as usize, 0)
    }

    /// The cell in column `column`.
    #[inline]
    pub fn cell(&self, column: usize) -> &'static str {
        self.table.cell(self.index as usize, column)
    }

    /// The cell in the column called `name`, or `None` if there is no such column.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        self.table.column_index(name).map(|c| self.cell(c))
    }
}

impl fmt::Debug for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (c, name) in self.table.columns().iter().enumerate() {
            map.entry(name, &self.cell(c));
        }
        map.finish()
    }
}

impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        std::ptr::eq(self.table, other.table) && self.index == other.index
    }
}

impl Eq for Row {}

impl Table {
    /// Builds a table at run time from rows and decimal weights (`"37.4"`, `"2"`), with the
    /// same exact construction and the same sampling as the baked tables.
    ///
    /// The table is leaked so it can be `'static` like the baked ones: build it once and keep
    /// it (for example for a descriptor's inline `values` and `weights`).
    ///
    /// ```
    /// use datamimic::{MimicRng, Table};
    /// let colors = Table::build_leaked("colors", &["value"], vec![vec!["red".into()], vec!["blue".into()]], &["3", "1.5"]).unwrap();
    /// assert_eq!(colors.probability(0), 3.0 / 4.5);
    /// let row = colors.sample_row(&mut MimicRng::seed_from_u64(1));
    /// assert!(["red", "blue"].contains(&row.value()));
    /// ```
    pub fn build_leaked(
        key: &str,
        columns: &[&str],
        rows: Vec<Vec<String>>,
        weights: &[&str],
    ) -> crate::Result<&'static Table> {
        use datamimic_codegen::{PackedTable, Weights, parse_decimal_weight};
        let invalid =
            |message: String| crate::Error::Constraint(format!("table `{key}`: {message}"));
        if rows.is_empty() || rows.len() != weights.len() || u32::try_from(rows.len()).is_err() {
            return Err(invalid(format!(
                "{} rows need as many weights, got {}",
                rows.len(),
                weights.len()
            )));
        }
        if let Some(row) = rows.iter().find(|r| r.len() != columns.len()) {
            return Err(invalid(format!(
                "a row has {} cells for {} columns",
                row.len(),
                columns.len()
            )));
        }
        let parsed = weights
            .iter()
            .map(|w| parse_decimal_weight(w))
            .collect::<Result<Vec<_>, _>>()
            .map_err(invalid)?;
        let weights = Weights::scale(&parsed).map_err(invalid)?;
        if weights.total == 0 {
            return Err(invalid("all weights are zero".to_owned()));
        }
        let packed = PackedTable::new(&rows, &weights);
        let leak_str = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        let columns: Vec<&'static str> = columns.iter().map(|c| leak_str(c)).collect();
        let parts = TableParts {
            key: leak_str(key),
            country: "",
            source: "",
            columns: Box::leak(columns.into_boxed_slice()),
            rows: rows.len() as u32,
            text: Box::leak(packed.text.into_boxed_str()),
            bounds: Box::leak(packed.bounds.into_boxed_slice()),
            slots: Box::leak(packed.slots.into_boxed_slice()),
            weights: Box::leak(packed.weights.into_boxed_slice()),
            decimals: weights.decimals,
            total_weight: weights.total,
            hash: 0,
        };
        Ok(Box::leak(Box::new(Table::from_parts(parts))))
    }
}
