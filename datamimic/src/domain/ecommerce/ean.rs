//! EAN-13 product codes held as thirteen ASCII digits, so a product's code is a plain value.

use std::fmt;

use rand::Rng;

use crate::ident::ean::{self, Gs1Prefixes};
use crate::sample::below;

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
    /// Uniform over all valid codes whose prefix is in `prefixes`, with one draw (as
    /// [`ean::generate`], without its `String`; debug builds check the digit against
    /// [`ean::check_digit`]).
    pub fn generate<R: Rng + ?Sized>(rng: &mut R, prefixes: Gs1Prefixes) -> Ean13 {
        const ITEMS: u64 = 1_000_000_000;
        let count: u64 = prefixes
            .ranges()
            .iter()
            .map(|&(low, high)| u64::from(high - low + 1))
            .sum();
        let x = below(rng, count * ITEMS);
        let (mut index, item) = (x / ITEMS, x % ITEMS);
        let mut prefix = 0;
        for &(low, high) in prefixes.ranges() {
            let size = u64::from(high - low + 1);
            if index < size {
                prefix = u64::from(low) + index;
                break;
            }
            index -= size;
        }
        // Digits right to left, the GTIN weights (3 for the rightmost payload digit, then 1,
        // alternating) summed on the way.
        let mut digits = [b'0'; 13];
        let mut sum = 0;
        let mut number = item as u32;
        for (i, slot) in digits[3..12].iter_mut().rev().enumerate() {
            let digit = number % 10;
            number /= 10;
            sum += digit * if i % 2 == 0 { 3 } else { 1 };
            *slot = b'0' + digit as u8;
        }
        let mut prefix = prefix as u32;
        for (i, slot) in digits[..3].iter_mut().rev().enumerate() {
            let digit = prefix % 10;
            prefix /= 10;
            sum += digit * if (i + 9) % 2 == 0 { 3 } else { 1 };
            *slot = b'0' + digit as u8;
        }
        digits[12] = b'0' + ((10 - sum % 10) % 10) as u8;
        debug_assert_eq!(
            ean::check_digit(std::str::from_utf8(&digits[..12]).expect("ASCII digits")),
            Some(digits[12] - b'0'),
            "the library's GTIN check digit"
        );
        Ean13 { digits }
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
