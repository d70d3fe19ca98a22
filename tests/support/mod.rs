//! What the integration tests share: opening a reader, test libraries,
//! checking that a frame is safe to send to a terminal, reading back the
//! colours sent.

// Test code: a panic here is a failing test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

pub mod app;
pub mod files;
pub mod screen_safety;
pub mod sgr;
pub mod term;
