//! DATAMIMIC's `StringGenerator(min_len, max_len, char_set, prefix, suffix)`: a random string
//! of `min_len` to `max_len` characters (both included) from `char_set` (letters and digits by
//! default), between `prefix` and `suffix`. Without lengths it is 1 to 10 characters; with one
//! of them the other is half or twice it, as in DATAMIMIC.

use datamimic::sample;

/// A configured `StringGenerator`.
#[derive(Debug, Clone, PartialEq)]
pub struct StringGen {
    chars: Vec<char>,
    min_len: u64,
    max_len: u64,
    prefix: String,
    suffix: String,
}

/// DATAMIMIC's default character set.
const DEFAULT_CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// The longest string it makes (bounded like a pattern's value).
pub const MAX_LEN: u64 = 100_000;

impl StringGen {
    /// From the arguments; the error says which one is wrong.
    pub fn new(
        min_len: Option<u64>,
        max_len: Option<u64>,
        char_set: Option<&str>,
        prefix: &str,
        suffix: &str,
    ) -> Result<StringGen, String> {
        let (min_len, max_len) = match (min_len, max_len) {
            (None, None) => (1, 10),
            (None, Some(max)) => (max / 2, max),
            (Some(min), None) => (min, min.saturating_mul(2)),
            (Some(min), Some(max)) => (min, max),
        };
        if min_len > max_len {
            return Err(format!("`min_len` {min_len} is above `max_len` {max_len}"));
        }
        if max_len > MAX_LEN {
            return Err(format!("`max_len` {max_len} is above {MAX_LEN}"));
        }
        let set = char_set.filter(|s| !s.is_empty()).unwrap_or(DEFAULT_CHARS);
        if set.chars().any(|c| ".^$*+?{}[]|()".contains(c)) {
            return Err(format!(
                "`char_set` `{set}`: regular expressions as character sets are not supported \
                 yet; list the characters"
            ));
        }
        // Each character once, in the order written (DATAMIMIC draws from the set).
        let mut chars: Vec<char> = Vec::new();
        for c in set.chars() {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
        Ok(StringGen {
            chars,
            min_len,
            max_len,
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
        })
    }

    /// A string drawn with `rng`.
    pub fn draw<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> String {
        let len = crate::descriptor::draw_count(rng, self.min_len, self.max_len);
        let mut out = self.prefix.clone();
        for _ in 0..len {
            out.push(self.chars[sample::below(rng, self.chars.len() as u64) as usize]);
        }
        out.push_str(&self.suffix);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_characters_stay_in_bounds() {
        let g = StringGen::new(None, Some(20), Some("ab"), "x-", "").unwrap();
        let mut rng = datamimic::MimicRng::seed_from_u64(1);
        for _ in 0..200 {
            let s = g.draw(&mut rng);
            let body = s.strip_prefix("x-").unwrap();
            assert!((10..=20).contains(&body.len()), "{s}");
            assert!(body.chars().all(|c| c == 'a' || c == 'b'), "{s}");
        }
        assert!(StringGen::new(Some(5), Some(2), None, "", "").is_err());
        assert!(StringGen::new(None, None, Some("[a-z]"), "", "").is_err());
    }
}
