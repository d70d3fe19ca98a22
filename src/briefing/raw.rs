//! The file format as serde types: every field optional and spanned, so that
//! the loader can report every problem, and the validator knows where each is.

use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

use super::text::Text;

/// A spanned optional value, the shape of every field in the raw model.
pub type Field<T> = Option<Spanned<T>>;

/// The top-level keys that are not lists of tables.
#[derive(Debug, Deserialize)]
#[expect(
    dead_code,
    reason = "the list fields exist only to name them in errors"
)]
#[serde(deny_unknown_fields)]
pub struct RawHead {
    /// Format version; must be 1.
    pub schema: Field<i64>,
    /// Language tag of the content (`de`, `en`, ...).
    pub lang: Field<Text>,
    /// Headline.
    pub title: Field<Text>,
    /// Lede: the paragraph under the headline.
    pub lede: Field<Text>,
    /// The key points ("Das Wichtigste in Kürze").
    pub summary: Field<Vec<Spanned<Text>>>,
    /// Topic keywords.
    pub topics: Field<Vec<Spanned<Text>>>,
    /// The source article, a path relative to the briefing file.
    pub article: Field<Text>,
    /// Decoded entry by entry elsewhere; named here so that an unknown
    /// top-level key is told which keys exist.
    pub actors: Option<IgnoredAny>,
    /// See `actors`.
    pub relations: Option<IgnoredAny>,
    /// See `actors`.
    pub figures: Option<IgnoredAny>,
    /// See `actors`.
    pub quotes: Option<IgnoredAny>,
    /// See `actors`.
    pub sections: Option<IgnoredAny>,
    /// See `actors`.
    pub sources: Option<IgnoredAny>,
}

/// One `[[actors]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    /// Identifier that other tables refer to.
    pub id: Field<Text>,
    /// Display name.
    pub name: Field<Text>,
    /// person | state | organisation | media.
    pub kind: Field<Text>,
    /// What the article says the actor is or does.
    pub role: Field<Text>,
    /// Other forms of the name, for finding mentions.
    pub aliases: Field<Vec<Spanned<Text>>>,
}

/// One `[[relations]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    /// Actor id the relation starts from.
    pub from: Field<Text>,
    /// Actor id the relation points to.
    pub to: Field<Text>,
    /// What passes between them.
    pub what: Field<Text>,
    /// Actor id of who says so.
    pub attribution: Field<Text>,
    /// The hedge, as worded in the article.
    pub qualifier: Field<Text>,
    /// The verbatim passage the relation rests on.
    pub excerpt: Field<Text>,
}

/// One `[[figures]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// The value as shown ("4,8 Mio.").
    pub value: Field<Text>,
    /// The value as a number, when it is one.
    pub number: Field<f64>,
    /// Unit of the number.
    pub unit: Field<Text>,
    /// What is counted.
    pub label: Field<Text>,
    /// The hedge, as worded in the article.
    pub qualifier: Field<Text>,
    /// Actor id of who says so.
    pub attribution: Field<Text>,
    /// The verbatim passage the figure comes from.
    pub excerpt: Field<Text>,
}

/// One `[[quotes]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    /// The quote, verbatim, without guillemets.
    pub text: Field<Text>,
    /// Actor id of the speaker.
    pub speaker: Field<Text>,
    /// When and why it was said.
    pub context: Field<Text>,
}

/// One `[[sections]]` table of the full text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Sub-heading; the first section may have none.
    pub heading: Field<Text>,
    /// Paragraphs, verbatim.
    pub paragraphs: Field<Vec<Spanned<Text>>>,
}

/// One `[[sources]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Name of the outlet or body.
    pub name: Field<Text>,
    /// media | official | document | other.
    pub kind: Field<Text>,
    /// Actor id of the same outlet or body, if it is one.
    pub actor: Field<Text>,
    /// What the article cites it for.
    pub cited_for: Field<Text>,
}
