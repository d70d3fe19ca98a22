//! The help overlay, drawn from the lines `crate::help` makes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::chrome::{fit, put};
use crate::app::App;
use crate::help::{help_box, keys_width, lines};
use crate::keymap::BINDINGS;

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

pub(super) fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    let inner_w = help_box(area, BINDINGS.len()).width.saturating_sub(2);
    let rows = lines(app.lang(), app.ascii(), inner_w);
    let boxed = help_box(area, rows.len());
    Clear.render(boxed, buf);
    let labels = app.labels();
    let mut frame = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", labels.help_title))
        .title_bottom(format!(" {} ", labels.help_close))
        .border_style(app.theme.rule);
    if app.ascii() {
        frame = frame.border_set(ASCII_BORDER);
    }
    let inner = frame.inner(boxed);
    frame.render(boxed, buf);
    let key_w = keys_width(app.ascii(), inner.width);
    let scroll = app.help.unwrap_or(0);
    let (up, down) = if app.ascii() {
        ("^", "v")
    } else {
        ("▲", "▼")
    };
    let corner = boxed.right().saturating_sub(3);
    if scroll > 0 {
        put(buf, corner, boxed.y, boxed.right(), up, app.theme.key);
    }
    if scroll + usize::from(inner.height) < rows.len() {
        put(
            buf,
            corner,
            boxed.bottom().saturating_sub(1),
            boxed.right(),
            down,
            app.theme.key,
        );
    }
    for (row, y) in rows.iter().skip(scroll).zip(inner.y..inner.bottom()) {
        let keys = fit(&row.keys, key_w, app.symbols.ellipsis);
        let x = put(buf, inner.x + 1, y, inner.right(), &keys, app.theme.key);
        let pad = u16::try_from(key_w.saturating_sub(keys.width()) + 2).unwrap_or(2);
        put(buf, x + pad, y, inner.right(), &row.text, app.theme.status);
    }
}
