//! Sentences of a paragraph, for the candidates' context: a sentence ends
//! at `.`, `!`, `?` or `…` (and any closing quotation marks) before a space
//! and a capital, never inside a quotation, and not after an abbreviation.

use std::ops::Range;

use crate::provenance::marks::{is_mark, quoted_spans};

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 16] = [
    "Dr", "Mr", "Mrs", "Ms", "St", "Nr", "Mio", "Mrd", "bzw", "ca", "etc", "vs", "Prof", "usw",
    "Jan", "Feb",
];

/// The sentences of `text` (normalised: single spaces), in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    // Quotations open and close as the scan goes: a sweep, not a search.
    let quoted = quoted_spans(text);
    let mut opens: Vec<usize> = quoted.iter().map(|r| r.start).collect();
    let mut closes: Vec<usize> = quoted.iter().map(|r| r.end).collect();
    opens.sort_unstable();
    closes.sort_unstable();
    let (mut n_opened, mut n_closed) = (0, 0);
    let mut inside = |at: usize| {
        while opens.get(n_opened).is_some_and(|&o| o < at) {
            n_opened += 1;
        }
        while closes.get(n_closed).is_some_and(|&c| c <= at) {
            n_closed += 1;
        }
        n_opened > n_closed
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let after = text.get(at + c.len_utf8()..).unwrap_or_default();
        let marks = after.len() - after.trim_start_matches(is_mark).len();
        let end = at + c.len_utf8() + marks;
        let rest = text.get(end..).unwrap_or_default();
        let Some(next) = rest.strip_prefix(' ').and_then(|r| r.chars().next()) else {
            continue;
        };
        let starts_new = next.is_uppercase() || next.is_ascii_digit() || is_mark(next);
        if !starts_new
            || inside(end)
            || (c == '.' && abbreviation(text.get(..at).unwrap_or_default()))
        {
            continue;
        }
        out.push(start..end);
        start = end + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether the word before a full stop is an abbreviation or an initial.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word)
}

/// The sentences of `text` that hold `range`, as one range.
pub fn around(sentences: &[Range<usize>], range: &Range<usize>) -> Option<Range<usize>> {
    let first = sentences.partition_point(|s| s.end <= range.start);
    let last = sentences.partition_point(|s| s.start < range.end.max(range.start + 1));
    let (first, last) = (sentences.get(first)?, sentences.get(last.checked_sub(1)?)?);
    Some(first.start..last.end.max(first.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_end_outside_quotations() {
        assert_eq!(
            split(
                "Er warnte: «Wir erwarten es. Insbesondere das.» Es gehe. Dr. Kim kam 4,8 Mio. Mal."
            ),
            [
                "Er warnte: «Wir erwarten es. Insbesondere das.»",
                "Es gehe.",
                "Dr. Kim kam 4,8 Mio. Mal."
            ]
        );
        assert_eq!(split("One. two. Three"), ["One. two.", "Three"]);
    }

    #[test]
    fn the_sentences_around_a_range() {
        let text = "Eins ist hier. Zwei und drei. Vier.";
        let s = sentences(text);
        let at = text.find("drei").unwrap();
        assert_eq!(&text[around(&s, &(at..at + 4)).unwrap()], "Zwei und drei.");
    }
}
