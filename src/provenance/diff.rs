//! What differs between a passage of the briefing and the nearest passage
//! of the article: the first difference, in whole words, said in words
//! ("`gross` where the article has `groß`", "leaves out `etwa`").

use std::ops::Range;

use super::marks::{is_mark, is_straight};
use super::words::inside_word;

/// The first difference between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where it is in ours (the briefing's text).
    pub ours: Range<usize>,
    /// Where it is in theirs (the article's text).
    pub theirs: Range<usize>,
    /// Whether more differences follow it.
    pub more: bool,
}

/// Longest stretch of tokens searched for the two texts to agree again.
const RESYNC: usize = 24;

/// The first difference between `ours` and `theirs`; `None` if equal.
pub fn first_difference(ours: &str, theirs: &str) -> Option<Difference> {
    if ours == theirs {
        return None;
    }
    let (prefix, suffix) = common_ends(ours, theirs);
    let ours_mid = prefix..ours.len() - suffix;
    let theirs_mid = prefix..theirs.len() - suffix;
    let o = tokens(ours.get(ours_mid.clone()).unwrap_or_default());
    let t = tokens(theirs.get(theirs_mid.clone()).unwrap_or_default());
    let (i, j) = resync(&o, &t, ours, theirs, prefix);
    let span = |toks: &[Range<usize>], n: usize, mid: &Range<usize>| {
        let start = toks.first().map_or(mid.start, |r| mid.start + r.start);
        let end = match (toks.get(n), n) {
            (Some(r), _) => mid.start + r.start,
            (None, 0) => start,
            (None, _) => toks.last().map_or(start, |r| mid.start + r.end),
        };
        start..end.max(start)
    };
    let ours_diff = span(&o, i, &ours_mid);
    let theirs_diff = span(&t, j, &theirs_mid);
    let rest_ours = ours.get(ours_diff.end..ours_mid.end).unwrap_or_default();
    let rest_theirs = theirs
        .get(theirs_diff.end..theirs_mid.end)
        .unwrap_or_default();
    Some(Difference {
        ours: trim(ours, ours_diff),
        theirs: trim(theirs, theirs_diff),
        more: rest_ours.trim() != rest_theirs.trim(),
    })
}

/// Lengths of the common prefix and suffix, moved back to word starts and
/// ends so that a changed letter shows as a changed word.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let mut prefix = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    while prefix > 0 && (inside_word(a, prefix) || inside_word(b, prefix)) {
        prefix = floor_char(a, prefix - 1);
    }
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            Some(*sum)
        })
        .take_while(|&s| s <= room)
        .last()
        .unwrap_or(0);
    while suffix > 0 && (inside_word(a, a.len() - suffix) || inside_word(b, b.len() - suffix)) {
        let at = a.len() - suffix;
        let next = a
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        suffix -= next.min(suffix);
    }
    (prefix, suffix)
}

/// The char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Tokens of a text: words and numbers ("10'000"), and every other
/// character but spaces.
fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, c) in text.char_indices() {
        if c == ' ' {
            continue;
        }
        let end = at + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.end == at && inside_word(text, at) => last.end = end,
            _ => out.push(at..end),
        }
    }
    out
}

/// The first pair of token positions where the texts agree again for two
/// tokens (or both end): the first difference lies before it.
fn resync(
    o: &[Range<usize>],
    t: &[Range<usize>],
    ours: &str,
    theirs: &str,
    base: usize,
) -> (usize, usize) {
    fn word<'a>(text: &'a str, toks: &[Range<usize>], k: usize, base: usize) -> Option<&'a str> {
        toks.get(k)
            .and_then(|r| text.get(base + r.start..base + r.end))
    }
    let agree = |i: usize, j: usize| {
        if i == o.len() && j == t.len() {
            return true;
        }
        let run = (o.len() - i).min(t.len() - j).min(2);
        run > 0
            && (run == 2 || (i + 1 == o.len() && j + 1 == t.len()))
            && (0..run).all(|n| word(ours, o, i + n, base) == word(theirs, t, j + n, base))
    };
    for total in 1..=2 * RESYNC {
        for i in 0..=total.min(RESYNC).min(o.len()) {
            let j = total - i;
            if j <= t.len() && j <= RESYNC && agree(i, j) {
                return (i, j);
            }
        }
    }
    (o.len(), t.len())
}

/// A range without the spaces at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let part = text.get(range.clone()).unwrap_or_default();
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.start + part.trim_end().len();
    start..end.max(start)
}

/// Longest fragment quoted in a message, in characters.
const MAX_FRAGMENT: usize = 60;

/// The difference in words.
pub fn describe(ours: &str, theirs: &str, more: bool) -> String {
    let mut said = if theirs.is_empty() {
        format!("adds `{}`", fragment(ours))
    } else if ours.is_empty() {
        format!("leaves out `{}`", fragment(theirs))
    } else if let Some((o, t)) = only_differ_in(ours, theirs, is_mark) {
        match (is_straight(o), is_straight(t)) {
            (true, false) => format!("straight quotation mark `{o}` where the article has `{t}`"),
            (false, true) => {
                format!("curly quotation mark `{o}` where the article has the straight `{t}`")
            }
            _ => format!("quotation mark `{o}` where the article has `{t}`"),
        }
    } else if let Some((o, t)) = only_differ_in(ours, theirs, is_dash) {
        format!("dash `{o}` where the article has `{t}`")
    } else if ours.to_lowercase() == theirs.to_lowercase() {
        format!(
            "`{}` where the article has `{}` (upper and lower case differ)",
            fragment(ours),
            fragment(theirs)
        )
    } else {
        format!(
            "`{}` where the article has `{}`",
            fragment(ours),
            fragment(theirs)
        )
    };
    if more {
        said.push_str("; more differences follow");
    }
    said
}

/// Whether `c` is a hyphen, dash or minus.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// The first differing pair of characters, when the texts are as long and
/// every pair that differs is of the kind `class` picks out.
fn only_differ_in(a: &str, b: &str, class: fn(char) -> bool) -> Option<(char, char)> {
    if a.chars().count() != b.chars().count() {
        return None;
    }
    let mut first = None;
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y {
            if !(class(x) && class(y)) {
                return None;
            }
            first.get_or_insert((x, y));
        }
    }
    first
}

/// A fragment of text as quoted in a message: at most 60 characters.
pub fn fragment(text: &str) -> String {
    match text.char_indices().nth(MAX_FRAGMENT) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(ours: &str, theirs: &str) -> String {
        let d = first_difference(ours, theirs).expect("they differ");
        describe(&ours[d.ours], &theirs[d.theirs], d.more)
    }

    #[test]
    fn a_changed_letter_is_a_changed_word() {
        assert_eq!(
            said("Das ist sehr grosz.", "Das ist sehr gross."),
            "`grosz` where the article has `gross`"
        );
        let d = first_difference("Das ist sehr grosz.", "Das ist sehr gross.").unwrap();
        assert_eq!(d.ours, 13..18);
    }

    #[test]
    fn added_and_left_out_words() {
        assert_eq!(
            said("Er kam. Das ist neu.", "Er kam."),
            "adds `Das ist neu.`"
        );
        assert_eq!(
            said("bereits 4,8 Millionen", "bereits etwa 4,8 Millionen"),
            "leaves out `etwa`"
        );
        assert_eq!(said("A b c d e f g.", "A b X c d e f g."), "leaves out `X`");
    }

    #[test]
    fn quotation_marks_dashes_and_case() {
        assert_eq!(
            said("Er sagte: \"Ja.\"", "Er sagte: «Ja.»"),
            "straight quotation mark `\"` where the article has `«`; more differences follow"
        );
        assert_eq!(
            said("sagte: «Ja.»", "sagte: \"Ja.\""),
            "curly quotation mark `«` where the article has the straight `\"`; more differences follow"
        );
        assert_eq!(
            said("Kim Jong–un", "Kim Jong-un"),
            "dash `–` where the article has `-`"
        );
        assert_eq!(
            said("Nordkorea Als Verbündeter", "Nordkorea als Verbündeter"),
            "`Als` where the article has `als` (upper and lower case differ)"
        );
    }

    #[test]
    fn one_difference_among_many_words_is_found_alone() {
        let theirs = "eins zwei drei vier fünf sechs sieben acht neun zehn";
        let ours = "eins zwei drei VIER fünf sechs sieben acht neun zehn";
        assert_eq!(
            said(ours, theirs),
            "`VIER` where the article has `vier` (upper and lower case differ)"
        );
        let ours = "eins zwei drei VIER fünf sechs sieben ACHT neun zehn";
        assert_eq!(
            said(ours, theirs),
            "`VIER` where the article has `vier` (upper and lower case differ); more differences follow"
        );
    }

    #[test]
    fn equal_texts_have_no_difference() {
        assert_eq!(first_difference("gleich", "gleich"), None);
    }

    #[test]
    fn long_fragments_are_cut() {
        let long = "x".repeat(100);
        assert_eq!(fragment(&long).chars().count(), MAX_FRAGMENT + 1);
    }
}
