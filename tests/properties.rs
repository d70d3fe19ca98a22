//! Property tests: random briefings, random terminal sizes and random keys.
//! Rendering never panics, never writes outside the frame and never lets a
//! control character from content through; the state stays valid; the
//! screen writer's output always shows exactly the frame.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::fmt::Write as _;

use briefing::action::Action;
use briefing::app::App;
use briefing::briefing::parse;
use briefing::briefing::sanitize::sanitize;
use briefing::geometry::capped;
use briefing::pane::PaneId;
use briefing::terminal::screen::Screen;
use briefing::text::wrap::wrap;
use briefing::view;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

#[path = "../benches/support/large.rs"]
mod large;
use large::lit;
mod support;
use support::app::Open;
use support::screen_safety::{frame_problem, harmful};

/// Text with everything hostile mixed in: controls, escapes, bidi, wide and
/// combining characters, spaces and newlines.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Zäöü ]{1,12}",
        Just("\u{1b}[2J".to_string()),
        Just("\u{1b}]52;c;QUFB\u{7}".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2066}x\u{2069}".to_string()),
        Just("\u{200b}\u{200d}\u{ad}".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("世界の平和".to_string()),
        Just("👨\u{200d}👩\u{200d}👧".to_string()),
        Just("\t\r\n".to_string()),
        Just("\u{0}\u{7f}\u{85}".to_string()),
        Just("Donaudampfschifffahrtsgesellschaft".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|parts| format!("A{}", parts.concat()))
}

/// A valid briefing file full of hostile text.
fn hostile_briefing() -> impl Strategy<Value = String> {
    (
        hostile_text(),
        prop::collection::vec(hostile_text(), 0..4),
        prop::collection::vec((hostile_text(), hostile_text(), 0..4usize), 1..6),
        prop::collection::vec((0..6usize, 0..6usize, hostile_text()), 0..6),
        prop::collection::vec((hostile_text(), 0..6usize), 0..4),
        prop::collection::vec(prop::collection::vec(hostile_text(), 1..4), 0..4),
        prop::collection::vec(hostile_text(), 0..4),
    )
        .prop_map(|(title, summary, actors, relations, quotes, sections, figures)| {
            let n = actors.len();
            let kinds = ["person", "state", "organisation", "media"];
            let mut t = format!("schema = 1\nlang = \"de\"\ntitle = {}\n", lit(&title));
            let points: Vec<String> = summary.iter().map(|s| lit(s)).collect();
            let _ = writeln!(t, "summary = [{}]", points.join(", "));
            for (i, (name, role, kind)) in actors.iter().enumerate() {
                let _ = write!(
                    t,
                    "\n[[actors]]\nid = \"a{i}\"\nname = {}\nkind = \"{}\"\nrole = {}\naliases = [{}]\n",
                    lit(name),
                    kinds[*kind],
                    lit(role),
                    lit(&name[..name.char_indices().nth(3).map_or(name.len(), |(i, _)| i)])
                );
            }
            for (from, to, what) in &relations {
                let (from, to) = (from % n, to % n);
                if from != to {
                    let _ = write!(t, "\n[[relations]]\nfrom = \"a{from}\"\nto = \"a{to}\"\nwhat = {}\n", lit(what));
                }
            }
            for (text, speaker) in &quotes {
                let _ = write!(t, "\n[[quotes]]\ntext = {}\nspeaker = \"a{}\"\n", lit(text), speaker % n);
            }
            for (i, f) in figures.iter().enumerate() {
                let _ = write!(t, "\n[[figures]]\nvalue = \"{i}\"\nlabel = {}\nexcerpt = {}\nattribution = \"a0\"\n", lit(f), lit(f));
            }
            for paragraphs in &sections {
                let ps: Vec<String> = paragraphs.iter().map(|p| lit(p)).collect();
                let _ = write!(t, "\n[[sections]]\nheading = {}\nparagraphs = [{}]\n", lit(&paragraphs[0]), ps.join(", "));
            }
            t
        })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0..8usize).prop_map(Action::GoTo),
        Just(Action::NextSection),
        Just(Action::PrevSection),
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::HalfDown),
        Just(Action::HalfUp),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::Follow),
        Just(Action::Back),
        Just(Action::SearchStart),
        any::<char>().prop_map(Action::SearchInput),
        Just(Action::SearchDelete),
        Just(Action::SearchSubmit),
        Just(Action::SearchCancel),
        Just(Action::SearchNext),
        Just(Action::SearchPrev),
        Just(Action::Help),
        Just(Action::Escape),
        size().prop_map(|(w, h)| Action::Resize(w, h)),
        (-3..3i16).prop_map(Action::Wheel),
        size().prop_map(|(x, y)| Action::Click(x, y)),
    ]
}

/// Terminal sizes: mostly ones people have, sometimes any `u16` at all.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        4 => (0..250u16, 0..80u16),
        1 => (any::<u16>(), any::<u16>()),
        1 => prop_oneof![Just(u16::MAX), Just(32_770u16), Just(1000u16), Just(1001u16)]
            .prop_flat_map(|w| (Just(w), prop_oneof![Just(u16::MAX), 0..600u16])),
    ]
}

/// The size the app was last given.
fn app_size(actions: &[Action], start: (u16, u16)) -> (u16, u16) {
    actions.iter().fold(start, |size, a| {
        if let Action::Resize(w, h) = a {
            (*w, *h)
        } else {
            size
        }
    })
}

/// Draws the app as a host does (at its capped size) and checks the frame;
/// a second time at an offset inside a larger buffer, which must hold the
/// same cells.
fn check_frame(app: &App, w: u16, h: u16) -> Result<(), TestCaseError> {
    let (w, h) = capped(w, h);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    // Drawing outside the buffer would panic: not panicking proves it stays inside.
    view::render(app, area, &mut buf);
    if let Some(problem) = frame_problem(&buf) {
        return Err(TestCaseError::fail(format!("{w}x{h}: {problem}")));
    }
    if w <= 300 && h <= 100 {
        let inner = Rect::new(3, 2, w, h);
        let mut host = Buffer::empty(Rect::new(0, 0, w + 5, h + 3));
        view::render(app, inner, &mut host);
        for y in 0..h {
            for x in 0..w {
                prop_assert_eq!(
                    &host[(x + 3, y + 2)],
                    &buf[(x, y)],
                    "{}x{} at {},{}",
                    w,
                    h,
                    x,
                    y
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn hostile_briefings_render_safely_at_any_size(
        text in hostile_briefing(),
        start in size(),
        section in 0..6usize,
        actions in prop::collection::vec(action(), 0..30),
    ) {
        let b = parse(&text, "random").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let open = Open { pane: PaneId::at(section), colours: support::app::ANSI, ..Open::default() };
        let mut app = open.app(b, start.0, start.1);
        check_frame(&app, start.0, start.1)?;
        for (i, a) in actions.iter().enumerate() {
            app.update(*a);
            let (w, h) = app_size(&actions[..=i], start);
            check_frame(&app, w, h)?;
            prop_assert!(app.scroll() <= app.max_scroll());
            if let Some(sel) = app.selected() {
                prop_assert!(sel < app.item_count());
            }
        }
    }

    #[test]
    fn sanitised_text_is_harmless_and_stable(text in ".*", extra in hostile_text()) {
        let input = format!("{text}{extra}");
        let once = sanitize(&input).into_owned();
        prop_assert!(!once.chars().any(harmful));
        prop_assert_eq!(sanitize(&once).into_owned(), once);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word(text in hostile_text(), width in 2..120usize) {
        let text = sanitize(&text).into_owned();
        let lines = wrap(&text, width, None);
        let mut rebuilt = String::new();
        for l in &lines {
            let shown = &text[l.start..l.end];
            prop_assert!(shown.width() + usize::from(l.hyphen) <= width, "{:?} wider than {}", shown, width);
            rebuilt.push_str(shown);
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squash(&rebuilt), squash(&text));
    }
}

/// A random frame: text with styles, wide characters and blank stretches.
fn frame(w: u16, h: u16, seed: &[(u16, u16, String, u8)]) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    let styles = [
        Style::new(),
        Style::new().add_modifier(Modifier::BOLD),
        Style::new()
            .fg(Color::Cyan)
            .add_modifier(Modifier::REVERSED),
        Style::new().fg(Color::Indexed(200)).bg(Color::DarkGray),
    ];
    for (x, y, text, style) in seed {
        if *x < w && *y < h {
            buf.set_stringn(
                *x,
                *y,
                text,
                usize::from(w - x),
                styles[usize::from(*style) % styles.len()],
            );
        }
    }
    // A title and a status line that stay put while the rows between move,
    // as in the reader.
    buf.set_stringn(0, 0, "TITLE title", usize::from(w), styles[1]);
    buf.set_stringn(0, h - 1, "status 12/40", usize::from(w), styles[2]);
    buf
}

fn seed() -> impl Strategy<Value = Vec<(u16, u16, String, u8)>> {
    prop::collection::vec(
        (
            0..40u16,
            0..12u16,
            "[a-z ]{0,30}|世界[a-z]{0,4}|é{1,3}",
            any::<u8>(),
        ),
        0..30,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The screen writer, scrolling regions included, always leaves the
    /// terminal showing exactly the last frame (checked with a terminal
    /// emulator).
    #[test]
    fn the_screen_writer_shows_exactly_the_frame(
        frames in prop::collection::vec((seed(), 0..6u16, any::<bool>()), 1..8),
        w in 10..40u16,
        h in 4..12u16,
    ) {
        let mut screen = Screen::new(Vec::new(), w, h);
        let mut previous = frame(w, h, &[]);
        for (seed, shift, up) in frames {
            // Half the frames are the previous one scrolled, as in the pane.
            let mut next = frame(w, h, &seed);
            if shift > 0 {
                // The rows between title and status move by `s`; the rows
                // that come in are the old rows at that place with a little
                // changed (like "line 8" after "line 7"), which is what
                // tells a screen writer that forgets the moved-out rows.
                let width = usize::from(w);
                let rows = usize::from(h);
                let s = usize::from(shift).min(rows - 3);
                next = previous.clone();
                let region = &mut next.content[width..(rows - 1) * width];
                if up { region.rotate_left(s * width) } else { region.rotate_right(s * width) }
                let fresh_rows = if up { rows - 1 - s..rows - 1 } else { 1..1 + s };
                for y in fresh_rows {
                    let row = y * width..(y + 1) * width;
                    next.content[row.clone()].clone_from_slice(&previous.content[row]);
                    let mark = format!("{}", y % 10);
                    next.content[y * width].set_symbol(&mark);
                }
            }
            screen.draw(&next).unwrap();
            previous = next;
        }
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(nz(h), nz(w), 0);
        parser.process(screen.writer());
        let shown = parser.screen();
        // A wide character with something drawn over its second half cannot
        // be shown; the terminal must show a blank there instead.
        let expected = |x: u16, y: u16| {
            let cell = &previous[(x, y)];
            let w = u16::try_from(cell.symbol().width()).unwrap();
            let covered = (1..w).any(|d| x + d >= previous.area.width || previous[(x + d, y)].symbol() != " ");
            if w > 1 && covered { " ".to_string() } else { cell.symbol().to_string() }
        };
        for y in 0..h {
            for x in 0..w {
                let want = &previous[(x, y)];
                let want_symbol = expected(x, y);
                if want_symbol == " " && shown.cell(y, x).is_some_and(vt100::Cell::is_wide_continuation) {
                    continue;
                }
                let got = shown.cell(y, x).map(|c| c.contents().to_string()).unwrap_or_default();
                let got = if got.is_empty() { " ".to_string() } else { got };
                prop_assert_eq!(&got, &want_symbol, "cell {},{}", x, y);
                let bold = shown.cell(y, x).is_some_and(vt100::Cell::bold);
                prop_assert_eq!(bold, want.modifier.contains(Modifier::BOLD), "bold at {},{}", x, y);
            }
        }
    }
}

/// Words from a tiny alphabet, so that names and passages repeat, nest and
/// overlap each other.
fn tiny_text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![Just("a"), Just("b"), Just("ab"), Just("ä"), Just("a-b")],
        1..max_words,
    )
    .prop_map(|words| {
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                out.push(if i % 3 == 0 { ',' } else { ' ' });
                if i % 3 == 0 {
                    out.push(' ');
                }
            }
            out.push_str(w);
        }
        out
    })
}

/// Where each passage first stands, by brute force.
fn naive_first(texts: &[&str], passage: &str) -> Option<(usize, std::ops::Range<usize>)> {
    texts
        .iter()
        .enumerate()
        .find_map(|(block, t)| t.find(passage).map(|at| (block, at..at + passage.len())))
}

/// Mentions by brute force: at each place the longest name starting there
/// (leftmost-longest, the cursor past it), whole words only, every actor
/// that has the name, adjacent mentions of an actor merged.
fn naive_mentions(
    texts: &[&str],
    names: &[Vec<&str>],
) -> Vec<Vec<(usize, std::ops::Range<usize>)>> {
    let mut found: Vec<Vec<(usize, std::ops::Range<usize>)>> = vec![Vec::new(); names.len()];
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (block, text) in texts.iter().enumerate() {
        let mut at = 0;
        while at < text.len() {
            if !text.is_char_boundary(at) {
                at += 1;
                continue;
            }
            let longest = names
                .iter()
                .flatten()
                .filter(|n| !n.is_empty() && text[at..].starts_with(**n))
                .map(|n| n.len())
                .max();
            let Some(len) = longest else {
                at += 1;
                continue;
            };
            let end = at + len;
            let whole = !word(text[..at].chars().next_back()) && !word(text[end..].chars().next());
            if whole {
                for (actor, own) in names.iter().enumerate() {
                    if !own
                        .iter()
                        .any(|n| n.len() == len && text[at..].starts_with(*n))
                    {
                        continue;
                    }
                    match found[actor].last_mut() {
                        Some((b, r)) if *b == block && at <= r.end + 1 => r.end = r.end.max(end),
                        _ => found[actor].push((block, at..end)),
                    }
                }
            }
            at = end;
        }
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Duplicate, nested and overlapping names and passages: the anchors
    /// are those a brute-force search finds.
    #[test]
    fn anchors_match_a_brute_force_search(
        paragraphs in prop::collection::vec(tiny_text(40), 1..4),
        actors in prop::collection::vec(prop::collection::vec(tiny_text(4), 1..4), 1..6),
        quotes in prop::collection::vec(tiny_text(6), 0..8),
    ) {
        let mut t = String::from("schema = 1\nlang = \"de\"\ntitle = \"t\"\n");
        for (i, names) in actors.iter().enumerate() {
            let aliases: Vec<String> = names[1..].iter().map(|n| lit(n)).collect();
            let _ = write!(t, "\n[[actors]]\nid = \"a{i}\"\nname = {}\nkind = \"person\"\naliases = [{}]\n", lit(&names[0]), aliases.join(", "));
        }
        for q in &quotes {
            let _ = write!(t, "\n[[quotes]]\ntext = {}\nspeaker = \"a0\"\n", lit(q));
            let _ = write!(t, "\n[[figures]]\nvalue = \"1\"\nlabel = \"l\"\nexcerpt = {}\n", lit(q));
        }
        let ps: Vec<String> = paragraphs.iter().map(|p| lit(p)).collect();
        let _ = write!(t, "\n[[sections]]\nparagraphs = [{}]\n", ps.join(", "));
        let b = parse(&t, "tiny").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let doc = briefing::doc::build_doc(&b, briefing::labels::Lang::De.labels(), &briefing::symbols::Symbols::UNICODE, PaneId::Text);
        let anchors = briefing::doc::Anchors::find(&b, &doc);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        for (q, anchor) in b.quotes.iter().zip(&anchors.quotes) {
            let got = anchor.as_ref().map(|a| (a.block, a.range.clone()));
            prop_assert_eq!(got, naive_first(&texts, &q.text), "quote {:?}", q.text);
        }
        for (f, anchor) in b.figures.iter().zip(&anchors.figures) {
            let got = anchor.as_ref().map(|a| (a.block, a.range.clone()));
            prop_assert_eq!(got, naive_first(&texts, &f.excerpt));
        }
        let names: Vec<Vec<&str>> = b.actors.iter()
            .map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)).collect())
            .collect();
        let want = naive_mentions(&texts, &names);
        prop_assert!(anchors.counts_complete);
        for (actor, want) in want.iter().enumerate() {
            let got: Vec<_> = anchors.mentions[actor].iter().map(|a| (a.block, a.range.clone())).collect();
            let kept = want.len().min(briefing::doc::MAX_KEPT);
            prop_assert_eq!(&got[..], &want[..kept], "actor {}", actor);
            prop_assert_eq!(anchors.mention_counts[actor], want.len());
        }
    }

    /// The matcher against brute force: where each pattern first ends, and
    /// the longest pattern starting at each byte.
    #[test]
    fn the_matcher_matches_brute_force(
        texts in prop::collection::vec(tiny_text(30), 1..3),
        patterns in prop::collection::vec(tiny_text(4), 0..12),
    ) {
        use briefing::text::matcher::Matcher;
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (forward, ids) = Matcher::new(patterns.iter().copied(), false);
        let ends = forward.first_ends(texts.iter().copied());
        for (p, id) in patterns.iter().zip(&ids) {
            let got = id.and_then(|id| ends[id]);
            let want = naive_first(&texts, p).map(|(b, r)| (b, r.end));
            prop_assert_eq!(got, want, "pattern {:?}", p);
        }
        let (reversed, rids) = Matcher::new(patterns.iter().copied(), true);
        let mut starts = Vec::new();
        for text in &texts {
            reversed.longest_starts(text, &mut starts);
            for (at, got) in starts.iter().enumerate() {
                let want = patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| text.get(at..).is_some_and(|t| t.starts_with(**p)))
                    .max_by_key(|(_, p)| p.len())
                    .and_then(|(k, _)| rids[k]);
                prop_assert_eq!(got.map(|s| s as usize), want, "at {} of {:?}", at, text);
            }
        }
    }
}
