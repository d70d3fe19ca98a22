//! The help overlay's content, generated from the key table, and its box:
//! shared by the state (how far help scrolls) and the view (drawing it).

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::keymap::{BINDINGS, keys_text};
use crate::labels::Lang;
use crate::text::wrap::wrap;

/// Widest the help box gets.
const MAX_WIDTH: u16 = 80;
/// Widest the key column gets.
const MAX_KEYS_WIDTH: usize = 22;

/// One line of help: keys (empty on continuation lines) and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, as written in the key table.
    pub keys: String,
    /// The description, or a wrapped part of it.
    pub text: String,
}

/// The box the help is drawn in, centred on a screen of `area`.
pub fn help_box(area: Rect, lines: usize) -> Rect {
    let width = area
        .width
        .saturating_sub(2)
        .min(MAX_WIDTH)
        .max(area.width.min(12));
    let want = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    let height = want
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    Rect::new(x, y, width, height)
}

/// Width of the key column for a box of `inner` columns.
pub fn keys_width(ascii: bool, inner: u16) -> usize {
    let widest = BINDINGS
        .iter()
        .map(|b| keys_text(b, ascii).width())
        .max()
        .unwrap_or(0);
    widest.min(MAX_KEYS_WIDTH).min(usize::from(inner) / 2)
}

/// Every binding with its description wrapped to fit `inner` columns.
pub fn lines(lang: Lang, ascii: bool, inner: u16) -> Vec<HelpLine> {
    let key_w = keys_width(ascii, inner);
    let text_w = usize::from(inner).saturating_sub(key_w + 3).max(1);
    let mut out = Vec::new();
    for b in BINDINGS {
        let keys = keys_text(b, ascii);
        let text = if ascii {
            b.help.get(lang).replace('→', "->")
        } else {
            b.help.get(lang).to_string()
        };
        let text = text.as_str();
        for (i, r) in wrap(text, text_w, None).into_iter().enumerate() {
            let part = text.get(r.start..r.end).unwrap_or_default();
            let keys = if i == 0 { keys.clone() } else { String::new() };
            out.push(HelpLine {
                keys,
                text: part.to_string(),
            });
        }
    }
    out
}

/// How far the help can scroll on a screen of `area`.
pub fn max_scroll(lang: Lang, ascii: bool, area: Rect) -> usize {
    let probe = help_box(area, BINDINGS.len());
    let inner = probe.width.saturating_sub(2);
    let count = lines(lang, ascii, inner).len();
    let boxed = help_box(area, count);
    count.saturating_sub(usize::from(boxed.height.saturating_sub(2)))
}
