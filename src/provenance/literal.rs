//! A TOML string literal walked character by character: where in the file
//! each byte of its value comes from, escapes and all, so that a problem
//! points at the character itself.

/// The kinds of TOML string.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Basic,
    MultiBasic,
    Literal,
    MultiLiteral,
}

/// Offset in `literal` (a TOML string as written, quotes included) of the
/// character that gives byte `at` of its value; the closing quote for `at`
/// at or past the end of the value.
pub fn source_offset(literal: &str, at: usize) -> usize {
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
    let multi = matches!(kind, Kind::MultiBasic | Kind::MultiLiteral);
    if multi {
        let rest = literal.get(i..).unwrap_or_default();
        i += if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with('\n'))
        };
    }
    let basic = matches!(kind, Kind::Basic | Kind::MultiBasic);
    let mut decoded = 0;
    loop {
        let rest = literal.get(i..).unwrap_or_default();
        // Past `at`, only an escape that stands for nothing is walked over.
        let nothing = basic && rest.starts_with('\\') && escape(rest).1 == 0;
        if decoded >= at && !nothing {
            return i;
        }
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
        let (source, value) = if basic && c == '\\' {
            escape(rest)
        } else {
            (c.len_utf8(), c.len_utf8())
        };
        i += source;
        decoded += value;
    }
}

/// An escape at the start of `rest`: its length in the file and the length
/// in bytes of what it stands for.
fn escape(rest: &str) -> (usize, usize) {
    let mut chars = rest.chars().skip(1);
    let hex = |n: usize| {
        let digits = rest.get(2..2 + n).unwrap_or_default();
        let value = u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32);
        (2 + n, value.map_or(1, char::len_utf8))
    };
    match chars.next() {
        Some('u') => hex(4),
        Some('U') => hex(8),
        Some('x') => hex(2),
        // A line-ending backslash: it and all white space after it vanish.
        Some(c) if c.is_whitespace() => {
            let after = rest.get(1..).unwrap_or_default();
            (1 + after.len() - after.trim_start().len(), 0)
        }
        Some(_) => (2, 1),
        None => (1, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that every character of the value maps to its place.
    fn check(literal: &str, value: &str) {
        for (at, c) in value.char_indices() {
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
        let zwei = "eins zwei".find('z').unwrap();
        assert_eq!(&continued[source_offset(continued, zwei)..], "zwei\"\"\"");
    }

    #[test]
    fn past_the_end_is_the_closing_quote() {
        assert_eq!(source_offset("\"ab\"", 9), 3);
        assert_eq!(source_offset("not a string", 3), 0);
    }
}
