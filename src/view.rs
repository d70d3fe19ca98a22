//! Drawing: a pure function of an [`App`] into any area of a ratatui buffer.

mod chrome;
mod help;
mod lines;
pub mod shelf;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::geometry::Geometry;

/// Draws the reader over the whole frame.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the reader into `area` of `buf` (clipped to the buffer). The app
/// lays itself out for its own size (`Action::Resize`); a host gives it an
/// area of that size, anywhere in its buffer.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let own = app.geometry().area;
    if (area.width, area.height) == (own.width, own.height) {
        draw_at(app, &app.geometry().offset(area.x, area.y), buf);
        return;
    }
    // A host that did not resize the app first: draw at the app's own size
    // and show what fits.
    let mut scratch = Buffer::empty(own);
    draw_at(app, app.geometry(), &mut scratch);
    for y in 0..area.height.min(own.height) {
        for x in 0..area.width.min(own.width) {
            if let (Some(from), Some(to)) =
                (scratch.cell((x, y)), buf.cell_mut((area.x + x, area.y + y)))
            {
                to.clone_from(from);
            }
        }
    }
}

/// Draws everything the geometry `g` (the app's, moved into place) holds.
fn draw_at(app: &App, g: &Geometry, buf: &mut Buffer) {
    if g.too_small {
        chrome::too_small(app, g.area, buf);
        return;
    }
    chrome::title(app, g, buf);
    chrome::tabs(app, g, buf);
    chrome::rules(app, g, buf);
    lines::pane(app, g, buf);
    chrome::status(app, g, buf);
    if let Some(help) = app.help() {
        let look = help::Look {
            theme: app.theme(),
            labels: app.labels(),
            symbols: app.symbols(),
        };
        help::overlay(&look, help, g.area, buf);
    }
}
