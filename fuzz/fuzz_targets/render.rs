//! TOML text (+ a control tail) → parse → `App` → render after every action,
//! and the plain renderer at a fuzzed width.
//!
//! Input layout: everything before the first NUL byte is the briefing text,
//! everything after it is the control tail (a briefing is never valid with a
//! raw NUL in it, so nothing is lost; the tail may hold NULs). Without a NUL the whole input is the
//! briefing and the defaults below apply, so plain TOML seeds work as is.
//!
//! Control tail: bytes 0-1 width (0..=300), byte 2 height (0..=100), byte 3
//! flags (bit 0 English, bit 1 ASCII, bit 2 colour, bits 3-5 start pane),
//! byte 4 plain width (1..=200), then the actions (via `arbitrary`).
//!
//! Properties: never panics; no cell of the screen holds a control character
//! or a bidi control; every line of the plain view is at most
//! max(width, 2) columns wide and holds no control or bidi character.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use briefing::app::{Action, App, Options};
use briefing::briefing::{MAX_FILE_BYTES, parse};
use briefing::labels::Lang;
use briefing::section::SectionId;
use briefing::symbols::Symbols;
use briefing::text::hyphenate::Hyphenator;
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const MAX_WIDTH: u16 = 300;
const MAX_HEIGHT: u16 = 100;
/// Most actions applied to one app (each is followed by a full render).
const MAX_ACTIONS: usize = 48;

/// `Action`, with screen sizes kept to what a buffer can hold here.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Act {
    GoTo(u8),
    GoToAny(usize),
    NextSection,
    PrevSection,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    Follow,
    Back,
    SearchStart,
    SearchInput(char),
    SearchDelete,
    SearchClear,
    SearchSubmit,
    SearchCancel,
    SearchNext,
    SearchPrev,
    Help,
    Escape,
    Quit,
    Suspend,
    Resize(u16, u8),
    Wheel(i16),
    Click(u16, u16),
}

impl Act {
    fn action(self) -> Action {
        match self {
            Act::GoTo(n) => Action::GoTo(usize::from(n % 8)),
            Act::GoToAny(n) => Action::GoTo(n),
            Act::NextSection => Action::NextSection,
            Act::PrevSection => Action::PrevSection,
            Act::Down => Action::Down,
            Act::Up => Action::Up,
            Act::PageDown => Action::PageDown,
            Act::PageUp => Action::PageUp,
            Act::HalfDown => Action::HalfDown,
            Act::HalfUp => Action::HalfUp,
            Act::Top => Action::Top,
            Act::Bottom => Action::Bottom,
            Act::Follow => Action::Follow,
            Act::Back => Action::Back,
            Act::SearchStart => Action::SearchStart,
            Act::SearchInput(c) => Action::SearchInput(c),
            Act::SearchDelete => Action::SearchDelete,
            Act::SearchClear => Action::SearchClear,
            Act::SearchSubmit => Action::SearchSubmit,
            Act::SearchCancel => Action::SearchCancel,
            Act::SearchNext => Action::SearchNext,
            Act::SearchPrev => Action::SearchPrev,
            Act::Help => Action::Help,
            Act::Escape => Action::Escape,
            Act::Quit => Action::Quit,
            Act::Suspend => Action::Suspend,
            Act::Resize(w, h) => {
                Action::Resize(w % (MAX_WIDTH + 1), u16::from(h) % (MAX_HEIGHT + 1))
            }
            Act::Wheel(n) => Action::Wheel(n),
            Act::Click(x, y) => Action::Click(x, y),
        }
    }
}

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

fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

fn draw_and_check(app: &App, (w, h): (u16, u16), after: &str) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    briefing::view::render(app, area, &mut buf);
    for (i, cell) in buf.content().iter().enumerate() {
        let sym = cell.symbol();
        assert!(
            !sym.chars().any(|c| c.is_control() || is_bidi(c)),
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
        let w = u16::from_le_bytes([byte(0).unwrap_or(80), byte(1).unwrap_or(0)]) % (MAX_WIDTH + 1);
        let h = u16::from(byte(2).unwrap_or(24)) % (MAX_HEIGHT + 1);
        let pw = u16::from(byte(4).unwrap_or(39)) % 200 + 1;
        (w, h, byte(3).unwrap_or(0), pw)
    };
    let lang = if flags & 1 != 0 { Lang::En } else { Lang::De };
    let ascii = flags & 2 != 0;
    let options = Options {
        lang,
        ascii,
        section: SectionId::at(usize::from((flags >> 3) % 6)),
        colour: flags & 4 != 0,
    };

    // The plain view first: it borrows the briefing the app then takes.
    let symbols = if ascii {
        Symbols::ASCII
    } else {
        Symbols::UNICODE
    };
    let docs = briefing::doc::build_docs(&b, lang.labels(), &symbols);
    let hyphenator = Hyphenator::new(&b.lang);
    let plain = briefing::plain::render(&docs, lang.labels(), &symbols, &hyphenator, plain_width);
    let limit = usize::from(plain_width.max(2));
    for line in plain.lines() {
        assert!(
            line.width() <= limit,
            "plain line {} columns wide at width {plain_width}: {line:?}",
            line.width()
        );
        assert!(
            !line.chars().any(|c| c.is_control() || is_bidi(c)),
            "control or bidi character in plain line {line:?}"
        );
    }

    let actions: Vec<Action> = if tail.is_empty() {
        DEFAULT_SCRIPT.to_vec()
    } else {
        let mut u = Unstructured::new(tail.get(5..).unwrap_or_default());
        let mut acts = Vec::new();
        while acts.len() < MAX_ACTIONS && !u.is_empty() {
            match Act::arbitrary(&mut u) {
                Ok(a) => acts.push(a.action()),
                Err(_) => break,
            }
        }
        acts
    };

    let mut app = App::new(b, options, width, height);
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
