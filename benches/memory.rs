//! Memory of one more reader: the bytes a new `App` holds beyond the shared
//! content, after it has shown every pane (so each pane is wrapped and laid
//! out), alone and with the screen writer and frame a served session keeps.
//!
//! Run: `cargo bench --bench memory`. Counts live heap bytes with a counting
//! allocator, so the figures are exact and the same on every run.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss
)]

use std::alloc::System;
use std::sync::Arc;

use briefing::action::Action;
use briefing::app::{App, Options};
use briefing::bundled::bundled;
use briefing::content::Shared;
use briefing::labels::Lang;
use briefing::terminal::screen::Screen;
use cap::Cap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The system allocator, counting the bytes live.
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

fn live() -> isize {
    ALLOCATOR.allocated().cast_signed()
}

/// A reader that has been through every pane, as a user leaves it.
fn used_app(shared: &Shared, w: u16, h: u16) -> App {
    let content = shared.content(Lang::De, false);
    let mut app = App::new(content, Options::default(), w, h);
    for action in [1, 2, 3, 4, 5, 0].map(Action::GoTo) {
        app.update(action);
        app.update(Action::Down);
    }
    app
}

/// A served session's state: the app, its screen writer and frame buffer.
struct Session {
    _app: App,
    _screen: Screen<Vec<u8>>,
    _frame: Buffer,
}

fn session(shared: &Shared, w: u16, h: u16) -> Session {
    let app = used_app(shared, w, h);
    let mut screen = Screen::new(Vec::new(), w, h);
    let area = Rect::new(0, 0, w, h);
    let mut frame = Buffer::empty(area);
    briefing::view::render(&app, area, &mut frame);
    screen.draw(&frame).unwrap();
    // The bytes of the frame went out; a session keeps no such copy.
    screen.writer().clear();
    screen.writer().shrink_to_fit();
    Session {
        _app: app,
        _screen: screen,
        _frame: frame,
    }
}

fn main() {
    let shared = Shared::new(bundled());
    // The shared content is built by the first reader and kept.
    let before_first = live();
    let first = used_app(&shared, 80, 24);
    let with_first = live();
    println!(
        "bundled briefing, shared content and first reader at 80x24: {} KiB",
        (with_first - before_first) / 1024
    );
    for (w, h) in [(80, 24), (200, 60), (300, 100)] {
        const N: isize = 50;
        let start = live();
        let apps: Vec<App> = (0..N).map(|_| used_app(&shared, w, h)).collect();
        let per_app = (live() - start) / N;
        drop(apps);
        let start = live();
        let sessions: Vec<Session> = (0..N).map(|_| session(&shared, w, h)).collect();
        let per_session = (live() - start) / N;
        drop(sessions);
        println!(
            "{w}x{h}: one more App {:.1} KiB; App + screen writer + frame {:.1} KiB",
            per_app as f64 / 1024.0,
            per_session as f64 / 1024.0
        );
    }
    drop(first);
    let _ = Arc::strong_count(shared.briefing());
}
