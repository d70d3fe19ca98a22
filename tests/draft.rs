//! `briefing new`: the draft of an article passes the loader and `verify`
//! unchanged, cuts the article into title, lede, summary and sections as
//! it is shaped, and offers the quotes and numbers as candidates.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use briefing::briefing::{Briefing, parse};
use briefing::provenance::{draft_text, verify_text};

const BUNDLED_ARTICLE: &str = include_str!("../content/sources/article.de.txt");
const DE_LISTS: &str = include_str!("fixtures/articles/de-listen.txt");
const EN_PLAIN: &str = include_str!("fixtures/articles/en-plain.txt");
const EN_LINES: &str = include_str!("fixtures/articles/en-lines.txt");

/// The draft of `article`, loaded; it must verify against the article.
fn draft(article: &str) -> (String, Briefing) {
    let text = draft_text(article, "article.txt", "article.txt").expect("a draft");
    let b = parse(&text, "draft.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
    let problems = verify_text(&text, "draft.toml", article, "article.txt").unwrap();
    assert!(problems.is_empty(), "{}\n{text}", problems.join("\n"));
    (text, b)
}

/// The commented-out `key = "..."` values of one candidate group.
fn candidates(draft: &str, group: &str, key: &str) -> Vec<String> {
    let start = draft
        .find(group)
        .unwrap_or_else(|| panic!("no group {group:?}"));
    let rest = &draft[start + group.len()..];
    let end = rest.find("# ----").unwrap_or(rest.len());
    let prefix = format!("# {key} = ");
    rest[..end]
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|v| {
            toml::from_str::<toml::Table>(&format!("v = {v}")).unwrap()["v"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn headings(b: &Briefing) -> Vec<Option<&str>> {
    b.sections.iter().map(|s| s.heading.as_deref()).collect()
}

#[test]
fn the_bundled_article() {
    let (text, b) = draft(BUNDLED_ARTICLE);
    assert!(text.starts_with("#:schema ../schema/briefing.schema.json\n"));
    assert_eq!(b.lang, "de");
    assert_eq!(b.article.as_deref(), Some("article.txt"));
    assert_eq!(b.title, "Nordkorea und Russland intensivieren Beziehungen");
    assert!(b.lede.starts_with("Wladimir Putin und Kim Jong-un könnten"));
    assert_eq!(b.summary.len(), 3);
    assert!(
        b.summary[0].starts_with("Russlands Präsident"),
        "the marker is not part of the point"
    );
    assert_eq!(
        headings(&b),
        [
            None,
            Some("Putin besucht Kim Jong-un in Pjöngjang"),
            Some("Nordkorea als einer von drei mächtigen Verbündeten"),
        ]
    );
    assert!(b.sections.iter().all(|s| s.paragraphs.len() == 2));
    let full = candidates(&text, "full quotes", "text");
    assert_eq!(full.len(), 2);
    assert!(full[0].starts_with("Wir erwarten, dass sich Putin"));
    assert_eq!(
        full[1],
        "Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross."
    );
    assert_eq!(
        candidates(&text, "partial quotes", "text"),
        [
            "Auf die Provokationen Nordkoreas gegen Südkorea",
            "enger Zusammenarbeit"
        ]
    );
    assert_eq!(
        candidates(&text, "Names in quotation marks", "name"),
        ["Bloomberg", "Frankfurter Rundschau"]
    );
    assert_eq!(
        candidates(&text, "Figure candidates", "value"),
        ["4,8 Millionen", "10'000", "4,8 Millionen"]
    );
    assert!(candidates(&text, "Figure candidates", "excerpt").contains(
        &"Darin befanden sich mutmasslich um die 4,8 Millionen Artilleriegeschosse.".to_string()
    ));
}

#[test]
fn uncommented_candidates_verify_too() {
    // Filled in and uncommented, every quote and figure candidate passes.
    let (text, _) = draft(BUNDLED_ARTICLE);
    let mut filled = text.replace("# speaker = \"\"", "speaker = \"x\"");
    for key in [
        "[[quotes]]",
        "text =",
        "context =",
        "[[figures]]",
        "value =",
        "number =",
        "excerpt =",
    ] {
        filled = filled.replace(&format!("# {key}"), key);
    }
    filled = filled.replace("# label = \"\"", "label = \"l\"");
    // The candidates precede the sections, so the actors go first.
    let filled = filled.replacen(
        "\n# ---- Quote candidates",
        "\n[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\n\n# ---- Quote candidates",
        1,
    );
    let b = parse(&filled, "filled.toml").unwrap_or_else(|e| panic!("{e}\n{filled}"));
    assert_eq!(b.quotes.len(), 4);
    assert_eq!(b.figures.len(), 3);
    let problems = verify_text(&filled, "filled.toml", BUNDLED_ARTICLE, "a.txt").unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_german_article_with_lists_and_wrapped_paragraphs() {
    let (text, b) = draft(DE_LISTS);
    assert_eq!(b.lang, "de");
    assert_eq!(b.title, "Stadtrat beschliesst neues Verkehrskonzept");
    assert_eq!(
        b.lede,
        "Der Stadtrat hat am Dienstag ein neues Verkehrskonzept verabschiedet. Es soll die Innenstadt bis 2030 weitgehend autofrei machen."
    );
    assert_eq!(
        b.summary,
        [
            "Ab 2026 werden 1200 Parkplätze in der Altstadt aufgehoben.",
            "Die Buslinien 3 und 7 fahren künftig im Fünf-Minuten-Takt.",
            "Velowege werden um 14,5 Kilometer verlängert.",
        ]
    );
    assert_eq!(
        headings(&b),
        [Some("Reaktionen"), Some("Was noch offen ist")]
    );
    assert_eq!(b.sections[0].paragraphs.len(), 2);
    assert!(
        b.sections[0].paragraphs[0]
            .contains("warnte: „Wir befürchten, dass die Läden in der Altstadt Kundschaft")
    );
    assert_eq!(
        b.sections[1].paragraphs,
        [
            "Offen bleibt, wie die Anlieferung für die Geschäfte geregelt wird:",
            "- Zeitfenster am Morgen",
            "- eine Ausnahme für Elektrofahrzeuge",
        ]
    );
    assert_eq!(
        candidates(&text, "full quotes", "text"),
        ["Wir befürchten, dass die Läden in der Altstadt Kundschaft verlieren werden."]
    );
    assert_eq!(
        candidates(&text, "partial quotes", "text"),
        ["historischen Tag für die Stadt"]
    );
    assert_eq!(
        candidates(&text, "Names in quotation marks", "name"),
        ["Landbote"]
    );
    let values = candidates(&text, "Figure candidates", "value");
    assert!(values.contains(&"85 Millionen".to_string()), "{values:?}");
    assert!(values.contains(&"14,5".to_string()), "{values:?}");
}

#[test]
fn an_english_article_without_sub_headings() {
    let (text, b) = draft(EN_PLAIN);
    assert_eq!(b.lang, "en");
    assert_eq!(b.title, "Harbour authority approves second ferry terminal");
    assert!(b.lede.starts_with("The harbour authority on Thursday"));
    assert!(b.summary.is_empty());
    assert_eq!(headings(&b), [None]);
    assert_eq!(b.sections[0].paragraphs.len(), 3);
    assert_eq!(
        candidates(&text, "full quotes", "text"),
        [
            "This is the right decision for the region,",
            "We were promised a quieter harbour, and now we get twice the traffic,",
        ]
    );
    assert_eq!(
        candidates(&text, "partial quotes", "text"),
        ["as early as next spring"]
    );
    assert!(
        text.contains("# value = \"2.5 million\"\n# number = 2500000.0"),
        "{text}"
    );
    assert!(
        text.contains("# value = \"310 million\"\n# number = 310000000.0"),
        "{text}"
    );
}

#[test]
fn an_english_article_one_line_per_paragraph_with_lists() {
    let (_, b) = draft(EN_LINES);
    assert_eq!(b.lang, "en");
    assert_eq!(b.title, "Council votes to keep the night bus");
    assert_eq!(
        b.summary,
        [
            "The service costs 1,200,000 pounds a year.",
            "Ridership rose by 18 percent since 2022.",
        ]
    );
    assert_eq!(
        headings(&b),
        [Some("Why it matters"), Some("What happens next")]
    );
    assert_eq!(
        b.sections[1].paragraphs,
        ["* A review is due in spring.", "* Fares stay as they are."]
    );
}

#[test]
fn an_article_without_text_has_no_draft() {
    assert_eq!(draft_text("", "a", "a"), None);
    assert_eq!(draft_text(" \n\n \n", "a", "a"), None);
}
