//! What the integration tests share: opening a reader, and checking that a
//! frame is safe to send to a terminal.

pub mod app;
pub mod screen_safety;
