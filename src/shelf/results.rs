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
    /// The selected hit (group, hit), kept across rebuilds.
    selected: Option<(usize, usize)>,
}

impl ResultLines {
    /// Lays the results out again (more came in); the selection follows the
    /// results' current hit.
    pub fn rebuild(&mut self, results: &SearchResults) {
        self.lines.clear();
        for (g, group) in results.groups.iter().enumerate() {
            self.lines.push(Line::Briefing(g));
            self.lines
                .extend((0..group.hits.len()).map(|h| Line::Hit(g, h)));
        }
        if self.selected.is_none() || !self.lines.contains(&self.hit_line()) {
            self.selected = results.current;
        }
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
    }

    /// Selects the hit at line `line` (a briefing line selects its first hit).
    pub fn select_line(&mut self, line: usize) {
        match self.lines.get(line) {
            Some(Line::Hit(g, h)) => self.selected = Some((*g, *h)),
            Some(Line::Briefing(g)) => self.selected = Some((*g, 0)),
            None => {}
        }
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
