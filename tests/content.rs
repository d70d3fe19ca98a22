//! The bundled briefing is faithful to its source: every quote, excerpt and
//! paragraph stands verbatim in the article, and every line of the article
//! is in the briefing.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use briefing::briefing::{Briefing, load_bundled};

const ARTICLE: &str = include_str!("../content/sources/article.de.txt");

fn bundled() -> Briefing {
    load_bundled().expect("the bundled briefing loads")
}

/// Every line of the article, as the briefing must hold it.
fn article_lines() -> Vec<&'static str> {
    ARTICLE
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect()
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
fn every_quote_excerpt_and_paragraph_is_verbatim() {
    let b = bundled();
    let mut verbatim: Vec<(&str, &str)> = vec![("title", &b.title), ("lede", &b.lede)];
    verbatim.extend(b.summary.iter().map(|s| ("summary", s.as_str())));
    verbatim.extend(b.quotes.iter().map(|q| ("quote", q.text.as_str())));
    verbatim.extend(
        b.figures
            .iter()
            .map(|f| ("figure excerpt", f.excerpt.as_str())),
    );
    verbatim.extend(
        b.relations
            .iter()
            .filter_map(|r| r.excerpt.as_deref())
            .map(|e| ("relation excerpt", e)),
    );
    for s in &b.sections {
        verbatim.extend(s.heading.as_deref().map(|h| ("heading", h)));
        verbatim.extend(s.paragraphs.iter().map(|p| ("paragraph", p.as_str())));
    }
    for (what, text) in verbatim {
        assert!(
            ARTICLE.contains(text),
            "{what} is not verbatim in the article: {text:?}"
        );
    }
}

#[test]
fn quotes_stand_in_guillemets_in_the_article() {
    for q in bundled().quotes {
        assert!(
            ARTICLE.contains(&format!("«{}»", q.text)),
            "not a direct quote: {:?}",
            q.text
        );
    }
}

#[test]
fn every_line_of_the_article_is_in_the_briefing() {
    let b = bundled();
    let mut held: Vec<String> = vec![
        b.title.clone(),
        b.lede.clone(),
        "Das Wichtigste in Kürze".into(),
    ];
    held.extend(b.summary.iter().map(|s| format!("- {s}")));
    for s in &b.sections {
        held.extend(s.heading.clone());
        held.extend(s.paragraphs.iter().cloned());
    }
    for line in article_lines() {
        assert!(
            held.iter().any(|h| h == line),
            "article line missing from the briefing: {line:?}"
        );
    }
    let paragraphs: usize = b
        .sections
        .iter()
        .map(|s| s.paragraphs.len() + usize::from(s.heading.is_some()))
        .sum();
    assert_eq!(
        paragraphs + 3 + b.summary.len(),
        article_lines().len(),
        "the briefing holds extra lines"
    );
}

#[test]
fn aliases_and_topics_are_words_of_the_article() {
    let b = bundled();
    for a in &b.actors {
        for alias in &a.aliases {
            assert!(
                ARTICLE.contains(alias.as_str()),
                "alias {alias:?} of {} is not in the article",
                a.id
            );
        }
    }
    for t in &b.topics {
        assert!(
            ARTICLE.contains(t.as_str()),
            "topic {t:?} is not in the article"
        );
    }
}

#[test]
fn no_number_is_invented() {
    // Every figure the briefing states, in any text, appears in the article:
    // no invented dates, counts or amounts.
    let b = bundled();
    let mut texts: Vec<&str> = vec![];
    texts.extend(b.actors.iter().map(|a| a.role.as_str()));
    texts.extend(b.relations.iter().map(|r| r.what.as_str()));
    texts.extend(
        b.figures
            .iter()
            .flat_map(|f| [f.value.as_str(), f.label.as_str()]),
    );
    texts.extend(b.quotes.iter().map(|q| q.context.as_str()));
    texts.extend(b.sources.iter().map(|s| s.cited_for.as_str()));
    for text in texts {
        let numbers = text
            .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '\''))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()));
        for n in numbers {
            let n = n.trim_matches(|c| c == ',' || c == '\'');
            assert!(
                ARTICLE.contains(n),
                "number {n:?} in {text:?} is not in the article"
            );
        }
    }
    for f in &b.figures {
        if let Some(n) = f.number {
            assert!(n.is_finite() && n >= 0.0);
        }
    }
}

#[test]
fn hedges_stay_with_their_claims() {
    let b = bundled();
    for f in &b.figures {
        if let Some(q) = &f.qualifier {
            assert!(
                f.excerpt.contains(q.as_str()),
                "hedge {q:?} is not in its excerpt {:?}",
                f.excerpt
            );
        }
    }
    for r in &b.relations {
        if let (Some(q), Some(e)) = (&r.qualifier, &r.excerpt) {
            assert!(
                e.contains(q.as_str()),
                "hedge {q:?} is not in its excerpt {e:?}"
            );
        }
    }
    // The article's own hedges "soll" and "mutmasslich" are kept somewhere.
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
