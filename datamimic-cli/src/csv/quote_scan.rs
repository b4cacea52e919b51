//! Whether a cell needs quotes: the scan runs over every byte of the output, so it looks at
//! eight bytes at a time (SWAR) and only walks the bytes one by one after a hit.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The quote test of one separator and quote character, with their bytes spread over words
/// once rather than per cell.
#[derive(Debug, Clone, Copy)]
pub(super) struct QuoteScan {
    sep: u8,
    quote: u8,
    sep_word: u64,
    quote_word: u64,
}

impl QuoteScan {
    pub(super) fn new(sep: u8, quote: u8) -> QuoteScan {
        QuoteScan {
            sep,
            quote,
            sep_word: ONES * u64::from(sep),
            quote_word: ONES * u64::from(quote),
        }
    }

    /// Whether `text` holds the separator, the quote, `\n` or `\r`.
    #[inline(always)]
    pub(super) fn needs_quotes(&self, text: &[u8]) -> bool {
        // The word test also fires on the other bytes below 0x0E (a tab, say): confirm exactly.
        self.may_need_quotes(text) && self.confirm(text)
    }

    #[cold]
    #[inline(never)]
    fn confirm(&self, text: &[u8]) -> bool {
        let (sep, quote) = (self.sep, self.quote);
        text.iter()
            .any(|&b| b == sep || b == quote || b == b'\n' || b == b'\r')
    }

    /// `false` only if `text` holds none of the separator, the quote and the bytes below 0x0E.
    #[inline(always)]
    fn may_need_quotes(&self, text: &[u8]) -> bool {
        if text.len() < 8 {
            return !text.is_empty() && self.suspicious(short_word(text));
        }
        let mut chunks = text.chunks_exact(8);
        for chunk in &mut chunks {
            if self.suspicious(word(chunk)) {
                return true;
            }
        }
        // The tail: the last eight bytes again (one load, some bytes looked at twice).
        !chunks.remainder().is_empty() && self.suspicious(word(&text[text.len() - 8..]))
    }

    /// Whether some byte of `word` is the separator, the quote or below 0x0E. Each test is the
    /// classic "has a zero byte" (`(x - 0x01..) & !x & 0x80..`), which has no false negatives
    /// and whose false positives only sit above a true hit, so "any" is exact.
    #[inline(always)]
    fn suspicious(&self, word: u64) -> bool {
        let s = word ^ self.sep_word;
        let q = word ^ self.quote_word;
        let is_sep = s.wrapping_sub(ONES) & !s;
        let is_quote = q.wrapping_sub(ONES) & !q;
        let is_control = word.wrapping_sub(ONES * 0x0E) & !word;
        (is_sep | is_quote | is_control) & HIGHS != 0
    }
}

#[inline(always)]
fn word(eight: &[u8]) -> u64 {
    u64::from_le_bytes(eight.try_into().expect("8 bytes"))
}

/// The one to seven bytes of `text` spread over a word by overlapping loads, so that every
/// byte of the word is a byte of `text` (zero padding would look like a control byte).
#[inline(always)]
fn short_word(text: &[u8]) -> u64 {
    let n = text.len();
    debug_assert!((1..8).contains(&n));
    if n >= 4 {
        let head = u32::from_le_bytes(text[..4].try_into().expect("4 bytes"));
        let tail = u32::from_le_bytes(text[n - 4..].try_into().expect("4 bytes"));
        u64::from(head) | u64::from(tail) << 32
    } else if n >= 2 {
        let head = u16::from_le_bytes(text[..2].try_into().expect("2 bytes"));
        let tail = u16::from_le_bytes(text[n - 2..].try_into().expect("2 bytes"));
        let half = u32::from(head) | u32::from(tail) << 16;
        u64::from(half) * 0x1_0000_0001
    } else {
        u64::from(text[0]) * ONES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs_quotes(text: &[u8], sep: u8, quote: u8) -> bool {
        QuoteScan::new(sep, quote).needs_quotes(text)
    }

    fn exact(text: &[u8], sep: u8, quote: u8) -> bool {
        text.iter()
            .any(|&b| b == sep || b == quote || b == b'\n' || b == b'\r')
    }

    #[test]
    fn finds_every_special_byte_at_every_position() {
        for (sep, quote) in [(b',', b'"'), (b';', b'\''), (b'\t', b'"'), (b' ', b'|')] {
            for len in 0..40 {
                for pos in 0..len {
                    for byte in [sep, quote, b'\n', b'\r', b'\t', 0, 0x0D, 0x0E, 0x80, 0xFF] {
                        let mut text = vec![b'a'; len];
                        text[pos] = byte;
                        let expected = exact(&text, sep, quote);
                        assert_eq!(
                            needs_quotes(&text, sep, quote),
                            expected,
                            "{len} {pos} {byte}"
                        );
                    }
                }
                assert!(!needs_quotes(&vec![b'a'; len], sep, quote));
            }
        }
    }

    #[test]
    fn agrees_with_a_byte_walk_on_real_text() {
        let samples = [
            "Müller-Lüdenscheid ßtraße",
            "+49 351 4930217",
            "Doe, \"J\"",
            "Nguyễn Thị",
            "2024-02-29",
            "a\r\nb",
            "tab\there",
            "",
            "x",
            "xy",
            "xyz",
        ];
        for text in samples {
            for (sep, quote) in [(b',', b'"'), (b';', b'\''), (b'\t', b'"')] {
                assert_eq!(
                    needs_quotes(text.as_bytes(), sep, quote),
                    exact(text.as_bytes(), sep, quote),
                    "{text:?}"
                );
            }
        }
    }
}
