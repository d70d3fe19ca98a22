//! Per-pane position, the wrapped layout of each pane, and the "virtual"
//! lines of the main column (on narrow screens the selected actor's detail
//! is shown inline, under it).

use std::ops::Range;

use super::{App, Detail};
use crate::action::Action;
use crate::doc::{Context, Doc, Layout, detail};
use crate::geometry::GUTTER;
use crate::pane::PaneId;
use crate::scroll::Scroll;

/// Where a pane is, and its doc wrapped for the current width.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PaneState {
    /// The main column (virtual lines).
    pub(crate) scroll: Scroll,
    /// Selected item (list panes).
    pub(crate) selected: usize,
    /// The detail column (wide list panes).
    pub(crate) detail_scroll: Scroll,
    /// The doc wrapped to the main column; `None` until first shown.
    pub(crate) layout: Option<Layout>,
}

/// A line of the main column: from the doc, or from the inline detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VLine {
    /// Line of the pane's own layout.
    Main(usize),
    /// Line of the selected item's inline detail.
    Detail(usize),
}

/// Columns the inline detail is indented by, under the selected actor.
pub const INLINE_INDENT: u16 = 2;

impl App {
    /// Width the main column of `pane` is wrapped to.
    pub(crate) fn main_width(&self, pane: PaneId) -> u16 {
        if pane.is_list() {
            self.geometry.list_column().width.saturating_sub(GUTTER)
        } else {
            self.geometry.text_column().width
        }
    }

    /// Whether the current pane shows the selected item's detail inline.
    pub(crate) fn inline_detail(&self) -> bool {
        self.pane == PaneId::Actors && !self.geometry.wide() && !self.doc().items.is_empty()
    }

    /// Whether the current pane shows a detail, beside or inline.
    pub(crate) fn has_detail(&self) -> bool {
        self.pane.is_list()
            && !self.doc().items.is_empty()
            && (self.geometry.wide() || self.inline_detail())
    }

    /// Width the detail is wrapped to.
    fn detail_width(&self) -> u16 {
        match self.geometry.detail_column() {
            Some(col) => col.width,
            None => self.main_width(self.pane).saturating_sub(INLINE_INDENT),
        }
    }

    /// Rows of the pane.
    pub(crate) fn page(&self) -> usize {
        usize::from(self.geometry.body.height).max(1)
    }

    /// The current pane's layout (empty before the first wrap).
    pub(crate) fn layout(&self) -> &Layout {
        static EMPTY: Layout = Layout {
            width: 0,
            lines: Vec::new(),
            block_lines: Vec::new(),
        };
        self.pane_state().layout.as_ref().unwrap_or(&EMPTY)
    }

    /// Lines of the inline detail (0 when there is none).
    fn inline_len(&self) -> usize {
        if self.inline_detail() {
            self.detail.layout.len()
        } else {
            0
        }
    }

    /// The main-layout line after which the inline detail is inserted.
    fn inline_at(&self) -> usize {
        self.doc()
            .items
            .get(self.pane_state().selected)
            .map_or(0, |item| self.layout().lines_of(&item.blocks).end)
    }

    /// Lines of the main column, inline detail included.
    pub(crate) fn total_lines(&self) -> usize {
        self.layout().len() + self.inline_len()
    }

    /// What is at virtual line `v`.
    pub fn vline(&self, v: usize) -> Option<VLine> {
        let (at, extra) = (self.inline_at(), self.inline_len());
        let line = if v < at || extra == 0 {
            VLine::Main(v)
        } else if v < at + extra {
            VLine::Detail(v - at)
        } else {
            VLine::Main(v - extra)
        };
        (v < self.total_lines()).then_some(line)
    }

    /// The virtual line of main-layout line `line`.
    pub(crate) fn vline_of(&self, line: usize) -> usize {
        if line >= self.inline_at() {
            line + self.inline_len()
        } else {
            line
        }
    }

    /// Virtual lines of item `item`, its inline detail included.
    pub(crate) fn item_lines(&self, item: usize) -> Range<usize> {
        let Some(it) = self.doc().items.get(item) else {
            return 0..0;
        };
        let main = self.layout().lines_of(&it.blocks);
        let start = self.vline_of(main.start);
        let mut end = self.vline_of(main.end.saturating_sub(1)) + 1;
        if item == self.pane_state().selected {
            end += self.inline_len();
        }
        start..end.max(start)
    }

    /// The largest scroll of the main column.
    pub fn max_scroll(&self) -> usize {
        self.pane_state().scroll.max()
    }

    /// Selectable items in the current pane.
    pub fn item_count(&self) -> usize {
        self.doc().items.len()
    }

    /// Wraps the current pane for the current size if it is not yet, keeping
    /// the line at the top where it was, and refreshes the detail.
    pub(crate) fn prepare(&mut self) {
        if self.geometry.too_small {
            // Nothing is wrapped for a screen that shows only a notice.
            self.detail = Detail::default();
            self.clamp();
            return;
        }
        let width = self.main_width(self.pane);
        let hyphenator = self.content.hyphenator();
        // Field by field, so that the doc and the pane can be borrowed together.
        let doc = self.content.doc(self.pane);
        let pane = self.panes.get_mut(self.pane);
        if pane.layout.as_ref().is_none_or(|l| l.width != width) {
            let top = pane
                .layout
                .as_ref()
                .and_then(|l| l.lines.get(pane.scroll.top()))
                .copied();
            let layout = Layout::new(doc, width, hyphenator);
            if let Some(t) = top {
                // The extent is set by `clamp` below, with the new length.
                let line = layout.line_at(t.block as usize, t.start as usize);
                pane.scroll.set_extent(layout.len(), 0);
                pane.scroll.set_top(line);
            }
            pane.layout = Some(layout);
        }
        let items = doc.items.len();
        if pane.selected >= items {
            pane.selected = items.saturating_sub(1);
        }
        self.refresh_detail();
        self.clamp();
    }

    /// Rebuilds the detail if the selection or its width changed.
    pub(crate) fn refresh_detail(&mut self) {
        if !self.has_detail() || self.geometry.too_small {
            self.detail = Detail::default();
            return;
        }
        let item = self.pane_state().selected;
        let width = self.detail_width();
        let same = self.detail.pane == Some(self.pane) && self.detail.item == item;
        if same && self.detail.layout.width == width {
            return;
        }
        if !same {
            self.pane_state_mut().detail_scroll.set_top(0);
            let target = self.doc().items.get(item).map_or(0, |i| i.target);
            let follow = self.key_name(Action::Follow);
            let cx = Context {
                briefing: self.briefing(),
                text: self.doc_of(PaneId::Text),
                anchors: self.anchors(),
                labels: self.labels(),
                symbols: self.symbols(),
                follow: follow.as_deref(),
            };
            let blocks = detail(&cx, self.pane, target, self.inline_detail());
            self.detail.doc = Doc {
                blocks,
                items: Vec::new(),
            };
            self.detail.pane = Some(self.pane);
            self.detail.item = item;
        }
        self.detail.layout = Layout::new(&self.detail.doc, width, self.content.hyphenator());
    }

    /// Tells the scrolls how long their content is now, which keeps them in
    /// range.
    pub(crate) fn clamp(&mut self) {
        let (lines, details, page) = (self.total_lines(), self.detail.layout.len(), self.page());
        let state = self.pane_state_mut();
        state.scroll.set_extent(lines, page);
        state.detail_scroll.set_extent(details, page);
    }
}
