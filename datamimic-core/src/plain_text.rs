//! Which baked table text needs no escaping in a delimited format, told by its address.
//!
//! With the `shared-table-text` feature, `datamimic-codegen` lays the text of every baked table
//! out in one blob, tables grouped by the bytes their cells use: letters and digits only, then with spaces, then with any
//! punctuation but `,` and `"`, then anything. A `&str` that lies inside a group's span
//! consists of that group's bytes whatever cell it came from, so a CSV writer that knows its
//! separator and quote character can skip the scan of most cells with two comparisons.

use std::ops::Range;

/// The layout of the baked text, written by `datamimic-codegen`.
#[doc(hidden)]
#[derive(Debug)]
pub struct PlainText {
    /// All tables' text.
    pub text: &'static str,
    /// Where the groups end in `text`: letters, digits, `.`, `-` and non-ASCII bytes; those
    /// and spaces; anything but `,`, `"`, `\n` and `\r`; anything.
    pub ends: [usize; 4],
}

/// The addresses of baked table text that holds neither `separator` nor `quote` nor a line
/// break: a `&str` whose bytes lie entirely inside the range needs no quotes in CSV written
/// with them. Text from elsewhere (built at run time, or in a record made by hand) lies
/// outside it. Without the `shared-table-text` feature each table's text is a static of its
/// own and the range is empty: every cell is scanned.
///
/// ```
/// use datamimic::{plain_table_text, tables};
///
/// let plain = plain_table_text(b',', b'"');
/// let name = tables::COMMON_PERSON_FAMILY_NAME.resolve("US").unwrap().value(0);
/// let at = name.as_ptr() as usize;
/// if cfg!(feature = "shared-table-text") {
///     assert!(plain.start <= at && at + name.len() <= plain.end);
/// } else {
///     assert!(plain.is_empty());
/// }
/// ```
pub fn plain_table_text(separator: u8, quote: u8) -> Range<usize> {
    let layout = &crate::tables::PLAIN_TEXT;
    let start = layout.text.as_ptr() as usize;
    let group_holds = |group: usize, byte: u8| match group {
        0 => is_word_byte(byte),
        1 => byte == b' ' || is_word_byte(byte),
        _ => !matches!(byte, b',' | b'"' | b'\n' | b'\r'),
    };
    // The least plain group whose bytes include neither character ends the range.
    let usable = (0..3)
        .rev()
        .find(|&group| !group_holds(group, separator) && !group_holds(group, quote));
    match usable {
        Some(group) => start..start + layout.ends[group],
        None => start..start,
    }
}

/// `text` itself with the lifetime of the program, when it lies in the text of the baked
/// tables (a cell, or part of one): that text never moves nor changes, so a cache may keep it
/// and compare against it later. `None` for text from elsewhere (built at run time, or in a
/// record made by hand), and for all text without the `shared-table-text` feature.
///
/// ```
/// use datamimic::{baked_text, tables};
///
/// for table in tables::ALL.iter().flat_map(|family| family.variants()) {
///     let cell = table.value(table.len() - 1);
///     let found = baked_text(cell);
///     if cfg!(feature = "shared-table-text") {
///         assert!(found.is_some_and(|baked| std::ptr::eq(baked, cell)), "{}", table.key());
///     } else {
///         assert_eq!(found, None);
///     }
/// }
/// assert_eq!(baked_text(&String::from("Berlin")), None);
/// ```
#[inline]
pub fn baked_text(text: &str) -> Option<&'static str> {
    let baked = crate::tables::PLAIN_TEXT.text;
    let offset = (text.as_ptr() as usize).checked_sub(baked.as_ptr() as usize)?;
    baked.get(offset..offset.checked_add(text.len())?)
}

/// Whether `byte` may occur in the plainest group.
fn is_word_byte(byte: u8) -> bool {
    matches!(byte, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | 0x80..)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte in each group's span is one the group allows, so the layout and the
    /// runtime agree.
    #[cfg(feature = "shared-table-text")]
    #[test]
    fn each_span_holds_only_its_bytes() {
        let layout = &crate::tables::PLAIN_TEXT;
        let bytes = layout.text.as_bytes();
        assert_eq!(layout.ends[3], bytes.len());
        assert!(layout.ends.windows(2).all(|w| w[0] <= w[1]));
        assert!(bytes[..layout.ends[0]].iter().all(|&b| is_word_byte(b)));
        assert!(
            bytes[..layout.ends[1]]
                .iter()
                .all(|&b| b == b' ' || is_word_byte(b))
        );
        assert!(
            bytes[..layout.ends[2]]
                .iter()
                .all(|&b| !matches!(b, b',' | b'"' | b'\n' | b'\r'))
        );
        // Most of the text is plain for the usual CSV settings.
        assert!(layout.ends[2] > bytes.len() / 2, "{:?}", layout.ends);
    }

    #[cfg(feature = "shared-table-text")]
    #[test]
    fn the_range_shrinks_with_the_characters() {
        let start = crate::tables::PLAIN_TEXT.text.as_ptr() as usize;
        let ends = crate::tables::PLAIN_TEXT.ends;
        assert_eq!(plain_table_text(b',', b'"'), start..start + ends[2]);
        assert_eq!(plain_table_text(b';', b'\''), start..start + ends[1]);
        assert_eq!(plain_table_text(b' ', b'"'), start..start + ends[0]);
        assert_eq!(plain_table_text(b'a', b'"'), start..start);
        assert_eq!(plain_table_text(b',', 0xC3), start..start);
    }

    /// Every baked table's text lies inside the shared text, where its group says.
    #[cfg(feature = "shared-table-text")]
    #[test]
    fn every_table_lies_in_the_shared_text() {
        let text = crate::tables::PLAIN_TEXT.text;
        let span = text.as_ptr() as usize..text.as_ptr() as usize + text.len();
        for table in crate::tables::ALL.iter().flat_map(|f| f.variants()) {
            for row in 0..table.len() {
                let cell = table.value(row);
                let at = cell.as_ptr() as usize;
                assert!(span.start <= at && at + cell.len() <= span.end, "{table:?}");
            }
        }
    }

    #[cfg(not(feature = "shared-table-text"))]
    #[test]
    fn without_the_shared_text_no_address_is_plain() {
        assert!(plain_table_text(b',', b'"').is_empty());
    }
}
