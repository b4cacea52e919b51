//! Identifiers of the healthcare domain, kept as numbers and written on demand, each with the
//! real check-digit or issuance rules of its scheme.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use crate::sample::{below, pick};

use super::text::serialize_as_text;

/// Luhn check digit of `digits` (most significant first), the digit to append.
fn luhn_check(digits: impl DoubleEndedIterator<Item = u8>) -> u8 {
    let sum: u32 = digits
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The decimal digits of `value`, `width` of them, most significant first (extracted from the
/// right with constant divisions, which compile to multiplications).
fn digits_of(mut value: u64, width: u32) -> impl DoubleEndedIterator<Item = u8> {
    let mut digits = [0u8; 20];
    let width = (width as usize).min(20);
    for slot in digits[..width].iter_mut().rev() {
        *slot = (value % 10) as u8;
        value /= 10;
    }
    digits.into_iter().take(width)
}

/// A US National Provider Identifier: ten digits, the first 1 or 2, the last the Luhn check
/// digit computed with the health-industry prefix `80840` in front (as CMS specifies).
///
/// ```
/// use datamimic::domain::healthcare::Npi;
/// let npi = Npi::for_provider(1);
/// assert!(datamimic::ident::npi::is_valid(&npi.to_string()));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Npi(u64);

impl Npi {
    /// The NPI of provider number `id` (1, 2, ...): a fixed permutation of the nine-digit
    /// bodies, so every service that refers to provider `id` writes the same NPI, and distinct
    /// ids (below 200 million) have distinct NPIs.
    pub fn for_provider(id: u64) -> Npi {
        // Odd and not a multiple of 5: a bijection modulo 2 * 10^8 = 2^9 * 5^8.
        const STEP: u64 = 104_729_513;
        let body = 100_000_000 + (id.wrapping_mul(STEP).wrapping_add(37_123_457)) % 200_000_000;
        let check = luhn_check([8, 0, 8, 4, 0].into_iter().chain(digits_of(body, 9)));
        Npi(body * 10 + u64::from(check))
    }

    /// The ten digits as a number.
    pub fn value(&self) -> u64 {
        self.0
    }
}

impl fmt::Display for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:010}", self.0)
    }
}

/// A social security number: a US SSN by the issuance rules, or a German
/// Rentenversicherungsnummer built from the person's birthdate, birth-name initial and sex.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Ssn {
    /// `###-##-####`: area 001-899 except 666, group 01-99, serial 0001-9999, never the two
    /// numbers voided after appearing in advertising.
    Us {
        /// Area number.
        area: u16,
        /// Group number.
        group: u8,
        /// Serial number.
        serial: u16,
    },
    /// `12 150385 M 043`: area of the pension insurer, birthdate `DDMMYY`, initial of the birth
    /// name, serial (00-49 men, 50-99 women) and check digit, written without spaces.
    De {
        /// Bereichsnummer of the pension insurer.
        area: u8,
        /// Birthdate.
        birthdate: NaiveDate,
        /// Upper-case initial of the birth name.
        initial: u8,
        /// Serial number: 00-49 for men, 50-99 for women.
        serial: u8,
        /// Check digit.
        check: u8,
    },
}

/// Bereichsnummern of the German pension insurers (Deutsche Rentenversicherung regional
/// carriers, Bund and Knappschaft-Bahn-See).
const DE_AREAS: &[u8] = &[
    2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 38, 39,
    40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
    65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 89,
];

impl Ssn {
    /// A US SSN, uniform over the issuable numbers.
    pub(crate) fn us<R: Rng + ?Sized>(rng: &mut R) -> Ssn {
        loop {
            let x = below(rng, 898 * 99 * 9999);
            let area = (x / (99 * 9999) + 1) as u16;
            let area = if area >= 666 { area + 1 } else { area };
            let group = (x / 9999 % 99 + 1) as u8;
            let serial = (x % 9999 + 1) as u16;
            if (area, group, serial) != (78, 5, 1120) && (area, group, serial) != (219, 9, 9999) {
                return Ssn::Us {
                    area,
                    group,
                    serial,
                };
            }
        }
    }

    /// A German Rentenversicherungsnummer of someone born on `birthdate` whose birth name
    /// starts with `family_name`'s initial.
    pub(crate) fn de<R: Rng + ?Sized>(
        rng: &mut R,
        birthdate: NaiveDate,
        family_name: &str,
        female: bool,
    ) -> Ssn {
        let area = *pick(rng, DE_AREAS);
        let initial = match family_name.chars().next() {
            Some('Ä' | 'ä') => b'A',
            Some('Ö' | 'ö') => b'O',
            Some('Ü' | 'ü') => b'U',
            Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase() as u8,
            _ => b'X',
        };
        let serial = below(rng, 50) as u8 + if female { 50 } else { 0 };
        let check = rvnr_check(area, birthdate, initial, serial);
        Ssn::De {
            area,
            birthdate,
            initial,
            serial,
            check,
        }
    }
}

/// The check digit of a Rentenversicherungsnummer: the letter becomes its two-digit position
/// in the alphabet, the twelve digits are weighted 2 1 2 5 7 1 2 1 2 1 2 1, the cross sums of
/// the products are added, and the check digit is the sum modulo 10.
fn rvnr_check(area: u8, birthdate: NaiveDate, initial: u8, serial: u8) -> u8 {
    let date = u64::from(birthdate.day()) * 10_000
        + u64::from(birthdate.month()) * 100
        + (birthdate.year().rem_euclid(100)) as u64;
    let letter = u64::from(initial - b'A' + 1);
    let number = ((u64::from(area) * 1_000_000 + date) * 100 + letter) * 100 + u64::from(serial);
    const WEIGHTS: [u32; 12] = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    let sum: u32 = digits_of(number, 12)
        .zip(WEIGHTS)
        .map(|(d, w)| {
            let p = u32::from(d) * w;
            p / 10 + p % 10
        })
        .sum();
    (sum % 10) as u8
}

impl fmt::Display for Ssn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Ssn::Us {
                area,
                group,
                serial,
            } => write!(f, "{area:03}-{group:02}-{serial:04}"),
            Ssn::De {
                area,
                birthdate,
                initial,
                serial,
                check,
            } => write!(
                f,
                "{area:02}{:02}{:02}{:02}{}{serial:02}{check}",
                birthdate.day(),
                birthdate.month(),
                birthdate.year().rem_euclid(100),
                char::from(initial)
            ),
        }
    }
}

/// A medical record number, `MRN-00012345`: unique within a run (the record's number).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct MedicalRecordNumber(pub u64);

impl fmt::Display for MedicalRecordNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MRN-{:08}", self.0)
    }
}

/// An insurance member number in the scheme of the insurer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum PolicyNumber {
    /// A commercial or Medicaid member ID: the insurer's letters and nine digits.
    Member {
        /// The insurer's letters (`UHC`).
        prefix: &'static str,
        /// Nine digits.
        number: u32,
    },
    /// A Medicare Beneficiary Identifier: eleven characters in CMS's pattern
    /// (`1EG4-TE5-MK73` without dashes), never the letters S, L, O, I, B or Z.
    Mbi([u8; 11]),
    /// A German Krankenversichertennummer: a letter, eight digits and the check digit.
    Kvnr([u8; 10]),
}

/// MBI letters: A-Z without S, L, O, I, B and Z.
const MBI_LETTERS: &[u8] = b"ACDEFGHJKMNPQRTUVWXY";

impl PolicyNumber {
    pub(crate) fn member<R: Rng + ?Sized>(rng: &mut R, prefix: &'static str) -> PolicyNumber {
        PolicyNumber::Member {
            prefix,
            number: 100_000_000 + below(rng, 900_000_000) as u32,
        }
    }

    /// One draw over all MBIs, decoded position by position (mixed radix).
    pub(crate) fn mbi<R: Rng + ?Sized>(rng: &mut R) -> PolicyNumber {
        const NUMERIC: &[u8] = b"0123456789";
        const ALNUM: &[u8] = b"0123456789ACDEFGHJKMNPQRTUVWXY";
        const FIRST: &[u8] = b"123456789";
        let positions: [&[u8]; 11] = [
            FIRST,
            MBI_LETTERS,
            ALNUM,
            NUMERIC,
            MBI_LETTERS,
            ALNUM,
            NUMERIC,
            MBI_LETTERS,
            MBI_LETTERS,
            NUMERIC,
            NUMERIC,
        ];
        let total: u64 = positions.iter().map(|p| p.len() as u64).product();
        let mut x = below(rng, total);
        let mut out = [0u8; 11];
        for (slot, alphabet) in out.iter_mut().zip(positions) {
            let base = alphabet.len() as u64;
            *slot = alphabet[(x % base) as usize];
            x /= base;
        }
        PolicyNumber::Mbi(out)
    }

    /// A Krankenversichertennummer: the letter becomes its two-digit position in the alphabet,
    /// the ten digits are weighted 1 2 1 2 ..., the cross sums of the products are added, and
    /// the check digit is the sum modulo 10.
    pub(crate) fn kvnr<R: Rng + ?Sized>(rng: &mut R) -> PolicyNumber {
        let letter = b'A' + below(rng, 26) as u8;
        let body = below(rng, 100_000_000);
        let position = u64::from(letter - b'A' + 1);
        let sum: u32 = digits_of(position * 100_000_000 + body, 10)
            .enumerate()
            .map(|(i, d)| {
                let p = u32::from(d) * if i % 2 == 0 { 1 } else { 2 };
                p / 10 + p % 10
            })
            .sum();
        let mut out = [0u8; 10];
        out[0] = letter;
        for (slot, d) in out[1..9].iter_mut().zip(digits_of(body, 8)) {
            *slot = b'0' + d;
        }
        out[9] = b'0' + (sum % 10) as u8;
        PolicyNumber::Kvnr(out)
    }
}

impl fmt::Display for PolicyNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ascii = |bytes: &[u8]| bytes.iter().map(|&b| char::from(b)).collect::<String>();
        match self {
            PolicyNumber::Member { prefix, number } => write!(f, "{prefix}{number:09}"),
            PolicyNumber::Mbi(bytes) => f.write_str(&ascii(bytes)),
            PolicyNumber::Kvnr(bytes) => f.write_str(&ascii(bytes)),
        }
    }
}

/// A medical licence number: a US state board licence (`CA-123456`) or a German lifelong
/// physician number (LANR, nine digits: a six-digit serial, its check digit and a two-digit
/// specialty group).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum LicenseNumber {
    /// A state medical board licence.
    State {
        /// The state's code.
        state: &'static str,
        /// Six digits.
        number: u32,
    },
    /// A LANR. The specialty group is the specialty's row in the country's table (not a KBV
    /// Fachgruppe code).
    Lanr {
        /// Six-digit serial.
        serial: u32,
        /// Check digit: serial digits weighted 4 9 4 9 4 9, `(10 - sum % 10) % 10`.
        check: u8,
        /// Two-digit specialty group.
        group: u8,
    },
}

impl LicenseNumber {
    pub(crate) fn lanr<R: Rng + ?Sized>(rng: &mut R, group: u8) -> LicenseNumber {
        let serial = 100_000 + below(rng, 900_000) as u32;
        let sum: u32 = digits_of(u64::from(serial), 6)
            .zip([4, 9, 4, 9, 4, 9])
            .map(|(d, w)| u32::from(d) * w)
            .sum();
        LicenseNumber::Lanr {
            serial,
            check: ((10 - sum % 10) % 10) as u8,
            group: group % 100,
        }
    }
}

impl fmt::Display for LicenseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LicenseNumber::State { state, number } => write!(f, "{state}-{number:06}"),
            LicenseNumber::Lanr {
                serial,
                check,
                group,
            } => write!(f, "{serial:06}{check}{group:02}"),
        }
    }
}

/// A device model number, two letters and four digits (`AX-4821`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ModelNumber {
    /// Series letters.
    pub series: [u8; 2],
    /// Model digits.
    pub number: u16,
}

impl fmt::Display for ModelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}-{:04}",
            char::from(self.series[0]),
            char::from(self.series[1]),
            self.number
        )
    }
}

serialize_as_text!(
    Npi,
    Ssn,
    MedicalRecordNumber,
    PolicyNumber,
    LicenseNumber,
    ModelNumber
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn npis_are_valid_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for id in 1..2_000 {
            let npi = Npi::for_provider(id).to_string();
            assert!(crate::ident::npi::is_valid(&npi), "{npi}");
            assert!(seen.insert(npi));
        }
    }

    #[test]
    fn ssns_follow_the_rules() {
        let mut rng = MimicRng::seed_from_u64(4);
        for _ in 0..1_000 {
            assert!(crate::ident::ssn::is_valid(&Ssn::us(&mut rng).to_string()));
        }
    }
}
