//! Worst cases, step by step: for every generated worst-case briefing
//! (`benches/support/worst.rs`), the time of loading it, of the plain view,
//! of the reader's first frame and of every key with the frame after it, at
//! 80x24, 200x60 and 40x12 (hyphenated). The budget is 2 s per step.
//!
//! Run: `cargo bench --bench worst` (all cases), or with
//! `WORST_CASES=quotes-a,word-2mib` for some. `WORST_DIR=/tmp/worst cargo
//! bench --bench worst` writes the cases as files instead (valid ones and the
//! invalid ones), for `/usr/bin/time -v briefing --check FILE`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

#[path = "support/worst.rs"]
mod worst;

use std::sync::Arc;
use std::time::{Duration, Instant};

use briefing::action::Action;
use briefing::app::{App, Options};
use briefing::briefing::{Briefing, parse};
use briefing::content::Content;
use briefing::labels::Lang;
use briefing::plain;
use briefing::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What one case cost: the slowest step and every step over 100 ms.
struct Report {
    steps: Vec<(String, Duration)>,
}

impl Report {
    fn time<T>(&mut self, what: impl Into<String>, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.steps.push((what.into(), start.elapsed()));
        out
    }
}

fn main() {
    if let Some(dir) = std::env::var_os("WORST_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for case in worst::valid() {
            write(&dir, case.name, &case.text);
        }
        for (name, text) in worst::invalid() {
            write(&dir, name, &text);
        }
        return;
    }
    let only = std::env::var("WORST_CASES").ok();
    let wanted = |name: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|n| n == name))
    };
    println!("| case | bytes | slowest step | time | steps over 100 ms |");
    println!("|---|---|---|---|---|");
    for (name, make) in worst::valid_makers() {
        if !wanted(name) {
            continue;
        }
        let case = make();
        let report = measure(&case);
        let (slowest, time) = report
            .steps
            .iter()
            .max_by_key(|(_, t)| *t)
            .cloned()
            .unwrap_or_default();
        let slow: Vec<String> = report
            .steps
            .iter()
            .filter(|(_, t)| *t > Duration::from_millis(100))
            .map(|(s, t)| format!("{s} {}", ms(*t)))
            .collect();
        println!(
            "| {} | {} | {slowest} | {} | {} |",
            case.name,
            case.text.len(),
            ms(time),
            slow.join(", ")
        );
    }
    if only.is_some() {
        return;
    }
    for (name, text) in worst::invalid() {
        let start = Instant::now();
        let result = parse(&text, name);
        let problems = match &result {
            Err(briefing::briefing::LoadError::Invalid { problems, .. }) => problems.len(),
            _ => 0,
        };
        println!(
            "| {name} (refused, {problems} problems kept) | {} | parse | {} | |",
            text.len(),
            ms(start.elapsed())
        );
    }
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    println!("{} {}", path.display(), text.len());
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn measure(case: &worst::Case) -> Report {
    let mut r = Report { steps: Vec::new() };
    let b = r.time("load", || parse(&case.text, case.name).unwrap());
    for width in [80, 20] {
        r.time(format!("plain {width}"), || {
            let content = Content::new(Arc::new(b.clone()), Lang::De, false);
            plain::render(&content, width).len()
        });
    }
    for (w, h) in [(80, 24), (200, 60), (40, 12)] {
        reader(&mut r, &b, case.search, w, h);
    }
    r
}

/// The reader at `w` x `h`: first frame, then every pane with `j`, `G` and
/// Enter, then a search for `letter` and `n`.
fn reader(r: &mut Report, b: &Briefing, letter: char, w: u16, h: u16) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    let options = Options {
        colours: briefing::theme::Colours {
            theme: briefing::theme::ThemeName::Dark,
            level: briefing::theme::ColourLevel::Ansi16,
        },
        ..Options::default()
    };
    let size = format!("{w}x{h}");
    let mut app = r.time(format!("{size} first frame"), || {
        let content = Arc::new(Content::new(Arc::new(b.clone()), Lang::De, false));
        let app = App::new(content, options, w, h);
        view::render(&app, area, &mut buf);
        app
    });
    let mut key = |r: &mut Report, name: String, action: Action| {
        r.time(format!("{size} {name}"), || {
            app.update(action);
            buf.reset();
            view::render(&app, area, &mut buf);
        });
    };
    for pane in 0..6 {
        let n = pane + 1;
        key(r, format!("{n}"), Action::GoTo(pane));
        key(r, format!("{n} j"), Action::Down);
        key(r, format!("{n} G"), Action::Bottom);
        key(r, format!("{n} Enter"), Action::Follow);
        key(r, format!("{n} Backspace"), Action::Back);
    }
    key(r, "/".into(), Action::SearchStart);
    key(r, format!("/{letter}"), Action::SearchInput(letter));
    key(r, format!("/{letter} Enter"), Action::SearchSubmit);
    for _ in 0..3 {
        key(r, "n".into(), Action::SearchNext);
    }
    key(r, "N".into(), Action::SearchPrev);
    key(r, "4 after search".into(), Action::GoTo(3));
    key(r, "4 j after search".into(), Action::Down);
}
