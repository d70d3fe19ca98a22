//! Numbers as written in a text: digits with the separators between them
//! ("4,8", "10'000", "1.5"). Compared as written, on both sides.

use std::ops::Range;

/// Whether `c` may stand between two digits of one number.
pub fn separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '’')
}

/// Byte ranges of the numbers in `text`, in order.
pub fn numbers(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = text.get(at..)?;
        let start = at + rest.find(|c: char| c.is_ascii_digit())?;
        let mut end = start;
        let mut chars = text.get(start..)?.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
            if c.is_ascii_digit() {
                end = start + i + 1;
            } else if !(separator(c) && next_is_digit) {
                break;
            }
        }
        at = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<&str> {
        numbers(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            all("über 10'000 Container, 4,8 Millionen, 1.5 m, G7 und 2024."),
            ["10'000", "4,8", "1.5", "7", "2024"]
        );
        assert_eq!(all("1,2,3"), ["1,2,3"]);
        assert_eq!(all("keine"), [] as [&str; 0]);
        assert_eq!(all("3 000"), ["3", "000"]);
    }
}
