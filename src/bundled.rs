//! The bundled briefing, validated and turned into code at build time (see
//! `build.rs`), so that start-up does not parse it.

use crate::briefing::{
    Actor, ActorKind, Briefing, Figure, Quote, Relation, Section, Source, SourceKind,
};

/// The bundled briefing, as `briefing::load_bundled` would load it.
#[allow(clippy::unreadable_literal, reason = "generated code")]
pub fn bundled() -> Briefing {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_prebuilt_briefing_is_the_parsed_one() {
        let parsed = crate::briefing::load_bundled().expect("bundled briefing");
        assert_eq!(super::bundled(), parsed);
    }
}
