//! The help overlay, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::chrome::{fit, put};
use crate::app::App;
use crate::keymap::{BINDINGS, keys_text};

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
    let rows: Vec<(String, &str)> = BINDINGS
        .iter()
        .map(|b| (keys_text(b, app.ascii()), b.help.get(app.lang())))
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(28);
    let text_w = rows.iter().map(|(_, h)| h.width()).max().unwrap_or(0);
    let want_w = u16::try_from(key_w + text_w + 6).unwrap_or(u16::MAX);
    let want_h = u16::try_from(rows.len() + 4).unwrap_or(u16::MAX);
    let width = want_w
        .min(area.width.saturating_sub(2))
        .max(area.width.min(10));
    let height = want_h
        .min(area.height.saturating_sub(1))
        .max(area.height.min(3));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    let boxed = Rect::new(x, y, width, height);
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
    let scroll = app.help.unwrap_or(0);
    let lines =
        std::iter::once((String::new(), "")).chain(rows.iter().map(|(k, h)| (k.clone(), *h)));
    for ((keys, help), y) in lines.skip(scroll).zip(inner.y..inner.bottom()) {
        let keys = fit(&keys, key_w, app.symbols.ellipsis);
        let x = put(buf, inner.x + 1, y, inner.right(), &keys, app.theme.key);
        let pad = u16::try_from(key_w.saturating_sub(keys.width()) + 2).unwrap_or(2);
        let room = usize::from(inner.right().saturating_sub(x + pad));
        put(
            buf,
            x + pad,
            y,
            inner.right(),
            &fit(help, room, app.symbols.ellipsis),
            app.theme.status,
        );
    }
}
