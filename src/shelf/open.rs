//! Opening a briefing from the library: read it, keep it shared for whoever
//! opens it next (the served readers of one library share one copy), mark
//! it read, and put the reader on screen; at a search hit, with the hits.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::{Reading, Shelf};
use crate::app::{App, Options};
use crate::briefing::load_file;
use crate::content::Shared;
use crate::labels::Lang;
use crate::library::ContentHash;

/// The briefings open somewhere, by content hash: a second reader of one
/// briefing gets the same shared copy, and it goes once nobody reads it.
#[derive(Debug, Clone, Default)]
pub struct Opened(Arc<Mutex<HashMap<ContentHash, Weak<Shared>>>>);

impl Opened {
    /// The shared briefing with hash `hash`, loading it from `path` if no
    /// one has it open.
    fn get(&self, hash: Option<ContentHash>, path: &Path) -> Result<Arc<Shared>, String> {
        if let Some(shared) = hash.and_then(|h| self.find(h)) {
            return Ok(shared);
        }
        // Loaded without the lock: other readers open other briefings
        // meanwhile.
        let briefing = load_file(path).map_err(|e| e.to_string())?;
        let mut open = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shared) = hash.and_then(|h| open.get(&h)).and_then(Weak::upgrade) {
            return Ok(shared);
        }
        let shared = Arc::new(Shared::new(briefing));
        open.retain(|_, w| w.strong_count() > 0);
        if let Some(h) = hash {
            open.insert(h, Arc::downgrade(&shared));
        }
        Ok(shared)
    }

    fn find(&self, hash: ContentHash) -> Option<Arc<Shared>> {
        let open = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        open.get(&hash).and_then(Weak::upgrade)
    }
}

impl Shelf {
    /// Opens the selected row of the list, or the selected hit of the
    /// results.
    pub(crate) fn open_selected(&mut self) {
        if let Some(found) = &self.found {
            let Some((g, h)) = found.lines.selected_hit() else {
                return;
            };
            let Some(group) = found.results.groups.get(g) else {
                return;
            };
            let at = group.hits.get(h).map_or(0, |hit| hit.ordinal);
            let (path, shown, hash) = (group.path.clone(), group.shown.clone(), group.hash);
            let query = found.query.clone();
            self.open(&path, shown, Some(hash), Some((&query, at)));
            return;
        }
        let Some(row) = self.list.selected_row() else {
            return;
        };
        if let Some(problem) = row.problem_line(&row.shown) {
            self.notice = Some(format!("{}: {problem}", self.labels().cannot_open));
            return;
        }
        let path = self.options.dir.join(&row.rel);
        let (shown, hash) = (row.shown.clone(), row.hash);
        self.open(&path, shown, hash, None);
    }

    /// Opens `path` in the reader; at hit `at` of `query` when given.
    fn open(
        &mut self,
        path: &Path,
        shown: String,
        hash: Option<ContentHash>,
        hit: Option<(&str, usize)>,
    ) {
        let shared = match self.opened.get(hash, path) {
            Ok(shared) => shared,
            Err(e) => {
                let first = e.lines().next().unwrap_or_default().to_string();
                self.notice = Some(format!("{}: {first}", self.labels().cannot_open));
                return;
            }
        };
        let lang = self
            .options
            .lang
            .unwrap_or_else(|| Lang::for_tag(&shared.briefing().lang));
        let content = shared.content(lang, self.options.ascii);
        let options = Options {
            colours: self.options.colours,
            hosted: true,
            keymap: Arc::clone(&self.options.keymap),
            ..Options::default()
        };
        let (w, h) = self.size;
        let mut app = App::new(content, options, w, h.saturating_sub(self.frame_rows()));
        if let Some((query, at)) = hit {
            app.show_search(query, at);
        }
        if let Some(hash) = hash {
            self.marks.mark_read(hash);
            self.list.set_read(&hash);
        }
        self.reading = Some(Reading {
            app,
            from_results: hit.is_some(),
            shown,
        });
    }

    /// Back to the library from the reader.
    pub fn close_reader(&mut self) {
        self.reading = None;
        self.clamp();
    }

    /// `n` or `N` in a briefing opened from the results, past its last (or
    /// first) hit: the next briefing with hits, at its first (or last) one.
    pub fn next_briefing(&mut self, forward: bool) {
        let Some(found) = &mut self.found else {
            return;
        };
        let Some((g, _)) = found.lines.selected_hit() else {
            return;
        };
        let groups = found.results.groups.len();
        if groups == 0 {
            return;
        }
        let next = if forward {
            (g + 1) % groups
        } else {
            (g + groups - 1) % groups
        };
        let Some(group) = found.results.groups.get(next) else {
            return;
        };
        let h = if forward {
            0
        } else {
            group.hits.len().saturating_sub(1)
        };
        let at = if forward {
            0
        } else {
            group.count.saturating_sub(1)
        };
        found.lines.select_line(0);
        let line = found
            .lines
            .lines()
            .iter()
            .position(|l| *l == super::Line::Hit(next, h))
            .unwrap_or(0);
        found.lines.select_line(line);
        let (path, shown, hash, query) = (
            group.path.clone(),
            group.shown.clone(),
            group.hash,
            found.query.clone(),
        );
        self.open(&path, shown, Some(hash), Some((&query, at)));
        let said = self.labels().next_briefing.to_string();
        if let Some(reading) = &mut self.reading {
            reading.app.say(said);
        }
    }
}
