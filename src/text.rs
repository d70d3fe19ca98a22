//! Text handling shared by the reader and the plain view: wrapping by display
//! width with hyphenation, and folding for search.

pub mod fold;
pub mod hyphenate;
pub mod matcher;
pub mod wrap;
