//! The only code that touches the terminal: the screen writer, the session
//! (raw mode, alternate screen, restore), signals, the event loop, and the
//! local terminal as the event loop's host.

pub mod event_loop;
pub mod screen;
pub mod session;
pub mod sgr;
pub mod signals;
pub mod tty;
