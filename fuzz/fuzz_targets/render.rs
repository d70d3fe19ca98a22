//! TOML text (+ a control tail) → parse → `App` → render after every action,
//! and the plain renderer at a fuzzed width.
//!
//! Input layout: everything before the first NUL byte is the briefing text,
//! everything after it is the control tail (a briefing is never valid with a
//! raw NUL in it, so nothing is lost; the tail may hold NULs). Without a NUL the whole input is the
//! briefing and the defaults below apply, so plain TOML seeds work as is.
//!
//! Control tail: bytes 0-1 width, bytes 2-3 height (any `u16`: the app caps
//! what it draws), byte 4 flags (bit 0 English, bit 1 ASCII, bits 2 and 7
//! the colour level, bits 3-7 start pane, bit 6 the light theme), byte 5 plain width (1..=200), then the actions
//! (`Action` itself, via `arbitrary`: any size, any click, any pane number).
//!
//! Properties: never panics; no cell of the screen holds a control character
//! or a bidi control (nor anything but ASCII in ASCII mode); every line of the
//! plain view is at most max(width, 2) columns wide and holds no control or
//! bidi character.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use std::sync::Arc;

use briefing::action::Action;
use briefing::app::{App, Options};
use briefing::briefing::sanitize::is_harmful;
use briefing::briefing::{MAX_FILE_BYTES, parse};
use briefing::content::Content;
use briefing::geometry::capped;
use briefing::labels::Lang;
use briefing::pane::PaneId;
use briefing::theme::{ColourLevel, Colours, ThemeName};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Most actions applied to one app (each is followed by a full render).
const MAX_ACTIONS: usize = 48;

/// With no control tail: a walk through every pane, following links and
/// searching, on an 80 x 24 screen.
const DEFAULT_SCRIPT: &[Action] = &[
    Action::Down,
    Action::Follow,
    Action::Back,
    Action::NextSection,
    Action::Down,
    Action::Follow,
    Action::NextSection,
    Action::PageDown,
    Action::Bottom,
    Action::NextSection,
    Action::Down,
    Action::Down,
    Action::Follow,
    Action::Back,
    Action::NextSection,
    Action::HalfDown,
    Action::NextSection,
    Action::Down,
    Action::Follow,
    Action::SearchStart,
    Action::SearchInput('e'),
    Action::SearchInput('n'),
    Action::SearchSubmit,
    Action::SearchNext,
    Action::SearchPrev,
    Action::Help,
    Action::PageDown,
    Action::Escape,
    Action::Resize(130, 40),
    Action::GoTo(3),
    Action::Down,
    Action::Resize(20, 5),
    Action::Wheel(3),
];

fn draw_and_check(app: &App, (w, h): (u16, u16), after: &str) {
    // As a host does: the drawn area is capped, whatever size was claimed.
    let (w, h) = capped(w, h);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    briefing::view::render(app, area, &mut buf);
    for (i, cell) in buf.content().iter().enumerate() {
        let sym = cell.symbol();
        assert!(
            !sym.chars().any(is_harmful) && (sym.is_ascii() || !app.ascii()),
            "cell {i} ({}, {}) of a {w}x{h} screen holds {sym:?} after {after}",
            i % usize::from(w.max(1)),
            i / usize::from(w.max(1)),
        );
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > MAX_FILE_BYTES {
        return;
    }
    let (text, tail) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let Ok(b) = parse(text, "fuzz.toml") else {
        return;
    };

    let tail = tail.unwrap_or_default();
    let byte = |i: usize| tail.get(i).copied();
    let (width, height, flags, plain_width) = if tail.is_empty() {
        (80, 24, 0, 40)
    } else {
        let w = u16::from_le_bytes([byte(0).unwrap_or(80), byte(1).unwrap_or(0)]);
        let h = u16::from_le_bytes([byte(2).unwrap_or(24), byte(3).unwrap_or(0)]);
        let pw = u16::from(byte(5).unwrap_or(39)) % 200 + 1;
        (w, h, byte(4).unwrap_or(0), pw)
    };
    let lang = if flags & 1 != 0 { Lang::En } else { Lang::De };
    let ascii = flags & 2 != 0;
    let options = Options {
        pane: PaneId::at(usize::from((flags >> 3) % 6)),
        colours: Colours {
            theme: if flags & 0x40 != 0 {
                ThemeName::Light
            } else {
                ThemeName::Dark
            },
            level: match (flags & 4 != 0, flags & 0x80 != 0) {
                (false, false) => ColourLevel::None,
                (true, false) => ColourLevel::Ansi16,
                (false, true) => ColourLevel::Indexed256,
                (true, true) => ColourLevel::TrueColor,
            },
        },
        hosted: false,
        ..Options::default()
    };
    let content = Arc::new(Content::new(Arc::new(b), lang, ascii));

    let plain = briefing::plain::render(&content, plain_width);
    let limit = usize::from(plain_width.max(2));
    for line in plain.lines() {
        assert!(
            line.width() <= limit,
            "plain line {} columns wide at width {plain_width}: {line:?}",
            line.width()
        );
        assert!(
            !line.chars().any(is_harmful) && (line.is_ascii() || !ascii),
            "control, bidi or (in ASCII mode) non-ASCII character in plain line {line:?}"
        );
    }

    let actions: Vec<Action> = if tail.is_empty() {
        DEFAULT_SCRIPT.to_vec()
    } else {
        let mut u = Unstructured::new(tail.get(6..).unwrap_or_default());
        let mut acts = Vec::new();
        while acts.len() < MAX_ACTIONS && !u.is_empty() {
            match Action::arbitrary(&mut u) {
                Ok(a) => acts.push(a),
                Err(_) => break,
            }
        }
        acts
    };

    let mut app = App::new(content, options, width, height);
    let mut size = (width, height);
    draw_and_check(&app, size, "App::new");
    for (n, action) in actions.iter().enumerate() {
        let _flow = app.update(*action);
        if let Action::Resize(w, h) = *action {
            size = (w, h);
        }
        draw_and_check(&app, size, &format!("action {n}: {action:?}"));
    }
});
