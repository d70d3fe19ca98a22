//! Search across all panes: case- and accent-insensitive, every hit kept so
//! that `n` and `N` can walk them in reading order.

use std::ops::Range;

use super::App;
use crate::action::Action;
use crate::doc::Anchor;
use crate::labels::Labels;
use crate::pane::PaneId;
use crate::text::fold::{find_all, fold};

/// Longest search text accepted.
const MAX_QUERY_CHARS: usize = 200;
/// Most hits kept; a search beyond that is too vague to walk anyway.
const MAX_HITS: usize = 100_000;

/// One place the search text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Pane, by position.
    pub pane: usize,
    /// Block in the pane's doc.
    pub block: usize,
    /// Bytes of the block's text.
    pub range: Range<usize>,
}

/// The search prompt and the last search's hits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What is being typed, while the prompt is open.
    pub input: Option<String>,
    /// The last search text.
    pub query: Option<String>,
    /// Its hits, in reading order.
    pub hits: Vec<Hit>,
    /// The hit shown last.
    pub current: Option<usize>,
}

impl Search {
    /// Hits in block `block` of pane `pane` (a slice of `hits`).
    pub fn hits_in(&self, pane: PaneId, block: usize) -> &[Hit] {
        let key = (pane.index(), block);
        let start = self.hits.partition_point(|h| (h.pane, h.block) < key);
        let end = self.hits.partition_point(|h| (h.pane, h.block) <= key);
        self.hits.get(start..end).unwrap_or_default()
    }

    /// "3/14": the current hit and the count.
    pub fn position(&self) -> Option<(usize, usize)> {
        Some((self.current? + 1, self.hits.len()))
    }
}

impl App {
    pub(crate) fn search_input(&mut self, c: char) {
        if let Some(input) = &mut self.search.input
            && input.chars().count() < MAX_QUERY_CHARS
            && !c.is_control()
        {
            input.push(c);
        }
    }

    pub(crate) fn search_delete(&mut self) {
        match &mut self.search.input {
            Some(input) if input.is_empty() => self.search.input = None,
            Some(input) => {
                input.pop();
            }
            None => {}
        }
    }

    /// Runs the typed search and shows the first hit at or after the current
    /// place. An empty prompt repeats the last search.
    pub(crate) fn search_submit(&mut self) {
        let Some(input) = self.search.input.take() else {
            return;
        };
        let query = if input.trim().is_empty() {
            match self.search.query.clone() {
                Some(q) => q,
                None => return,
            }
        } else {
            input
        };
        self.search.hits = self.find(&query);
        self.search.query = Some(query);
        self.search.current = None;
        self.mark = None;
        if self.search.hits.is_empty() {
            self.notice = Some(self.labels().no_matches.to_string());
            return;
        }
        let here = self.here();
        let first = self
            .search
            .hits
            .iter()
            .position(|h| (h.pane, h.block) >= here)
            .unwrap_or(0);
        self.show_hit(first);
    }

    /// Every hit of `query` in every pane, in reading order.
    fn find(&self, query: &str) -> Vec<Hit> {
        let folded = fold(query.trim());
        let mut hits = Vec::new();
        for pane in PaneId::ALL {
            for (block, b) in self.doc_of(pane).blocks.iter().enumerate() {
                if !b.searchable {
                    continue;
                }
                for range in find_all(&b.text, &folded) {
                    if hits.len() >= MAX_HITS {
                        return hits;
                    }
                    hits.push(Hit {
                        pane: pane.index(),
                        block,
                        range,
                    });
                }
            }
        }
        hits
    }

    /// The pane and block at the top of the screen.
    fn here(&self) -> (usize, usize) {
        let top = (self.scroll()..self.total_lines())
            .find_map(|v| match self.vline(v) {
                Some(super::VLine::Main(line)) => {
                    self.layout().lines.get(line).map(|l| l.block as usize)
                }
                _ => None,
            })
            .unwrap_or(0);
        (self.pane.index(), top)
    }

    /// Searches for `query` and shows hit number `index` (0-based, kept in
    /// range): how the library opens a briefing at a hit it found there.
    pub fn show_search(&mut self, query: &str, index: usize) {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        self.search.input = None;
        self.search.hits = self.find(&query);
        self.search.query = Some(query);
        self.search.current = None;
        self.mark = None;
        match self.search.hits.len() {
            0 => self.notice = Some(self.labels().no_matches.to_string()),
            n => self.show_hit(index.min(n - 1)),
        }
    }

    /// Whether `n` (`forward`) or `N` would wrap around: the current hit is
    /// the last or the first.
    pub fn at_search_end(&self, forward: bool) -> bool {
        match (self.search.current, forward) {
            (Some(i), true) => i + 1 >= self.search.hits.len(),
            (Some(i), false) => i == 0,
            (None, _) => false,
        }
    }

    /// `n` and `N`: the next or previous hit, wrapping with a notice.
    pub(crate) fn search_step(&mut self, forward: bool) {
        let count = self.search.hits.len();
        if count == 0 {
            let notice = if self.search.query.is_some() {
                self.labels().no_matches.to_string()
            } else {
                let key = self.key_name(Action::SearchStart);
                Labels::keyed(self.labels().no_search, key.as_deref())
            };
            self.notice = Some(notice);
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) if i + 1 >= count => {
                self.show_hit(0);
                self.notice = Some(self.labels().wrapped_top.to_string());
                return;
            }
            (Some(0), false) => {
                self.show_hit(count - 1);
                self.notice = Some(self.labels().wrapped_bottom.to_string());
                return;
            }
            (Some(i), true) => i + 1,
            (Some(i), false) => i - 1,
        };
        self.show_hit(next);
    }

    fn show_hit(&mut self, index: usize) {
        let Some(hit) = self.search.hits.get(index).cloned() else {
            return;
        };
        self.search.current = Some(index);
        let anchor = Anchor {
            block: hit.block,
            range: hit.range,
        };
        self.show_passage(PaneId::at(hit.pane), anchor);
        // The current hit is highlighted as such; no second mark.
        self.mark = None;
    }
}
