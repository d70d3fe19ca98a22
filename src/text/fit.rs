//! Text cut to a number of columns: from the end with an ellipsis (titles,
//! keys), or keeping the end (a long search prompt).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns, ending in `ellipsis` when cut.
pub fn fit(text: &str, width: usize, ellipsis: &str) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= ellipsis.width() {
        out.push_str(ellipsis);
    }
    out
}

/// The last `width` columns of `text`.
pub fn tail(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut chars: Vec<char> = Vec::new();
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        chars.push(c);
    }
    chars.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("Pjöngjang", 20, "…"), "Pjöngjang");
        assert_eq!(fit("Pjöngjang", 5, "…"), "Pjön…");
        assert_eq!(fit("世界世界", 5, "…"), "世界…");
        assert_eq!(fit("abcdef", 4, "..."), "a...");
        assert_eq!(fit("abcdef", 2, "..."), "");
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("/pjöngjang", 4), "jang");
        assert_eq!(tail("世界世", 3), "世");
        assert_eq!(tail("ab", 9), "ab");
    }
}
