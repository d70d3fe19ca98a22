//! Search results as state: briefings with hits in the order the search was
//! given them. Pure: fed by `SearchEvent`s; the screen keeps the selection.

use super::search::{BriefingHits, SearchEvent};

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
}

impl SearchResults {
    /// Takes in one event.
    pub fn apply(&mut self, event: SearchEvent) {
        match event {
            SearchEvent::Hits {
                groups,
                done,
                total,
            } => {
                for g in groups {
                    self.count += g.count;
                    let at = self.groups.partition_point(|x| x.order < g.order);
                    self.groups.insert(at, g);
                }
                self.progress = (done, total);
            }
            SearchEvent::Done { count, capped, .. } => {
                self.count = count;
                self.capped = capped;
                self.done = true;
            }
        }
    }

    /// Hits detailed in all groups.
    pub fn detailed(&self) -> usize {
        self.groups.iter().map(|g| g.hits.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::library::Hit;
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
    fn groups_keep_list_order_whatever_order_they_come_in() {
        let mut r = SearchResults::default();
        r.apply(batch(vec![group(5, 2)]));
        r.apply(batch(vec![group(1, 1), group(7, 1)]));
        let orders: Vec<_> = r.groups.iter().map(|g| g.order).collect();
        assert_eq!(orders, [1, 5, 7]);
        assert_eq!(r.count, 4);
        assert_eq!(r.detailed(), 4);
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
        assert!(r.done && r.capped && r.count == 3 && r.groups.is_empty());
    }
}
