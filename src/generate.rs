//! `briefing --generate`: the man page and the shell completion scripts,
//! written from the command table (`cli::spec`) and the key table
//! (`keymap`), so that none of them can drift from what the program does.
//! Everything generated is ASCII, so it is the same in every locale.

mod bash;
mod fish;
mod man;
mod man_keys;
mod zsh;

use crate::cli::Generate;
use crate::cli::spec::{COMMANDS, CommandSpec, SECTION_NAMES, ValueKind};

/// The text `--generate what` prints.
pub fn generate(what: Generate) -> String {
    match what {
        Generate::Man => man::page(),
        Generate::Bash => bash::script(),
        Generate::Zsh => zsh::script(),
        Generate::Fish => fish::script(),
    }
}

/// What a shell offers for a value of some kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// These words.
    Words(Vec<String>),
    /// File names (folders too, to get to the files).
    Files,
    /// Folder names.
    Dirs,
    /// Nothing: the value is typed.
    Nothing,
}

/// What a shell offers for a value of `kind`.
pub fn offer(kind: ValueKind) -> Offer {
    match kind {
        ValueKind::Choice(words) => Offer::Words(words.iter().map(|w| (*w).to_string()).collect()),
        ValueKind::Pane => Offer::Words(
            SECTION_NAMES
                .iter()
                .map(|n| (*n).to_string())
                .chain((1..=SECTION_NAMES.len()).map(|n| n.to_string()))
                .collect(),
        ),
        ValueKind::File | ValueKind::Path => Offer::Files,
        ValueKind::Dir => Offer::Dirs,
        ValueKind::Number { .. } | ValueKind::Text | ValueKind::Address | ValueKind::Duration => {
            Offer::Nothing
        }
    }
}

/// The subcommands' names, in table order (the reader itself has none).
pub fn subcommands() -> Vec<&'static str> {
    COMMANDS
        .iter()
        .map(|c| c.name)
        .filter(|n| !n.is_empty())
        .collect()
}

/// `"serve:-l"` and `"serve:--listen"`: the forms of an option in a command,
/// each between two `quote`s, as the scripts' `case` patterns match them.
pub fn forms(command: &CommandSpec, short: Option<char>, long: &str, quote: char) -> Vec<String> {
    let name = command.name;
    short
        .map(|c| format!("{quote}{name}:-{c}{quote}"))
        .into_iter()
        .chain([format!("{quote}{name}:--{long}{quote}")])
        .collect()
}

/// The first line of a help text, for the one-line descriptions of the
/// completions.
pub fn first_line(help: &str) -> &str {
    help.lines().next().unwrap_or_default().trim()
}
