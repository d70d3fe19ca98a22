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
use std::net::SocketAddr;
use std::path::PathBuf;

use parse::{Given, Matches, Parsed};

use crate::briefing::sanitize::one_line;
use crate::export::ExportFormat;
use crate::serve::limits::Limits;
use crate::theme::ThemeName;

/// The reader's arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is a command-line flag"
)]
pub struct Cli {
    /// Briefing TOML, or a folder of them (default: the bundled briefing).
    pub file: Option<PathBuf>,
    /// Section to start at (0-5).
    pub section: Option<usize>,
    /// Print the whole briefing as wrapped plain text and exit.
    pub plain: bool,
    /// Wrap width for the plain view.
    pub width: Option<u16>,
    /// Validate and exit.
    pub check: bool,
    /// When to use colour, if said.
    pub color: Option<ColorChoice>,
    /// The colour theme, if said.
    pub theme: Option<ThemeName>,
    /// ASCII only.
    pub ascii: bool,
    /// Language of the interface labels.
    pub lang: Option<UiLang>,
    /// Capture the mouse.
    pub mouse: bool,
    /// The config file, if named.
    pub config: Option<PathBuf>,
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

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generate {
    /// The man page, section 1.
    Man,
    /// bash's completion script.
    Bash,
    /// zsh's completion script.
    Zsh,
    /// fish's completion script.
    Fish,
}

/// `briefing serve`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeCli {
    /// Briefing TOML to serve (default: the bundled briefing).
    pub file: Option<PathBuf>,
    /// Where to listen.
    pub listen: SocketAddr,
    /// The host key file.
    pub host_key: Option<PathBuf>,
    /// Only these keys may log in.
    pub authorized_keys: Option<PathBuf>,
    /// The limits, defaults overridden by the options given.
    pub limits: Limits,
    /// Language of the interface labels.
    pub lang: Option<UiLang>,
    /// The colour theme of every session.
    pub theme: ThemeName,
}

/// Where `serve` listens unless told.
pub const DEFAULT_LISTEN: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 2222);

/// What to do, once the command line is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the reader (or print, or check) with these settings.
    Run(Cli),
    /// Serve the reader over SSH.
    Serve(ServeCli),
    /// Check a briefing against its article.
    Verify {
        /// The briefing.
        briefing: PathBuf,
        /// The article, when not the briefing's own.
        source: Option<PathBuf>,
    },
    /// Print a draft briefing for an article.
    New {
        /// The article.
        article: PathBuf,
    },
    /// Print a briefing as JSON or Markdown.
    Export {
        /// `json` or `markdown`.
        format: ExportFormat,
        /// The briefing (default: the bundled one).
        file: Option<PathBuf>,
    },
    /// The library's rows, for scripts.
    List {
        /// The library folder.
        dir: PathBuf,
        /// JSON rather than lines.
        json: bool,
    },
    /// Hits across a library, for scripts.
    Search {
        /// The library folder.
        dir: PathBuf,
        /// What to find.
        query: String,
        /// JSON rather than lines.
        json: bool,
    },
    /// Print the man page or a completion script.
    Generate(Generate),
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
            Parsed::Run(m) => match m.command.name {
                "" if m.flag("generate") => generate(&m).map(Command::Generate),
                "" => Self::from_matches(&m).map(Command::Run),
                "serve" => Ok(Command::Serve(serve(&m))),
                _ => subcommand(&m),
            },
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
                Some("always") => Some(ColorChoice::Always),
                Some("never") => Some(ColorChoice::Never),
                Some(_) => Some(ColorChoice::Auto),
                None => None,
            },
            theme: theme(m),
            ascii: m.flag("ascii"),
            lang: ui_lang(m),
            mouse: m.flag("mouse"),
            config: match m.value("config") {
                Some(Given::Path(p)) => Some(PathBuf::from(p)),
                _ => None,
            },
        };
        if cli.check && cli.plain {
            return Err(UsageError(
                "--check and --plain cannot be used together".into(),
            ));
        }
        Ok(cli)
    }
}

/// Operand `i` as a path.
fn operand(m: &Matches, i: usize) -> Option<PathBuf> {
    m.operands.get(i).map(PathBuf::from)
}

/// The commands that only print: their matches as a [`Command`].
fn subcommand(m: &Matches) -> Result<Command, UsageError> {
    // The parser saw every required operand: these are there.
    let first = operand(m, 0).unwrap_or_default();
    Ok(match m.command.name {
        "verify" => Command::Verify {
            briefing: first,
            source: match m.value("source") {
                Some(Given::Path(p)) => Some(PathBuf::from(p)),
                _ => None,
            },
        },
        "new" => Command::New { article: first },
        "export" => Command::Export {
            format: m
                .text("format")
                .and_then(ExportFormat::from_keyword)
                .ok_or_else(|| {
                    UsageError("export needs --format json or --format markdown".into())
                })?,
            file: operand(m, 0),
        },
        "list" => Command::List {
            dir: first,
            json: m.flag("json"),
        },
        _ => Command::Search {
            dir: first,
            query: m
                .operands
                .get(1)
                .map(|q| q.to_string_lossy().into_owned())
                .unwrap_or_default(),
            json: m.flag("json"),
        },
    })
}

/// `--generate WHAT`, which takes nothing else.
fn generate(m: &Matches) -> Result<Generate, UsageError> {
    if m.options.len() > 1 || !m.operands.is_empty() {
        return Err(UsageError(
            "--generate takes no other options or operands".into(),
        ));
    }
    Ok(match m.text("generate") {
        Some("bash") => Generate::Bash,
        Some("zsh") => Generate::Zsh,
        Some("fish") => Generate::Fish,
        _ => Generate::Man,
    })
}

/// `--lang`.
fn ui_lang(m: &Matches) -> Option<UiLang> {
    match m.text("lang") {
        Some("de") => Some(UiLang::De),
        Some("en") => Some(UiLang::En),
        _ => None,
    }
}

/// `--theme` (the parser checked it is one of the names).
fn theme(m: &Matches) -> Option<ThemeName> {
    m.text("theme").and_then(|t| t.parse().ok())
}

/// `serve`'s matches as its arguments.
fn serve(m: &Matches) -> ServeCli {
    let path = |long: &str| match m.value(long) {
        Some(Given::Path(p)) => Some(PathBuf::from(p)),
        _ => None,
    };
    let duration = |long: &str| match m.value(long) {
        Some(Given::Duration(d)) => Some(*d),
        _ => None,
    };
    let count = |long: &str| m.number(long).and_then(|n| usize::try_from(n).ok());
    let defaults = Limits::default();
    let limits = Limits {
        max_sessions: count("max-sessions").unwrap_or(defaults.max_sessions),
        max_per_ip: count("max-per-ip").unwrap_or(defaults.max_per_ip),
        rate_per_ip: m
            .number("rate-per-ip")
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(defaults.rate_per_ip),
        max_unauthenticated: count("max-unauthenticated").unwrap_or(defaults.max_unauthenticated),
        login: duration("login-timeout").unwrap_or(defaults.login),
        no_session: duration("no-session-timeout").unwrap_or(defaults.no_session),
        idle: duration("idle-timeout").unwrap_or(defaults.idle),
        max_session: duration("max-session").unwrap_or(defaults.max_session),
        ..defaults
    };
    ServeCli {
        file: m.operands.first().map(PathBuf::from),
        listen: match m.value("listen") {
            Some(Given::Address(a)) => *a,
            _ => DEFAULT_LISTEN,
        },
        host_key: path("host-key"),
        authorized_keys: path("authorized-keys"),
        limits,
        lang: ui_lang(m),
        theme: theme(m).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
