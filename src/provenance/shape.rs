//! The shape of a line of plain text: a list item's marker, and whether a
//! line looks like a heading. `new` cuts an article by these rules and
//! `verify` accepts what they leave out, so the two agree by construction.

/// Longest line taken for a heading, in characters.
const MAX_HEADING_CHARS: usize = 120;

/// Length in bytes of the list marker a line starts with ("- ", "* ", "• ",
/// "– ", "1. ", "2) "), with the spaces after it; `None` for other lines.
pub fn bullet_len(line: &str) -> Option<usize> {
    let rest = line.trim_start();
    let indent = line.len() - rest.len();
    let marker = if rest.starts_with(['-', '*', '•', '–', '·', '▪']) {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest.get(digits..).unwrap_or_default();
        if !(1..=3).contains(&digits) || !after.starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = rest.get(marker..).unwrap_or_default();
    let body = after.trim_start_matches([' ', '\t']);
    let spaces = after.len() - body.len();
    (spaces > 0 && !body.is_empty()).then_some(indent + marker + spaces)
}

/// Most words of a heading that ends in a colon ("Key points:"); a longer
/// line ending so introduces what follows.
const MAX_COLON_HEADING_WORDS: usize = 4;

/// Whether a line reads as a heading: short, not a list item, and not
/// ending like a sentence or a clause.
pub fn heading_shaped(line: &str) -> bool {
    let line = line.trim();
    let colon_ok = !line.ends_with(':') || line.split(' ').count() <= MAX_COLON_HEADING_WORDS;
    !line.is_empty()
        && line.chars().count() <= MAX_HEADING_CHARS
        && bullet_len(line).is_none()
        && !line.ends_with(['.', '!', '?', ',', ';', '…'])
        && !line.ends_with(super::marks::is_mark)
        && colon_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        assert_eq!(bullet_len("- Punkt"), Some(2));
        assert_eq!(bullet_len("  • Punkt"), Some(6));
        assert_eq!(bullet_len("12. Punkt"), Some(4));
        assert_eq!(bullet_len("3) Punkt"), Some(3));
        assert_eq!(bullet_len("-Punkt"), None);
        assert_eq!(bullet_len("2024. war"), None);
        assert_eq!(bullet_len("1234. Punkt"), None);
        assert_eq!(bullet_len("Punkt"), None);
        assert_eq!(bullet_len("- "), None);
    }

    #[test]
    fn headings_are_short_and_end_like_no_sentence() {
        assert!(heading_shaped("Putin besucht Kim Jong-un in Pjöngjang"));
        assert!(heading_shaped("Das Wichtigste in Kürze"));
        assert!(heading_shaped("Key points:"));
        assert!(!heading_shaped("Offen bleibt, wie es geregelt wird:"));
        assert!(!heading_shaped(
            "Der Iran liefert Russland seit längerem Kriegsgeräte."
        ));
        assert!(!heading_shaped("- Russlands Präsident reist."));
        assert!(!heading_shaped("«Das Potenzial ist gross»"));
        assert!(!heading_shaped(""));
        assert!(!heading_shaped(&"Wort ".repeat(40)));
    }
}
