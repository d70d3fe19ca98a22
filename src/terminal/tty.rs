//! The local terminal as the reader's host: the controlling terminal read on
//! a thread, frames written to stdout, signals watched, the panic hook, and
//! the terminal restored on every way out.

use std::io::{self, BufWriter};
use std::sync::mpsc;

use super::event_loop::{self, Host, LoopOptions, Ui};
use super::screen::Screen;
use super::{session, signals};
use crate::geometry::capped;

/// The terminal's size now, within the drawn area's cap; 80x24 when it
/// cannot be asked.
pub fn size() -> (u16, u16) {
    Tty.size()
}

/// The terminal the reader runs in.
struct Tty;

impl Host for Tty {
    fn size(&mut self) -> (u16, u16) {
        let (w, h) = session::size().unwrap_or((80, 24));
        capped(w, h)
    }

    fn suspend(&mut self) -> io::Result<()> {
        // The signal thread restores the terminal and stops us, exactly as
        // for a SIGTSTP from outside; SIGCONT brings a redraw.
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
    }
}

/// Runs `app` (made at the terminal's size `size`, see [`size`])
/// full-screen in the terminal on stdout until the user quits, and restores
/// the terminal however it ends.
///
/// # Errors
/// When the terminal cannot be set up, read or written.
pub fn run(app: &mut impl Ui, (width, height): (u16, u16), mouse: bool) -> io::Result<()> {
    install_panic_hook();
    let (tx, mut rx) = mpsc::channel();
    let waking = tx.clone();
    app.start(std::sync::Arc::new(move || {
        let _ = waking.send(event_loop::Event::Wake);
    }));
    let handlers = signals::install()?;
    let tty = std::fs::File::open("/dev/tty")?;
    let (writer, enter) = session::enter(mouse)?;
    let writer = BufWriter::with_capacity(64 * 1024, writer);
    let mut screen = Screen::new(writer, width, height);
    screen.ascii_only(app.ascii());
    screen.preface(&enter);
    let options = LoopOptions {
        mouse,
        panic_on_key: cfg!(debug_assertions) && std::env::var_os("BRIEFING_TEST_PANIC").is_some(),
        fail_on_key: cfg!(debug_assertions) && std::env::var_os("BRIEFING_TEST_ERROR").is_some(),
    };
    // The threads start once the first frame is out: it shows sooner.
    let start_threads = move || {
        signals::watch(handlers, tx.clone())?;
        event_loop::spawn_reader(tty, tx)
    };
    let result = event_loop::run(app, &mut screen, &mut rx, &mut Tty, options, start_threads);
    session::restore();
    result
}

/// Restores the terminal before the panic message, so it is readable, and
/// exits with code 1 rather than a backtrace.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        session::restore();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!(
            "briefing: internal error: {message}{place}\n\
             briefing: this is a bug; the terminal has been restored\n"
        );
        let _ = io::Write::write_all(&mut io::stderr(), text.as_bytes());
        std::process::exit(1);
    }));
}
