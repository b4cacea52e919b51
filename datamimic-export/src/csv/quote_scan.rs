//! Whether a cell needs quotes: the scan runs over every byte of the output, so it looks at
//! eight bytes at a time (SWAR), exactly, and copies the words it has loaded.

use crate::page_buf::PageBuf;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const LF_WORD: u64 = ONES * b'\n' as u64;
const CR_WORD: u64 = ONES * b'\r' as u64;
/// Cells up to this long are copied by [`QuoteScan::append_plain`]'s word stores.
const LONG: usize = 64;

/// The quote test of one separator and quote character, with their bytes spread over words
/// once rather than per cell.
#[derive(Debug, Clone, Copy)]
pub(super) struct QuoteScan {
    sep_word: u64,
    quote_word: u64,
    /// Addresses of baked table text that cannot need quotes
    /// ([`datamimic::plain_table_text`]).
    plain_start: usize,
    plain_end: usize,
}

impl QuoteScan {
    pub(super) fn new(sep: u8, quote: u8) -> QuoteScan {
        let plain = datamimic::plain_table_text(sep, quote);
        QuoteScan {
            sep_word: ONES * u64::from(sep),
            quote_word: ONES * u64::from(quote),
            plain_start: plain.start,
            plain_end: plain.end,
        }
    }

    /// Whether `text` is empty or lies in baked table text that holds neither the
    /// separator, the quote nor a line break.
    #[inline(always)]
    pub(super) fn is_plain(&self, text: &[u8]) -> bool {
        let at = text.as_ptr() as usize;
        (at >= self.plain_start && at + text.len() <= self.plain_end) || text.is_empty()
    }

    /// Whether `text` holds the quote character.
    pub(super) fn holds_quote(&self, text: &[u8]) -> bool {
        let has = |w: u64| {
            let q = w ^ self.quote_word;
            q.wrapping_sub(ONES) & !q & HIGHS != 0
        };
        if text.len() < 8 {
            return !text.is_empty() && has(short_word(text));
        }
        let mut chunks = text.chunks_exact(8);
        chunks.any(|chunk| has(word(chunk)))
            || (!chunks.remainder().is_empty() && has(word(&text[text.len() - 8..])))
    }

    /// Whether `text` holds the separator, the quote, `\n` or `\r`.
    #[inline(always)]
    pub(super) fn needs_quotes(&self, text: &[u8]) -> bool {
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

    /// Appends `lead` (the separator, unless the cell is the row's first) and `text` to `out`
    /// if `text` needs no quotes, and returns whether it did.
    #[inline(always)]
    pub(super) fn append_plain(&self, out: &mut PageBuf, lead: Option<u8>, text: &[u8]) -> bool {
        let undo = out.len();
        let hits = self.copy(out, lead, text);
        if self.needs_quotes_given(hits) {
            out.truncate(undo);
            return false;
        }
        true
    }

    /// Appends `lead` (if any) and `text` to `out` and returns what the scan of `text` saw, for
    /// [`QuoteScan::needs_quotes_given`] (several pieces of one cell can be or-ed). The scan
    /// and the copy are one pass over the same words, stored as fixed-size pieces rather than
    /// by a call to `memcpy`: a row is dozens of short cells, and a call and a second pass per
    /// cell cost more than the bytes. A length that is not a multiple of eight ends with the
    /// last eight bytes again, overlapping the previous word.
    #[inline(always)]
    pub(super) fn copy(&self, out: &mut PageBuf, lead: Option<u8>, text: &[u8]) -> u64 {
        let n = text.len();
        if n > LONG {
            return self.copy_long(out, lead, text);
        }
        let room = out.room(LONG + 1);
        let at = usize::from(lead.is_some());
        if let Some(lead) = lead {
            room[0] = lead;
        }
        let dst = &mut room[at..at + n];
        let hits = if n >= 8 {
            // Words at 0, 8, 16, ..., the last one moved back to end at `n` (overlapping).
            let last = n - 8;
            let mut hits = 0;
            let mut i = 0;
            loop {
                let w = word(&text[i..i + 8]);
                hits |= self.hits(w);
                dst[i..i + 8].copy_from_slice(&w.to_le_bytes());
                if i == last {
                    break hits;
                }
                i = (i + 8).min(last);
            }
        } else if n >= 4 {
            dst[..4].copy_from_slice(&text[..4]);
            dst[n - 4..].copy_from_slice(&text[n - 4..]);
            self.hits(short_word(text))
        } else if n > 0 {
            dst[0] = text[0];
            dst[n / 2] = text[n / 2];
            dst[n - 1] = text[n - 1];
            self.hits(short_word(text))
        } else {
            0
        };
        out.advance(at + n);
        hits
    }

    /// [`QuoteScan::copy`] for long text (free text, rare): the two-pass way, out of line so
    /// the short path stays small.
    #[cold]
    #[inline(never)]
    fn copy_long(&self, out: &mut PageBuf, lead: Option<u8>, text: &[u8]) -> u64 {
        if let Some(lead) = lead {
            out.push(lead);
        }
        out.extend_from_slice(text);
        if self.needs_quotes(text) { HIGHS } else { 0 }
    }

    /// Whether text whose [`QuoteScan::copy`] saw `hits` needs quotes.
    #[inline(always)]
    pub(super) fn needs_quotes_given(&self, hits: u64) -> bool {
        hits & HIGHS != 0
    }

    /// Whether some byte of `word` is the separator, the quote, `\n` or `\r`. Each test is the
    /// classic "has a zero byte" (`(x - 0x01..) & !x & 0x80..`), which has no false negatives
    /// and whose false positives only sit above a true hit, so "any" is exact.
    #[inline(always)]
    fn suspicious(&self, word: u64) -> bool {
        self.hits(word) & HIGHS != 0
    }

    /// [`QuoteScan::suspicious`] before the final mask, so that words can be or-ed together.
    #[inline(always)]
    fn hits(&self, word: u64) -> u64 {
        let s = word ^ self.sep_word;
        let q = word ^ self.quote_word;
        let is_sep = s.wrapping_sub(ONES) & !s;
        let is_quote = q.wrapping_sub(ONES) & !q;
        let lf = word ^ LF_WORD;
        let cr = word ^ CR_WORD;
        let is_lf = lf.wrapping_sub(ONES) & !lf;
        let is_cr = cr.wrapping_sub(ONES) & !cr;
        is_sep | is_quote | is_lf | is_cr
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
    fn appends_exactly_the_cells_that_need_no_quotes() {
        let scan = QuoteScan::new(b',', b'"');
        for len in 0..(LONG + 10) {
            for pos in 0..=len {
                for byte in [b',', b'"', b'\n', b'\t', b'x', 0xC3] {
                    let mut text: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                    if pos < len {
                        text[pos] = byte;
                    }
                    for lead in [None, Some(b',')] {
                        let mut out = PageBuf::default();
                        out.extend_from_slice(b"prefix");
                        let appended = scan.append_plain(&mut out, lead, &text);
                        assert_eq!(appended, !exact(&text, b',', b'"'), "{len} {pos} {byte}");
                        let mut expected = b"prefix".to_vec();
                        if appended {
                            expected.extend(lead);
                            expected.extend_from_slice(&text);
                        }
                        assert_eq!(out.as_slice(), expected, "{len} {pos} {byte}");
                    }
                }
            }
        }
    }

    #[test]
    fn finds_the_quote_at_every_position() {
        let scan = QuoteScan::new(b',', b'"');
        for len in 0..30 {
            assert!(!scan.holds_quote(&vec![b','; len]));
            for pos in 0..len {
                let mut text = vec![b'a'; len];
                text[pos] = b'"';
                assert!(scan.holds_quote(&text), "{len} {pos}");
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
