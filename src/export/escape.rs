//! Text as `CommonMark` that parses back to exactly that text: markup
//! characters are escaped, and what `CommonMark` would drop or read as
//! structure (white space at the ends, line breaks, a list marker at the
//! start) is written as a character reference.

/// Characters escaped wherever they stand: they start emphasis, code,
/// links, HTML, entities, headings and (in GitHub's dialect) strikethrough.
const ALWAYS: [char; 11] = ['\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '~'];

/// `text` as the inline content of a block (a paragraph, heading, list
/// item or block quote), so that a `CommonMark` parser reads back `text`.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 8);
    let last = text.chars().count().saturating_sub(1);
    let mut digits_at_start = true;
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\n' => out.push_str("&#10;"),
            ' ' | '\t' if at_start || i == last => out.push_str("&#32;"),
            c if ALWAYS.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            // "1." or "1)" at the start would make an ordered list.
            '.' | ')' if digits_at_start && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        digits_at_start = digits_at_start && c.is_ascii_digit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn markup_is_escaped_and_prose_is_left_alone() {
        assert_eq!(
            inline("Kim Jong-un, 10'000 «Zitat»"),
            "Kim Jong-un, 10'000 «Zitat»"
        );
        assert_eq!(inline("a *b* _c_ `d`"), "a \\*b\\* \\_c\\_ \\`d\\`");
        assert_eq!(inline("- x"), "\\- x");
        assert_eq!(inline("12. Mai"), "12\\. Mai");
        assert_eq!(inline("A 1. B"), "A 1. B");
        assert_eq!(inline(" x "), "&#32;x&#32;");
        assert_eq!(inline("a\nb"), "a&#10;b");
        assert_eq!(inline("&amp; <b>"), "\\&amp; \\<b\\>");
    }
}
