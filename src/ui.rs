//! The reader as what the event loop runs: keys through the one key table
//! to actions, actions to the state, the state drawn by the view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::action::{Action, Flow};
use crate::app::App;
use crate::input::Input;
use crate::keymap;
use crate::terminal::event_loop::Ui;
use crate::view;

/// The action an input asks of the reader, if any.
pub fn action(app: &App, input: Input) -> Option<Action> {
    match input {
        Input::Key(key) => keymap::action(app.screen(), app.mode(), key),
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
}
