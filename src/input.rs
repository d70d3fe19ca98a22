//! Terminal input bytes → keys and mouse events. Our own parser, so that
//! the reader reads the terminal itself (crossterm's reader spins forever on
//! a closed terminal) and so that keys arriving as bytes from anywhere, a
//! network channel included, mean the same thing.

use crate::keys::Key;

/// One thing the user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key.
    Key(Key),
    /// Mouse wheel: negative is up.
    Wheel(i16),
    /// Left mouse button pressed at a column and row (from 0).
    Click(u16, u16),
}

/// Longest escape sequence we wait for; anything longer is noise, dropped
/// whole up to its end.
const MAX_SEQUENCE: usize = 64;
/// Longest string sequence (OSC, DCS, APC, PM, SOS) we skip to its end;
/// past this its bytes are dropped until the terminator anyway.
const MAX_STRING: usize = 4096;
/// Most bytes a parser keeps between reads.
pub const MAX_PENDING: usize = MAX_STRING;

/// Turns a stream of bytes into inputs; keeps an incomplete tail between
/// calls.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    /// Inside an overlong sequence: bytes are dropped until its end.
    discarding: Option<Discard>,
}

/// What ends the sequence being dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Discard {
    /// A CSI's final byte (0x40-0x7E).
    Csi,
    /// BEL or ST (`ESC \`) after a string sequence.
    String {
        /// The previous byte was ESC.
        escape: bool,
    },
}

/// What one attempt to parse found at the start of the bytes.
enum Step {
    /// An input, and how many bytes it took.
    Input(Input, usize),
    /// Bytes that mean nothing to us.
    Skip(usize),
    /// The bytes so far start a sequence that is not complete yet.
    Incomplete,
}

impl Parser {
    /// Parses `bytes` after what was pending; complete inputs go to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        let bytes = self.discard(bytes);
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while let Some(rest) = self.pending.get(at..).filter(|r| !r.is_empty()) {
            match step(rest) {
                Step::Input(input, n) => {
                    out.push(input);
                    at += n;
                }
                Step::Skip(n) => at += n,
                Step::Incomplete => {
                    if let Some(kind) = overlong(rest) {
                        // Dropped whole: its digits must not become keys.
                        self.pending.clear();
                        self.discarding = Some(kind);
                        return;
                    }
                    break;
                }
            }
        }
        self.pending.drain(..at.min(self.pending.len()));
    }

    /// Drops the bytes of an overlong sequence up to and including its end;
    /// returns what follows it.
    fn discard<'a>(&mut self, bytes: &'a [u8]) -> &'a [u8] {
        let Some(mut kind) = self.discarding else {
            return bytes;
        };
        for (i, &b) in bytes.iter().enumerate() {
            let end = match &mut kind {
                Discard::Csi => (0x40..=0x7e).contains(&b),
                Discard::String { escape } => {
                    let end = b == 0x07 || (*escape && b == b'\\');
                    *escape = b == 0x1b;
                    end
                }
            };
            if end {
                self.discarding = None;
                return bytes.get(i + 1..).unwrap_or_default();
            }
        }
        self.discarding = Some(kind);
        &[]
    }

    /// Whether an incomplete sequence is waiting for more bytes.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Bytes of an incomplete sequence kept for the next read (at most
    /// [`MAX_PENDING`]).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// No more bytes came in time: a lone ESC was the Escape key; any other
    /// incomplete sequence is dropped whole, the rest of it too when it
    /// arrives late (so the digits of a slow `ESC [ 5 ~` never become keys).
    pub fn flush(&mut self, out: &mut Vec<Input>) {
        match self.pending.as_slice() {
            [0x1b] => out.push(Input::Key(Key::Esc)),
            [0x1b, b'[', ..] => self.discarding = Some(Discard::Csi),
            [0x1b, b']' | b'P' | b'X' | b'^' | b'_', ..] => {
                self.discarding = Some(Discard::String { escape: false });
            }
            _ => {}
        }
        self.pending.clear();
    }
}

/// The kind of an incomplete sequence that has grown too long to wait for.
fn overlong(rest: &[u8]) -> Option<Discard> {
    match rest {
        [0x1b, b']' | b'P' | b'X' | b'^' | b'_', ..] if rest.len() > MAX_STRING => {
            Some(Discard::String { escape: false })
        }
        [0x1b, b'[', ..] if rest.len() > MAX_SEQUENCE => Some(Discard::Csi),
        _ => None,
    }
}

fn step(bytes: &[u8]) -> Step {
    let Some(&first) = bytes.first() else {
        return Step::Incomplete;
    };
    match first {
        0x1b => escape(bytes),
        b'\r' | b'\n' => Step::Input(Input::Key(Key::Enter), 1),
        b'\t' => Step::Input(Input::Key(Key::Tab), 1),
        0x7f => Step::Input(Input::Key(Key::Backspace), 1),
        0x08 => Step::Input(Input::Key(Key::Ctrl('h')), 1),
        0x01..=0x1a => Step::Input(Input::Key(Key::Ctrl(char::from(b'a' + first - 1))), 1),
        0x00 | 0x1c..=0x1f => Step::Skip(1),
        0x20..=0x7e => Step::Input(Input::Key(Key::Char(char::from(first))), 1),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Step {
    let len = match bytes.first() {
        Some(0xc2..=0xdf) => 2,
        Some(0xe0..=0xef) => 3,
        Some(0xf0..=0xf4) => 4,
        _ => return Step::Skip(1),
    };
    let Some(seq) = bytes.get(..len) else {
        return if bytes.iter().skip(1).all(|b| (0x80..0xc0).contains(b)) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    };
    match std::str::from_utf8(seq).ok().and_then(|s| s.chars().next()) {
        Some(c) if !c.is_control() => Step::Input(Input::Key(Key::Char(c)), len),
        _ => Step::Skip(1),
    }
}

fn escape(bytes: &[u8]) -> Step {
    match bytes.get(1) {
        None => Step::Incomplete,
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Step::Incomplete,
            Some(&b) => ss3(b).map_or(Step::Skip(3), |k| Step::Input(Input::Key(k), 3)),
        },
        // A string sequence (OSC, DCS, SOS, PM, APC): no key, skipped whole.
        Some(b']' | b'P' | b'X' | b'^' | b'_') => string_sequence(bytes),
        // ESC before anything else: the Escape key, then that key (Alt
        // chords are not bound, and Esc then a quick key arrive like this).
        Some(_) => Step::Input(Input::Key(Key::Esc), 1),
    }
}

/// The length of a string sequence up to its BEL or ST, if it is complete.
fn string_sequence(bytes: &[u8]) -> Step {
    let body = bytes.get(2..).unwrap_or_default();
    for (i, &b) in body.iter().enumerate() {
        if b == 0x07 {
            return Step::Skip(i + 3);
        }
        if b == 0x1b {
            return match body.get(i + 1) {
                Some(b'\\') => Step::Skip(i + 4),
                // Anything else after ESC ends the string without an ST.
                Some(_) => Step::Skip(i + 2),
                None => Step::Incomplete,
            };
        }
    }
    Step::Incomplete
}

fn ss3(b: u8) -> Option<Key> {
    Some(match b {
        b'A' => Key::Up,
        b'B' => Key::Down,
        b'C' => Key::Right,
        b'D' => Key::Left,
        b'H' => Key::Home,
        b'F' => Key::End,
        b'P' => Key::F(1),
        b'Q' => Key::F(2),
        b'R' => Key::F(3),
        b'S' => Key::F(4),
        _ => return None,
    })
}

fn csi(bytes: &[u8]) -> Step {
    let body = bytes.get(2..).unwrap_or_default();
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return Step::Incomplete;
    };
    let len = end + 3;
    let params = std::str::from_utf8(body.get(..end).unwrap_or_default()).unwrap_or_default();
    let key = |k| Step::Input(Input::Key(k), len);
    match body.get(end) {
        Some(b'A') => key(Key::Up),
        Some(b'B') => key(Key::Down),
        Some(b'C') => key(Key::Right),
        Some(b'D') => key(Key::Left),
        Some(b'H') => key(Key::Home),
        Some(b'F') => key(Key::End),
        Some(b'Z') => key(Key::BackTab),
        Some(b'~') => match params.split(';').next().unwrap_or_default() {
            "1" | "7" => key(Key::Home),
            "4" | "8" => key(Key::End),
            "5" => key(Key::PageUp),
            "6" => key(Key::PageDown),
            // F1-F12 as xterm sends them (F5 and up have no SS3 form).
            "11" => key(Key::F(1)),
            "12" => key(Key::F(2)),
            "13" => key(Key::F(3)),
            "14" => key(Key::F(4)),
            "15" => key(Key::F(5)),
            "17" => key(Key::F(6)),
            "18" => key(Key::F(7)),
            "19" => key(Key::F(8)),
            "20" => key(Key::F(9)),
            "21" => key(Key::F(10)),
            "23" => key(Key::F(11)),
            "24" => key(Key::F(12)),
            _ => Step::Skip(len),
        },
        Some(b'M' | b'm') if params.starts_with('<') => {
            mouse(params, body.get(end) == Some(&b'M'), len)
        }
        _ => Step::Skip(len),
    }
}

/// SGR mouse report: `<button;column;row`, M for press, m for release.
fn mouse(params: &str, press: bool, len: usize) -> Step {
    let mut nums = params
        .trim_start_matches('<')
        .split(';')
        .map(|n| n.parse::<u16>().ok());
    let (Some(Some(button)), Some(Some(x)), Some(Some(y))) =
        (nums.next(), nums.next(), nums.next())
    else {
        return Step::Skip(len);
    };
    match button {
        64 => Step::Input(Input::Wheel(-1), len),
        65 => Step::Input(Input::Wheel(1), len),
        0 if press => Step::Input(Input::Click(x.saturating_sub(1), y.saturating_sub(1)), len),
        _ => Step::Skip(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Input> {
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(bytes, &mut out);
        p.flush(&mut out);
        out
    }

    fn keys(bytes: &[u8]) -> Vec<Key> {
        parse(bytes)
            .into_iter()
            .filter_map(|i| match i {
                Input::Key(k) => Some(k),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn plain_keys_and_controls() {
        assert_eq!(
            keys(b"jq/"),
            vec![Key::Char('j'), Key::Char('q'), Key::Char('/')]
        );
        assert_eq!(
            keys(b"\r\t\x7f\x03\x04\x1a"),
            vec![
                Key::Enter,
                Key::Tab,
                Key::Backspace,
                Key::Ctrl('c'),
                Key::Ctrl('d'),
                Key::Ctrl('z')
            ]
        );
        assert_eq!(keys("ö€".as_bytes()), vec![Key::Char('ö'), Key::Char('€')]);
    }

    #[test]
    fn escape_sequences() {
        assert_eq!(
            keys(b"\x1b[A\x1b[B\x1bOC\x1b[1;5D"),
            vec![Key::Up, Key::Down, Key::Right, Key::Left]
        );
        assert_eq!(
            keys(b"\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z\x1bOP"),
            vec![
                Key::PageUp,
                Key::PageDown,
                Key::Home,
                Key::End,
                Key::BackTab,
                Key::F(1)
            ]
        );
    }

    #[test]
    fn lone_escape_is_the_escape_key_after_a_flush() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b", &mut out);
        assert!(out.is_empty() && p.has_pending());
        p.feed(b"[A", &mut out);
        assert_eq!(out, vec![Input::Key(Key::Up)]);
        out.clear();
        p.feed(b"\x1b", &mut out);
        p.flush(&mut out);
        assert_eq!(out, vec![Input::Key(Key::Esc)]);
    }

    #[test]
    fn escape_then_a_key_in_one_read_is_both_keys() {
        assert_eq!(keys(b"\x1b4"), vec![Key::Esc, Key::Char('4')]);
        assert_eq!(keys(b"\x1b\x1b"), vec![Key::Esc, Key::Esc]);
    }

    #[test]
    fn split_utf8_waits_for_the_rest() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let bytes = "ü".as_bytes();
        p.feed(&bytes[..1], &mut out);
        assert!(out.is_empty());
        p.feed(&bytes[1..], &mut out);
        assert_eq!(out, vec![Input::Key(Key::Char('ü'))]);
    }

    #[test]
    fn mouse_reports() {
        assert_eq!(
            parse(b"\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;3;2M\x1b[<0;3;2m"),
            vec![Input::Wheel(-1), Input::Wheel(1), Input::Click(2, 1)]
        );
    }

    #[test]
    fn a_slow_arrow_key_is_one_key() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        for byte in b"\x1b[B" {
            p.feed(&[*byte], &mut out);
            assert!(out.is_empty() || out == vec![Input::Key(Key::Down)]);
        }
        assert_eq!(out, vec![Input::Key(Key::Down)]);
    }

    #[test]
    fn an_overlong_sequence_is_dropped_whole() {
        let mut seq = b"\x1b[".to_vec();
        seq.extend(std::iter::repeat_n(b'1', 200));
        seq.extend(b"mjq");
        for chunk in [1, 7, 64, seq.len()] {
            let mut p = Parser::default();
            let mut out = Vec::new();
            for part in seq.chunks(chunk) {
                p.feed(part, &mut out);
            }
            assert_eq!(
                out,
                vec![Input::Key(Key::Char('j')), Input::Key(Key::Char('q'))]
            );
        }
    }

    #[test]
    fn string_sequences_are_skipped_whole() {
        assert_eq!(keys(b"\x1b]0;PWNED\x07j"), vec![Key::Char('j')]);
        assert_eq!(keys(b"\x1bP1$r0m\x1b\\k"), vec![Key::Char('k')]);
        let mut long = b"\x1b]52;c;".to_vec();
        long.extend(std::iter::repeat_n(b'4', 10_000));
        long.extend(b"\x07q");
        let mut p = Parser::default();
        let mut out = Vec::new();
        for part in long.chunks(100) {
            p.feed(part, &mut out);
        }
        assert_eq!(out, vec![Input::Key(Key::Char('q'))]);
        assert!(p.pending.len() <= MAX_STRING + 100);
    }

    #[test]
    fn the_rest_of_a_sequence_cut_by_a_timeout_is_dropped_too() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(b"\x1b[5", &mut out);
        p.flush(&mut out);
        p.feed(b"~j", &mut out);
        assert_eq!(out, vec![Input::Key(Key::Char('j'))], "no jump to pane 5");
        out.clear();
        p.feed(b"\x1b", &mut out);
        p.flush(&mut out);
        p.feed(b"4", &mut out);
        assert_eq!(out, vec![Input::Key(Key::Esc), Input::Key(Key::Char('4'))]);
    }

    #[test]
    fn garbage_never_panics_and_never_sticks() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let noise: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        p.feed(&noise, &mut out);
        p.feed(&[0x1b, b'['], &mut out);
        p.feed(&[b'1'; 100], &mut out);
        assert!(p.pending.len() <= MAX_SEQUENCE + 1);
    }
}
