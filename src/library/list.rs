//! The library list as state: rows, sort order, unread-only, the filter typed
//! so far, the view they give and the selection in it. Pure: no terminal,
//! no files, no scrolling (the screen's scroll follows [`ListState::selected`]).

use std::cmp::Ordering;
use std::sync::Arc;

use super::hash::ContentHash;
use super::marks::ReadMarks;
use super::row::Row;
use crate::text::fold::fold;

/// Longest filter accepted, in characters.
pub const MAX_FILTER_CHARS: usize = 200;

/// The list's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Newest file first.
    #[default]
    Date,
    /// By title, A to Z (case- and accent-insensitive).
    Title,
}

/// Rows and what the list shows of them.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// Shared by every served reader of one library; a list still loading
    /// is the only holder and adds to it in place.
    rows: Arc<Vec<Row>>,
    read: Vec<bool>,
    sort: SortBy,
    unread_only: bool,
    filter: String,
    /// Folded words of the filter; a row shows when its key holds them all.
    words: Vec<String>,
    /// Every row index, in sort order.
    order: Vec<usize>,
    /// The rows shown, in sort order.
    view: Vec<usize>,
    /// Index into `view`.
    selected: usize,
}

impl ListState {
    /// An empty list sorted by `sort`.
    pub fn new(sort: SortBy) -> Self {
        Self {
            sort,
            ..Self::default()
        }
    }

    /// A list of rows loaded already (and shared), sorted by `sort`.
    pub fn shared(rows: Arc<Vec<Row>>, marks: &ReadMarks, sort: SortBy) -> Self {
        let mut list = Self::new(sort);
        list.rows = rows;
        list.arrived(marks, None);
        list
    }

    /// Adds rows (a batch from the loader); the selected row stays selected.
    pub fn push(&mut self, rows: Vec<Row>, marks: &ReadMarks) {
        let keep = self.selected_index();
        Arc::make_mut(&mut self.rows).extend(rows);
        self.arrived(marks, keep);
    }

    /// New rows are in: their read marks, the order and the view.
    fn arrived(&mut self, marks: &ReadMarks, keep: Option<usize>) {
        let known = self.read.len();
        let fresh = self.rows.get(known..).unwrap_or_default();
        self.read.extend(
            fresh
                .iter()
                .map(|row| row.hash.as_ref().is_some_and(|h| marks.is_read(h))),
        );
        self.order = (0..self.rows.len()).collect();
        self.sort_order();
        self.refilter(keep, false);
    }

    /// Marks every row with this content hash read (after `ReadMarks::mark_read`).
    pub fn set_read(&mut self, hash: &ContentHash) {
        let keep = self.selected_index();
        for (row, read) in self.rows.iter().zip(self.read.iter_mut()) {
            if row.hash.as_ref() == Some(hash) {
                *read = true;
            }
        }
        if self.unread_only {
            self.refilter(keep, false);
        }
    }

    /// `s`: date ↔ title.
    pub fn toggle_sort(&mut self) {
        self.sort = match self.sort {
            SortBy::Date => SortBy::Title,
            SortBy::Title => SortBy::Date,
        };
        let keep = self.selected_index();
        self.sort_order();
        self.refilter(keep, false);
    }

    /// `u`: unread only ↔ all.
    pub fn toggle_unread(&mut self) {
        self.unread_only = !self.unread_only;
        let keep = self.selected_index();
        self.refilter(keep, false);
    }

    /// Sets the filter text (as typed so far).
    pub fn set_filter(&mut self, text: &str) {
        let text: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_FILTER_CHARS)
            .collect();
        if text == self.filter {
            return;
        }
        let old = std::mem::replace(
            &mut self.words,
            fold(&text).split_whitespace().map(str::to_string).collect(),
        );
        // Typing on only narrows: look at the rows shown, not all of them.
        let narrows = !old.is_empty()
            && old.len() <= self.words.len()
            && old
                .iter()
                .zip(&self.words)
                .all(|(o, n)| n.contains(o.as_str()));
        self.filter = text;
        let keep = self.selected_index();
        self.refilter(keep, narrows);
    }

    /// The filter text.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The order.
    pub fn sort(&self) -> SortBy {
        self.sort
    }

    /// Whether only unread rows are shown.
    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// The rows shown, as indices for [`Self::row`], top to bottom.
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    /// A row by index.
    pub fn row(&self, index: usize) -> Option<&Row> {
        self.rows.get(index)
    }

    /// Whether row `index` was read.
    pub fn is_read(&self, index: usize) -> bool {
        self.read.get(index).copied().unwrap_or(false)
    }

    /// Every row, in load order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Briefings not read yet (files that did not load are not counted:
    /// they cannot be read).
    pub fn unread_count(&self) -> usize {
        self.rows
            .iter()
            .zip(&self.read)
            .filter(|(row, read)| !**read && row.content.is_ok())
            .count()
    }

    /// The selected position in the view (`None` when the view is empty).
    pub fn selected(&self) -> Option<usize> {
        (!self.view.is_empty()).then_some(self.selected)
    }

    /// Selects a position in the view (clamped).
    pub fn select(&mut self, position: usize) {
        self.selected = position.min(self.view.len().saturating_sub(1));
    }

    /// The selected row's index.
    pub fn selected_index(&self) -> Option<usize> {
        self.view.get(self.selected).copied()
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected_index()?)
    }

    fn sort_order(&mut self) {
        let rows = &self.rows;
        let by_date = |a: &Row, b: &Row| b.modified.cmp(&a.modified);
        let by_title = |a: &Row, b: &Row| a.title_key().cmp(b.title_key());
        let cmp = |&a: &usize, &b: &usize| -> Ordering {
            let (Some(x), Some(y)) = (rows.get(a), rows.get(b)) else {
                return Ordering::Equal;
            };
            match self.sort {
                SortBy::Date => by_date(x, y).then_with(|| by_title(x, y)),
                SortBy::Title => by_title(x, y).then_with(|| by_date(x, y)),
            }
            .then_with(|| x.rel.cmp(&y.rel))
        };
        self.order.sort_unstable_by(cmp);
    }

    /// Recomputes the view; the row `keep` stays selected if it is still
    /// shown, else the selection keeps its place.
    fn refilter(&mut self, keep: Option<usize>, narrows: bool) {
        let source = if narrows { &self.view } else { &self.order };
        let view: Vec<usize> = source.iter().copied().filter(|&i| self.shows(i)).collect();
        self.view = view;
        let found = keep.and_then(|k| self.view.iter().position(|&i| i == k));
        self.select(found.unwrap_or(self.selected));
    }

    fn shows(&self, index: usize) -> bool {
        if self.unread_only && self.is_read(index) {
            return false;
        }
        let Some(row) = self.rows.get(index) else {
            return false;
        };
        self.words.iter().all(|w| row.key.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::date::Stamp;
    use crate::library::row::{RowProblem, Summary};
    use crate::library::scan::Found;

    fn row(rel: &str, title: &str, secs: i64, names: &[&str]) -> Row {
        let found = Found {
            rel: rel.into(),
            size: 1,
            modified: Stamp { secs, nanos: 0 },
        };
        let summary = Summary {
            title: title.into(),
            actor_names: names.iter().map(|n| (*n).to_string()).collect(),
            ..Summary::default()
        };
        Row::new(
            &found,
            rel.into(),
            Some(ContentHash::of(rel.as_bytes())),
            Ok(summary),
        )
    }

    fn list() -> ListState {
        let mut l = ListState::new(SortBy::Date);
        l.push(
            vec![
                row("a.toml", "Über Brücken", 30, &["Stadt Zürich"]),
                row("b.toml", "Alpen", 10, &[]),
            ],
            &ReadMarks::in_memory(),
        );
        let broken = Row::new(
            &Found {
                rel: "c.toml".into(),
                size: 1,
                modified: Stamp { secs: 20, nanos: 0 },
            },
            "c.toml".into(),
            None,
            Err(RowProblem::default()),
        );
        l.push(vec![broken], &ReadMarks::in_memory());
        l
    }

    fn titles(l: &ListState) -> Vec<&str> {
        l.view()
            .iter()
            .map(|&i| l.row(i).unwrap().title())
            .collect()
    }

    #[test]
    fn sorts_by_date_then_title() {
        let mut l = list();
        assert_eq!(titles(&l), ["Über Brücken", "c.toml", "Alpen"]);
        l.toggle_sort();
        assert_eq!(titles(&l), ["Alpen", "c.toml", "Über Brücken"]);
    }

    #[test]
    fn filter_is_case_and_accent_insensitive_and_keeps_the_selection() {
        let mut l = list();
        l.select(2);
        assert_eq!(l.selected_row().unwrap().title(), "Alpen");
        l.set_filter("UBER");
        assert_eq!(titles(&l), ["Über Brücken"]);
        assert_eq!(l.selected(), Some(0));
        l.set_filter("uber zurich");
        assert_eq!(titles(&l), ["Über Brücken"]);
        l.set_filter("uber zurichx");
        assert!(l.view().is_empty() && l.selected().is_none());
        l.set_filter("");
        assert_eq!(l.view().len(), 3);
        l.set_filter("c.toml");
        assert_eq!(titles(&l), ["c.toml"]);
    }

    #[test]
    fn unread_only_hides_read_rows() {
        let mut l = list();
        let hash = ContentHash::of(b"a.toml");
        l.toggle_unread();
        assert_eq!(l.view().len(), 3, "a broken file is never hidden");
        assert_eq!(l.unread_count(), 2, "and not counted: it cannot be read");
        l.set_read(&hash);
        assert_eq!(titles(&l), ["c.toml", "Alpen"]);
        assert_eq!(l.unread_count(), 1);
        let mut marks = ReadMarks::in_memory();
        marks.mark_read(ContentHash::of(b"d.toml"));
        l.push(vec![row("d.toml", "Dach", 40, &[])], &marks);
        assert_eq!(titles(&l), ["c.toml", "Alpen"]);
    }

    #[test]
    fn shared_rows_are_not_copied() {
        let rows = Arc::new(vec![row("a.toml", "A", 1, &[]), row("b.toml", "B", 2, &[])]);
        let mut marks = ReadMarks::in_memory();
        marks.mark_read(ContentHash::of(b"a.toml"));
        let one = ListState::shared(Arc::clone(&rows), &marks, SortBy::Title);
        let two = ListState::shared(Arc::clone(&rows), &ReadMarks::in_memory(), SortBy::Date);
        assert!(std::ptr::eq(one.rows().as_ptr(), rows.as_ptr()));
        assert_eq!(titles(&one), ["A", "B"]);
        assert_eq!(titles(&two), ["B", "A"]);
        assert_eq!((one.unread_count(), two.unread_count()), (1, 2));
    }

    #[test]
    fn selection_follows_its_row_when_rows_arrive() {
        let mut l = list();
        l.select(1);
        l.push(vec![row("e.toml", "Neu", 99, &[])], &ReadMarks::in_memory());
        assert_eq!(l.selected(), Some(2));
        assert_eq!(l.selected_row().unwrap().title(), "c.toml");
    }
}
