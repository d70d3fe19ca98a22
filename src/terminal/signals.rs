//! Signals: terminate and hang-up restore the terminal and exit from the
//! signal thread itself (a dead terminal must never leave us spinning); a
//! window change is passed on to the event loop.

use std::io;
use std::sync::mpsc::Sender;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::event_loop::Event;
use super::session;

/// Installs the handlers. Signals that arrive before [`watch`] runs wait
/// for it.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn install() -> io::Result<Signals> {
    Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])
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
                if signal == SIGWINCH {
                    if events.send(Event::Resize).is_err() {
                        return;
                    }
                    continue;
                }
                session::restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
