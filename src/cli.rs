//! The command line, as described in DESIGN.md section 1.
//!
//! Parsed with `lexopt` and a help text of our own: clap cost 0.3 ms of a
//! 2.7 ms start (measured in a pseudo-terminal), and the reader must start
//! as fast as `less`.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use lexopt::prelude::*;

/// What the command line asks for.
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
    /// Run with these settings.
    Run(Cli),
    /// Print [`HELP`].
    Help,
    /// Print the version.
    Version,
}

/// A command line that makes no sense, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "briefing: {} (see briefing --help)", self.0)
    }
}

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> Self {
        Self(e.to_string())
    }
}

/// The help text (`-h`, `--help`).
pub const HELP: &str = "\
A terminal reader for news briefings.

Usage: briefing [OPTIONS] [FILE]

Arguments:
  [FILE]                briefing TOML to open (default: the bundled briefing)

Options:
  -s, --section NAME    start at a section: overview|figures|quotes|actors|text|sources, or 1-6
  -p, --plain           print the whole briefing as wrapped plain text and exit
                        (the default whenever stdout is not a terminal)
  -w, --width N         wrap width for --plain, 8-1000 (default: terminal width, else $COLUMNS, else 80)
      --check           validate FILE (or the bundled briefing) and exit
      --color WHEN      auto|always|never (auto: off when NO_COLOR is set or stdout is no terminal)
      --ascii           ASCII only: no box drawing, no symbols
      --lang LANG       language of the interface labels, de|en (default: the briefing's own)
      --mouse           capture the mouse (wheel scrolls, click opens a tab)
  -h, --help            print this help
  -V, --version         print the version

Keys in the reader: ? or F1 shows them all.
Exit codes: 0 success, 2 usage error or invalid briefing, 1 anything else.
";

/// Section names and numbers, in tab order.
pub const SECTION_NAMES: [&str; 6] = ["overview", "figures", "quotes", "actors", "text", "sources"];

impl Cli {
    /// Reads the arguments (without the program name).
    ///
    /// # Errors
    /// A usage error, described in one line.
    pub fn parse_from(
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Result<Command, UsageError> {
        let mut cli = Cli::default();
        let mut parser = lexopt::Parser::from_args(args);
        while let Some(arg) = parser.next()? {
            match arg {
                Short('h') | Long("help") => return Ok(Command::Help),
                Short('V') | Long("version") => return Ok(Command::Version),
                Short('s') | Long("section") => {
                    cli.section = Some(parse_section(&text(parser.value()?)?)?);
                }
                Short('p') | Long("plain") => cli.plain = true,
                Short('w') | Long("width") => {
                    cli.width = Some(parse_width(&text(parser.value()?)?)?);
                }
                Long("check") => cli.check = true,
                Long("color" | "colour") => cli.color = parse_color(&text(parser.value()?)?)?,
                Long("ascii") => cli.ascii = true,
                Long("lang") => cli.lang = Some(parse_lang(&text(parser.value()?)?)?),
                Long("mouse") => cli.mouse = true,
                Value(file) if cli.file.is_none() => cli.file = Some(PathBuf::from(file)),
                Value(extra) => {
                    return Err(UsageError(format!(
                        "one FILE at most; also got '{}'",
                        extra.to_string_lossy()
                    )));
                }
                other => return Err(other.unexpected().into()),
            }
        }
        if cli.check && cli.plain {
            return Err(UsageError(
                "--check and --plain cannot be used together".into(),
            ));
        }
        Ok(Command::Run(cli))
    }
}

/// An option's value as text.
fn text(value: OsString) -> Result<String, UsageError> {
    value
        .into_string()
        .map_err(|v| UsageError(format!("'{}' is not valid text", v.to_string_lossy())))
}

/// `--section`: a name from [`SECTION_NAMES`] or a number 1-6.
fn parse_section(s: &str) -> Result<usize, UsageError> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<usize>() {
        return (1..=SECTION_NAMES.len())
            .contains(&n)
            .then(|| n - 1)
            .ok_or_else(|| UsageError(format!("no section {n}: use 1-{}", SECTION_NAMES.len())));
    }
    SECTION_NAMES
        .iter()
        .position(|name| *name == s)
        .ok_or_else(|| {
            UsageError(format!(
                "unknown section '{s}': use one of {} or 1-6",
                SECTION_NAMES.join(", ")
            ))
        })
}

fn parse_width(s: &str) -> Result<u16, UsageError> {
    s.trim()
        .parse::<u16>()
        .ok()
        .filter(|w| (8..=1000).contains(w))
        .ok_or_else(|| UsageError(format!("--width takes a number from 8 to 1000, not '{s}'")))
}

fn parse_color(s: &str) -> Result<ColorChoice, UsageError> {
    match s.trim() {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        other => Err(UsageError(format!(
            "--color takes auto, always or never, not '{other}'"
        ))),
    }
}

fn parse_lang(s: &str) -> Result<UiLang, UsageError> {
    match s.trim().to_ascii_lowercase().as_str() {
        "de" => Ok(UiLang::De),
        "en" => Ok(UiLang::En),
        other => Err(UsageError(format!("--lang takes de or en, not '{other}'"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Cli {
        match Cli::parse_from(args.iter().copied()) {
            Ok(Command::Run(cli)) => cli,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    fn error(args: &[&str]) -> String {
        match Cli::parse_from(args.iter().copied()) {
            Err(e) => e.to_string(),
            other => panic!("{args:?} should fail: {other:?}"),
        }
    }

    #[test]
    fn no_arguments_is_the_bundled_briefing_in_the_reader() {
        assert_eq!(run(&[]), Cli::default());
    }

    #[test]
    fn every_option_in_long_and_short_form() {
        let cli = run(&[
            "-s",
            "text",
            "-p",
            "-w",
            "40",
            "--color=never",
            "--ascii",
            "--lang",
            "en",
            "--mouse",
            "x.toml",
        ]);
        assert_eq!(cli.section, Some(4));
        assert!(cli.plain && cli.ascii && cli.mouse);
        assert_eq!(cli.width, Some(40));
        assert_eq!(cli.color, ColorChoice::Never);
        assert_eq!(cli.lang, Some(UiLang::En));
        assert_eq!(cli.file, Some(PathBuf::from("x.toml")));
        assert_eq!(run(&["--section=2", "--check"]).section, Some(1));
        assert_eq!(run(&["-w80", "--plain"]).width, Some(80));
        assert_eq!(run(&["--section", "Sources"]).section, Some(5));
    }

    #[test]
    fn help_and_version() {
        assert_eq!(Cli::parse_from(["--help"]), Ok(Command::Help));
        assert_eq!(Cli::parse_from(["-h", "--nonsense"]), Ok(Command::Help));
        assert_eq!(Cli::parse_from(["-V"]), Ok(Command::Version));
    }

    #[test]
    fn usage_errors_say_what_is_wrong_in_one_line() {
        for (args, words) in [
            (&["--nope"][..], "--nope"),
            (&["--section", "7"][..], "no section 7"),
            (&["--section", "nope"][..], "unknown section 'nope'"),
            (&["--width", "3"][..], "8 to 1000"),
            (&["--width"][..], "--width"),
            (&["--color", "red"][..], "auto, always or never"),
            (&["--lang", "fr"][..], "de or en"),
            (&["a.toml", "b.toml"][..], "one FILE at most"),
            (&["--check", "--plain"][..], "cannot be used together"),
            (&["--plain=yes"][..], "--plain"),
        ] {
            let e = error(args);
            assert!(e.contains(words), "{args:?}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }

    #[test]
    fn the_help_lists_every_option() {
        for option in [
            "--section",
            "--plain",
            "--width",
            "--check",
            "--color",
            "--ascii",
            "--lang",
            "--mouse",
            "--help",
            "--version",
        ] {
            assert!(HELP.contains(option), "{option}");
        }
    }
}
