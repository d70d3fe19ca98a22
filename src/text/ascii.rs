//! Text for terminals that show only ASCII (`--ascii`, or a locale that is
//! not UTF-8): German as a German reader expects it (ä → ae, ß → ss, « » →
//! "), other scripts through `deunicode`'s transliteration tables. On an
//! 8-bit terminal the bytes 0x80-0x9F of UTF-8 are C1 controls, so nothing
//! else may pass.

use std::borrow::Cow;

/// `text` with every character ASCII: printable characters and newlines.
pub fn to_ascii(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b == b'\n' || (b' '..=b'~').contains(&b))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_upper = chars.peek().is_some_and(|n| n.is_uppercase());
        push_ascii(c, next_upper, &mut out);
    }
    Cow::Owned(out)
}

/// The width of `text` once in ASCII, in columns (one per byte).
pub fn ascii_width(text: &str) -> usize {
    to_ascii(text).len()
}

fn push_ascii(c: char, next_upper: bool, out: &mut String) {
    // Capitals before capitals ("ÜBERBLICK") take a capital second letter.
    let cap = |pair: &str| {
        if next_upper {
            pair.to_ascii_uppercase()
        } else {
            pair.to_string()
        }
    };
    match c {
        '\n' | ' '..='~' => out.push(c),
        'ä' => out.push_str("ae"),
        'ö' => out.push_str("oe"),
        'ü' => out.push_str("ue"),
        'Ä' => out.push_str(&cap("Ae")),
        'Ö' => out.push_str(&cap("Oe")),
        'Ü' => out.push_str(&cap("Ue")),
        'ß' => out.push_str("ss"),
        'ẞ' => out.push_str("SS"),
        '«' | '»' | '„' | '“' | '”' | '″' => out.push('"'),
        '‹' | '›' | '‚' | '‘' | '’' | '′' => out.push('\''),
        '–' | '—' | '‑' | '‒' | '−' => out.push('-'),
        '…' => out.push_str("..."),
        '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
        _ => match deunicode::deunicode_char(c) {
            Some(s) if !s.is_empty() => {
                out.extend(s.chars().filter(|c| (' '..='~').contains(c)));
            }
            // Combining marks and the like have no letters of their own.
            Some(_) => {}
            None => out.push('?'),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_as_a_german_reader_expects() {
        assert_eq!(to_ascii("Pjöngjang"), "Pjoengjang");
        assert_eq!(
            to_ascii("Überblick, Grüße, ÄRGER"),
            "Ueberblick, Gruesse, AERGER"
        );
        assert_eq!(to_ascii("«Zitat» „so“ ‚so‘"), "\"Zitat\" \"so\" 'so'");
        assert_eq!(to_ascii("10'000 – etwa…"), "10'000 - etwa...");
    }

    #[test]
    fn other_scripts_are_transliterated() {
        assert_eq!(to_ascii("Москва"), "Moskva");
        assert_eq!(to_ascii("Café"), "Cafe");
        assert!(to_ascii("北京").is_ascii());
    }

    #[test]
    fn ascii_is_borrowed_and_everything_comes_out_ascii() {
        assert!(matches!(to_ascii("plain text\n"), Cow::Borrowed(_)));
        let all: String = (0x80u32..0x3000).filter_map(char::from_u32).collect();
        let out = to_ascii(&all);
        assert!(
            out.bytes()
                .all(|b| b == b'\n' || (b' '..=b'~').contains(&b)),
            "{out:?}"
        );
    }
}
