//! Signals: terminate and hang-up restore the terminal and exit from the
//! signal thread itself (a dead terminal must never leave us spinning); a
//! stop restores the terminal first and a continue takes it back and
//! redraws; a window change is passed on to the event loop.

use std::io;
use std::sync::mpsc::Sender;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use super::event_loop::Event;
use super::session;

/// Installs the handlers. Signals that arrive before [`watch`] runs wait
/// for it.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn install() -> io::Result<Signals> {
    Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT])
}

/// Starts the thread that acts on signals.
///
/// # Errors
/// When the thread cannot be started.
pub fn watch(mut signals: Signals, events: Sender<Event>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let event = match signal {
                    SIGWINCH => Event::Resize,
                    SIGTSTP => {
                        // Ctrl-z in the reader, or `kill -TSTP` from outside:
                        // the shell must get its terminal back as it was.
                        session::stop();
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                        continue;
                    }
                    SIGCONT => match session::continued() {
                        Ok(()) => Event::Redraw,
                        Err(e) => Event::Failed(e),
                    },
                    _ => {
                        session::restore();
                        std::process::exit(128 + signal);
                    }
                };
                if events.send(event).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}
