//! The fuzzers' seed corpus and findings, replayed on every test run: the
//! fuzz targets themselves need a nightly-only toolchain, these checks do
//! not. Briefing inputs (a NUL byte ends the briefing; the fuzzers put
//! their controls after it) go through parsing, the reader at several sizes
//! with every kind of key, and the plain view at several widths; terminal
//! input goes through the input parser in every split.

// A panic in a test is a failing test, not a crash.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use briefing::action::Action;
use briefing::briefing::parse;
use briefing::content::Content;
use briefing::input::Parser;
use briefing::labels::Lang;
use briefing::plain;
use unicode_width::UnicodeWidthStr;

mod support;
use support::screen_safety::{harmful, walk_problem};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

const KEYS: [Action; 14] = [
    Action::Down,
    Action::PageDown,
    Action::Bottom,
    Action::Follow,
    Action::Back,
    Action::NextSection,
    Action::SearchStart,
    Action::SearchInput('e'),
    Action::SearchSubmit,
    Action::SearchNext,
    Action::Help,
    Action::HalfUp,
    Action::Escape,
    Action::Top,
];

fn replay_briefing(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let text = bytes.split(|b| *b == 0).next().unwrap_or_default();
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let briefing = match parse(text, "corpus") {
        Ok(b) => b,
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
            assert!(
                !message.chars().any(|c| c != '\n' && harmful(c)),
                "{}: {message:?}",
                path.display()
            );
            return;
        }
    };
    let briefing = Arc::new(briefing);
    for lang in [Lang::De, Lang::En] {
        let content = Content::new(Arc::clone(&briefing), lang, false);
        for width in [1u16, 2, 8, 20, 80] {
            let out = plain::render(&content, width);
            for line in out.lines() {
                assert!(
                    line.width() <= usize::from(width).max(2),
                    "{}: {line:?} wider than {width}",
                    path.display()
                );
                assert!(!line.chars().any(harmful), "{}: {line:?}", path.display());
            }
        }
    }
    let sizes = [(1, 1), (9, 4), (20, 5), (40, 12), (80, 24), (150, 40)];
    if let Some(problem) = walk_problem(&briefing, &sizes, &KEYS) {
        panic!("{}: {problem}", path.display());
    }
}

#[test]
fn seed_briefings_and_findings_replay_cleanly() {
    let mut seen = 0;
    for path in files("seeds/load").into_iter().chain(files("findings")) {
        replay_briefing(&path);
        seen += 1;
    }
    assert!(seen >= 10, "the corpus went missing: {seen} files");
}

#[test]
fn seed_terminal_input_parses_in_every_split() {
    for path in files("seeds/input") {
        let bytes = std::fs::read(&path).unwrap();
        for split in 1..bytes.len().max(2) {
            let mut parser = Parser::default();
            let mut out = Vec::new();
            for chunk in bytes.chunks(split) {
                parser.feed(chunk, &mut out);
            }
            parser.flush(&mut out);
            assert!(!parser.has_pending(), "{}", path.display());
        }
    }
}
