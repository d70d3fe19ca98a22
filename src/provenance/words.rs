//! Words (runs of letters and digits) and an index of where each occurs,
//! so that a passage is looked up by its rarest word rather than searched
//! for through the whole article.

use std::collections::HashMap;
use std::ops::Range;

use super::numbers::separator;

/// Byte ranges of the words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Whether byte `at` of `text` falls inside a word or a number: between
/// two letters or digits, or at a separator inside a number ("10'000").
pub fn inside_word(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or_default().chars().rev();
    let mut after = text.get(at..).unwrap_or_default().chars();
    let (Some(b), Some(a)) = (before.next(), after.next()) else {
        return false;
    };
    if b.is_alphanumeric() && a.is_alphanumeric() {
        return true;
    }
    if b.is_ascii_digit() && separator(a) {
        return after.next().is_some_and(|c| c.is_ascii_digit());
    }
    if separator(b) && a.is_ascii_digit() {
        return before.next().is_some_and(|c| c.is_ascii_digit());
    }
    false
}

/// Whether `text[range]` begins and ends at word edges in `text`.
pub fn whole_words(text: &str, start: usize, end: usize) -> bool {
    !inside_word(text, start) && !inside_word(text, end)
}

/// Every word of a text with its position: word `k` is the k-th word.
///
/// Each distinct word gets a number (a hash map with std's keyed hasher,
/// so no input can make lookups slow); the positions of all words are kept
/// in one array grouped by word, four bytes a word, no allocation per
/// distinct word.
pub struct WordIndex<'t> {
    text: &'t str,
    starts: Vec<u32>,
    ends: Vec<u32>,
    ids: HashMap<&'t str, u32>,
    /// The occurrences of word number `w` are `ordinals[offsets[w]..offsets[w + 1]]`.
    offsets: Vec<u32>,
    ordinals: Vec<u32>,
}

impl<'t> WordIndex<'t> {
    /// Indexes the words of `text` (inputs here are at most 8 MiB).
    pub fn new(text: &'t str) -> Self {
        let mut ids: HashMap<&'t str, u32> = HashMap::new();
        let (mut starts, mut ends, mut of) = (Vec::new(), Vec::new(), Vec::new());
        for range in words(text) {
            let next = small(ids.len());
            let id = *ids
                .entry(text.get(range.clone()).unwrap_or_default())
                .or_insert(next);
            starts.push(small(range.start));
            ends.push(small(range.end));
            of.push(id);
        }
        let mut offsets = vec![0_u32; ids.len() + 1];
        for &id in &of {
            if let Some(n) = offsets.get_mut(id as usize + 1) {
                *n += 1;
            }
        }
        for w in 1..offsets.len() {
            let before = offsets.get(w - 1).copied().unwrap_or(0);
            if let Some(n) = offsets.get_mut(w) {
                *n += before;
            }
        }
        let mut fill = offsets.clone();
        let mut ordinals = vec![0_u32; of.len()];
        for (k, &id) in of.iter().enumerate() {
            let Some(at) = fill.get_mut(id as usize) else {
                continue;
            };
            if let Some(slot) = ordinals.get_mut(*at as usize) {
                *slot = small(k);
            }
            *at += 1;
        }
        Self {
            text,
            starts,
            ends,
            ids,
            offsets,
            ordinals,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The ordinals of every occurrence of `word`, in order.
    pub fn occurrences(&self, word: &str) -> &[u32] {
        let Some(&id) = self.ids.get(word) else {
            return &[];
        };
        let from = self.offsets.get(id as usize).copied().unwrap_or(0) as usize;
        let to = self.offsets.get(id as usize + 1).copied().unwrap_or(0) as usize;
        self.ordinals.get(from..to).unwrap_or_default()
    }

    /// Byte range of word `k`.
    pub fn range(&self, k: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(k)? as usize;
        let end = *self.ends.get(k)? as usize;
        Some(start..end)
    }
}

fn small(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "«Kim Jong-un» hat 10'000 Schiffe, über 4,8!";
        let got: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Kim", "Jong", "un", "hat", "10", "000", "Schiffe", "über", "4", "8"
            ]
        );
    }

    #[test]
    fn inside_words_and_numbers() {
        let text = "Jong-un 10'000 Ende.";
        assert!(inside_word(text, 2));
        assert!(!inside_word(text, 4) && !inside_word(text, 5));
        assert!(inside_word(text, 10) && inside_word(text, 11));
        assert!(!inside_word(text, 0) && !inside_word(text, text.len()));
        assert!(!inside_word(text, text.len() - 1));
    }

    #[test]
    fn the_index_finds_every_occurrence_in_order() {
        let index = WordIndex::new("a b a c a");
        assert_eq!(index.occurrences("a"), [0, 2, 4]);
        assert_eq!(index.occurrences("z"), [] as [u32; 0]);
        assert_eq!(index.range(3), Some(6..7));
    }
}
