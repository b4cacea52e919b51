//! Identifiers of the healthcare domain, kept as numbers and written on demand, each with the
//! real check-digit or issuance rules of its scheme.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use crate::ident::{kvnr, lanr, mbi, npi, rvnr, ssn};

use super::text::serialize_as_text;

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
        Npi(npi::append_check_digit(body))
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

impl Ssn {
    /// A US SSN, uniform over the issuable numbers.
    pub(crate) fn us<R: Rng + ?Sized>(rng: &mut R) -> Ssn {
        let (area, group, serial) = ssn::generate_parts(rng);
        Ssn::Us {
            area,
            group,
            serial,
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
        let rvnr::Parts {
            area,
            initial,
            serial,
            check,
        } = rvnr::generate_parts(rng, birthdate, family_name, female);
        Ssn::De {
            area,
            birthdate,
            initial,
            serial,
            check,
        }
    }
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

impl PolicyNumber {
    /// The member number `100_000_000 + offset` (offset below 900 million) of the insurer
    /// with `prefix`.
    pub(crate) fn member(prefix: &'static str, offset: u64) -> PolicyNumber {
        PolicyNumber::Member {
            prefix,
            number: 100_000_000 + offset.min(899_999_999) as u32,
        }
    }

    /// A Medicare Beneficiary Identifier.
    pub(crate) fn mbi<R: Rng + ?Sized>(rng: &mut R) -> PolicyNumber {
        PolicyNumber::Mbi(mbi::generate_bytes(rng))
    }

    /// A Krankenversichertennummer.
    pub(crate) fn kvnr<R: Rng + ?Sized>(rng: &mut R) -> PolicyNumber {
        PolicyNumber::Kvnr(kvnr::generate_bytes(rng))
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

/// A medical licence number: a US state board licence (`CA-123456`), a German lifelong
/// physician number (LANR, nine digits: a six-digit serial, its check digit and a two-digit
/// specialty group) or a Vietnamese practising certificate (`001234/BYT-CCHN`).
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
    /// A Vietnamese practising certificate (chứng chỉ hành nghề), numbered as the Ministry of
    /// Health (BYT) numbers the certificates it issues: six digits, `/BYT-CCHN`. Certificates
    /// of provincial health departments carry the province's letters instead of `BYT`; they
    /// are not modelled.
    PractisingCertificate {
        /// Serial number, 1 to 999,999.
        number: u32,
    },
}

impl LicenseNumber {
    pub(crate) fn lanr<R: Rng + ?Sized>(rng: &mut R, group: u8) -> LicenseNumber {
        let serial = lanr::generate_serial(rng);
        LicenseNumber::Lanr {
            serial,
            check: lanr::check_digit_of(serial),
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
            LicenseNumber::PractisingCertificate { number } => {
                write!(f, "{number:06}/BYT-CCHN")
            }
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
