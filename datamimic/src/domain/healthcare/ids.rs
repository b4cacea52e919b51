//! Identifiers of the healthcare domain, kept as numbers and written on demand, each with the
//! real check-digit or issuance rules of its scheme.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use crate::domain::luhn;
use crate::sample::below;

use super::text::serialize_as_text;

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
        let check = luhn::check_digit_of_width::<5>(80_840 * 1_000_000_000 + body);
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
        // One draw for the area and the serial.
        let x = below(rng, DE_AREAS.len() as u64 * 50);
        let area = DE_AREAS[(x / 50) as usize];
        let initial = match family_name.chars().next() {
            Some('Ä' | 'ä') => b'A',
            Some('Ö' | 'ö') => b'O',
            Some('Ü' | 'ü') => b'U',
            Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase() as u8,
            _ => b'X',
        };
        let serial = (x % 50) as u8 + if female { 50 } else { 0 };
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
///
/// The twelve digits are six two-digit fields (area, day, month, year, letter, serial), so the
/// sum is six lookups in tables of the weight pairs.
fn rvnr_check(area: u8, birthdate: NaiveDate, initial: u8, serial: u8) -> u8 {
    const W21: [u8; 100] = cross_sums(2, 1);
    const W25: [u8; 100] = cross_sums(2, 5);
    const W71: [u8; 100] = cross_sums(7, 1);
    let pair = |table: &[u8; 100], value: u32| u32::from(table[(value % 100) as usize]);
    let sum = pair(&W21, u32::from(area))
        + pair(&W25, birthdate.day())
        + pair(&W71, birthdate.month())
        + pair(&W21, birthdate.year().rem_euclid(100) as u32)
        + pair(&W21, u32::from(initial - b'A' + 1))
        + pair(&W21, u32::from(serial));
    (sum % 10) as u8
}

/// Per two-digit value, the cross sums of its tens times `tens_weight` plus of its units
/// times `units_weight`: the step of the German check-digit schemes.
const fn cross_sums(tens_weight: u32, units_weight: u32) -> [u8; 100] {
    const fn cross_sum(x: u32) -> u32 {
        x / 10 + x % 10
    }
    let mut sums = [0u8; 100];
    let mut v = 0;
    while v < 100 {
        sums[v as usize] =
            (cross_sum(v / 10 * tens_weight) + cross_sum(v % 10 * units_weight)) as u8;
        v += 1;
    }
    sums
}

/// The two ASCII digits of each value below 100.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut v = 0;
    while v < 100 {
        pairs[v] = [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
        v += 1;
    }
    pairs
};

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
    /// The member number `100_000_000 + offset` (offset below 900 million) of the insurer
    /// with `prefix`.
    pub(crate) fn member(prefix: &'static str, offset: u64) -> PolicyNumber {
        PolicyNumber::Member {
            prefix,
            number: 100_000_000 + offset.min(899_999_999) as u32,
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
    ///
    /// One draw for the letter and the body; the ten digits are five two-digit fields.
    pub(crate) fn kvnr<R: Rng + ?Sized>(rng: &mut R) -> PolicyNumber {
        const W12: [u8; 100] = cross_sums(1, 2);
        let x = below(rng, 26 * 100_000_000);
        let (position, body) = ((x / 100_000_000) as usize + 1, x % 100_000_000);
        let fields = [
            position,
            (body / 1_000_000) as usize,
            (body / 10_000 % 100) as usize,
            (body / 100 % 100) as usize,
            (body % 100) as usize,
        ];
        let sum: u32 = fields.iter().map(|&f| u32::from(W12[f])).sum();
        let mut out = [0u8; 10];
        out[0] = b'A' + position as u8 - 1;
        for (slot, &field) in out[1..9].chunks_exact_mut(2).zip(&fields[1..]) {
            slot.copy_from_slice(&DIGIT_PAIRS[field]);
        }
        out[9] = b'0' + (sum % 10) as u8;
        PolicyNumber::Kvnr(out)
    }
}

impl fmt::Display for PolicyNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bytes are ASCII letters and digits, so always UTF-8.
        fn ascii(bytes: &[u8]) -> Result<&str, fmt::Error> {
            std::str::from_utf8(bytes).map_err(|_| fmt::Error)
        }
        match self {
            PolicyNumber::Member { prefix, number } => write!(f, "{prefix}{number:09}"),
            PolicyNumber::Mbi(bytes) => f.write_str(ascii(bytes)?),
            PolicyNumber::Kvnr(bytes) => f.write_str(ascii(bytes)?),
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
