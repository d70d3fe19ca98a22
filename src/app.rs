//! The reader's state: which pane, where in it, what is selected, searched
//! and open. Changed only by [`App::update`]; read by the view.

mod help;
mod links;
mod panes;
mod search;
#[cfg(test)]
mod tests;
mod update;

pub use help::{Help, HelpLayout, HelpLine};
pub(crate) use panes::PaneState;
pub use panes::{INLINE_INDENT, VLine};
pub use search::{Hit, Search};

use std::sync::Arc;

use crate::action::{Action, Mode};
use crate::briefing::Briefing;
use crate::content::Content;
use crate::doc::{Anchor, Anchors, Doc, Layout};
use crate::geometry::Geometry;
use crate::keymap::{Keymap, Screen};
use crate::keys::Key;
use crate::labels::{Labels, Lang};
use crate::pane::{PaneId, PerPane};
use crate::symbols::Symbols;
use crate::theme::{ColourLevel, Colours, Theme};

/// Choices made before the reader starts (language and alphabet come
/// with the [`Content`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The pane to start in.
    pub pane: PaneId,
    /// The theme, and the colours the terminal is sent.
    pub colours: Colours,
    /// Opened from a library, which it can go back to.
    pub hosted: bool,
    /// The keys in force.
    pub keymap: Arc<Keymap>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            pane: PaneId::Overview,
            colours: Colours::NONE,
            hosted: false,
            keymap: Keymap::shared_default(),
        }
    }
}

/// The detail of the selected item, wrapped for its column.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Detail {
    pub(crate) pane: Option<PaneId>,
    pub(crate) item: usize,
    pub(crate) doc: Doc,
    pub(crate) layout: Layout,
}

/// A place to come back to with Backspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) pane: PaneId,
    pub(crate) scroll: usize,
    pub(crate) selected: usize,
}

/// A passage singled out after following a link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(crate) pane: PaneId,
    pub(crate) anchor: Anchor,
}

/// The reader's whole state. What never changes is shared ([`Content`]);
/// the rest belongs to this reader alone.
pub struct App {
    pub(crate) content: Arc<Content>,
    pub(crate) screen: Screen,
    pub(crate) theme: Theme,
    pub(crate) colours: Colours,
    pub(crate) keymap: Arc<Keymap>,
    pub(crate) geometry: Geometry,
    pub(crate) pane: PaneId,
    pub(crate) panes: PerPane<PaneState>,
    pub(crate) detail: Detail,
    pub(crate) search: Search,
    pub(crate) history: Vec<Place>,
    pub(crate) help: Option<Help>,
    pub(crate) notice: Option<String>,
    pub(crate) mark: Option<Mark>,
}

/// Most places remembered for Backspace.
const MAX_HISTORY: usize = 100;

impl App {
    /// A reader of `content` on a screen of `width` x `height`.
    pub fn new(content: Arc<Content>, options: Options, width: u16, height: u16) -> Self {
        let mut app = Self {
            content,
            screen: if options.hosted {
                Screen::Hosted
            } else {
                Screen::Reader
            },
            theme: Theme::new(options.colours),
            colours: options.colours,
            keymap: options.keymap,
            geometry: Geometry::new(width, height),
            pane: options.pane,
            panes: PerPane::default(),
            detail: Detail::default(),
            search: Search::default(),
            history: Vec::new(),
            help: None,
            notice: None,
            mark: None,
        };
        app.prepare();
        app
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The first key that does `action` here, as hints name it.
    pub(crate) fn key_name(&self, action: Action) -> Option<String> {
        let key = self.keymap.first_key(self.screen, action)?;
        Some(match key {
            Key::Backspace => self.labels().backspace.to_string(),
            key => crate::keymap::label(key, self.ascii()),
        })
    }

    /// What never changes: the briefing, its docs, anchors and labels.
    pub fn content(&self) -> &Arc<Content> {
        &self.content
    }

    /// Where actors, figures and quotes stand in the full text.
    pub(crate) fn anchors(&self) -> &Anchors {
        self.content.anchors()
    }

    /// What the keyboard drives now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else if self.search.input.is_some() {
            Mode::Search
        } else {
            Mode::Normal
        }
    }

    /// Whose keys it takes: the reader's, or those of a reader opened from a
    /// library.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The pane shown.
    pub fn pane(&self) -> PaneId {
        self.pane
    }

    /// The briefing shown.
    pub fn briefing(&self) -> &Briefing {
        self.content.briefing()
    }

    /// Interface labels.
    pub fn labels(&self) -> &'static Labels {
        self.content.labels()
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.content.lang()
    }

    /// Whether the interface draws with ASCII only.
    pub fn ascii(&self) -> bool {
        self.content.ascii()
    }

    /// The glyphs the interface draws with.
    pub fn symbols(&self) -> &'static Symbols {
        self.content.symbols()
    }

    /// The styles the view draws with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The colours the terminal is sent: no others leave the writer.
    pub fn colour_level(&self) -> ColourLevel {
        self.colours.level
    }

    /// Where everything goes on the screen.
    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }

    /// The help overlay, when it is open.
    pub fn help(&self) -> Option<&Help> {
        self.help.as_ref()
    }

    /// Top line of the current pane (its main column).
    pub fn scroll(&self) -> usize {
        self.pane_state().scroll.top()
    }

    /// Selected item of the current pane (list panes).
    pub fn selected(&self) -> Option<usize> {
        self.pane
            .is_list()
            .then_some(self.pane_state().selected)
            .filter(|_| !self.doc().items.is_empty())
    }

    /// The search state.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The transient message for the status line.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Shows `text` in the status line until the next key.
    pub fn say(&mut self, text: String) {
        self.notice = Some(text);
    }

    /// Whether Backspace has a place to go back to.
    pub fn has_history(&self) -> bool {
        !self.history.is_empty()
    }

    pub(crate) fn pane_state(&self) -> &PaneState {
        self.panes.get(self.pane)
    }

    pub(crate) fn pane_state_mut(&mut self) -> &mut PaneState {
        self.panes.get_mut(self.pane)
    }

    pub(crate) fn doc(&self) -> &Doc {
        self.content.doc(self.pane)
    }

    pub(crate) fn doc_of(&self, pane: PaneId) -> &Doc {
        self.content.doc(pane)
    }

    /// Remembers the current place before a jump.
    pub(crate) fn remember(&mut self) {
        let place = Place {
            pane: self.pane,
            scroll: self.pane_state().scroll.top(),
            selected: self.pane_state().selected,
        };
        if self.history.len() >= MAX_HISTORY {
            self.history.remove(0);
        }
        self.history.push(place);
    }
}

#[cfg(test)]
impl App {
    /// The bundled briefing in German, for unit tests.
    pub(crate) fn bundled(width: u16, height: u16) -> Self {
        let briefing = Arc::new(crate::bundled::bundled());
        let content = Arc::new(Content::new(briefing, Lang::De, false));
        Self::new(content, Options::default(), width, height)
    }
}
