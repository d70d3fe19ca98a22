//! `briefing export`: JSON as data (actors by id) and Markdown that a
//! `CommonMark` parser reads back with every verbatim string unchanged,
//! hostile ones included.

// A panic in a test is a failing test, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use briefing::briefing::{
    Actor, ActorKind, Briefing, Figure, Quote, Relation, Section, Source, SourceKind, load_bundled,
};
use briefing::export::{ExportFormat, export, render};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Strings that mean something to Markdown or HTML.
const HOSTILE: &[&str] = &[
    "*bold* _it_ **strong** __init__ x_y_z 100 * 3",
    "# not a heading",
    "#hashtag and a closing #",
    "<b>html</b> &amp; &#65; &copy",
    "`code` and ``more``",
    "> not a quote",
    "1. not a list",
    "10) not a list either",
    "- not a list",
    "+ plus",
    "* star",
    "[link](http://example.org) ![img](x.png) [ref]",
    "[ref]: http://example.org",
    "<http://example.org>",
    "a trailing backslash \\",
    "\\* already escaped",
    "  spaces at both ends  ",
    "a line\nbreak and\n# a heading after it",
    "two spaces before a break  \nhere",
    "---",
    "***",
    "===",
    "~~~ fence",
    "``` fence",
    "~~strike~~",
    "    indented like code",
    "| a | b |",
    "«Zitat» „Zitat“ – é ü ß 😀",
];

/// A briefing of plain words, every field different.
fn plain() -> Briefing {
    let actor = |id: &str| Actor {
        id: id.to_string(),
        name: format!("Name {id}"),
        kind: ActorKind::Person,
        role: format!("Role {id}"),
        aliases: vec![format!("Alias {id}")],
    };
    Briefing {
        lang: "de".into(),
        title: "Title".into(),
        lede: "Lede".into(),
        summary: vec!["Point one".into(), "Point two".into()],
        topics: vec!["Topic".into()],
        article: None,
        actors: vec![actor("a"), actor("b")],
        relations: vec![Relation {
            from: 0,
            to: 1,
            what: "What".into(),
            attribution: Some(1),
            qualifier: Some("Hedge".into()),
            excerpt: Some("Relation excerpt".into()),
        }],
        figures: vec![Figure {
            value: "Value".into(),
            number: Some(1.0),
            unit: Some("Unit".into()),
            label: "Label".into(),
            qualifier: Some("Qualifier".into()),
            attribution: Some(0),
            excerpt: "Figure excerpt".into(),
        }],
        quotes: vec![Quote {
            text: "Quote".into(),
            speaker: 0,
            context: "Context".into(),
        }],
        sections: vec![
            Section {
                heading: None,
                paragraphs: vec!["First paragraph".into()],
            },
            Section {
                heading: Some("Heading".into()),
                paragraphs: vec!["Second paragraph".into()],
            },
        ],
        sources: vec![Source {
            name: "Source".into(),
            kind: SourceKind::Media,
            actor: Some(0),
            cited_for: "Cited for".into(),
        }],
    }
}

/// Each verbatim field of a briefing, as a way to set it.
/// Sets one field of a briefing.
type Setter = fn(&mut Briefing, &str);

const SLOTS: &[(&str, Setter)] = &[
    ("title", |b, t| b.title = t.into()),
    ("lede", |b, t| b.lede = t.into()),
    ("summary point", |b, t| b.summary[1] = t.into()),
    ("quote", |b, t| b.quotes[0].text = t.into()),
    ("figure excerpt", |b, t| b.figures[0].excerpt = t.into()),
    ("relation excerpt", |b, t| {
        b.relations[0].excerpt = Some(t.into());
    }),
    ("heading", |b, t| b.sections[1].heading = Some(t.into())),
    ("first paragraph", |b, t| {
        b.sections[0].paragraphs[0] = t.into();
    }),
    ("paragraph after a heading", |b, t| {
        b.sections[1].paragraphs[0] = t.into();
    }),
];

/// Every verbatim string of a briefing.
fn verbatim(b: &Briefing) -> Vec<&str> {
    let mut out = vec![b.title.as_str(), b.lede.as_str()];
    out.extend(b.summary.iter().map(String::as_str));
    out.extend(b.quotes.iter().map(|q| q.text.as_str()));
    out.extend(b.figures.iter().map(|f| f.excerpt.as_str()));
    out.extend(b.relations.iter().filter_map(|r| r.excerpt.as_deref()));
    for s in &b.sections {
        out.extend(s.heading.as_deref());
        out.extend(s.paragraphs.iter().map(String::as_str));
    }
    out
}

/// The text of every paragraph, heading and list item of a `CommonMark`
/// document, and the inline markup (emphasis, code, links, HTML) read.
fn blocks(markdown: &str) -> (Vec<String>, Vec<String>) {
    let mut texts = Vec::new();
    let mut markup = Vec::new();
    let mut open: Vec<String> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => {
                open.push(String::new());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                texts.extend(open.pop().filter(|t| !t.is_empty()));
            }
            Event::Text(t) => open.last_mut().unwrap().push_str(&t),
            Event::SoftBreak | Event::HardBreak => open.last_mut().unwrap().push('\n'),
            Event::Start(
                tag @ (Tag::Emphasis
                | Tag::Strong
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock),
            ) => markup.push(format!("{tag:?}")),
            Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => markup.push(t.to_string()),
            _ => {}
        }
    }
    (texts, markup)
}

#[test]
fn every_verbatim_string_survives_a_commonmark_parse() {
    let b = load_bundled().unwrap();
    let markdown = render(&b, ExportFormat::Markdown).unwrap();
    let (texts, markup) = blocks(&markdown);
    for s in verbatim(&b) {
        assert!(
            texts.iter().any(|t| t == s),
            "not read back: {s:?}\n{markdown}"
        );
    }
    // Only our own bold names of actors and sources.
    assert!(markup.iter().all(|m| m == "Strong"), "{markup:?}");
}

#[test]
fn hostile_strings_survive_a_commonmark_parse_in_every_field() {
    for text in HOSTILE {
        for (field, set) in SLOTS {
            let mut b = plain();
            set(&mut b, text);
            let markdown = render(&b, ExportFormat::Markdown).unwrap();
            let (texts, _) = blocks(&markdown);
            assert!(
                texts.iter().any(|t| t == text),
                "{text:?} as the {field} is not read back; blocks: {texts:#?}\n{markdown}"
            );
        }
    }
}

#[test]
fn the_markdown_has_a_heading_per_pane_and_quotes_with_their_speaker() {
    let b = load_bundled().unwrap();
    let markdown = render(&b, ExportFormat::Markdown).unwrap();
    for pane in [
        "Überblick",
        "Kennzahlen",
        "Zitate",
        "Akteure",
        "Volltext",
        "Quellen",
    ] {
        assert!(markdown.contains(&format!("\n## {pane}\n")), "{pane}");
    }
    assert!(markdown.starts_with("# Nordkorea und Russland intensivieren Beziehungen\n"));
    assert!(markdown.contains(
        "> Das Potenzial für die Entwicklung unserer Beziehungen ist sehr gross.\n>\n> — Dmitri Peskow"
    ));
    assert!(markdown.contains("Vorbehalt: soll · laut südkoreanischer Verteidigungsminister"));
    // Quotes are block quotes: the parser sees them so.
    let quoted = Parser::new(&markdown)
        .filter(|e| matches!(e, Event::Start(Tag::BlockQuote(_))))
        .count();
    assert!(quoted >= b.quotes.len() + b.figures.len());
}

#[test]
fn json_refers_to_actors_by_id() {
    let mut out = Vec::new();
    let mut err = Vec::new();
    assert_eq!(export(ExportFormat::Json, None, &mut out, &mut err), 0);
    assert!(err.is_empty());
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["article"], "sources/article.de.txt");
    assert_eq!(json["quotes"][3]["speaker"], "dmitri-peskow");
    assert_eq!(
        json["figures"][2]["attribution"],
        "suedkoreanischer-verteidigungsminister"
    );
    assert!(
        json["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"].is_string())
    );
}

#[test]
fn formats_by_keyword() {
    for f in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_keyword(f.keyword()), Some(f));
    }
    assert_eq!(ExportFormat::from_keyword("yaml"), None);
}
