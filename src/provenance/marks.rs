//! Quotation marks: which pairs count (« », » «, „ “, “ ”, " ", ‹ ›, ‚ ‘,
//! ‘ ’ and a few more), whether a passage stands between a pair, and every
//! quoted span of a text.

use std::ops::Range;

/// Opening mark → the closing marks that end it.
const PAIRS: [(char, &[char]); 9] = [
    ('«', &['»']),
    ('»', &['«']),
    ('„', &['“', '”']),
    ('“', &['”']),
    ('”', &['”']),
    ('"', &['"']),
    ('‹', &['›']),
    ('›', &['‹']),
    ('‚', &['‘', '’']),
];

/// Also opening, for English single quotes; its closer doubles as the
/// apostrophe, so it is only taken when not between two letters.
const SINGLE: (char, char) = ('‘', '’');

/// Whether `c` is a quotation mark of any kind (straight or curly).
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '„' | '“' | '”' | '"' | '‹' | '›' | '‚' | '‘' | '’' | '\''
    )
}

/// Whether `c` is a straight (typewriter) quotation mark.
pub fn is_straight(c: char) -> bool {
    matches!(c, '"' | '\'')
}

/// The closing marks that end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    if open == SINGLE.0 {
        return &['’'];
    }
    PAIRS
        .iter()
        .find(|(o, _)| *o == open)
        .map_or(&[], |(_, c)| *c)
}

/// Whether `text[range]` stands between a pair of quotation marks (one
/// space inside the marks is allowed, as French typesetting has it).
pub fn between_marks(text: &str, range: Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or_default();
    let after = text.get(range.end..).unwrap_or_default();
    let before = before.strip_suffix(' ').unwrap_or(before);
    let after = after.strip_prefix(' ').unwrap_or(after);
    let (Some(open), Some(close)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    closers(open).contains(&close)
}

/// Whether `text` itself starts with an opening mark and ends with one
/// that closes it.
pub fn wrapped_in_marks(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next_back()) {
        (Some(open), Some(close)) => closers(open).contains(&close),
        _ => false,
    }
}

/// Deepest nesting of quotations followed; deeper marks are ignored.
const MAX_DEPTH: usize = 8;

/// Every quoted span of `text` (the range between the marks, nested
/// quotations too), in order of their opening mark.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut spans = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let apostrophe = c == '’' && prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if apostrophe && next.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(level) = open.iter().rposition(|(o, _)| closers(*o).contains(&c)) {
            let start = open.get(level).map_or(at, |&(_, s)| s);
            open.truncate(level);
            spans.push(start..at);
            continue;
        }
        let opens = PAIRS.iter().any(|(o, _)| *o == c) || c == SINGLE.0;
        if opens && !apostrophe && open.len() < MAX_DEPTH {
            open.push((c, at + c.len_utf8()));
        }
    }
    spans.sort_by_key(|r| r.start);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_between_marks_of_every_kind() {
        for text in [
            "sagte «ja» dann",
            "sagte »ja« dann",
            "sagte „ja“ dann",
            "said “ja” then",
            "said \"ja\" then",
            "sagte ‹ja› dann",
            "sagte ‚ja‘ dann",
            "said ‘ja’ then",
            "dit « ja » alors",
        ] {
            let at = text.find("ja").unwrap();
            assert!(between_marks(text, at..at + 2), "{text}");
        }
        let text = "sagte ja dann «ja»";
        let at = text.find("ja").unwrap();
        assert!(!between_marks(text, at..at + 2));
        assert!(!between_marks("«ja“", 2..4));
    }

    #[test]
    fn quoted_spans_nest_and_skip_apostrophes() {
        let text = "«Er sagte ‹nein›», und “it’s ‘fine’” and \"x\".";
        let spans: Vec<&str> = quoted_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            spans,
            ["Er sagte ‹nein›", "nein", "it’s ‘fine’", "fine", "x"]
        );
    }

    #[test]
    fn a_text_wrapped_in_its_own_marks() {
        assert!(wrapped_in_marks("«enger Zusammenarbeit»"));
        assert!(!wrapped_in_marks("enger Zusammenarbeit"));
        assert!(!wrapped_in_marks("«"));
    }
}
