//! `briefing verify`: a briefing against its source article.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::briefing::{Briefing, LoadError};
use crate::emit::{fail, finish, one_line, path_line};

use super::check::check;
use super::find::Budget;
use super::haystack::Haystack;
use super::normal::Normal;
use super::report::{Names, lines, resolve};
use super::source::{clean, read_text};
use super::spans::{Spans, load};

/// `briefing verify BRIEFING [--source ARTICLE]`: checks that every
/// verbatim string of the briefing stands in the article, that the full
/// text covers the article, that quotes stand in quotation marks and that
/// hedges and numbers stay with their excerpts. The article is `source`,
/// or the briefing's `article` key (relative to the briefing file).
///
/// Prints `BRIEFING: verified against ARTICLE` on `out` and returns 0, or
/// one line per problem on `err` and returns 2 (1 when a file cannot be
/// read or `out` cannot be written).
pub fn verify(
    briefing: &Path,
    source: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let name = path_line(briefing);
    let text = match read_text(briefing, &name) {
        Ok(text) => text,
        Err(e) => return load_failed(&e, err),
    };
    let (b, spans) = match load(&text, &name) {
        Ok(loaded) => loaded,
        Err(e) => return load_failed(&e, err),
    };
    let article_path: PathBuf = match (source, &b.article) {
        (Some(path), _) => path.to_path_buf(),
        (None, Some(relative)) => briefing.parent().unwrap_or(Path::new("")).join(relative),
        (None, None) => {
            let line = format!(
                "{name}: no article to verify against: give --source ARTICLE or set `article` in the briefing\n"
            );
            return fail(&line, 2, err);
        }
    };
    let article_name = path_line(&article_path);
    if source.is_none() {
        // A file's own `article` key must not make us wait on a pipe.
        if let Ok(meta) = std::fs::metadata(&article_path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            let line = format!("{article_name}: cannot read: not a regular file\n");
            return fail(&line, 1, err);
        }
    }
    let article = match read_text(&article_path, &article_name) {
        Ok(text) => text,
        Err(e) => return load_failed(&e, err),
    };
    let problems = check_against(&b, &spans, &text, &name, &article, &article_name);
    if problems.is_empty() {
        let line = format!("{name}: verified against {article_name}\n");
        return finish(&line, 0, out, err);
    }
    let mut all = problems.join("\n");
    all.push('\n');
    fail(&all, 2, err)
}

/// Checks briefing text against article text; `briefing_name` and
/// `article_name` are how the lines name them. The problem lines (none
/// when the briefing is faithful), at most [`super::report::MAX_SHOWN`] and
/// a count of the rest.
///
/// # Errors
/// When the briefing text is not a valid briefing.
pub fn verify_text(
    briefing: &str,
    briefing_name: &str,
    article: &str,
    article_name: &str,
) -> Result<Vec<String>, LoadError> {
    let (b, spans) = load(briefing, briefing_name)?;
    Ok(check_against(
        &b,
        &spans,
        briefing,
        briefing_name,
        article,
        article_name,
    ))
}

/// [`verify_text`] for a briefing already loaded from `briefing`.
fn check_against(
    b: &Briefing,
    spans: &Spans,
    briefing: &str,
    briefing_name: &str,
    article: &str,
    article_name: &str,
) -> Vec<String> {
    let briefing = briefing.strip_prefix('\u{FEFF}').unwrap_or(briefing);
    let clean = clean(article);
    let found = {
        let norm = Normal::new(&clean);
        let hay = Haystack::new(&clean, &norm);
        let mut budget = Budget::for_sizes(clean.len(), briefing.len());
        resolve(check(b, &hay, &mut budget), &hay)
    };
    let names = Names {
        briefing: briefing_name,
        briefing_text: briefing,
        article: article_name,
    };
    lines(found, b, spans, &names, &clean)
}

/// Prints a load error and returns its exit code.
fn load_failed(e: &LoadError, err: &mut dyn Write) -> u8 {
    let text = match e {
        LoadError::Invalid { .. } => e.to_string(),
        _ => one_line(&e.to_string()),
    };
    fail(&format!("{text}\n"), e.exit_code(), err)
}
