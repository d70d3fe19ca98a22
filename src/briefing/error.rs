//! Load errors, each reported as one line.

use std::fmt;

use super::sanitize::{one_line as one_line_path, sanitize};

/// One problem in a briefing file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong, in one line.
    pub message: String,
}

/// Why a briefing could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read.
    Io {
        /// The file as named by the user.
        path: String,
        /// What the OS said.
        error: std::io::Error,
    },
    /// The file is larger than the limit.
    TooLarge {
        /// The file as named by the user.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds bytes that are not UTF-8.
    NotUtf8 {
        /// The file as named by the user.
        path: String,
        /// Where the first bad byte is.
        line: usize,
        /// Column of the first bad byte.
        column: usize,
    },
    /// The file is not a valid briefing.
    Invalid {
        /// The file as named by the user.
        path: String,
        /// The problems found, in file order (at most `MAX_PROBLEMS`).
        problems: Vec<Problem>,
        /// Whether more were found than kept: reading stopped at the cap.
        more: bool,
    },
}

impl LoadError {
    /// The process exit code for this error: 2 for a bad briefing, 1 for I/O.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Io { .. } => 1,
            Self::TooLarge { .. } | Self::NotUtf8 { .. } | Self::Invalid { .. } => 2,
        }
    }
}

/// Most problems printed for one file; the rest are counted.
const MAX_SHOWN: usize = 50;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, error } => {
                let path = one_line_path(path);
                let reason = match error.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
                    _ => error.to_string(),
                };
                write!(f, "{path}: cannot read: {reason}")
            }
            Self::TooLarge { path, size, limit } => write!(
                f,
                "{}: file is too large ({size} bytes; the limit is {limit})",
                one_line_path(path)
            ),
            Self::NotUtf8 { path, line, column } => write!(
                f,
                "{}:{line}:{column}: not valid UTF-8 (briefings are UTF-8 text)",
                one_line_path(path)
            ),
            Self::Invalid {
                path,
                problems,
                more,
            } => {
                let path = one_line_path(path);
                for (i, p) in problems.iter().take(MAX_SHOWN).enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(
                        f,
                        "{path}:{}:{}: {}",
                        p.line,
                        p.column,
                        one_line(&p.message)
                    )?;
                }
                let hidden = problems.len().saturating_sub(MAX_SHOWN);
                if *more {
                    write!(
                        f,
                        "\n{path}: at least {} more problems not shown (reading stopped after {})",
                        hidden.max(1),
                        problems.len()
                    )?;
                } else if hidden > 0 {
                    write!(f, "\n{path}: {hidden} more problems not shown")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Longest message printed, in characters (parser messages may quote keys
/// of any length from the file).
const MAX_MESSAGE_CHARS: usize = 300;

/// A message on one line, with nothing a terminal would act on.
fn one_line(message: &str) -> String {
    let line = sanitize(message)
        .split('\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    match line.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or_default()),
        None => line,
    }
}
