//! Decimal digits: drawing them uniformly and checking that text is made of them.

use rand::Rng;

use crate::ident::IdError;
use crate::sample::below;

/// Most digits drawn with one `next_u64`: the multiply-shift bias of `below` is at most
/// `10^12 / 2^64 ≈ 5e-8`, far below anything a test could see.
const CHUNK: usize = 12;

/// `10^n` for `n <= 19`.
#[inline]
pub(crate) const fn pow10(n: usize) -> u64 {
    10u64.pow(n as u32)
}

/// Appends `count` uniform decimal digits.
pub(crate) fn push_random<R: Rng + ?Sized>(rng: &mut R, out: &mut String, count: usize) {
    let mut left = count;
    while left > 0 {
        let n = left.min(CHUNK);
        push_padded(out, below(rng, pow10(n)), n);
        left -= n;
    }
}

/// Appends the last `width` decimal digits of `value`, zero-padded.
pub(crate) fn push_padded(out: &mut String, mut value: u64, width: usize) {
    let mut buf = [b'0'; 20];
    for slot in buf[..width].iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
    out.extend(buf[..width].iter().map(|&b| char::from(b)));
}

/// `Ok` when every character of `text` is an ASCII digit.
pub(crate) fn all_digits(text: &str, what: &'static str) -> Result<(), IdError> {
    match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        None => Ok(()),
        Some((_, found)) => Err(IdError::Character {
            what,
            index: text.chars().take_while(char::is_ascii_digit).count(),
            found,
            expected: "a digit",
        }),
    }
}

/// `Ok` when `text` has exactly `len` characters.
pub(crate) fn exact_length(text: &str, len: usize, what: &'static str) -> Result<(), IdError> {
    let found = text.chars().count();
    if found == len {
        Ok(())
    } else {
        Err(IdError::Length {
            what,
            found,
            expected: len.to_string(),
        })
    }
}

/// `text` without the separators people write into identifiers (spaces and hyphens).
pub(crate) fn without(text: &str, separators: &[char]) -> String {
    text.chars().filter(|c| !separators.contains(c)).collect()
}

/// The value of an ASCII digit.
#[inline]
pub(crate) fn value(b: u8) -> u32 {
    u32::from(b - b'0')
}

/// `Ok` when `text` is ASCII, so it can be sliced by byte.
pub(crate) fn ascii(text: &str, what: &'static str) -> Result<(), IdError> {
    match text.char_indices().find(|(_, c)| !c.is_ascii()) {
        None => Ok(()),
        Some((index, found)) => Err(IdError::Character {
            what,
            index,
            found,
            expected: "an ASCII letter or digit",
        }),
    }
}

/// Per two-digit value, the cross sums of its tens times `tens_weight` plus of its units times
/// `units_weight`: the step of the German check-digit schemes (RVNR, KVNR), which weight digit
/// pairs and add the digit sums of the products.
pub(crate) const fn cross_sums(tens_weight: u32, units_weight: u32) -> [u8; 100] {
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

/// The two ASCII digits of `value % 100`, from a table (record paths write several pairs).
#[inline]
pub(crate) fn pair(value: u32) -> [u8; 2] {
    const PAIRS: [[u8; 2]; 100] = {
        let mut pairs = [[0u8; 2]; 100];
        let mut v = 0;
        while v < 100 {
            pairs[v] = [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
            v += 1;
        }
        pairs
    };
    PAIRS[(value % 100) as usize]
}

/// The German check-digit rule digit by digit: each digit times its weight, the digit sums of
/// the products added. The reference the pair tables of RVNR and KVNR are tested against.
#[cfg(test)]
pub(crate) fn sum_of_product_digits(
    digits: impl IntoIterator<Item = u32>,
    weights: impl IntoIterator<Item = u32>,
) -> u32 {
    digits
        .into_iter()
        .zip(weights)
        .map(|(d, w)| {
            let p = d * w;
            p / 10 + p % 10
        })
        .sum()
}
