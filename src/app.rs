//! The reader's state: which pane, where in it, what is selected, searched
//! and open. Changed only by [`App::update`]; read by the view.

mod action;
mod links;
mod pane;
mod search;
#[cfg(test)]
mod tests;
mod update;

pub use action::Action;
pub(crate) use pane::Pane;
pub use pane::{INLINE_INDENT, VLine};
pub use search::{Hit, Search};

use std::cell::OnceCell;

use crate::briefing::Briefing;
use crate::doc::{Anchor, Anchors, Doc, Layout, build_doc};
use crate::geometry::Geometry;
use crate::labels::{Labels, Lang};
use crate::section::{PerSection, SectionId};
use crate::symbols::Symbols;
use crate::text::hyphenate::Hyphenator;
use crate::theme::Theme;

/// What the keyboard currently drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading and navigating.
    Normal,
    /// Typing a search.
    Search,
    /// The help overlay is open.
    Help,
}

/// What the event loop should do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until `fg`, then redraw everything.
    Suspend,
}

/// Choices made before the reader starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Interface language.
    pub lang: Lang,
    /// Draw with ASCII only.
    pub ascii: bool,
    /// The pane to start in.
    pub section: SectionId,
    /// Draw with colour.
    pub colour: bool,
}

/// The detail of the selected item, wrapped for its column.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Detail {
    pub(crate) section: Option<SectionId>,
    pub(crate) item: usize,
    pub(crate) doc: Doc,
    pub(crate) layout: Layout,
}

/// A place to come back to with Backspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) section: SectionId,
    pub(crate) scroll: usize,
    pub(crate) selected: usize,
}

/// A passage singled out after following a link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(crate) section: SectionId,
    pub(crate) anchor: Anchor,
}

/// The reader's whole state.
pub struct App {
    pub(crate) briefing: Briefing,
    /// Each pane's doc, built when the pane is first needed: start-up
    /// builds only the first.
    pub(crate) docs: PerSection<OnceCell<Doc>>,
    /// Found on first use: start-up does not need them.
    pub(crate) anchors: OnceCell<Anchors>,
    pub(crate) lang: Lang,
    pub(crate) symbols: Symbols,
    pub(crate) theme: Theme,
    pub(crate) hyphenator: Hyphenator,
    pub(crate) geometry: Geometry,
    pub(crate) section: SectionId,
    pub(crate) panes: PerSection<Pane>,
    pub(crate) detail: Detail,
    pub(crate) search: Search,
    pub(crate) history: Vec<Place>,
    pub(crate) help: Option<usize>,
    pub(crate) notice: Option<String>,
    pub(crate) mark: Option<Mark>,
}

/// Most places remembered for Backspace.
const MAX_HISTORY: usize = 100;

impl App {
    /// A reader for `briefing` on a screen of `width` x `height`.
    pub fn new(briefing: Briefing, options: Options, width: u16, height: u16) -> Self {
        let symbols = if options.ascii {
            Symbols::ASCII
        } else {
            Symbols::UNICODE
        };
        let hyphenator = Hyphenator::new(&briefing.lang);
        let mut app = Self {
            briefing,
            docs: PerSection::default(),
            anchors: OnceCell::new(),
            lang: options.lang,
            symbols,
            theme: Theme::new(options.colour),
            hyphenator,
            geometry: Geometry::new(width, height),
            section: options.section,
            panes: PerSection::default(),
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

    /// Where actors, figures and quotes stand in the full text.
    pub(crate) fn anchors(&self) -> &Anchors {
        self.anchors
            .get_or_init(|| Anchors::find(&self.briefing, self.doc_of(SectionId::Text)))
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

    /// The pane shown.
    pub fn section(&self) -> SectionId {
        self.section
    }

    /// The briefing shown.
    pub fn briefing(&self) -> &Briefing {
        &self.briefing
    }

    /// Interface labels.
    pub fn labels(&self) -> &'static Labels {
        self.lang.labels()
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the interface draws with ASCII only.
    pub fn ascii(&self) -> bool {
        self.symbols == Symbols::ASCII
    }

    /// Where everything goes on the screen.
    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }

    /// Top line of the current pane (its main column).
    pub fn scroll(&self) -> usize {
        self.pane().scroll
    }

    /// Selected item of the current pane (list panes).
    pub fn selected(&self) -> Option<usize> {
        self.section
            .is_list()
            .then_some(self.pane().selected)
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

    pub(crate) fn pane(&self) -> &Pane {
        self.panes.get(self.section)
    }

    pub(crate) fn pane_mut(&mut self) -> &mut Pane {
        self.panes.get_mut(self.section)
    }

    pub(crate) fn doc(&self) -> &Doc {
        self.doc_of(self.section)
    }

    pub(crate) fn doc_of(&self, section: SectionId) -> &Doc {
        self.docs
            .get(section)
            .get_or_init(|| build_doc(&self.briefing, self.lang.labels(), &self.symbols, section))
    }

    /// Remembers the current place before a jump.
    pub(crate) fn remember(&mut self) {
        let place = Place {
            section: self.section,
            scroll: self.pane().scroll,
            selected: self.pane().selected,
        };
        if self.history.len() >= MAX_HISTORY {
            self.history.remove(0);
        }
        self.history.push(place);
    }
}
