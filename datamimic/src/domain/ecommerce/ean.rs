//! EAN-13 product codes held as thirteen ASCII digits, so a product's code is a plain value.

use std::fmt;

use rand::Rng;

use crate::ident::ean::{self, Gs1Prefixes};

/// A valid EAN-13 (GTIN-13): a three-digit GS1 prefix, nine item digits and the check digit,
/// stored inline; `Display` and `Serialize` write the thirteen digits.
///
/// ```
/// use datamimic::domain::ecommerce::ProductService;
/// use datamimic::ident::ean;
///
/// let product = ProductService::new("DE")?.seed(3).generate();
/// assert!(ean::is_valid(product.ean.as_str()));
/// assert!((400..=440).contains(&product.ean.prefix()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ean13 {
    digits: [u8; 13],
}

impl Ean13 {
    /// Uniform over all valid codes whose prefix is in `prefixes`: [`ean::generate`]'s code,
    /// without its `String`.
    pub fn generate<R: Rng + ?Sized>(rng: &mut R, prefixes: Gs1Prefixes) -> Ean13 {
        Ean13 {
            digits: ean::generate_digits(rng, prefixes),
        }
    }

    /// The thirteen digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("ASCII digits")
    }

    /// The GS1 prefix, the first three digits as a number (`400` to `440` for Germany).
    pub fn prefix(&self) -> u16 {
        self.digits[..3]
            .iter()
            .fold(0, |n, &d| n * 10 + u16::from(d - b'0'))
    }
}

impl fmt::Display for Ean13 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Ean13 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ean13({})", self.as_str())
    }
}

impl serde::Serialize for Ean13 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for Ean13 {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}
