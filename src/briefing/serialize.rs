//! `Serialize` for the briefing, in the shape of its file: actors referred
//! to by id, optional fields left out when absent.
//!
//! The JSON export writes this shape, and `schema/briefing.schema.json` is
//! generated from these types (by a test), so the file format, the schema
//! and the export are one definition. The doc comments below become the
//! schema's descriptions, which editors show: they speak to authors.

use serde::{Serialize, Serializer};

use super::model::{
    ActorIx, ActorKind, Briefing, Figure, Quote, Relation, Section, Source, SourceKind,
};

impl Serialize for Briefing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        BriefingFile::of(self).serialize(serializer)
    }
}

/// Whether a string field is absent (the model keeps absent text as "").
fn is_empty(text: &&str) -> bool {
    text.is_empty()
}

/// A briefing: one news article turned into structured content (summary,
/// figures, quotes, actors and relations, full text, sources).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "briefing", deny_unknown_fields)]
pub(crate) struct BriefingFile<'a> {
    /// Version of the file format: 1.
    #[cfg_attr(test, schemars(extend("const" = 1)))]
    schema: u8,
    /// Language of the content, a language tag such as "de" or "en";
    /// the interface labels and hyphenation follow it.
    #[cfg_attr(
        test,
        schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))
    )]
    lang: &'a str,
    /// Headline, verbatim from the article.
    #[cfg_attr(test, schemars(length(min = 1)))]
    title: &'a str,
    /// The paragraph under the headline, verbatim.
    #[serde(default, skip_serializing_if = "is_empty")]
    lede: &'a str,
    /// The key points ("Das Wichtigste in Kürze"), each verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    summary: Vec<&'a str>,
    /// Topic keywords, each a word of the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    topics: Vec<&'a str>,
    /// The source article as plain text, a path relative to this file;
    /// `briefing verify` checks the briefing against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    /// Everyone and everything the article names: people, states,
    /// organisations, media.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    actors: Vec<ActorEntry<'a>>,
    /// What the article reports between two actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    relations: Vec<RelationEntry<'a>>,
    /// Key figures, each with the passage it comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    figures: Vec<FigureEntry<'a>>,
    /// Direct quotes, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    quotes: Vec<QuoteEntry<'a>>,
    /// The full text: sections with an optional sub-heading and paragraphs,
    /// verbatim and in the article's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    sections: Vec<SectionEntry<'a>>,
    /// Outlets and bodies the article cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    sources: Vec<SourceEntry<'a>>,
}

/// A person, state, organisation or outlet the article names.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "actor", deny_unknown_fields)]
struct ActorEntry<'a> {
    /// Identifier that other entries refer to: 1 to 64 characters of
    /// a-z, 0-9, `-` and `_`.
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    id: &'a str,
    /// Display name.
    #[cfg_attr(test, schemars(length(min = 1)))]
    name: &'a str,
    /// What sort of actor.
    kind: ActorKind,
    /// What the article says the actor is or does.
    #[serde(default, skip_serializing_if = "is_empty")]
    role: &'a str,
    /// Other forms of the name as they occur in the article, for finding
    /// mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<&'a str>,
}

/// Something the article reports between two actors.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "relation", deny_unknown_fields)]
struct RelationEntry<'a> {
    /// Id of the actor the relation starts from.
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    from: &'a str,
    /// Id of the actor the relation points to (not the same as `from`).
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    to: &'a str,
    /// What passes between them.
    #[cfg_attr(test, schemars(length(min = 1)))]
    what: &'a str,
    /// Id of the actor who says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    attribution: Option<&'a str>,
    /// The hedge as worded in the article ("soll", "mutmasslich"); it must
    /// occur in the excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'a str>,
    /// The passage the relation rests on, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    excerpt: Option<&'a str>,
}

/// A key figure.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "figure", deny_unknown_fields)]
struct FigureEntry<'a> {
    /// The value as shown ("4,8 Mio."); every number in it must occur in
    /// the excerpt.
    #[cfg_attr(test, schemars(length(min = 1)))]
    value: &'a str,
    /// The value as a number, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(range(min = -1e18, max = 1e18)))]
    number: Option<f64>,
    /// Unit of the number ("Geschosse").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    /// What is counted.
    #[cfg_attr(test, schemars(length(min = 1)))]
    label: &'a str,
    /// The hedge as worded in the article ("etwa", "soll"); it must occur
    /// in the excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'a str>,
    /// Id of the actor who says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    attribution: Option<&'a str>,
    /// The passage the figure comes from, verbatim.
    #[cfg_attr(test, schemars(length(min = 1)))]
    excerpt: &'a str,
}

/// A direct quote.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "quote", deny_unknown_fields)]
struct QuoteEntry<'a> {
    /// The words, verbatim, without the quotation marks around them in the
    /// article.
    #[cfg_attr(test, schemars(length(min = 1)))]
    text: &'a str,
    /// Id of the actor who said them.
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    speaker: &'a str,
    /// When and why they were said.
    #[serde(default, skip_serializing_if = "is_empty")]
    context: &'a str,
}

/// A part of the full text.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "section", deny_unknown_fields)]
struct SectionEntry<'a> {
    /// Sub-heading, verbatim; the first section may have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
    /// Paragraphs, verbatim.
    #[cfg_attr(test, schemars(length(max = 50_000)))]
    paragraphs: Vec<&'a str>,
}

/// An outlet or body the article cites.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename = "source", deny_unknown_fields)]
struct SourceEntry<'a> {
    /// Name of the outlet or body.
    #[cfg_attr(test, schemars(length(min = 1)))]
    name: &'a str,
    /// What sort of source (default: other).
    #[serde(default = "other")]
    kind: SourceKind,
    /// Id of the same outlet or body as an actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(regex(pattern = r"^[a-z0-9_-]{1,64}$")))]
    actor: Option<&'a str>,
    /// What the article cites it for.
    #[serde(default, skip_serializing_if = "is_empty")]
    cited_for: &'a str,
}

/// The kind of a source that names none.
#[cfg_attr(not(test), allow(dead_code))]
fn other() -> SourceKind {
    SourceKind::Other
}

impl<'a> BriefingFile<'a> {
    /// The file shape of `b`, borrowing its strings.
    pub(crate) fn of(b: &'a Briefing) -> Self {
        let id = |ix: ActorIx| b.actors.get(ix).map_or("", |a| a.id.as_str());
        Self {
            schema: 1,
            lang: &b.lang,
            title: &b.title,
            lede: &b.lede,
            summary: strs(&b.summary),
            topics: strs(&b.topics),
            article: b.article.as_deref(),
            actors: b
                .actors
                .iter()
                .map(|a| ActorEntry {
                    id: &a.id,
                    name: &a.name,
                    kind: a.kind,
                    role: &a.role,
                    aliases: strs(&a.aliases),
                })
                .collect(),
            relations: b
                .relations
                .iter()
                .map(|r: &'a Relation| RelationEntry {
                    from: id(r.from),
                    to: id(r.to),
                    what: &r.what,
                    attribution: r.attribution.map(id),
                    qualifier: r.qualifier.as_deref(),
                    excerpt: r.excerpt.as_deref(),
                })
                .collect(),
            figures: b
                .figures
                .iter()
                .map(|f: &'a Figure| FigureEntry {
                    value: &f.value,
                    number: f.number,
                    unit: f.unit.as_deref(),
                    label: &f.label,
                    qualifier: f.qualifier.as_deref(),
                    attribution: f.attribution.map(id),
                    excerpt: &f.excerpt,
                })
                .collect(),
            quotes: b
                .quotes
                .iter()
                .map(|q: &'a Quote| QuoteEntry {
                    text: &q.text,
                    speaker: id(q.speaker),
                    context: &q.context,
                })
                .collect(),
            sections: b
                .sections
                .iter()
                .map(|s: &'a Section| SectionEntry {
                    heading: s.heading.as_deref(),
                    paragraphs: strs(&s.paragraphs),
                })
                .collect(),
            sources: b
                .sources
                .iter()
                .map(|s: &'a Source| SourceEntry {
                    name: &s.name,
                    kind: s.kind,
                    actor: s.actor.map(id),
                    cited_for: &s.cited_for,
                })
                .collect(),
        }
    }
}

fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}
