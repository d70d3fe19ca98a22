//! Themes by name, as `--theme` and the config file's `theme` give them.

use std::fmt;
use std::str::FromStr;

use super::themes::{DARK, LIGHT, ThemeDef};
use crate::briefing::sanitize::one_line;

/// A built-in theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ThemeName {
    /// For dark terminal backgrounds (the default).
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
}

impl ThemeName {
    /// Every theme, the default first.
    pub const ALL: [Self; 2] = [Self::Dark, Self::Light];

    /// Every theme's name, in the order of [`ThemeName::ALL`].
    pub const NAMES: [&'static str; 2] = ["dark", "light"];

    /// The name as written in `--theme` and `theme = "..."`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
        }
    }

    /// The theme's definition.
    pub fn def(self) -> &'static ThemeDef {
        match self {
            Self::Dark => &DARK,
            Self::Light => &LIGHT,
        }
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A theme name that is none of the built-in ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTheme(pub String);

impl fmt::Display for UnknownTheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The name comes from a user's file or command line: one safe line.
        write!(
            f,
            "unknown theme `{}`, expected one of: {}",
            one_line(&self.0),
            ThemeName::NAMES.join(", ")
        )
    }
}

impl std::error::Error for UnknownTheme {}

impl FromStr for ThemeName {
    type Err = UnknownTheme;

    /// A theme by its name (`dark`, `light`), in any case, as the command
    /// line takes it too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownTheme(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_others_are_refused_with_the_list() {
        for (theme, name) in ThemeName::ALL.into_iter().zip(ThemeName::NAMES) {
            assert_eq!(theme.name(), name);
            assert_eq!(name.parse::<ThemeName>(), Ok(theme));
            assert_eq!(theme.to_string(), name);
        }
        let err = "Solarized\x1b[31m".parse::<ThemeName>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown theme `Solarized␛`, expected one of: dark, light"
        );
        assert_eq!(" Light".parse::<ThemeName>(), Ok(ThemeName::Light));
        assert!("darker".parse::<ThemeName>().is_err());
        assert!("".parse::<ThemeName>().is_err());
    }
}
