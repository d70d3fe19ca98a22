//! The help overlay's box and lines, generated from the key table: laid out
//! once when help opens and again on a resize, then read by both the state
//! (how far help scrolls) and the view (what it draws).

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::action::Action;
use crate::keymap::{Bound, Keymap, Screen};
use crate::labels::Lang;
use crate::scroll::{Scroll, Step};
use crate::text::ascii::to_ascii;
use crate::text::wrap::wrap;

/// Widest the help box gets.
const MAX_WIDTH: u16 = 80;
/// Widest the key column gets.
const MAX_KEYS_WIDTH: usize = 22;

/// The open help overlay: its box and lines for the current size, and how
/// far it is scrolled. The reader and the library both hold one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// The box and its lines.
    pub layout: HelpLayout,
    /// The first line shown.
    pub scroll: Scroll,
}

impl Help {
    /// Help laid out as `layout`, at its top.
    pub fn new(layout: HelpLayout) -> Self {
        let mut help = Self {
            layout,
            scroll: Scroll::default(),
        };
        help.relaid(help.layout.clone());
        help
    }

    /// Laid out again (after a resize), scrolled as far as still fits.
    pub fn relaid(&mut self, layout: HelpLayout) {
        self.layout = layout;
        self.scroll
            .set_extent(self.layout.lines.len(), self.layout.rows());
    }

    /// Scrolls for a moving action; other actions do nothing here.
    pub fn scroll_for(&mut self, action: Action) {
        let scroll = &mut self.scroll;
        match action {
            Action::Down => scroll.by(Step::Lines(1), true),
            Action::Up => scroll.by(Step::Lines(1), false),
            Action::PageDown | Action::Wheel(1..) => scroll.by(Step::Page, true),
            Action::PageUp | Action::Wheel(..=-1) => scroll.by(Step::Page, false),
            Action::HalfDown => scroll.by(Step::Half, true),
            Action::HalfUp => scroll.by(Step::Half, false),
            Action::Top => scroll.by(Step::End, false),
            Action::Bottom => scroll.by(Step::End, true),
            _ => {}
        }
    }
}

/// One line of help: keys (empty on continuation lines) and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, as written in the key table.
    pub keys: String,
    /// The description, or a wrapped part of it.
    pub text: String,
}

/// The help box on one screen: where it stands and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    /// The box, borders included.
    pub boxed: Rect,
    /// Width of the key column.
    pub keys_width: usize,
    /// Every line, wrapped to the box.
    pub lines: Vec<HelpLine>,
    /// The keys that close help, for its footer.
    pub closers: Vec<String>,
}

impl HelpLayout {
    /// The help of `screen`'s keys, as `keymap` binds them, on a terminal
    /// of `area`.
    pub fn new(keymap: &Keymap, screen: Screen, lang: Lang, ascii: bool, area: Rect) -> Self {
        let table: Vec<Bound<'_>> = keymap.bindings(screen).collect();
        // The width does not depend on the number of lines: lay out once for
        // the width, then fit the box to the lines.
        let inner = help_box(area, table.len()).width.saturating_sub(2);
        let keys_width = keys_width(&table, ascii, inner);
        let lines = lines(&table, lang, ascii, inner, keys_width);
        Self {
            boxed: help_box(area, lines.len()),
            keys_width,
            lines,
            closers: keymap.help_closers(screen, ascii),
        }
    }

    /// Rows inside the box's borders.
    pub fn rows(&self) -> usize {
        usize::from(self.boxed.height.saturating_sub(2))
    }
}

/// The box the help is drawn in, centred on a screen of `area`.
fn help_box(area: Rect, lines: usize) -> Rect {
    let width = area
        .width
        .saturating_sub(2)
        .min(MAX_WIDTH)
        .max(area.width.min(12));
    let want = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = want
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    Rect::new(x, y, width, height)
}

/// Width of the key column for a box of `inner` columns.
fn keys_width(table: &[Bound<'_>], ascii: bool, inner: u16) -> usize {
    let widest = table
        .iter()
        .map(|b| b.keys_text(ascii).width())
        .max()
        .unwrap_or(0);
    widest.min(MAX_KEYS_WIDTH).min(usize::from(inner) / 2)
}

/// Every binding with its description wrapped to fit `inner` columns.
fn lines(
    table: &[Bound<'_>],
    lang: Lang,
    ascii: bool,
    inner: u16,
    keys_width: usize,
) -> Vec<HelpLine> {
    let text_w = usize::from(inner).saturating_sub(keys_width + 3).max(1);
    let mut out = Vec::new();
    // An action left without keys has nothing to press.
    for b in table.iter().filter(|b| !b.keys.is_empty()) {
        let keys = b.keys_text(ascii);
        let help = b.binding.help.get(lang);
        let text = if ascii { to_ascii(help) } else { help.into() };
        for (i, r) in wrap(&text, text_w, None).into_iter().enumerate() {
            let part = text.get(r.start..r.end).unwrap_or_default();
            out.push(HelpLine {
                keys: if i == 0 { keys.clone() } else { String::new() },
                text: part.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_fits_every_screen_and_ascii_help_is_ascii() {
        for (w, h) in [(0, 0), (1, 1), (12, 3), (40, 12), (80, 24), (300, 100)] {
            let area = Rect::new(3, 2, w, h);
            let help = HelpLayout::new(&Keymap::default(), Screen::Reader, Lang::De, true, area);
            assert!(help.boxed.x >= area.x && help.boxed.right() <= area.right().max(area.x));
            assert!(help.boxed.y >= area.y && help.boxed.bottom() <= area.bottom().max(area.y));
            for line in &help.lines {
                assert!(line.keys.is_ascii() && line.text.is_ascii(), "{line:?}");
            }
        }
    }

    #[test]
    fn every_binding_has_a_line_with_its_keys() {
        let mut keymap = Keymap::default();
        keymap.bind("quit", &[crate::keys::Key::Char('x')]).unwrap();
        keymap.bind("search", &[]).unwrap();
        let help = HelpLayout::new(
            &keymap,
            Screen::Hosted,
            Lang::En,
            false,
            Rect::new(0, 0, 80, 24),
        );
        for b in keymap
            .bindings(Screen::Hosted)
            .filter(|b| !b.keys.is_empty())
        {
            let keys = b.keys_text(false);
            assert!(help.lines.iter().any(|l| l.keys == keys), "{keys}");
        }
        let quit = help.lines.iter().find(|l| l.text == "quit").unwrap();
        assert_eq!(quit.keys, "x");
        assert!(help.lines.iter().all(|l| l.text != "search all sections"));
    }
}
