//! Wide characters (two columns) as a terminal can show them: a frame whose
//! wide character has something else drawn over its second column cannot
//! be shown as drawn.

use std::borrow::Cow;

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

/// Columns a cell's symbol takes (ASCII, most of them, without a lookup).
pub(super) fn cell_width(cell: &Cell) -> usize {
    let symbol = cell.symbol();
    if symbol.len() == 1 { 1 } else { symbol.width() }
}

/// The frame as a terminal can show it: a wide character whose second column
/// holds something else (a border drawn over it, say), or that sticks out of
/// its row, becomes a blank. Borrowed when the frame is fine as it is.
pub(super) fn displayable(frame: &Buffer) -> Cow<'_, Buffer> {
    let width = usize::from(frame.area.width).max(1);
    let broken = |row: &[Cell], x: usize, cell: &Cell| {
        let w = cell_width(cell);
        w > 1
            && (x + w > row.len()
                || row
                    .iter()
                    .skip(x + 1)
                    .take(w - 1)
                    .any(|c| c.symbol() != " "))
    };
    let any = frame
        .content
        .chunks(width)
        .any(|row| row.iter().enumerate().any(|(x, c)| broken(row, x, c)));
    if !any {
        return Cow::Borrowed(frame);
    }
    let mut fixed = frame.clone();
    for row in fixed.content.chunks_mut(width) {
        let bad: Vec<usize> = row
            .iter()
            .enumerate()
            .filter(|(x, c)| broken(row, *x, c))
            .map(|(x, _)| x)
            .collect();
        for x in bad {
            if let Some(cell) = row.get_mut(x) {
                cell.set_symbol(" ");
            }
        }
    }
    Cow::Owned(fixed)
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    #[test]
    fn a_wide_character_with_its_second_half_covered_becomes_a_blank() {
        let mut b = Buffer::empty(Rect::new(0, 0, 6, 1));
        b.set_string(0, 0, "世界", Style::new());
        assert!(matches!(displayable(&b), Cow::Borrowed(_)));
        b.set_string(1, 0, "|", Style::new());
        let fixed = displayable(&b);
        assert_eq!(fixed.content[0].symbol(), " ");
        assert_eq!(fixed.content[1].symbol(), "|");
        assert_eq!(fixed.content[2].symbol(), "界");
    }

    #[test]
    fn a_wide_character_in_the_last_column_becomes_a_blank() {
        let mut b = Buffer::empty(Rect::new(0, 0, 3, 1));
        b.content[2].set_symbol("世");
        assert_eq!(displayable(&b).content[2].symbol(), " ");
    }
}
