//! The library core on a fixture library (`tests/fixtures/library/`): the
//! walk, rows and broken rows, sort, filter, unread, read marks across a
//! restart, the row cache, search across all briefings, and the `list` and
//! `search` outputs with their exit codes.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use briefing::library::index::Presentation;
use briefing::library::script::{list_with, search_with};
use briefing::library::{
    Dirs, ListState, LoadEvent, LoadOptions, Loader, ReadMarks, Row, SearchEvent, SearchFile,
    SearchJob, SearchOptions, SearchResults, SortBy,
};
use briefing::pane::PaneId;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");

/// A fresh copy of the fixture library with known dates, a symlinked
/// folder out of it, a symlinked folder inside it and a FIFO; plus empty
/// cache and state folders.
struct Setup {
    root: PathBuf,
    lib: PathBuf,
    dirs: Dirs,
}

impl Setup {
    fn new(name: &str) -> Self {
        let root = std::env::temp_dir().join(format!("briefing-lib-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let lib = root.join("lib");
        copy_dir(Path::new(FIXTURE), &lib);
        let dates = [
            ("de/gemeinderat-brunnwil.toml", 3),
            ("en/harbour-lanterns.toml", 2),
            ("nested/deeper/bibliothek-nachtlesen.toml", 1),
            ("broken/unknown-speaker.toml", 5),
            ("broken/syntax.toml", 4),
        ];
        for (file, days) in dates {
            set_days(&lib.join(file), days);
        }
        let outside = root.join("outside");
        fs::create_dir_all(&outside).unwrap();
        fs::copy(
            lib.join("en/harbour-lanterns.toml"),
            outside.join("elsewhere.toml"),
        )
        .unwrap();
        std::os::unix::fs::symlink(&outside, lib.join("linked-out")).unwrap();
        std::os::unix::fs::symlink(lib.join("de"), lib.join("linked-in")).unwrap();
        let _ = std::process::Command::new("mkfifo")
            .arg(lib.join("pipe.toml"))
            .status();
        let dirs = Dirs {
            cache: Some(root.join("cache/briefing")),
            state: Some(root.join("state/briefing")),
            config: None,
        };
        Self { root, lib, dirs }
    }

    fn options(&self) -> LoadOptions {
        LoadOptions {
            cache_dir: self.dirs.cache.clone(),
            ..LoadOptions::default()
        }
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Sets a file's modification time to `days` days after 2024-06-01.
fn set_days(path: &Path, days: u64) {
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_717_200_000 + days * 86_400);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// Loads to the end: the events' summary and the rows.
struct Loaded {
    cached: usize,
    total: usize,
    cache_written: bool,
    rows: Vec<Row>,
}

fn load(dir: &Path, options: LoadOptions) -> Loaded {
    let loader = Loader::start(dir, options);
    let mut out = Loaded {
        cached: 0,
        total: 0,
        cache_written: false,
        rows: Vec::new(),
    };
    while let Some(event) = loader.recv_timeout(Duration::from_secs(20)) {
        match event {
            LoadEvent::Scanned { total, cached, .. } => (out.total, out.cached) = (total, cached),
            LoadEvent::Rows { rows, done, total } => {
                out.rows.extend(rows);
                assert_eq!(done, out.rows.len());
                assert!(done <= total);
            }
            LoadEvent::Done { cache_written } => {
                out.cache_written = cache_written;
                out.rows.sort_by(|a, b| a.rel.cmp(&b.rel));
                return out;
            }
            LoadEvent::Failed(m) => panic!("{m}"),
        }
    }
    panic!("the loader did not finish");
}

fn rels(rows: &[Row]) -> Vec<String> {
    rows.iter().map(|r| r.shown.clone()).collect()
}

#[test]
fn every_briefing_is_a_row_and_broken_ones_say_why() {
    let s = Setup::new("rows");
    let l = load(&s.lib, LoadOptions::default());
    assert_eq!(
        rels(&l.rows),
        [
            "broken/syntax.toml",
            "broken/unknown-speaker.toml",
            "de/gemeinderat-brunnwil.toml",
            "en/harbour-lanterns.toml",
            "nested/deeper/bibliothek-nachtlesen.toml",
        ]
    );
    assert_eq!(l.total, 5);
    let de = &l.rows[2];
    let summary = de.summary().unwrap();
    assert_eq!(summary.lang, "de");
    assert_eq!(
        summary.title,
        "Gemeinderat Brunnwil beschliesst neue Fähre über den Mühlsee"
    );
    assert_eq!((summary.quotes, summary.figures, summary.actors), (1, 1, 3));
    assert_eq!(summary.topics, ["Verkehr", "Mühlsee", "Gemeindefinanzen"]);
    assert!(de.hash.is_some());
    assert_eq!(de.modified.civil().date(), "2024-06-04");
    let speaker = l.rows[1]
        .problem_line("broken/unknown-speaker.toml")
        .unwrap();
    assert_eq!(
        speaker,
        "broken/unknown-speaker.toml:8:11: `speaker` refers to unknown actor `nobody`"
    );
    let syntax = l.rows[0].problem_line("x").unwrap();
    assert!(syntax.starts_with("x:3:16: "), "{syntax}");
}

#[test]
fn sort_filter_and_unread_work_on_loaded_rows() {
    let s = Setup::new("list");
    let l = load(&s.lib, LoadOptions::default());
    let mut marks = ReadMarks::open(s.dirs.state.as_deref().unwrap());
    let mut list = ListState::new(SortBy::Date);
    list.push(l.rows, &marks);
    let shown = |list: &ListState| -> Vec<String> {
        list.view()
            .iter()
            .map(|&i| list.row(i).unwrap().title().to_string())
            .collect()
    };
    assert_eq!(
        shown(&list),
        [
            "broken/unknown-speaker.toml",
            "broken/syntax.toml",
            "Gemeinderat Brunnwil beschliesst neue Fähre über den Mühlsee",
            "Port Alder lights its harbour with paper lanterns",
            "Stadtbibliothek Lindenau öffnet nachts",
        ]
    );
    list.toggle_sort();
    assert_eq!(shown(&list)[0], "broken/syntax.toml");
    assert_eq!(
        shown(&list)[2],
        "Gemeinderat Brunnwil beschliesst neue Fähre über den Mühlsee"
    );
    // Title, topics and actor names; case and accents do not matter; the
    // full text is not looked at (the English briefing names Brunnwil there).
    list.set_filter("BRUNNWIL");
    assert_eq!(shown(&list).len(), 1);
    list.set_filter("muhlsee");
    assert_eq!(shown(&list).len(), 1);
    list.set_filter("ida marsh");
    assert_eq!(
        shown(&list),
        ["Port Alder lights its harbour with paper lanterns"]
    );
    list.set_filter("");
    assert_eq!(list.view().len(), 5);

    // Read marks survive a restart and hide rows under `u`.
    list.select(2);
    let hash = list.selected_row().unwrap().hash.unwrap();
    marks.mark_read(hash);
    list.set_read(&hash);
    let restarted = ReadMarks::open(s.dirs.state.as_deref().unwrap());
    assert!(restarted.is_read(&hash));
    let mut again = ListState::new(SortBy::Date);
    again.push(list.rows().to_vec(), &restarted);
    // Broken files are not briefings to read: two readable ones are unread.
    assert_eq!(again.unread_count(), 2);
    again.toggle_unread();
    assert_eq!(again.view().len(), 4);
    assert!(
        again
            .view()
            .iter()
            .all(|&i| again.row(i).unwrap().hash != Some(hash))
    );
}

#[test]
fn in_memory_marks_write_nothing() {
    let s = Setup::new("memory");
    let l = load(&s.lib, LoadOptions::default());
    let mut marks = ReadMarks::in_memory();
    marks.mark_read(l.rows[2].hash.unwrap());
    assert!(marks.is_read(&l.rows[2].hash.unwrap()));
    assert!(!s.root.join("state").exists());
}

#[test]
fn the_cache_is_used_when_warm_refreshed_when_stale_and_ignored_when_corrupt() {
    let s = Setup::new("cache");
    let cold = load(&s.lib, s.options());
    assert_eq!((cold.cached, cold.cache_written), (0, true));
    let warm = load(&s.lib, s.options());
    assert_eq!((warm.cached, warm.cache_written), (5, false));
    assert_eq!(warm.rows, cold.rows);

    set_days(&s.lib.join("en/harbour-lanterns.toml"), 9);
    let stale = load(&s.lib, s.options());
    assert_eq!((stale.cached, stale.cache_written), (4, true));
    assert_eq!(stale.rows[3].modified.civil().date(), "2024-06-10");

    let cache_dir = s.dirs.cache.clone().unwrap();
    let files: Vec<_> = fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    fs::write(&files[0], b"briefing row cache\n\x01\x00\x00\x00garbage").unwrap();
    let corrupt = load(&s.lib, s.options());
    assert_eq!((corrupt.cached, corrupt.cache_written), (0, true));
    assert_eq!(rels(&corrupt.rows), rels(&cold.rows));

    let nowhere = LoadOptions {
        cache_dir: Some(PathBuf::from("/proc/briefing-cache")),
        ..LoadOptions::default()
    };
    let unwritable = load(&s.lib, nowhere);
    assert_eq!((unwritable.total, unwritable.cache_written), (5, false));
}

#[test]
fn a_missing_folder_fails_in_one_line() {
    let loader = Loader::start(Path::new("/nonexistent/briefings"), LoadOptions::default());
    match loader.recv_timeout(Duration::from_secs(10)) {
        Some(LoadEvent::Failed(m)) => {
            assert!(
                m.starts_with("/nonexistent/briefings: cannot read the folder"),
                "{m}"
            );
            assert!(!m.contains('\n'));
        }
        other => panic!("{other:?}"),
    }
}

fn search(s: &Setup, rows: &[Row], query: &str) -> SearchResults {
    let files: Vec<_> = rows
        .iter()
        .filter_map(|r| SearchFile::from_row(&s.lib, r))
        .collect();
    let options = SearchOptions {
        cache_dir: s.dirs.cache.clone(),
        presentation: Presentation::default(),
        ..SearchOptions::default()
    };
    let job = SearchJob::start(files, query, options);
    let mut results = SearchResults::default();
    while let Some(event) = job.recv_timeout(Duration::from_secs(20)) {
        let done = matches!(event, SearchEvent::Done { .. });
        results.apply(event);
        if done {
            return results;
        }
    }
    panic!("the search did not finish");
}

#[test]
fn search_finds_the_readers_hits_in_every_briefing() {
    let s = Setup::new("search");
    let l = load(&s.lib, s.options());
    for round in 0..2 {
        // The second round reads the indexes cached by the first.
        let r = search(&s, &l.rows, "fahre");
        assert!(r.done && !r.capped);
        let paths: Vec<_> = r.groups.iter().map(|g| g.shown.as_str()).collect();
        assert_eq!(
            paths,
            [
                "de/gemeinderat-brunnwil.toml",
                "nested/deeper/bibliothek-nachtlesen.toml"
            ],
            "round {round}"
        );
        let de = &r.groups[0];
        assert_eq!(de.count, de.hits.len());
        assert!(de.hits.iter().enumerate().all(|(i, h)| h.ordinal == i));
        let first = &de.hits[0];
        assert_eq!((first.pane, first.line), (PaneId::Overview, 4));
        let text = fs::read_to_string(s.lib.join("de/gemeinderat-brunnwil.toml")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for h in &de.hits {
            let line = lines[h.line as usize - 1];
            assert!(line.contains("Fähre"), "{h:?} on {line:?}");
            assert_eq!(&h.snippet[h.snippet_hit.clone()], "Fähre");
        }
        // A multi-line string: its text starts on the line after `"""`.
        assert!(
            de.hits
                .iter()
                .any(|h| h.pane == PaneId::Text && h.line == 55)
        );
    }
    assert!(
        s.root
            .join("cache/briefing/search")
            .read_dir()
            .unwrap()
            .count()
            >= 3
    );
    let second = search(&s, &l.rows, "gegner");
    assert_eq!(second.groups[0].hits[0].line, 56);
    let none = search(&s, &l.rows, "zzqx");
    assert!(none.groups.is_empty() && none.count == 0 && none.done);
}

#[test]
fn search_caps_are_kept_and_said() {
    let s = Setup::new("caps");
    let l = load(&s.lib, LoadOptions::default());
    let files: Vec<_> = l
        .rows
        .iter()
        .filter_map(|r| SearchFile::from_row(&s.lib, r))
        .collect();
    let options = SearchOptions {
        max_hits_per_briefing: 2,
        max_hits: 3,
        threads: 1,
        ..SearchOptions::default()
    };
    let job = SearchJob::start(files, "e", options);
    let mut results = SearchResults::default();
    while let Some(event) = job.recv() {
        results.apply(event);
    }
    assert!(results.done && results.capped);
    assert_eq!(results.detailed(), 3);
    assert!(results.groups.iter().all(|g| g.hits.len() <= 2));
}

fn run(f: impl FnOnce(&mut Vec<u8>, &mut Vec<u8>) -> u8) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = f(&mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn list_prints_one_line_per_briefing_with_read_marks() {
    let s = Setup::new("script-list");
    let dir = s.lib.to_str().unwrap().to_string();
    let (code, out, err) = run(|o, e| list_with(&s.lib, false, &s.dirs, o, e));
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[2],
        format!(
            "{dir}/de/gemeinderat-brunnwil.toml\tde\tGemeinderat Brunnwil beschliesst neue Fähre über den Mühlsee\t2024-06-04\tunread"
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "{dir}/broken/unknown-speaker.toml\t-\t{dir}/broken/unknown-speaker.toml:8:11: `speaker` refers to unknown actor `nobody`\t2024-06-06\tbroken"
        )
    );
    let hash = load(&s.lib, LoadOptions::default()).rows[2].hash.unwrap();
    ReadMarks::open(s.dirs.state.as_deref().unwrap()).mark_read(hash);
    let (_, out, _) = run(|o, e| list_with(&s.lib, false, &s.dirs, o, e));
    assert!(out.lines().nth(2).unwrap().ends_with("\tread"));

    let (code, json, _) = run(|o, e| list_with(&s.lib, true, &s.dirs, o, e));
    assert_eq!(code, 0);
    assert!(
        json.starts_with("[\n{\"path\":") && json.ends_with("}\n]\n"),
        "{json}"
    );
    assert_eq!(json.matches("\"path\":").count(), 5);
    assert!(json.contains("\"title\":\"Port Alder lights its harbour with paper lanterns\""));
    assert!(json.contains("\"read\":true"));
    assert!(json.contains("\"problem\":\"") && json.contains("\"modified\":\"2024-06-04T"));

    let (code, out, err) =
        run(|o, e| list_with(Path::new("/nonexistent/lib"), false, &s.dirs, o, e));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn search_prints_path_pane_line_snippet_with_greps_exit_codes() {
    let s = Setup::new("script-search");
    let dir = s.lib.to_str().unwrap().to_string();
    let (code, out, err) = run(|o, e| search_with(&s.lib, "Mühlsee", false, &s.dirs, o, e));
    assert_eq!((code, err.as_str()), (0, ""));
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{dir}/de/gemeinderat-brunnwil.toml:overview:4: …schliesst neue Fähre über den Mühlsee"
        )
    );
    assert!(
        out.lines()
            .all(|l| l.starts_with(&format!("{dir}/de/gemeinderat-brunnwil.toml:")))
    );
    assert!(
        out.contains(":overview:10: Verkehr · Mühlsee · Gemeindefinanzen\n"),
        "{out}"
    );
    assert!(
        out.contains(":quotes:47: «Der Mühlsee verbindet uns"),
        "{out}"
    );
    assert!(out.contains(":text:55: "), "{out}");

    let (code, json, _) = run(|o, e| search_with(&s.lib, "Mühlsee", true, &s.dirs, o, e));
    assert_eq!(code, 0);
    assert!(
        json.starts_with("{\"query\":\"Mühlsee\",\"count\":"),
        "{json}"
    );
    assert!(json.contains("\"pane\":\"text\""));

    let (code, out, _) = run(|o, e| search_with(&s.lib, "zzqx", false, &s.dirs, o, e));
    assert_eq!((code, out.as_str()), (1, ""));
    let (code, _, err) = run(|o, e| search_with(&s.lib, "  ", false, &s.dirs, o, e));
    assert_eq!(code, 2);
    assert!(err.contains("empty"));
    let (code, _, _) =
        run(|o, e| search_with(Path::new("/nonexistent/lib"), "x", false, &s.dirs, o, e));
    assert_eq!(code, 2);
}

/// A pipe whose reader has gone.
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let s = Setup::new("pipe");
    let mut err = Vec::new();
    assert_eq!(list_with(&s.lib, false, &s.dirs, &mut Closed, &mut err), 0);
    assert_eq!(
        search_with(&s.lib, "Fähre", false, &s.dirs, &mut Closed, &mut err),
        0
    );
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
}
