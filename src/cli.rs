//! The command line, as described in DESIGN.md section 1.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// A terminal reader for news briefings.
#[derive(Debug, Clone, Parser)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is a command-line flag"
)]
#[command(
    name = "briefing",
    version,
    about = "A terminal reader for news briefings.",
    after_help = "With no FILE, opens the bundled briefing. When stdout is not a terminal, prints the plain view.\n\
                  Exit codes: 0 success, 2 usage error or invalid briefing, 1 anything else."
)]
pub struct Cli {
    /// Briefing TOML to open (default: the bundled briefing).
    pub file: Option<PathBuf>,

    /// Start at a section: overview|figures|quotes|actors|text|sources, or 1-6.
    #[arg(short, long, value_name = "NAME", value_parser = parse_section)]
    pub section: Option<usize>,

    /// Print the whole briefing as wrapped plain text and exit.
    #[arg(short, long)]
    pub plain: bool,

    /// Wrap width for --plain (default: terminal width, else $COLUMNS, else 80).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(8..=1000))]
    pub width: Option<u16>,

    /// Validate FILE (or the bundled briefing) and exit.
    #[arg(long, conflicts_with = "plain")]
    pub check: bool,

    /// When to use colour.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// ASCII only: no box drawing, no symbols.
    #[arg(long)]
    pub ascii: bool,

    /// Language of the interface labels (default: the briefing's own).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<UiLang>,

    /// Capture the mouse (wheel scrolls, click opens a tab).
    #[arg(long)]
    pub mouse: bool,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Interface languages with built-in labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UiLang {
    /// German.
    De,
    /// English.
    En,
}

/// Section names and numbers, in tab order.
pub const SECTION_NAMES: [&str; 6] = ["overview", "figures", "quotes", "actors", "text", "sources"];

/// Parses `--section`: a name from [`SECTION_NAMES`] or a number 1-6.
fn parse_section(s: &str) -> Result<usize, String> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<usize>() {
        return (1..=SECTION_NAMES.len())
            .contains(&n)
            .then(|| n - 1)
            .ok_or_else(|| format!("no section {n}: use 1-{}", SECTION_NAMES.len()));
    }
    SECTION_NAMES
        .iter()
        .position(|name| *name == s)
        .ok_or_else(|| {
            format!(
                "unknown section `{s}`: use one of {} or 1-6",
                SECTION_NAMES.join(", ")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_by_name_and_number() {
        assert_eq!(parse_section("text"), Ok(4));
        assert_eq!(parse_section("1"), Ok(0));
        assert_eq!(parse_section("Sources"), Ok(5));
        assert!(parse_section("7").is_err());
        assert!(parse_section("nope").is_err());
    }

    #[test]
    fn command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
