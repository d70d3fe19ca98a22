//! Wrapping by display width, with our own hyphenation, into byte ranges of
//! the source text (so that search hits and styles map onto wrapped lines).

use std::collections::HashMap;

use hyphenation::{Hyphenator, Standard};
use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word, break_words};
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

/// One wrapped line: a byte range of the text, and whether a hyphen follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRange {
    /// Start byte in the wrapped text.
    pub start: usize,
    /// End byte (exclusive), trailing spaces excluded.
    pub end: usize,
    /// Whether the line ends inside a word and shows a hyphen.
    pub hyphen: bool,
}

/// Hyphenate only where it saves a clearly ragged line, and do not force the
/// last line to be long (that is what split the last word of paragraphs).
const PENALTIES: Penalties = Penalties {
    nline_penalty: 100,
    overflow_penalty: 1_000_000,
    short_last_line_fraction: 4,
    short_last_line_penalty: 0,
    hyphen_penalty: 400,
};

/// Most words and pieces of words in a line wrapped with optimal fit; a
/// longer one (far longer than any real paragraph) is wrapped first fit, in
/// chunks of this many.
pub const MAX_OPTIMAL_FRAGMENTS: usize = 5_000;

/// Shortest alphabetic run worth asking the dictionary about.
const MIN_HYPHENATE_CHARS: usize = 6;
/// Fewest letters left on either side of a hyphen ("Ar-" or "-se" read badly).
const MIN_PIECE_CHARS: usize = 3;
/// Longest run we ask about; longer ones are not words.
const MAX_HYPHENATE_BYTES: usize = 64;

/// Most words looked up in the dictionary for one layout (a word seen
/// before is not looked up again). A lookup costs about 10 µs: a long text
/// of distinct long words in a narrow column would take seconds; past this
/// budget the remaining words are broken only where they must be.
pub const MAX_LOOKUPS: usize = 20_000;

/// Hyphenation shared by every paragraph of one layout: the dictionary,
/// the break points of each word already looked up, and the lookups left.
pub struct Hyphenation<'d> {
    dict: &'d Standard,
    known: HashMap<String, Vec<usize>>,
    left: usize,
}

impl<'d> Hyphenation<'d> {
    /// Hyphenation with `dict` and a full budget.
    pub fn new(dict: &'d Standard) -> Self {
        Self {
            dict,
            known: HashMap::new(),
            left: MAX_LOOKUPS,
        }
    }

    /// Break points (byte offsets) in an alphabetic run; none once the
    /// budget is spent and the run was not seen before.
    fn breaks(&mut self, run: &str) -> &[usize] {
        if !self.known.contains_key(run) && self.left > 0 {
            self.left -= 1;
            let breaks = self.dict.hyphenate(run).breaks;
            self.known.insert(run.to_string(), breaks);
        }
        self.known.get(run).map_or(&[], Vec::as_slice)
    }

    /// How many lookups are left.
    pub fn lookups_left(&self) -> usize {
        self.left
    }
}

/// Wraps `text` to `width` columns. Newlines are hard breaks; an empty text
/// gives one empty line. No line is wider than `width` (if `width` >= 2).
pub fn wrap(text: &str, width: usize, dict: Option<&Standard>) -> Vec<LineRange> {
    let mut hyphenation = dict.map(Hyphenation::new);
    wrap_with(text, width, hyphenation.as_mut())
}

/// [`wrap`], with hyphenation shared across calls (one layout's budget).
pub fn wrap_with(
    text: &str,
    width: usize,
    mut hyphenation: Option<&mut Hyphenation<'_>>,
) -> Vec<LineRange> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        wrap_line(
            text,
            line,
            line_start,
            width,
            hyphenation.as_deref_mut(),
            &mut out,
        );
        line_start += line.len() + 1;
    }
    out
}

fn wrap_line(
    text: &str,
    line: &str,
    line_start: usize,
    width: usize,
    mut dict: Option<&mut Hyphenation<'_>>,
    out: &mut Vec<LineRange>,
) {
    let mut words = WordSeparator::AsciiSpace.find_words(line).peekable();
    let mut fragments = Vec::new();
    while fragments.len() <= MAX_OPTIMAL_FRAGMENTS {
        let Some(word) = words.next() else { break };
        split_word(word, dict.as_deref_mut(), &mut fragments);
    }
    // Room for a hyphen after any piece of a broken word.
    let room = width.saturating_sub(1).max(1);
    let fragments = break_words(fragments, room);
    if fragments.is_empty() {
        out.push(LineRange {
            start: line_start,
            end: line_start,
            hyphen: false,
        });
        return;
    }
    #[allow(clippy::cast_precision_loss)] // widths are far below 2^52
    let widths = [width as f64];
    if words.peek().is_some() {
        // A huge paragraph: optimal fit costs about 50 times more per word
        // than first fit (half a second per million words), so first fit,
        // a chunk of words at a time (memory stays small).
        first_fit_streamed(text, fragments, words, width, dict, out);
        return;
    }
    if fits(&fragments, width) {
        // One line: what optimal fit would choose (a second line always
        // costs more), without its set-up. Headings, names, figures and
        // sources are mostly this short: a sixth of the plain view's work.
        push_lines(text, &[fragments.as_slice()], out);
        return;
    }
    // Optimal fit may let a line overflow when that is cheaper than a ragged
    // one; first fit never does (every fragment fits), so it takes over then.
    let lines = match wrap_optimal_fit(&fragments, &widths, &PENALTIES) {
        Ok(lines) if lines.iter().all(|l| fits(l, width)) => lines,
        _ => wrap_first_fit(&fragments, &widths),
    };
    push_lines(text, &lines, out);
}

/// First fit over `fragments` and then the rest of `words`, a chunk at a
/// time: each chunk's last line is carried into the next, so the lines are
/// those of first fit over the whole.
fn first_fit_streamed<'a>(
    text: &str,
    mut fragments: Vec<Word<'a>>,
    mut words: impl Iterator<Item = Word<'a>>,
    width: usize,
    mut dict: Option<&mut Hyphenation<'_>>,
    out: &mut Vec<LineRange>,
) {
    #[allow(clippy::cast_precision_loss)] // widths are far below 2^52
    let widths = [width as f64];
    let room = width.saturating_sub(1).max(1);
    loop {
        let mut done = true;
        let mut raw = Vec::with_capacity(MAX_OPTIMAL_FRAGMENTS);
        for word in words.by_ref() {
            split_word(word, dict.as_deref_mut(), &mut raw);
            if raw.len() > MAX_OPTIMAL_FRAGMENTS {
                done = false;
                break;
            }
        }
        fragments.extend(break_words(raw, room));
        let lines = wrap_first_fit(&fragments, &widths);
        if done {
            push_lines(text, &lines, out);
            return;
        }
        let (last, whole) = lines
            .split_last()
            .map_or((&[][..], &[][..]), |(l, w)| (*l, w));
        push_lines(text, whole, out);
        fragments = last.to_vec();
    }
}

/// Each line of fragments as a byte range of `text`.
fn push_lines(text: &str, lines: &[&[Word<'_>]], out: &mut Vec<LineRange>) {
    for pieces in lines {
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            continue;
        };
        let start = offset_in(text, first.word);
        let end = offset_in(text, last.word) + last.word.len();
        out.push(LineRange {
            start,
            end,
            hyphen: last.penalty_width() > 0.0,
        });
    }
}

/// Whether a line of fragments, with its trailing hyphen, fits `width`.
fn fits(line: &[Word<'_>], width: usize) -> bool {
    let Some((last, init)) = line.split_last() else {
        return true;
    };
    let inner: usize = init.iter().map(|w| w.width + w.whitespace.len()).sum();
    inner + last.width + last.penalty.len() <= width
}

/// Byte offset of `part`, a slice of `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Splits a word at its own hyphens and at the dictionary's break points.
fn split_word<'a>(word: Word<'a>, dict: Option<&mut Hyphenation<'_>>, out: &mut Vec<Word<'a>>) {
    let text = word.word;
    let mut points: Vec<(usize, bool)> = Vec::new(); // (byte index, needs a hyphen)
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if prev == Some('-') && c.is_alphanumeric() && i >= 2 {
            let before = text.get(..i - 1).and_then(|s| s.chars().next_back());
            if before.is_some_and(char::is_alphanumeric) {
                points.push((i, false));
            }
        }
        prev = Some(c);
    }
    if let Some(dict) = dict {
        for (start, run) in alphabetic_runs(text) {
            if run.chars().count() < MIN_HYPHENATE_CHARS || run.len() > MAX_HYPHENATE_BYTES {
                continue;
            }
            let chars = run.chars().count();
            let counted = |b: usize| run.get(..b).map_or(0, |s| s.chars().count());
            points.extend(
                dict.breaks(run)
                    .iter()
                    .copied()
                    .filter(|&b| {
                        counted(b) >= MIN_PIECE_CHARS && chars - counted(b) >= MIN_PIECE_CHARS
                    })
                    .map(|b| (start + b, true)),
            );
        }
    }
    if points.is_empty() {
        out.push(word);
        return;
    }
    points.sort_unstable();
    points.dedup_by_key(|p| p.0);
    let mut start = 0;
    for (at, hyphen) in points {
        let Some(piece) = text.get(start..at) else {
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        let mut fragment = Word::from(piece);
        fragment.penalty = if hyphen { "-" } else { "" };
        out.push(fragment);
        start = at;
    }
    let mut last = Word::from(text.get(start..).unwrap_or_default());
    last.whitespace = word.whitespace;
    last.penalty = word.penalty;
    out.push(last);
}

/// Maximal runs of alphabetic characters, with their byte offsets.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|run| !run.is_empty())
        .map(move |run| (offset_in(text, run), run))
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::text::hyphenate::dictionary;

    /// The one-line shortcut is what optimal fit chooses: whenever a
    /// paragraph's pieces fit the width, optimal fit gives one line too.
    #[test]
    fn a_paragraph_that_fits_is_one_line_as_optimal_fit_would_make_it() {
        let dict = dictionary("de").unwrap();
        let words = [
            "Beziehungen",
            "und",
            "Russland",
            "a",
            "Zusammenarbeit",
            "x-y-z",
            "Nordkorea",
            "intensivieren",
            "ein",
            "Wirtschaftsabkommen",
            "Ü",
            "Pjöngjang",
        ];
        let mut checked = 0;
        for n in 1..=words.len() {
            for start in 0..words.len() {
                let text: Vec<&str> = words.iter().cycle().skip(start).take(n).copied().collect();
                let text = text.join(" ");
                for width in 2..=60 {
                    let mut hyphenation = Some(Hyphenation::new(&dict));
                    let mut pieces = Vec::new();
                    for word in WordSeparator::AsciiSpace.find_words(&text) {
                        split_word(word, hyphenation.as_mut(), &mut pieces);
                    }
                    let pieces = break_words(pieces, width - 1);
                    if !fits(&pieces, width) {
                        continue;
                    }
                    #[allow(clippy::cast_precision_loss)]
                    let lines = wrap_optimal_fit(&pieces, &[width as f64], &PENALTIES).unwrap();
                    assert_eq!(lines.len(), 1, "{text:?} at {width}");
                    assert_eq!(wrap(&text, width, Some(&dict)).len(), 1);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    fn render(text: &str, lines: &[LineRange]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                format!(
                    "{}{}",
                    &text[l.start..l.end],
                    if l.hyphen { "-" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn wraps_within_width_by_display_width() {
        let text = "Nordkorea liefert Russland bereits seit Monaten Munition. «Zitat» 世界世界世界";
        for width in 2..40 {
            for line in render(text, &wrap(text, width, None)) {
                assert!(line.width() <= width, "{line:?} wider than {width}");
            }
        }
    }

    #[test]
    fn german_words_are_hyphenated_in_narrow_columns() {
        let de = dictionary("de");
        let text = "Darin befanden sich mutmasslich um die 4,8 Millionen Artilleriegeschosse.";
        let lines = render(text, &wrap(text, 16, de.as_ref()));
        assert!(lines.iter().any(|l| l.ends_with('-')), "{lines:?}");
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert!(joined.contains("Artilleriegeschosse."), "{lines:?}");
        for l in &lines {
            assert!(l.width() <= 16, "{l:?}");
        }
    }

    #[test]
    fn existing_hyphens_are_break_points_without_a_second_hyphen() {
        let text = "Ukraine-Kriegs";
        let lines = render(text, &wrap(text, 9, None));
        assert_eq!(lines, vec!["Ukraine-", "Kriegs"]);
    }

    #[test]
    fn a_long_word_after_a_short_one_does_not_overflow() {
        // Found by the property tests: optimal fit put both on one line.
        let text = "␛ DonaudampfschifffahrtsgesellschaftDonaudampfschifffahrtsgesellschaft";
        for width in [20, 35, 50] {
            for line in render(text, &wrap(text, width, None)) {
                assert!(line.width() <= width, "{line:?} wider than {width}");
            }
        }
    }

    #[test]
    fn huge_paragraphs_are_wrapped_first_fit_in_chunks_as_in_one_go() {
        let pieces = ["a ", "Wort ", "Donaudampfschifffahrtsgesellschaft ", "x-y "];
        let text: String = (0..3 * MAX_OPTIMAL_FRAGMENTS)
            .map(|i| pieces[i % pieces.len()])
            .collect();
        let de = dictionary("de");
        for (width, dict) in [(20, None), (30, de.as_ref()), (100, None)] {
            let mut fragments = Vec::new();
            let mut hyphenation = dict.map(Hyphenation::new);
            for word in WordSeparator::AsciiSpace.find_words(&text) {
                split_word(word, hyphenation.as_mut(), &mut fragments);
            }
            let fragments = break_words(fragments, width - 1);
            #[allow(clippy::cast_precision_loss)]
            let lines = wrap_first_fit(&fragments, &[width as f64]);
            let mut want = Vec::new();
            push_lines(&text, &lines, &mut want);
            assert_eq!(wrap(&text, width, dict), want, "width {width}");
            for line in render(&text, &want) {
                assert!(line.width() <= width, "{line:?} wider than {width}");
            }
        }
    }

    #[test]
    fn the_dictionary_is_asked_once_per_word_and_within_a_budget() {
        let de = dictionary("de").unwrap();
        let mut h = Hyphenation::new(&de);
        let text = "Artilleriegeschosse ".repeat(100);
        let lines = wrap_with(&text, 16, Some(&mut h));
        assert!(lines.iter().any(|l| l.hyphen));
        assert_eq!(h.lookups_left(), MAX_LOOKUPS - 1, "one word, one lookup");
        // Past the budget, words are no longer looked up, only broken where
        // they must be; every line still fits.
        h.left = 0;
        let other = "Schiffscontainerschiff ".repeat(10);
        let lines = wrap_with(&other, 16, Some(&mut h));
        assert_eq!(h.lookups_left(), 0);
        for line in render(&other, &lines) {
            assert!(line.width() <= 16, "{line:?}");
        }
        assert!(!h.known.contains_key("Schiffscontainerschiff"));
    }

    #[test]
    fn long_words_are_broken() {
        let text = "x".repeat(50);
        let lines = wrap(&text, 10, None);
        assert!(lines.len() >= 5);
        assert!(lines.iter().all(|l| l.end - l.start <= 10));
    }

    #[test]
    fn newlines_are_hard_breaks_and_empty_text_is_one_line() {
        let text = "a\n\nb";
        assert_eq!(render(text, &wrap(text, 10, None)), vec!["a", "", "b"]);
        assert_eq!(wrap("", 10, None).len(), 1);
    }
}
