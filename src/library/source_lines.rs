//! Where a pane's text stands in the briefing file: every string value of
//! the TOML with the lines it spans, so that a search hit can name the line
//! an editor should jump to.
//!
//! The loader keeps no spans in the briefing, so the text of each block is
//! matched against the file's string values (as the loader sanitises and
//! trims them): a block that is one value gets that value's line; a block
//! composed of several (a relation, a figure's value and unit) gets the
//! line of the longest value in it.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::briefing::sanitize::sanitize;

/// Values shorter than this are not used to place composite blocks (ids,
/// kinds and language tags would match anywhere).
const MIN_PART_BYTES: usize = 4;
/// Values longer than this are paragraphs, never part of a composite block.
const MAX_PART_BYTES: usize = 400;
/// Most string values kept from one file.
const MAX_VALUES: usize = 200_000;

/// First and last line (1-based) of a value's text in the file.
pub type Lines = (u32, u32);

/// Where the parts of a block come from: (byte offset in the block where a
/// part starts, its lines), by offset.
pub type Segments = Vec<(usize, Lines)>;

/// The file's string values and their lines.
#[derive(Debug, Default)]
pub struct SourceLines {
    /// Value → every place it stands, in file order.
    places: HashMap<String, Vec<Lines>>,
    /// The distinct values that can be part of a composite block (neither
    /// so short they match anywhere nor as long as a paragraph), by their
    /// first bytes, longest first.
    by_prefix: HashMap<[u8; MIN_PART_BYTES], Vec<String>>,
}

impl SourceLines {
    /// Collects the string values of `text` (empty if it does not parse).
    pub fn new(text: &str) -> Self {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let Ok(doc) = DeTable::parse(text) else {
            return Self::default();
        };
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line = |offset: usize| {
            u32::try_from(starts.partition_point(|&s| s <= offset)).unwrap_or(u32::MAX)
        };
        let mut values = Vec::new();
        for (_, v) in doc.get_ref() {
            collect(v, &mut values);
        }
        // Tables may iterate by key; places are wanted in file order.
        values.sort_by_key(|(_, span)| span.start);
        let mut out = Self::default();
        for (value, span) in values {
            let raw = text.get(span.clone()).unwrap_or_default();
            let clean = sanitize(&value);
            let trimmed = clean.trim();
            if trimmed.is_empty() {
                continue;
            }
            let first = line(span.start + content_start(raw));
            let last = line(span.end.saturating_sub(1)).max(first);
            out.places
                .entry(trimmed.to_string())
                .or_default()
                .push((first, last));
        }
        let mut by_prefix: HashMap<[u8; MIN_PART_BYTES], Vec<String>> = HashMap::new();
        for v in out.places.keys().filter(|v| v.len() <= MAX_PART_BYTES) {
            if let Some(Ok(key)) = v
                .as_bytes()
                .get(..MIN_PART_BYTES)
                .map(<[u8; MIN_PART_BYTES]>::try_from)
            {
                by_prefix.entry(key).or_default().push(v.clone());
            }
        }
        for list in by_prefix.values_mut() {
            list.sort_by_key(|v| std::cmp::Reverse(v.len()));
        }
        out.by_prefix = by_prefix;
        out
    }

    /// Where the text of a block comes from; empty if it cannot be placed.
    /// `quote_marks` are the marks quoted text is shown in.
    pub fn of_block(&self, text: &str, quote_marks: (&str, &str)) -> Segments {
        let unquoted = text
            .strip_prefix(quote_marks.0)
            .and_then(|t| t.strip_suffix(quote_marks.1));
        let whole = self
            .places
            .get(text)
            .map(|p| (0, p))
            .or_else(|| Some((quote_marks.0.len(), self.places.get(unquoted?)?)));
        if let Some((at, places)) = whole {
            return places.first().map(|&l| vec![(at, l)]).unwrap_or_default();
        }
        self.composite(text)
    }

    /// A block made of several values: each part claims where it stands
    /// (leftmost, longest); a value found in several places takes the one
    /// nearest to the parts found in one place only.
    fn composite(&self, text: &str) -> Segments {
        let bytes = text.as_bytes();
        let mut claimed: Vec<(usize, &[Lines])> = Vec::new();
        let mut i = 0;
        while let Some(key) = bytes.get(i..i + MIN_PART_BYTES) {
            let hit = key
                .try_into()
                .ok()
                .and_then(|k: [u8; MIN_PART_BYTES]| self.by_prefix.get(&k))
                .and_then(|candidates| {
                    let rest = bytes.get(i..).unwrap_or_default();
                    candidates.iter().find(|v| rest.starts_with(v.as_bytes()))
                })
                .and_then(|v| Some((v.len(), self.places.get(v)?.as_slice())));
            match hit {
                Some((len, places)) if text.is_char_boundary(i) => {
                    claimed.push((i, places));
                    i += len;
                }
                _ => i += 1,
            }
        }
        let anchor = claimed
            .iter()
            .filter(|(_, p)| p.len() == 1)
            .filter_map(|(_, p)| p.first().map(|l| l.0))
            .min();
        claimed
            .iter()
            .filter_map(|(at, places)| {
                let pick = match anchor {
                    Some(a) => places.iter().min_by_key(|l| l.0.abs_diff(a)),
                    None => places.first(),
                };
                pick.map(|&l| (*at, l))
            })
            .collect()
    }
}

/// Offset of the first character of a string token's text: past the
/// quotes and, in multi-line strings, past leading blank space.
fn content_start(raw: &str) -> usize {
    let after_quotes = raw.trim_start_matches(['"', '\'']);
    let after_space = after_quotes.trim_start_matches(|c: char| c.is_whitespace() || c == '\\');
    raw.len() - after_space.len()
}

fn collect(value: &Spanned<DeValue<'_>>, out: &mut Vec<(String, std::ops::Range<usize>)>) {
    if out.len() >= MAX_VALUES {
        return;
    }
    match value.get_ref() {
        DeValue::String(s) => out.push((s.to_string(), value.span())),
        DeValue::Array(items) => items.iter().for_each(|v| collect(v, out)),
        DeValue::Table(table) => table.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title = \"Über Brücken\"\ntopics = [\"Holz\", \"Brücken\"]\n\n[[sections]]\nparagraphs = [\n  \"Erster Absatz.\",\n  \"\"\"\nZweiter\nAbsatz.\"\"\",\n]\n[[relations]]\nwhat = \"liefert Holz\"\nunit = \"Brücken\"\n";

    #[test]
    fn blocks_are_placed_on_their_lines() {
        let s = SourceLines::new(TEXT);
        let q = ("«", "»");
        assert_eq!(s.of_block("Über Brücken", q), [(0, (1, 1))]);
        assert_eq!(s.of_block("«Erster Absatz.»", q), [(2, (6, 6))]);
        assert_eq!(s.of_block("Zweiter\nAbsatz.", q), [(0, (8, 9))]);
        assert_eq!(
            s.of_block("A → B: liefert Holz (laut C)", q),
            [(9, (12, 12))]
        );
        assert!(s.of_block("nirgends", q).is_empty());
    }

    #[test]
    fn parts_found_twice_go_to_the_place_near_the_others() {
        let s = SourceLines::new(TEXT);
        assert_eq!(
            s.of_block("liefert Holz · Brücken", ("", "")),
            [(0, (12, 12)), (16, (13, 13))]
        );
    }

    #[test]
    fn a_file_that_does_not_parse_places_nothing() {
        assert!(
            SourceLines::new("x = [")
                .of_block("xxxx", ("", ""))
                .is_empty()
        );
    }
}
