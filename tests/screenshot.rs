//! The pictures in `assets/`: the reader's real rendering (80x24) as SVG.
//! The key figures pane and the full text with a search in the 16 ANSI
//! colours, shown in a common dark palette; and the full text with a search
//! in each theme in 24-bit colour, on the background the theme is made for.
//! The test fails when the rendering changed and a picture was not remade;
//! remake them with
//! `BRIEFING_UPDATE_SCREENSHOTS=1 cargo test --test screenshot`.

// A panic in a test is a failing test, not a crash.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::path::Path;

use briefing::action::Action;
use briefing::bundled::bundled;
use briefing::pane::PaneId;
use briefing::theme::{ColourLevel, Colours, ThemeName};
use briefing::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

mod support;
use support::app::{ANSI, Open};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;
const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d0d0d0";

/// The 16 ANSI colours as many dark terminal themes show them; 24-bit
/// colours as they are.
fn rgb(c: Color) -> Option<String> {
    if let Color::Rgb(r, g, b) = c {
        return Some(format!("#{r:02x}{g:02x}{b:02x}"));
    }
    Some(
        match c {
            Color::Black => "#1d1f21",
            Color::Red => "#cc6666",
            Color::Green => "#a6c472",
            Color::Yellow => "#e6c547",
            Color::Blue => "#81a2be",
            Color::Magenta => "#c397d8",
            Color::Cyan => "#70c0ba",
            Color::Gray => "#c5c8c6",
            Color::DarkGray => "#7a7f85",
            Color::LightRed => "#ff6e67",
            Color::LightGreen => "#b9ca4a",
            Color::LightYellow => "#f0d060",
            Color::LightBlue => "#96b8e0",
            Color::LightMagenta => "#d4a8e8",
            Color::LightCyan => "#8ad8d0",
            Color::White => "#eaeaea",
            _ => return None,
        }
        .to_string(),
    )
}

/// What the terminal shows where the reader sets no colour.
struct Ground {
    background: String,
    foreground: String,
}

impl Ground {
    /// The common dark palette of the 16-colour pictures.
    fn dark() -> Self {
        Self {
            background: BACKGROUND.to_string(),
            foreground: FOREGROUND.to_string(),
        }
    }

    /// The terminal a theme is made for.
    fn of(theme: ThemeName) -> Self {
        let hex = |(r, g, b): (u8, u8, u8)| format!("#{r:02x}{g:02x}{b:02x}");
        Self {
            background: hex(theme.def().background),
            foreground: hex(theme.def().foreground),
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An SVG of a rendered buffer.
fn svg(buf: &Buffer, ground: &Ground) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f32::from(w) * CELL_W + 16.0,
        f32::from(h) * CELL_H + 16.0
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" rx="6" fill="{}"/>"#,
        ground.background
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (
                rgb(cell.fg).unwrap_or_else(|| ground.foreground.clone()),
                rgb(cell.bg),
            );
            if reversed {
                (fg, bg) = (bg.unwrap_or_else(|| ground.background.clone()), Some(fg));
            }
            let width = u16::try_from(cell.symbol().width().max(1)).unwrap();
            let (px, py) = (8.0 + f32::from(x) * CELL_W, 8.0 + f32::from(y) * CELL_H);
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{px:.1}" y="{py:.1}" width="{:.1}" height="{CELL_H}" fill="{bg}"/>"#,
                    f32::from(width) * CELL_W
                );
            }
            if cell.symbol() != " " {
                let weight = if cell.modifier.contains(Modifier::BOLD) {
                    r#" font-weight="bold""#
                } else {
                    ""
                };
                let line = if cell.modifier.contains(Modifier::UNDERLINED) {
                    r#" text-decoration="underline""#
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    r#"<text x="{px:.1}" y="{:.1}" fill="{fg}"{weight}{line}>{}</text>"#,
                    py + CELL_H - 4.0,
                    escape(cell.symbol())
                );
            }
            x += width;
        }
    }
    out.push_str("</svg>\n");
    out
}

fn shot(section: PaneId, actions: &[Action], colours: Colours) -> String {
    let open = Open {
        pane: section,
        colours,
        ..Open::default()
    };
    let mut app = open.app(bundled(), 80, 24);
    for a in actions {
        app.update(*a);
    }
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    view::render(&app, area, &mut buf);
    let ground = if colours.level == ColourLevel::TrueColor {
        Ground::of(colours.theme)
    } else {
        Ground::dark()
    };
    svg(&buf, &ground)
}

#[test]
fn the_pictures_in_assets_show_the_current_rendering() {
    let search = [
        Action::SearchStart,
        Action::SearchInput('P'),
        Action::SearchInput('u'),
        Action::SearchInput('t'),
        Action::SearchInput('i'),
        Action::SearchInput('n'),
        Action::SearchSubmit,
    ];
    let theme = |theme| {
        let colours = Colours {
            theme,
            level: ColourLevel::TrueColor,
        };
        shot(PaneId::Text, &search, colours)
    };
    let pictures = [
        (
            "assets/screenshot-figures.svg",
            shot(PaneId::Figures, &[], ANSI),
        ),
        (
            "assets/screenshot-search.svg",
            shot(PaneId::Text, &search, ANSI),
        ),
        ("assets/theme-dark.svg", theme(ThemeName::Dark)),
        ("assets/theme-light.svg", theme(ThemeName::Light)),
    ];
    for (path, picture) in pictures {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("BRIEFING_UPDATE_SCREENSHOTS").is_some() {
            std::fs::write(&path, &picture).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == picture,
            "{} is out of date: remake it (see the top of this file)",
            path.display()
        );
    }
}
