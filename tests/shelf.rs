//! The library screen: its state driven by actions (filter, sort, unread,
//! opening a briefing, going back, searching all briefings and walking the
//! hits across them, read marks kept or not), and its rendering at several
//! sizes and languages, as snapshots.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use briefing::action::{Action, Flow};
use briefing::input::Input;
use briefing::keymap::Screen;
use briefing::keys::Key;
use briefing::labels::Lang;
use briefing::library::Dirs;
use briefing::shelf::{Shelf, ShelfOptions};
use briefing::terminal::event_loop::Ui;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod support;
use support::files::dated_library_at;
use support::screen_safety::frame_problem;

/// A copy of the fixture library with fixed file dates (snapshots show
/// them), and folders for the cache and the read marks.
struct Library {
    root: PathBuf,
}

impl Library {
    fn new(name: &str) -> Self {
        let root =
            std::env::temp_dir().join(format!("briefing-shelf-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let books = root.join("books");
        // Distinct dates, one day apart, in a fixed order.
        dated_library_at(&books);
        Self { root }
    }

    fn books(&self) -> PathBuf {
        self.root.join("books")
    }

    fn options(&self, lang: Option<Lang>, ascii: bool, keep_marks: bool) -> ShelfOptions {
        ShelfOptions {
            dir: self.books(),
            lang,
            ascii,
            colours: briefing::theme::Colours::NONE,
            keymap: briefing::keymap::Keymap::shared_default(),
            dirs: Dirs {
                cache: Some(self.root.join("cache")),
                state: Some(self.root.join("state")),
                config: None,
            },
            keep_marks,
            search_slots: None,
        }
    }

    /// A library screen with every row loaded.
    fn shelf(&self, lang: Option<Lang>, ascii: bool, w: u16, h: u16) -> Shelf {
        self.shelf_marking(lang, ascii, true, w, h)
    }

    fn shelf_marking(&self, lang: Option<Lang>, ascii: bool, marks: bool, w: u16, h: u16) -> Shelf {
        let mut loaded = Shelf::new(self.options(lang, ascii, marks), w, h);
        loaded.start(Arc::new(|| {}));
        let start = Instant::now();
        while loaded.progress().is_some() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the library did not load"
            );
            std::thread::sleep(Duration::from_millis(5));
            loaded.wake();
        }
        loaded
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn key(shelf: &mut Shelf, k: Key) -> Flow {
    shelf.input(Input::Key(k))
}

fn keys(shelf: &mut Shelf, text: &str) {
    for c in text.chars() {
        key(shelf, Key::Char(c));
    }
}

fn screen(shelf: &Shelf) -> String {
    let (w, h) = shelf.size();
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    shelf.render(area, &mut buf);
    assert_eq!(frame_problem(&buf), None);
    let width = usize::from(w).max(1);
    buf.content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Waits until the full-text search is done.
fn searched(shelf: &mut Shelf) {
    let start = Instant::now();
    while shelf.found().is_some_and(|f| f.job.is_some()) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the search did not end"
        );
        std::thread::sleep(Duration::from_millis(5));
        shelf.wake();
    }
}

#[test]
fn every_file_is_listed_newest_first_broken_ones_too() {
    let lib = Library::new("list");
    let shelf = lib.shelf(None, false, 80, 24);
    let titles: Vec<String> = shelf
        .list()
        .view()
        .iter()
        .map(|&i| shelf.list().row(i).unwrap().title().to_string())
        .collect();
    assert_eq!(titles.len(), 6, "{titles:?}");
    assert_eq!(
        titles[0],
        "Nordkorea und Russland intensivieren Beziehungen"
    );
    let shown = screen(&shelf);
    assert!(shown.contains("broken/syntax.toml:3:16:"), "{shown}");
    assert!(
        shown.contains("Bibliothek · 6 Briefings · 4 ungelesen"),
        "{shown}"
    );
}

#[test]
fn filter_sort_and_unread_only() {
    let lib = Library::new("filter");
    let mut shelf = lib.shelf(Some(Lang::En), false, 80, 24);
    key(&mut shelf, Key::Char('/'));
    keys(&mut shelf, "MUHLSEE");
    assert_eq!(
        shelf.list().view().len(),
        1,
        "accent- and case-insensitive, on topics"
    );
    key(&mut shelf, Key::Enter);
    assert_eq!(shelf.list().view().len(), 1, "the filter stays after Enter");
    assert!(screen(&shelf).contains("Filter «MUHLSEE»"));
    key(&mut shelf, Key::Esc);
    assert_eq!(shelf.list().view().len(), 6, "Esc clears it");
    key(&mut shelf, Key::Char('/'));
    keys(&mut shelf, "tanner");
    assert_eq!(shelf.list().view().len(), 1, "actor names are searched");
    key(&mut shelf, Key::Esc);
    key(&mut shelf, Key::Char('s'));
    let titles: Vec<String> = shelf
        .list()
        .view()
        .iter()
        .map(|&i| shelf.list().row(i).unwrap().title().to_string())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted, "by title");
    let selected = shelf.list().selected_row().unwrap().title().to_string();
    assert!(
        selected.starts_with("Gemeinderat"),
        "the selection stays on its row: {selected}"
    );
    key(&mut shelf, Key::Enter);
    key(&mut shelf, Key::Char('0'));
    key(&mut shelf, Key::Char('u'));
    assert_eq!(
        shelf.list().view().len(),
        5,
        "the one read is hidden, broken ones stay"
    );
}

#[test]
fn open_read_and_go_back_by_zero_or_backspace() {
    let lib = Library::new("open");
    let mut shelf = lib.shelf(None, false, 80, 24);
    assert_eq!(shelf.screen(), Screen::Library);
    key(&mut shelf, Key::Enter);
    assert_eq!(shelf.screen(), Screen::Hosted);
    let shown = screen(&shelf);
    assert!(
        shown.starts_with(" Bibliothek › nordkorea-russland.toml"),
        "{shown}"
    );
    assert!(
        shown.contains("0 Bibliothek"),
        "the way back is advertised:\n{shown}"
    );
    key(&mut shelf, Key::Char('5'));
    key(&mut shelf, Key::Char('0'));
    assert_eq!(shelf.screen(), Screen::Library);
    key(&mut shelf, Key::Enter);
    key(&mut shelf, Key::Char('3'));
    key(&mut shelf, Key::Enter); // quote → speaker: one place to go back to
    key(&mut shelf, Key::Backspace);
    assert_eq!(shelf.screen(), Screen::Hosted, "first back to the quote");
    key(&mut shelf, Key::Backspace);
    assert_eq!(shelf.screen(), Screen::Library, "then to the library");
    // A broken file says why instead of opening.
    key(&mut shelf, Key::Char('G'));
    key(&mut shelf, Key::Enter);
    assert_eq!(shelf.screen(), Screen::Library);
    assert!(
        screen(&shelf).contains("Kann nicht geöffnet werden"),
        "{}",
        screen(&shelf)
    );
}

#[test]
fn search_all_briefings_open_at_a_hit_and_walk_on() {
    let lib = Library::new("search");
    let mut shelf = lib.shelf(None, false, 100, 30);
    key(&mut shelf, Key::Char('F'));
    keys(&mut shelf, "und");
    key(&mut shelf, Key::Enter);
    searched(&mut shelf);
    assert_eq!(shelf.screen(), Screen::Results);
    let found = shelf.found().unwrap();
    let groups: Vec<usize> = found.results.groups.iter().map(|g| g.count).collect();
    assert!(groups.len() >= 2, "{groups:?}");
    let shown = screen(&shelf);
    assert!(shown.contains("Treffer in"), "{shown}");
    key(&mut shelf, Key::Enter);
    assert_eq!(shelf.screen(), Screen::Hosted);
    let first = shelf.reading().unwrap().shown.clone();
    // n past the last hit of this briefing goes to the next one.
    let count = groups[0];
    for _ in 0..count {
        key(&mut shelf, Key::Char('n'));
    }
    let second = shelf.reading().unwrap().shown.clone();
    assert_ne!(first, second, "n went on to the next briefing");
    assert_eq!(
        shelf.reading().unwrap().app.search().position().unwrap().0,
        1
    );
    key(&mut shelf, Key::Char('N'));
    assert_eq!(shelf.reading().unwrap().shown, first, "N comes back");
    key(&mut shelf, Key::Char('0'));
    assert_eq!(shelf.screen(), Screen::Results);
    key(&mut shelf, Key::Esc);
    assert_eq!(shelf.screen(), Screen::Library);
}

#[test]
fn read_marks_survive_a_restart_unless_served() {
    let lib = Library::new("marks");
    let mut shelf = lib.shelf(None, false, 80, 24);
    assert_eq!(shelf.list().unread_count(), 4);
    key(&mut shelf, Key::Enter);
    drop(shelf);
    let again = lib.shelf(None, false, 80, 24);
    assert_eq!(again.list().unread_count(), 3, "the mark was kept");
    let mut served = lib.shelf_marking(None, false, false, 80, 24);
    key(&mut served, Key::Char('j'));
    key(&mut served, Key::Enter);
    assert_eq!(
        served.list().unread_count(),
        3,
        "marked for this session (served ones read no marks)"
    );
    drop(served);
    assert_eq!(
        lib.shelf(None, false, 80, 24).list().unread_count(),
        3,
        "but not written"
    );
}

#[test]
fn snapshots_at_three_sizes_in_german_english_and_ascii() {
    let lib = Library::new("snapshots");
    for (name, lang, ascii, w, h) in [
        ("de_80x24", None, false, 80, 24),
        ("de_40x12", None, false, 40, 12),
        ("de_200x60", None, false, 200, 60),
        ("en_80x24", Some(Lang::En), false, 80, 24),
        ("ascii_80x24", None, true, 80, 24),
    ] {
        let mut shelf = lib.shelf(lang, ascii, w, h);
        // The library's folder (right of the title bar) is a temporary one:
        // left out, so the snapshots are the same on every machine.
        let shown = |shelf: &Shelf| {
            let text = screen(shelf);
            let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
            let title = first
                .rsplit_once("  ")
                .map_or(first, |(left, _)| left)
                .trim_end();
            format!("{title}\n{rest}")
        };
        insta::assert_snapshot!(format!("library_{name}"), shown(&shelf));
        if name == "ascii_80x24" {
            assert!(screen(&shelf).is_ascii());
        }
        key(&mut shelf, Key::Char('?'));
        if name == "de_80x24" {
            insta::assert_snapshot!("library_help_de_80x24", shown(&shelf));
        }
    }
}

#[test]
fn every_size_from_nothing_up_renders_and_every_key_works() {
    let lib = Library::new("sizes");
    let mut shelf = lib.shelf(None, false, 80, 24);
    for w in 0..=50 {
        for h in 0..=14 {
            shelf.resize(w, h);
            screen(&shelf);
        }
    }
    for (w, h) in [(65_535, 65_535), (120, 3), (3, 120)] {
        shelf.resize(w, h);
        screen(&shelf);
    }
    shelf.resize(80, 24);
    for k in [
        Key::Char('j'),
        Key::Char('k'),
        Key::Char(' '),
        Key::Char('b'),
        Key::Ctrl('d'),
        Key::Ctrl('u'),
        Key::Char('G'),
        Key::Char('g'),
        Key::Char('s'),
        Key::Char('u'),
        Key::Char('u'),
        Key::Char('?'),
        Key::Esc,
        Key::Char('/'),
        Key::Char('x'),
        Key::Backspace,
        Key::Esc,
    ] {
        assert_eq!(key(&mut shelf, k), Flow::Continue, "{k:?}");
        screen(&shelf);
    }
    assert_eq!(shelf.update(Action::Quit), Flow::Quit);
}
