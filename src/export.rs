//! `briefing export`: a briefing as data (JSON, actors by id, per
//! `schema/briefing.schema.json`) or as a document for people (`CommonMark`).

mod escape;
mod markdown;
#[cfg(test)]
mod schema;

use std::io::Write;
use std::path::Path;

use crate::briefing::{Briefing, load_file};
use crate::emit::{fail, finish, one_line};

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The briefing as data, per `schema/briefing.schema.json`.
    Json,
    /// The briefing as a `CommonMark` document.
    Markdown,
}

impl ExportFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [ExportFormat; 2] = [Self::Json, Self::Markdown];

    /// The name on the command line.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "markdown",
        }
    }

    /// The format a command-line name stands for.
    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.keyword() == word)
    }
}

/// `briefing export --format json|markdown [FILE]`: writes the briefing at
/// `file` (`None`: the bundled one) to `out` and returns 0; a briefing that
/// does not load is reported on `err` (exit 2, or 1 when unreadable).
pub fn export(
    format: ExportFormat,
    file: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let briefing = match file {
        Some(path) => match load_file(path) {
            Ok(b) => b,
            Err(e) => {
                let code = e.exit_code();
                // The error names the file on one line already.
                return fail(&format!("{e}\n"), code, err);
            }
        },
        None => crate::bundled::bundled(),
    };
    match render(&briefing, format) {
        Ok(text) => finish(&text, 0, out, err),
        Err(e) => fail(
            &format!("briefing: cannot export: {}\n", one_line(&e)),
            1,
            err,
        ),
    }
}

/// The briefing in `format`.
///
/// # Errors
/// Only if serialising fails, which plain data does not.
pub fn render(b: &Briefing, format: ExportFormat) -> Result<String, String> {
    match format {
        ExportFormat::Json => serde_json::to_string_pretty(b)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        ExportFormat::Markdown => Ok(markdown::render(b)),
    }
}
