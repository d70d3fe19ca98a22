//! Writes frames to a terminal with as few bytes as we can: only changed
//! cells, short cursor moves, erase-to-end-of-line for blank tails, and the
//! terminal's own scrolling (a scrolling region) when the pane moved by a few
//! lines, with our copy of the screen shifted to match, so that only the new
//! lines are sent. Generic over the writer, so frames can go anywhere.

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use unicode_width::UnicodeWidthStr;

use super::sgr;

/// Begin and end of a synchronized update (mode 2026): the terminal shows
/// the frame at once, not half drawn.
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";
/// Unchanged cells between two changes that are cheaper to rewrite than to
/// jump over (a cursor move costs 4 to 8 bytes).
const MAX_GAP: usize = 4;
/// Fewest lines saved for a scroll to be worth its escape sequences.
const MIN_SCROLL_GAIN: usize = 2;

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
}

/// A scroll of rows `top..=bottom` by `lines`, up (content moves up) or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scroll {
    top: u16,
    bottom: u16,
    lines: u16,
    up: bool,
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
        let fixed;
        let next = match displayable(next) {
            Some(buffer) => {
                fixed = buffer;
                &fixed
            }
            None => next,
        };
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
            if let Some(scroll) = detect_scroll(&self.prev_hashes, &next_hashes, blank) {
                self.scroll(scroll, &mut o);
            }
            hashes = Some(next_hashes);
        } else {
            o.push_str("\x1b[0m\x1b[H\x1b[2J");
            self.prev = Buffer::empty(next.area);
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
    fn scroll(&mut self, s: Scroll, o: &mut String) {
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
        if symbol.chars().all(is_printable) {
            o.push_str(symbol);
        } else {
            // Never reached with sanitised content; the last line of defence.
            o.push('?');
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
        sgr::write_params(o, style);
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

/// The frame as a terminal can show it: a wide character whose second column
/// holds something else (a border drawn over it, say) cannot be shown, and
/// becomes a blank; `None` when the frame is fine as it is.
fn displayable(frame: &Buffer) -> Option<Buffer> {
    let width = usize::from(frame.area.width).max(1);
    let broken = |row: &[Cell], x: usize, cell: &Cell| {
        let w = cell_width(cell);
        w > 1
            && (x + w > row.len()
                || row
                    .iter()
                    .skip(x + 1)
                    .take(w - 1)
                    .any(|c| c.symbol() != " "))
    };
    let any = frame
        .content
        .chunks(width)
        .any(|row| row.iter().enumerate().any(|(x, c)| broken(row, x, c)));
    if !any {
        return None;
    }
    let mut fixed = frame.clone();
    for row in fixed.content.chunks_mut(width) {
        let bad: Vec<usize> = row
            .iter()
            .enumerate()
            .filter(|(x, c)| broken(row, *x, c))
            .map(|(x, _)| x)
            .collect();
        for x in bad {
            if let Some(cell) = row.get_mut(x) {
                cell.set_symbol(" ");
            }
        }
    }
    Some(fixed)
}

/// Columns a cell's symbol takes (ASCII, most of them, without a lookup).
fn cell_width(cell: &Cell) -> usize {
    let symbol = cell.symbol();
    if symbol.len() == 1 { 1 } else { symbol.width() }
}

/// Whether a character may go to the terminal as is.
fn is_printable(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A cheap key of a cell's look: its symbol and style packed and mixed.
fn cell_key(cell: &Cell) -> u64 {
    let mut symbol: u64 = 0;
    for b in cell.symbol().bytes() {
        symbol = symbol.rotate_left(8) ^ u64::from(b);
    }
    let style = (colour_code(cell.fg) << 26)
        ^ (colour_code(cell.bg) << 1)
        ^ (u64::from(cell.modifier.bits()) << 52);
    mix(symbol, style)
}

/// Colours as distinct numbers (26 bits).
fn colour_code(c: Color) -> u64 {
    match c {
        Color::Reset => 0,
        Color::Indexed(n) => 0x100 | u64::from(n),
        Color::Rgb(r, g, b) => {
            0x200_0000 | (u64::from(r) << 16) | (u64::from(g) << 8) | u64::from(b)
        }
        // The 16 named colours: their position in the enum is enough.
        named => 0x1000 | u64::from(sgr_index(named)),
    }
}

/// A small number for each named colour.
fn sgr_index(c: Color) -> u8 {
    let codes = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    codes
        .iter()
        .position(|k| *k == c)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

/// Combines two words (from the multiply-rotate family of fast hashes).
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// A hash of each row, to find rows that moved.
fn row_hashes(buf: &Buffer) -> Vec<u64> {
    let width = usize::from(buf.area.width).max(1);
    buf.content
        .chunks(width)
        .map(|row| row.iter().fold(0, |h, cell| mix(h, cell_key(cell))))
        .collect()
}

/// The hash of a blank row of `width` cells.
fn blank_row_hash(width: u16) -> u64 {
    let key = cell_key(&Cell::default());
    (0..width).fold(0, |h, _| mix(h, key))
}

/// The scroll that saves the most rows, if it saves enough, from the row
/// hashes of the previous and the next frame.
fn detect_scroll(old: &[u64], new: &[u64], blank: u64) -> Option<Scroll> {
    if old.len() != new.len() {
        return None;
    }
    let blank = Some(blank);
    let h = new.len();
    let mut best: Option<(usize, Scroll)> = None;
    for d in 1..h {
        for up in [true, false] {
            let source = |y: usize| if up { y + d } else { y.wrapping_sub(d) };
            let mut y = if up { 0 } else { d };
            let end = if up { h - d } else { h };
            while y < end {
                let run_start = y;
                let mut gain = 0;
                while y < end && new.get(y) == old.get(source(y)) {
                    if new.get(y) != old.get(y) && new.get(y).copied() != blank {
                        gain += 1;
                    }
                    y += 1;
                }
                if y > run_start && gain >= MIN_SCROLL_GAIN && best.is_none_or(|(g, _)| gain > g) {
                    let (top, bottom) = if up {
                        (run_start, y - 1 + d)
                    } else {
                        (run_start - d, y - 1)
                    };
                    let s = Scroll {
                        top: to_u16(top),
                        bottom: to_u16(bottom),
                        lines: to_u16(d),
                        up,
                    };
                    best = Some((gain, s));
                }
                y += 1;
            }
        }
    }
    best.map(|(_, s)| s)
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
