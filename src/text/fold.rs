//! Folding for search: case- and accent-insensitive, mapped back to the
//! original text so hits can be highlighted where they are.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `text` for comparison: lower case, accents removed, ß as ss.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Byte ranges of `text` whose folded form equals `folded_query` (which must
/// already be folded), left to right, not overlapping.
pub fn find_all(text: &str, folded_query: &str) -> Vec<Range<usize>> {
    if folded_query.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() && folded_query.is_ascii() {
        // Fast path: folding ASCII keeps every offset.
        let lower = text.to_ascii_lowercase();
        return lower
            .match_indices(folded_query)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    let mut folded = String::with_capacity(text.len());
    // For each folded byte, the original character it came from.
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        push_folded(c, &mut folded);
        origin.extend(std::iter::repeat_n(
            (i, i + c.len_utf8()),
            folded.len() - before,
        ));
    }
    folded
        .match_indices(folded_query)
        .filter_map(|(i, m)| {
            let (start, _) = *origin.get(i)?;
            let (_, end) = *origin.get(i + m.len() - 1)?;
            Some(start..end)
        })
        .collect()
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            'ß' => out.push_str("ss"),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            _ => decompose_canonical(lower, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_are_ignored() {
        let text = "Putin reist nach Pjöngjang. PJÖNGJANG!";
        let hits = find_all(text, &fold("pjongjang"));
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[0].clone()], "Pjöngjang");
        assert_eq!(&text[hits[1].clone()], "PJÖNGJANG");
    }

    #[test]
    fn sharp_s_matches_double_s() {
        let text = "Die Straße ist gross.";
        assert_eq!(find_all(text, &fold("strasse")).len(), 1);
        assert_eq!(&text[find_all(text, &fold("straße"))[0].clone()], "Straße");
    }

    #[test]
    fn ascii_fast_path_matches_slow_path() {
        let text = "Kim Jong-un und kim";
        assert_eq!(find_all(text, "kim"), vec![0..3, 16..19]);
        assert!(find_all(text, "").is_empty());
    }
}
