//! Where each string of a briefing stands in its file. The validated
//! briefing keeps no positions, so the file (already loaded without
//! problems) is parsed once more with spans, and a string is found by its
//! path: `sections`, 2, `paragraphs`, 0.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::literal::source_offset;

/// One step of a path into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A key of a table.
    Key(&'static str),
    /// An element of an array (or of a list of tables).
    Index(usize),
}

/// The file's tables with spans.
pub struct Spans<'t> {
    text: &'t str,
    root: DeTable<'t>,
}

impl<'t> Spans<'t> {
    /// Parses `text` (a file the loader accepted: any error leaves no spans).
    pub fn parse(text: &'t str) -> Self {
        let root = DeTable::parse(text)
            .map(Spanned::into_inner)
            .unwrap_or_default();
        Self { text, root }
    }

    /// Byte offset in the file of byte `at` of the string at `path`, whose
    /// value as loaded (sanitised) is `loaded`; 0 when there is no such
    /// string.
    pub fn offset(&self, path: &[Step], loaded: &str, at: usize) -> usize {
        let Some((span, value)) = self.string(path) else {
            return 0;
        };
        let literal = self.text.get(span.clone()).unwrap_or_default();
        // The sanitiser may have changed the value (it rarely does in a
        // faithful briefing); then the same character index stands in.
        let at = if value == loaded {
            at
        } else {
            let nth = loaded.get(..at).map_or(0, |s| s.chars().count());
            value
                .char_indices()
                .nth(nth)
                .map_or(value.len(), |(i, _)| i)
        };
        span.start + source_offset(literal, at)
    }

    /// The span and value of the string at `path`.
    fn string(&self, path: &[Step]) -> Option<(Range<usize>, &str)> {
        let (first, rest) = path.split_first()?;
        let Step::Key(key) = first else {
            return None;
        };
        let mut value = find(&self.root, key)?;
        for step in rest {
            value = match (step, value.get_ref()) {
                (Step::Key(key), DeValue::Table(table)) => find(table, key)?,
                (Step::Index(i), DeValue::Array(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        match value.get_ref() {
            DeValue::String(s) => Some((value.span(), s.as_ref())),
            _ => None,
        }
    }
}

/// The value of `key` in `table`.
fn find<'a, 't>(table: &'a DeTable<'t>, key: &str) -> Option<&'a Spanned<DeValue<'t>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "title = \"Ein Titel\"\n\n[[sections]]\nparagraphs = [\"eins\", \"zwei \\\"drei\\\"\"]\n\n[[sections]]\nheading = 'Kopf'\nparagraphs = []\n";

    #[test]
    fn strings_are_found_by_their_path() {
        let spans = Spans::parse(FILE);
        let at = spans.offset(&[Step::Key("title")], "Ein Titel", 4);
        assert!(FILE[at..].starts_with("Titel\""));
        let path = [
            Step::Key("sections"),
            Step::Index(0),
            Step::Key("paragraphs"),
            Step::Index(1),
        ];
        let at = spans.offset(&path, "zwei \"drei\"", 6);
        assert!(FILE[at..].starts_with("drei"), "{:?}", &FILE[at..]);
        let path = [Step::Key("sections"), Step::Index(1), Step::Key("heading")];
        let at = spans.offset(&path, "Kopf", 0);
        assert!(FILE[at..].starts_with("Kopf'"));
        assert_eq!(spans.offset(&[Step::Key("lede")], "", 0), 0);
    }
}
