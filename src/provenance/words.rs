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
pub struct WordIndex<'t> {
    text: &'t str,
    starts: Vec<u32>,
    ends: Vec<u32>,
    by_word: HashMap<&'t str, Vec<u32>>,
}

impl<'t> WordIndex<'t> {
    /// Indexes the words of `text` (inputs here are at most 8 MiB).
    pub fn new(text: &'t str) -> Self {
        let mut index = Self {
            text,
            starts: Vec::new(),
            ends: Vec::new(),
            by_word: HashMap::new(),
        };
        for (k, range) in words(text).enumerate() {
            let k = u32::try_from(k).unwrap_or(u32::MAX);
            index.starts.push(small(range.start));
            index.ends.push(small(range.end));
            if let Some(word) = text.get(range) {
                index.by_word.entry(word).or_default().push(k);
            }
        }
        index
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The ordinals of every occurrence of `word`, in order.
    pub fn occurrences(&self, word: &str) -> &[u32] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
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
