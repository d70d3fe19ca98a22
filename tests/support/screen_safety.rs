//! Checks shared by the tests that draw hostile content: nothing from
//! content that a terminal would act on, and no wide character cut in half.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Characters that must never reach a terminal from content: controls
/// (newline aside, where text is printed line by line) and bidi controls.
pub fn harmful(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The first problem in a rendered frame, if any: a harmful character in a
/// cell, or a wide character that does not fit in its row.
pub fn frame_problem(buf: &Buffer) -> Option<String> {
    let width = usize::from(buf.area.width).max(1);
    for (y, row) in buf.content.chunks(width).enumerate() {
        let mut covered = 0;
        for (x, cell) in row.iter().enumerate() {
            if let Some(c) = cell.symbol().chars().find(|c| harmful(*c)) {
                return Some(format!("{c:?} at {x},{y}"));
            }
            if x >= covered {
                covered = x + cell.symbol().width().max(1);
                if covered > row.len() {
                    return Some(format!("wide character cut at {x},{y}"));
                }
            }
        }
    }
    None
}
