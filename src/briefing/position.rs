//! Turning byte offsets into 1-based line and column numbers.

/// Line starts of a text, for offset → line/column lookups.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// 1-based line of a byte offset (no counting along the line).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and column (in characters) of a byte offset. Counts
    /// along the line: for many offsets use [`LineIndex::line_cols`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.line_cols(&[offset]).pop().unwrap_or((1, 1))
    }

    /// Line and column of each offset, which must be in ascending order:
    /// one walk through the text, however many offsets share a long line.
    pub fn line_cols(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(offsets.len());
        // The last position counted: its line, byte offset and column.
        let mut last: Option<(usize, usize, usize)> = None;
        for &offset in offsets {
            let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
            let line = self.line(offset);
            let start = self.starts.get(line - 1).copied().unwrap_or(0);
            let (from, column) = match last {
                Some((l, at, column)) if l == line && at <= offset => (at, column),
                _ => (start, 0),
            };
            let column = column + self.text.get(from..offset).map_or(0, |s| s.chars().count());
            last = Some((line, offset, column));
            out.push((line, column + 1));
        }
        out
    }
}

/// The largest char boundary at or below `at` (`at` is within the text).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let idx = LineIndex::new("ab\nüx\n\nz");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (1, 3));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(5), (2, 2));
        assert_eq!(idx.line_col(7), (3, 1));
        assert_eq!(idx.line_col(8), (4, 1));
        assert_eq!(idx.line_col(99), (4, 2));
        assert_eq!(idx.line(5), 2);
    }

    #[test]
    fn many_offsets_on_one_line_are_counted_once() {
        let text = format!("x\n{}", "ü,".repeat(1000));
        let idx = LineIndex::new(&text);
        let offsets: Vec<usize> = (2..text.len()).step_by(3).collect();
        let walked = idx.line_cols(&offsets);
        for (&offset, &got) in offsets.iter().zip(&walked) {
            assert_eq!(got, idx.line_col(offset), "at {offset}");
        }
        // Inside a character: the column of that character.
        assert_eq!(idx.line_col(3), (2, 1));
    }
}
