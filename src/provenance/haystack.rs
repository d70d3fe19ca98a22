//! The article as the checks see it: the cleaned text, its normalised form
//! with every word indexed, and its units (headings, items, paragraphs) as
//! ranges of the normalised form.

use std::ops::Range;

use super::normal::Normal;
use super::units::{UnitKind, units};
use super::words::WordIndex;

/// The article, ready to be searched.
pub struct Haystack<'t> {
    /// The article as read, cleaned (what line and column refer to).
    pub clean: &'t str,
    /// Its normalised form, which every search runs on.
    pub norm: &'t Normal,
    /// The words of the normalised form.
    pub words: WordIndex<'t>,
    /// Its units, as ranges of the normalised form, in order.
    pub units: Vec<(UnitKind, Range<usize>)>,
}

impl<'t> Haystack<'t> {
    /// Indexes `norm`, the normalised form of `clean`.
    pub fn new(clean: &'t str, norm: &'t Normal) -> Self {
        let units = units(clean)
            .into_iter()
            .map(|u| {
                let start = norm.at_source(u.range.start);
                let end = norm.at_source(u.range.end);
                (u.kind, start..end.max(start))
            })
            .collect();
        Self {
            clean,
            norm,
            words: WordIndex::new(norm.text()),
            units,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &'t str {
        self.norm.text()
    }

    /// The unit that holds normalised offset `at` (or the one after it).
    pub fn unit_at(&self, at: usize) -> Option<Range<usize>> {
        let i = self.units.partition_point(|(_, r)| r.end <= at);
        self.units.get(i).map(|(_, r)| r.clone())
    }
}
