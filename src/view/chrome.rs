//! Everything around the pane: title bar, tabs, rules, status line, and the
//! "too small" notice.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::action::Mode;
use crate::app::App;
use crate::geometry::{Geometry, TabStyle, tab_spans, tab_style};
use crate::keymap::{Keymap, Screen};
use crate::labels::Lang;
use crate::text::ascii::to_ascii;
use crate::text::fit::{fit, tail};
use crate::theme::Theme;

/// Writes `text` at `x`, `y`, clipped to end before column `right`; returns
/// the column after it.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, text: &str, style: Style) -> u16 {
    if x >= right {
        return x;
    }
    let (end, _) = buf.set_stringn(x, y, text, usize::from(right - x), style);
    end
}

/// Interface text as the app draws it: transliterated when ASCII only.
pub(super) fn ui<'a>(app: &App, text: &'a str) -> Cow<'a, str> {
    if app.ascii() {
        to_ascii(text)
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = fit(app.labels().too_small, usize::from(area.width), "");
    let y = area.y + area.height / 2;
    let text_w = u16::try_from(text.width())
        .unwrap_or(area.width)
        .min(area.width);
    let x = area.x + (area.width - text_w) / 2;
    put(buf, x, y, area.right(), &text, app.theme().notice);
}

pub(super) fn title(app: &App, g: &Geometry, buf: &mut Buffer) {
    let Some(area) = g.title else {
        return;
    };
    let theme = app.theme();
    let lang = app.briefing().lang.as_str();
    let room = usize::from(area.width).saturating_sub(lang.width() + 3);
    let title = fit(
        &single_line(&app.briefing().title),
        room,
        app.symbols().ellipsis,
    );
    put(buf, area.x + 1, area.y, area.right(), &title, theme.title);
    let lang_x = area
        .right()
        .saturating_sub(u16::try_from(lang.width()).unwrap_or(0) + 1);
    put(buf, lang_x, area.y, area.right(), lang, theme.lang);
}

pub(super) fn tabs(app: &App, g: &Geometry, buf: &mut Buffer) {
    let area = g.tabs;
    let labels = app.labels();
    let marks = app.keymap().section_marks(app.ascii());
    let style = tab_style(labels, &marks, area.width);
    let active = app.pane().index();
    let spans = tab_spans(labels, &marks, area.width);
    let tabs = spans.iter().zip(labels.sections).zip(&marks);
    for (i, ((span, label), mark)) in tabs.enumerate() {
        let text = match style {
            TabStyle::Full => format!(" {mark} {label} "),
            TabStyle::Numbers => format!(" {mark} "),
            TabStyle::Tight => mark.clone(),
        };
        let tab = if i == active {
            app.theme().tab_active
        } else {
            app.theme().tab
        };
        put(buf, area.x + span.start, area.y, area.right(), &text, tab);
    }
    if style != TabStyle::Full {
        let x = spans.last().map_or(1, |s| s.end + 1);
        let label = labels.sections.get(active).copied().unwrap_or_default();
        put(
            buf,
            area.x + x,
            area.y,
            area.right(),
            label,
            app.theme().title,
        );
    }
}

pub(super) fn rules(app: &App, g: &Geometry, buf: &mut Buffer) {
    for area in [g.top_rule, g.bottom_rule].into_iter().flatten() {
        let line = app.symbols().rule.repeat(usize::from(area.width));
        put(buf, area.x, area.y, area.right(), &line, app.theme().rule);
    }
}

pub(super) fn status(app: &App, g: &Geometry, buf: &mut Buffer) {
    let area = g.status;
    let right_text = position(app);
    let right_w = u16::try_from(right_text.width()).unwrap_or(area.width);
    let right_x = area.right().saturating_sub(right_w + 1);
    let left_end = right_x.saturating_sub(2);
    let theme = app.theme();
    if app.mode() == Mode::Search {
        let input = app.search().input.as_deref().unwrap_or_default();
        let prompt = format!("/{}", ui(app, input));
        // Keep the end of a long search text in view.
        let room = usize::from(left_end.saturating_sub(area.x + 2));
        let shown = tail(&prompt, room);
        let x = put(buf, area.x + 1, area.y, left_end, &shown, theme.notice);
        put(buf, x, area.y, left_end.saturating_add(1), " ", theme.hit);
    } else if let Some(notice) = app.notice() {
        put(buf, area.x + 1, area.y, left_end, notice, theme.notice);
    } else {
        Hints {
            keymap: app.keymap(),
            screen: app.screen(),
            lang: app.lang(),
            ascii: app.ascii(),
            theme: app.theme(),
        }
        .draw(area, left_end, buf);
    }
    if right_x > area.x {
        put(
            buf,
            right_x,
            area.y,
            area.right(),
            &right_text,
            theme.status,
        );
    }
}

/// What the status line's hints are drawn with.
pub(super) struct Hints<'a> {
    pub(super) keymap: &'a Keymap,
    pub(super) screen: Screen,
    pub(super) lang: Lang,
    pub(super) ascii: bool,
    pub(super) theme: &'a Theme,
}

impl Hints<'_> {
    /// The advertised keys of the screen as bound, as many as fit on the
    /// line of `area` before `end`.
    pub(super) fn draw(&self, area: Rect, end: u16, buf: &mut Buffer) {
        let mut x = area.x + 1;
        for b in self.keymap.hinted(self.screen) {
            let Some(label) = b.binding.hint else {
                continue;
            };
            let key = b.hint_key(self.ascii);
            let label = label.get(self.lang);
            let label = if self.ascii {
                to_ascii(label)
            } else {
                Cow::Borrowed(label)
            };
            let w = u16::try_from(key.width() + label.width() + 3).unwrap_or(u16::MAX);
            if x.saturating_add(w) > end + 2 {
                break;
            }
            x = put(buf, x, area.y, end, &key, self.theme.key);
            x = put(buf, x + 1, area.y, end, &label, self.theme.status) + 2;
        }
    }
}

/// "3/14  12/40 30%": search position, then place in the pane.
fn position(app: &App) -> String {
    let mut out = String::new();
    if let Some((current, count)) = app.search().position() {
        let _ = write!(out, "[{current}/{count}]  ");
    }
    if let Some(selected) = app.selected() {
        let _ = write!(out, "{}/{}", selected + 1, app.item_count());
        return out;
    }
    let total = app.total_lines().max(1);
    let top = app.scroll() + 1;
    let bottom = (app.scroll() + app.page()).min(total);
    let _ = write!(out, "{top}/{total} {}%", bottom * 100 / total);
    out
}

/// Text for a one-line place: newlines become spaces.
pub(super) fn single_line(text: &str) -> String {
    text.replace('\n', " ")
}
