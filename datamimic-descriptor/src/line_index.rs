//! Line and column of a byte offset in a descriptor, in constant time.
//!
//! roxmltree's `text_pos_at` counts from the start of the text on every call, which made
//! parsing quadratic: every element records its position. This index keeps the line and
//! column at a checkpoint every [`STEP`] bytes (taken in one pass), so a lookup scans at most
//! one step, however long the file or its lines are. Lines and columns are counted as
//! roxmltree counts them: a line ends at `\n`, a column is one character.

/// Bytes between two checkpoints.
const STEP: usize = 256;

/// Checkpoints of one text.
#[derive(Debug)]
pub struct LineIndex {
    /// For checkpoint `i`: the first character boundary at or after `i * STEP`, with its
    /// 1-based line and column.
    marks: Vec<Mark>,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    offset: usize,
    line: u32,
    col: u32,
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> LineIndex {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let mut line = 1u32;
        let mut col = 1u32;
        for (offset, c) in text.char_indices() {
            if offset >= marks.len() * STEP {
                marks.push(Mark { offset, line, col });
            }
            (line, col) = advance(line, col, c);
        }
        marks.push(Mark {
            offset: text.len(),
            line,
            col,
        });
        LineIndex { marks }
    }

    /// The 1-based line and column of `offset` in `text` (the text this index was made of);
    /// an offset past the end is the end.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let mut i = (offset / STEP).min(self.marks.len() - 1);
        // A checkpoint moves forward to a character boundary, so it may lie just past `offset`.
        while self.marks[i].offset > offset {
            i -= 1;
        }
        let Mark {
            offset: start,
            mut line,
            mut col,
        } = self.marks[i];
        for c in text[start..offset].chars() {
            (line, col) = advance(line, col, c);
        }
        (line, col)
    }
}

fn advance(line: u32, col: u32, c: char) -> (u32, u32) {
    if c == '\n' {
        (line.saturating_add(1), 1)
    } else {
        (line, col.saturating_add(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every offset of texts with long lines, short lines, CRLF and multi-byte characters
    /// gets roxmltree's own answer.
    #[test]
    fn agrees_with_roxmltree_everywhere() {
        let long = "é".repeat(700);
        let texts = [
            format!("<a>\n<b x=\"{long}\"/>\r\n<c/>\n\n</a>"),
            format!("<a>{}</a>", "x".repeat(3 * STEP + 5)),
            "<a>\u{1F600}\n\u{1F600}<b/></a>".to_owned(),
        ];
        for text in &texts {
            let doc = roxmltree::Document::parse(text).unwrap();
            let index = LineIndex::new(text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                let expected = doc.text_pos_at(offset);
                assert_eq!(
                    index.line_col(text, offset),
                    (expected.row, expected.col),
                    "offset {offset}"
                );
            }
        }
    }
}
