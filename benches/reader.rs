//! Micro-benchmarks: loading, wrapping, one frame of each pane, one key,
//! on the bundled briefing and on large generated ones.
//!
//! Run: `cargo bench --bench reader`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

#[path = "support/large.rs"]
mod large;

use std::sync::Arc;

use briefing::action::Action;
use briefing::app::{App, Options};
use briefing::briefing::{BUNDLED, Briefing, parse};
use briefing::content::Content;
use briefing::labels::Lang;
use briefing::pane::PaneId;
use briefing::text::hyphenate::dictionary;
use briefing::text::wrap::wrap;
use briefing::view;
use divan::{Bencher, black_box};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

fn load(copies: usize) -> Briefing {
    parse(&large::repeated(copies), "large").unwrap()
}

fn app(b: Briefing, pane: PaneId, w: u16, h: u16) -> App {
    let content = Content::new(Arc::new(b), Lang::De, false);
    let options = Options {
        pane,
        colours: briefing::theme::Colours {
            theme: briefing::theme::ThemeName::Dark,
            level: briefing::theme::ColourLevel::Ansi16,
        },
        hosted: false,
        ..Options::default()
    };
    App::new(Arc::new(content), options, w, h)
}

#[divan::bench]
fn load_bundled() -> Briefing {
    parse(black_box(BUNDLED), "bundled").unwrap()
}

/// Loading and validating a briefing of at least 1 MiB.
#[divan::bench]
fn load_1mib(bencher: Bencher) {
    let (_, text) = large::at_least(1 << 20);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| parse(black_box(&text), "1mib").unwrap());
}

/// Loading a briefing 1,000 times the article's size.
#[divan::bench]
fn load_1000x_article(bencher: Bencher) {
    let (_, text) = large::at_least(1000 * large::ARTICLE_BYTES);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| parse(black_box(&text), "1000x").unwrap());
}

#[divan::bench(args = [20, 40, 78])]
fn wrap_longest_paragraph(bencher: Bencher, width: usize) {
    let b = parse(BUNDLED, "bundled").unwrap();
    let dict = dictionary("de");
    let longest = b
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .max_by_key(|p| p.len())
        .unwrap()
        .clone();
    bencher.bench(|| wrap(black_box(&longest), width, dict.as_ref()));
}

/// Building the reader: pane docs, anchors, the first pane wrapped.
#[divan::bench(args = [1, 10, 140])]
fn app_new(bencher: Bencher, copies: usize) {
    let b = load(copies);
    bencher
        .with_inputs(|| b.clone())
        .bench_values(|b| app(b, PaneId::Overview, 80, 24));
}

const PANES: [&str; 6] = ["overview", "figures", "quotes", "actors", "text", "sources"];

/// One frame (layout and render into a buffer) of each pane at 80x24.
#[divan::bench(args = PANES)]
fn frame_80x24(bencher: Bencher, pane: &str) {
    frame(bencher, pane, 80, 24);
}

/// One frame of each pane at 200x60 (list and detail side by side).
#[divan::bench(args = PANES)]
fn frame_200x60(bencher: Bencher, pane: &str) {
    frame(bencher, pane, 200, 60);
}

fn frame(bencher: Bencher, pane: &str, w: u16, h: u16) {
    let index = PANES.iter().position(|p| *p == pane).unwrap_or(0);
    let a = app(load(1), PaneId::at(index), w, h);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        view::render(&a, area, &mut buf);
    });
}

/// One key and the frame after it, in the full text: the cost must follow
/// what is on screen, not the length of the document.
#[divan::bench(args = [1, 10, 140, 350])]
fn key_scroll_text(bencher: Bencher, copies: usize) {
    keys(bencher, copies, PaneId::Text, [Action::Down, Action::Up]);
}

/// One key and the frame after it in the actors pane (selection and detail).
#[divan::bench(args = [1, 10, 140, 350])]
fn key_select_actor(bencher: Bencher, copies: usize) {
    keys(bencher, copies, PaneId::Actors, [Action::Down, Action::Up]);
}

/// Paging in the full text.
#[divan::bench(args = [1, 10, 140, 350])]
fn key_page_text(bencher: Bencher, copies: usize) {
    keys(
        bencher,
        copies,
        PaneId::Text,
        [Action::PageDown, Action::PageUp],
    );
}

fn keys(bencher: Bencher, copies: usize, section: PaneId, pair: [Action; 2]) {
    let mut a = app(load(copies), section, 80, 24);
    a.update(Action::PageDown);
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    let mut n = 0usize;
    bencher.bench_local(|| {
        a.update(pair[n % 2]);
        n += 1;
        buf.reset();
        view::render(&a, area, &mut buf);
    });
}

/// The screen writer: the first frame (everything), then one line scrolled.
#[divan::bench]
fn screen_first_frame(bencher: Bencher) {
    let a = app(load(1), PaneId::Text, 80, 24);
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    view::render(&a, area, &mut buf);
    bencher.bench_local(|| {
        let mut screen = briefing::terminal::screen::Screen::new(Vec::with_capacity(8192), 80, 24);
        screen.draw(&buf).unwrap();
        screen
    });
}

/// The screen writer on a one-line scroll of the full text.
#[divan::bench]
fn screen_scroll_line(bencher: Bencher) {
    let mut a = app(load(10), PaneId::Text, 80, 24);
    let area = Rect::new(0, 0, 80, 24);
    let mut frames = [Buffer::empty(area), Buffer::empty(area)];
    view::render(&a, area, &mut frames[0]);
    a.update(Action::Down);
    view::render(&a, area, &mut frames[1]);
    let mut screen = briefing::terminal::screen::Screen::new(std::io::sink(), 80, 24);
    screen.draw(&frames[0]).unwrap();
    let mut n = 1;
    bencher.bench_local(|| {
        screen.draw(&frames[n % 2]).unwrap();
        n += 1;
    });
}
