//! The entry points of `verify`, `new` and `export` as the command line
//! calls them: files, exit codes, what goes to stdout and stderr, a closed
//! pipe, and paths printed on one line.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use briefing::briefing::{BUNDLED, parse};
use briefing::export::{ExportFormat, export};
use briefing::provenance::{new_draft, verify};

const ARTICLE: &str = include_str!("../content/sources/article.de.txt");

/// A fresh directory of its own for one test, removed after it.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("briefing-commands-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    Scratch(dir)
}

/// The bundled briefing and its article laid out as in `content/`; the
/// directory and the briefing's path.
fn layout(name: &str, briefing: &str) -> (Scratch, PathBuf) {
    let dir = scratch(name);
    std::fs::write(dir.0.join("sources/article.de.txt"), ARTICLE).unwrap();
    let path = dir.0.join("b.toml");
    std::fs::write(&path, briefing).unwrap();
    (dir, path)
}

/// Runs an entry point; its code, stdout and stderr.
fn run(f: impl FnOnce(&mut dyn Write, &mut dyn Write) -> u8) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = f(&mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A writer whose reader has gone away.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

#[test]
fn verify_finds_the_article_beside_the_briefing() {
    let (_dir, path) = layout("beside", BUNDLED);
    let (code, out, err) = run(|o, e| verify(&path, None, o, e));
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty());
    assert_eq!(
        out,
        format!(
            "{}: verified against {}\n",
            path.display(),
            path.parent()
                .unwrap()
                .join("sources/article.de.txt")
                .display()
        )
    );
}

#[test]
fn verify_reports_problems_on_stderr_with_exit_2() {
    let mutated = BUNDLED.replacen("ist sehr gross.\"", "ist sehr grosz.\"", 1);
    let (_dir, path) = layout("problem", &mutated);
    let source = path.parent().unwrap().join("sources/article.de.txt");
    let (code, out, err) = run(|o, e| verify(&path, Some(&source), o, e));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    let want = format!("{}:", path.display());
    assert!(err.starts_with(&want), "{err}");
    assert!(err.contains(&format!("({}:13:", source.display())), "{err}");
}

#[test]
fn verify_without_an_article_is_a_usage_error() {
    let without = BUNDLED.replacen("article = \"sources/article.de.txt\"\n", "", 1);
    let (_dir, path) = layout("no-article", &without);
    let (code, _, err) = run(|o, e| verify(&path, None, o, e));
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("no article to verify against"), "{err}");
}

#[test]
fn verify_with_a_missing_article_or_briefing_is_an_io_error() {
    let (_dir, path) = layout("missing", BUNDLED);
    std::fs::remove_file(path.parent().unwrap().join("sources/article.de.txt")).unwrap();
    let (code, _, err) = run(|o, e| verify(&path, None, o, e));
    assert_eq!(code, 1);
    assert!(err.contains("cannot read: no such file"), "{err}");
    let nowhere = path.with_file_name("nowhere.toml");
    let (code, _, err) = run(|o, e| verify(&nowhere, None, o, e));
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn verify_of_an_invalid_briefing_prints_the_loader_s_problems() {
    let (_dir, path) = layout("invalid", "schema = 1\nlang = \"de\"\ncolour = 1\n");
    let (code, _, err) = run(|o, e| verify(&path, None, o, e));
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `colour`"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let (_dir, path) = layout("pipe", BUNDLED);
    let mut err = Vec::new();
    assert_eq!(verify(&path, None, &mut ClosedPipe, &mut err), 0);
    let article = path.parent().unwrap().join("sources/article.de.txt");
    assert_eq!(new_draft(&article, &mut ClosedPipe, &mut err), 0);
    assert_eq!(
        export(ExportFormat::Markdown, None, &mut ClosedPipe, &mut err),
        0
    );
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
}

#[test]
fn paths_are_printed_on_one_line() {
    let scratch = scratch("odd-name");
    let dir = &scratch.0;
    let odd = dir.join("a\nb\u{1b}[31m.toml");
    std::fs::write(&odd, "schema = 1\n").unwrap();
    let (code, _, err) = run(|o, e| verify(&odd, None, o, e));
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    for line in err.lines() {
        assert!(line.starts_with(&dir.display().to_string()), "{err:?}");
    }
    let (code, _, err) = run(|o, e| new_draft(&dir.join("no\nsuch.txt"), o, e));
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    let (code, _, err) = run(|o, e| export(ExportFormat::Json, Some(&odd), o, e));
    assert_eq!(code, 2);
    for line in err.lines() {
        assert!(line.starts_with(&dir.display().to_string()), "{err:?}");
    }
}

#[test]
fn new_prints_a_draft_that_loads_and_verifies() {
    let (_dir, path) = layout("new", BUNDLED);
    let dir = path.parent().unwrap();
    let article = Path::new("sources/article.de.txt");
    let (code, out, err) = run(|o, e| new_draft(&dir.join(article), o, e));
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty());
    let b = parse(&out, "draft").unwrap();
    // Saved beside the article's folder with the key set to match, it verifies.
    let draft = out.replacen(
        &format!("article = {:?}", dir.join(article).display().to_string()),
        "article = \"sources/article.de.txt\"",
        1,
    );
    assert_ne!(draft, out, "the draft's `article` is the path given");
    let saved = dir.join("draft.toml");
    std::fs::write(&saved, draft).unwrap();
    let (code, _, err) = run(|o, e| verify(&saved, None, o, e));
    assert_eq!(code, 0, "{err}");
    assert_eq!(b.title, "Nordkorea und Russland intensivieren Beziehungen");
}

#[test]
fn new_refuses_an_empty_or_missing_article() {
    let scratch = scratch("new-empty");
    let dir = &scratch.0;
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n \n").unwrap();
    let (code, out, err) = run(|o, e| new_draft(&empty, o, e));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("no text to draft a briefing from"), "{err}");
    let (code, _, err) = run(|o, e| new_draft(&dir.join("none.txt"), o, e));
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn export_writes_json_and_markdown_and_reports_bad_files() {
    let (code, out, _) = run(|o, e| export(ExportFormat::Json, None, o, e));
    assert_eq!(code, 0);
    assert!(out.starts_with("{\n"));
    let (code, out, _) = run(|o, e| export(ExportFormat::Markdown, None, o, e));
    assert_eq!(code, 0);
    assert!(out.starts_with("# Nordkorea"));
    let (_dir, path) = layout("export-bad", "schema = 1\n");
    let (code, out, err) = run(|o, e| export(ExportFormat::Json, Some(&path), o, e));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("missing `lang`"), "{err}");
}
