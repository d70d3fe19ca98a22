//! One row of the library: what the list shows and filters on for one file,
//! read once from the file and then kept in the cache.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::clean::one_line;
use super::date::Stamp;
use super::hash::ContentHash;
use super::scan::Found;
use crate::briefing::{Briefing, LoadError, MAX_FILE_BYTES, parse};
use crate::text::fold::fold;

/// Longest title kept in a row, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Most topics kept in a row.
pub const MAX_TOPICS: usize = 32;
/// Most actor names kept in a row (for the filter).
pub const MAX_ACTORS: usize = 64;
/// Longest topic or name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest problem message kept, in characters.
pub const MAX_PROBLEM_CHARS: usize = 300;

/// A briefing file in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Path relative to the library folder.
    pub rel: PathBuf,
    /// The relative path as shown: sanitised, on one line.
    pub shown: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time: the row's date (the format has no other).
    pub modified: Stamp,
    /// SHA-256 of the bytes, when they could be read.
    pub hash: Option<ContentHash>,
    /// What the briefing holds, or why it did not load.
    pub content: Result<Summary, RowProblem>,
    /// Folded title, topics and actor names, one per line: what the filter
    /// and the title sort look at.
    pub key: String,
}

/// What a loaded briefing contributes to its row (all text sanitised).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Language tag.
    pub lang: String,
    /// Headline (cut to [`MAX_TITLE_CHARS`]).
    pub title: String,
    /// Topic keywords (at most [`MAX_TOPICS`]).
    pub topics: Vec<String>,
    /// Number of quotes.
    pub quotes: usize,
    /// Number of key figures.
    pub figures: usize,
    /// Number of actors.
    pub actors: usize,
    /// Actor names (at most [`MAX_ACTORS`]).
    pub actor_names: Vec<String>,
}

/// The first problem of a file that did not load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowProblem {
    /// Line and column (1-based), when the problem has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong, on one line.
    pub message: String,
}

impl Row {
    /// Reads and loads the file `dir/found.rel`.
    pub fn load(dir: &Path, found: &Found) -> Self {
        let shown = super::clean::path(&found.rel);
        let (hash, content) = match read_bytes(&dir.join(&found.rel)) {
            Ok(bytes) => {
                let hash = ContentHash::of(&bytes);
                (Some(hash), summarise(&bytes, &shown))
            }
            Err(problem) => (None, Err(problem)),
        };
        Self::new(found, shown, hash, content)
    }

    /// A row from its parts; computes the filter key.
    pub fn new(
        found: &Found,
        shown: String,
        hash: Option<ContentHash>,
        content: Result<Summary, RowProblem>,
    ) -> Self {
        let key = filter_key(&content, &shown);
        Self {
            rel: found.rel.clone(),
            shown,
            size: found.size,
            modified: found.modified,
            hash,
            content,
            key,
        }
    }

    /// The title, or the file name for a file that did not load.
    pub fn title(&self) -> &str {
        match &self.content {
            Ok(s) => &s.title,
            Err(_) => &self.shown,
        }
    }

    /// The summary of a loaded briefing.
    pub fn summary(&self) -> Option<&Summary> {
        self.content.as_ref().ok()
    }

    /// `PATH:LINE:COL: message` for a file that did not load, with `path`
    /// as given (already one sanitised line).
    pub fn problem_line(&self, path: &str) -> Option<String> {
        let p = self.content.as_ref().err()?;
        Some(match p.at {
            Some((line, column)) => format!("{path}:{line}:{column}: {}", p.message),
            None => format!("{path}: {}", p.message),
        })
    }

    /// The folded title: what the title sort compares.
    pub fn title_key(&self) -> &str {
        self.key.split('\n').next().unwrap_or_default()
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
///
/// # Errors
/// When it cannot be read, is no regular file, or is too large.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, RowProblem> {
    let io = |e: std::io::Error| RowProblem {
        at: None,
        message: one_line(&format!("cannot read: {e}"), MAX_PROBLEM_CHARS),
    };
    let file = File::open(path).map_err(io)?;
    // The walk saw a regular file; check again on the open file, so that a
    // file swapped for a device in between is not read.
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(RowProblem {
            at: None,
            message: "not a regular file".into(),
        });
    }
    let mut bytes =
        Vec::with_capacity(usize::try_from(meta.len().min(MAX_FILE_BYTES)).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(RowProblem {
            at: None,
            message: format!(
                "file is too large (over {MAX_FILE_BYTES} bytes; the limit is {MAX_FILE_BYTES})"
            ),
        });
    }
    Ok(bytes)
}

/// Loads briefing bytes as the reader would; `name` is used in messages.
///
/// # Errors
/// The first problem, when the bytes are not a valid briefing.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Briefing, RowProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let prefix = String::from_utf8_lossy(valid);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        RowProblem {
            at: Some((line, column)),
            message: "not valid UTF-8 (briefings are UTF-8 text)".into(),
        }
    })?;
    parse(text, name).map_err(|e| first_problem(&e))
}

fn summarise(bytes: &[u8], name: &str) -> Result<Summary, RowProblem> {
    let b = load_bytes(bytes, name)?;
    let short = |s: &String| one_line(s, MAX_NAME_CHARS);
    Ok(Summary {
        lang: one_line(&b.lang, MAX_NAME_CHARS),
        title: one_line(&b.title, MAX_TITLE_CHARS),
        topics: b.topics.iter().take(MAX_TOPICS).map(short).collect(),
        quotes: b.quotes.len(),
        figures: b.figures.len(),
        actors: b.actors.len(),
        actor_names: b
            .actors
            .iter()
            .take(MAX_ACTORS)
            .map(|a| short(&a.name))
            .collect(),
    })
}

/// The first problem of a load error, as a row shows it.
fn first_problem(e: &LoadError) -> RowProblem {
    match e {
        LoadError::Invalid { problems, .. } => problems.first().map_or_else(
            || RowProblem {
                at: None,
                message: "not a valid briefing".into(),
            },
            |p| RowProblem {
                at: Some((p.line, p.column)),
                message: one_line(&p.message, MAX_PROBLEM_CHARS),
            },
        ),
        LoadError::NotUtf8 { line, column, .. } => RowProblem {
            at: Some((*line, *column)),
            message: "not valid UTF-8 (briefings are UTF-8 text)".into(),
        },
        other => {
            // "PATH: message": keep the message only.
            let text = other.to_string();
            let message = text.split_once(": ").map_or(text.as_str(), |(_, m)| m);
            RowProblem {
                at: None,
                message: one_line(message, MAX_PROBLEM_CHARS),
            }
        }
    }
}

/// Folded title, topics and actor names, one per line (a broken file is
/// found by its path).
pub fn filter_key(content: &Result<Summary, RowProblem>, shown: &str) -> String {
    let Ok(s) = content else { return fold(shown) };
    let mut key = fold(&s.title);
    for part in s.topics.iter().chain(&s.actor_names) {
        key.push('\n');
        key.push_str(&fold(part));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BUNDLED;

    fn found(rel: &str) -> Found {
        Found {
            rel: rel.into(),
            size: 0,
            modified: Stamp::default(),
        }
    }

    #[test]
    fn a_good_briefing_gives_its_summary() {
        let s = summarise(BUNDLED.as_bytes(), "b.toml").unwrap();
        assert_eq!(s.lang, "de");
        assert_eq!(s.title, "Nordkorea und Russland intensivieren Beziehungen");
        assert!(s.topics.contains(&"Pjöngjang".to_string()));
        assert!(s.quotes > 0 && s.figures > 0 && s.actors > 0);
        assert_eq!(s.actor_names.len(), s.actors.min(MAX_ACTORS));
        let row = Row::new(&found("b.toml"), "b.toml".into(), None, Ok(s));
        assert!(row.key.contains("pjongjang") && row.key.contains("wladimir putin"));
        assert_eq!(
            row.title_key(),
            "nordkorea und russland intensivieren beziehungen"
        );
    }

    #[test]
    fn a_broken_briefing_gives_its_first_problem_on_one_line() {
        let text = "schema = 1\nlang = \"de\"\ntitle = \"T\"\n[[quotes]]\ntext = \"x\"\nspeaker = \"nobody\"\ncontext = \"\"\n";
        let p = summarise(text.as_bytes(), "b.toml").unwrap_err();
        assert_eq!(p.at, Some((6, 11)));
        assert!(p.message.contains("nobody"), "{}", p.message);
        let row = Row::new(&found("b.toml"), "b.toml".into(), None, Err(p));
        assert!(
            row.problem_line("b.toml")
                .unwrap()
                .starts_with("b.toml:6:11: ")
        );
        assert_eq!(row.title(), "b.toml");
        assert_eq!(row.key, "b.toml");
    }

    #[test]
    fn bad_utf8_has_a_place() {
        let p = summarise(b"schema = 1\nti\xfftle", "b").unwrap_err();
        assert_eq!(p.at, Some((2, 3)));
    }
}
