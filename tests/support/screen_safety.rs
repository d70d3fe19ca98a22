//! Checks shared by the tests that draw hostile content: nothing from
//! content that a terminal would act on, and no wide character cut in half.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use briefing::action::Action;
use briefing::app::App;
use briefing::briefing::Briefing;
pub use briefing::briefing::sanitize::is_harmful as harmful;
use briefing::labels::Lang;
use briefing::pane::PaneId;
use briefing::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::app::Open;

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

/// The first problem in the frame `app` draws at `w` x `h`, if any.
pub fn render_problem(app: &App, w: u16, h: u16) -> Option<String> {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    view::render(app, area, &mut buf);
    frame_problem(&buf).map(|problem| format!("{w}x{h}: {problem}"))
}

/// Opens `briefing` in every pane and, at each size, draws it after the
/// resize and after each key; the first problem found, if any.
pub fn walk_problem(briefing: &Briefing, sizes: &[(u16, u16)], keys: &[Action]) -> Option<String> {
    for section in PaneId::ALL {
        let open = Open {
            lang: Lang::En,
            pane: section,
            colours: super::app::ANSI,
            ..Open::default()
        };
        let mut app = open.app(briefing.clone(), 80, 24);
        for &(w, h) in sizes {
            app.update(Action::Resize(w, h));
            if let Some(problem) = render_problem(&app, w, h) {
                return Some(format!("{section:?} after resizing, {problem}"));
            }
            for key in keys {
                app.update(*key);
                if let Some(problem) = render_problem(&app, w, h) {
                    return Some(format!("{section:?} after {key:?}, {problem}"));
                }
            }
        }
    }
    None
}
