//! Opening a reader in a test: one place for the setup every test shares.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::sync::Arc;

use briefing::app::{App, Options};
use briefing::briefing::Briefing;
use briefing::content::Content;
use briefing::labels::Lang;
use briefing::pane::PaneId;

/// How a test opens a reader: German, Unicode, overview, no colour, unless
/// it says otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Open {
    pub lang: Lang,
    pub ascii: bool,
    pub pane: PaneId,
    pub colour: bool,
}

impl Default for Open {
    fn default() -> Self {
        Self {
            lang: Lang::De,
            ascii: false,
            pane: PaneId::Overview,
            colour: false,
        }
    }
}

impl Open {
    /// A reader of `briefing` at `width` x `height`.
    pub fn app(self, briefing: Briefing, width: u16, height: u16) -> App {
        let content = Content::new(Arc::new(briefing), self.lang, self.ascii);
        let options = Options {
            pane: self.pane,
            colour: self.colour,
            hosted: false,
            ..Options::default()
        };
        App::new(Arc::new(content), options, width, height)
    }
}
