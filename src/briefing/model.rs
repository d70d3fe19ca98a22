//! The validated briefing: plain data, every reference resolved to an index.

use serde::Serialize;

/// Index of an actor in [`Briefing::actors`].
pub type ActorIx = usize;

/// One article as structured, validated content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Briefing {
    /// Language tag of the content, lower case (`de`, `en`, ...).
    pub lang: String,
    /// Headline.
    pub title: String,
    /// Paragraph under the headline (may be empty).
    pub lede: String,
    /// Key points.
    pub summary: Vec<String>,
    /// Topic keywords.
    pub topics: Vec<String>,
    /// The source article, as a path relative to the briefing file.
    pub article: Option<String>,
    /// Everyone and everything the article names.
    pub actors: Vec<Actor>,
    /// What the article reports between actors.
    pub relations: Vec<Relation>,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// The full text.
    pub sections: Vec<Section>,
    /// Outlets and bodies cited.
    pub sources: Vec<Source>,
}

/// What sort of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named or described person.
    Person,
    /// A state or government.
    State,
    /// A body, ministry, company or party.
    Organisation,
    /// A newspaper, agency or broadcaster.
    Media,
}

impl ActorKind {
    /// All kinds, in display order.
    pub const ALL: [ActorKind; 4] = [Self::Person, Self::State, Self::Organisation, Self::Media];

    /// The keyword used in briefing files.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::State => "state",
            Self::Organisation => "organisation",
            Self::Media => "media",
        }
    }
}

/// A person, state, organisation or outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Identifier used in the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// What the article says the actor is or does.
    pub role: String,
    /// Other forms of the name.
    pub aliases: Vec<String>,
}

/// Something the article reports between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Where it starts.
    pub from: ActorIx,
    /// Where it points.
    pub to: ActorIx,
    /// What passes between them.
    pub what: String,
    /// Who says so.
    pub attribution: Option<ActorIx>,
    /// The hedge.
    pub qualifier: Option<String>,
    /// The verbatim passage.
    pub excerpt: Option<String>,
}

/// A key figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// As shown ("4,8 Mio.").
    pub value: String,
    /// As a number, when it is one.
    pub number: Option<f64>,
    /// Unit of the number.
    pub unit: Option<String>,
    /// What is counted.
    pub label: String,
    /// The hedge.
    pub qualifier: Option<String>,
    /// Who says so.
    pub attribution: Option<ActorIx>,
    /// The verbatim passage.
    pub excerpt: String,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words, verbatim.
    pub text: String,
    /// Who said them.
    pub speaker: ActorIx,
    /// When and why.
    pub context: String,
}

/// A part of the full text.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Sub-heading, if any.
    pub heading: Option<String>,
    /// Paragraphs, verbatim.
    pub paragraphs: Vec<String>,
}

/// What sort of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A newspaper, agency or broadcaster.
    Media,
    /// A government, ministry or official.
    Official,
    /// A report or other document.
    Document,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// All kinds.
    pub const ALL: [SourceKind; 4] = [Self::Media, Self::Official, Self::Document, Self::Other];

    /// The keyword used in briefing files.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Media => "media",
            Self::Official => "official",
            Self::Document => "document",
            Self::Other => "other",
        }
    }
}

/// An outlet or body the article cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Name.
    pub name: String,
    /// What sort.
    pub kind: SourceKind,
    /// The same outlet or body as an actor.
    pub actor: Option<ActorIx>,
    /// What it is cited for.
    pub cited_for: String,
}
