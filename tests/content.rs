//! The bundled briefing is faithful to its source. The checks are
//! `briefing verify`'s own (every verbatim string verbatim, every line of
//! the article covered in order, quotes in quotation marks, hedges and
//! numbers with their excerpts, aliases and topics words of the article);
//! what is left here is particular to this briefing.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::Path;

use briefing::briefing::{BUNDLED, Briefing, load_bundled};
use briefing::provenance::verify_text;

const ARTICLE: &str = include_str!("../content/sources/article.de.txt");

fn bundled() -> Briefing {
    load_bundled().expect("the bundled briefing loads")
}

#[test]
fn bundled_briefing_is_valid_and_complete() {
    let b = bundled();
    assert_eq!(b.lang, "de");
    assert_eq!(b.summary.len(), 3);
    assert!(!b.topics.is_empty());
    assert!(b.actors.len() >= 15, "{} actors", b.actors.len());
    assert!(!b.relations.is_empty());
    assert!(b.figures.len() >= 4);
    assert!(!b.quotes.is_empty());
    assert!(!b.sources.is_empty());
}

#[test]
fn the_bundled_briefing_verifies_against_its_article() {
    let problems = verify_text(
        BUNDLED,
        "nordkorea-russland.toml",
        ARTICLE,
        "article.de.txt",
    )
    .expect("the bundled briefing loads");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_article_key_names_the_article_beside_it() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let key = bundled().article.expect("an `article` key");
    assert_eq!(key, "sources/article.de.txt");
    assert_eq!(std::fs::read_to_string(content.join(key)).unwrap(), ARTICLE);
}

#[test]
fn the_first_line_tells_editors_the_schema() {
    let first = BUNDLED.lines().next().unwrap();
    let path = first
        .strip_prefix("#:schema ")
        .expect("a #:schema directive");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join(path);
    assert!(schema.is_file(), "{} is no file", schema.display());
}

#[test]
fn the_article_s_own_hedges_are_kept() {
    let b = bundled();
    assert!(
        b.figures
            .iter()
            .any(|f| f.qualifier.as_deref() == Some("soll"))
    );
    assert!(b.figures.iter().any(|f| {
        f.qualifier
            .as_deref()
            .is_some_and(|q| q.contains("mutmasslich"))
    }));
}
