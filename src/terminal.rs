//! The only code that touches the terminal: the screen writer, the session
//! (raw mode, alternate screen, restore), signals and the event loop.

pub mod event_loop;
pub mod screen;
pub mod session;
pub mod sgr;
pub mod signals;
