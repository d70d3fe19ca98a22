//! Where each string of a briefing stands in its file. The validated
//! briefing keeps no positions; the loader's decoded document has them, so
//! `verify` loads through [`parse_inspecting`] and keeps the span of every
//! string it may report on, before validation takes the document apart.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::briefing::{Briefing, Item, LoadError, RawDocument, parse_inspecting};

use super::field::Field;
use super::literal::{source_offset, value};

/// The span in the file of every string of a briefing.
#[derive(Debug, Default)]
pub struct Spans {
    spans: HashMap<Field, Range<usize>>,
}

/// Loads briefing `text` (`name` names it in messages), keeping the spans.
///
/// # Errors
/// When it is not a valid briefing.
pub fn load(text: &str, name: &str) -> Result<(Briefing, Spans), LoadError> {
    let mut spans = Spans::default();
    let briefing = parse_inspecting(text, name, &mut |raw| spans = Spans::of(raw))?;
    Ok((briefing, spans))
}

impl Spans {
    /// The spans of the strings of a decoded document.
    fn of(raw: &RawDocument) -> Self {
        let mut s = Self::default();
        if let Some(head) = &raw.head {
            s.one(Field::Title, head.title.as_ref());
            s.one(Field::Lede, head.lede.as_ref());
            s.list(head.summary.as_ref(), Field::Summary);
            s.list(head.topics.as_ref(), Field::Topic);
        }
        for (i, a) in values(&raw.actors) {
            s.one(Field::Role(i), a.role.as_ref());
            s.list(a.aliases.as_ref(), |j| Field::Alias(i, j));
        }
        for (i, r) in values(&raw.relations) {
            s.one(Field::RelationWhat(i), r.what.as_ref());
            s.one(Field::RelationQualifier(i), r.qualifier.as_ref());
            s.one(Field::RelationExcerpt(i), r.excerpt.as_ref());
        }
        for (i, f) in values(&raw.figures) {
            s.one(Field::FigureValue(i), f.value.as_ref());
            s.one(Field::FigureLabel(i), f.label.as_ref());
            s.one(Field::FigureQualifier(i), f.qualifier.as_ref());
            s.one(Field::FigureExcerpt(i), f.excerpt.as_ref());
        }
        for (i, q) in values(&raw.quotes) {
            s.one(Field::Quote(i), q.text.as_ref());
            s.one(Field::Context(i), q.context.as_ref());
        }
        for (i, sec) in values(&raw.sections) {
            s.one(Field::Heading(i), sec.heading.as_ref());
            s.list(sec.paragraphs.as_ref(), |j| Field::Paragraph(i, j));
        }
        for (i, src) in values(&raw.sources) {
            s.one(Field::CitedFor(i), src.cited_for.as_ref());
        }
        s
    }

    fn one<T>(&mut self, field: Field, raw: Option<&Spanned<T>>) {
        if let Some(spanned) = raw {
            self.spans.insert(field, spanned.span());
        }
    }

    fn list<T>(&mut self, raw: Option<&Spanned<Vec<Spanned<T>>>>, field: impl Fn(usize) -> Field) {
        for (j, item) in raw
            .map_or(&[][..], |l| l.get_ref().as_slice())
            .iter()
            .enumerate()
        {
            self.spans.insert(field(j), item.span());
        }
    }

    /// Byte offset in `text` (the file) of byte `at` of `field`, whose value
    /// as loaded (sanitised) is `loaded`; 0 when the field has no span.
    pub fn offset(&self, text: &str, field: Field, loaded: &str, at: usize) -> usize {
        let Some(span) = self.spans.get(&field) else {
            return 0;
        };
        let literal = text.get(span.clone()).unwrap_or_default();
        let written = value(literal);
        // The sanitiser may have changed the value (it rarely does in a
        // faithful briefing); then the same character index stands in.
        let at = if written == loaded {
            at
        } else {
            let nth = loaded.get(..at).map_or(0, |s| s.chars().count());
            written
                .char_indices()
                .nth(nth)
                .map_or(written.len(), |(i, _)| i)
        };
        span.start + source_offset(literal, at)
    }
}

/// The decoded entries of a list with their index (in a file that loads,
/// every entry decodes, so the index is the model's).
fn values<T>(items: &[Item<T>]) -> impl Iterator<Item = (usize, &T)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.value.as_ref().map(|v| (i, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "schema = 1\nlang = \"de\"\ntitle = \"Ein Titel\"\n\n[[sections]]\nparagraphs = [\"eins\", \"zwei \\\"drei\\\"\"]\n\n[[sections]]\nheading = 'Kopf'\nparagraphs = []\n";

    #[test]
    fn strings_are_found_where_they_are_written() {
        let (b, spans) = load(FILE, "f").unwrap();
        let at = spans.offset(FILE, Field::Title, &b.title, 4);
        assert!(FILE[at..].starts_with("Titel\""));
        let p = &b.sections[0].paragraphs[1];
        let at = spans.offset(FILE, Field::Paragraph(0, 1), p, p.find('d').unwrap());
        assert!(FILE[at..].starts_with("drei"), "{:?}", &FILE[at..]);
        let at = spans.offset(FILE, Field::Heading(1), "Kopf", 0);
        assert!(FILE[at..].starts_with("Kopf'"));
        assert_eq!(spans.offset(FILE, Field::Lede, "", 0), 0);
    }
}
