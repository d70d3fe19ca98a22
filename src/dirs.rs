//! Where the program keeps things, by the XDG base-directory rules: cache
//! (library rows, search indexes), state (read marks, the server's host
//! key) and config. Resolved from values passed in (only
//! [`Dirs::from_process`] reads the environment); relative values are
//! ignored, as the specification says.

use std::ffi::OsString;
use std::path::PathBuf;

/// The program's folders; `None` when there is no home.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// `$XDG_CACHE_HOME/briefing` (default `~/.cache/briefing`).
    pub cache: Option<PathBuf>,
    /// `$XDG_STATE_HOME/briefing` (default `~/.local/state/briefing`).
    pub state: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/briefing` (default `~/.config/briefing`).
    pub config: Option<PathBuf>,
}

impl Dirs {
    /// Resolves the folders from environment values looked up by `var`.
    pub fn from_env(var: impl Fn(&str) -> Option<OsString>) -> Self {
        // The XDG spec: relative paths in these variables are ignored.
        let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
        let home = absolute("HOME");
        let pick = |name: &str, default: &[&str]| {
            absolute(name)
                .or_else(|| {
                    home.as_ref()
                        .map(|h| default.iter().fold(h.clone(), |p, part| p.join(part)))
                })
                .map(|p| p.join("briefing"))
        };
        Self {
            cache: pick("XDG_CACHE_HOME", &[".cache"]),
            state: pick("XDG_STATE_HOME", &[".local", "state"]),
            config: pick("XDG_CONFIG_HOME", &[".config"]),
        }
    }

    /// Resolves the folders from the process environment.
    pub fn from_process() -> Self {
        Self::from_env(|name| std::env::var_os(name).filter(|v| !v.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Dirs {
        Dirs::from_env(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn xdg_variables_win_over_home() {
        let d = env(&[
            ("HOME", "/home/a"),
            ("XDG_CACHE_HOME", "/c"),
            ("XDG_STATE_HOME", "/s"),
        ]);
        assert_eq!(d.cache, Some(PathBuf::from("/c/briefing")));
        assert_eq!(d.state, Some(PathBuf::from("/s/briefing")));
        assert_eq!(d.config, Some(PathBuf::from("/home/a/.config/briefing")));
    }

    #[test]
    fn home_gives_the_defaults_and_relative_values_are_ignored() {
        let d = env(&[("HOME", "/home/a"), ("XDG_CACHE_HOME", "rel")]);
        assert_eq!(d.cache, Some(PathBuf::from("/home/a/.cache/briefing")));
        assert_eq!(
            d.state,
            Some(PathBuf::from("/home/a/.local/state/briefing"))
        );
    }

    #[test]
    fn no_home_no_folders() {
        assert_eq!(env(&[]), Dirs::default());
        assert_eq!(env(&[("HOME", "relative")]), Dirs::default());
    }
}
