//! Where the program keeps things, by the XDG base-directory rules: state
//! (read marks, the server's host key), cache (library rows) and config.
//! Relative values are ignored, as the specification says.

use std::path::PathBuf;

/// `$XDG_STATE_HOME/briefing`, else `~/.local/state/briefing`.
pub fn state_dir() -> Option<PathBuf> {
    base("XDG_STATE_HOME", ".local/state")
}

/// `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`.
pub fn cache_dir() -> Option<PathBuf> {
    base("XDG_CACHE_HOME", ".cache")
}

/// `$XDG_CONFIG_HOME/briefing`, else `~/.config/briefing`.
pub fn config_dir() -> Option<PathBuf> {
    base("XDG_CONFIG_HOME", ".config")
}

fn base(variable: &str, under_home: &str) -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os(variable)
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(under_home))
        })
        .map(|d| d.join("briefing"))
}
