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
use super::source_lines::SourceLines;
use crate::briefing::MAX_FILE_BYTES;
use crate::doc::build_doc;
use crate::labels::Lang;
use crate::pane::PaneId;
use crate::symbols::Symbols;
use crate::text::fold::{find_all, fold};

/// A query's searcher, made once per search.
pub use memchr::memmem::Finder;

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

/// One searchable block: where its text and folded text are in the
/// index's buffers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BlockMeta {
    pane: PaneId,
    block: usize,
    text: Range<usize>,
    folded: Range<usize>,
    /// Its entries in `segments`.
    segments: Range<usize>,
}

/// A briefing's searchable text: every searchable block's text and folded
/// text, each in one buffer, so that a search is one scan of the folded
/// buffer and a file without a hit costs no more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// The briefing's title.
    pub title: String,
    /// Every block's folded text, each followed by a NUL (which no query
    /// holds, so no hit spans two blocks).
    folded: String,
    /// Every block's text, one after the other.
    texts: String,
    blocks: Vec<BlockMeta>,
    /// Where the parts of each block stand in the file: (offset in the
    /// block's text, first and last line).
    segments: Vec<(usize, (u32, u32))>,
}

/// One hit inside a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHit {
    /// Which hit this is in the reader's order (0-based): `n` pressed this
    /// many times after the first hit lands here.
    pub ordinal: usize,
    /// The pane.
    pub pane: PaneId,
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
        let mut index = Self {
            title: briefing.title.clone(),
            ..Self::default()
        };
        for pane in PaneId::ALL {
            let doc = build_doc(&briefing, labels, &symbols, pane);
            for (block, b) in doc.blocks.iter().enumerate() {
                if !b.searchable || b.text.is_empty() {
                    continue;
                }
                let text = index.texts.len()..index.texts.len() + b.text.len();
                index.texts.push_str(&b.text);
                let start = index.folded.len();
                index.folded.push_str(&fold(&b.text));
                let folded = start..index.folded.len();
                index.folded.push('\0');
                let seg_start = index.segments.len();
                index.segments.extend(lines.of_block(&b.text, marks));
                index.blocks.push(BlockMeta {
                    pane,
                    block,
                    text,
                    folded,
                    segments: seg_start..index.segments.len(),
                });
            }
        }
        Ok(index)
    }

    /// Counts every hit of `query` (folded, no control characters) and
    /// details the first `max`, in the reader's order.
    pub fn find(&self, query: &str, max: usize) -> (usize, Vec<BlockHit>) {
        if query.is_empty() || query.contains('\0') {
            return (0, Vec::new());
        }
        self.find_with(&Finder::new(query), query, max)
    }

    /// [`Self::find`] with the query's searcher made once for all files.
    pub fn find_with(
        &self,
        finder: &Finder<'_>,
        query: &str,
        max: usize,
    ) -> (usize, Vec<BlockHit>) {
        let mut count = 0;
        let mut hits = Vec::new();
        let mut matches = finder.find_iter(self.folded.as_bytes()).peekable();
        for meta in &self.blocks {
            let mut n = 0;
            while matches.next_if(|&m| m < meta.folded.end).is_some() {
                n += 1;
            }
            if n == 0 {
                continue;
            }
            if hits.len() < max {
                let text = self.texts.get(meta.text.clone()).unwrap_or_default();
                let segments = self.segments.get(meta.segments.clone()).unwrap_or_default();
                let room = max - hits.len();
                for (k, range) in find_all(text, query).into_iter().take(room).enumerate() {
                    let (snippet, snippet_hit) = snippet(text, &range);
                    hits.push(BlockHit {
                        ordinal: count + k,
                        pane: meta.pane,
                        block: meta.block,
                        line: line_of(text, segments, &range),
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

    /// Number of searchable blocks.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

/// The line of a hit (0 when unknown): the first line of the part of the
/// block it is in, plus the line breaks before it within that part's lines.
fn line_of(text: &str, segments: &[(usize, (u32, u32))], range: &Range<usize>) -> u32 {
    let i = segments.partition_point(|(at, _)| *at <= range.start);
    let Some(&(at, (first, last))) = segments.get(i.saturating_sub(1)) else {
        return 0;
    };
    let before = text
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

/// The index as bytes: header, title, the folded buffer, then the rest
/// (so that a search can stop after the folded buffer when it holds no hit).
pub fn encode(index: &FileIndex) -> Vec<u8> {
    let mut w = Writer::default();
    header(&mut w);
    w.str(&index.title);
    w.str(&index.folded);
    w.str(&index.texts);
    w.len(index.blocks.len());
    for b in &index.blocks {
        w.len(b.pane.index());
        w.len(b.block);
        for r in [&b.text, &b.folded, &b.segments] {
            w.len(r.start);
            w.len(r.end);
        }
    }
    w.len(index.segments.len());
    for &(at, (first, last)) in &index.segments {
        w.len(at);
        w.u32(first);
        w.u32(last);
    }
    w.bytes
}

/// Largest buffer read from an index.
const MAX_BUFFER: usize = 32 * 1024 * 1024;

/// What a cached index says about a query.
#[derive(Debug)]
pub enum Lookup {
    /// The index was sound and holds no hit (nothing else was decoded).
    NoHit,
    /// The index, which holds at least one hit.
    Index(FileIndex),
}

/// Searches the bytes of a cached index: only the folded buffer is looked
/// at unless it holds a hit. `None` if the bytes are not a sound index.
pub fn lookup(bytes: &[u8], finder: &Finder<'_>) -> Option<Lookup> {
    let mut expected = Writer::default();
    header(&mut expected);
    let mut r = Reader::new(bytes.strip_prefix(expected.bytes.as_slice())?);
    r.bytes(MAX_BUFFER)?;
    let folded = r.bytes(MAX_BUFFER)?;
    if finder.find(folded).is_none() {
        return Some(Lookup::NoHit);
    }
    decode(bytes).map(Lookup::Index)
}

/// An index from bytes; `None` if anything is off.
pub fn decode(bytes: &[u8]) -> Option<FileIndex> {
    let mut expected = Writer::default();
    header(&mut expected);
    let mut r = Reader::new(bytes.strip_prefix(expected.bytes.as_slice())?);
    let title = r.str(MAX_BUFFER)?.to_string();
    let folded = r.str(MAX_BUFFER)?.to_string();
    let texts = r.str(MAX_BUFFER)?.to_string();
    let count = r.len(MAX_BLOCKS)?;
    let mut blocks = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        let pane = PaneId::ALL.get(r.len(5)?).copied()?;
        let block = r.len(usize::MAX)?;
        let mut range = || Some(r.len(usize::MAX)?..r.len(usize::MAX)?);
        let (text, folded_range, segments) = (range()?, range()?, range()?);
        // Every range must cut its buffer at character boundaries.
        texts.get(text.clone())?;
        folded.get(folded_range.clone())?;
        blocks.push(BlockMeta {
            pane,
            block,
            text,
            folded: folded_range,
            segments,
        });
    }
    let n = r.len(MAX_BLOCKS)?;
    let mut segments = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        segments.push((r.len(usize::MAX)?, (r.u32()?, r.u32()?)));
    }
    let sound = blocks
        .iter()
        .all(|b| b.segments.start <= b.segments.end && b.segments.end <= segments.len());
    (sound && r.is_empty()).then_some(FileIndex {
        title,
        folded,
        texts,
        blocks,
        segments,
    })
}

/// Reads a cached index's bytes; `None` if missing or too large.
pub fn read(file: &Path) -> Option<Vec<u8>> {
    let meta = fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_FILE {
        return None;
    }
    fs::read(file).ok()
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
        for s in PaneId::ALL {
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
                .map(|h| (h.pane.index(), h.block, h.range.clone()))
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
