//! The one sanitiser for untrusted text: every string from a briefing passes here.
//!
//! Whole escape sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte `ESC x`, and their
//! 8-bit C1 forms) are removed and leave one visible marker; other controls are
//! made visible; tabs and line endings are normalised; bidi controls, soft
//! hyphens and stray zero-width characters are removed.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

/// What stands in for a removed escape sequence (SYMBOL FOR ESCAPE).
pub const ESCAPE_MARKER: char = '\u{241B}';
/// What stands in for a C1 control or a stray string terminator.
pub const C1_MARKER: char = '\u{FFFD}';

/// Makes `input` safe to show in a terminal; borrows when nothing needs changing.
pub fn sanitize(input: &str) -> Cow<'_, str> {
    if input.chars().all(is_plain) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let pushed = match c {
            '\u{1B}' => {
                skip_escape(&mut chars);
                Some(ESCAPE_MARKER)
            }
            '\u{9B}' => {
                skip_csi(&mut chars);
                Some(ESCAPE_MARKER)
            }
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                skip_string(&mut chars);
                Some(ESCAPE_MARKER)
            }
            '\n' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                Some('\n')
            }
            '\t' => Some(' '),
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
            '\u{7F}' => Some('\u{2421}'),
            '\u{80}'..='\u{9F}' => Some(C1_MARKER),
            '\u{200D}' => joins_emoji(prev, chars.peek().copied()).then_some(c),
            '\u{200C}' => joins_letters(prev, chars.peek().copied()).then_some(c),
            c if is_removed(c) => None,
            c => Some(c),
        };
        if let Some(p) = pushed {
            out.push(p);
            prev = Some(p);
        }
    }
    Cow::Owned(out)
}

/// A file name, argument or message as printed on one line: sanitised, with
/// line breaks shown as `␊` and `␍`, so no name can forge a line of output.
pub fn one_line(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| match c {
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\u{240A}',
            '\r' => '\u{240D}',
            c => c,
        })
        .collect();
    sanitize(&visible).into_owned()
}

/// A path as printed: lossy UTF-8, through [`one_line`].
pub fn path_line(path: &std::path::Path) -> String {
    one_line(&path.to_string_lossy())
}

/// True for characters that pass through unchanged.
fn is_plain(c: char) -> bool {
    match c {
        ' '..='~' => true,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{200C}'
        | '\u{200D}' => false,
        c => !is_removed(c),
    }
}

/// Whether `c` must never reach a terminal: a control character (newline
/// aside, where text is printed line by line) or a bidi or invisible
/// formatting character. The one definition every output check uses.
pub fn is_harmful(c: char) -> bool {
    (c.is_control() && c != '\n') || is_removed(c)
}

/// Bidi controls, invisible formatting characters and soft hyphens.
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// A zero-width joiner is kept only inside an emoji sequence.
fn joins_emoji(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(is_pictographic) && next.is_some_and(is_pictographic)
}

/// A zero-width non-joiner is kept only between two letters (Persian, Indic).
fn joins_letters(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
}

/// Rough test for emoji and their modifiers, enough to keep ZWJ sequences whole.
fn is_pictographic(c: char) -> bool {
    matches!(
        c,
        '\u{2600}'..='\u{27BF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0020}'..='\u{E007F}'
    )
}

/// Skips what follows an ESC: a CSI, a string sequence, or a two-byte escape.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(' '..='/') => {
            // nF escapes: intermediates, then one final byte.
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters, intermediates and the final byte.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    while chars.next_if(|c| matches!(c, '0'..='?')).is_some() {}
    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips the body of OSC/DCS/SOS/PM/APC up to and including BEL or ST.
fn skip_string(chars: &mut Peekable<Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9C}' => return,
            '\u{1B}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(input: &str) -> String {
        sanitize(input).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Pjöngjang «Zitat» 10'000"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn csi_sequences_become_one_marker() {
        assert_eq!(s("a\u{1b}[2Jb"), "a␛b");
        assert_eq!(s("a\u{1b}[1;31;48;5;200mb"), "a␛b");
        assert_eq!(s("a\u{9b}31mb"), "a␛b");
    }

    #[test]
    fn osc_and_string_sequences_are_removed_whole() {
        assert_eq!(s("x\u{1b}]52;c;SGVsbG8=\u{7}y"), "x␛y");
        assert_eq!(
            s("x\u{1b}]8;;http://e.vil\u{1b}\\link\u{1b}]8;;\u{1b}\\y"),
            "x␛link␛y"
        );
        assert_eq!(s("x\u{1b}]0;title\u{9c}y"), "x␛y");
        assert_eq!(s("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y"), "x␛y");
        assert_eq!(s("x\u{9d}0;t\u{7}y"), "x␛y");
        assert_eq!(s("x\u{1b}_apc\u{1b}\\y"), "x␛y");
        assert_eq!(s("unterminated \u{1b}]52;c;AAAA"), "unterminated ␛");
    }

    #[test]
    fn two_byte_escapes_are_removed() {
        assert_eq!(s("a\u{1b}cb"), "a␛b");
        assert_eq!(s("a\u{1b}(Bb"), "a␛b");
        assert_eq!(s("a\u{1b}"), "a␛");
    }

    #[test]
    fn other_controls_become_visible() {
        assert_eq!(s("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "a␀b␇c␡d\u{fffd}e");
    }

    #[test]
    fn tabs_and_line_endings_are_normalised() {
        assert_eq!(s("a\tb\r\nc\rd\u{2028}e"), "a b\nc\nd\ne");
    }

    #[test]
    fn bidi_and_zero_width_are_removed() {
        assert_eq!(s("a\u{202e}b\u{2066}c\u{200f}d\u{61c}e"), "abcde");
        assert_eq!(s("a\u{200b}b\u{feff}c\u{ad}d"), "abcd");
        assert_eq!(s("\u{200d}x\u{200d}"), "x");
    }

    #[test]
    fn emoji_joiners_stay() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(s(family), family);
    }

    #[test]
    fn one_line_shows_line_breaks() {
        assert_eq!(one_line("evil\nfake.toml: ok"), "evil␊fake.toml: ok");
        assert_eq!(one_line("a\r\nb\u{2028}c"), "a␍␊b␊c");
        assert_eq!(one_line("b\u{1b}]0;PWNED\u{7}\u{1b}[2J.toml"), "b␛␛.toml");
        assert!(!one_line("x\u{202e}y").contains('\u{202e}'));
    }

    #[test]
    fn output_never_holds_controls() {
        let nasty: String = (0u32..0x300).filter_map(char::from_u32).collect();
        let out = s(&nasty);
        assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
    }
}
