//! The reader as what the event loop runs: keys through the one key table
//! to actions, actions to the state, the state drawn by the view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::action::{Action, Flow};
use crate::app::App;
use crate::input::Input;
use crate::shelf::Shelf;
use crate::terminal::event_loop::{Ui, Waker};
use crate::theme::ColourLevel;
use crate::view;

/// The action an input asks of the reader, if any.
pub fn action(app: &App, input: Input) -> Option<Action> {
    match input {
        Input::Key(key) => app.keymap().action(app.screen(), app.mode(), key),
        Input::Wheel(n) => Some(Action::Wheel(n)),
        Input::Click(x, y) => Some(Action::Click(x, y)),
    }
}

impl Ui for App {
    fn input(&mut self, input: Input) -> Flow {
        match action(self, input) {
            Some(a) => self.update(a),
            None => Flow::Continue,
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize(width, height));
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::render(self, area, buf);
    }

    fn ascii(&self) -> bool {
        App::ascii(self)
    }

    fn colour_level(&self) -> ColourLevel {
        App::colour_level(self)
    }
}

impl Ui for Shelf {
    fn start(&mut self, waker: Waker) {
        Shelf::start(self, waker);
    }

    fn input(&mut self, input: Input) -> Flow {
        if self.reading().is_some() {
            return self.reader_input(input);
        }
        let action = match input {
            Input::Key(key) => self.keymap().action(self.screen(), self.mode(), key),
            Input::Wheel(n) => Some(Action::Wheel(n)),
            Input::Click(x, y) => Some(Action::Click(x, y)),
        };
        match action {
            Some(a) => self.update(a),
            None => Flow::Continue,
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize(width, height));
    }

    fn wake(&mut self) {
        Shelf::wake(self);
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::shelf::render(self, area, buf);
    }

    fn ascii(&self) -> bool {
        Shelf::ascii(self)
    }

    fn colour_level(&self) -> ColourLevel {
        Shelf::colour_level(self)
    }
}

impl Shelf {
    /// Keys for a briefing opened from the library: the reader's own, `0`
    /// and a Backspace with nowhere left to go back to the library, and at
    /// the last (first) hit `n` (`N`) on to the next (previous) briefing
    /// with hits.
    fn reader_input(&mut self, input: Input) -> Flow {
        let Some(reading) = self.reading_mut() else {
            return Flow::Continue;
        };
        let Some(act) = action(&reading.app, input) else {
            return Flow::Continue;
        };
        let normal = reading.app.mode() == crate::action::Mode::Normal;
        match act {
            Action::Library if normal => {
                self.close_reader();
                Flow::Continue
            }
            Action::Back if normal && !reading.app.has_history() => {
                self.close_reader();
                Flow::Continue
            }
            Action::SearchNext | Action::SearchPrev
                if normal
                    && reading.from_results
                    && reading.app.at_search_end(act == Action::SearchNext) =>
            {
                self.next_briefing(act == Action::SearchNext);
                Flow::Continue
            }
            other => reading.app.update(other),
        }
    }
}
