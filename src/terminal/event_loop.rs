//! The event loop: bytes and signals in, inputs to the UI, frames out.
//! The only place that knows where keys come from and where frames go; it
//! is generic over both, and over what it runs (the reader, the library),
//! so another front end can host the same UI.

use std::io::{self, Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::screen::Screen;
use crate::action::Flow;
use crate::geometry::capped;
use crate::input::{Input, Parser};
use crate::theme::ColourLevel;

/// How long an incomplete escape sequence waits for its next byte before a
/// lone ESC counts as the Escape key and anything else is dropped: vim's
/// `ttimeoutlen`, long enough for the bytes of one key split by a jittery
/// link (SSH, mosh), short enough that Escape feels immediate.
const ESC_WAIT: Duration = Duration::from_millis(100);

/// Something that happened to the terminal.
#[derive(Debug)]
pub enum Event {
    /// Bytes typed.
    Bytes(Vec<u8>),
    /// The window changed size.
    Resize,
    /// The terminal may show anything now (we were stopped and continued):
    /// redraw all of it.
    Redraw,
    /// Work going on elsewhere (loading, searching) has news.
    Wake,
    /// The terminal closed (end of input).
    Closed,
    /// Reading the terminal failed.
    Failed(io::Error),
}

/// Wakes the event loop from another thread: there is news for
/// [`Ui::wake`].
pub type Waker = std::sync::Arc<dyn Fn() + Send + Sync>;

/// What the loop runs: the reader, or the library with a reader in it.
pub trait Ui {
    /// Starts work that goes on elsewhere (loading, say), which calls
    /// `waker` when it has news.
    fn start(&mut self, _waker: Waker) {}
    /// One input from the user; says what the loop does next.
    fn input(&mut self, input: Input) -> Flow;
    /// The terminal has a new size.
    fn resize(&mut self, width: u16, height: u16);
    /// Takes in what work going on elsewhere has sent (after an
    /// [`Event::Wake`]).
    fn wake(&mut self) {}
    /// Draws everything into `buf`, which covers `area`.
    fn render(&self, area: Rect, buf: &mut Buffer);
    /// Whether the terminal may show only ASCII.
    fn ascii(&self) -> bool;
    /// The colours the terminal may be sent.
    fn colour_level(&self) -> ColourLevel;
}

/// What a look for the next event found.
#[derive(Debug)]
pub enum Next {
    /// An event.
    Event(Event),
    /// Nothing yet.
    Empty,
    /// Nothing more will come.
    Gone,
}

/// Where the loop's events come from: a channel fed by the terminal's
/// threads locally, a session's inbox when served.
pub trait Source {
    /// The next event, waiting as long as it takes.
    fn wait(&mut self) -> Next;
    /// The next event if one is there now.
    fn ready(&mut self) -> Next;
    /// The next event, waiting at most `timeout`.
    fn wait_for(&mut self, timeout: Duration) -> Next;
}

impl Source for Receiver<Event> {
    fn wait(&mut self) -> Next {
        self.recv().map_or(Next::Gone, Next::Event)
    }

    fn ready(&mut self) -> Next {
        match self.try_recv() {
            Ok(event) => Next::Event(event),
            Err(TryRecvError::Empty) => Next::Empty,
            Err(TryRecvError::Disconnected) => Next::Gone,
        }
    }

    fn wait_for(&mut self, timeout: Duration) -> Next {
        match self.recv_timeout(timeout) {
            Ok(event) => Next::Event(event),
            Err(RecvTimeoutError::Timeout) => Next::Empty,
            Err(RecvTimeoutError::Disconnected) => Next::Gone,
        }
    }
}

/// What the loop needs from its terminal besides bytes in and out.
pub trait Host {
    /// The terminal's size now (within the cap of the drawn area).
    fn size(&mut self) -> (u16, u16);
    /// Asks to be stopped until the user resumes us, with the terminal
    /// restored meanwhile; a host that can stop sends [`Event::Redraw`]
    /// once resumed.
    ///
    /// # Errors
    /// When the request cannot be made.
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
    app: &mut impl Ui,
    screen: &mut Screen<W>,
    events: &mut impl Source,
    host: &mut H,
    options: LoopOptions,
    after_first: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let mut parser = Parser::default();
    let mut inputs = Vec::new();
    let mut frame = Buffer::empty(screen.area());
    screen.colours(app.colour_level());
    draw(app, screen, &mut frame)?;
    after_first()?;
    loop {
        let Next::Event(first) = events.wait() else {
            return Ok(());
        };
        // Everything already queued is handled before the next frame, so a
        // burst of keys over a slow link costs one frame.
        let mut woken = false;
        let end = gather(
            first,
            events,
            &mut parser,
            &mut inputs,
            |news| match news {
                News::Size((w, h)) => {
                    let (w, h) = capped(w, h);
                    app.resize(w, h);
                    screen.resize(w, h);
                }
                News::Wake => woken = true,
            },
            host,
        );
        if woken {
            app.wake();
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
            if matches!(input, Input::Wheel(_) | Input::Click(..)) && !options.mouse {
                continue;
            }
            match app.input(input) {
                Flow::Continue => {}
                Flow::Quit => return Ok(()),
                Flow::Suspend => host.suspend()?,
            }
        }
        if let Some(end) = end {
            return end;
        }
        draw(app, screen, &mut frame)?;
    }
}

/// What `gather` passes on at once.
enum News {
    /// The terminal's size (a redraw of everything).
    Size((u16, u16)),
    /// Work elsewhere has news.
    Wake,
}

/// Takes `first` and every event already queued: bytes become inputs, a
/// resize is applied at once. Returns how the loop ends, if the terminal
/// closed or failed (the inputs before that are still applied).
fn gather<H: Host>(
    first: Event,
    events: &mut impl Source,
    parser: &mut Parser,
    inputs: &mut Vec<Input>,
    mut news: impl FnMut(News),
    host: &mut H,
) -> Option<io::Result<()>> {
    let mut event = first;
    loop {
        match event {
            Event::Bytes(bytes) => parser.feed(&bytes, inputs),
            // A new size redraws everything: after a stop, so does the same.
            Event::Resize | Event::Redraw => news(News::Size(host.size())),
            Event::Wake => news(News::Wake),
            Event::Closed => return Some(Ok(())),
            Event::Failed(e) => return Some(Err(e)),
        }
        event = match events.ready() {
            Next::Event(next) => next,
            Next::Gone => return Some(Ok(())),
            Next::Empty if parser.has_pending() => match events.wait_for(ESC_WAIT) {
                Next::Event(next) => next,
                Next::Empty => {
                    parser.flush(inputs);
                    return None;
                }
                Next::Gone => return Some(Ok(())),
            },
            Next::Empty => return None,
        };
    }
}

/// Draws the UI into `frame` and sends it to the screen.
fn draw<W: Write>(app: &impl Ui, screen: &mut Screen<W>, frame: &mut Buffer) -> io::Result<()> {
    frame.resize(screen.area());
    frame.reset();
    app.render(frame.area, frame);
    screen.draw(frame)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::sync::mpsc;

    use super::*;
    use crate::app::App;
    use crate::pane::PaneId;

    /// A host with a fixed size that never suspends.
    struct Fixed;

    impl Host for Fixed {
        fn size(&mut self) -> (u16, u16) {
            (80, 24)
        }

        fn suspend(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Reads that fail after some bytes, like a terminal that went away.
    struct Broken(Option<Vec<u8>>);

    impl Read for Broken {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.take() {
                Some(bytes) => {
                    let n = bytes.len().min(buf.len());
                    buf.get_mut(..n)
                        .unwrap_or_default()
                        .copy_from_slice(bytes.get(..n).unwrap_or_default());
                    Ok(n)
                }
                None => Err(io::Error::other("input/output error")),
            }
        }
    }

    #[test]
    fn end_of_input_ends_the_loop_cleanly_after_drawing() {
        let (tx, mut rx) = mpsc::channel();
        let mut a = App::bundled(80, 24);
        let mut screen = Screen::new(Vec::new(), 80, 24);
        let started = std::cell::Cell::new(false);
        let result = run(
            &mut a,
            &mut screen,
            &mut rx,
            &mut Fixed,
            LoopOptions::default(),
            || {
                started.set(true);
                spawn_reader(Cursor::new(b"5jj".to_vec()), tx)
            },
        );
        assert!(result.is_ok());
        assert!(started.get());
        assert_eq!(a.pane(), PaneId::Text, "keys before the end were applied");
        assert_eq!(a.scroll(), 2);
        assert!(screen.bytes_written() > 0);
    }

    #[test]
    fn a_read_error_ends_the_loop_with_that_error() {
        let (tx, mut rx) = mpsc::channel();
        let mut a = App::bundled(80, 24);
        let mut screen = Screen::new(Vec::new(), 80, 24);
        let result = run(
            &mut a,
            &mut screen,
            &mut rx,
            &mut Fixed,
            LoopOptions::default(),
            || spawn_reader(Broken(Some(b"j".to_vec())), tx),
        );
        assert_eq!(
            result.map_err(|e| e.to_string()),
            Err("input/output error".to_string())
        );
    }

    #[test]
    fn quit_ends_the_loop_before_the_input_does() {
        let (tx, mut rx) = mpsc::channel();
        let mut a = App::bundled(80, 24);
        let mut screen = Screen::new(Vec::new(), 80, 24);
        tx.send(Event::Bytes(b"2q3".to_vec())).unwrap();
        let result = run(
            &mut a,
            &mut screen,
            &mut rx,
            &mut Fixed,
            LoopOptions::default(),
            || Ok(()),
        );
        assert!(result.is_ok());
        assert_eq!(a.pane(), PaneId::Figures, "nothing after q is applied");
    }
}
