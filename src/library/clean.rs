//! Text for one line of a script's output: sanitised and on one line as
//! everywhere ([`sanitize::one_line`]), and cut to a length.

use std::path::Path;

use crate::briefing::sanitize;

/// `text` sanitised and on one line, at most `max_chars` characters (a cut
/// ends in `…`).
pub fn one_line(text: &str, max_chars: usize) -> String {
    let mut line = sanitize::one_line(text);
    if let Some((at, _)) = line.char_indices().nth(max_chars) {
        line.truncate(at);
        line.push('…');
    }
    line
}

/// Longest path printed, in characters.
const MAX_PATH_CHARS: usize = 1000;

/// A path as printed: lossy UTF-8, sanitised, on one line, cut.
pub fn path(p: &Path) -> String {
    one_line(&p.to_string_lossy(), MAX_PATH_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_and_escapes_do_not_survive() {
        let s = one_line("a\nb\u{1b}[31mc\rd", 100);
        assert!(
            !s.chars().any(sanitize::is_harmful) && !s.contains('\r'),
            "{s}"
        );
        assert_eq!(s, sanitize::one_line("a\nb\u{1b}[31mc\rd"));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("äöü", 3), "äöü");
        assert_eq!(one_line("äöüß", 3), "äöü…");
        assert_eq!(path(Path::new("x\ny.toml")), "x\u{240A}y.toml");
    }
}
