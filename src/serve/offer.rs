//! What the server offers: one briefing, or a library of them. A library's
//! rows are loaded once and shared by every session; a session starting
//! when they are older than [`REFRESH`] has them looked at again in the
//! background, so new and changed briefings appear without a restart. Briefings opened are shared
//! by whoever reads them, and full-text searches take turns.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::content::Shared;
use crate::dirs::Dirs;
use crate::library::slots::Slots;
use crate::library::{Row, load_all};
use crate::shelf::Opened;

/// How old the rows may get before a new session has them looked at again.
pub const REFRESH: Duration = Duration::from_secs(30);

/// What every session is shown.
pub enum Offer {
    /// One briefing.
    Briefing(Shared),
    /// A library folder.
    Library(Arc<Library>),
}

/// A served library.
pub struct Library {
    /// The folder.
    pub dir: PathBuf,
    /// Where the row cache and search indexes live (no read marks).
    pub dirs: Dirs,
    rows: Mutex<(Arc<Vec<Row>>, Instant)>,
    refresh: Duration,
    refreshing: AtomicBool,
    /// The briefings open in some session.
    pub opened: Opened,
    /// Turns for full-text searches: one per core at a time.
    pub slots: Arc<Slots>,
}

impl Library {
    /// Loads the library at `dir`, saying limits hit on `err`; rows older
    /// than `refresh` are looked at again.
    ///
    /// # Errors
    /// Why the folder could not be read.
    pub fn load(
        dir: PathBuf,
        dirs: Dirs,
        refresh: Duration,
        err: &mut dyn std::io::Write,
    ) -> Result<Arc<Self>, String> {
        let rows = load_all(&dir, &dirs, err)?;
        Ok(Arc::new(Self {
            dir,
            dirs,
            rows: Mutex::new((Arc::new(rows), Instant::now())),
            refresh,
            refreshing: AtomicBool::new(false),
            opened: Opened::default(),
            slots: Slots::new(crate::library::loader::default_threads()),
        }))
    }

    fn state(&self) -> MutexGuard<'_, (Arc<Vec<Row>>, Instant)> {
        self.rows.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The rows now; when they are old, they are looked at again in the
    /// background for the sessions after this one.
    pub fn rows(self: &Arc<Self>) -> Arc<Vec<Row>> {
        let (rows, at) = {
            let s = self.state();
            (Arc::clone(&s.0), s.1)
        };
        if at.elapsed() >= self.refresh && !self.refreshing.swap(true, Ordering::SeqCst) {
            let library = Arc::clone(self);
            let started = std::thread::Builder::new()
                .name("library-refresh".into())
                .spawn(move || library.refresh());
            if started.is_err() {
                self.refreshing.store(false, Ordering::SeqCst);
            }
        }
        rows
    }

    /// Loads the rows again (unchanged files come from the cache).
    fn refresh(&self) {
        // A folder that went away keeps its last rows.
        if let Ok(rows) = load_all(&self.dir, &self.dirs, &mut std::io::sink()) {
            *self.state() = (Arc::new(rows), Instant::now());
        } else {
            self.state().1 = Instant::now();
        }
        self.refreshing.store(false, Ordering::SeqCst);
    }
}

/// The library as text, for a client without a terminal: one briefing a
/// line, its date, language, path in the library and title (paths on the
/// server are not shown).
pub fn plain_list(rows: &[Row]) -> String {
    let mut rows: Vec<&Row> = rows.iter().collect();
    rows.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.rel.cmp(&b.rel)));
    let mut text = String::new();
    for row in rows {
        let date = row.modified.civil().date();
        let _ = match &row.content {
            Ok(s) => writeln!(text, "{date}  {:<5} {}  {}", s.lang, row.shown, s.title),
            Err(_) => writeln!(
                text,
                "{date}  -     {}",
                row.problem_line(&row.shown).unwrap_or_default()
            ),
        };
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefing_added_appears_for_later_sessions_and_the_list_hides_server_paths() {
        let dir = std::env::temp_dir().join(format!("briefing-offer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let bundled = include_str!("../../content/nordkorea-russland.toml");
        std::fs::write(dir.join("a.toml"), bundled).unwrap();
        let library = Library::load(
            dir.clone(),
            Dirs::default(),
            Duration::ZERO,
            &mut std::io::sink(),
        )
        .unwrap();
        assert_eq!(library.rows().len(), 1, "the rows loaded first");
        std::fs::write(dir.join("b.toml"), "not a briefing").unwrap();
        let start = Instant::now();
        while library.rows().len() < 2 {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never looked again"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let text = plain_list(&library.rows());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("  de    a.toml  Nordkorea")),
            "{text}"
        );
        assert!(
            lines.iter().any(|l| l.contains("  -     b.toml:")),
            "{text}"
        );
        assert!(!text.contains(&*dir.to_string_lossy()), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
