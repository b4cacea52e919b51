//! EAN-13 product codes with a GS1 country prefix, and the GTIN check digit (GTIN-8, -12, -13
//! and -14 share it: weights 3 and 1 alternating from the right).
//!
//! ```
//! use datamimic::{MimicRng, ident::ean::{self, Gs1Prefixes}};
//! let code = ean::generate(&mut MimicRng::seed_from_u64(6), Gs1Prefixes::GERMANY);
//! assert!(ean::is_valid(&code));
//! assert!(Gs1Prefixes::GERMANY.contains(code[..3].parse().unwrap()));
//! ```

use rand::Rng;

use crate::ident::{IdError, digits};
use crate::sample::below;

const WHAT: &str = "EAN-13";

/// A set of three-digit GS1 prefixes (the first three digits of an EAN-13), such as the
/// prefixes GS1 assigns to a country's member organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gs1Prefixes {
    ranges: &'static [(u16, u16)],
    count: u32,
}

/// Unwraps a constant set at compile time.
const fn valid(prefixes: Option<Gs1Prefixes>) -> Gs1Prefixes {
    match prefixes {
        Some(p) => p,
        None => panic!("invalid GS1 prefix ranges"),
    }
}

impl Gs1Prefixes {
    /// Germany: 400-440.
    pub const GERMANY: Gs1Prefixes = valid(Gs1Prefixes::new(&[(400, 440)]));
    /// United States and Canada: 000-019, 030-039 and 060-139 (020-029, 040-049 and 050-059
    /// are for in-store and coupon numbers, not products).
    pub const US_CANADA: Gs1Prefixes = valid(Gs1Prefixes::new(&[(0, 19), (30, 39), (60, 139)]));
    /// France and Monaco: 300-379.
    pub const FRANCE: Gs1Prefixes = valid(Gs1Prefixes::new(&[(300, 379)]));
    /// United Kingdom: 500-509.
    pub const UNITED_KINGDOM: Gs1Prefixes = valid(Gs1Prefixes::new(&[(500, 509)]));

    /// A set from inclusive `(low, high)` ranges, or `None` when a range is empty or above 999
    /// or there is no range. Ranges should not overlap (an overlap is drawn twice as often).
    ///
    /// ```
    /// use datamimic::ident::ean::Gs1Prefixes;
    /// assert!(Gs1Prefixes::new(&[(870, 879)]).is_some());
    /// assert!(Gs1Prefixes::new(&[(500, 1000)]).is_none());
    /// assert!(Gs1Prefixes::new(&[]).is_none());
    /// ```
    pub const fn new(ranges: &'static [(u16, u16)]) -> Option<Gs1Prefixes> {
        let mut count = 0;
        let mut i = 0;
        while i < ranges.len() {
            let (low, high) = ranges[i];
            if low > high || high > 999 {
                return None;
            }
            count += (high - low + 1) as u32;
            i += 1;
        }
        if count == 0 {
            None
        } else {
            Some(Gs1Prefixes { ranges, count })
        }
    }

    /// The prefixes GS1 assigns to `country` (ISO 3166-1 alpha-2, any case), for the countries
    /// datamimic has datasets or IBAN layouts for.
    ///
    /// ```
    /// use datamimic::ident::ean::Gs1Prefixes;
    /// assert_eq!(Gs1Prefixes::for_country("de"), Some(Gs1Prefixes::GERMANY));
    /// assert!(Gs1Prefixes::for_country("NL").unwrap().contains(871));
    /// assert_eq!(Gs1Prefixes::for_country("XX"), None);
    /// ```
    pub fn for_country(country: &str) -> Option<Gs1Prefixes> {
        let ranges: &'static [(u16, u16)] = match country.to_ascii_uppercase().as_str() {
            "US" | "CA" => return Some(Gs1Prefixes::US_CANADA),
            "DE" => return Some(Gs1Prefixes::GERMANY),
            "FR" | "MC" => return Some(Gs1Prefixes::FRANCE),
            "GB" => return Some(Gs1Prefixes::UNITED_KINGDOM),
            "JP" => &[(450, 459), (490, 499)],
            "BE" | "LU" => &[(540, 549)],
            "IE" => &[(539, 539)],
            "PT" => &[(560, 560)],
            "DK" => &[(570, 579)],
            "PL" => &[(590, 590)],
            "FI" => &[(640, 649)],
            "CN" => &[(690, 699)],
            "NO" => &[(700, 709)],
            "SE" => &[(730, 739)],
            "CH" | "LI" => &[(760, 769)],
            "IT" | "SM" | "VA" => &[(800, 839)],
            "ES" | "AD" => &[(840, 849)],
            "CZ" => &[(859, 859)],
            "NL" => &[(870, 879)],
            "AT" => &[(900, 919)],
            "AU" => &[(930, 939)],
            _ => return None,
        };
        Gs1Prefixes::new(ranges)
    }

    /// Whether `prefix` (the first three digits as a number) is in the set.
    ///
    /// ```
    /// use datamimic::ident::ean::Gs1Prefixes;
    /// assert!(Gs1Prefixes::US_CANADA.contains(0));
    /// assert!(!Gs1Prefixes::US_CANADA.contains(50));
    /// ```
    pub fn contains(&self, prefix: u16) -> bool {
        self.ranges
            .iter()
            .any(|&(low, high)| (low..=high).contains(&prefix))
    }

    /// The inclusive ranges.
    ///
    /// ```
    /// use datamimic::ident::ean::Gs1Prefixes;
    /// assert_eq!(Gs1Prefixes::GERMANY.ranges(), &[(400, 440)]);
    /// ```
    pub fn ranges(&self) -> &'static [(u16, u16)] {
        self.ranges
    }

    /// The `index`-th prefix in range order (`index < count`).
    fn nth(&self, mut index: u32) -> u16 {
        for &(low, high) in self.ranges {
            let size = u32::from(high - low + 1);
            if index < size {
                return low + index as u16;
            }
            index -= size;
        }
        self.ranges[0].0
    }
}

/// A random EAN-13 with a prefix from `prefixes`, uniform over all valid codes with those
/// prefixes.
///
/// ```
/// use datamimic::{MimicRng, ident::ean::{self, Gs1Prefixes}};
/// let code = ean::generate(&mut MimicRng::seed_from_u64(1), Gs1Prefixes::US_CANADA);
/// assert_eq!(code.len(), 13);
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R, prefixes: Gs1Prefixes) -> String {
    generate_digits(rng, prefixes)
        .into_iter()
        .map(char::from)
        .collect()
}

/// The thirteen ASCII digits [`generate`] writes, without allocating: one draw for the prefix
/// and the nine item digits, then the check digit.
pub(crate) fn generate_digits<R: Rng + ?Sized>(rng: &mut R, prefixes: Gs1Prefixes) -> [u8; 13] {
    const ITEMS: u64 = digits::pow10(9);
    let x = below(rng, u64::from(prefixes.count) * ITEMS);
    let mut code = [b'0'; 13];
    let mut number = u64::from(prefixes.nth((x / ITEMS) as u32)) * ITEMS + x % ITEMS;
    // Right to left, the weights of `check_digit_ascii` summed on the way.
    let mut sum = 0;
    for (i, slot) in code[..12].iter_mut().rev().enumerate() {
        let digit = (number % 10) as u32;
        number /= 10;
        sum += digit * if i % 2 == 0 { 3 } else { 1 };
        *slot = b'0' + digit as u8;
    }
    code[12] = b'0' + ((10 - sum % 10) % 10) as u8;
    debug_assert_eq!(code[12] - b'0', check_digit_ascii(&code[..12]));
    code
}

/// The GTIN check digit to append to `payload` (the first 7, 11, 12 or 13 digits of a GTIN-8,
/// -12, -13 or -14; any non-empty length works), or `None` if it is not all ASCII digits.
///
/// ```
/// use datamimic::ident::ean;
/// assert_eq!(ean::check_digit("400638133393"), Some(1));
/// assert_eq!(ean::check_digit("03600029145"), Some(2)); // UPC-A 036000291452
/// ```
pub fn check_digit(payload: &str) -> Option<u8> {
    (!payload.is_empty() && payload.bytes().all(|b| b.is_ascii_digit()))
        .then(|| check_digit_ascii(payload.as_bytes()))
}

/// Checks an EAN-13: thirteen digits ending in their GTIN check digit.
///
/// ```
/// use datamimic::ident::{IdError, ean};
/// assert_eq!(ean::validate("4006381333931"), Ok(()));
/// assert_eq!(ean::validate("4006381333932"), Err(IdError::Checksum { what: "EAN-13" }));
/// assert!(matches!(ean::validate("400638133393"), Err(IdError::Length { .. })));
/// ```
pub fn validate(code: &str) -> Result<(), IdError> {
    digits::all_digits(code, WHAT)?;
    digits::exact_length(code, 13, WHAT)?;
    if check_digit_ascii(&code.as_bytes()[..12]) != code.as_bytes()[12] - b'0' {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `code`.
///
/// ```
/// use datamimic::ident::ean;
/// assert!(ean::is_valid("5901234123457"));
/// assert!(!ean::is_valid("5901234123458"));
/// ```
pub fn is_valid(code: &str) -> bool {
    validate(code).is_ok()
}

/// Weights 3, 1, 3, ... from the rightmost payload digit; the check digit tops the sum up to a
/// multiple of ten.
fn check_digit_ascii(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| digits::value(b) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}
