//! Opening a reader in a test: one place for the setup every test shares.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::sync::Arc;

use briefing::app::{App, Options};
use briefing::briefing::Briefing;
use briefing::content::Content;
use briefing::labels::Lang;
use briefing::pane::PaneId;
use briefing::theme::{ColourLevel, Colours, ThemeName};

/// How a test opens a reader: German, Unicode, overview, no colour, unless
/// it says otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Open {
    pub lang: Lang,
    pub ascii: bool,
    pub pane: PaneId,
    pub colours: Colours,
}

/// The dark theme in the 16 ANSI colours: what most tests draw with.
pub const ANSI: Colours = Colours {
    theme: ThemeName::Dark,
    level: ColourLevel::Ansi16,
};

impl Default for Open {
    fn default() -> Self {
        Self {
            lang: Lang::De,
            ascii: false,
            pane: PaneId::Overview,
            colours: Colours::NONE,
        }
    }
}

impl Open {
    /// A reader of `briefing` at `width` x `height`.
    pub fn app(self, briefing: Briefing, width: u16, height: u16) -> App {
        let content = Content::new(Arc::new(briefing), self.lang, self.ascii);
        let options = Options {
            pane: self.pane,
            colours: self.colours,
            hosted: false,
            ..Options::default()
        };
        App::new(Arc::new(content), options, width, height)
    }
}
