//! Brazil's taxpayer numbers, with their two mod-11 check digits as the Receita Federal
//! defines them: the CPF of a person (`529.982.247-25`: nine digits, then two check digits
//! with weights 10..2 and 11..2) and the CNPJ of a company (`11.222.333/0001-81`: an
//! eight-digit root, a four-digit branch, then two check digits with weights 5..2,9..2 and
//! 6..2,9..2). A check digit is 11 minus the weighted sum modulo 11, or 0 when that
//! remainder is below 2. Generated numbers are printed with their usual punctuation;
//! validation accepts them with or without it.
//!
//! ```
//! use datamimic::{MimicRng, ident::br};
//! let mut rng = MimicRng::seed_from_u64(3);
//! assert!(br::cpf_is_valid(&br::cpf(&mut rng)));
//! assert!(br::cnpj_is_valid(&br::cnpj(&mut rng)));
//! ```

use rand::Rng;

use crate::ident::{IdError, digits};
use crate::sample::below;

/// The check digit of `payload` (ASCII digits) with `weights`, one per digit.
fn check_digit(payload: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = payload
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        r => (11 - r) as u8,
    }
}

const CPF_WEIGHTS: [u32; 10] = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/// Appends the two check digits to `number` (its last `weights.len() - 1` weights for the
/// first, all of them for the second).
fn push_check_digits(number: &mut Vec<u8>, weights: &[u32]) {
    for _ in 0..2 {
        let used = &weights[weights.len() - number.len()..];
        let check = check_digit(number, used);
        number.push(b'0' + check);
    }
}

/// A random CPF (`XXX.XXX.XXX-XX`), uniform over the nine-digit bases that are not one
/// digit repeated (those are never issued).
pub fn cpf<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut base = String::with_capacity(11);
    loop {
        base.clear();
        digits::push_padded(&mut base, below(rng, digits::pow10(9)), 9);
        if base.bytes().any(|b| b != base.as_bytes()[0]) {
            break;
        }
    }
    let mut number = base.into_bytes();
    push_check_digits(&mut number, &CPF_WEIGHTS);
    let d = String::from_utf8(number).expect("ASCII digits");
    format!("{}.{}.{}-{}", &d[..3], &d[3..6], &d[6..9], &d[9..])
}

/// A random CNPJ (`XX.XXX.XXX/0001-XX`) of a head office (branch `0001`), uniform over the
/// eight-digit roots.
pub fn cnpj<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut base = String::with_capacity(14);
    digits::push_padded(&mut base, below(rng, digits::pow10(8)), 8);
    base.push_str("0001");
    let mut number = base.into_bytes();
    push_check_digits(&mut number, &CNPJ_WEIGHTS);
    let d = String::from_utf8(number).expect("ASCII digits");
    format!(
        "{}.{}.{}/{}-{}",
        &d[..2],
        &d[2..5],
        &d[5..8],
        &d[8..12],
        &d[12..]
    )
}

/// The digits of `text` without the punctuation `.`, `/`, `-`, checked for their count.
fn bare(text: &str, what: &'static str, len: usize) -> Result<Vec<u8>, IdError> {
    let bare: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | '/' | '-'))
        .collect();
    digits::all_digits(&bare, what)?;
    if bare.len() != len {
        return Err(IdError::Length {
            what,
            found: bare.len(),
            expected: len.to_string(),
        });
    }
    Ok(bare.into_bytes())
}

/// Checks a CPF, with or without its punctuation.
pub fn cpf_validate(text: &str) -> Result<(), IdError> {
    const WHAT: &str = "CPF";
    let number = bare(text, WHAT, 11)?;
    if number.iter().all(|&d| d == number[0]) {
        return Err(IdError::NotIssued {
            what: WHAT,
            reason: "one digit repeated is never issued",
        });
    }
    let mut expected = number[..9].to_vec();
    push_check_digits(&mut expected, &CPF_WEIGHTS);
    if expected != number {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether `text` is a valid CPF.
pub fn cpf_is_valid(text: &str) -> bool {
    cpf_validate(text).is_ok()
}

/// Checks a CNPJ, with or without its punctuation.
pub fn cnpj_validate(text: &str) -> Result<(), IdError> {
    const WHAT: &str = "CNPJ";
    let number = bare(text, WHAT, 14)?;
    let mut expected = number[..12].to_vec();
    push_check_digits(&mut expected, &CNPJ_WEIGHTS);
    if expected != number {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether `text` is a valid CNPJ.
pub fn cnpj_is_valid(text: &str) -> bool {
    cnpj_validate(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn published_examples_validate() {
        // The Receita Federal's worked examples.
        assert!(cpf_is_valid("529.982.247-25"));
        assert!(cpf_is_valid("52998224725"));
        assert!(cnpj_is_valid("11.222.333/0001-81"));
        assert!(cnpj_is_valid("11222333000181"));
        assert_eq!(
            cpf_validate("529.982.247-24"),
            Err(IdError::Checksum { what: "CPF" })
        );
        assert!(matches!(
            cpf_validate("111.111.111-11"),
            Err(IdError::NotIssued { .. })
        ));
        assert!(!cnpj_is_valid("11.222.333/0001-80"));
        assert!(matches!(cnpj_validate("1122"), Err(IdError::Length { .. })));
        assert!(!cpf_is_valid("529.98a.247-25"));
    }

    #[test]
    fn generated_numbers_are_valid_and_punctuated() {
        let mut rng = MimicRng::seed_from_u64(9);
        for _ in 0..2000 {
            let c = cpf(&mut rng);
            assert!(cpf_is_valid(&c), "{c}");
            assert_eq!((c.len(), &c[3..4], &c[11..12]), (14, ".", "-"));
            let j = cnpj(&mut rng);
            assert!(cnpj_is_valid(&j), "{j}");
            assert_eq!((j.len(), &j[10..16]), (18, "/0001-"));
        }
    }
}
