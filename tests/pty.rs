//! The real binary in a pseudo-terminal, read through a terminal emulator:
//! keys in, screen out, resize, exit codes, and the terminal restored on
//! every way out.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::time::{Duration, Instant};

use briefing::briefing::sanitize::is_harmful;

mod support;
use support::files::{Scratch, dated_library_at};
use support::sgr::colour_kinds;
use support::term::{TIMEOUT, Term};

#[test]
fn walks_every_section_searches_helps_resizes_and_quits() {
    let mut t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste in Kürze");
    t.wait_for("1/13");
    let panes: [(&[u8], &str); 6] = [
        (b"2", "4,8 Mio. Geschosse"),
        (b"3", "«Wir erwarten"),
        (b"4", "Personen"),
        (b"5", "Dass Russland und Nordkorea"),
        (b"6", "Frankfurter Rundschau · Medium"),
        (b"1", "Das Wichtigste in Kürze"),
    ];
    for (key, text) in panes {
        t.send(key);
        t.wait_for(text);
    }
    t.keys(&[b"/", b"p", b"j", b"o", b"n", b"g", b"\r"]);
    t.wait_for("[1/9]");
    t.send(b"n");
    t.wait_for("[2/9]");
    t.send(b"?");
    t.wait_for("Tasten");
    t.send(b"\x1b");
    t.wait_until("help closed", |s| !s.contents().contains("Tasten"))
        .unwrap();
    t.resize(40, 12);
    t.wait_for(" 1  2  3  4  5  6");
    t.resize(200, 60);
    t.send(b"4");
    t.wait_until("detail beside the list", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("▶ Wladimir Putin") && l.contains('│'))
    })
    .unwrap();
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn links_are_followed_and_backspace_returns() {
    let mut t = Term::start(&["--section", "quotes"], &[], 80, 24);
    t.wait_for("«Wir erwarten");
    t.send(b"\r");
    t.wait_for("Rücktaste: zurück");
    t.wait_for("Auch genannt");
    t.send(b"\x7f");
    t.wait_for("«Wir erwarten");
    t.send(b"\x03");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.signal("-TERM");
    assert_eq!(t.exit_code(), 143);
    t.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    let t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.signal("-HUP");
    assert_eq!(t.exit_code(), 129);
    t.assert_restored();
}

#[test]
fn sigint_restores_the_terminal_and_exits() {
    let t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.signal("-INT");
    assert_eq!(t.exit_code(), 130);
    t.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_is_reported_readably() {
    let mut t = Term::start(&[], &[("BRIEFING_TEST_PANIC", "1")], 80, 24);
    t.wait_for("Das Wichtigste");
    t.send(b"j");
    assert_eq!(t.exit_code(), 1);
    t.assert_restored();
    let text = t.screen();
    assert!(
        text.contains("briefing: internal error: test panic requested"),
        "{text}"
    );
    assert!(
        !text.contains("RUST_BACKTRACE"),
        "no backtrace hint for users"
    );
}

#[test]
fn a_terminal_error_restores_the_terminal_and_says_so() {
    let mut t = Term::start(&[], &[("BRIEFING_TEST_ERROR", "1")], 80, 24);
    t.wait_for("Das Wichtigste");
    t.send(b"j");
    assert_eq!(t.exit_code(), 1);
    t.assert_restored();
    assert!(
        t.screen()
            .contains("briefing: terminal: test failure requested"),
        "{}",
        t.screen()
    );
}

#[test]
fn a_dumb_terminal_gets_the_plain_view() {
    let t = Term::start(&["--width", "60"], &[("TERM", "dumb")], 80, 24);
    assert_eq!(t.exit_code(), 0);
    let raw = t.raw_text();
    assert!(
        !raw.contains("\x1b[?1049h"),
        "no alternate screen on a dumb terminal"
    );
    assert!(raw.contains("Das Wichtigste in Kürze") && raw.contains("Quellen"));
}

#[test]
fn suspend_and_resume_redraw_the_screen() {
    let mut t = Term::start_shell(80, 24);
    t.wait_for("$ ");
    t.send(format!("{}\r", env!("CARGO_BIN_EXE_briefing")).as_bytes());
    t.wait_for("Das Wichtigste");
    t.send(b"5");
    t.wait_for("Dass Russland");
    t.send(b"\x1a");
    t.wait_until("the shell while suspended", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    })
    .unwrap();
    assert!(!t.parser.lock().unwrap().screen().hide_cursor());
    t.send(b"stty -a | grep -o -- '-*icanon'\r");
    t.wait_until("cooked mode while suspended", |s| {
        s.contents().lines().any(|l| l.trim() == "icanon")
    })
    .unwrap();
    t.send(b"fg\r");
    t.wait_until("reader back", |s| {
        s.alternate_screen() && s.contents().contains("Dass Russland")
    })
    .unwrap();
    t.send(b"q");
    t.wait_until("main screen", |s| !s.alternate_screen())
        .unwrap();
    t.send(b"echo EXIT=$?; stty -a\r");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn closing_the_terminal_ends_the_reader_promptly() {
    let mut t = Term::start_alone(80, 24);
    t.wait_for("Das Wichtigste");
    t.hang_up();
    let start = Instant::now();
    let mut status = None;
    while status.is_none() && start.elapsed() < Duration::from_secs(5) {
        status = t.child.try_wait().unwrap();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(status.is_some(), "the reader outlived its terminal");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?}",
        start.elapsed()
    );
}

/// SGR parameters that set a colour.
fn colour_codes(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in raw.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        for p in part[..end].split(';') {
            let Ok(n) = p.parse::<u32>() else { continue };
            let colour = (30..=49).contains(&n) && n != 39 && n != 49 || (90..=107).contains(&n);
            if colour {
                out.push(part[..end].to_string());
            }
        }
    }
    out
}

fn run_and_quit(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut t = Term::start(args, env, 100, 30);
    t.wait_for("Das Wichtigste");
    for key in [b"2", b"3", b"4", b"5", b"6", b"?"] {
        t.send(key);
        std::thread::sleep(Duration::from_millis(50));
    }
    t.send(b"q");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    t.raw_text()
}

#[test]
fn no_color_and_color_never_send_no_colour() {
    let coloured = run_and_quit(&[], &[]);
    assert!(
        !colour_codes(&coloured).is_empty(),
        "the check finds colour when there is some"
    );
    for (args, env) in [
        (&[][..], &[("NO_COLOR", "1")][..]),
        (&["--color", "never"][..], &[][..]),
    ] {
        let raw = run_and_quit(args, env);
        assert_eq!(colour_codes(&raw), Vec::<String>::new(), "{args:?} {env:?}");
        assert!(
            raw.contains(";7m"),
            "reverse video still marks the active tab"
        );
    }
}

#[test]
fn colour_codes_are_of_the_level_the_terminal_shows() {
    // Arguments, environment, the one kind of colour code wanted (none: no
    // colour at all).
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], Option<&'a str>);
    let cases: [Case; 7] = [
        (&[], &[("TERM", "xterm-256color")], Some("256")),
        (&[], &[("TERM", "xterm-direct")], Some("24-bit")),
        (
            &[],
            &[("TERM", "xterm"), ("COLORTERM", "truecolor")],
            Some("24-bit"),
        ),
        (&[], &[("TERM", "xterm")], Some("16")),
        (&["--theme", "light"], &[("TERM", "xterm")], Some("16")),
        (
            &["--theme", "light"],
            &[("COLORTERM", "24bit")],
            Some("24-bit"),
        ),
        (&[], &[("TERM", "xterm-direct"), ("NO_COLOR", "1")], None),
    ];
    for (args, env, want) in cases {
        let raw = run_and_quit(args, env);
        let kinds = colour_kinds(&raw);
        if let Some(want) = want {
            assert!(!kinds.is_empty(), "{args:?} {env:?}: no colour at all");
            let other: Vec<_> = kinds.iter().filter(|(k, _)| *k != want).collect();
            assert!(other.is_empty(), "{args:?} {env:?} wants {want}: {other:?}");
        } else {
            assert_eq!(kinds, Vec::new(), "{args:?} {env:?}");
            assert!(raw.contains(";7m"), "reverse video marks the active tab");
        }
    }
}

#[test]
fn ascii_sends_no_box_drawing_or_symbols() {
    let raw = run_and_quit(&["--ascii"], &[]);
    for c in raw.chars() {
        let box_drawing = ('\u{2500}'..='\u{259F}').contains(&c);
        assert!(
            !box_drawing && !"▶•·→—…▲▼←↑↓".contains(c),
            "{c:?} sent with --ascii"
        );
    }
    let raw = run_and_quit(&[], &[("LANG", "C")]);
    assert!(
        !raw.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
        "a non-UTF-8 locale means ASCII"
    );
}

#[test]
fn tiny_terminals_run_and_quit_cleanly() {
    for (cols, rows) in [(1, 1), (2, 2), (10, 3), (16, 4), (20, 5), (30, 10)] {
        let mut t = Term::start(&[], &[], cols, rows);
        t.wait_until("first frame", vt100::Screen::alternate_screen)
            .unwrap();
        t.keys(&[b"4", b"j", b"?", b"\x1b", b"5", b"G"]);
        t.send(b"q");
        assert_eq!(t.exit_code(), 0, "{cols}x{rows}");
    }
}

#[test]
fn queued_keys_are_coalesced_into_one_frame() {
    let mut t = Term::start(&["--section", "text"], &[], 80, 24);
    t.wait_for("1/37");
    std::thread::sleep(Duration::from_millis(200));
    let before = t.raw_text().matches("\x1b[?2026h").count();
    t.send(b"jjjjjjjjjjjjjjjjjj");
    t.wait_for("19/37");
    std::thread::sleep(Duration::from_millis(200));
    let frames = t.raw_text().matches("\x1b[?2026h").count() - before;
    assert!(
        (1..=2).contains(&frames),
        "18 keys at once drew {frames} frames"
    );
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn a_key_that_changes_nothing_writes_nothing() {
    let mut t = Term::start(&["--section", "text"], &[], 80, 24);
    t.wait_for("1/37");
    std::thread::sleep(Duration::from_millis(200));
    let before = t.raw.lock().unwrap().len();
    t.send(b"k");
    t.send(b"g");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        t.raw.lock().unwrap().len(),
        before,
        "k and g at the top wrote bytes"
    );
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn nothing_is_asked_of_the_terminal() {
    // Answers to queries arrive late over SSH and show up as garbage.
    let raw = run_and_quit(&["--mouse"], &[]);
    for query in [
        "\x1b[6n", "\x1b[5n", "]10;?", "]11;?", "\x1b[c", "\x1b[0c", "\x1b[>", "\x1b[?u",
        "\x1b[14t", "\x1b[18t", "$p", "\x1bP+q",
    ] {
        assert!(!raw.contains(query), "the reader sent the query {query:?}");
    }
}

#[test]
fn hostile_content_never_reaches_the_terminal() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/adversarial/escapes-everywhere.toml"
    );
    let mut t = Term::start(&["--mouse", file], &[], 100, 30);
    t.wait_for("Das Wichtigste");
    t.keys(&[
        b"2", b"\r", b"3", b"\r", b"4", b"j", b"\r", b"5", b"6", b"/", b"P", b"\r", b"n", b"?",
    ]);
    t.send(b"q");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    let raw = t.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    let reader = &text[..text.find("EXIT=").unwrap()];
    // The reader itself sends only CSI sequences (ESC [) and reverse index
    // (ESC M): no OSC, DCS, APC, PM, SOS, no reset, no C1, no bidi controls.
    for (i, _) in reader.match_indices('\x1b') {
        let next = reader[i + 1..].chars().next();
        assert!(
            matches!(next, Some('[' | 'M')),
            "ESC {next:?} reached the terminal"
        );
    }
    for c in reader.chars() {
        let allowed = matches!(c, '\x1b' | '\r' | '\n');
        assert!(allowed || !is_harmful(c), "{c:?} reached the terminal");
    }
    assert!(
        reader.contains('␛'),
        "removed sequences leave a visible marker"
    );
}

#[test]
fn a_stop_from_outside_restores_the_terminal_and_continue_redraws() {
    let mut t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.send(b"5");
    t.wait_for("Dass Russland");
    t.signal("-TSTP");
    t.wait_until("the main screen while stopped", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    })
    .unwrap();
    let start = Instant::now();
    let mut modes = t.modes();
    while modes.contains("-icanon") && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(20));
        modes = t.modes();
    }
    assert!(
        !modes.contains("-icanon") && !modes.contains("-echo "),
        "still raw while stopped:\n{modes}"
    );
    t.signal("-CONT");
    t.wait_until("the reader back, redrawn", |s| {
        s.alternate_screen() && s.contents().contains("Dass Russland")
    })
    .unwrap();
    assert!(t.modes().contains("-icanon"), "raw again after continuing");
    t.send(b"j");
    t.wait_for("2/");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn a_key_split_by_a_slow_link_is_one_key() {
    let mut t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    t.send(b"5");
    t.wait_for(" 1/37 ");
    // The Down arrow, its three bytes 60 ms apart (a jittery SSH link).
    for byte in [b"\x1b", b"[", b"B"] {
        t.send(byte);
        std::thread::sleep(Duration::from_millis(60));
    }
    // One line down in the full text (37 lines at 80x24), not a jump.
    t.wait_for(" 2/37 ");
    // An overlong sequence is dropped whole: its digits jump nowhere.
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'2', 100));
    long.push(b'm');
    t.send(&long);
    t.send(b"j");
    t.wait_for(" 3/37 ");
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn a_locale_that_is_not_utf8_gets_only_ascii_bytes() {
    for env in [&[("LANG", "C")][..], &[("LANG", "de_CH.ISO-8859-1")][..]] {
        let mut t = Term::start(&[], env, 100, 30);
        t.wait_for("Das Wichtigste in Kuerze");
        t.keys(&[
            b"2",
            b"3",
            b"4",
            b"5",
            b"6",
            b"/",
            b"j",
            "ö".as_bytes(),
            b"\r",
            b"?",
        ]);
        t.send(b"q");
        t.send(b"q");
        assert_eq!(t.exit_code(), 0);
        let raw = t.raw.lock().unwrap().clone();
        let end = raw
            .windows(5)
            .position(|w| w == b"EXIT=")
            .unwrap_or(raw.len());
        let bad: Vec<u8> = raw[..end].iter().copied().filter(|b| *b > 0x7e).collect();
        assert!(bad.is_empty(), "{env:?}: bytes {bad:x?} sent");
    }
}

#[test]
fn absurd_terminal_sizes_are_capped() {
    for claimed in [(65_535, 65_535), (32_770, 10), (5000, 60_000)] {
        let mut t = Term::start_claiming(&[], claimed, (100, 30));
        t.wait_until("first frame", vt100::Screen::alternate_screen)
            .unwrap();
        t.keys(&[b"4", b"j", b"?", b"\x1b", b"5", b"G"]);
        t.claim_size(60_000, 3);
        t.claim_size(80, 24);
        t.keys(&[b"1"]);
        t.wait_for("Das Wichtigste");
        t.send(b"q");
        assert_eq!(t.exit_code(), 0, "{claimed:?}");
        t.assert_restored();
    }
}

#[test]
fn the_harness_can_fail() {
    let mut t = Term::start(&[], &[], 80, 24);
    t.wait_for("Das Wichtigste");
    let start = Instant::now();
    let result = t.wait_until("a text that is not there", |s| {
        s.contents().contains("Dieser Text fehlt")
    });
    assert!(result.is_err());
    assert!(start.elapsed() >= TIMEOUT);
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
}

#[test]
fn a_config_that_binds_quit_to_x_quits_with_x_only_and_says_so() {
    let dir = Scratch::new("pty-config");
    let config = dir.0.join("config.toml");
    std::fs::write(&config, "lang = \"en\"\n[keys]\nquit = [\"x\"]\n").unwrap();
    let config = config.to_str().unwrap();
    let mut t = Term::start(&[], &[("BRIEFING_CONFIG", config)], 80, 24);
    t.wait_for("Key points");
    let status = |t: &Term| t.screen().lines().last().unwrap_or_default().to_string();
    assert!(status(&t).contains("x quit"), "{}", status(&t));
    assert!(!status(&t).contains("q quit"), "{}", status(&t));
    // q does nothing: the reader is still there and answers the next key.
    t.send(b"q");
    t.send(b"2");
    t.wait_for("▶ 4,8 Mio. Geschosse");
    t.send(b"?");
    t.wait_for("this help");
    let help = t.screen();
    let quit = help.lines().find(|l| l.contains(" quit")).unwrap();
    assert!(quit.contains(" x ") && !quit.contains(" q "), "{quit}");
    // In help too, q is no key; Esc closes it, x quits.
    t.send(b"q");
    t.send(b"\x1b");
    t.wait_until("help closed", |s| !s.contents().contains("this help"))
        .unwrap();
    t.send(b"x");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

/// The line of the screen that holds `text`, if one does.
fn line_with(screen: &vt100::Screen, text: &str) -> Option<String> {
    screen
        .contents()
        .lines()
        .find(|l| l.contains(text))
        .map(str::to_string)
}

/// The fixture library's briefings, newest first.
const LIBRARY_TITLES: [&str; 4] = [
    "Nordkorea und Russland intensivieren Beziehungen",
    "Gemeinderat Brunnwil beschliesst",
    "Port Alder lights its harbour",
    "Stadtbibliothek Lindenau",
];

#[test]
fn the_library_lists_opens_marks_read_filters_searches_and_quits() {
    let root = std::env::temp_dir().join(format!("briefing-pty-library-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let books = root.join("books");
    dated_library_at(&books);
    let (state, cache) = (root.join("state"), root.join("cache"));
    let env = [
        ("XDG_STATE_HOME", state.to_str().unwrap()),
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("HOME", root.to_str().unwrap()),
    ];
    let mut t = Term::start(&[books.to_str().unwrap()], &env, 100, 30);
    library_lists_every_briefing(&t);
    library_opens_and_marks_read(&mut t, &state);
    library_filters_as_typed(&mut t);
    let count = library_searches_all_and_opens_at_a_hit(&mut t);

    // 0 goes back to the results; q quits and gives the terminal back.
    t.send(b"0");
    t.wait_until("the results again", |s| {
        s.contents()
            .lines()
            .last()
            .is_some_and(|l| l.contains(&format!("{count} Treffer in 1 Briefing")))
    })
    .unwrap();
    t.send(b"q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    let _ = std::fs::remove_dir_all(&root);
}

fn library_lists_every_briefing(t: &Term) {
    let titles = LIBRARY_TITLES;
    // The list: every briefing a row (title, language, unread mark), the
    // broken ones with their first problem, newest first, the first selected.
    t.wait_for("Bibliothek · 6 Briefings · 4 ungelesen");
    t.wait_for(" 1/6");
    let screen = t.screen();
    let mut at = 0;
    for title in titles {
        let found = screen[at..].find(title);
        assert!(
            found.is_some(),
            "{title} missing or out of order:\n{screen}"
        );
        at += found.unwrap();
    }
    {
        let parser = t.parser.lock().unwrap();
        let s = parser.screen();
        let nordkorea = line_with(s, titles[0]).unwrap();
        assert!(nordkorea.contains('▶'), "first row selected: {nordkorea}");
        for title in titles {
            let line = line_with(s, title).unwrap();
            assert!(line.contains("● "), "unread mark on {line}");
        }
        let broken = line_with(s, "broken/syntax.toml:3:16:").unwrap();
        assert!(broken.contains('✗'), "{broken}");
    }
}

fn library_opens_and_marks_read(t: &mut Term, state: &std::path::Path) {
    let titles = LIBRARY_TITLES;
    // j moves the selection to the second row.
    t.send(b"j");
    t.wait_for(" 2/6");
    t.wait_until("the second row selected", |s| {
        line_with(s, titles[1]).is_some_and(|l| l.contains('▶'))
            && line_with(s, titles[0]).is_some_and(|l| !l.contains('▶'))
    })
    .unwrap();

    // Enter opens it in the reader, under the library's frame.
    t.send(b"\r");
    t.wait_for("Bibliothek › de/gemeinderat-brunnwil.toml");
    t.wait_for("Die erfundene Gemeinde Brunnwil");
    assert!(!t.screen().contains("Briefings · "), "{}", t.screen());

    // 0 goes back; the row opened is read now (its mark gone, one unread
    // less), the others are not, and the mark is on disk.
    t.send(b"0");
    t.wait_for("Bibliothek · 6 Briefings · 3 ungelesen");
    {
        let parser = t.parser.lock().unwrap();
        let s = parser.screen();
        let read = line_with(s, titles[1]).unwrap();
        assert!(!read.contains('●'), "still unread: {read}");
        assert!(read.contains('▶'), "the selection stayed on it: {read}");
        for title in [titles[0], titles[2], titles[3]] {
            assert!(line_with(s, title).unwrap().contains('●'), "{title}");
        }
    }
    let marks = std::fs::read_to_string(state.join("briefing/read")).unwrap();
    assert_eq!(marks.lines().count(), 1, "{marks}");
    assert_eq!(marks.trim().len(), 64, "one content hash: {marks}");
}

fn library_filters_as_typed(t: &mut Term) {
    let titles = LIBRARY_TITLES;
    // / filters as it is typed (here on a topic, accents and case folded).
    t.keys(&[b"/", b"m", b"U", b"h", b"l"]);
    t.wait_until("the filter narrowing the list", |s| {
        let text = s.contents();
        text.contains(" 1/1")
            && text.contains(titles[1])
            && !text.contains(titles[0])
            && !text.contains(titles[2])
    })
    .unwrap();
    assert!(t.screen().contains("mUhl"), "the prompt shows the typing");
    t.send(b"\x1b");
    t.wait_for(" 2/6");
    t.wait_for(titles[0]);
}

/// Returns the number of hits found.
fn library_searches_all_and_opens_at_a_hit(t: &mut Term) -> usize {
    let titles = LIBRARY_TITLES;
    // F searches the full text of every briefing: results by briefing, the
    // count in the status line, Enter opens the briefing at its first hit.
    t.keys(&[b"F", b"l", b"a", b"n", b"t", b"e", b"r", b"n", b"\r"]);
    t.wait_until("the search done", |s| {
        let text = s.contents();
        text.contains("Treffer in 1 Briefing") && !text.contains("durchsucht")
    })
    .unwrap();
    let screen = t.screen();
    let status = screen.lines().last().unwrap().to_string();
    let count: usize = status
        .split_whitespace()
        .rev()
        .skip_while(|w| *w != "Treffer")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {status:?}"));
    assert!(count >= 5, "{status}");
    let group = line_with(t.parser.lock().unwrap().screen(), titles[2]).unwrap();
    assert!(group.contains(&format!("({count} Treffer)")), "{group}");
    assert!(
        !screen.contains(titles[1]),
        "no group without hits:\n{screen}"
    );
    t.send(b"\r");
    t.wait_for("Bibliothek › en/harbour-lanterns.toml");
    t.wait_for(&format!("[1/{count}]"));
    t.send(b"n");
    t.wait_for(&format!("[2/{count}]"));

    count
}
