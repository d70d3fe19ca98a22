//! Text handling shared by the reader and the plain view: wrapping by display
//! width with hyphenation, cutting to a width, folding for search, and
//! transliteration for ASCII-only terminals.

pub mod ascii;
pub mod fit;
pub mod fold;
pub mod hyphenate;
pub mod matcher;
pub mod wrap;
