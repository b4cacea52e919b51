//! Identifier patterns such as `###-##-####`.

use rand::Rng;

/// Fills a pattern: `#` a digit, `%` a digit from 1 to 9, `?` an upper-case letter, `*` an
/// upper-case letter or digit, `\x` the character `x`; anything else stands for itself.
///
/// ```
/// use datamimic::{MimicRng, pattern};
/// let ssn = pattern::fill(&mut MimicRng::seed_from_u64(3), "###-##-####");
/// assert_eq!(ssn.len(), 11);
/// assert_eq!(&ssn[3..4], "-");
/// ```
pub fn fill<R: Rng + ?Sized>(rng: &mut R, pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    fill_into(rng, pattern, &mut out);
    out
}

/// [`fill`] appending to `out`.
pub fn fill_into<R: Rng + ?Sized>(rng: &mut R, pattern: &str, out: &mut String) {
    const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut symbols = Symbols::default();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => out.push(char::from(b'0' + symbols.below(rng, 10))),
            '%' => out.push(char::from(b'1' + symbols.below(rng, 9))),
            '?' => out.push(char::from(LETTERS[usize::from(symbols.below(rng, 26))])),
            '*' => out.push(char::from(
                ALPHANUMERIC[usize::from(symbols.below(rng, 36))],
            )),
            '\\' => out.extend(chars.next()),
            other => out.push(other),
        }
    }
}

/// Several small uniform symbols from one 64-bit draw: each symbol is the integer part of the
/// fraction times `n`, and the fraction's remaining bits carry on. A fresh draw comes after 32
/// bits are used, so the bias stays below `n / 2^32`.
#[derive(Default)]
struct Symbols {
    fraction: u64,
    bits_left: u32,
}

impl Symbols {
    #[inline]
    fn below<R: Rng + ?Sized>(&mut self, rng: &mut R, n: u8) -> u8 {
        let cost = u32::from(n).next_power_of_two().trailing_zeros();
        if self.bits_left < cost {
            self.fraction = rng.next_u64();
            self.bits_left = 32;
        }
        self.bits_left -= cost;
        let product = u128::from(self.fraction) * u128::from(n);
        self.fraction = product as u64;
        (product >> 64) as u8
    }
}

/// Checks a pattern; the derive runs this at compile time.
pub fn validate(pattern: &str) -> Result<(), String> {
    if pattern.is_empty() {
        return Err("the pattern is empty".to_owned());
    }
    if pattern.ends_with('\\') && !pattern.ends_with("\\\\") {
        return Err("the pattern ends with a lone `\\`; write `\\\\` for a backslash".to_owned());
    }
    Ok(())
}
