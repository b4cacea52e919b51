//! A product's coverages (all or a chosen subset) as a bit mask over its coverage rows.

use std::fmt;

use super::InsuranceCoverage;
use super::tables::InsuranceTables;

/// Coverages of one product, stored as a bit mask over the product's coverage rows; iterates
/// and serialises as a list of [`InsuranceCoverage`]s without allocating.
#[derive(Clone, Copy)]
pub struct CoverageSet {
    tables: &'static InsuranceTables,
    product: u16,
    mask: u32,
}

impl CoverageSet {
    /// Every coverage of product row `product`.
    pub(crate) fn all(tables: &'static InsuranceTables, product: usize) -> CoverageSet {
        let n = tables.coverages_of[product].len();
        CoverageSet {
            tables,
            product: product as u16,
            mask: if n >= 32 { u32::MAX } else { (1 << n) - 1 },
        }
    }

    /// The coverages of product row `product` whose bits are set in `mask` (bit 0 is the core
    /// cover).
    pub(crate) fn subset(
        tables: &'static InsuranceTables,
        product: usize,
        mask: u32,
    ) -> CoverageSet {
        let all = CoverageSet::all(tables, product);
        CoverageSet {
            mask: mask & all.mask,
            ..all
        }
    }

    /// The product's row in the product table.
    pub(crate) fn product_row(&self) -> usize {
        usize::from(self.product)
    }

    /// The bits of the chosen coverages.
    pub(crate) fn mask(&self) -> u32 {
        self.mask
    }

    /// The coverages, core cover first.
    pub fn iter(&self) -> Coverages {
        Coverages {
            set: *self,
            next: 0,
        }
    }

    /// How many coverages there are.
    pub fn len(&self) -> usize {
        self.mask.count_ones() as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.mask == 0
    }
}

/// The iterator of [`CoverageSet::iter`].
#[derive(Debug, Clone)]
pub struct Coverages {
    set: CoverageSet,
    next: u32,
}

impl Iterator for Coverages {
    type Item = InsuranceCoverage;

    fn next(&mut self) -> Option<InsuranceCoverage> {
        let rows = &self.set.tables.coverages_of[usize::from(self.set.product)];
        while (self.next as usize) < rows.len() {
            let bit = self.next;
            self.next += 1;
            if self.set.mask >> bit & 1 == 1 {
                let row = usize::from(rows[bit as usize]);
                return Some(InsuranceCoverage::of_row(self.set.tables, row));
            }
        }
        None
    }
}

impl IntoIterator for CoverageSet {
    type Item = InsuranceCoverage;
    type IntoIter = Coverages;

    fn into_iter(self) -> Coverages {
        self.iter()
    }
}

impl PartialEq for CoverageSet {
    fn eq(&self, other: &CoverageSet) -> bool {
        std::ptr::eq(self.tables, other.tables)
            && self.product == other.product
            && self.mask == other.mask
    }
}

impl fmt::Debug for CoverageSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|c| c.code)).finish()
    }
}

impl serde::Serialize for CoverageSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for CoverageSet {
    fn column() -> crate::Column {
        crate::Column::List(Box::new(
            <super::InsuranceCoverage as crate::Columnar>::column(),
        ))
    }
}
