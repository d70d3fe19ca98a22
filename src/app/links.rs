//! Following links (Enter) and coming back (Backspace).

use super::{App, Mark};
use crate::action::Action;
use crate::doc::{Anchor, Link};
use crate::labels::Labels;
use crate::pane::PaneId;

/// A link's resolved target.
enum Go {
    Actor(usize),
    Passage(Anchor),
}

impl App {
    /// Follows the selected item's link.
    pub(crate) fn follow(&mut self) {
        let link = if self.pane.is_list() {
            self.doc()
                .items
                .get(self.pane_state().selected)
                .and_then(|i| i.link)
        } else {
            None
        };
        let passage = |anchor: Option<&Anchor>| anchor.cloned();
        let target = match link {
            Some(Link::Figure(i)) => {
                passage(self.anchors().figures.get(i).and_then(Option::as_ref)).map(Go::Passage)
            }
            Some(Link::FirstMention(ix)) => {
                passage(self.anchors().mentions.get(ix).and_then(|m| m.first())).map(Go::Passage)
            }
            Some(Link::Actor(ix)) => Some(Go::Actor(ix)),
            None => None,
        };
        let Some(target) = target else {
            self.notice = Some(self.labels().no_link.to_string());
            return;
        };
        self.remember();
        match target {
            Go::Actor(ix) => {
                self.go_to(PaneId::Actors);
                if let Some(item) = self.doc().item_for(ix) {
                    self.select(item, true);
                }
                self.mark = None;
            }
            Go::Passage(anchor) => self.show_passage(PaneId::Text, anchor),
        }
        let back = self.key_name(Action::Back);
        self.notice = Some(Labels::keyed(self.labels().back_hint, back.as_deref()));
    }

    /// Shows a passage a third of the way down the pane, and marks it.
    pub(crate) fn show_passage(&mut self, pane: PaneId, anchor: Anchor) {
        self.go_to(pane);
        let line = self.layout().line_at(anchor.block, anchor.range.start);
        let v = self.vline_of(line);
        if let Some(item) = self.doc().blocks.get(anchor.block).and_then(|b| b.item) {
            self.pane_state_mut().selected = item;
            self.refresh_detail();
        }
        self.clamp();
        let third = self.page() / 3;
        let scroll = &mut self.pane_state_mut().scroll;
        if !scroll.shows(v) {
            scroll.set_top(v.saturating_sub(third));
        }
        self.mark = Some(Mark { pane, anchor });
    }

    /// Goes back to where the last link was followed from.
    pub(crate) fn back(&mut self) {
        let Some(place) = self.history.pop() else {
            self.notice = Some(self.labels().no_history.to_string());
            return;
        };
        self.pane = place.pane;
        let state = self.pane_state_mut();
        state.selected = place.selected;
        // Set before `prepare`, which carries the top line over a new width.
        state.scroll.set_top(place.scroll);
        self.mark = None;
        self.prepare();
    }
}
