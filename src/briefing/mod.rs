//! The briefing: its file format, loading, sanitising and validation.
//!
//! (A `mod.rs` because `build.rs` compiles this module too.)

mod decode;
mod error;
mod fields;
mod load;
mod model;
mod position;
mod raw;
pub mod sanitize;
mod screen;
mod serialize;
mod text;
mod validate;

pub use decode::MAX_PROBLEMS;
pub(crate) use decode::{Item, RawDocument};
pub use error::{LoadError, Problem};
pub(crate) use load::parse_inspecting;
pub use load::{BUNDLED, BUNDLED_NAME, MAX_FILE_BYTES, load_bundled, load_file, open, parse};
pub use model::{
    Actor, ActorIx, ActorKind, Briefing, Figure, Quote, Relation, Section, Source, SourceKind,
};
pub use position::LineIndex;
pub use screen::MAX_TOKENS;
#[cfg(test)]
pub(crate) use serialize::BriefingFile;
pub use validate::{MAX_ITEMS, MAX_TEXT_BYTES};
