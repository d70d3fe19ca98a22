//! Finding a passage verbatim in the article, with bounded work.
//!
//! A passage with a word inside it (not at either end) is looked up by its
//! rarest such word: every occurrence of the passage has that word, whole,
//! in the same place. Only short passages without one are searched for
//! byte by byte. All of it is charged to a [`Budget`], so an absurd input
//! (an article of one word repeated) ends with a clear message, not a hang.

use std::ops::Range;

use memchr::memmem;

use super::words::{WordIndex, words};

/// The work limit was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfWork;

/// Work left, in steps of about one byte compared or scanned.
#[derive(Debug)]
pub struct Budget {
    left: u64,
    /// Nearest passages that may still be looked for.
    comparisons: usize,
}

/// Most nearest passages looked for in one run: only the first problems
/// are printed, and each search costs far more than a lookup.
const MAX_COMPARISONS: usize = 200;

impl Budget {
    /// Room for 16 passes over both texts: a faithful briefing needs one
    /// or two, and at about a nanosecond a step, any input still finishes
    /// well within the 2 s every operation has.
    pub fn for_sizes(article: usize, briefing: usize) -> Self {
        let size = (article as u64).saturating_add(briefing as u64);
        Self {
            left: size.saturating_mul(16).saturating_add(1 << 26),
            comparisons: MAX_COMPARISONS,
        }
    }

    /// Takes one of the nearest-passage searches; false when none is left.
    pub fn take_comparison(&mut self) -> bool {
        let left = self.comparisons > 0;
        self.comparisons = self.comparisons.saturating_sub(1);
        left
    }

    /// Takes `steps` from the budget.
    ///
    /// # Errors
    /// When it is spent.
    pub fn take(&mut self, steps: usize) -> Result<(), OutOfWork> {
        let steps = steps as u64;
        if steps > self.left {
            self.left = 0;
            return Err(OutOfWork);
        }
        self.left -= steps;
        Ok(())
    }
}

/// Budget steps a candidate costs besides comparing its bytes.
const CANDIDATE_STEPS: usize = 16;

/// The first occurrence of `needle` in the indexed text that starts at or
/// after `from` and that `accept` takes, in text order.
///
/// # Errors
/// When the budget is spent.
pub fn scan(
    index: &WordIndex<'_>,
    needle: &str,
    from: usize,
    budget: &mut Budget,
    mut accept: impl FnMut(usize) -> bool,
) -> Result<Option<usize>, OutOfWork> {
    let hay = index.text();
    if needle.is_empty() {
        return Ok(None);
    }
    let Some((anchor, skip)) = anchor(index, needle, budget)? else {
        return scan_bytes(hay, needle, from, budget, accept);
    };
    let occurrences = index.occurrences(anchor);
    let first = occurrences.partition_point(|&k| {
        index
            .range(k as usize)
            .is_some_and(|r| r.start < from.saturating_add(skip))
    });
    for &k in occurrences.get(first..).unwrap_or_default() {
        budget.take(CANDIDATE_STEPS + needle.len())?;
        let Some(start) = index.range(k as usize).map(|r| r.start - skip) else {
            continue;
        };
        let found = hay.get(start..start + needle.len()) == Some(needle);
        if found && accept(start) {
            return Ok(Some(start));
        }
    }
    Ok(None)
}

/// Most inner words of a passage weighed for the anchor: any of them finds
/// every occurrence, the rarest finds it soonest.
const MAX_WEIGHED: usize = 64;

/// The rarest of (up to [`MAX_WEIGHED`] of) the words strictly inside
/// `needle`, with its offset in `needle`; `None` when it has no such word.
fn anchor<'n>(
    index: &WordIndex<'_>,
    needle: &'n str,
    budget: &mut Budget,
) -> Result<Option<(&'n str, usize)>, OutOfWork> {
    let inner: Vec<Range<usize>> = words(needle)
        .filter(|r| r.start > 0 && r.end < needle.len())
        .collect();
    let step = inner.len().div_ceil(MAX_WEIGHED).max(1);
    let mut best: Option<(&str, usize, usize)> = None;
    for range in inner.into_iter().step_by(step) {
        budget.take(range.len())?;
        let Some(word) = needle.get(range.clone()) else {
            continue;
        };
        let count = index.occurrences(word).len();
        if best.is_none_or(|(_, _, c)| count < c) {
            best = Some((word, range.start, count));
        }
        if count == 0 {
            break;
        }
    }
    Ok(best.map(|(word, at, _)| (word, at)))
}

/// [`scan`] for a needle with no inner word: a byte search.
fn scan_bytes(
    hay: &str,
    needle: &str,
    from: usize,
    budget: &mut Budget,
    mut accept: impl FnMut(usize) -> bool,
) -> Result<Option<usize>, OutOfWork> {
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut at = from;
    while let Some(rest) = hay.as_bytes().get(at..) {
        let Some(found) = finder.find(rest) else {
            budget.take(rest.len())?;
            return Ok(None);
        };
        budget.take(CANDIDATE_STEPS + found + needle.len())?;
        let start = at + found;
        if hay.is_char_boundary(start) && accept(start) {
            return Ok(Some(start));
        }
        at = start + 1;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(hay: &str, needle: &str, from: usize) -> Option<usize> {
        let index = WordIndex::new(hay);
        let mut budget = Budget::for_sizes(hay.len(), needle.len());
        scan(&index, needle, from, &mut budget, |_| true).unwrap()
    }

    #[test]
    fn passages_with_and_without_inner_words_are_found_in_order() {
        let hay = "eins zwei drei. eins zwei drei. vier";
        assert_eq!(first(hay, "eins zwei drei", 0), Some(0));
        assert_eq!(first(hay, "eins zwei drei", 1), Some(16));
        assert_eq!(first(hay, "eins zwei drei", 17), None);
        assert_eq!(first(hay, "drei.", 0), Some(10));
        assert_eq!(first(hay, "ei", 5), Some(7));
        assert_eq!(first(hay, "zwei dreii", 0), None);
        // A passage may start or end inside a word of the article.
        assert_eq!(first(hay, "ns zwei dr", 0), Some(2));
    }

    #[test]
    fn accept_picks_among_occurrences() {
        let hay = "«a b c» und a b c";
        let index = WordIndex::new(hay);
        let mut budget = Budget::for_sizes(hay.len(), 5);
        let last = scan(&index, "a b c", 0, &mut budget, |s| s > 5).unwrap();
        assert_eq!(last, Some(hay.rfind("a b c").unwrap()));
    }

    #[test]
    fn the_budget_ends_absurd_work() {
        let hay = "a ".repeat(100_000);
        let index = WordIndex::new(&hay);
        let needle = "a a a a x";
        let mut small = Budget {
            left: 10_000,
            comparisons: 0,
        };
        assert_eq!(
            scan(&index, needle, 0, &mut small, |_| true),
            Err(OutOfWork)
        );
        let mut enough = Budget::for_sizes(hay.len(), needle.len());
        assert_eq!(scan(&index, needle, 0, &mut enough, |_| true), Ok(None));
        // "b" is not in the text at all: known at once, whatever the budget.
        let needle = "a a a b a a";
        let mut small = Budget {
            left: 10_000,
            comparisons: 0,
        };
        assert_eq!(scan(&index, needle, 0, &mut small, |_| true), Ok(None));
        let mut small = Budget {
            left: 10_000,
            comparisons: 0,
        };
        assert_eq!(
            scan(&index, "a a", 0, &mut small, |_| false),
            Err(OutOfWork)
        );
    }
}
