//! Search results as state: briefings with hits in the order the search was
//! given them, and a current hit that `n` and `N` move across briefings.
//! Pure: fed by `SearchEvent`s, drawn by the screen.

use super::search::{BriefingHits, Hit, SearchEvent};

/// Where a search stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Briefings with hits, in the order of the list searched.
    pub groups: Vec<BriefingHits>,
    /// Briefings searched and to search.
    pub progress: (usize, usize),
    /// Hits counted so far (all of them, not only the detailed ones).
    pub count: usize,
    /// Whether the search has ended.
    pub done: bool,
    /// Whether a cap cut it short.
    pub capped: bool,
    /// The current hit: group and hit within it.
    pub current: Option<(usize, usize)>,
}

impl SearchResults {
    /// Takes in one event; the current hit stays on the same hit.
    pub fn apply(&mut self, event: SearchEvent) {
        match event {
            SearchEvent::Hits {
                groups,
                done,
                total,
            } => {
                let current = self.current_key();
                for g in groups {
                    self.count += g.count;
                    let at = self.groups.partition_point(|x| x.order < g.order);
                    self.groups.insert(at, g);
                }
                self.progress = (done, total);
                self.current = match current {
                    Some((order, hit)) => self
                        .groups
                        .iter()
                        .position(|g| g.order == order)
                        .map(|g| (g, hit)),
                    None => (!self.groups.is_empty()).then_some((0, 0)),
                };
            }
            SearchEvent::Done { count, capped, .. } => {
                self.count = count;
                self.capped = capped;
                self.done = true;
            }
        }
    }

    fn current_key(&self) -> Option<(usize, usize)> {
        let (g, h) = self.current?;
        Some((self.groups.get(g)?.order, h))
    }

    /// Hits detailed in all groups.
    pub fn detailed(&self) -> usize {
        self.groups.iter().map(|g| g.hits.len()).sum()
    }

    /// The current group and hit.
    pub fn current(&self) -> Option<(&BriefingHits, &Hit)> {
        let (g, h) = self.current?;
        let group = self.groups.get(g)?;
        Some((group, group.hits.get(h)?))
    }

    /// `n` (forward) or `N`: the next or previous hit, across briefings,
    /// wrapping around. Returns whether it wrapped.
    pub fn step(&mut self, forward: bool) -> bool {
        let Some((g, h)) = self.current else {
            if !self.groups.is_empty() {
                self.current = Some((0, 0));
            }
            return false;
        };
        let len = |g: usize| self.groups.get(g).map_or(0, |x| x.hits.len());
        let groups = self.groups.len();
        let (next, wrapped) = if forward {
            if h + 1 < len(g) {
                ((g, h + 1), false)
            } else if g + 1 < groups {
                ((g + 1, 0), false)
            } else {
                ((0, 0), true)
            }
        } else if h > 0 {
            ((g, h - 1), false)
        } else if g > 0 {
            ((g - 1, len(g - 1).saturating_sub(1)), false)
        } else {
            let last = groups.saturating_sub(1);
            ((last, len(last).saturating_sub(1)), true)
        };
        self.current = Some(next);
        wrapped
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::library::hash::ContentHash;
    use crate::pane::PaneId;

    fn group(order: usize, hits: usize) -> BriefingHits {
        BriefingHits {
            order,
            path: PathBuf::from(format!("{order}.toml")),
            shown: format!("{order}.toml"),
            hash: ContentHash::of(&[u8::try_from(order).unwrap()]),
            title: String::new(),
            count: hits,
            hits: (0..hits)
                .map(|ordinal| Hit {
                    ordinal,
                    pane: PaneId::Text,
                    block: 0,
                    range: 0..1,
                    line: 1,
                    snippet: String::new(),
                    snippet_hit: 0..0,
                })
                .collect(),
        }
    }

    fn batch(groups: Vec<BriefingHits>) -> SearchEvent {
        SearchEvent::Hits {
            groups,
            done: 1,
            total: 9,
        }
    }

    #[test]
    fn groups_keep_list_order_and_the_current_hit_stays() {
        let mut r = SearchResults::default();
        r.apply(batch(vec![group(5, 2)]));
        assert_eq!(r.current, Some((0, 0)));
        r.step(true);
        r.apply(batch(vec![group(1, 1), group(7, 1)]));
        let orders: Vec<_> = r.groups.iter().map(|g| g.order).collect();
        assert_eq!(orders, [1, 5, 7]);
        assert_eq!(r.current, Some((1, 1)));
        assert_eq!(r.count, 4);
        assert_eq!(r.detailed(), 4);
    }

    #[test]
    fn n_and_shift_n_cross_briefings_and_wrap() {
        let mut r = SearchResults::default();
        r.apply(batch(vec![group(0, 2), group(1, 1)]));
        assert!(!r.step(true));
        assert!(!r.step(true));
        assert_eq!(r.current, Some((1, 0)));
        assert!(r.step(true));
        assert_eq!(r.current, Some((0, 0)));
        assert!(r.step(false));
        assert_eq!(r.current, Some((1, 0)));
        assert!(!r.step(false));
        assert_eq!(r.current().unwrap().1.ordinal, 1);
    }

    #[test]
    fn done_sets_the_final_count() {
        let mut r = SearchResults::default();
        r.apply(SearchEvent::Done {
            count: 3,
            briefings: 1,
            capped: true,
            failed: 0,
        });
        assert!(r.done && r.capped && r.count == 3 && r.current.is_none());
        assert!(!r.step(true));
    }
}
