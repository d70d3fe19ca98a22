//! One served session on a thread of its own: the reader (an `App` on the
//! shared content, driven by the same event loop and screen writer as the
//! local reader) or, without a pty or for `exec`, the plain view. A panic
//! ends this session only.

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::channel::ChannelOut;
use super::inbox::Inbox;
use super::log::End;
use crate::app::{App, Options};
use crate::content::Content;
use crate::library::Row;
use crate::shelf::{Opened, Shelf, ShelfOptions};
use crate::terminal::event_loop::{self, Host, LoopOptions, Ui};
use crate::terminal::screen::Screen;
use crate::terminal::session::LEAVE;

/// Stack of a session thread: the reader needs little, and hundreds run.
const STACK: usize = 512 * 1024;
/// Alternate screen, cursor hidden: what the local reader sends too.
const ENTER: &str = "\x1b[?1049h\x1b[?25l";

/// What a session shows.
pub struct Reader {
    /// The briefing or the library.
    pub shown: Shown,
    /// Test hook (debug builds only): panic on the first key.
    pub panic_on_key: bool,
}

/// The briefing or the library a session shows.
pub enum Shown {
    /// One briefing.
    Briefing {
        /// In the client's language and alphabet.
        content: Arc<Content>,
        /// Colour, starting pane.
        options: Options,
    },
    /// The library screen, on rows loaded once for all sessions.
    Library {
        /// Language, alphabet, colour; no read marks kept.
        options: ShelfOptions,
        /// The rows.
        rows: Arc<Vec<Row>>,
        /// Briefings open in some session.
        opened: Opened,
    },
}

impl Shown {
    fn ascii(&self) -> bool {
        match self {
            Self::Briefing { content, .. } => content.ascii(),
            Self::Library { options, .. } => options.ascii,
        }
    }
}

/// The client's terminal as the event loop's host.
struct Client<'a>(&'a Inbox);

impl Host for Client<'_> {
    fn size(&mut self) -> (u16, u16) {
        self.0.size()
    }

    fn suspend(&mut self) -> io::Result<()> {
        // There is no shell to stop to: Ctrl-z does nothing.
        Ok(())
    }
}

/// Starts the reader for `inbox` on its own thread; `done` gets why it
/// ended.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_reader(
    reader: Reader,
    inbox: Arc<Inbox>,
    out: ChannelOut,
    done: impl FnOnce(End) + Send + 'static,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name("session".into())
        .stack_size(STACK)
        .spawn(move || {
            let end = catch_unwind(AssertUnwindSafe(|| run_reader(reader, &inbox, out)));
            done(end.unwrap_or(End::Panic));
        })?;
    Ok(())
}

/// Starts sending `text` (the plain view) on its own thread.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_plain(
    text: impl FnOnce() -> String + Send + 'static,
    mut out: ChannelOut,
    done: impl FnOnce(End) + Send + 'static,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name("plain".into())
        .stack_size(STACK)
        .spawn(move || {
            let sent = catch_unwind(AssertUnwindSafe(|| {
                let text = text();
                // Frames of at most 32 KiB, each taken before the next.
                for chunk in text.as_bytes().chunks(32 * 1024) {
                    out.write_all(chunk)?;
                    out.flush()?;
                }
                out.finish(0)
            }));
            done(match sent {
                Ok(Ok(())) => End::Done,
                Ok(Err(e)) => failed(&e),
                Err(_) => End::Panic,
            });
        })?;
    Ok(())
}

fn run_ui(
    ui: &mut impl Ui,
    screen: &mut Screen<ChannelOut>,
    inbox: &Inbox,
    options: LoopOptions,
) -> io::Result<()> {
    let mut source = inbox;
    event_loop::run(ui, screen, &mut source, &mut Client(inbox), options, || {
        Ok(())
    })
}

fn run_reader(reader: Reader, inbox: &Arc<Inbox>, out: ChannelOut) -> End {
    let (w, h) = inbox.size();
    let mut screen = Screen::new(out, w, h);
    screen.ascii_only(reader.shown.ascii());
    screen.preface(ENTER);
    let options = LoopOptions {
        mouse: false,
        panic_on_key: reader.panic_on_key && cfg!(debug_assertions),
        fail_on_key: false,
    };
    let ran = catch_unwind(AssertUnwindSafe(|| match reader.shown {
        Shown::Briefing {
            content,
            options: o,
        } => {
            let mut app = App::new(content, o, w, h);
            run_ui(&mut app, &mut screen, inbox, options)
        }
        Shown::Library {
            options: o,
            rows,
            opened,
        } => {
            let mut shelf = Shelf::with_rows(o, rows, opened, w, h);
            // Search results wake the loop through the inbox.
            let waking = Arc::clone(inbox);
            shelf.start(Arc::new(move || waking.wake()));
            run_ui(&mut shelf, &mut screen, inbox, options)
        }
    }));
    let end = match ran {
        Ok(Ok(())) => inbox.ended().unwrap_or(End::Quit),
        Ok(Err(e)) => failed(&e),
        Err(_) => End::Panic,
    };
    if matches!(end, End::Stall | End::Closed | End::Error | End::Flood) {
        // Nothing more can be said to this client.
        return end;
    }
    let out = screen.writer();
    let farewell = match end {
        End::Idle => "briefing: closed after a while without a key\r\n",
        End::MaxLength => "briefing: this session reached its longest length\r\n",
        End::Shutdown => "briefing: the server is shutting down\r\n",
        End::Panic => "briefing: internal error; this session ended\r\n",
        _ => "",
    };
    let status = u32::from(end != End::Quit);
    let said = out
        .write_all(LEAVE.as_bytes())
        .and_then(|()| out.write_all(farewell.as_bytes()))
        .and_then(|()| out.finish(status));
    match said {
        // A reader that quit but could not say so lost its client.
        Err(e) if end == End::Quit => failed(&e),
        _ => end,
    }
}

/// Why writing failed.
fn failed(e: &io::Error) -> End {
    match e.kind() {
        io::ErrorKind::TimedOut => End::Stall,
        io::ErrorKind::BrokenPipe => End::Closed,
        _ => End::Error,
    }
}
