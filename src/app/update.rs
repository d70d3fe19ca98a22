//! `App::update`: the one place the state changes.

use super::{App, Help, HelpLayout};
use crate::action::{Action, Flow, Mode};
use crate::geometry::Geometry;
use crate::pane::PaneId;
use crate::scroll::Step;

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
            Action::GoTo(i) => self.go_to(PaneId::at(i.min(5))),
            Action::NextSection => self.go_to(PaneId::at(self.pane.index() + 1)),
            Action::PrevSection => self.go_to(PaneId::at(self.pane.index() + 5)),
            Action::Down => self.down(),
            Action::Up => self.up(),
            Action::PageDown => self.page_by(Step::Page, true),
            Action::PageUp => self.page_by(Step::Page, false),
            Action::HalfDown => self.page_by(Step::Half, true),
            Action::HalfUp => self.page_by(Step::Half, false),
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
            Action::Help => self.open_help(),
            Action::Escape => self.escape(),
            Action::Wheel(lines) => self.wheel(lines),
            Action::Click(x, y) => self.click(x, y),
            // The library's: its host handles them.
            Action::Open
            | Action::Filter
            | Action::FullText
            | Action::Sort
            | Action::UnreadOnly
            | Action::Library => {}
        }
        Flow::Continue
    }

    fn update_help(&mut self, action: Action) -> Flow {
        match action {
            Action::Quit => return Flow::Quit,
            Action::Suspend => return Flow::Suspend,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Escape | Action::Help => self.help = None,
            _ => {}
        }
        if let Some(help) = &mut self.help {
            help.scroll_for(action);
        }
        Flow::Continue
    }

    fn open_help(&mut self) {
        let layout = HelpLayout::new(
            &self.keymap,
            self.screen,
            self.lang(),
            self.ascii(),
            self.geometry.area,
        );
        self.help = Some(Help::new(layout));
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry::new(width, height);
        self.prepare();
        if self.pane.is_list() {
            let selected = self.pane_state().selected;
            self.reveal(selected, true);
        }
        if let Some(help) = &mut self.help {
            let (lang, ascii) = (self.content.lang(), self.content.ascii());
            help.relaid(HelpLayout::new(
                &self.keymap,
                self.screen,
                lang,
                ascii,
                self.geometry.area,
            ));
        }
    }

    /// Shows pane `pane`, wrapped for the current size.
    pub(crate) fn go_to(&mut self, pane: PaneId) {
        self.pane = pane;
        self.prepare();
    }

    fn down(&mut self) {
        if !self.pane.is_list() || self.doc().items.is_empty() {
            self.scroll_by(Step::Lines(1), true);
            return;
        }
        let selected = self.pane_state().selected;
        let lines = self.item_lines(selected);
        let bottom = self.scroll() + self.page();
        if lines.end > bottom || selected + 1 >= self.doc().items.len() {
            self.scroll_by(Step::Lines(1), true);
        } else {
            self.select(selected + 1, true);
        }
    }

    fn up(&mut self) {
        if !self.pane.is_list() || self.doc().items.is_empty() {
            self.scroll_by(Step::Lines(1), false);
            return;
        }
        let selected = self.pane_state().selected;
        let lines = self.item_lines(selected);
        if lines.start < self.scroll() || selected == 0 {
            self.scroll_by(Step::Lines(1), false);
        } else {
            self.select(selected - 1, false);
        }
    }

    /// Scrolls the main column.
    pub(crate) fn scroll_by(&mut self, step: Step, down: bool) {
        self.pane_state_mut().scroll.by(step, down);
    }

    /// Pages the main column, or the detail beside the list on wide screens.
    fn page_by(&mut self, step: Step, down: bool) {
        if self.pane.is_list() && self.geometry.wide() && !self.doc().items.is_empty() {
            self.pane_state_mut().detail_scroll.by(step, down);
            return;
        }
        self.scroll_by(step, down);
        self.select_visible(down);
    }

    /// After paging, selects an item on screen if the selection went off it.
    fn select_visible(&mut self, down: bool) {
        if !self.pane.is_list() {
            return;
        }
        let (top, page) = (self.scroll(), self.page());
        let lines = self.item_lines(self.pane_state().selected);
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
        self.pane_state_mut().selected = item.min(last);
        self.refresh_detail();
        self.clamp();
    }

    /// Scrolls so that item `item` is on screen. Moving down shows its end
    /// (or its start, if it is taller than the pane); moving up, its start.
    pub(crate) fn reveal(&mut self, item: usize, down: bool) {
        let lines = self.item_lines(item);
        self.pane_state_mut().scroll.reveal(lines, down);
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
        if self.pane.is_list() && !self.doc().items.is_empty() {
            self.set_selected(0);
        }
        self.scroll_by(Step::End, false);
    }

    fn bottom(&mut self) {
        let count = self.doc().items.len();
        if self.pane.is_list() && count > 0 {
            self.set_selected(count - 1);
        }
        self.scroll_by(Step::End, true);
        if self.pane.is_list() && count > 0 {
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
        self.scroll_by(Step::Lines(n), lines > 0);
        self.select_visible(lines > 0);
    }

    fn click(&mut self, x: u16, y: u16) {
        if y == self.geometry.tabs.y {
            let marks = self.keymap.section_marks(self.ascii());
            let tabs = crate::geometry::tab_spans(self.labels(), &marks, self.geometry.tabs.width);
            if let Some(i) = tabs.iter().position(|r| r.contains(&x)) {
                self.go_to(PaneId::at(i));
            }
            return;
        }
        let body = self.geometry.body;
        let list = self.geometry.list_column();
        if !self.pane.is_list()
            || y < body.y
            || y >= body.bottom()
            || x < list.x
            || x >= list.right()
        {
            return;
        }
        let v = self.scroll() + usize::from(y - body.y);
        let item = self.first_item_from(v + 1).checked_sub(1);
        if let Some(item) = item.filter(|&i| self.item_lines(i).contains(&v)) {
            self.set_selected(item);
        }
    }
}
