//! Writes frames to a terminal with as few bytes as we can: only changed
//! cells, short cursor moves, erase-to-end-of-line for blank tails, and the
//! terminal's own scrolling (a scrolling region) when the pane moved by a few
//! lines, with our copy of the screen shifted to match, so that only the new
//! lines are sent. Generic over the writer, so frames can go anywhere.

mod rows;
mod scroll;
mod wide;

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

use self::rows::{blank_row_hash, row_hashes};
use self::scroll::{Shift, detect};
use self::wide::{cell_width, displayable};
use super::sgr;
use crate::briefing::sanitize::is_harmful;
use crate::theme::ColourLevel;

/// Begin and end of a synchronized update (mode 2026): the terminal shows
/// the frame at once, not half drawn.
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";
/// Unchanged cells between two changes that are cheaper to rewrite than to
/// jump over (a cursor move costs 4 to 8 bytes).
const MAX_GAP: usize = 4;

/// What the terminal shows, and how to change it into the next frame.
pub struct Screen<W: Write> {
    out: W,
    prev: Buffer,
    valid: bool,
    cursor: Option<(u16, u16)>,
    style: Option<Style>,
    written: u64,
    preface: String,
    /// Scratch space for one row's changes, kept between frames.
    changed: Vec<bool>,
    /// Row hashes of `prev`, to find rows that moved.
    prev_hashes: Vec<u64>,
    /// Send nothing but ASCII (a terminal that is not UTF-8).
    ascii: bool,
    /// The colours the terminal may be sent.
    level: ColourLevel,
}

impl<W: Write> Screen<W> {
    /// A screen of `width` x `height` whose content is unknown: the first
    /// frame clears it and draws everything.
    pub fn new(out: W, width: u16, height: u16) -> Self {
        Self {
            out,
            prev: Buffer::empty(Rect::new(0, 0, width, height)),
            valid: false,
            cursor: None,
            style: None,
            written: 0,
            preface: String::new(),
            changed: Vec::new(),
            prev_hashes: Vec::new(),
            ascii: false,
            level: ColourLevel::TrueColor,
        }
    }

    /// Sends only ASCII from now on: any other symbol goes out as `?`. The
    /// last line of defence for terminals that are not UTF-8 (content is
    /// transliterated before it gets here).
    pub fn ascii_only(&mut self, ascii: bool) {
        self.ascii = ascii;
    }

    /// Sends only colours of `level` from now on: any other is brought
    /// down to its nearest, or left out at [`ColourLevel::None`]. The
    /// theme already draws at that level; this is the guarantee.
    pub fn colours(&mut self, level: ColourLevel) {
        if level != self.level {
            self.level = level;
            self.invalidate();
        }
    }

    /// Bytes to send just before the next frame, in the same write (the
    /// switch to the full screen, say).
    pub fn preface(&mut self, bytes: &str) {
        self.preface.push_str(bytes);
    }

    /// The area frames must cover.
    pub fn area(&self) -> Rect {
        self.prev.area
    }

    /// Forgets what is on screen: the next frame redraws everything.
    pub fn invalidate(&mut self) {
        self.valid = false;
    }

    /// Takes a new size; the next frame redraws everything.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.prev = Buffer::empty(Rect::new(0, 0, width, height));
        self.invalidate();
    }

    /// Bytes written so far.
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    /// Makes the terminal show `next`. Writes nothing at all when nothing
    /// changed; otherwise one write, bracketed as a synchronized update.
    ///
    /// # Errors
    /// When writing to the terminal fails.
    pub fn draw(&mut self, next: &Buffer) -> io::Result<()> {
        let fixed = displayable(next);
        let next = fixed.as_ref();
        if next.area != self.prev.area {
            self.resize(next.area.width, next.area.height);
        }
        let mut o = String::new();
        // Row hashes are needed before writing only to find a scroll; on a
        // full redraw they wait until the frame is out.
        let mut hashes = None;
        if self.valid {
            let next_hashes = row_hashes(next);
            let blank = blank_row_hash(next.area.width);
            if let Some(shift) = detect(&self.prev_hashes, &next_hashes, blank) {
                self.scroll(shift, &mut o);
            }
            hashes = Some(next_hashes);
        } else {
            o.push_str("\x1b[0m\x1b[H\x1b[2J");
            // Our copy of the cleared screen: blanked in place, not a new
            // buffer (on the first frame a new one cost about 20 page faults).
            self.prev.resize(next.area);
            self.prev.reset();
            self.cursor = Some((0, 0));
            self.style = Some(Style::new());
            self.valid = true;
        }
        for y in 0..next.area.height {
            self.row(y, next, &mut o);
        }
        let result = self.write_frame(&o);
        self.prev.clone_from(next);
        self.prev_hashes = hashes.unwrap_or_else(|| row_hashes(next));
        result
    }

    /// Sends one frame's bytes, bracketed as a synchronized update.
    fn write_frame(&mut self, o: &str) -> io::Result<()> {
        if o.is_empty() {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(o.len() + SYNC_BEGIN.len() + SYNC_END.len());
        frame.extend_from_slice(std::mem::take(&mut self.preface).as_bytes());
        frame.extend_from_slice(SYNC_BEGIN);
        frame.extend_from_slice(o.as_bytes());
        frame.extend_from_slice(SYNC_END);
        self.out.write_all(&frame)?;
        self.out.flush()?;
        self.written += frame.len() as u64;
        Ok(())
    }

    /// Lets the terminal scroll a region, and shifts our copy the same way.
    fn scroll(&mut self, s: Shift, o: &mut String) {
        self.set_style(Style::new(), o);
        let _ = write!(o, "\x1b[{};{}r", s.top + 1, s.bottom + 1);
        self.cursor = None; // DECSTBM homes the cursor on most terminals, not all
        if s.up {
            self.move_to(0, s.bottom, o);
            o.extend(std::iter::repeat_n('\n', usize::from(s.lines)));
        } else {
            self.move_to(0, s.top, o);
            for _ in 0..s.lines {
                o.push_str("\x1bM");
            }
        }
        o.push_str("\x1b[r");
        self.cursor = None;
        let width = usize::from(self.prev.area.width);
        let rows = usize::from(s.top)..=usize::from(s.bottom);
        let shift = usize::from(s.lines) * width;
        let Some(region) = self
            .prev
            .content
            .get_mut(rows.start() * width..(rows.end() + 1) * width)
        else {
            return;
        };
        if shift >= region.len() {
            region.iter_mut().for_each(Cell::reset);
            return;
        }
        let len = region.len();
        if s.up {
            region.rotate_left(shift);
            region.iter_mut().skip(len - shift).for_each(Cell::reset);
        } else {
            region.rotate_right(shift);
            region.iter_mut().take(shift).for_each(Cell::reset);
        }
    }

    /// Writes the changed cells of row `y`.
    fn row(&mut self, y: u16, next: &Buffer, o: &mut String) {
        let width = usize::from(next.area.width);
        let start = usize::from(y) * width;
        let mut changed = std::mem::take(&mut self.changed);
        changed.clear();
        if let (Some(new), Some(old)) = (
            next.content.get(start..start + width),
            self.prev.content.get(start..start + width),
        ) && new != old
        {
            changed.extend(new.iter().zip(old).map(|(n, o)| n != o));
            // Overwriting half of a wide character disturbs the other half.
            for (x, cell) in old.iter().enumerate() {
                let w = cell_width(cell);
                if w > 1 && changed.get(x).copied().unwrap_or(false) {
                    changed
                        .iter_mut()
                        .skip(x + 1)
                        .take(w - 1)
                        .for_each(|c| *c = true);
                }
            }
            self.write_changes(y, new, &changed, o);
        }
        self.changed = changed;
    }

    /// Writes the cells of row `y` marked in `changed`.
    fn write_changes(&mut self, y: u16, new: &[Cell], changed: &[bool], o: &mut String) {
        let width = new.len();
        let blank = Cell::default();
        let tail = new.iter().rposition(|c| *c != blank).map_or(0, |i| i + 1);
        let mut x = 0;
        while x < width {
            if !changed.get(x).copied().unwrap_or(false) {
                x += 1;
                continue;
            }
            let (cx, cy) = (to_u16(x), y);
            if x >= tail {
                self.move_to(cx, cy, o);
                self.set_style(Style::new(), o);
                o.push_str("\x1b[K");
                return;
            }
            self.move_to(cx, cy, o);
            while let Some(cell) = new.get(x) {
                x += self.put(cell, to_u16(x), y, o);
                let Some(gap) = (x..tail).position(|i| changed.get(i).copied().unwrap_or(false))
                else {
                    break;
                };
                if gap > MAX_GAP {
                    x += gap;
                    break;
                }
            }
        }
    }

    /// Writes one cell at the cursor; returns the columns it covers.
    fn put(&mut self, cell: &Cell, x: u16, y: u16, o: &mut String) -> usize {
        let style = Style::new()
            .fg(cell.fg)
            .bg(cell.bg)
            .add_modifier(cell.modifier);
        self.set_style(style, o);
        let symbol = cell.symbol();
        let width = cell_width(cell).max(1);
        if symbol.chars().any(is_harmful) || (self.ascii && !symbol.is_ascii()) {
            // Never reached with sanitised content; the last line of
            // defence. Padded, so the cursor ends where it is thought to.
            o.push('?');
            o.extend(std::iter::repeat_n(' ', width - 1));
        } else {
            o.push_str(symbol);
        }
        let end = usize::from(x) + width;
        self.cursor = (end < usize::from(self.prev.area.width)).then(|| (to_u16(end), y));
        width
    }

    fn set_style(&mut self, style: Style, o: &mut String) {
        if self.style == Some(style) {
            return;
        }
        o.push_str("\x1b[");
        sgr::write_params(o, style, self.level);
        o.push('m');
        self.style = Some(style);
    }

    /// Moves the cursor with the shortest sequence we know.
    fn move_to(&mut self, x: u16, y: u16, o: &mut String) {
        if self.cursor == Some((x, y)) {
            return;
        }
        let absolute = match (x, y) {
            (0, 0) => "\x1b[H".to_string(),
            (0, _) => format!("\x1b[{}H", y + 1),
            _ => format!("\x1b[{};{}H", y + 1, x + 1),
        };
        let right = |n: u16| match n {
            0 => String::new(),
            1 => "\x1b[C".to_string(),
            n => format!("\x1b[{n}C"),
        };
        let relative = match self.cursor {
            Some((cx, cy)) if cy == y && x > cx => Some(right(x - cx)),
            Some((_, cy)) if cy == y => Some(format!("\r{}", right(x))),
            Some((_, cy)) if y == cy + 1 => Some(format!("\r\n{}", right(x))),
            _ => None,
        };
        match relative {
            Some(r) if r.len() < absolute.len() => o.push_str(&r),
            _ => o.push_str(&absolute),
        }
        self.cursor = Some((x, y));
    }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    fn screen_text(bytes: &[u8], w: u16, h: u16) -> String {
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(nz(h), nz(w), 0);
        parser.process(bytes);
        parser.screen().contents()
    }

    fn buffer(lines: &[&str], w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        for (y, line) in lines.iter().enumerate() {
            buf.set_string(0, u16::try_from(y).unwrap(), line, Style::new());
        }
        buf
    }

    fn expected(buf: &Buffer) -> String {
        let w = usize::from(buf.area.width);
        buf.content
            .chunks(w)
            .map(|row| {
                row.iter()
                    .map(Cell::symbol)
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
            .trim_end()
            .to_string()
    }

    #[test]
    fn first_frame_draws_everything_and_an_unchanged_frame_writes_nothing() {
        let mut s = Screen::new(Vec::new(), 20, 4);
        let b = buffer(&["hello", "", "world"], 20, 4);
        s.draw(&b).unwrap();
        let n = s.bytes_written();
        assert!(n > 0);
        s.draw(&b).unwrap();
        assert_eq!(s.bytes_written(), n);
        assert_eq!(screen_text(s.writer(), 20, 4).trim_end(), expected(&b));
    }

    #[test]
    fn a_frame_after_invalidate_draws_everything_again() {
        let mut s = Screen::new(Vec::new(), 20, 4);
        let b = buffer(&["hello", "", "world"], 20, 4);
        s.draw(&b).unwrap();
        let first = std::mem::take(s.writer());
        s.invalidate();
        s.draw(&b).unwrap();
        // The second frame alone, which clears the screen, shows it all.
        assert_eq!(screen_text(s.writer(), 20, 4).trim_end(), expected(&b));
        assert_eq!(s.writer().len(), first.len());
    }

    #[test]
    fn scrolling_by_a_line_sends_little_and_stays_right() {
        let lines: Vec<String> = (0..40)
            .map(|i| format!("line {i} of a long enough text"))
            .collect();
        let frame = |top: usize| {
            let mut rows: Vec<&str> = vec!["TITLE"];
            rows.extend(lines[top..top + 8].iter().map(String::as_str));
            rows.push("STATUS");
            buffer(&rows, 40, 10)
        };
        let mut s = Screen::new(Vec::new(), 40, 10);
        s.draw(&frame(0)).unwrap();
        let before = s.bytes_written();
        s.draw(&frame(1)).unwrap();
        let scroll_bytes = s.bytes_written() - before;
        assert!(
            scroll_bytes < 120,
            "one-line scroll wrote {scroll_bytes} bytes"
        );
        assert_eq!(
            screen_text(s.writer(), 40, 10).trim_end(),
            expected(&frame(1))
        );
        s.draw(&frame(0)).unwrap();
        assert_eq!(
            screen_text(s.writer(), 40, 10).trim_end(),
            expected(&frame(0))
        );
    }

    #[test]
    fn styles_use_short_sgr_and_controls_never_pass() {
        let mut s = Screen::new(Vec::new(), 10, 1);
        let mut b = Buffer::empty(Rect::new(0, 0, 10, 1));
        b.set_string(
            0,
            0,
            "ab",
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        );
        b[(3, 0)].set_symbol("\u{1b}");
        s.draw(&b).unwrap();
        let out = String::from_utf8(s.writer().clone()).unwrap();
        assert!(out.contains("\x1b[0;1;36mab"), "{out:?}");
        assert!(!out.contains("\u{1b}\u{1b}"));
        assert!(out.contains('?'));
    }
}
