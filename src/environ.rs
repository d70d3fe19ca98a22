//! What the environment says about the terminal and the locale: read once
//! from the process, or made from what an SSH client sent.

use crate::theme::ColourLevel;

/// What the environment says, read once at start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// `NO_COLOR` is set (to anything non-empty).
    pub no_color: bool,
    /// `$TERM`.
    pub term: Option<String>,
    /// `$COLORTERM` (`truecolor` or `24bit` says 24-bit colour).
    pub colorterm: Option<String>,
    /// The locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
    pub locale: Option<String>,
    /// `$COLUMNS`.
    pub columns: Option<u16>,
}

impl Env {
    /// Reads the process environment.
    pub fn from_process() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            no_color: var("NO_COLOR").is_some(),
            term: var("TERM"),
            colorterm: var("COLORTERM"),
            locale: var("LC_ALL")
                .or_else(|| var("LC_CTYPE"))
                .or_else(|| var("LANG")),
            columns: var("COLUMNS").and_then(|c| c.trim().parse().ok()),
        }
    }

    /// Whether the locale's character set is UTF-8.
    pub fn utf8(&self) -> bool {
        self.locale.as_deref().is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("utf-8") || l.contains("utf8")
        })
    }

    /// The colours the terminal shows when it may show colour: from
    /// `TERM` and `COLORTERM`, `NO_COLOR` aside.
    pub fn colour_level(&self) -> ColourLevel {
        ColourLevel::of_terminal(self.term.as_deref(), self.colorterm.as_deref())
    }

    /// Whether the terminal can do nothing but print lines.
    pub fn dumb(&self) -> bool {
        self.term.as_deref() == Some("dumb")
    }
}
