//! A TOML string literal walked character by character: its value, and
//! where in the file each byte of the value comes from, escapes and all, so
//! that a problem points at the character itself.

/// The kinds of TOML string.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Basic,
    MultiBasic,
    Literal,
    MultiLiteral,
}

/// Walks `literal` (a TOML string as written, quotes included), calling
/// `each` with the offset in `literal` where each character of the value
/// is written and the character (`None` for an escape that stands for
/// nothing, such as a line-ending backslash); stops when `each` returns
/// false or the string ends. Returns the offset where it stopped.
fn walk(literal: &str, mut each: impl FnMut(usize, Option<char>) -> bool) -> usize {
    let (kind, mut i) = if literal.starts_with("\"\"\"") {
        (Kind::MultiBasic, 3)
    } else if literal.starts_with("'''") {
        (Kind::MultiLiteral, 3)
    } else if literal.starts_with('"') {
        (Kind::Basic, 1)
    } else if literal.starts_with('\'') {
        (Kind::Literal, 1)
    } else {
        return 0;
    };
    if matches!(kind, Kind::MultiBasic | Kind::MultiLiteral) {
        let rest = literal.get(i..).unwrap_or_default();
        i += if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with('\n'))
        };
    }
    let basic = matches!(kind, Kind::Basic | Kind::MultiBasic);
    loop {
        let rest = literal.get(i..).unwrap_or_default();
        let Some(c) = rest.chars().next() else {
            return i;
        };
        let closes = match kind {
            Kind::Basic => c == '"',
            Kind::Literal => c == '\'',
            Kind::MultiBasic => rest.starts_with("\"\"\"") && !rest.starts_with("\"\"\"\""),
            Kind::MultiLiteral => rest.starts_with("'''") && !rest.starts_with("''''"),
        };
        if closes {
            return i;
        }
        let (written, value) = if basic && c == '\\' {
            escape(rest)
        } else {
            (c.len_utf8(), Some(c))
        };
        if !each(i, value) {
            return i;
        }
        i += written;
    }
}

/// An escape at the start of `rest`: its length in the file and what it
/// stands for.
fn escape(rest: &str) -> (usize, Option<char>) {
    let hex = |n: usize| {
        let digits = rest.get(2..2 + n).unwrap_or_default();
        let value = u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32);
        (2 + n, value)
    };
    match rest.chars().nth(1) {
        Some('u') => hex(4),
        Some('U') => hex(8),
        Some('x') => hex(2),
        Some('b') => (2, Some('\u{8}')),
        Some('t') => (2, Some('\t')),
        Some('n') => (2, Some('\n')),
        Some('f') => (2, Some('\u{c}')),
        Some('r') => (2, Some('\r')),
        Some('e') => (2, Some('\u{1b}')),
        // A line-ending backslash: it and all white space after it vanish.
        Some(c) if c.is_whitespace() => {
            let after = rest.get(1..).unwrap_or_default();
            (1 + after.len() - after.trim_start().len(), None)
        }
        Some(c) => (1 + c.len_utf8(), Some(c)),
        None => (1, None),
    }
}

/// The value of the TOML string `literal`.
pub fn value(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    walk(literal, |_, c| {
        out.extend(c);
        true
    });
    out
}

/// Offset in `literal` of the character that gives byte `at` of its
/// value; the closing quote for `at` at or past the end of the value.
pub fn source_offset(literal: &str, at: usize) -> usize {
    let mut decoded = 0;
    walk(literal, |_, c| {
        if decoded >= at && c.is_some() {
            return false;
        }
        decoded += c.map_or(0, char::len_utf8);
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the value, and that every character of it maps to its place.
    fn check(literal: &str, want: &str) {
        assert_eq!(value(literal), want);
        for (at, c) in want.char_indices() {
            let i = source_offset(literal, at);
            let written = &literal[i..];
            assert!(
                written.starts_with(c) || written.starts_with('\\'),
                "{literal:?} byte {at} ({c:?}) maps to {written:?}"
            );
        }
    }

    #[test]
    fn every_kind_of_string() {
        check(r#""Ein «Zitat» hier""#, "Ein «Zitat» hier");
        check("'wörtlich \\n'", "wörtlich \\n");
        check("\"\"\"\nzwei\nZeilen\"\"\"", "zwei\nZeilen");
        check("'''\nroh \"x\"'''", "roh \"x\"");
        check(r#""a \"b\" \u00fc \U0001F600 \t c""#, "a \"b\" ü 😀 \t c");
    }

    #[test]
    fn escapes_are_walked() {
        let literal = r#""a \"b\" \u00fc \U0001F600 c""#;
        assert_eq!(source_offset(literal, 0), 1);
        assert_eq!(source_offset(literal, 2), 3); // the backslash of \"
        assert_eq!(source_offset(literal, 3), 5); // b
        let c = "a \"b\" ü 😀 c".find('c').unwrap();
        assert_eq!(&literal[source_offset(literal, c)..], "c\"");
        let continued = "\"\"\"eins \\\n    zwei\"\"\"";
        assert_eq!(value(continued), "eins zwei");
        let zwei = "eins zwei".find('z').unwrap();
        assert_eq!(&continued[source_offset(continued, zwei)..], "zwei\"\"\"");
    }

    #[test]
    fn past_the_end_is_the_closing_quote() {
        assert_eq!(source_offset("\"ab\"", 9), 3);
        assert_eq!(source_offset("not a string", 3), 0);
    }
}
