//! Identifier patterns such as `###-##-####`.

use rand::Rng;

use crate::sample::below;

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
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => out.push(char::from(b'0' + below(rng, 10) as u8)),
            '%' => out.push(char::from(b'1' + below(rng, 9) as u8)),
            '?' => out.push(char::from(LETTERS[below(rng, 26) as usize])),
            '*' => out.push(char::from(ALPHANUMERIC[below(rng, 36) as usize])),
            '\\' => out.extend(chars.next()),
            other => out.push(other),
        }
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
