//! The row cache: one file per library under the cache folder, keyed by each
//! file's relative path, size and modification time, so that a warm start
//! reads no briefing. A corrupt, foreign or outdated cache file reads as
//! empty; a cache that cannot be written is simply not written.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::codec::{Reader, Writer};
use super::date::Stamp;
use super::hash::ContentHash;
use super::row::{Row, RowProblem, Summary};
use super::scan::Found;
use crate::briefing::sanitize::sanitize;

/// What a cache file starts with.
const MAGIC: &[u8] = b"briefing row cache\n";
/// Bumped whenever the layout changes.
const VERSION: u32 = 1;
/// Largest cache file read.
const MAX_FILE: u64 = 256 * 1024 * 1024;
/// Most rows read from one cache file.
const MAX_ROWS: usize = 1_000_000;
/// Longest string read.
const MAX_STR: usize = 64 * 1024;
/// Most entries in a list inside a row.
const MAX_LIST: usize = 1024;

/// Rows read from a cache file, by relative path.
#[derive(Debug, Default)]
pub struct RowCache {
    rows: HashMap<Vec<u8>, Row>,
}

impl RowCache {
    /// The cached row for `found`, if its size and modification time match.
    pub fn take(&mut self, found: &Found) -> Option<Row> {
        let row = self.rows.remove(found.rel.as_os_str().as_bytes())?;
        (row.size == found.size && row.modified == found.modified).then_some(row)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The cache file for the library at `library` (its canonical path, so
/// that two spellings of one folder share a cache).
pub fn cache_file(cache_dir: &Path, library: &Path) -> PathBuf {
    let canonical = fs::canonicalize(library).unwrap_or_else(|_| library.to_path_buf());
    let hash = ContentHash::of(canonical.as_os_str().as_encoded_bytes()).to_string();
    let short = hash.get(..16).unwrap_or(&hash);
    cache_dir.join(format!("rows-{short}.bin"))
}

/// Reads a cache file; any problem gives an empty cache.
pub fn read(file: &Path) -> RowCache {
    let Ok(meta) = fs::metadata(file) else {
        return RowCache::default();
    };
    if !meta.is_file() || meta.len() > MAX_FILE {
        return RowCache::default();
    }
    let Ok(bytes) = fs::read(file) else {
        return RowCache::default();
    };
    decode(&bytes).unwrap_or_default()
}

/// Writes `rows` to `file` (through a temporary file and a rename, so a
/// reader never sees half a cache). Returns whether it worked.
pub fn write(file: &Path, rows: &[Row]) -> bool {
    let bytes = encode(rows);
    let Some(dir) = file.parent() else {
        return false;
    };
    if fs::create_dir_all(dir).is_err() {
        return false;
    }
    let tmp = file.with_extension(format!("tmp.{}", std::process::id()));
    let written = fs::File::create(&tmp).and_then(|mut f| f.write_all(&bytes));
    if written.is_err() || fs::rename(&tmp, file).is_err() {
        let _ = fs::remove_file(&tmp);
        return false;
    }
    true
}

fn header(w: &mut Writer) {
    w.bytes.extend_from_slice(MAGIC);
    w.u32(VERSION);
    // Another build may validate differently: its rows are not ours.
    w.str(env!("CARGO_PKG_VERSION"));
}

/// The cache file's bytes for `rows`.
pub fn encode(rows: &[Row]) -> Vec<u8> {
    let mut w = Writer::default();
    header(&mut w);
    w.len(rows.len());
    for row in rows {
        w.bytes(row.rel.as_os_str().as_bytes());
        w.str(&row.shown);
        w.u64(row.size);
        w.i64(row.modified.secs);
        w.u32(row.modified.nanos);
        match row.hash {
            Some(h) => {
                w.u32(1);
                w.bytes.extend_from_slice(&h.0);
            }
            None => w.u32(0),
        }
        match &row.content {
            Ok(s) => {
                w.u32(0);
                w.str(&s.lang);
                w.str(&s.title);
                w.len(s.topics.len());
                s.topics.iter().for_each(|t| w.str(t));
                w.len(s.quotes);
                w.len(s.figures);
                w.len(s.actors);
                w.len(s.actor_names.len());
                s.actor_names.iter().for_each(|n| w.str(n));
            }
            Err(p) => {
                w.u32(1);
                let (line, column) = p.at.unwrap_or((0, 0));
                w.len(line);
                w.len(column);
                w.str(&p.message);
            }
        }
        w.str(&row.key);
    }
    w.bytes
}

/// Rows from a cache file's bytes; `None` if anything is off.
pub fn decode(bytes: &[u8]) -> Option<RowCache> {
    let mut expected = Writer::default();
    header(&mut expected);
    let body = bytes.strip_prefix(expected.bytes.as_slice())?;
    let mut r = Reader::new(body);
    let count = r.len(MAX_ROWS)?;
    let mut rows = HashMap::with_capacity(count.min(65_536));
    for _ in 0..count {
        let rel = r.bytes(MAX_STR)?;
        let shown = shown_text(&mut r)?;
        let size = r.u64()?;
        let secs = r.i64()?;
        let nanos = r.u32().filter(|&n| n < 1_000_000_000)?;
        let hash = match r.u32()? {
            0 => None,
            1 => Some(ContentHash(r.fixed()?)),
            _ => return None,
        };
        let content = match r.u32()? {
            0 => Ok(summary(&mut r)?),
            1 => Err(problem(&mut r)?),
            _ => return None,
        };
        let key = r.str(MAX_STR)?.to_string();
        let row = Row {
            rel: PathBuf::from(OsStr::from_bytes(rel)),
            shown,
            size,
            modified: Stamp { secs, nanos },
            hash,
            content,
            key,
        };
        rows.insert(rel.to_vec(), row);
    }
    r.is_empty().then_some(RowCache { rows })
}

/// A string that is shown: it must already be sanitised and on one line.
fn shown_text(r: &mut Reader<'_>) -> Option<String> {
    let s = r.str(MAX_STR)?;
    let clean = matches!(sanitize(s), std::borrow::Cow::Borrowed(_)) && !s.contains('\n');
    clean.then(|| s.to_string())
}

fn summary(r: &mut Reader<'_>) -> Option<Summary> {
    let lang = shown_text(r)?;
    let title = shown_text(r)?;
    let topics = list(r)?;
    let quotes = r.len(usize::MAX)?;
    let figures = r.len(usize::MAX)?;
    let actors = r.len(usize::MAX)?;
    let actor_names = list(r)?;
    Some(Summary {
        lang,
        title,
        topics,
        quotes,
        figures,
        actors,
        actor_names,
    })
}

fn list(r: &mut Reader<'_>) -> Option<Vec<String>> {
    let n = r.len(MAX_LIST)?;
    (0..n).map(|_| shown_text(r)).collect()
}

fn problem(r: &mut Reader<'_>) -> Option<RowProblem> {
    let line = r.len(usize::MAX)?;
    let column = r.len(usize::MAX)?;
    let message = shown_text(r)?;
    Some(RowProblem {
        at: (line > 0).then_some((line, column)),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rel: &str, content: Result<Summary, RowProblem>) -> Row {
        let found = Found {
            rel: rel.into(),
            size: 42,
            modified: Stamp {
                secs: 1_700_000_000,
                nanos: 5,
            },
        };
        Row::new(
            &found,
            rel.into(),
            Some(ContentHash::of(rel.as_bytes())),
            content,
        )
    }

    fn sample() -> Vec<Row> {
        let good = Summary {
            lang: "de".into(),
            title: "Zürich baut".into(),
            topics: vec!["Bau".into()],
            quotes: 1,
            figures: 2,
            actors: 3,
            actor_names: vec!["Stadt".into()],
        };
        let bad = RowProblem {
            at: Some((3, 4)),
            message: "missing `title`".into(),
        };
        vec![row("a.toml", Ok(good)), row("sub/b.toml", Err(bad))]
    }

    #[test]
    fn rows_round_trip_and_hit_only_on_same_size_and_time() {
        let rows = sample();
        let mut cache = decode(&encode(&rows)).unwrap();
        assert_eq!(cache.len(), 2);
        let mut found = Found {
            rel: "a.toml".into(),
            size: 42,
            modified: Stamp {
                secs: 1_700_000_000,
                nanos: 5,
            },
        };
        assert_eq!(cache.take(&found).as_ref(), rows.first());
        found.rel = "sub/b.toml".into();
        found.size = 43;
        assert_eq!(cache.take(&found), None);
    }

    #[test]
    fn corrupt_truncated_or_foreign_bytes_are_rejected() {
        let bytes = encode(&sample());
        for cut in [0, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(bytes.get(..cut).unwrap()).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        let mut flipped = bytes.clone();
        *flipped.get_mut(MAGIC.len()).unwrap() ^= 1;
        assert!(decode(&flipped).is_none());
        let mut escape = sample();
        escape.get_mut(0).unwrap().shown = "a\u{1b}[2J.toml".into();
        assert!(decode(&encode(&escape)).is_none());
    }

    #[test]
    fn missing_or_unwritable_places_fail_quietly() {
        assert!(read(Path::new("/nonexistent/cache.bin")).is_empty());
        assert!(!write(Path::new("/proc/briefing-cache/x.bin"), &sample()));
    }
}
