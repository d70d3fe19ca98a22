//! Text for one line of output: sanitised, line breaks made visible, cut to
//! a length.

use std::path::Path;

use crate::briefing::sanitize::sanitize;

/// What stands in for a line break inside one line (SYMBOL FOR NEWLINE).
pub const NEWLINE_MARKER: char = '\u{2424}';

/// `text` sanitised and on one line, at most `max_chars` characters (a cut
/// ends in `…`).
pub fn one_line(text: &str, max_chars: usize) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len().min(max_chars * 4));
    for (i, c) in clean.chars().enumerate() {
        if i >= max_chars {
            out.push('…');
            break;
        }
        out.push(if c == '\n' { NEWLINE_MARKER } else { c });
    }
    out
}

/// Longest path printed, in characters.
const MAX_PATH_CHARS: usize = 1000;

/// A path as printed: lossy UTF-8, sanitised, on one line.
pub fn path(p: &Path) -> String {
    one_line(&p.to_string_lossy(), MAX_PATH_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_and_escapes_do_not_survive() {
        let s = one_line("a\nb\u{1b}[31mc", 100);
        assert!(!s.contains('\n') && !s.contains('\u{1b}'));
        assert!(s.starts_with('a') && s.contains(NEWLINE_MARKER));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("abc", 3), "abc");
        assert_eq!(path(Path::new("x\ny.toml")), "x\u{2424}y.toml");
    }
}
