//! Building the search indexes in the background once the list is loaded,
//! so that the first full-text search reads cached indexes instead of
//! loading every briefing (14.6 s for 10,000 of them otherwise).
//!
//! Files whose index is cached already cost one `stat`; the others are
//! indexed one at a time per worker, each at most one briefing's work, and
//! the work stops between two files when the [`Indexer`] is cancelled or
//! dropped (a search does that: it indexes what it reads itself).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use super::hash::ContentHash;
use super::index::{self, FileIndex, Presentation};
use super::queue::Queue;
use super::row::read_bytes;
use super::search::SearchFile;

/// Indexing running on background threads; dropping it cancels it.
#[derive(Debug)]
pub struct Indexer {
    cancel: Arc<AtomicBool>,
    progress: Arc<Progress>,
}

/// What the workers have done so far.
#[derive(Debug, Default)]
struct Progress {
    /// Files looked at (indexed, found indexed, or failed).
    seen: AtomicUsize,
    /// Indexes built and written.
    built: AtomicUsize,
    /// Every worker has ended.
    finished: AtomicBool,
}

impl Indexer {
    /// Starts indexing `files` into `cache_dir` for `presentation` on
    /// `threads` workers.
    pub fn start(
        files: Vec<SearchFile>,
        cache_dir: PathBuf,
        presentation: Presentation,
        threads: usize,
    ) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(Progress::default());
        let (flag, shared) = (Arc::clone(&cancel), Arc::clone(&progress));
        let spawned = thread::Builder::new()
            .name("library-index".into())
            .spawn(move || {
                run(&files, &cache_dir, presentation, threads, &flag, &shared);
                shared.finished.store(true, Ordering::Release);
            });
        if spawned.is_err() {
            progress.finished.store(true, Ordering::Release);
        }
        Self { cancel, progress }
    }

    /// Stops the work after the files being indexed now.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether every worker has ended (all done, or cancelled).
    pub fn is_finished(&self) -> bool {
        self.progress.finished.load(Ordering::Acquire)
    }

    /// Files looked at so far.
    pub fn seen(&self) -> usize {
        self.progress.seen.load(Ordering::Relaxed)
    }

    /// Indexes built and written so far.
    pub fn built(&self) -> usize {
        self.progress.built.load(Ordering::Relaxed)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.cancel();
    }
}

fn run(
    files: &[SearchFile],
    cache_dir: &Path,
    presentation: Presentation,
    threads: usize,
    cancel: &AtomicBool,
    progress: &Progress,
) {
    let queue = Queue::new(files, cancel);
    let work = || {
        while let Some((_, file)) = queue.take() {
            if ensure(cache_dir, file, presentation) {
                progress.built.fetch_add(1, Ordering::Relaxed);
            }
            progress.seen.fetch_add(1, Ordering::Relaxed);
        }
    };
    thread::scope(|s| {
        for _ in 1..queue.workers(threads) {
            s.spawn(work);
        }
        work();
    });
}

/// Builds and caches the index of `file` unless one is cached for its
/// content; returns whether one was built. A file that changed since its
/// row was made is indexed under the hash of what is read now.
pub fn ensure(cache_dir: &Path, file: &SearchFile, presentation: Presentation) -> bool {
    let cached = |hash: &ContentHash| index::index_file(cache_dir, hash, presentation).is_file();
    if file.hash.as_ref().is_some_and(cached) {
        return false;
    }
    let Ok(bytes) = read_bytes(&file.path) else {
        return false;
    };
    let hash = ContentHash::of(&bytes);
    if cached(&hash) {
        return false;
    }
    let Ok(built) = FileIndex::build(&bytes, &file.shown, presentation) else {
        return false;
    };
    index::write(&index::index_file(cache_dir, &hash, presentation), &built);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BUNDLED;
    use std::time::{Duration, Instant};

    fn wait(indexer: &Indexer) {
        let start = Instant::now();
        while !indexer.is_finished() {
            assert!(start.elapsed() < Duration::from_secs(20), "never finished");
            thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn indexes_what_is_missing_once_and_skips_broken_files() {
        let dir = std::env::temp_dir().join(format!("briefing-indexer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.toml");
        std::fs::write(&good, BUNDLED).unwrap();
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "schema = 1\n").unwrap();
        let file = |path: &PathBuf, hash| SearchFile {
            path: path.clone(),
            shown: "x.toml".into(),
            hash,
        };
        let hash = ContentHash::of(BUNDLED.as_bytes());
        let files = vec![file(&good, Some(hash)), file(&bad, None)];
        let cache = dir.join("cache");
        let presentation = Presentation::default();
        let first = Indexer::start(files.clone(), cache.clone(), presentation, 2);
        wait(&first);
        assert_eq!((first.seen(), first.built()), (2, 1));
        let written = index::index_file(&cache, &hash, presentation);
        let bytes = std::fs::read(&written).unwrap();
        assert!(index::decode(&bytes).is_some_and(|i| !i.is_empty()));
        let again = Indexer::start(files, cache, presentation, 1);
        wait(&again);
        assert_eq!((again.seen(), again.built()), (2, 0), "nothing built twice");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_cancelled_indexer_stops() {
        let file = SearchFile {
            path: PathBuf::from("/nonexistent/a.toml"),
            shown: "a.toml".into(),
            hash: None,
        };
        let indexer = Indexer::start(
            vec![file; 100_000],
            PathBuf::from("/nonexistent/cache"),
            Presentation::default(),
            1,
        );
        indexer.cancel();
        wait(&indexer);
        assert!(indexer.seen() < 100_000);
    }
}
