//! TOML text → raw model, collecting every syntax, type and unknown-field
//! problem instead of stopping at the first (up to [`MAX_PROBLEMS`]).

use std::collections::BinaryHeap;
use std::ops::Range;

use serde::de::{DeserializeOwned, Error as _};
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use super::fields::fields;
use super::raw::{RawActor, RawFigure, RawHead, RawQuote, RawRelation, RawSection, RawSource};
use super::screen::screen;

/// A problem at a byte offset, before it is turned into line and column.
/// Ordered by offset (then message).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diag {
    /// Byte offset in the file.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl Diag {
    /// A problem at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        Self {
            offset,
            message: message.into(),
        }
    }
}

/// The problems found so far: the [`MAX_PROBLEMS`] first in the file are
/// kept (whatever order they are found in), so memory follows the cap, not
/// the file.
#[derive(Debug, Default)]
pub struct Diags {
    kept: BinaryHeap<Diag>,
    dropped: bool,
}

impl Diags {
    /// Keeps `diag` if there is room or it comes before one kept; notes
    /// that a problem was left out otherwise.
    pub fn push(&mut self, diag: Diag) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(diag);
            return;
        }
        self.dropped = true;
        if self.kept.peek().is_some_and(|last| diag < *last) {
            self.kept.pop();
            self.kept.push(diag);
        }
    }

    /// Says that problems were left out (found but not kept).
    pub fn mark_dropped(&mut self) {
        self.dropped = true;
    }

    /// Whether a problem at `offset` would be kept (so its message is worth
    /// writing).
    pub fn wants(&self, offset: usize) -> bool {
        self.kept.len() < MAX_PROBLEMS || self.kept.peek().is_some_and(|last| offset < last.offset)
    }

    /// Whether no more problems will be kept.
    pub fn is_full(&self) -> bool {
        self.kept.len() >= MAX_PROBLEMS
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && !self.dropped
    }

    /// The problems kept, in file order, and whether any were left out.
    pub fn into_parts(self) -> (Vec<Diag>, bool) {
        (self.kept.into_sorted_vec(), self.dropped)
    }
}

/// One element of a `[[list]]`: its raw value (if it decoded) and what the
/// decoder had to drop, so that validation does not call those fields missing.
#[derive(Debug)]
pub struct Item<T> {
    /// Where the table starts.
    pub span: Range<usize>,
    /// The decoded table, if it could be decoded at all.
    pub value: Option<T>,
    /// Keys removed because their values were wrong.
    pub dropped: Vec<String>,
}

/// The whole file as raw, spanned data.
#[derive(Debug, Default)]
pub struct RawDocument {
    /// Top-level keys.
    pub head: Option<RawHead>,
    /// Keys removed from the head because their values were wrong.
    pub head_dropped: Vec<String>,
    /// `[[actors]]`.
    pub actors: Vec<Item<RawActor>>,
    /// `[[relations]]`.
    pub relations: Vec<Item<RawRelation>>,
    /// `[[figures]]`.
    pub figures: Vec<Item<RawFigure>>,
    /// `[[quotes]]`.
    pub quotes: Vec<Item<RawQuote>>,
    /// `[[sections]]`.
    pub sections: Vec<Item<RawSection>>,
    /// `[[sources]]`.
    pub sources: Vec<Item<RawSource>>,
    /// Whether the TOML itself had errors (some keys may then be lost).
    pub had_syntax_errors: bool,
}

/// Most problems collected from one file: past this, a file is garbage and
/// decoding it further would only cost time.
pub const MAX_PROBLEMS: usize = 200;
/// Most problems reported for one table; each costs a new attempt to decode
/// it, so this bounds the work on a table of many bad keys.
const MAX_TABLE_PROBLEMS: usize = 8;

/// The top-level keys that hold lists of tables.
pub const LISTS: [&str; 6] = [
    "actors",
    "relations",
    "figures",
    "quotes",
    "sections",
    "sources",
];

/// Files up to this size skip the first look ([`screen`]): on them the
/// parser's worst case is bounded by the size itself (about 50 ms and 25 MB
/// at 64 KiB, measured on the worst cases of BENCHMARKS.md), while on a real
/// briefing the first look costs a quarter of the load (it lexes the file a
/// second time). Real briefings are 10-60 KB.
pub const FIRST_LOOK_ABOVE: usize = 64 * 1024;

/// Parses and decodes `text`, pushing every problem found onto `diags`.
pub fn decode(text: &str, max_items: usize, diags: &mut Diags) -> RawDocument {
    let refused = || RawDocument {
        had_syntax_errors: true,
        ..RawDocument::default()
    };
    let looked = text.len() > FIRST_LOOK_ABOVE;
    if looked && !screen(text, max_items, diags) {
        return refused();
    }
    let (doc, syntax) = DeTable::parse_recoverable(text);
    // A small file that turns out to be garbage gets the first look after
    // all, so that it reports what a larger one would.
    if !looked && syntax.len() > MAX_PROBLEMS && !screen(text, max_items, diags) {
        return refused();
    }
    let mut out = RawDocument {
        had_syntax_errors: !syntax.is_empty(),
        ..RawDocument::default()
    };
    for e in syntax {
        diags.push(Diag::new(e.span().map_or(0, |s| s.start), e.message()));
    }
    let doc_span = doc.span();
    let mut head = DeTable::new();
    for (key, value) in doc.into_inner() {
        let name = key.get_ref().as_ref();
        if let Some(list) = LISTS.iter().find(|l| **l == name) {
            let (start, len) = (key.span().start, list_len(&value));
            if len > max_items {
                diags.push(Diag::new(
                    start,
                    format!("too many entries in `{list}` ({len}; the limit is {max_items})"),
                ));
                continue;
            }
            match *list {
                "actors" => out.actors = decode_list(list, value, max_items, diags),
                "relations" => out.relations = decode_list(list, value, max_items, diags),
                "figures" => out.figures = decode_list(list, value, max_items, diags),
                "quotes" => out.quotes = decode_list(list, value, max_items, diags),
                "sections" => out.sections = decode_list(list, value, max_items, diags),
                _ => out.sources = decode_list(list, value, max_items, diags),
            }
        } else {
            head.insert(key, value);
        }
    }
    let head = Spanned::new(doc_span, head);
    let (value, dropped) = decode_table::<RawHead>(head, fields::<RawHead>(), max_items, diags);
    out.head = value;
    out.head_dropped = dropped;
    out
}

/// Number of elements of an array value (0 for anything else).
fn list_len(value: &Spanned<DeValue<'_>>) -> usize {
    match value.get_ref() {
        DeValue::Array(items) => items.len(),
        _ => 0,
    }
}

/// Decodes each table of a `[[list]]` on its own, so one bad entry does not
/// hide the problems of the others.
fn decode_list<T: DeserializeOwned>(
    list: &str,
    value: Spanned<DeValue<'_>>,
    max_items: usize,
    diags: &mut Diags,
) -> Vec<Item<T>> {
    let span = value.span();
    let DeValue::Array(items) = value.into_inner() else {
        diags.push(Diag::new(
            span.start,
            format!("`{list}` must be a list of tables: [[{list}]]"),
        ));
        return Vec::new();
    };
    let fields = fields::<T>();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if diags.is_full() {
            diags.mark_dropped();
            break;
        }
        let span = item.span();
        let DeValue::Table(table) = item.into_inner() else {
            diags.push(Diag::new(
                span.start,
                format!("each entry of `{list}` must be a table"),
            ));
            continue;
        };
        let table = Spanned::new(span.clone(), table);
        let (value, dropped) = decode_table::<T>(table, fields, max_items, diags);
        out.push(Item {
            span,
            value,
            dropped,
        });
    }
    out
}

/// Deserialises one table. Unknown keys and over-long lists are reported
/// and removed first, without decoding them (a table of a million unknown
/// keys costs one pass, not a decode per key); then, on an error, reports
/// it, drops the key it belongs to and tries again, until the rest decodes.
fn decode_table<T: DeserializeOwned>(
    mut table: Spanned<DeTable<'_>>,
    fields: &'static [&'static str],
    max_items: usize,
    diags: &mut Diags,
) -> (Option<T>, Vec<String>) {
    let mut dropped = Vec::new();
    let mut unwanted = false;
    for (key, value) in table.get_ref() {
        let name: &str = key.get_ref();
        let at = key.span().start;
        if !fields.contains(&name) {
            unwanted = true;
            if diags.wants(at) {
                let error = toml::de::Error::unknown_field(name, fields);
                diags.push(Diag::new(at, error.message()));
            } else {
                diags.mark_dropped();
            }
        } else if list_len(value) > max_items {
            let len = list_len(value);
            diags.push(Diag::new(
                value.span().start,
                format!("too many entries in `{name}` ({len}; the limit is {max_items})"),
            ));
            dropped.push(name.to_string());
            unwanted = true;
        }
    }
    if unwanted {
        // Rebuilt from what is kept (at most the known fields): one pass.
        let all = std::mem::take(table.get_mut());
        for (key, value) in all {
            let name: &str = key.get_ref();
            if fields.contains(&name) && list_len(&value) <= max_items {
                table.get_mut().insert(key, value);
            }
        }
    }
    let mut last = table.span().start;
    for _ in 0..MAX_TABLE_PROBLEMS {
        if diags.is_full() {
            diags.mark_dropped();
            return (None, dropped);
        }
        let error = match T::deserialize(Deserializer::from(table.clone())) {
            Ok(value) => return (Some(value), dropped),
            Err(e) => e,
        };
        let at = error.span().map_or(table.span().start, |s| s.start);
        diags.push(Diag::new(at, error.message()));
        last = at;
        let culprit = table
            .get_ref()
            .iter()
            .find(|(k, v)| contains(&k.span(), at) || contains(&v.span(), at))
            .map(|(k, _)| k.clone());
        let Some(key) = culprit else {
            return (None, dropped);
        };
        table.get_mut().remove(&key);
        dropped.push(key.get_ref().to_string());
    }
    let more = "more problems in this table not shown: fix these and check again";
    diags.push(Diag::new(last + 1, more));
    (None, dropped)
}

/// Whether `at` lies in `span` (an empty span contains its start).
fn contains(span: &Range<usize>, at: usize) -> bool {
    at >= span.start && at < span.end.max(span.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> (Vec<String>, bool) {
        let mut diags = Diags::default();
        decode(text, 50_000, &mut diags);
        let (kept, dropped) = diags.into_parts();
        (kept.into_iter().map(|d| d.message).collect(), dropped)
    }

    #[test]
    fn garbage_reports_the_same_below_and_above_the_first_look_size() {
        let line = "=x\n";
        let small = line.repeat(MAX_PROBLEMS);
        let large = line.repeat(FIRST_LOOK_ABOVE / line.len() + 1);
        assert!(small.len() <= FIRST_LOOK_ABOVE && large.len() > FIRST_LOOK_ABOVE);
        let (below, cut_below) = problems(&small);
        let (above, cut_above) = problems(&large);
        assert_eq!(below, above);
        assert!(cut_below && cut_above);
        assert_eq!(below.len(), MAX_PROBLEMS);
        // Only what the grammar says: not what the broken keys would add.
        assert!(below.iter().all(|m| !m.contains("duplicate")), "{below:?}");
    }

    #[test]
    fn a_small_file_with_a_few_syntax_problems_is_still_decoded() {
        let (got, cut) = problems("schema = 1\nlang = \ntitle = 3\n");
        assert!(!cut);
        assert!(
            got.iter()
                .any(|m| m.contains("string values must be quoted")),
            "{got:?}"
        );
        assert!(got.iter().any(|m| m.contains("invalid type")), "{got:?}");
    }
}
