//! Candidates the draft offers as comments: text between quotation marks
//! (whole sentences, parts of sentences, names) and numbers, each with the
//! sentence it stands in.

use std::collections::HashSet;

use crate::provenance::marks::quoted_spans;
use crate::provenance::numbers::numbers;

use super::sentences::{around, sentences};

/// What a quoted text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// One or more whole sentences.
    Full,
    /// Part of a sentence.
    Partial,
    /// A name: an outlet, a title, a term.
    Name,
}

/// Text between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCandidate {
    /// What it is.
    pub kind: QuoteKind,
    /// The words between the marks.
    pub text: String,
    /// The sentence it stands in.
    pub sentence: String,
}

/// A number of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureCandidate {
    /// The number as written, with a following magnitude word.
    pub value: String,
    /// Its value, when it reads as one.
    pub number: Option<f64>,
    /// The sentence it stands in.
    pub sentence: String,
}

/// Most candidates of each kind offered.
pub const MAX_CANDIDATES: usize = 100;
/// Longest sentence shown with a candidate, in characters.
pub const MAX_SENTENCE: usize = 1000;

/// Words for more than one name in quotation marks.
const MAX_NAME_WORDS: usize = 4;

/// The quote candidates of the paragraphs `texts`, each text once.
pub fn quotes(texts: &[&str]) -> Vec<QuoteCandidate> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for text in texts {
        let spans = quoted_spans(text);
        if spans.is_empty() {
            continue;
        }
        let cut = sentences(text);
        for span in spans {
            let Some(inner) = text.get(span.clone()).map(str::trim) else {
                continue;
            };
            let Some(sentence) = around(&cut, &span).and_then(|r| text.get(r)) else {
                continue;
            };
            if inner.is_empty() || too_long(sentence) {
                continue;
            }
            if seen.insert(inner.to_string()) {
                out.push(QuoteCandidate {
                    kind: kind(inner),
                    text: inner.to_string(),
                    sentence: sentence.to_string(),
                });
            }
            if out.len() >= 3 * MAX_CANDIDATES {
                return out;
            }
        }
    }
    out
}

/// Whether a sentence is too long to show (counting no further than needed:
/// a paragraph of one endless sentence holds many candidates).
fn too_long(sentence: &str) -> bool {
    // A character is one to four bytes: the length alone mostly decides.
    match sentence.len() {
        n if n <= MAX_SENTENCE => false,
        n if n > 4 * MAX_SENTENCE => true,
        _ => sentence.chars().nth(MAX_SENTENCE).is_some(),
    }
}

/// Whether quoted words are whole sentences, part of one, or a name.
fn kind(inner: &str) -> QuoteKind {
    let words: Vec<&str> = inner.split(' ').collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let punctuated = inner.contains(['.', '!', '?', ',', ';', ':', '…']);
    if words.len() <= MAX_NAME_WORDS && words.iter().all(capitalised) && !punctuated {
        return QuoteKind::Name;
    }
    // English puts the comma before "said X" inside the marks.
    let starts = inner.chars().next().is_some_and(char::is_uppercase);
    let ends = inner.ends_with(['.', '!', '?', '…', ',']);
    if starts && ends {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// Words after a number that belong to its value, with their factor.
const MAGNITUDES: [(&str, f64); 14] = [
    ("Millionen", 1e6),
    ("Million", 1e6),
    ("Mio.", 1e6),
    ("Milliarden", 1e9),
    ("Milliarde", 1e9),
    ("Mrd.", 1e9),
    ("Tausend", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("thousand", 1e3),
    ("Prozent", 1.0),
    ("percent", 1.0),
];

/// The figure candidates of the paragraphs `texts`; `lang` tells a decimal
/// comma from a thousands separator.
pub fn figures(texts: &[&str], lang: &str) -> Vec<FigureCandidate> {
    let mut out: Vec<FigureCandidate> = Vec::new();
    let mut seen = HashSet::new();
    for text in texts {
        let mut cut: Option<Vec<_>> = None;
        for range in numbers(text) {
            let cut = cut.get_or_insert_with(|| sentences(text));
            let Some(sentence) = around(cut, &range).and_then(|r| text.get(r)) else {
                continue;
            };
            let digits = text.get(range.clone()).unwrap_or_default();
            let after = text.get(range.end..).unwrap_or_default();
            let magnitude = after
                .strip_prefix(' ')
                .and_then(|a| MAGNITUDES.iter().find(|(w, _)| starts_with_word(a, w)));
            let value = match magnitude {
                Some((word, _)) => format!("{digits} {word}"),
                None => digits.to_string(),
            };
            let factor = magnitude.map_or(1.0, |(_, f)| *f);
            if too_long(sentence) || !seen.insert((value.clone(), sentence)) {
                continue;
            }
            out.push(FigureCandidate {
                number: parse(digits, lang).map(|n| n * factor),
                value,
                sentence: sentence.to_string(),
            });
            if out.len() >= MAX_CANDIDATES {
                return out;
            }
        }
    }
    out
}

/// Whether `text` starts with the whole word `word`.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// A number as written in language `lang` ("4,8" is 4.8 in German, "10,000"
/// is 10000 in English; "10'000" is 10000 in both).
fn parse(written: &str, lang: &str) -> Option<f64> {
    let plain: String = written
        .chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .collect();
    let decimal_comma = !matches!(lang, "en");
    let plain = if decimal_comma {
        plain.replace('.', "").replace(',', ".")
    } else {
        plain.replace(',', "")
    };
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_sorted_into_kinds() {
        assert_eq!(kind("Bloomberg"), QuoteKind::Name);
        assert_eq!(kind("Frankfurter Rundschau"), QuoteKind::Name);
        assert_eq!(kind("enger Zusammenarbeit"), QuoteKind::Partial);
        assert_eq!(
            kind("Auf die Provokationen Nordkoreas gegen Südkorea"),
            QuoteKind::Partial
        );
        assert_eq!(kind("Das Potenzial ist sehr gross."), QuoteKind::Full);
        assert_eq!(kind("We will see. Maybe!"), QuoteKind::Full);
        assert_eq!(kind("This is the right decision,"), QuoteKind::Full);
        assert_eq!(kind("as early as next spring"), QuoteKind::Partial);
    }

    #[test]
    fn numbers_read_by_language() {
        assert_eq!(parse("4,8", "de"), Some(4.8));
        assert_eq!(parse("10'000", "de"), Some(10000.0));
        assert_eq!(parse("10.000", "de"), Some(10000.0));
        assert_eq!(parse("10,000", "en"), Some(10000.0));
        assert_eq!(parse("1.5", "en"), Some(1.5));
        assert_eq!(parse("1,2,3", "de"), None);
    }

    #[test]
    fn figures_come_with_their_magnitude_and_sentence() {
        let text = "Russland hat etwa 4,8 Millionen Geschosse erhalten. Es sind 3 Schiffe.";
        let got = figures(&[text], "de");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].value, "4,8 Millionen");
        assert_eq!(got[0].number, Some(4_800_000.0));
        assert_eq!(
            got[0].sentence,
            "Russland hat etwa 4,8 Millionen Geschosse erhalten."
        );
        assert_eq!(got[1].sentence, "Es sind 3 Schiffe.");
    }
}
