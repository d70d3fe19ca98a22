//! Hostile briefings: every one either loads and renders safely (nothing
//! harmful reaches the terminal, the layout holds, wide characters are not
//! cut) or is refused with `PATH:LINE:COLUMN: message` and exit 2. Never a
//! panic, a hang or unbounded memory. Each goes through `--check`,
//! `--plain` and the rendered reader at several sizes.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::action::Action;
use briefing::app::App;
use briefing::briefing::{MAX_FILE_BYTES, load_file};
use briefing::pane::PaneId;
use unicode_width::UnicodeWidthStr;

mod support;
#[path = "../benches/support/worst.rs"]
mod worst;
use support::app::Open;
use support::screen_safety::{harmful, render_problem, walk_problem};

enum Expect {
    /// Loads, prints and renders cleanly.
    Loads,
    /// Refused with exit 2; stderr holds each of these.
    Refused(&'static [&'static str]),
}

const CASES: &[(&str, Expect)] = &[
    ("escapes-everywhere.toml", Expect::Loads),
    ("bidi.toml", Expect::Loads),
    ("zero-width-and-combining.toml", Expect::Loads),
    ("wide-characters.toml", Expect::Loads),
    ("tabs-and-crlf.toml", Expect::Loads),
    ("bom.toml", Expect::Loads),
    ("nul-escapes.toml", Expect::Loads),
    ("reference-cycles.toml", Expect::Loads),
    ("long-words.toml", Expect::Loads),
    ("line-separators.toml", Expect::Loads),
    // Names, aliases, quotes and excerpts that repeat and nest (issue 9).
    ("identical-patterns.toml", Expect::Loads),
    ("nested-patterns.toml", Expect::Loads),
    (
        "syntax-errors-past-the-cap.toml",
        Expect::Refused(&[
            ":1:1: unquoted keys cannot be empty",
            ":25:2: string values must be quoted",
            ": at least 150 more problems not shown (reading stopped after 200)",
        ]),
    ),
    (
        "array-over-the-limit.toml",
        Expect::Refused(&[":4:10: too many entries in `topics` (50001; the limit is 50000)"]),
    ),
    (
        "std-tables.toml",
        Expect::Refused(&[":4:2: unknown field `t0`", ":62:2: unknown field `t29`"]),
    ),
    (
        "nul-byte.toml",
        Expect::Refused(&[":3:18: invalid basic string"]),
    ),
    (
        "invalid-utf8.toml",
        Expect::Refused(&[":3:10: not valid UTF-8"]),
    ),
    (
        "empty.toml",
        Expect::Refused(&[":1:1: missing `schema`", ":1:1: missing `title`"]),
    ),
    (
        "only-comments.toml",
        Expect::Refused(&[":1:1: missing `lang`"]),
    ),
    (
        "deep-nesting.toml",
        Expect::Refused(&[":4:85: cannot recurse further", ":5:1: unknown field `y`"]),
    ),
    (
        "duplicate-ids.toml",
        Expect::Refused(&[":11:6: duplicate actor id `a` (first defined on line 6)"]),
    ),
    (
        "self-reference.toml",
        Expect::Refused(&[":12:6: a relation needs two different actors"]),
    ),
    (
        "numbers-out-of-range.toml",
        Expect::Refused(&[":9:10: `number` must be a finite", ":21:10: `number`"]),
    ),
    (
        "schema-out-of-range.toml",
        Expect::Refused(&[":1:10: invalid type: integer"]),
    ),
    (
        "wrong-types.toml",
        Expect::Refused(&[
            ":3:9: invalid type",
            ":4:10: `actors` must be a list",
            ":5:13: each entry",
        ]),
    ),
    (
        "hostile-keys.toml",
        Expect::Refused(&[":4:1: unknown field `␛`", ":5:1: unknown field `yek`"]),
    ),
    (
        "blank-required.toml",
        Expect::Refused(&[
            ":3:9: `title` must not be empty",
            ":7:8: `name` must not be empty",
        ]),
    ),
    (
        "bad-ids.toml",
        Expect::Refused(&[
            ":6:6: actor id `xxxx",
            "…` must be 1 to 64",
            ":11:6: actor id `Bad Id!`",
        ]),
    ),
    (
        "many-bad-keys.toml",
        Expect::Refused(&[
            ":4:1: unknown field `k0`",
            ":5:1: unknown field `k1`",
            ":53:1: unknown field `k49`",
            "at least 150 more problems not shown (reading stopped after 200)",
        ]),
    ),
];

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/adversarial")
        .join(name)
}

fn briefing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| harmful(*c)) {
        panic!("{what}: {c:?} in output");
    }
}

fn check_refused(path: &Path, wants: &[&str]) {
    let shown = path.display().to_string();
    for args in [vec!["--check", &shown], vec!["--plain", &shown]] {
        let out = briefing(&args);
        assert_eq!(out.status.code(), Some(2), "{shown} {args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_clean(&shown, &err);
        for line in err.lines() {
            let rest = line
                .strip_prefix(&shown)
                .unwrap_or_else(|| panic!("{line:?} does not name the file"));
            let mut parts = rest.splitn(4, ':');
            let (_, l, c) = (parts.next(), parts.next(), parts.next());
            let numbered = l.is_some_and(|l| l.parse::<usize>().is_ok())
                && c.is_some_and(|c| c.parse::<usize>().is_ok());
            assert!(
                numbered || rest.starts_with(": "),
                "{line:?} is not PATH:LINE:COLUMN: message"
            );
        }
        for want in wants {
            assert!(err.contains(want), "{shown}: no {want:?} in\n{err}");
        }
        assert!(out.stdout.is_empty());
    }
}

fn check_loads(path: &Path, sizes: &[(u16, u16)]) {
    let shown = path.display().to_string();
    let out = briefing(&["--check", &shown]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{shown}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for width in [20usize, 80] {
        let out = briefing(&["--plain", "--width", &width.to_string(), &shown]);
        assert_eq!(out.status.code(), Some(0), "{shown}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_clean(&shown, &text);
        for line in text.lines() {
            assert!(line.width() <= width, "{shown}: line wider than {width}");
        }
    }
    let briefing = load_file(path).unwrap();
    let keys = [
        Action::Down,
        Action::PageDown,
        Action::Follow,
        Action::Back,
        Action::Bottom,
        Action::SearchStart,
        Action::SearchInput('a'),
        Action::SearchSubmit,
        Action::SearchNext,
        Action::Help,
        Action::Bottom,
        Action::Escape,
        Action::Top,
    ];
    if let Some(problem) = walk_problem(&briefing, sizes, &keys) {
        panic!("{shown}: {problem}");
    }
}

/// Renders and checks every cell: nothing harmful, no wide character cut.
fn render_clean(app: &App, w: u16, h: u16, what: &str) {
    if let Some(problem) = render_problem(app, w, h) {
        panic!("{what}: {problem}");
    }
}

const SIZES: [(u16, u16); 7] = [
    (1, 1),
    (2, 3),
    (16, 4),
    (20, 5),
    (40, 12),
    (80, 24),
    (200, 60),
];

#[test]
fn the_committed_corpus() {
    for (name, expect) in CASES {
        let path = corpus(name);
        match expect {
            Expect::Loads => check_loads(&path, &SIZES),
            Expect::Refused(wants) => check_refused(&path, wants),
        }
    }
}

#[test]
fn every_corpus_file_has_an_expected_outcome() {
    for entry in std::fs::read_dir(corpus("")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            CASES.iter().any(|(n, _)| *n == name),
            "{name} has no expected outcome"
        );
    }
}

fn generated(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const HEAD: &str = "schema = 1\nlang = \"de\"\ntitle = \"gross\"\n";

#[test]
fn a_one_mebibyte_line_loads_and_renders() {
    let words = "Wort ".repeat(1 << 18);
    let path = generated(
        "one-mebibyte-line.toml",
        &format!("{HEAD}\n[[sections]]\nparagraphs = [\"{words}\"]\n"),
    );
    assert!(std::fs::metadata(&path).unwrap().len() > 1 << 20);
    check_loads(&path, &[(80, 24), (20, 5)]);
    let word = "ü".repeat(1 << 19);
    let path = generated(
        "one-mebibyte-word.toml",
        &format!("{HEAD}lede = \"{word}\"\n"),
    );
    check_loads(&path, &[(80, 24), (1, 1)]);
}

#[test]
fn a_hundred_thousand_summary_points_are_refused() {
    let points: Vec<String> = (0..100_000).map(|i| format!("\"Punkt {i}\"")).collect();
    let path = generated(
        "many-points.toml",
        &format!("{HEAD}summary = [{}]\n", points.join(", ")),
    );
    check_refused(
        &path,
        &[":4:11: too many entries in `summary` (100000; the limit is 50000)"],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let size = usize::try_from(MAX_FILE_BYTES).unwrap() + 1;
    let path = generated(
        "over-the-limit.toml",
        &format!("{HEAD}#{}", "x".repeat(size)),
    );
    let out = briefing(&["--check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("file is too large"));
}

#[test]
fn fifty_thousand_actors_with_relations_stay_usable() {
    let mut text = String::from(HEAD);
    for i in 0..50_000 {
        let _ = write!(
            text,
            "\n[[actors]]\nid = \"a{i}\"\nname = \"Akteur {i}\"\nkind = \"state\"\n"
        );
    }
    for i in 0..20_000 {
        let _ = write!(
            text,
            "\n[[relations]]\nfrom = \"a0\"\nto = \"a{}\"\nwhat = \"kennt\"\n",
            i + 1
        );
    }
    text.push_str("\n[[sections]]\nparagraphs = [\"Akteur 1 und Akteur 2\"]\n");
    let path = generated("many-actors.toml", &text);
    let briefing = load_file(&path).unwrap();
    let open = Open {
        pane: PaneId::Actors,
        ..Open::default()
    };
    let mut app = open.app(briefing, 80, 24);
    for action in [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::Bottom,
        Action::Top,
        Action::Follow,
    ] {
        app.update(action);
        render_clean(&app, 80, 24, "many actors");
    }
    let mut wide = open.app(load_file(&path).unwrap(), 200, 60);
    wide.update(Action::Down);
    render_clean(&wide, 200, 60, "many actors, wide");
}

/// Runs the binary with `args`, killing it if it takes more than 20 s.
fn briefing_within(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("briefing {args:?} blocked");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn fifo(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_file(&path);
    let made = Command::new("mkfifo").arg(&path).status().unwrap();
    assert!(made.success());
    path
}

#[test]
fn a_fifo_without_a_writer_reads_as_empty_and_never_blocks() {
    let path = fifo("no-writer.toml");
    let shown = path.display().to_string();
    for mode in ["--check", "--plain"] {
        let out = briefing_within(&[mode, &shown]);
        assert_eq!(out.status.code(), Some(2), "{mode}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(":1:1: missing `schema`"), "{err}");
    }
    // The library too.
    assert!(matches!(
        load_file(&path),
        Err(briefing::briefing::LoadError::Invalid { .. })
    ));
}

#[test]
fn a_pipe_with_a_writer_is_read_like_a_file() {
    let path = fifo("with-writer.toml");
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        // Opening for writing waits for the reader; then a slow writer.
        let mut w = std::fs::OpenOptions::new()
            .write(true)
            .open(&writer_path)
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        std::io::Write::write_all(&mut w, briefing::briefing::BUNDLED.as_bytes()).unwrap();
    });
    let out = briefing_within(&["--check", path.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn devices_are_refused_without_reading_them() {
    for device in ["/dev/zero", "/dev/null"] {
        if !Path::new(device).exists() {
            continue;
        }
        let out = briefing_within(&["--check", device]);
        assert_eq!(out.status.code(), Some(1), "{device}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!(
                "{device}: cannot read: not a regular file or a pipe"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_field_too_long_is_called_by_its_name() {
    let long = "x".repeat(briefing::briefing::MAX_TEXT_BYTES + 1);
    let base = format!("{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n");
    let cases = [
        ("lede", format!("{HEAD}lede = \"{long}\"\n")),
        (
            "title",
            format!("schema = 1\nlang = \"de\"\ntitle = \"{long}\"\n"),
        ),
        ("summary", format!("{HEAD}summary = [\"{long}\"]\n")),
        (
            "role",
            format!(
                "{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\nrole = \"{long}\"\n"
            ),
        ),
        ("aliases", format!("{base}aliases = [\"{long}\"]\n")),
        (
            "qualifier",
            format!(
                "{base}\n[[figures]]\nvalue = \"1\"\nlabel = \"l\"\nexcerpt = \"e\"\nqualifier = \"{long}\"\n"
            ),
        ),
        (
            "unit",
            format!(
                "{base}\n[[figures]]\nvalue = \"1\"\nlabel = \"l\"\nexcerpt = \"e\"\nunit = \"{long}\"\n"
            ),
        ),
        (
            "excerpt",
            format!("{base}\n[[figures]]\nvalue = \"1\"\nlabel = \"l\"\nexcerpt = \"{long}\"\n"),
        ),
        (
            "context",
            format!("{base}\n[[quotes]]\ntext = \"t\"\nspeaker = \"a\"\ncontext = \"{long}\"\n"),
        ),
        (
            "heading",
            format!("{base}\n[[sections]]\nheading = \"{long}\"\nparagraphs = [\"p\"]\n"),
        ),
        (
            "cited_for",
            format!("{base}\n[[sources]]\nname = \"n\"\ncited_for = \"{long}\"\n"),
        ),
        (
            "excerpt",
            format!(
                "{base}\n[[actors]]\nid = \"b\"\nname = \"B\"\nkind = \"state\"\n\n[[relations]]\nfrom = \"a\"\nto = \"b\"\nwhat = \"w\"\nexcerpt = \"{long}\"\n"
            ),
        ),
    ];
    for (field, text) in cases {
        let err = briefing::briefing::parse(&text, "long.toml")
            .err()
            .unwrap_or_else(|| panic!("{field}: accepted"))
            .to_string();
        assert!(
            err.contains(&format!("`{field}` is too long (2097153 bytes")),
            "{field}: {err}"
        );
        assert!(!err.contains("`text` is too long"), "{field}: {err}");
    }
}

/// The anchors of a briefing, as the reader finds them.
fn anchors_of(b: &briefing::briefing::Briefing) -> briefing::doc::Anchors {
    let text = briefing::doc::build_doc(
        b,
        briefing::labels::Lang::De.labels(),
        &briefing::symbols::Symbols::UNICODE,
        PaneId::Text,
    );
    briefing::doc::Anchors::find(b, &text)
}

/// Every line of a rendered frame, as text.
fn screen_text(app: &App, w: u16, h: u16) -> String {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    briefing::view::render(app, area, &mut buf);
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn identical_quotes_are_anchored_once_each_in_bounded_work() {
    // Issue 9: 1,000 quotes `a` over 50,000 `a ` froze the quotes detail.
    let case = worst::quotes_a();
    let b = briefing::briefing::parse(&case.text, case.name).unwrap();
    let anchors = anchors_of(&b);
    assert_eq!(anchors.quotes.len(), 1000);
    for q in &anchors.quotes {
        let q = q.as_ref().expect("every quote is in the text");
        assert_eq!(q.range, 0..1, "the first `a`");
    }
    // 600 distinct nested quotes: each found where it first stands.
    let case = worst::nested_quotes(600);
    let b = briefing::briefing::parse(&case.text, case.name).unwrap();
    let anchors = anchors_of(&b);
    for (q, anchor) in b.quotes.iter().zip(&anchors.quotes) {
        let anchor = anchor.as_ref().expect("every quote is in the text");
        assert_eq!(anchor.range, 0..q.text.len());
    }
}

#[test]
fn a_name_shared_by_thousands_of_actors_is_counted_within_the_budget() {
    // Issue 9: 1,000 and 2,000 actors with 100 aliases `e` each.
    for actors in [1000, 2000] {
        let case = worst::aliases_e(actors);
        let b = briefing::briefing::parse(&case.text, case.name).unwrap();
        let anchors = anchors_of(&b);
        assert_eq!(anchors.mentions.len(), actors);
        let kept: usize = anchors.mentions.iter().map(Vec::len).sum();
        assert!(kept <= actors * briefing::doc::MAX_KEPT);
        let counted: usize = anchors.mention_counts.iter().sum();
        assert!(counted <= briefing::doc::MAX_MENTION_WORK, "{counted}");
        // `e e e …` is one mention (adjacent ones merge), for every actor.
        for (m, count) in anchors.mentions.iter().zip(&anchors.mention_counts) {
            assert_eq!(m.len(), 1);
            assert_eq!(*count, 1);
        }
    }
}

#[test]
fn cut_counts_say_at_least() {
    // 2,000 actors named `e`, each `e` apart from the next: 2,000 x 30,000
    // mentions is past the budget, so the counts are lower bounds.
    let mut text = String::from(HEAD);
    for i in 0..2000 {
        let _ = write!(
            text,
            "\n[[actors]]\nid = \"a{i}\"\nname = \"e\"\nkind = \"person\"\n"
        );
    }
    let _ = write!(
        text,
        "\n[[sections]]\nparagraphs = [\"{}\"]\n",
        "e, ".repeat(30_000)
    );
    let b = briefing::briefing::parse(&text, "cut").unwrap();
    let anchors = anchors_of(&b);
    assert!(!anchors.counts_complete);
    assert_eq!(anchors.mentions[0].len(), briefing::doc::MAX_KEPT);
    assert!(anchors.mention_counts[0] > briefing::doc::MAX_KEPT);
    let open = Open {
        pane: PaneId::Actors,
        ..Open::default()
    };
    let app = open.app(b, 200, 60);
    let shown = screen_text(&app, 200, 60);
    assert!(
        shown.contains("Erwähnungen im Volltext (mindestens"),
        "{shown}"
    );
    assert!(shown.contains("mindestens"), "{shown}");
    assert!(shown.contains("weitere"), "{shown}");
}

#[test]
fn exact_counts_stay_exact() {
    let mut text = String::from(HEAD);
    text.push_str("\n[[actors]]\nid = \"p\"\nname = \"Putin\"\nkind = \"person\"\n");
    let _ = write!(
        text,
        "\n[[sections]]\nparagraphs = [\"{}\"]\n",
        "Putin sagt. ".repeat(40)
    );
    let b = briefing::briefing::parse(&text, "exact").unwrap();
    let anchors = anchors_of(&b);
    assert!(anchors.counts_complete);
    assert_eq!(anchors.mention_counts[0], 40);
    assert_eq!(anchors.mentions[0].len(), briefing::doc::MAX_KEPT);
    let open = Open {
        lang: briefing::labels::Lang::En,
        pane: PaneId::Actors,
        ..Open::default()
    };
    let shown = screen_text(&open.app(b, 200, 60), 200, 60);
    assert!(shown.contains("Mentions in the full text (40)"), "{shown}");
    assert!(shown.contains("… 28 more"), "{shown}");
    assert!(!shown.contains("at least"), "{shown}");
}

#[test]
fn every_valid_worst_case_loads_and_keeps_bounded_anchors() {
    for case in worst::valid() {
        assert!(case.text.len() <= worst::LIMIT, "{}", case.name);
        let b = briefing::briefing::parse(&case.text, case.name)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let anchors = anchors_of(&b);
        assert!(
            anchors
                .mentions
                .iter()
                .all(|m| m.len() <= briefing::doc::MAX_KEPT),
            "{}",
            case.name
        );
        let counted: usize = anchors.mention_counts.iter().sum();
        assert!(counted <= briefing::doc::MAX_MENTION_WORK, "{}", case.name);
    }
}

/// The problems of a refused text, and whether more were found than kept.
fn refusal(text: &str) -> (Vec<briefing::briefing::Problem>, bool) {
    match briefing::briefing::parse(text, "refused") {
        Err(briefing::briefing::LoadError::Invalid { problems, more, .. }) => (problems, more),
        other => panic!("not refused as invalid: {other:?}"),
    }
}

#[test]
fn syntax_problems_are_kept_up_to_the_cap_and_placed_in_one_walk() {
    // Issue 9: `x = [1` and 512 Ki commas took 15 s, all problems kept.
    let text = worst::commas(512 * 1024);
    let (problems, more) = refusal(&text);
    assert!(more);
    assert_eq!(problems.len(), briefing::briefing::MAX_PROBLEMS);
    for p in &problems {
        assert_eq!(p.line, 1);
        assert!(p.column > 6 && p.column <= text.len() + 1, "{p:?}");
    }
    assert!(problems.windows(2).all(|w| w[0].column <= w[1].column));
    let shown = briefing::briefing::parse(&text, "commas.toml")
        .unwrap_err()
        .to_string();
    assert!(
        shown.ends_with(
            "commas.toml: at least 150 more problems not shown (reading stopped after 200)"
        ),
        "{shown}"
    );
    // 8 MiB of `=` lines (4 million problems, 2.6 GB): refused on its tokens.
    let (problems, _) = refusal(&"=\n".repeat(worst::LIMIT / 2));
    assert!(problems.len() <= briefing::briefing::MAX_PROBLEMS);
    assert!(
        problems[0].message.contains("TOML tokens"),
        "{:?}",
        problems[0]
    );
    // Under the token limit too: the first 200 are those of the first lines.
    let (problems, more) = refusal(&"=\n".repeat(1_000_000));
    assert!(more);
    assert_eq!(problems.len(), briefing::briefing::MAX_PROBLEMS);
    assert_eq!((problems[0].line, problems[0].column), (1, 1));
    assert!(
        problems.iter().all(|p| p.line <= 200),
        "{:?}",
        problems.last()
    );
}

#[test]
fn toml_that_is_no_briefing_is_refused_early() {
    // Issue 9: 8 MiB of distinct keys, distinct tables, `x = [1,1,…]` and
    // `x = [{},{},…]`, and the rest of the generated set: each refused with
    // at most the cap of problems, the first of them saying why.
    for (name, text) in worst::invalid() {
        assert!(text.len() <= worst::LIMIT, "{name}");
        let (problems, _) = refusal(&text);
        assert!(!problems.is_empty(), "{name}");
        assert!(
            problems.len() <= briefing::briefing::MAX_PROBLEMS,
            "{name}: {}",
            problems.len()
        );
    }
    let why = |text: &str| {
        let (problems, _) = refusal(text);
        problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let invalid: std::collections::HashMap<_, _> = worst::invalid().into_iter().collect();
    assert!(why(&invalid["int-array"]).contains("more than 3000000 TOML tokens"));
    assert!(
        why(&invalid["limit-int-array"])
            .contains("too many entries in `x` (1499501; the limit is 50000)")
    );
    assert!(why(&invalid["limit-table-array"]).contains("too many entries in `x`"));
    assert!(why(&invalid["limit-distinct-keys"]).contains("more than 10000 keys in one table"));
    assert!(why(&invalid["limit-distinct-tables"]).contains("more than 10000 [tables]"));
    assert!(
        why(&invalid["limit-summary-strings"]).contains("too many entries in `summary` (1499501;")
    );
    let keys = why(&invalid["limit-table-keys"]);
    assert!(keys.contains("unknown field `k0`"), "{keys}");
    // A [[list]] over the limit is counted, not built.
    let mut quotes = String::from(HEAD);
    for _ in 0..50_001 {
        quotes.push_str("[[quotes]]\n");
    }
    assert!(why(&quotes).contains("too many entries in `quotes` (50001; the limit is 50000)"));
}

#[test]
fn a_config_file_that_is_a_fifo_without_a_writer_never_blocks() {
    let path = fifo("no-writer-config.toml");
    let out = briefing_within(&["--plain", "--config", path.to_str().unwrap()]);
    // Read as empty: no settings, the defaults.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Das Wichtigste in Kürze"));
}
