//! Drawing: a pure function of [`App`] into a ratatui buffer.

mod chrome;
mod help;
mod lines;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;

/// Draws the whole screen into a frame.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf`, which covers `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let g = app.geometry();
    if g.too_small || g.area != area {
        chrome::too_small(app, area, buf);
        return;
    }
    chrome::title(app, buf);
    chrome::tabs(app, buf);
    chrome::rules(app, buf);
    lines::pane(app, buf);
    chrome::status(app, buf);
    if app.help.is_some() {
        help::overlay(app, area, buf);
    }
}
