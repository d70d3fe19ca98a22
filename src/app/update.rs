//! `App::update`: the one place the state changes.

use super::{Action, App, Flow, Mode};
use crate::geometry::Geometry;
use crate::section::SectionId;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Flow {
        if !matches!(action, Action::Resize(..)) {
            self.notice = None;
        }
        if self.mode() == Mode::Help {
            return self.update_help(action);
        }
        match action {
            Action::Quit => return Flow::Quit,
            Action::Suspend => return Flow::Suspend,
            Action::Resize(w, h) => self.resize(w, h),
            Action::GoTo(i) => self.go_to(SectionId::at(i.min(5))),
            Action::NextSection => self.go_to(SectionId::at(self.section.index() + 1)),
            Action::PrevSection => self.go_to(SectionId::at(self.section.index() + 5)),
            Action::Down => self.down(),
            Action::Up => self.up(),
            Action::PageDown => self.page_by(self.page(), true),
            Action::PageUp => self.page_by(self.page(), false),
            Action::HalfDown => self.page_by(self.page().div_ceil(2), true),
            Action::HalfUp => self.page_by(self.page().div_ceil(2), false),
            Action::Top => self.top(),
            Action::Bottom => self.bottom(),
            Action::Follow => self.follow(),
            Action::Back => self.back(),
            Action::SearchStart => self.search.input = Some(String::new()),
            Action::SearchInput(c) => self.search_input(c),
            Action::SearchDelete => self.search_delete(),
            Action::SearchClear => {
                if let Some(input) = &mut self.search.input {
                    input.clear();
                }
            }
            Action::SearchSubmit => self.search_submit(),
            Action::SearchCancel => self.search.input = None,
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::Help => self.help = Some(0),
            Action::Escape => self.escape(),
            Action::Wheel(lines) => self.wheel(lines),
            Action::Click(x, y) => self.click(x, y),
        }
        Flow::Continue
    }

    fn update_help(&mut self, action: Action) -> Flow {
        let max = crate::help::max_scroll(self.lang, self.ascii(), self.geometry.area);
        let scroll = self.help.unwrap_or(0);
        let page = self.page();
        self.help = Some(
            match action {
                Action::Quit => return Flow::Quit,
                Action::Suspend => return Flow::Suspend,
                Action::Resize(w, h) => {
                    self.resize(w, h);
                    scroll
                }
                Action::Escape | Action::Help => {
                    self.help = None;
                    return Flow::Continue;
                }
                Action::Down => scroll + 1,
                Action::Up => scroll.saturating_sub(1),
                Action::PageDown | Action::Wheel(1..) => scroll + page,
                Action::PageUp | Action::Wheel(..=-1) => scroll.saturating_sub(page),
                Action::HalfDown => scroll + page.div_ceil(2),
                Action::HalfUp => scroll.saturating_sub(page.div_ceil(2)),
                Action::Top => 0,
                Action::Bottom => max,
                _ => scroll,
            }
            .min(max),
        );
        Flow::Continue
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry::new(width, height);
        self.prepare();
        if self.section.is_list() {
            let selected = self.pane().selected;
            self.reveal(selected, true);
        }
    }

    /// Shows pane `section`, wrapped for the current size.
    pub(crate) fn go_to(&mut self, section: SectionId) {
        self.section = section;
        self.prepare();
    }

    fn down(&mut self) {
        if !self.section.is_list() || self.doc().items.is_empty() {
            self.scroll_by(1, true);
            return;
        }
        let selected = self.pane().selected;
        let lines = self.item_lines(selected);
        let bottom = self.pane().scroll + self.page();
        if lines.end > bottom || selected + 1 >= self.doc().items.len() {
            self.scroll_by(1, true);
        } else {
            self.select(selected + 1, true);
        }
    }

    fn up(&mut self) {
        if !self.section.is_list() || self.doc().items.is_empty() {
            self.scroll_by(1, false);
            return;
        }
        let selected = self.pane().selected;
        let lines = self.item_lines(selected);
        if lines.start < self.pane().scroll || selected == 0 {
            self.scroll_by(1, false);
        } else {
            self.select(selected - 1, false);
        }
    }

    /// Scrolls the main column by `n` lines.
    pub(crate) fn scroll_by(&mut self, n: usize, down: bool) {
        let max = self.max_scroll();
        let pane = self.pane_mut();
        pane.scroll = if down {
            (pane.scroll + n).min(max)
        } else {
            pane.scroll.saturating_sub(n)
        };
    }

    /// Pages the main column, or the detail beside the list on wide screens.
    fn page_by(&mut self, n: usize, down: bool) {
        if self.section.is_list() && self.geometry.wide() && !self.doc().items.is_empty() {
            let max = self.max_detail_scroll();
            let pane = self.pane_mut();
            pane.detail_scroll = if down {
                (pane.detail_scroll + n).min(max)
            } else {
                pane.detail_scroll.saturating_sub(n)
            };
            return;
        }
        self.scroll_by(n, down);
        self.select_visible(down);
    }

    /// After paging, selects an item on screen if the selection went off it.
    fn select_visible(&mut self, down: bool) {
        if !self.section.is_list() {
            return;
        }
        let (top, page) = (self.pane().scroll, self.page());
        let lines = self.item_lines(self.pane().selected);
        if lines.end > top && lines.start < top + page {
            return;
        }
        let first_below_top = self.first_item_from(top);
        let count = self.doc().items.len();
        let pick = if down {
            Some(first_below_top).filter(|&i| i < count && self.item_lines(i).start < top + page)
        } else {
            self.first_item_from(top + page)
                .checked_sub(1)
                .filter(|&i| self.item_lines(i).start >= top)
        };
        if let Some(i) = pick {
            self.set_selected(i);
        }
    }

    /// Selects item `item` and scrolls it into view.
    pub(crate) fn select(&mut self, item: usize, down: bool) {
        self.set_selected(item);
        self.reveal(item, down);
    }

    fn set_selected(&mut self, item: usize) {
        // Every selection goes through here: keep it in range whatever asked.
        let last = self.doc().items.len().saturating_sub(1);
        self.pane_mut().selected = item.min(last);
        self.refresh_detail();
        self.clamp();
    }

    /// Scrolls so that item `item` is on screen. Moving down shows its end
    /// (or its start, if it is taller than the pane); moving up, its start.
    pub(crate) fn reveal(&mut self, item: usize, down: bool) {
        let lines = self.item_lines(item);
        let page = self.page();
        let top = self.pane().scroll;
        let scroll = if lines.len() > page {
            if down { lines.start } else { lines.end - page }
        } else if lines.end > top + page {
            lines.end - page
        } else if lines.start < top {
            lines.start
        } else {
            top
        };
        self.pane_mut().scroll = scroll;
        self.clamp();
    }

    /// The first item that starts at or below virtual line `line` (items
    /// are in line order, so this is a binary search).
    fn first_item_from(&self, line: usize) -> usize {
        let (mut lo, mut hi) = (0, self.doc().items.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.item_lines(mid).start < line {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn top(&mut self) {
        if self.section.is_list() && !self.doc().items.is_empty() {
            self.set_selected(0);
        }
        self.pane_mut().scroll = 0;
    }

    fn bottom(&mut self) {
        let count = self.doc().items.len();
        if self.section.is_list() && count > 0 {
            self.set_selected(count - 1);
        }
        self.pane_mut().scroll = self.max_scroll();
        if self.section.is_list() && count > 0 {
            self.reveal(count - 1, true);
        }
    }

    fn escape(&mut self) {
        if self.search.query.is_some() || self.mark.is_some() {
            self.search = super::Search::default();
            self.mark = None;
        }
    }

    fn wheel(&mut self, lines: i16) {
        let n = usize::from(lines.unsigned_abs()) * WHEEL_LINES;
        self.scroll_by(n, lines > 0);
        self.select_visible(lines > 0);
    }

    fn click(&mut self, x: u16, y: u16) {
        if y == self.geometry.tabs.y {
            let tabs = crate::geometry::tab_spans(self.labels(), self.geometry.tabs.width);
            if let Some(i) = tabs.iter().position(|r| r.contains(&x)) {
                self.go_to(SectionId::at(i));
            }
            return;
        }
        let body = self.geometry.body;
        let list = self.geometry.list_column();
        if !self.section.is_list()
            || y < body.y
            || y >= body.bottom()
            || x < list.x
            || x >= list.right()
        {
            return;
        }
        let v = self.pane().scroll + usize::from(y - body.y);
        let item = self.first_item_from(v + 1).checked_sub(1);
        if let Some(item) = item.filter(|&i| self.item_lines(i).contains(&v)) {
            self.set_selected(item);
        }
    }
}
