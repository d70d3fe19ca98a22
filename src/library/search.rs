//! Search through every briefing of a library: the reader's hits (same pane
//! text, same folding), streamed in batches from worker threads, with
//! progress, caps, and cancellation at any moment.
//!
//! Each file's searchable text comes from its cached [`FileIndex`] (by
//! content hash), or is built from the file once and cached.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use super::hash::ContentHash;
use super::index::{self, BlockHit, FileIndex, Finder, Lookup, Presentation};
use super::loader::default_threads;
use super::outbox::{Job, Outbox, Wake};
use super::queue::Queue;
use super::row::{Row, read_bytes};
use super::slots::Slots;
use crate::text::fold::fold;

/// Longest query searched, in characters (as the reader's prompt).
pub const MAX_QUERY_CHARS: usize = 200;

/// One hit, as the results list shows it.
pub type Hit = BlockHit;

/// A briefing to search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Its path (library folder joined with the row's relative path).
    pub path: PathBuf,
    /// Its path as shown.
    pub shown: String,
    /// Its content hash when the row was made.
    pub hash: Option<ContentHash>,
}

impl SearchFile {
    /// The file behind a row of the library at `dir`; `None` for a file
    /// that did not load (it has no panes to search).
    pub fn from_row(dir: &Path, row: &Row) -> Option<Self> {
        row.content.is_ok().then(|| Self {
            path: dir.join(&row.rel),
            shown: row.shown.clone(),
            hash: row.hash,
        })
    }

    /// The files behind `rows` that loaded, in their order.
    pub fn of_rows<'a>(dir: &Path, rows: impl IntoIterator<Item = &'a Row>) -> Vec<Self> {
        rows.into_iter()
            .filter_map(|row| Self::from_row(dir, row))
            .collect()
    }
}

/// How to search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The cache folder for indexes; `None` builds every index anew.
    pub cache_dir: Option<PathBuf>,
    /// How the panes will be shown (their text depends on it).
    pub presentation: Presentation,
    /// Worker threads.
    pub threads: usize,
    /// Most hits detailed per briefing (all are counted).
    pub max_hits_per_briefing: usize,
    /// Most hits detailed in all; the search stops there.
    pub max_hits: usize,
    /// Places shared with other searches, waited for before starting
    /// (`None`: start at once).
    pub slots: Option<Arc<Slots>>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            cache_dir: None,
            presentation: Presentation::default(),
            threads: default_threads(),
            max_hits_per_briefing: 100,
            max_hits: 10_000,
            slots: None,
        }
    }
}

/// The hits in one briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingHits {
    /// Position of the briefing in the list the search was given.
    pub order: usize,
    /// Its path.
    pub path: PathBuf,
    /// Its path as shown.
    pub shown: String,
    /// Its content hash (of the bytes searched).
    pub hash: ContentHash,
    /// Its title.
    pub title: String,
    /// Every hit in it, counted as the reader counts them.
    pub count: usize,
    /// The first hits, in the reader's order.
    pub hits: Vec<Hit>,
}

/// What a search tells the screen: any number of `Hits`, then `Done`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchEvent {
    /// More results (possibly none: progress only).
    Hits {
        /// Briefings with hits, in no particular order (see `order`).
        groups: Vec<BriefingHits>,
        /// Briefings searched so far.
        done: usize,
        /// Briefings to search.
        total: usize,
    },
    /// The search ended.
    Done {
        /// Hits counted in all briefings searched.
        count: usize,
        /// Briefings with hits.
        briefings: usize,
        /// A cap on hits cut the search short.
        capped: bool,
        /// Briefings that could not be read or loaded any more.
        failed: usize,
    },
}

/// A search running on background threads; dropping it cancels it.
pub type SearchJob = Job<SearchEvent>;

/// Shortest time between two batches after the first.
const BATCH_INTERVAL: Duration = Duration::from_millis(15);

impl Job<SearchEvent> {
    /// Starts searching `files` for `query`. An empty query ends at once
    /// with no hits.
    pub fn start(files: Vec<SearchFile>, query: &str, options: SearchOptions) -> Self {
        Self::start_with(files, query, options, None)
    }

    /// As [`SearchJob::start`]; `wake` is called after each event sent.
    pub fn start_waking(
        files: Vec<SearchFile>,
        query: &str,
        options: SearchOptions,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        Self::start_with(files, query, options, Some(Arc::new(wake)))
    }

    fn start_with(
        files: Vec<SearchFile>,
        query: &str,
        options: SearchOptions,
        wake: Option<Wake>,
    ) -> Self {
        let query = fold(
            &query
                .trim()
                .chars()
                .take(MAX_QUERY_CHARS)
                .collect::<String>(),
        );
        Job::spawn("library-search", wake, move |cancel, tx| {
            run(&files, &query, &options, cancel, tx);
        })
    }
}

/// What a worker found in one file.
enum Outcome {
    Hits(BriefingHits),
    Nothing,
    Failed,
}

#[derive(Default)]
struct Tally {
    count: usize,
    briefings: usize,
    detailed: usize,
    failed: usize,
    capped: bool,
}

fn run(
    files: &[SearchFile],
    query: &str,
    options: &SearchOptions,
    cancel: &AtomicBool,
    tx: &Outbox<SearchEvent>,
) {
    let mut tally = Tally::default();
    if !query.is_empty() && !files.is_empty() {
        // Held until the search ends; a cancelled wait searches nothing.
        let slot = options.slots.as_ref().map(|s| s.take(cancel));
        if !matches!(slot, Some(None)) {
            search_all(files, query, options, cancel, tx, &mut tally);
        }
    }
    let _ = tx.send(SearchEvent::Done {
        count: tally.count,
        briefings: tally.briefings,
        capped: tally.capped,
        failed: tally.failed,
    });
}

fn search_all(
    files: &[SearchFile],
    query: &str,
    options: &SearchOptions,
    cancel: &AtomicBool,
    tx: &Outbox<SearchEvent>,
    tally: &mut Tally,
) {
    let queue = Queue::new(files, cancel);
    let finder = Finder::new(query);
    let (out_tx, out_rx) = mpsc::channel::<Outcome>();
    let total = files.len();
    thread::scope(|s| {
        for _ in 0..queue.workers(options.threads) {
            let (queue, finder, out_tx) = (&queue, &finder, out_tx.clone());
            s.spawn(move || {
                while let Some((i, file)) = queue.take() {
                    if out_tx
                        .send(search_one(i, file, query, finder, options))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
        let mut groups = Vec::new();
        let mut done = 0;
        let mut last = None::<Instant>;
        loop {
            let received = out_rx.recv_timeout(BATCH_INTERVAL);
            let closed = matches!(received, Err(mpsc::RecvTimeoutError::Disconnected));
            for outcome in received.into_iter().chain(out_rx.try_iter()) {
                done += 1;
                match outcome {
                    Outcome::Hits(group) if !tally.capped => {
                        take(group, options.max_hits, tally, &mut groups, cancel);
                    }
                    Outcome::Failed => tally.failed += 1,
                    Outcome::Hits(_) | Outcome::Nothing => {}
                }
            }
            let due = last.is_none_or(|t| t.elapsed() >= BATCH_INTERVAL);
            if due || closed {
                let event = SearchEvent::Hits {
                    groups: std::mem::take(&mut groups),
                    done,
                    total,
                };
                if tx.send(event).is_err() {
                    cancel.store(true, Ordering::Relaxed);
                }
                last = Some(Instant::now());
            }
            if closed {
                break;
            }
        }
    });
}

/// Adds a briefing's hits within the total cap; reaching it stops the search.
fn take(
    mut group: BriefingHits,
    max_hits: usize,
    tally: &mut Tally,
    groups: &mut Vec<BriefingHits>,
    cancel: &AtomicBool,
) {
    let room = max_hits.saturating_sub(tally.detailed);
    if group.hits.len() >= room {
        group.hits.truncate(room);
        tally.capped = true;
        cancel.store(true, Ordering::Relaxed);
    }
    tally.detailed += group.hits.len();
    tally.count += group.count;
    tally.briefings += 1;
    if !group.hits.is_empty() {
        groups.push(group);
    }
}

fn search_one(
    order: usize,
    file: &SearchFile,
    query: &str,
    finder: &Finder<'_>,
    options: &SearchOptions,
) -> Outcome {
    let found = |hash: ContentHash, index: &FileIndex| {
        let (count, hits) = index.find_with(finder, query, options.max_hits_per_briefing);
        if count == 0 {
            return Outcome::Nothing;
        }
        Outcome::Hits(BriefingHits {
            order,
            path: file.path.clone(),
            shown: file.shown.clone(),
            hash,
            title: index.title.clone(),
            count,
            hits,
        })
    };
    let cached = |hash: &ContentHash| {
        let dir = options.cache_dir.as_deref()?;
        let bytes = index::read(&index::index_file(dir, hash, options.presentation))?;
        index::lookup(&bytes, finder)
    };
    let from_cache = |hash: ContentHash, lookup: Lookup| match lookup {
        Lookup::NoHit => Outcome::Nothing,
        Lookup::Index(index) => found(hash, &index),
    };
    if let Some(hash) = file.hash
        && let Some(lookup) = cached(&hash)
    {
        return from_cache(hash, lookup);
    }
    // Not indexed yet, or changed since the row was made: index what is
    // there now, under the hash of what was read.
    let Ok(bytes) = read_bytes(&file.path) else {
        return Outcome::Failed;
    };
    let hash = ContentHash::of(&bytes);
    if Some(hash) != file.hash
        && let Some(lookup) = cached(&hash)
    {
        return from_cache(hash, lookup);
    }
    let Ok(built) = FileIndex::build(&bytes, &file.shown, options.presentation) else {
        return Outcome::Failed;
    };
    if let Some(dir) = &options.cache_dir {
        index::write(&index::index_file(dir, &hash, options.presentation), &built);
    }
    found(hash, &built)
}
