//! A briefing's searchable text as the reader sees it: every searchable
//! block of every pane (built with `doc::build_doc`), in reading order, with
//! its folded form and its lines in the file. Kept in the cache by content
//! hash, so a search reads no TOML once a file has been indexed.

use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::codec::{Reader, Writer};
use super::hash::ContentHash;
use super::row::{RowProblem, load_bytes};
use super::source_lines::{Segments, SourceLines};
use crate::briefing::MAX_FILE_BYTES;
use crate::doc::build_doc;
use crate::labels::Lang;
use crate::section::SectionId;
use crate::symbols::Symbols;
use crate::text::fold::{find_all, fold};

/// How the reader will show the briefing: the pane text (labels, quote
/// marks) depends on it, so hits are found in the same text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presentation {
    /// Interface language forced on the command line; `None`: each
    /// briefing's own.
    pub lang: Option<Lang>,
    /// ASCII symbols.
    pub ascii: bool,
}

impl Presentation {
    fn tag(self) -> &'static str {
        match (self.lang, self.ascii) {
            (None, false) => "own-u",
            (None, true) => "own-a",
            (Some(Lang::De), false) => "de-u",
            (Some(Lang::De), true) => "de-a",
            (Some(Lang::En), false) => "en-u",
            (Some(Lang::En), true) => "en-a",
        }
    }

    fn symbols(self) -> Symbols {
        if self.ascii {
            Symbols::ASCII
        } else {
            Symbols::UNICODE
        }
    }
}

/// One searchable block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedBlock {
    /// Its pane.
    pub section: SectionId,
    /// Its index in the pane's doc.
    pub block: usize,
    /// Where its parts stand in the file: (byte offset in `text`, first
    /// and last line); empty when unknown.
    pub lines: Segments,
    /// The text, as the pane holds it.
    pub text: String,
    /// The text folded for search; `None` when the text is ASCII (folding
    /// is then lower-casing, done on the fly).
    pub folded: Option<String>,
}

/// A briefing's searchable text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// Its title.
    pub title: String,
    /// The searchable blocks, in reading order.
    pub blocks: Vec<IndexedBlock>,
}

/// One hit inside a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHit {
    /// Which hit this is in the reader's order (0-based): `n` pressed this
    /// many times after the first hit lands here.
    pub ordinal: usize,
    /// The pane.
    pub section: SectionId,
    /// The block in the pane's doc.
    pub block: usize,
    /// Bytes of the block's text.
    pub range: Range<usize>,
    /// Line in the file.
    pub line: u32,
    /// The hit in its context, on one line.
    pub snippet: String,
    /// Bytes of `snippet` that are the hit.
    pub snippet_hit: Range<usize>,
}

impl FileIndex {
    /// Indexes briefing bytes.
    ///
    /// # Errors
    /// The file's first problem, when it does not load.
    pub fn build(bytes: &[u8], name: &str, presentation: Presentation) -> Result<Self, RowProblem> {
        let briefing = load_bytes(bytes, name)?;
        let lines = SourceLines::new(std::str::from_utf8(bytes).unwrap_or_default());
        let labels = presentation
            .lang
            .unwrap_or_else(|| Lang::for_tag(&briefing.lang))
            .labels();
        let symbols = presentation.symbols();
        let marks = (symbols.quote_open, symbols.quote_close);
        let mut blocks = Vec::new();
        for section in SectionId::ALL {
            let doc = build_doc(&briefing, labels, &symbols, section);
            for (block, b) in doc.blocks.into_iter().enumerate() {
                if !b.searchable || b.text.is_empty() {
                    continue;
                }
                let folded = (!b.text.is_ascii()).then(|| fold(&b.text));
                blocks.push(IndexedBlock {
                    section,
                    block,
                    lines: lines.of_block(&b.text, marks),
                    text: b.text,
                    folded,
                });
            }
        }
        Ok(Self {
            title: briefing.title,
            blocks,
        })
    }

    /// Counts every hit of `query` (folded) and details the first `max`.
    pub fn find(&self, query: &str, max: usize) -> (usize, Vec<BlockHit>) {
        let mut count = 0;
        let mut hits = Vec::new();
        if query.is_empty() {
            return (0, hits);
        }
        for b in &self.blocks {
            let n = match &b.folded {
                Some(f) => f.matches(query).count(),
                // ASCII text folds to its lower case: no non-ASCII query
                // can be in it.
                None if query.is_ascii() => b.text.to_ascii_lowercase().matches(query).count(),
                None => 0,
            };
            if n == 0 {
                continue;
            }
            if hits.len() < max {
                let room = max - hits.len();
                for (k, range) in find_all(&b.text, query).into_iter().take(room).enumerate() {
                    let (snippet, snippet_hit) = snippet(&b.text, &range);
                    hits.push(BlockHit {
                        ordinal: count + k,
                        section: b.section,
                        block: b.block,
                        line: line_of(b, &range),
                        range,
                        snippet,
                        snippet_hit,
                    });
                }
            }
            count += n;
        }
        (count, hits)
    }
}

/// The line of a hit (0 when unknown): the first line of the part of the
/// block it is in, plus the line breaks before it within that part's lines.
fn line_of(b: &IndexedBlock, range: &Range<usize>) -> u32 {
    let i = b.lines.partition_point(|(at, _)| *at <= range.start);
    let Some(&(at, (first, last))) = b.lines.get(i.saturating_sub(1)) else {
        return 0;
    };
    let before = b
        .text
        .get(at.min(range.start)..range.start)
        .unwrap_or_default();
    let breaks = u32::try_from(before.matches('\n').count()).unwrap_or(u32::MAX);
    first.saturating_add(breaks).min(last)
}

/// Characters of context before a hit in a snippet.
const BEFORE_CHARS: usize = 30;
/// Characters of snippet in all (about).
const SNIPPET_CHARS: usize = 100;

/// The hit with some context, on one line: line breaks become spaces, cut
/// ends are marked with `…`. Returns the snippet and where the hit is in it.
pub fn snippet(text: &str, range: &Range<usize>) -> (String, Range<usize>) {
    let before = text.get(..range.start).unwrap_or_default();
    let hit = text.get(range.clone()).unwrap_or_default();
    let after = text.get(range.end..).unwrap_or_default();
    let lead: Vec<char> = before.chars().rev().take(BEFORE_CHARS + 1).collect();
    let mut out = String::new();
    if lead.len() > BEFORE_CHARS {
        out.push('…');
    }
    lead.iter()
        .rev()
        .skip(usize::from(lead.len() > BEFORE_CHARS))
        .for_each(|&c| out.push(c));
    let start = out.len();
    out.push_str(hit);
    let end = out.len();
    let room = SNIPPET_CHARS.saturating_sub(out.chars().count());
    let mut tail = after.chars();
    out.extend(tail.by_ref().take(room));
    if tail.next().is_some() {
        out.push('…');
    }
    // Line breaks and tabs to spaces; the sanitiser already made every other
    // control visible, and both keep byte lengths.
    let out: String = out
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    (out, start..end)
}

/// Longest index file read.
const MAX_INDEX_FILE: u64 = 4 * MAX_FILE_BYTES;
/// Most blocks read from one index.
const MAX_BLOCKS: usize = 1_000_000;

/// Where the index of the briefing with `hash` lives.
pub fn index_file(cache_dir: &Path, hash: &ContentHash, presentation: Presentation) -> PathBuf {
    cache_dir
        .join("search")
        .join(format!("{hash}-{}.idx", presentation.tag()))
}

fn header(w: &mut Writer) {
    w.bytes.extend_from_slice(b"briefing search index\n");
    w.u32(1);
    // Another build may build panes differently.
    w.str(env!("CARGO_PKG_VERSION"));
}

/// The index as bytes.
pub fn encode(index: &FileIndex) -> Vec<u8> {
    let mut w = Writer::default();
    header(&mut w);
    w.str(&index.title);
    w.len(index.blocks.len());
    for b in &index.blocks {
        w.len(b.section.index());
        w.len(b.block);
        w.len(b.lines.len());
        for &(at, (first, last)) in &b.lines {
            w.len(at);
            w.u32(first);
            w.u32(last);
        }
        w.str(&b.text);
        match &b.folded {
            Some(f) => {
                w.u32(1);
                w.str(f);
            }
            None => w.u32(0),
        }
    }
    w.bytes
}

/// An index from bytes; `None` if anything is off.
pub fn decode(bytes: &[u8]) -> Option<FileIndex> {
    let mut expected = Writer::default();
    header(&mut expected);
    let mut r = Reader::new(bytes.strip_prefix(expected.bytes.as_slice())?);
    let max = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
    let title = r.str(max)?.to_string();
    let count = r.len(MAX_BLOCKS)?;
    let mut blocks = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        let section = SectionId::ALL.get(r.len(5)?).copied()?;
        let block = r.len(usize::MAX)?;
        let parts = r.len(MAX_BLOCKS)?;
        let mut lines = Vec::with_capacity(parts.min(64));
        for _ in 0..parts {
            lines.push((r.len(usize::MAX)?, (r.u32()?, r.u32()?)));
        }
        let text = r.str(max)?.to_string();
        let folded = match r.u32()? {
            0 if text.is_ascii() => None,
            1 => Some(r.str(max.saturating_mul(3))?.to_string()),
            _ => return None,
        };
        blocks.push(IndexedBlock {
            section,
            block,
            lines,
            text,
            folded,
        });
    }
    r.is_empty().then_some(FileIndex { title, blocks })
}

/// Reads a cached index; `None` if missing or not sound.
pub fn read(file: &Path) -> Option<FileIndex> {
    let meta = fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_FILE {
        return None;
    }
    decode(&fs::read(file).ok()?)
}

/// Writes an index (temporary file, then rename); failures are quiet.
pub fn write(file: &Path, index: &FileIndex) {
    let Some(dir) = file.parent() else { return };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = file.with_extension(format!(
        "tmp.{}.{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let ok = fs::File::create(&tmp).and_then(|mut f| f.write_all(&encode(index)));
    if ok.is_err() || fs::rename(&tmp, file).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{BUNDLED, parse};

    fn reader_hits(query: &str) -> Vec<(usize, usize, Range<usize>)> {
        let b = parse(BUNDLED, "b").unwrap();
        let q = fold(query);
        let mut out = Vec::new();
        for s in SectionId::ALL {
            let doc = build_doc(&b, Lang::De.labels(), &Symbols::UNICODE, s);
            for (i, block) in doc.blocks.iter().enumerate() {
                if block.searchable {
                    for r in find_all(&block.text, &q) {
                        out.push((s.index(), i, r));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn hits_are_the_readers_hits_in_the_readers_order() {
        let index = FileIndex::build(BUNDLED.as_bytes(), "b", Presentation::default()).unwrap();
        for query in ["pjongjang", "Putin", "laut", "«", "4,8", "e"] {
            let expected = reader_hits(query);
            let (count, hits) = index.find(&fold(query), usize::MAX);
            assert_eq!(count, expected.len(), "{query}");
            let got: Vec<_> = hits
                .iter()
                .map(|h| (h.section.index(), h.block, h.range.clone()))
                .collect();
            assert_eq!(got, expected, "{query}");
            assert!(
                hits.iter().enumerate().all(|(i, h)| h.ordinal == i),
                "{query}"
            );
        }
    }

    #[test]
    fn a_cap_details_fewer_but_counts_all() {
        let index = FileIndex::build(BUNDLED.as_bytes(), "b", Presentation::default()).unwrap();
        let (count, hits) = index.find("e", 5);
        assert_eq!(hits.len(), 5);
        assert!(count > 100);
    }

    #[test]
    fn hits_have_lines_and_one_line_snippets() {
        let index = FileIndex::build(BUNDLED.as_bytes(), "b", Presentation::default()).unwrap();
        let (_, hits) = index.find(&fold("pjongjang"), usize::MAX);
        let lines: Vec<&str> = BUNDLED.lines().collect();
        for h in &hits {
            assert!(h.line > 0, "{h:?}");
            let line = lines.get(h.line as usize - 1).unwrap();
            assert!(fold(line).contains("pjongjang"), "line {} of {h:?}", h.line);
            assert!(!h.snippet.contains('\n'));
            assert_eq!(
                fold(h.snippet.get(h.snippet_hit.clone()).unwrap()),
                "pjongjang"
            );
        }
    }

    #[test]
    fn index_round_trips_and_rejects_damage() {
        let index = FileIndex::build(BUNDLED.as_bytes(), "b", Presentation::default()).unwrap();
        let bytes = encode(&index);
        assert_eq!(decode(&bytes).as_ref(), Some(&index));
        assert!(decode(bytes.get(..bytes.len() - 1).unwrap()).is_none());
        assert!(decode(b"junk").is_none());
    }

    #[test]
    fn snippets_cut_long_context() {
        let text = format!("{}Treffer{}", "a".repeat(50), "b".repeat(200));
        let (s, r) = snippet(&text, &(50..57));
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(s.get(r).unwrap(), "Treffer");
        assert_eq!(snippet("x\ny", &(2..3)).0, "x y");
    }
}
