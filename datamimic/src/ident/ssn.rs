//! US Social Security numbers that follow the issuance rules: area not 000, 666 or 900-999,
//! group not 00, serial not 0000, and not one of the two numbers voided after appearing in
//! advertising (078-05-1120, 219-09-9999).
//!
//! ```
//! use datamimic::{MimicRng, ident::ssn};
//! let number = ssn::generate(&mut MimicRng::seed_from_u64(3));
//! assert!(ssn::is_valid(&number));
//! ```

use rand::Rng;

use crate::Context;
use crate::ident::{IdError, digits};
use crate::sample::below;

const WHAT: &str = "SSN";

/// Issuable areas: 001-665 and 667-899.
const AREAS: u64 = 898;
const GROUPS: u64 = 99;
const SERIALS: u64 = 9999;

/// A random SSN formatted `###-##-####`, uniform over all issuable numbers.
///
/// ```
/// use datamimic::{MimicRng, ident::ssn};
/// let number = ssn::generate(&mut MimicRng::seed_from_u64(1));
/// assert_eq!(number.len(), 11);
/// assert_eq!(&number[3..4], "-");
/// assert_eq!(&number[6..7], "-");
/// ```
pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> String {
    let (area, group, serial) = generate_parts(rng);
    let mut out = String::with_capacity(11);
    digits::push_padded(&mut out, u64::from(area), 3);
    out.push('-');
    digits::push_padded(&mut out, u64::from(group), 2);
    out.push('-');
    digits::push_padded(&mut out, u64::from(serial), 4);
    out
}

/// [`generate`] with the record's generator, for a derived field:
/// `#[mimic(with = datamimic::ident::ssn::mimic)]`.
///
/// ```
/// use datamimic::{Mimic, Service, ident::ssn};
///
/// #[derive(Mimic)]
/// struct Insured {
///     #[mimic(with = ssn::mimic)]
///     ssn: String,
/// }
///
/// let record = Service::<Insured>::new().seed(1).record(0);
/// assert!(ssn::is_valid(&record.ssn));
/// ```
pub fn mimic(ctx: &mut Context<'_>) -> String {
    generate(ctx.rng())
}

/// The area, group and serial numbers of [`generate`]'s SSN.
///
/// ```
/// use datamimic::{MimicRng, ident::ssn};
/// let (area, group, serial) = ssn::generate_parts(&mut MimicRng::seed_from_u64(1));
/// assert!(ssn::is_valid(&format!("{area:03}-{group:02}-{serial:04}")));
/// ```
pub fn generate_parts<R: Rng + ?Sized>(rng: &mut R) -> (u16, u8, u16) {
    loop {
        // One draw for all three parts.
        let x = below(rng, AREAS * GROUPS * SERIALS);
        let area = x / (GROUPS * SERIALS) + 1;
        let area = if area >= 666 { area + 1 } else { area };
        let group = x / SERIALS % GROUPS + 1;
        let serial = x % SERIALS + 1;
        if !voided(area, group, serial) {
            return (area as u16, group as u8, serial as u16);
        }
    }
}

/// Checks an SSN written `###-##-####` or as nine digits against the issuance rules.
///
/// ```
/// use datamimic::ident::{IdError, ssn};
/// assert_eq!(ssn::validate("123-45-6789"), Ok(()));
/// assert_eq!(ssn::validate("123456789"), Ok(()));
/// assert_eq!(
///     ssn::validate("666-12-3456").unwrap_err().to_string(),
///     "SSN: area 666 is never issued"
/// );
/// assert!(matches!(ssn::validate("123-45-678"), Err(IdError::Length { .. })));
/// ```
pub fn validate(ssn: &str) -> Result<(), IdError> {
    let b = ssn.as_bytes();
    let compact = if b.get(3) == Some(&b'-') && b.get(6) == Some(&b'-') {
        format!("{}{}{}", &ssn[..3], &ssn[4..6], &ssn[7..])
    } else {
        ssn.to_owned()
    };
    digits::all_digits(&compact, WHAT)?;
    digits::exact_length(&compact, 9, WHAT)?;
    let number = |range: std::ops::Range<usize>| compact[range].parse::<u64>().unwrap_or_default();
    let (area, group, serial) = (number(0..3), number(3..5), number(5..9));
    let reason = match (area, group, serial) {
        (0, _, _) => "area 000 is never issued",
        (666, _, _) => "area 666 is never issued",
        (900.., _, _) => "areas 900-999 are not issued (they are taxpayer identification numbers)",
        (_, 0, _) => "group 00 is never issued",
        (_, _, 0) => "serial 0000 is never issued",
        _ if voided(area, group, serial) => "the number was published in advertising and voided",
        _ => return Ok(()),
    };
    Err(IdError::NotIssued { what: WHAT, reason })
}

/// Whether [`validate`] accepts `ssn`.
///
/// ```
/// use datamimic::ident::ssn;
/// assert!(ssn::is_valid("001-01-0001"));
/// assert!(!ssn::is_valid("078-05-1120"));
/// assert!(!ssn::is_valid("900-12-3456"));
/// ```
pub fn is_valid(ssn: &str) -> bool {
    validate(ssn).is_ok()
}

/// 078-05-1120 (the Woolworth wallet card) and 219-09-9999 (a Social Security pamphlet).
fn voided(area: u64, group: u64, serial: u64) -> bool {
    matches!((area, group, serial), (78, 5, 1120) | (219, 9, 9999))
}
