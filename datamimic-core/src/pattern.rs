//! Identifier patterns such as `###-##-####`.
//!
//! A pattern is compiled into segments: literal text and runs of symbols of one kind. Each run
//! is one uniform number (one or two 64-bit draws) written out in its base, so a 10-digit phone
//! number costs three draws, not ten. `#[derive(Mimic)]` compiles patterns at compile time;
//! [`fill`] compiles at run time (with the same parser) and gives the same values.

use datamimic_codegen::{PatternPiece, compile_pattern};
use rand::Rng;

use crate::sample::below;

/// One piece of a compiled pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text copied as is.
    Literal(&'a str),
    /// `count` symbols of `kind`.
    Run(Symbol, u8),
}

/// What a run of pattern characters draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    /// `#`: a digit.
    Digit,
    /// `%`: a digit from 1 to 9.
    NonZeroDigit,
    /// `?`: an upper-case letter.
    Letter,
    /// `*`: an upper-case letter or a digit.
    Alphanumeric,
}

impl Symbol {
    /// The symbol a pattern character stands for.
    pub fn of(c: char) -> Option<Symbol> {
        match c {
            '#' => Some(Symbol::Digit),
            '%' => Some(Symbol::NonZeroDigit),
            '?' => Some(Symbol::Letter),
            '*' => Some(Symbol::Alphanumeric),
            _ => None,
        }
    }
}

/// Fills a pattern: `#` a digit, `%` a digit from 1 to 9, `?` an upper-case letter, `*` an
/// upper-case letter or digit, `\x` the character `x`; anything else stands for itself. An
/// invalid pattern (a lone trailing `\`) gives an empty string; the derive rejects it at compile
/// time.
///
/// ```
/// use datamimic::{MimicRng, pattern};
/// let ssn = pattern::fill(&mut MimicRng::seed_from_u64(3), "###-##-####");
/// assert_eq!(ssn.len(), 11);
/// assert_eq!(&ssn[3..4], "-");
/// assert!(ssn.chars().filter(|c| *c != '-').all(|c| c.is_ascii_digit()));
/// ```
pub fn fill<R: Rng + ?Sized>(rng: &mut R, pattern: &str) -> String {
    let pieces = compile_pattern(pattern).unwrap_or_default();
    let segments: Vec<Segment<'_>> = pieces
        .iter()
        .map(|piece| match piece {
            PatternPiece::Literal(text) => Segment::Literal(text),
            PatternPiece::Run { symbol, count } => {
                Segment::Run(Symbol::of(*symbol).unwrap_or(Symbol::Digit), *count)
            }
        })
        .collect();
    fill_segments(rng, &segments, pattern.len())
}

/// Fills compiled segments; `capacity` is a hint for the output length.
pub fn fill_segments<R: Rng + ?Sized>(
    rng: &mut R,
    segments: &[Segment<'_>],
    capacity: usize,
) -> String {
    let mut out = String::with_capacity(capacity);
    for segment in segments {
        match *segment {
            Segment::Literal(text) => out.push_str(text),
            Segment::Run(symbol, count) => write_run(rng, symbol, count, &mut out),
        }
    }
    out
}

/// Writes `count` uniform symbols, drawing one number per `per_draw` symbols and writing its
/// digits in the alphabet's base, most significant first.
fn write_run<R: Rng + ?Sized>(rng: &mut R, symbol: Symbol, count: u8, out: &mut String) {
    match symbol {
        Symbol::Digit => write_digits::<10, R>(rng, b"0123456789", count, 18, out),
        Symbol::NonZeroDigit => write_digits::<9, R>(rng, b"123456789", count, 18, out),
        Symbol::Letter => write_digits::<26, R>(rng, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", count, 13, out),
        Symbol::Alphanumeric => {
            write_digits::<36, R>(rng, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", count, 12, out)
        }
    }
}

/// `BASE^0 ..= BASE^18`, saturating (only powers that fit are ever used: `per_draw` keeps
/// `BASE^n` below 2^64).
struct Powers<const BASE: u64>;

impl<const BASE: u64> Powers<BASE> {
    const TABLE: [u64; 19] = {
        let mut table = [1u64; 19];
        let mut i = 1;
        while i < table.len() {
            table[i] = table[i - 1].saturating_mul(BASE);
            i += 1;
        }
        table
    };
}

/// The base is a constant so the divisions become multiplications.
#[inline]
fn write_digits<const BASE: u64, R: Rng + ?Sized>(
    rng: &mut R,
    alphabet: &[u8],
    count: u8,
    per_draw: u8,
    out: &mut String,
) {
    let mut left = count;
    while left > 0 {
        let n = usize::from(left.min(per_draw));
        let mut value = below(rng, Powers::<BASE>::TABLE[n]);
        let mut digits = [0u8; 18];
        for slot in digits[..n].iter_mut().rev() {
            *slot = alphabet[(value % BASE) as usize];
            value /= BASE;
        }
        // The alphabets are ASCII: each byte is its own character, and pushing characters
        // spares the UTF-8 check a byte buffer would need at the end.
        out.extend(digits[..n].iter().map(|&b| char::from(b)));
        left -= n as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn symbols_are_uniform_and_of_their_kind() {
        let mut rng = MimicRng::seed_from_u64(1);
        let mut first_digit = [0u32; 10];
        for _ in 0..20_000 {
            let id = fill(&mut rng, "%#####################-??-**");
            assert_eq!(id.len(), 28);
            assert!(id[..22].bytes().all(|b| b.is_ascii_digit()) && id.as_bytes()[0] != b'0');
            assert!(id[23..25].bytes().all(|b| b.is_ascii_uppercase()));
            first_digit[usize::from(id.as_bytes()[5] - b'0')] += 1;
        }
        assert!(
            first_digit.iter().all(|&n| (1_700..2_300).contains(&n)),
            "{first_digit:?}"
        );
    }
}
