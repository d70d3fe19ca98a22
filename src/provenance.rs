//! Provenance: a briefing checked against its source article (`verify`),
//! and a draft briefing made from an article (`new`).
//!
//! Both compare text as words: runs of white space are one space, so a
//! paragraph held on one line matches an article that wraps it. Everything
//! else must be equal, character for character.

mod check;
mod claims;
mod coverage;
mod diff;
pub mod draft;
mod field;
mod find;
mod haystack;
mod literal;
mod marks;
mod nearest;
mod normal;
mod numbers;
mod report;
mod shape;
mod source;
mod spans;
mod units;
mod verbatim;
mod verify;
mod words;

pub use draft::{draft_text, new_draft};
pub use verify::{verify, verify_text};
