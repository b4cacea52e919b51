//! The bytes of one encoded page, written through a cursor over memory that is already
//! initialized.
//!
//! A CSV row is dozens of short cells. Appending each to a `Vec` costs a capacity check and a
//! length update per piece and a call to `memcpy` per cell; here a writer asks once for room
//! ([`PageBuf::room`]), stores fixed-size words into it, and moves the cursor
//! ([`PageBuf::advance`]). The buffer keeps its initialized length when the page is cleared,
//! so pages recycled by the pipeline are zeroed only once, when they first grow.

/// A growable byte buffer with a write cursor; the bytes before the cursor are the content.
#[derive(Debug, Default)]
pub struct PageBuf {
    /// Initialized memory; only `bytes[..end]` is content.
    bytes: Vec<u8>,
    end: usize,
}

impl PageBuf {
    /// An empty buffer with `capacity` bytes ready.
    pub fn with_capacity(capacity: usize) -> PageBuf {
        PageBuf {
            bytes: vec![0; capacity],
            end: 0,
        }
    }

    /// The content.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.end]
    }

    /// The content's length.
    pub fn len(&self) -> usize {
        self.end
    }

    /// Whether there is no content.
    pub fn is_empty(&self) -> bool {
        self.end == 0
    }

    /// Drops the content, keeping the memory.
    pub fn clear(&mut self) {
        self.end = 0;
    }

    /// Drops the content after `len` bytes.
    pub fn truncate(&mut self, len: usize) {
        self.end = self.end.min(len);
    }

    /// The next `n` bytes after the content, to be written and then kept with
    /// [`PageBuf::advance`].
    #[inline(always)]
    pub fn room(&mut self, n: usize) -> &mut [u8] {
        if self.bytes.len() - self.end < n {
            self.grow(n);
        }
        &mut self.bytes[self.end..self.end + n]
    }

    /// Keeps `n` bytes written into [`PageBuf::room`].
    #[inline(always)]
    pub fn advance(&mut self, n: usize) {
        debug_assert!(self.end + n <= self.bytes.len());
        self.end += n;
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let wanted = (self.end + n).max(self.bytes.len() * 2).max(4096);
        // A fresh zeroed allocation (calloc: large ones come zeroed from the system) and a
        // copy of the content, rather than `resize`, which would zero the whole new tail by
        // hand: a page that grows to megabytes spent ~4 % of its run in `memset`.
        let mut bytes = vec![0; wanted];
        bytes[..self.end].copy_from_slice(&self.bytes[..self.end]);
        self.bytes = bytes;
    }

    /// Appends one byte.
    #[inline]
    pub fn push(&mut self, byte: u8) {
        self.room(1)[0] = byte;
        self.end += 1;
    }

    /// Appends `bytes`.
    #[inline]
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.room(bytes.len()).copy_from_slice(bytes);
        self.end += bytes.len();
    }

    /// Appends `parts` one after another, reserving room once and copying each with
    /// [`copy_pieces`].
    #[inline(always)]
    pub fn append_parts(&mut self, parts: &[&str]) {
        let total: usize = parts.iter().map(|part| part.len()).sum();
        let room = self.room(total);
        let mut at = 0;
        for part in parts {
            let n = part.len();
            copy_pieces(&mut room[at..at + n], part.as_bytes());
            at += n;
        }
        self.end += total;
    }

    /// Appends `lead` (if any) and `text` if `text` is at most [`SHORT`] bytes and the room is
    /// there, and returns whether it did: the whole of a short cell's write, small enough to
    /// sit at every call site.
    #[inline(always)]
    pub fn append_short(&mut self, lead: Option<u8>, text: &[u8]) -> bool {
        let n = text.len();
        let Some(room) = self.bytes.get_mut(self.end..self.end + SHORT + 1) else {
            return false;
        };
        if n > SHORT {
            return false;
        }
        let at = usize::from(lead.is_some());
        if let Some(lead) = lead {
            room[0] = lead;
        }
        copy_pieces(&mut room[at..at + n], text);
        self.end += at + n;
        true
    }

    /// Appends a copy of the content in `range`.
    #[inline]
    pub fn repeat(&mut self, range: std::ops::Range<usize>) {
        assert!(range.end <= self.end, "repeat past the content");
        let n = range.len();
        self.room(n);
        self.bytes.copy_within(range, self.end);
        self.end += n;
    }

    /// Inserts `byte` at `at`, moving the content after it.
    pub fn insert(&mut self, at: usize, byte: u8) {
        assert!(at <= self.end, "insert past the content");
        self.room(1);
        self.bytes.copy_within(at..self.end, at + 1);
        self.bytes[at] = byte;
        self.end += 1;
    }

    /// Removes the byte at `at`, moving the content after it.
    pub fn remove(&mut self, at: usize) {
        assert!(at < self.end, "remove past the content");
        self.bytes.copy_within(at + 1..self.end, at);
        self.end -= 1;
    }

    /// Lets `write` append through a `Vec` (serde_json, the XML writer), for formats that do
    /// not use the cursor.
    pub fn append_with<T>(&mut self, write: impl FnOnce(&mut Vec<u8>) -> T) -> T {
        self.bytes.truncate(self.end);
        let result = write(&mut self.bytes);
        self.end = self.bytes.len();
        result
    }
}

/// The longest text [`PageBuf::append_short`] takes.
pub const SHORT: usize = 24;

/// Copies `src` into `dst` (of the same length) by fixed-size pieces, overlapping where the
/// length is not a multiple of their size, rather than through a call to `memcpy`: cells and
/// their parts are a few bytes each.
#[inline(always)]
pub fn copy_pieces(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            dst[i..i + 8].copy_from_slice(&src[i..i + 8]);
            i += 8;
        }
        dst[n - 8..].copy_from_slice(&src[n - 8..]);
    } else if n >= 4 {
        dst[..4].copy_from_slice(&src[..4]);
        dst[n - 4..].copy_from_slice(&src[n - 4..]);
    } else if n > 0 {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

impl std::io::Write for PageBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Write for PageBuf {
    #[inline]
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_and_vec_writes_interleave() {
        let mut buf = PageBuf::default();
        assert!(buf.is_empty());
        buf.extend_from_slice(b"abc");
        let room = buf.room(10);
        room[..2].copy_from_slice(b"de");
        buf.advance(2);
        buf.append_with(|v| v.extend_from_slice(b"fg"));
        buf.push(b'h');
        assert_eq!(buf.as_slice(), b"abcdefgh");
        buf.insert(1, b'_');
        buf.insert(9, b'!');
        assert_eq!(buf.as_slice(), b"a_bcdefgh!");
        buf.insert(0, b'?');
        buf.remove(0);
        buf.remove(9);
        buf.insert(9, b'!');
        assert_eq!(buf.as_slice(), b"a_bcdefgh!");
        buf.repeat(2..5);
        assert_eq!(buf.as_slice(), b"a_bcdefgh!bcd");
        buf.truncate(3);
        assert_eq!(buf.as_slice(), b"a_b");
        let parts = [
            "",
            "c",
            "de",
            "fgh",
            "ijkl",
            "mnopqrs",
            "tuvwxyz0",
            "123456789abcdefghi",
        ];
        buf.append_parts(&parts);
        assert_eq!(buf.as_slice(), format!("a_b{}", parts.concat()).as_bytes());
        buf.truncate(3);
        buf.clear();
        let long = vec![7u8; 10_000];
        buf.extend_from_slice(&long);
        assert_eq!(buf.as_slice(), &long[..]);
        assert_eq!(buf.len(), 10_000);
    }
}
