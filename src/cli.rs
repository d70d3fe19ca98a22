//! The command line (DESIGN.md section 1): one table of commands and
//! options ([`spec`]) drives parsing ([`parse`]) and the help ([`help`]);
//! here the matches become typed arguments.
//!
//! Parsed with `lexopt` and our own table: clap cost 0.3 ms of a 2.7 ms
//! start (measured in a pseudo-terminal), and the reader must start as fast
//! as `less`.

pub mod help;
pub mod parse;
pub mod spec;

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use parse::{Given, Matches, Parsed};

use crate::briefing::sanitize::one_line;

/// The reader's arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is a command-line flag"
)]
pub struct Cli {
    /// Briefing TOML to open (default: the bundled briefing).
    pub file: Option<PathBuf>,
    /// Section to start at (0-5).
    pub section: Option<usize>,
    /// Print the whole briefing as wrapped plain text and exit.
    pub plain: bool,
    /// Wrap width for the plain view.
    pub width: Option<u16>,
    /// Validate and exit.
    pub check: bool,
    /// When to use colour.
    pub color: ColorChoice,
    /// ASCII only.
    pub ascii: bool,
    /// Language of the interface labels.
    pub lang: Option<UiLang>,
    /// Capture the mouse.
    pub mouse: bool,
}

/// `--color`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Interface languages with built-in labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    /// German.
    De,
    /// English.
    En,
}

/// What to do, once the command line is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the reader (or print, or check) with these settings.
    Run(Cli),
    /// Print this help text.
    Help(String),
    /// Print the version.
    Version,
}

/// A command line that makes no sense, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Values from the command line are quoted in it: one safe line.
        let message = one_line(&self.0);
        write!(f, "briefing: {message} (see briefing --help)")
    }
}

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> Self {
        Self(e.to_string())
    }
}

impl Cli {
    /// Reads the arguments (without the program name).
    ///
    /// # Errors
    /// A usage error, described in one line.
    pub fn parse_from(
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Result<Command, UsageError> {
        match parse::parse(args)? {
            Parsed::Help(spec) => Ok(Command::Help(help::help(spec))),
            Parsed::Version => Ok(Command::Version),
            Parsed::Run(m) => Self::from_matches(&m).map(Command::Run),
        }
    }

    fn from_matches(m: &Matches) -> Result<Self, UsageError> {
        let cli = Cli {
            file: m.operands.first().map(PathBuf::from),
            section: match m.value("section") {
                Some(Given::Pane(i)) => Some(*i),
                _ => None,
            },
            plain: m.flag("plain"),
            width: m.number("width").and_then(|n| u16::try_from(n).ok()),
            check: m.flag("check"),
            color: match m.text("color") {
                Some("always") => ColorChoice::Always,
                Some("never") => ColorChoice::Never,
                _ => ColorChoice::Auto,
            },
            ascii: m.flag("ascii"),
            lang: match m.text("lang") {
                Some("de") => Some(UiLang::De),
                Some("en") => Some(UiLang::En),
                _ => None,
            },
            mouse: m.flag("mouse"),
        };
        if cli.check && cli.plain {
            return Err(UsageError(
                "--check and --plain cannot be used together".into(),
            ));
        }
        Ok(cli)
    }
}

#[cfg(test)]
mod tests;
