//! Signals: terminate and hang-up restore the terminal and exit from the
//! signal thread itself (a dead terminal must never leave us spinning); a
//! window change is passed on to the event loop.

use std::io;
use std::sync::mpsc::Sender;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::event_loop::Event;
use super::session;

/// Starts the signal thread.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn watch(events: Sender<Event>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])?;
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
