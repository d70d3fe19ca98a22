//! Text compared as words, not as line breaks: every run of white space is
//! one space and the ends are trimmed, with a map back to the original.
//!
//! A briefing holds a paragraph on one line; a plain-text article may wrap
//! it over several. Both are compared in this form.

/// Normalised text and, for each of its bytes, the byte it came from.
#[derive(Debug, Clone, Default)]
pub struct Normal {
    text: String,
    /// `map[i]`: offset in the original of byte `i`; one more entry for the end.
    map: Vec<u32>,
}

impl Normal {
    /// Normalises `original` (at most 4 GiB; inputs here are at most 8 MiB).
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut space_at: Option<usize> = None;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                space_at.get_or_insert(at);
                continue;
            }
            if let Some(s) = space_at.take().filter(|_| !text.is_empty()) {
                text.push(' ');
                map.push(offset(s));
            }
            let start = text.len();
            text.push(c);
            map.extend((0..text.len() - start).map(|i| offset(at + i)));
        }
        let end = original.trim_end().len();
        map.push(offset(end));
        Self { text, map }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset in the original of byte `at` of the normalised text.
    pub fn source(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.map.get(at).map_or(0, |&o| o as usize)
    }

    /// The offset in the normalised text of the first byte that comes from
    /// `original_at` or later (the inverse of [`Normal::source`]).
    pub fn at_source(&self, original_at: usize) -> usize {
        let Ok(target) = u32::try_from(original_at) else {
            return self.text.len();
        };
        let body = self.map.get(..self.text.len()).unwrap_or_default();
        body.partition_point(|&o| o < target)
    }
}

/// An offset as stored in the map (inputs are far below 4 GiB).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_white_space_become_one_space_and_the_ends_go() {
        let n = Normal::new("  Ein\n  Satz,\tüber\r\nZeilen.  ");
        assert_eq!(n.text(), "Ein Satz, über Zeilen.");
    }

    #[test]
    fn every_byte_maps_back_to_where_it_came_from() {
        let original = "a \n  bü\n c";
        let n = Normal::new(original);
        assert_eq!(n.text(), "a bü c");
        for (i, c) in n.text().char_indices() {
            let at = n.source(i);
            if c == ' ' {
                assert!(original[at..].starts_with(char::is_whitespace));
            } else {
                assert!(original[at..].starts_with(c), "{i} {c}");
            }
        }
        assert_eq!(n.source(n.text().len()), original.len());
        assert_eq!(n.at_source(original.find('b').unwrap()), 2);
        assert_eq!(n.at_source(original.len()), n.text().len());
    }

    #[test]
    fn empty_and_blank_text() {
        assert_eq!(Normal::new("").text(), "");
        let n = Normal::new(" \n ");
        assert_eq!(n.text(), "");
        assert_eq!(n.source(0), 0);
    }
}
