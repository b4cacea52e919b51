//! `pattern="[A-Z]{2}-\d{4}"`: strings generated from a regular expression, as datamimic-ce
//! does with exrex. The pattern is parsed once (regex-syntax) and walked per value, drawing
//! from the record's stream.
//!
//! Classes prefer printable ASCII: `.` and `\w` give ASCII characters rather than any Unicode
//! scalar, unless the class has no ASCII member (`[äöü]`). Unbounded repetitions (`*`, `+`,
//! `{2,}`) repeat at most 8 times beyond their minimum; anchors and word boundaries are
//! ignored.
//!
//! A pattern is rejected up front when one value could exceed [`MAX_CHARS`] characters
//! (`a{1000000000}`) or take more than [`MAX_STEPS`] steps (`(){1000000000}` repeats
//! nothing), so generating never allocates or loops without bound.

use datamimic::sample::below;
use rand::Rng;
use regex_syntax::hir::{Class, Hir, HirKind};

/// The most extra repetitions of an unbounded repetition.
const UNBOUNDED_EXTRA: u32 = 8;

/// The most characters one generated value may have.
pub const MAX_CHARS: u64 = 100_000;

/// The most pattern parts one generated value may visit; ten per character of the longest
/// value is far more than real patterns need.
pub const MAX_STEPS: u64 = 10 * MAX_CHARS;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct RegexGen {
    hir: Hir,
    max_chars: u64,
}

impl RegexGen {
    /// Parses `pattern`; the error explains what is wrong.
    pub fn new(pattern: &str) -> Result<RegexGen, String> {
        let hir = regex_syntax::Parser::new().parse(pattern).map_err(|e| {
            // regex-syntax draws the pattern with a caret on several lines; keep one.
            match &e {
                regex_syntax::Error::Parse(p) => p.kind().to_string(),
                regex_syntax::Error::Translate(t) => t.kind().to_string(),
                other => other.to_string(),
            }
        })?;
        let max_chars = max_chars(&hir);
        if max_chars > MAX_CHARS {
            return Err(format!(
                "a value could have {} characters; the limit is {MAX_CHARS}",
                if max_chars == u64::MAX {
                    "more than 2^64".to_owned()
                } else {
                    max_chars.to_string()
                }
            ));
        }
        if steps(&hir) > MAX_STEPS {
            return Err(format!(
                "its repetitions would take more than {MAX_STEPS} steps per value"
            ));
        }
        Ok(RegexGen { hir, max_chars })
    }

    /// The most characters a generated value can have.
    pub fn max_chars(&self) -> u64 {
        self.max_chars
    }

    /// A string the pattern matches.
    pub fn generate<R: Rng + ?Sized>(&self, rng: &mut R) -> String {
        let mut out = String::new();
        walk(&self.hir, rng, &mut out);
        out
    }
}

fn walk<R: Rng + ?Sized>(hir: &Hir, rng: &mut R, out: &mut String) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => out.push_str(&String::from_utf8_lossy(&lit.0)),
        HirKind::Class(class) => {
            if let Some(c) = pick_char(class, rng) {
                out.push(c);
            }
        }
        HirKind::Repetition(rep) => {
            let max = rep.max.unwrap_or(rep.min.saturating_add(UNBOUNDED_EXTRA));
            let n = rep.min + below(rng, u64::from(max - rep.min) + 1) as u32;
            for _ in 0..n {
                walk(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(cap) => walk(&cap.sub, rng, out),
        HirKind::Concat(parts) => parts.iter().for_each(|p| walk(p, rng, out)),
        HirKind::Alternation(alts) => {
            let i = below(rng, alts.len() as u64) as usize;
            walk(&alts[i], rng, out);
        }
    }
}

/// The longest value `hir` generates, in characters (saturating).
fn max_chars(hir: &Hir) -> u64 {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(lit) => String::from_utf8_lossy(&lit.0).chars().count() as u64,
        HirKind::Class(_) => 1,
        HirKind::Repetition(rep) => {
            let max = rep.max.unwrap_or(rep.min.saturating_add(UNBOUNDED_EXTRA));
            u64::from(max).saturating_mul(max_chars(&rep.sub))
        }
        HirKind::Capture(cap) => max_chars(&cap.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .fold(0, |sum, p| sum.saturating_add(max_chars(p))),
        HirKind::Alternation(alts) => alts.iter().map(max_chars).max().unwrap_or(0),
    }
}

/// The most parts of `hir` one walk visits (saturating).
fn steps(hir: &Hir) -> u64 {
    let inner = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => 0,
        HirKind::Repetition(rep) => {
            let max = rep.max.unwrap_or(rep.min.saturating_add(UNBOUNDED_EXTRA));
            u64::from(max).saturating_mul(steps(&rep.sub))
        }
        HirKind::Capture(cap) => steps(&cap.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .fold(0_u64, |sum, p| sum.saturating_add(steps(p))),
        HirKind::Alternation(alts) => alts.iter().map(steps).max().unwrap_or(0),
    };
    inner.saturating_add(1)
}

/// A uniform member of the class, from its printable-ASCII part when it has one.
fn pick_char<R: Rng + ?Sized>(class: &Class, rng: &mut R) -> Option<char> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .map(|r| (r.start() as u32, r.end() as u32))
            .collect(),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
    };
    let ascii: Vec<(u32, u32)> = ranges
        .iter()
        .filter_map(|&(s, e)| {
            let (s, e) = (s.max(0x20), e.min(0x7E));
            (s <= e).then_some((s, e))
        })
        .collect();
    let ranges = if ascii.is_empty() { ranges } else { ascii };
    let total: u64 = ranges.iter().map(|&(s, e)| u64::from(e - s) + 1).sum();
    if total == 0 {
        return None;
    }
    let mut k = below(rng, total);
    for (s, e) in ranges {
        let size = u64::from(e - s) + 1;
        if k < size {
            return char::from_u32(s + k as u32);
        }
        k -= size;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use datamimic::MimicRng;

    #[test]
    fn generated_strings_match_their_pattern() {
        let mut rng = MimicRng::seed_from_u64(1);
        let re = RegexGen::new(r"[A-Z]{2}-\d{4}(x|yz)?\w+").unwrap();
        for _ in 0..200 {
            let s = re.generate(&mut rng);
            let b = s.as_bytes();
            assert!(
                b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase(),
                "{s}"
            );
            assert_eq!(b[2], b'-');
            assert!(b[3..7].iter().all(u8::is_ascii_digit), "{s}");
            assert!(
                s[7..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{s}"
            );
        }
        assert_eq!(RegexGen::new("äb").unwrap().generate(&mut rng), "äb");
        assert!(RegexGen::new("[a-").is_err());
        assert!(RegexGen::new("??").is_err());
    }

    #[test]
    fn the_longest_value_is_known_and_bounded() {
        assert_eq!(RegexGen::new(r"[0-9]{7,23}").unwrap().max_chars(), 23);
        assert_eq!(RegexGen::new(r"ab(c|def)x*").unwrap().max_chars(), 13);
        assert_eq!(RegexGen::new(r"a{100000}").unwrap().max_chars(), MAX_CHARS);
        let e = RegexGen::new(r"a{1000000000}").unwrap_err();
        assert_eq!(
            e,
            "a value could have 1000000000 characters; the limit is 100000"
        );
        assert!(RegexGen::new(r"((a{1000}){1000}){1000}").is_err());
        assert!(RegexGen::new(r"(((a{65535}){65535}){65535}){65535}").is_err());
        // Repeating nothing is bounded too.
        // regex-syntax folds repetitions of nothing; many empty groups per repetition are
        // bounded by the step count.
        assert!(RegexGen::new(r"(\b){4294967295}").is_ok());
        let e = RegexGen::new(r"(a(()()()()()()()()()())){100000}").unwrap_err();
        assert_eq!(
            e,
            "its repetitions would take more than 1000000 steps per value"
        );
        assert!(RegexGen::new(r"(a|b){100000}").is_ok());
    }
}
