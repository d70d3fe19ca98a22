//! `Text`: a string from a briefing that has passed the sanitiser.

use serde::{Deserialize, Deserializer};

use super::sanitize::sanitize;

/// A string read from a briefing file, already sanitised.
///
/// The raw model holds no plain `String`, so no unsanitised text can get past
/// the load boundary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Text(sanitize(&raw).into_owned()))
    }
}

impl Text {
    /// The sanitised string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
