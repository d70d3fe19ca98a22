//! The passage of the article nearest to one that is not in it, and what
//! differs. The words of the passage vote for where it would stand (word
//! k of the passage at word j of the article votes for j - k); the winning
//! alignment is cut to the unit, quotation or sentence it falls in, and
//! the two texts are compared. Common words do not vote and a long passage
//! votes with a sample of its words, so the work stays bounded.

use std::collections::BTreeMap;
use std::ops::Range;

use super::diff::{describe, first_difference};
use super::find::{Budget, OutOfWork};
use super::haystack::Haystack;
use super::marks::{is_mark, quoted_spans};
use super::words::words;

/// What a passage is cut to in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    /// Whole units: a title, heading or paragraph stands for whole lines.
    Unit,
    /// The quotation it falls in: a quote.
    Quoted,
    /// The words that align, widened to the sentence: an excerpt.
    Passage,
}

/// The nearest passage and how the briefing's text differs from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearest {
    /// Offset in the briefing's (normalised) text of the first difference.
    pub ours_at: usize,
    /// Offset in the normalised article of the same place.
    pub theirs_at: usize,
    /// The passage, as a range of the normalised article.
    pub passage: Range<usize>,
    /// What differs, in words.
    pub message: String,
}

/// Words found more often than this in the article do not vote.
const MAX_OCCURRENCES: usize = 500;
/// Most words of one passage that vote.
const MAX_VOTERS: usize = 128;
/// Budget steps charged per vote: counting one costs tens of nanoseconds.
const VOTE_STEPS: usize = 32;

/// The passage of the article nearest to `needle` (normalised), if any
/// passage shares enough words with it.
///
/// # Errors
/// When the budget is spent.
pub fn nearest(
    hay: &Haystack<'_>,
    needle: &str,
    snap: Snap,
    budget: &mut Budget,
) -> Result<Option<Nearest>, OutOfWork> {
    let ours: Vec<Range<usize>> = words(needle).collect();
    budget.take(needle.len())?;
    let mut votes: Vec<i64> = Vec::new();
    let mut ballots: Vec<(usize, &[u32])> = Vec::new();
    // Words of the passage that could vote: those missing from the article
    // count against any alignment.
    let mut considered = 0;
    for i in sample(ours.len()) {
        let Some(word) = ours.get(i).and_then(|r| needle.get(r.clone())) else {
            continue;
        };
        let occurrences = hay.words.occurrences(word);
        if occurrences.len() > MAX_OCCURRENCES {
            continue;
        }
        considered += 1;
        if occurrences.is_empty() {
            continue;
        }
        budget.take(occurrences.len() * VOTE_STEPS)?;
        votes.extend(occurrences.iter().map(|&k| i64::from(k) - signed(i)));
        ballots.push((i, occurrences));
    }
    let Some((diagonal, count)) = most_voted(&mut votes) else {
        return Ok(None);
    };
    if count * 4 < considered {
        return Ok(None);
    }
    let band = 8 + signed(ours.len()) / 8;
    let aligned: Vec<(usize, usize)> = ballots
        .iter()
        .filter_map(|&(i, occurrences)| {
            let target = diagonal + signed(i);
            let at = occurrences.partition_point(|&k| i64::from(k) < target);
            [at.checked_sub(1), Some(at)]
                .into_iter()
                .flatten()
                .filter_map(|j| occurrences.get(j))
                .map(|&k| i64::from(k))
                .filter(|k| (k - target).abs() <= band)
                .min_by_key(|k| (k - target).abs())
                .and_then(|k| usize::try_from(k).ok())
                .map(|k| (i, k))
        })
        .collect();
    let aligned = main_units(hay, aligned);
    let (Some(&first), Some(&last)) = (aligned.first(), aligned.last()) else {
        return Ok(None);
    };
    let Some(passage) = cut(hay, needle, &ours, first, last, snap) else {
        return Ok(None);
    };
    let theirs = hay.text().get(passage.clone()).unwrap_or_default();
    budget.take(theirs.len() + needle.len())?;
    let Some(d) = first_difference(needle, theirs) else {
        return Ok(None);
    };
    let message = describe(
        needle.get(d.ours.clone()).unwrap_or_default(),
        theirs.get(d.theirs.clone()).unwrap_or_default(),
        d.more,
    );
    Ok(Some(Nearest {
        ours_at: d.ours.start,
        theirs_at: passage.start + d.theirs.start,
        passage,
        message,
    }))
}

/// The alignment with the most votes (the first of equals) and its count.
fn most_voted(votes: &mut [i64]) -> Option<(i64, usize)> {
    votes.sort_unstable();
    let mut best: Option<(i64, usize)> = None;
    for run in votes.chunk_by(|a, b| a == b) {
        let (Some(&d), n) = (run.first(), run.len()) else {
            continue;
        };
        if best.is_none_or(|(_, c)| n > c) {
            best = Some((d, n));
        }
    }
    best
}

/// A count or index as a signed number (all are far below `i64::MAX`).
fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The aligned words that fall in the units most of them fall in: a
/// common word that happens to align in the next paragraph does not
/// stretch the passage to it.
fn main_units(hay: &Haystack<'_>, aligned: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let unit_of = |k: usize| {
        let at = hay.words.range(k).map_or(0, |r| r.start);
        hay.units.partition_point(|(_, r)| r.end <= at)
    };
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &(_, k) in &aligned {
        *counts.entry(unit_of(k)).or_default() += 1;
    }
    let best = counts.values().copied().max().unwrap_or(0);
    let kept = counts
        .iter()
        .filter(|&(_, &c)| c * 4 >= best && (c >= 2 || best == 1))
        .map(|(&u, _)| u);
    let (Some(lo), Some(hi)) = (kept.clone().min(), kept.max()) else {
        return aligned;
    };
    aligned
        .into_iter()
        .filter(|&(_, k)| (lo..=hi).contains(&unit_of(k)))
        .collect()
}

/// The words that vote: all of a short passage; of a long one, its first
/// and last quarter of the quota and the rest spread evenly between.
fn sample(n: usize) -> Vec<usize> {
    if n <= MAX_VOTERS {
        return (0..n).collect();
    }
    let edge = MAX_VOTERS / 4;
    let inner = MAX_VOTERS - 2 * edge;
    let step = (n - 2 * edge) / inner;
    (0..edge)
        .chain((0..inner).map(|j| edge + j * step.max(1)))
        .chain(n - edge..n)
        .collect()
}

/// The passage of the article that `needle` is compared with, given its
/// first and last aligned words (index in the needle, word in the article).
fn cut(
    hay: &Haystack<'_>,
    needle: &str,
    ours: &[Range<usize>],
    (i0, k0): (usize, usize),
    (i1, k1): (usize, usize),
    snap: Snap,
) -> Option<Range<usize>> {
    let text = hay.text();
    let first = hay.words.range(k0)?;
    let last = hay.words.range(k1)?;
    let unit_start = hay.unit_at(first.start)?.start;
    let unit_end = hay.unit_at(last.start).map_or(text.len(), |u| u.end);
    let unit = unit_start..unit_end.max(unit_start);
    if snap == Snap::Unit {
        return Some(unit);
    }
    if snap == Snap::Quoted {
        let inside = text.get(unit.clone()).unwrap_or_default();
        let quoted = quoted_spans(inside)
            .into_iter()
            .map(|r| unit.start + r.start..unit.start + r.end)
            .filter(|r| r.start <= first.start && last.end <= r.end)
            .min_by_key(Range::len);
        if quoted.is_some() {
            return quoted;
        }
    }
    let lead = ours.get(i0).map_or(0, |r| r.start);
    let start = if i0 == 0 || !starts_sentence(needle) {
        first.start.saturating_sub(lead).max(unit.start)
    } else {
        sentence_start(text, first.start, unit.start)
    };
    let trail = ours.get(i1).map_or(0, |r| needle.len() - r.end);
    let end = if i1 + 1 == ours.len() || !ends_sentence(needle) {
        (last.end + trail).min(unit.end)
    } else {
        sentence_end(text, last.end, unit.end)
    };
    let start = floor_char(text, start);
    let end = ceil_char(text, end.max(start));
    Some(start..end)
}

/// Whether a passage starts like a sentence (a capital, perhaps after a mark).
fn starts_sentence(text: &str) -> bool {
    text.trim_start_matches(is_mark)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether a passage ends like a sentence (perhaps before closing marks).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(is_mark)
        .ends_with(['.', '!', '?', '…'])
}

/// Start of the sentence that holds `at`, no earlier than `floor`.
fn sentence_start(text: &str, at: usize, floor: usize) -> usize {
    let Some(before) = text.get(floor..at) else {
        return floor;
    };
    before
        .match_indices(' ')
        .rev()
        .find(|(i, _)| {
            before
                .get(..*i)
                .is_some_and(|s| s.trim_end_matches(is_mark).ends_with(['.', '!', '?', '…']))
        })
        .map_or(floor, |(i, _)| floor + i + 1)
}

/// End of the sentence that holds `at`, no later than `ceil`.
fn sentence_end(text: &str, at: usize, ceil: usize) -> usize {
    let Some(after) = text.get(at..ceil) else {
        return ceil;
    };
    let Some(stop) = after.find(['.', '!', '?', '…']) else {
        return ceil;
    };
    let rest = after.get(stop..).unwrap_or_default();
    let punct = rest.chars().next().map_or(1, char::len_utf8);
    let tail = rest.get(punct..).unwrap_or_default();
    let marks = tail.len() - tail.trim_start_matches(is_mark).len();
    at + stop + punct + marks
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::super::normal::Normal;
    use super::*;

    const ARTICLE: &str = "Titel der Sache\nEin erster Absatz über Dinge. Darin steht «enger Zusammenarbeit» und mehr.\nZwischentitel hier\nKreml-Sprecher Dmitri Peskow sagte: «Das Potenzial ist sehr gross.» Es gehe niemanden etwas an.\n";

    fn near(needle: &str, snap: Snap) -> Option<(String, String)> {
        let norm = Normal::new(ARTICLE);
        let hay = Haystack::new(ARTICLE, &norm);
        let mut budget = Budget::for_sizes(ARTICLE.len(), needle.len());
        let n = nearest(&hay, needle, snap, &mut budget).unwrap()?;
        Some((hay.text()[n.passage].to_string(), n.message))
    }

    #[test]
    fn a_changed_heading_is_compared_with_its_line() {
        let (passage, message) = near("Zwischentitel dort", Snap::Unit).unwrap();
        assert_eq!(passage, "Zwischentitel hier");
        assert_eq!(message, "`dort` where the article has `hier`");
    }

    #[test]
    fn a_sentence_added_to_a_paragraph() {
        let needle = "Ein erster Absatz über Dinge. Darin steht «enger Zusammenarbeit» und mehr. Das ist neu.";
        let (_, message) = near(needle, Snap::Unit).unwrap();
        assert_eq!(message, "adds `Das ist neu.`");
    }

    #[test]
    fn a_quote_is_compared_with_the_quotation_it_falls_in() {
        let (passage, message) = near("enger Zusammenhalt", Snap::Quoted).unwrap();
        assert_eq!(passage, "enger Zusammenarbeit");
        assert_eq!(
            message,
            "`Zusammenhalt` where the article has `Zusammenarbeit`"
        );
        let (_, message) = near("Das Potenzial ist sehr groß.", Snap::Quoted).unwrap();
        assert_eq!(message, "`groß` where the article has `gross`");
    }

    #[test]
    fn an_excerpt_is_widened_to_its_sentence() {
        let (passage, message) = near("Es gehe jemanden etwas an.", Snap::Passage).unwrap();
        assert_eq!(passage, "Es gehe niemanden etwas an.");
        assert_eq!(message, "`jemanden` where the article has `niemanden`");
    }

    #[test]
    fn nothing_alike_has_no_nearest_passage() {
        assert_eq!(near("Völlig andere Worte hier nicht", Snap::Passage), None);
        assert_eq!(near("", Snap::Passage), None);
    }
}
