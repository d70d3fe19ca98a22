//! Rendered screens: the view drawn into ratatui's `TestBackend` at several
//! sizes, as snapshots and as buffer assertions that fail if a pane loses
//! its content.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use briefing::action::Action;
use briefing::app::App;
use briefing::briefing::load_bundled;
use briefing::labels::Lang;
use briefing::pane::PaneId;
use briefing::theme::{ColourLevel, Colours, ThemeName};
use briefing::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

mod support;
use support::app::{ANSI, Open};
use support::screen_safety::frame_problem;

fn app(w: u16, h: u16, ascii: bool, colour: bool) -> App {
    let open = Open {
        ascii,
        colours: if colour { ANSI } else { Colours::NONE },
        ..Open::default()
    };
    open.app(load_bundled().unwrap(), w, h)
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let w = usize::from(buf.area.width).max(1);
    buf.content
        .chunks(w)
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

fn screen(section: usize, w: u16, h: u16, actions: &[Action]) -> (App, Buffer) {
    let mut a = app(w, h, false, false);
    a.update(Action::GoTo(section));
    for action in actions {
        a.update(*action);
    }
    let buf = draw(&a, w, h);
    (a, buf)
}

const PANES: [&str; 6] = ["overview", "figures", "quotes", "actors", "text", "sources"];

#[test]
fn every_pane_at_80x24() {
    for (i, name) in PANES.iter().enumerate() {
        let (_, buf) = screen(i, 80, 24, &[]);
        insta::assert_snapshot!(format!("{name}_80x24"), text(&buf));
    }
}

#[test]
fn every_pane_at_40x12() {
    for (i, name) in PANES.iter().enumerate() {
        let (_, buf) = screen(i, 40, 12, &[]);
        insta::assert_snapshot!(format!("{name}_40x12"), text(&buf));
    }
}

#[test]
fn list_panes_side_by_side_at_200x60() {
    for (i, name) in PANES.iter().enumerate() {
        let (_, buf) = screen(i, 200, 60, &[]);
        insta::assert_snapshot!(format!("{name}_200x60"), text(&buf));
    }
}

#[test]
fn tiny_screens() {
    for (w, h) in [(20, 5), (16, 4), (30, 10), (1, 1), (15, 3)] {
        for (i, name) in PANES.iter().enumerate() {
            let (_, buf) = screen(i, w, h, &[]);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
        }
    }
}

#[test]
fn help_overlay_and_search_prompt() {
    let (_, buf) = screen(0, 80, 24, &[Action::Help]);
    insta::assert_snapshot!("help_80x24", text(&buf));
    let (_, buf) = screen(0, 40, 12, &[Action::Help]);
    insta::assert_snapshot!("help_40x12", text(&buf));
    let typing = [
        Action::SearchStart,
        Action::SearchInput('p'),
        Action::SearchInput('j'),
    ];
    let (_, buf) = screen(4, 80, 24, &typing);
    insta::assert_snapshot!("search_prompt_80x24", text(&buf));
}

/// Lines of the pane area (between the chrome rows) as text.
fn pane_text(app: &App, buf: &Buffer) -> String {
    let body = app.geometry().body;
    text(buf)
        .lines()
        .skip(usize::from(body.y))
        .take(usize::from(body.height))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_pane_shows_its_own_content() {
    let expect: [&[&str]; 6] = [
        &[
            "Nordkorea und Russland intensivieren Beziehungen",
            "Das Wichtigste in Kürze",
            "• Russlands Präsident",
        ],
        &[
            "▶ 4,8 Mio. Geschosse",
            "Vorbehalt: etwa",
            "über 10'000 Schiffscontainer",
        ],
        &[
            "«Wir erwarten, dass sich Putin",
            "— südkoreanischer Verteidigungsminister",
        ],
        &["Personen", "▶ Wladimir Putin", "Erwähnungen im Volltext"],
        &[
            "Dass Russland und Nordkorea miteinander",
            "Putin besucht Kim Jong-un in Pjöngjang",
        ],
        &["▶ Bloomberg · Medium", "Frankfurter Rundschau"],
    ];
    for (i, wanted) in expect.iter().enumerate() {
        let (a, buf) = screen(i, 80, 24, &[]);
        let pane = pane_text(&a, &buf);
        for w in *wanted {
            assert!(pane.contains(w), "pane {} lacks {w:?}:\n{pane}", PANES[i]);
        }
    }
}

#[test]
fn the_chrome_is_there_and_the_active_tab_is_reversed() {
    let (a, buf) = screen(2, 80, 24, &[]);
    let all = text(&buf);
    let first = all.lines().next().unwrap();
    assert!(first.contains("Nordkorea und Russland") && first.trim_end().ends_with("de"));
    assert!(all.lines().nth(1).unwrap().contains("3 Zitate"));
    let status = all.lines().last().unwrap();
    assert!(status.contains("? Hilfe") && status.contains("/ Suche") && status.contains("q Ende"));
    assert!(status.trim_end().ends_with("1/4"), "{status}");
    let marks = a.keymap().section_marks(false);
    let tabs = briefing::geometry::tab_spans(a.labels(), &marks, 80);
    let x = tabs[2].start + 1;
    assert!(buf[(x, 1)].modifier.contains(Modifier::REVERSED));
    assert!(
        !buf[(tabs[1].start + 1, 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

const LEVELS: [ColourLevel; 4] = [
    ColourLevel::None,
    ColourLevel::Ansi16,
    ColourLevel::Indexed256,
    ColourLevel::TrueColor,
];

/// Every theme at every level.
fn every_look() -> impl Iterator<Item = Colours> {
    ThemeName::ALL.into_iter().flat_map(|theme| {
        LEVELS
            .into_iter()
            .map(move |level| Colours { theme, level })
    })
}

fn app_in(colours: Colours, w: u16, h: u16) -> App {
    let open = Open {
        colours,
        ..Open::default()
    };
    open.app(load_bundled().unwrap(), w, h)
}

fn reversed(buf: &Buffer) -> usize {
    buf.content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count()
}

#[test]
fn search_hits_and_the_active_tab_are_marked_without_colour_in_every_look() {
    for look in every_look() {
        let mut a = app_in(look, 80, 24);
        for action in [
            Action::SearchStart,
            Action::SearchInput('U'),
            Action::SearchInput('S'),
            Action::SearchInput('A'),
        ] {
            a.update(action);
        }
        a.update(Action::SearchSubmit);
        let buf = draw(&a, 80, 24);
        // The active tab is reversed too; the hits add to it.
        let tab_only = draw(&app_in(look, 80, 24), 80, 24);
        let marks = a.keymap().section_marks(false);
        let tabs = briefing::geometry::tab_spans(a.labels(), &marks, 80);
        let tab = &tab_only[(tabs[0].start + 1, 1)];
        assert!(tab.modifier.contains(Modifier::REVERSED), "{look:?}");
        assert!(
            reversed(&buf) >= reversed(&tab_only) + 3,
            "{look:?}: {} vs {}",
            reversed(&buf),
            reversed(&tab_only)
        );
        let current = buf.content.iter().filter(|c| {
            c.modifier
                .contains(Modifier::UNDERLINED | Modifier::REVERSED)
        });
        assert_eq!(
            current.count(),
            3,
            "{look:?}: the current hit is underlined as well"
        );
        assert!(text(&buf).lines().last().unwrap().contains("[1/"));
    }
}

#[test]
fn each_look_draws_with_the_colours_of_its_level_only() {
    for look in every_look() {
        for section in 0..6 {
            let mut a = app_in(look, 120, 40);
            a.update(Action::GoTo(section));
            let buf = draw(&a, 120, 40);
            let mut coloured = 0;
            for c in &buf.content {
                for col in [c.fg, c.bg] {
                    let ok = col == Color::Reset
                        || match look.level {
                            ColourLevel::None => false,
                            ColourLevel::Ansi16 => {
                                !matches!(col, Color::Rgb(..) | Color::Indexed(_))
                            }
                            ColourLevel::Indexed256 => matches!(col, Color::Indexed(n) if n >= 16),
                            ColourLevel::TrueColor => matches!(col, Color::Rgb(..)),
                        };
                    assert!(ok, "{look:?} pane {section}: {col:?}");
                    coloured += usize::from(col != Color::Reset);
                }
            }
            assert_eq!(
                coloured > 0,
                look.level != ColourLevel::None,
                "{look:?} pane {section}"
            );
        }
    }
}

#[test]
fn ascii_mode_draws_no_box_or_symbol_characters() {
    for section in 0..6 {
        for (w, h) in [(80, 24), (200, 60), (40, 12)] {
            let mut a = app(w, h, true, false);
            a.update(Action::GoTo(section));
            for extra in [None, Some(Action::Help)] {
                if let Some(action) = extra {
                    a.update(action);
                }
                let all = text(&draw(&a, w, h));
                for symbol in [
                    '─', '│', '┌', '┐', '└', '┘', '▶', '▏', '•', '·', '→', '—', '…', '▲', '▼', '↑',
                    '↓',
                ] {
                    assert!(
                        !all.contains(symbol),
                        "{symbol} at {w}x{h} in pane {section}"
                    );
                }
                a.update(Action::Escape);
            }
        }
    }
}

#[test]
fn every_size_renders_without_panic() {
    for section in 0..6 {
        for w in 0..=45 {
            for h in 0..=16 {
                let mut a = app(w, h, false, true);
                a.update(Action::GoTo(section));
                draw(&a, w, h);
                a.update(Action::Help);
                draw(&a, w, h);
            }
        }
    }
}

#[test]
fn the_reader_column_is_centred_and_readable_on_wide_screens() {
    let (a, buf) = screen(4, 200, 60, &[]);
    let col = a.geometry().text_column();
    assert!(col.width <= 100);
    for line in pane_text(&a, &buf).lines() {
        let lead = line.len() - line.trim_start().len();
        if !line.trim().is_empty() {
            assert!(lead >= usize::from(col.x), "{line:?}");
            assert!(unicode_width::UnicodeWidthStr::width(line) <= usize::from(col.right()));
        }
    }
}

#[test]
fn wide_characters_are_never_cut_in_half() {
    let mut b = load_bundled().unwrap();
    b.sections[0].paragraphs[0] = "世界の平和と安全を守る 北朝鮮とロシア ".repeat(20);
    b.title = "标题很长的标题".repeat(20);
    for w in [7, 8, 9, 10, 21, 40, 41] {
        let open = Open {
            pane: PaneId::Text,
            ..Open::default()
        };
        let a = open.app(b.clone(), w, 12);
        let buf = draw(&a, w, 12);
        assert_eq!(frame_problem(&buf), None, "at {w} columns");
    }
}

#[test]
fn english_labels() {
    let open = Open {
        lang: Lang::En,
        pane: PaneId::Figures,
        ..Open::default()
    };
    let mut a = open.app(load_bundled().unwrap(), 80, 24);
    insta::assert_snapshot!("figures_en_80x24", text(&draw(&a, 80, 24)));
    a.update(Action::Help);
    insta::assert_snapshot!("help_en_80x24", text(&draw(&a, 80, 24)));
}

#[test]
fn ascii_screens() {
    for (i, name) in PANES.iter().enumerate() {
        let mut a = app(80, 24, true, false);
        a.update(Action::GoTo(i));
        insta::assert_snapshot!(format!("{name}_ascii_80x24"), text(&draw(&a, 80, 24)));
    }
}

#[test]
fn the_reader_draws_the_same_anywhere_in_a_larger_buffer() {
    for (w, h) in [(80, 24), (40, 12), (200, 60), (16, 4), (1, 1)] {
        for pane in 0..6 {
            let mut a = app(w, h, false, true);
            a.update(Action::GoTo(pane));
            a.update(Action::Down);
            let alone = draw(&a, w, h);
            let host_area = ratatui::layout::Rect::new(0, 0, w + 13, h + 7);
            let mut host = Buffer::empty(host_area);
            host.set_string(
                0,
                0,
                "x".repeat(usize::from(w) + 13),
                ratatui::style::Style::new(),
            );
            let inner = ratatui::layout::Rect::new(9, 5, w, h);
            view::render(&a, inner, &mut host);
            for y in 0..h {
                for x in 0..w {
                    assert_eq!(
                        host[(x + 9, y + 5)],
                        alone[(x, y)],
                        "{w}x{h} pane {pane} at {x},{y}"
                    );
                }
            }
            for x in 0..w + 13 {
                assert_eq!(host[(x, 0)].symbol(), "x", "nothing drawn outside the area");
            }
        }
    }
}

#[test]
fn a_host_that_gives_the_wrong_size_gets_what_fits() {
    let a = app(80, 24, false, false);
    let mut small = Buffer::empty(ratatui::layout::Rect::new(0, 0, 50, 10));
    view::render(&a, ratatui::layout::Rect::new(2, 1, 60, 20), &mut small);
    let full = draw(&a, 80, 24);
    for y in 0..9 {
        for x in 0..48 {
            assert_eq!(small[(x + 2, y + 1)], full[(x, y)], "{x},{y}");
        }
    }
}

#[test]
fn rebound_keys_show_in_the_tabs_the_hints_and_the_help_footer() {
    use briefing::app::Options;
    use briefing::content::Content;
    use briefing::keymap::Keymap;
    use briefing::keys::Key;
    let mut keymap = Keymap::default();
    keymap
        .bind("sections", &['!', '@', '#', '$', '%', '^'].map(Key::Char))
        .unwrap();
    keymap
        .bind("quit", &[Key::Char('x'), Key::Ctrl('c')])
        .unwrap();
    keymap.bind("help", &[Key::F(1)]).unwrap();
    let content = std::sync::Arc::new(Content::new(
        std::sync::Arc::new(load_bundled().unwrap()),
        Lang::En,
        false,
    ));
    let options = Options {
        keymap: std::sync::Arc::new(keymap),
        ..Options::default()
    };
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = App::new(std::sync::Arc::clone(&content), options.clone(), w, h);
        let shown = text(&draw(&a, w, h));
        assert!(!shown.contains(" 1 "), "{shown}");
        let tabs = if w == 80 {
            " ! Overview  @ Key figures"
        } else {
            "  !  @  #  $  %  ^  Overview"
        };
        assert!(shown.contains(tabs), "{shown}");
        // A click on a tab finds it where it is drawn.
        let y = a.geometry().tabs.y;
        let x = u16::try_from(
            shown
                .lines()
                .nth(usize::from(y))
                .unwrap()
                .find('#')
                .unwrap(),
        )
        .unwrap();
        a.update(Action::Click(x, y));
        assert_eq!(a.pane(), PaneId::Quotes);
        a.update(Action::Help);
        let shown = text(&draw(&a, w, h));
        if w == 80 {
            assert!(shown.contains("x quit"), "{shown}");
            assert!(shown.contains(" Esc, x or F1 closes "), "{shown}");
        }
    }
    // The defaults read as before.
    let a = app(80, 24, false, false);
    let mut a = a;
    a.update(Action::Help);
    assert!(text(&draw(&a, 80, 24)).contains(" Esc, q oder ? schliesst "));
}
