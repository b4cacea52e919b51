//! German pension insurance numbers (Rentenversicherungsnummer, the Sozialversicherungsnummer on
//! the social security card): the insurer's area number, the birthdate `DDMMYY`, the initial of
//! the birth name, a serial (00-49 men, 50-99 women) and a check digit, twelve characters such
//! as `15070649C103`.
//!
//! The check digit: the letter becomes its two-digit position in the alphabet, the twelve
//! digits are weighted 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the products are added, and
//! the check digit is the sum modulo 10 (the Versicherungsnummern-Verordnung VKVV, § 2).
//!
//! ```
//! use chrono::NaiveDate;
//! use datamimic::{MimicRng, ident::rvnr};
//! let born = NaiveDate::from_ymd_opt(1985, 3, 15).unwrap();
//! let number = rvnr::generate(&mut MimicRng::seed_from_u64(1), born, "Müller", false);
//! assert_eq!(&number[2..9], "150385M");
//! assert!(rvnr::is_valid(&number));
//! ```

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use crate::Context;
use crate::ident::IdError;
use crate::ident::digits::{self, cross_sums};
use crate::sample::below;

const WHAT: &str = "pension insurance number";

/// Bereichsnummern of the German pension insurers (Deutsche Rentenversicherung regional
/// carriers, Bund and Knappschaft-Bahn-See).
const AREAS: &[u8] = &[
    2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 38, 39,
    40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
    65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 89,
];

/// The parts of a pension insurance number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parts {
    /// Area number of the pension insurer.
    pub area: u8,
    /// Upper-case ASCII initial of the birth name.
    pub initial: u8,
    /// Serial number: 00-49 for men, 50-99 for women.
    pub serial: u8,
    /// Check digit.
    pub check: u8,
}

/// The number of someone born on `birthdate` whose birth name is `family_name`, uniform over
/// the insurers' areas and the serials of the sex.
///
/// ```
/// use chrono::NaiveDate;
/// use datamimic::{MimicRng, ident::rvnr};
/// let born = NaiveDate::from_ymd_opt(2001, 12, 24).unwrap();
/// let number = rvnr::generate(&mut MimicRng::seed_from_u64(3), born, "Schmidt", true);
/// assert!(number[9..11].parse::<u8>().unwrap() >= 50);
/// ```
pub fn generate<R: Rng + ?Sized>(
    rng: &mut R,
    birthdate: NaiveDate,
    family_name: &str,
    female: bool,
) -> String {
    let parts = generate_parts(rng, birthdate, family_name, female);
    let mut out = String::with_capacity(12);
    write(&mut out, &parts, birthdate);
    out
}

/// [`generate`] with the record's generator and the person's fields, for a derived field:
/// `#[mimic(with = datamimic::ident::rvnr::mimic(birthdate, family_name, female))]`.
///
/// ```
/// # #![allow(dead_code)]
/// use chrono::NaiveDate;
/// use datamimic::{Mimic, Service, ident::rvnr};
///
/// #[derive(Mimic)]
/// struct Insured {
///     #[mimic(range = "1940-01-01..=2005-12-31")]
///     birthdate: NaiveDate,
///     #[mimic(weighted = "common/person/family_name")]
///     family_name: &'static str,
///     female: bool,
///     #[mimic(with = rvnr::mimic(birthdate, family_name, female))]
///     pension_number: String,
/// }
///
/// let record = Service::<Insured>::new().dataset("DE")?.seed(1).record(0);
/// assert!(rvnr::is_valid(&record.pension_number));
/// # Ok::<(), datamimic::Error>(())
/// ```
pub fn mimic<S: AsRef<str> + ?Sized>(
    ctx: &mut Context<'_>,
    birthdate: &NaiveDate,
    family_name: &S,
    female: &bool,
) -> String {
    generate(ctx.rng(), *birthdate, family_name.as_ref(), *female)
}

/// The parts of [`generate`]'s number: one draw for the area and the serial. The initial of a
/// name that starts with an umlaut is its vowel (`Ä` → `A`), of one that does not start with
/// an ASCII letter `X`.
///
/// ```
/// use chrono::NaiveDate;
/// use datamimic::{MimicRng, ident::rvnr};
/// let born = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
/// let parts = rvnr::generate_parts(&mut MimicRng::seed_from_u64(1), born, "Özdemir", false);
/// assert_eq!(parts.initial, b'O');
/// assert!(parts.serial < 50);
/// ```
pub fn generate_parts<R: Rng + ?Sized>(
    rng: &mut R,
    birthdate: NaiveDate,
    family_name: &str,
    female: bool,
) -> Parts {
    let x = below(rng, AREAS.len() as u64 * 50);
    let area = AREAS[(x / 50) as usize];
    let initial = match family_name.chars().next() {
        Some('Ä' | 'ä') => b'A',
        Some('Ö' | 'ö') => b'O',
        Some('Ü' | 'ü') => b'U',
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase() as u8,
        _ => b'X',
    };
    let serial = (x % 50) as u8 + if female { 50 } else { 0 };
    Parts {
        area,
        initial,
        serial,
        check: check_of_parts(area, birthdate, initial, serial),
    }
}

/// Appends the twelve characters of the number with `parts` and `birthdate`.
pub(crate) fn write(out: &mut String, parts: &Parts, birthdate: NaiveDate) {
    let year = birthdate.year().rem_euclid(100) as u32;
    for pair in [
        u32::from(parts.area),
        birthdate.day(),
        birthdate.month(),
        year,
    ] {
        out.extend(digits::pair(pair).map(char::from));
    }
    out.push(char::from(parts.initial));
    out.extend(digits::pair(u32::from(parts.serial)).map(char::from));
    out.push(char::from(b'0' + parts.check));
}

/// The check digit of the number with these parts, or `None` when `initial` is not an ASCII
/// letter or `area` or `serial` has more than two digits.
///
/// The twelve digits are six two-digit fields (area, day, month, year, letter, serial), so the
/// sum is six lookups in tables of the weight pairs.
///
/// ```
/// use chrono::NaiveDate;
/// use datamimic::ident::rvnr;
/// let born = NaiveDate::from_ymd_opt(1949, 6, 7).unwrap();
/// assert_eq!(rvnr::check_digit(15, born, b'C', 10), Some(3)); // 15 070649 C 10 3
/// assert_eq!(rvnr::check_digit(15, born, b'1', 10), None);
/// ```
pub fn check_digit(area: u8, birthdate: NaiveDate, initial: u8, serial: u8) -> Option<u8> {
    (initial.is_ascii_alphabetic() && area < 100 && serial < 100)
        .then(|| check_of_parts(area, birthdate, initial.to_ascii_uppercase(), serial))
}

/// [`check_digit`] of parts known to be valid (`initial` upper-case).
fn check_of_parts(area: u8, birthdate: NaiveDate, initial: u8, serial: u8) -> u8 {
    check_of_fields([
        u32::from(area),
        birthdate.day(),
        birthdate.month(),
        birthdate.year().rem_euclid(100) as u32,
        u32::from(initial - b'A' + 1),
        u32::from(serial),
    ])
}

fn check_of_fields(fields: [u32; 6]) -> u8 {
    const W21: [u8; 100] = cross_sums(2, 1);
    const W25: [u8; 100] = cross_sums(2, 5);
    const W71: [u8; 100] = cross_sums(7, 1);
    let at = |table: &[u8; 100], field: u32| u32::from(table[(field % 100) as usize]);
    let sum = at(&W21, fields[0])
        + at(&W25, fields[1])
        + at(&W71, fields[2])
        + at(&W21, fields[3])
        + at(&W21, fields[4])
        + at(&W21, fields[5]);
    (sum % 10) as u8
}

/// Checks a pension insurance number, written as twelve characters or with spaces
/// (`15 070649 C 103`): the area of a pension insurer, a birthdate `DDMMYY` (day 01-31, month
/// 01-12), an upper-case letter, the serial and the check digit.
///
/// ```
/// use datamimic::ident::{IdError, rvnr};
/// assert_eq!(rvnr::validate("15 070649 C 103"), Ok(()));
/// assert_eq!(rvnr::validate("15070649C104"), Err(IdError::Checksum { what: "pension insurance number" }));
/// assert!(matches!(rvnr::validate("15073249C103"), Err(IdError::NotIssued { .. })));
/// ```
pub fn validate(number: &str) -> Result<(), IdError> {
    let compact = digits::without(number, &[' ']);
    digits::exact_length(&compact, 12, WHAT)?;
    let b = compact.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let ok = if i == 8 {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_digit()
        };
        if !ok {
            return Err(IdError::Character {
                what: WHAT,
                index: i,
                found: compact[i..].chars().next().unwrap_or('\u{FFFD}'),
                expected: if i == 8 {
                    "an upper-case letter"
                } else {
                    "a digit"
                },
            });
        }
    }
    let field = |i: usize| digits::value(b[i]) * 10 + digits::value(b[i + 1]);
    let (area, day, month) = (field(0), field(2), field(4));
    if !AREAS.contains(&(area as u8)) {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "the first two digits are not the area of a pension insurer",
        });
    }
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "digits 3 to 8 are not a birthdate DDMMYY",
        });
    }
    let fields = [
        area,
        day,
        month,
        field(6),
        u32::from(b[8] - b'A' + 1),
        field(9),
    ];
    if check_of_fields(fields) != b[11] - b'0' {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `number`.
///
/// ```
/// use datamimic::ident::rvnr;
/// assert!(rvnr::is_valid("15070649C103"));
/// assert!(!rvnr::is_valid("15070649C10"));
/// ```
pub fn is_valid(number: &str) -> bool {
    validate(number).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;
    use proptest::prelude::*;

    /// The rule digit by digit.
    fn by_digits(number: &str) -> u8 {
        let b = number.as_bytes();
        let letter = b[8] - b'A' + 1;
        let values = b[..8]
            .iter()
            .map(|&c| u32::from(c - b'0'))
            .chain([u32::from(letter / 10), u32::from(letter % 10)])
            .chain(b[9..11].iter().map(|&c| u32::from(c - b'0')));
        let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
        (digits::sum_of_product_digits(values, weights) % 10) as u8
    }

    proptest! {
        #[test]
        fn every_generated_number_is_valid(
            seed in any::<u64>(),
            days in 0i64..40_000,
            female in any::<bool>(),
            name in "[A-Za-zÄÖÜäöü][a-z]{0,8}",
        ) {
            let born = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Days::new(days as u64);
            let number = generate(&mut MimicRng::seed_from_u64(seed), born, &name, female);
            prop_assert_eq!(validate(&number), Ok(()));
            prop_assert_eq!(number.as_bytes()[11] - b'0', by_digits(&number));
            prop_assert_eq!(number[9..11].parse::<u8>().unwrap() >= 50, female);
        }
    }

    #[test]
    fn published_example() {
        // 15 070649 C 10 3, worked by hand: products 2 5 0 35 0 6 8 9 0 3 2 0, digit sums 43.
        assert_eq!(by_digits("15070649C103"), 3);
        assert!(is_valid("15070649C103"));
        assert!(is_valid("15 070649 C 103"));
        assert!(!is_valid("15070649c103"));
        assert!(!is_valid("01070649C103"));
    }
}
