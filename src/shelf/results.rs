//! The full-text search results as lines: a line per briefing with hits,
//! then a line per hit under it; the selection is on hit lines only, and
//! stays on its hit while more results come in.

use crate::library::SearchResults;

/// One line of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A briefing: its group.
    Briefing(usize),
    /// A hit: its group and its place in the group's hits.
    Hit(usize, usize),
}

/// The lines and the selected one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultLines {
    lines: Vec<Line>,
    /// Each group's place in the searched list, to find a hit again when
    /// earlier briefings come in ahead of it.
    orders: Vec<usize>,
    /// The selected hit as (group, hit).
    selected: Option<(usize, usize)>,
    /// Whether the reader moved the selection; until then it stays on the
    /// first hit, wherever results come in.
    moved: bool,
}

impl ResultLines {
    /// Lays the results out again (more came in); a selection the reader
    /// made stays on its hit, otherwise the first hit is selected.
    pub fn rebuild(&mut self, results: &SearchResults) {
        let kept = self
            .selected
            .filter(|_| self.moved)
            .and_then(|(g, h)| Some((*self.orders.get(g)?, h)));
        self.lines.clear();
        self.orders.clear();
        for (g, group) in results.groups.iter().enumerate() {
            self.orders.push(group.order);
            self.lines.push(Line::Briefing(g));
            self.lines
                .extend((0..group.hits.len()).map(|h| Line::Hit(g, h)));
        }
        let first = self.lines.iter().find_map(|l| match l {
            Line::Hit(g, h) => Some((*g, *h)),
            Line::Briefing(_) => None,
        });
        self.selected = match kept {
            Some((order, h)) => self
                .orders
                .iter()
                .position(|&o| o == order)
                .map(|g| (g, h))
                .or(first),
            None => first,
        };
    }

    fn hit_line(&self) -> Line {
        let (g, h) = self.selected.unwrap_or_default();
        Line::Hit(g, h)
    }

    /// Every line.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The selected line's position.
    pub fn selected(&self) -> Option<usize> {
        let want = self.hit_line();
        self.selected?;
        self.lines.iter().position(|l| *l == want)
    }

    /// The selected hit: group and hit.
    pub fn selected_hit(&self) -> Option<(usize, usize)> {
        self.selected
    }

    /// Selects the hit `n` hit lines down (or up) from the selected one.
    pub fn move_by(&mut self, n: usize, down: bool) {
        let hits: Vec<(usize, usize)> = self
            .lines
            .iter()
            .filter_map(|l| match l {
                Line::Hit(g, h) => Some((*g, *h)),
                Line::Briefing(_) => None,
            })
            .collect();
        let Some(last) = hits.len().checked_sub(1) else {
            return;
        };
        let at = self
            .selected
            .and_then(|s| hits.iter().position(|h| *h == s))
            .unwrap_or(0);
        let to = if down {
            at.saturating_add(n).min(last)
        } else {
            at.saturating_sub(n)
        };
        self.selected = hits.get(to).copied();
        self.moved = true;
    }

    /// Selects the hit at line `line` (a briefing line selects its first hit).
    pub fn select_line(&mut self, line: usize) {
        let hit = match self.lines.get(line) {
            Some(Line::Hit(g, h)) => (*g, *h),
            Some(Line::Briefing(g)) => (*g, 0),
            None => return,
        };
        self.selected = Some(hit);
        self.moved = true;
    }

    /// `n` or `N`: the next or previous hit, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let before = self.selected;
        self.move_by(1, forward);
        if self.selected == before {
            // At an end: to the other end.
            self.move_by(usize::MAX, !forward);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::library::hash::ContentHash;
    use crate::library::{BriefingHits, Hit, SearchEvent};
    use crate::pane::PaneId;

    fn results(sizes: &[usize]) -> SearchResults {
        let groups = sizes
            .iter()
            .enumerate()
            .map(|(order, &n)| BriefingHits {
                order,
                path: PathBuf::from(format!("{order}.toml")),
                shown: format!("{order}.toml"),
                hash: ContentHash::of(&[u8::try_from(order).unwrap()]),
                title: format!("T{order}"),
                count: n,
                hits: (0..n)
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
            })
            .collect();
        let mut r = SearchResults::default();
        r.apply(SearchEvent::Hits {
            groups,
            done: sizes.len(),
            total: sizes.len(),
        });
        r
    }

    #[test]
    fn a_line_per_briefing_and_per_hit_with_hits_selectable() {
        let mut lines = ResultLines::default();
        lines.rebuild(&results(&[2, 1]));
        assert_eq!(
            lines.lines(),
            [
                Line::Briefing(0),
                Line::Hit(0, 0),
                Line::Hit(0, 1),
                Line::Briefing(1),
                Line::Hit(1, 0)
            ]
        );
        assert_eq!(lines.selected(), Some(1));
        lines.move_by(2, true);
        assert_eq!(lines.selected_hit(), Some((1, 0)));
        lines.move_by(9, true);
        assert_eq!(lines.selected_hit(), Some((1, 0)));
        lines.move_by(9, false);
        assert_eq!(lines.selected_hit(), Some((0, 0)));
        lines.select_line(3);
        assert_eq!(lines.selected_hit(), Some((1, 0)));
    }

    /// Results come in as briefings are searched, not in list order.
    fn batch(r: &mut SearchResults, from: &SearchResults, orders: &[usize]) {
        let groups = from
            .groups
            .iter()
            .filter(|g| orders.contains(&g.order))
            .cloned()
            .collect();
        r.apply(SearchEvent::Hits {
            groups,
            done: 1,
            total: 3,
        });
    }

    #[test]
    fn the_selection_stays_on_top_until_moved_then_on_its_hit() {
        let all = results(&[1, 2, 1]);
        let (mut r, mut lines) = (SearchResults::default(), ResultLines::default());
        batch(&mut r, &all, &[1]);
        lines.rebuild(&r);
        batch(&mut r, &all, &[2]);
        batch(&mut r, &all, &[0]);
        lines.rebuild(&r);
        assert_eq!(lines.selected_hit(), Some((0, 0)), "the top, untouched");
        let (mut r, mut lines) = (SearchResults::default(), ResultLines::default());
        batch(&mut r, &all, &[1]);
        lines.rebuild(&r);
        lines.move_by(1, true);
        assert_eq!(lines.selected_hit(), Some((0, 1)));
        batch(&mut r, &all, &[0, 2]);
        lines.rebuild(&r);
        assert_eq!(lines.selected_hit(), Some((1, 1)), "the same hit");
        assert_eq!(lines.selected(), Some(4));
    }

    #[test]
    fn n_wraps_around_both_ways() {
        let mut lines = ResultLines::default();
        lines.rebuild(&results(&[1, 1]));
        lines.step(true);
        assert_eq!(lines.selected_hit(), Some((1, 0)));
        lines.step(true);
        assert_eq!(lines.selected_hit(), Some((0, 0)));
        lines.step(false);
        assert_eq!(lines.selected_hit(), Some((1, 0)));
    }
}
