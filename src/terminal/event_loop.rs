//! The event loop: bytes and signals in, actions to the app, frames out.
//! The only place that knows where keys come from and where frames go; it
//! is generic over both, so another front end can host the same app.

use std::io::{self, Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

use ratatui::buffer::Buffer;

use super::screen::Screen;
use crate::app::{Action, App, Flow};
use crate::input::{Input, Parser};
use crate::keymap;
use crate::view;

/// How long a lone ESC waits for the rest of a sequence before it counts as
/// the Escape key (keys over SSH arrive in one packet; this is generous).
const ESC_WAIT: Duration = Duration::from_millis(40);

/// Something that happened to the terminal.
#[derive(Debug)]
pub enum Event {
    /// Bytes typed.
    Bytes(Vec<u8>),
    /// The window changed size.
    Resize,
    /// The terminal closed (end of input).
    Closed,
    /// Reading the terminal failed.
    Failed(io::Error),
}

/// What the loop needs from its terminal besides bytes in and out.
pub trait Host {
    /// The terminal's size now.
    fn size(&mut self) -> (u16, u16);
    /// Stops until the user resumes us, with the terminal restored meanwhile.
    ///
    /// # Errors
    /// When the terminal cannot be set up again.
    fn suspend(&mut self) -> io::Result<()>;
}

/// Settings of the loop.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoopOptions {
    /// Pass mouse reports on as actions.
    pub mouse: bool,
    /// Test hook (debug builds only): panic on the first key.
    pub panic_on_key: bool,
    /// Test hook (debug builds only): fail as if the terminal broke, on the
    /// first key.
    pub fail_on_key: bool,
}

/// Reads `input` on a thread of its own, sending what it reads as events.
/// End of input and read errors are sent too, then the thread ends.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_reader(
    mut input: impl Read + Send + 'static,
    events: Sender<Event>,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let mut buf = [0u8; 1024];
            loop {
                let event = match input.read(&mut buf) {
                    Ok(0) => Event::Closed,
                    Ok(n) => Event::Bytes(buf.get(..n).unwrap_or_default().to_vec()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => Event::Failed(e),
                };
                let last = matches!(event, Event::Closed | Event::Failed(_));
                if events.send(event).is_err() || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Runs until the user quits or the terminal goes away. Draws only after
/// something happened, once for everything that was queued. `after_first`
/// runs once the first frame is out (start what is not needed to show it).
///
/// # Errors
/// When the terminal cannot be read or written.
///
/// # Panics
/// Only through the test hook [`LoopOptions::panic_on_key`], in debug builds.
pub fn run<W: Write, H: Host>(
    app: &mut App,
    screen: &mut Screen<W>,
    events: &Receiver<Event>,
    host: &mut H,
    options: LoopOptions,
    after_first: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let mut parser = Parser::default();
    let mut inputs = Vec::new();
    let mut frame = Buffer::empty(screen.area());
    draw(app, screen, &mut frame)?;
    after_first()?;
    loop {
        let Ok(mut event) = events.recv() else {
            return Ok(());
        };
        loop {
            match event {
                Event::Bytes(bytes) => parser.feed(&bytes, &mut inputs),
                Event::Resize => {
                    let (w, h) = host.size();
                    app.update(Action::Resize(w, h));
                    screen.resize(w, h);
                }
                Event::Closed => return Ok(()),
                Event::Failed(e) => return Err(e),
            }
            event = match events.try_recv() {
                Ok(next) => next,
                Err(TryRecvError::Disconnected) => return Ok(()),
                Err(TryRecvError::Empty) if parser.has_pending() => {
                    match events.recv_timeout(ESC_WAIT) {
                        Ok(next) => next,
                        Err(RecvTimeoutError::Timeout) => {
                            parser.flush(&mut inputs);
                            break;
                        }
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                Err(TryRecvError::Empty) => break,
            };
        }
        for input in inputs.drain(..) {
            assert!(
                !(options.panic_on_key && cfg!(debug_assertions)),
                "test panic requested by BRIEFING_TEST_PANIC"
            );
            if options.fail_on_key && cfg!(debug_assertions) {
                return Err(io::Error::other(
                    "test failure requested by BRIEFING_TEST_ERROR",
                ));
            }
            let Some(action) = to_action(app, input, options.mouse) else {
                continue;
            };
            match app.update(action) {
                Flow::Continue => {}
                Flow::Quit => return Ok(()),
                Flow::Suspend => {
                    host.suspend()?;
                    let (w, h) = host.size();
                    app.update(Action::Resize(w, h));
                    screen.resize(w, h);
                }
            }
        }
        draw(app, screen, &mut frame)?;
    }
}

/// Draws the app into `frame` and sends it to the screen.
fn draw<W: Write>(app: &App, screen: &mut Screen<W>, frame: &mut Buffer) -> io::Result<()> {
    if frame.area == screen.area() {
        frame.reset();
    } else {
        *frame = Buffer::empty(screen.area());
    }
    view::render(app, frame.area, frame);
    screen.draw(frame)
}

fn to_action(app: &App, input: Input, mouse: bool) -> Option<Action> {
    match input {
        Input::Key(key) => keymap::action(app.mode(), key),
        Input::Wheel(n) if mouse => Some(Action::Wheel(n)),
        Input::Click(x, y) if mouse => Some(Action::Click(x, y)),
        Input::Wheel(_) | Input::Click(..) => None,
    }
}
