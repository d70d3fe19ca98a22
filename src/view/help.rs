//! The help overlay, drawn from the layout the state made when help opened.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::chrome::put;
use crate::app::Help;
use crate::labels::Labels;
use crate::symbols::Symbols;
use crate::text::fit::fit;
use crate::theme::Theme;

/// ASCII corners and edges for `--ascii`.
const ASCII_BORDER: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// How the help is drawn: the look of the screen it is over.
pub(super) struct Look<'a> {
    pub(super) theme: &'a Theme,
    pub(super) labels: &'a Labels,
    pub(super) symbols: &'a Symbols,
}

/// Draws `help` over the screen at `area` (the screen's own area, moved
/// into place: the box was laid out relative to its top left corner).
pub(super) fn overlay(look: &Look<'_>, help: &Help, area: Rect, buf: &mut Buffer) {
    let b = help.layout.boxed;
    let boxed = Rect::new(area.x + b.x, area.y + b.y, b.width, b.height).intersection(area);
    Clear.render(boxed, buf);
    let (labels, theme) = (look.labels, look.theme);
    let ascii = look.symbols.ellipsis.is_ascii();
    let mut frame = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", labels.help_title))
        .title_bottom(footer(&help.layout.closers, labels))
        .border_style(theme.rule);
    if ascii {
        frame = frame.border_set(ASCII_BORDER);
    }
    let inner = frame.inner(boxed);
    frame.render(boxed, buf);
    let key_w = help.layout.keys_width;
    let scroll = help.scroll.top();
    let (up, down) = if ascii { ("^", "v") } else { ("▲", "▼") };
    let corner = boxed.right().saturating_sub(3);
    if scroll > 0 {
        put(buf, corner, boxed.y, boxed.right(), up, theme.key);
    }
    if help.scroll.more_below() {
        let bottom = boxed.bottom().saturating_sub(1);
        put(buf, corner, bottom, boxed.right(), down, theme.key);
    }
    for (row, y) in help
        .layout
        .lines
        .iter()
        .skip(scroll)
        .zip(inner.y..inner.bottom())
    {
        let keys = fit(&row.keys, key_w, look.symbols.ellipsis);
        let x = put(buf, inner.x + 1, y, inner.right(), &keys, theme.key);
        let pad = u16::try_from(key_w.saturating_sub(keys.width()) + 2).unwrap_or(2);
        put(buf, x + pad, y, inner.right(), &row.text, theme.status);
    }
}
/// " Esc, q or ? closes ": the keys that close help, as bound.
fn footer(closers: &[String], labels: &Labels) -> String {
    let keys = match closers.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), labels.or)
        }
        _ => closers.join(""),
    };
    format!(" {keys} {} ", labels.help_close)
}
