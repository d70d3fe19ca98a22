//! Row hashes: one number per row of a frame, to find rows that moved.

use std::hash::{Hash, Hasher};

use ratatui::buffer::{Buffer, Cell};
use rustc_hash::FxHasher;

/// A hash of each row of `buf`.
pub(super) fn row_hashes(buf: &Buffer) -> Vec<u64> {
    let width = usize::from(buf.area.width).max(1);
    buf.content
        .chunks(width)
        .map(|row| hash(row.iter()))
        .collect()
}

/// The hash of a blank row of `width` cells.
pub(super) fn blank_row_hash(width: u16) -> u64 {
    let blank = Cell::default();
    hash(std::iter::repeat_n(&blank, usize::from(width)))
}

fn hash<'a>(cells: impl Iterator<Item = &'a Cell>) -> u64 {
    let mut h = FxHasher::default();
    for cell in cells {
        cell.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::*;

    #[test]
    fn equal_rows_hash_equal_and_a_style_makes_a_difference() {
        let mut b = Buffer::empty(Rect::new(0, 0, 5, 4));
        b.set_string(0, 0, "ab", Style::new());
        b.set_string(0, 1, "ab", Style::new());
        b.set_string(0, 2, "ab", Style::new().fg(Color::Red));
        let h = row_hashes(&b);
        assert_eq!(h.len(), 4);
        assert_eq!(h[0], h[1]);
        assert_ne!(h[0], h[2]);
        assert_eq!(h[3], blank_row_hash(5));
    }
}
