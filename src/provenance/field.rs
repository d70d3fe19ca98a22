//! The strings of a briefing that the checks look at: how each is named in
//! a message, and its text in the model.

use crate::briefing::Briefing;

/// One string of the briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `title`.
    Title,
    /// `lede`.
    Lede,
    /// `summary[i]`.
    Summary(usize),
    /// `topics[i]`.
    Topic(usize),
    /// `actors[a].role`.
    Role(usize),
    /// `actors[a].aliases[i]`.
    Alias(usize, usize),
    /// `relations[r].what`.
    RelationWhat(usize),
    /// `relations[r].qualifier`.
    RelationQualifier(usize),
    /// `relations[r].excerpt`.
    RelationExcerpt(usize),
    /// `figures[f].value`.
    FigureValue(usize),
    /// `figures[f].label`.
    FigureLabel(usize),
    /// `figures[f].qualifier`.
    FigureQualifier(usize),
    /// `figures[f].excerpt`.
    FigureExcerpt(usize),
    /// `quotes[q].text`.
    Quote(usize),
    /// `quotes[q].context`.
    Context(usize),
    /// `sections[s].heading`.
    Heading(usize),
    /// `sections[s].paragraphs[p]`.
    Paragraph(usize, usize),
    /// `sources[s].cited_for`.
    CitedFor(usize),
}

impl Field {
    /// What the string is, as a message names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Lede => "lede",
            Self::Summary(_) => "summary point",
            Self::Topic(_) => "topic",
            Self::Role(_) => "role",
            Self::Alias(..) => "alias",
            Self::RelationWhat(_) => "relation",
            Self::RelationQualifier(_) | Self::FigureQualifier(_) => "hedge",
            Self::RelationExcerpt(_) => "relation excerpt",
            Self::FigureValue(_) => "figure value",
            Self::FigureLabel(_) => "figure label",
            Self::FigureExcerpt(_) => "figure excerpt",
            Self::Quote(_) => "quote",
            Self::Context(_) => "quote context",
            Self::Heading(_) => "heading",
            Self::Paragraph(..) => "paragraph",
            Self::CitedFor(_) => "source",
        }
    }

    /// The string in the briefing ("" when there is none).
    pub fn text(self, b: &Briefing) -> &str {
        let text = match self {
            Self::Title => Some(b.title.as_str()),
            Self::Lede => Some(b.lede.as_str()),
            Self::Summary(i) => b.summary.get(i).map(String::as_str),
            Self::Topic(i) => b.topics.get(i).map(String::as_str),
            Self::Role(a) => b.actors.get(a).map(|x| x.role.as_str()),
            Self::Alias(a, i) => b
                .actors
                .get(a)
                .and_then(|x| x.aliases.get(i))
                .map(String::as_str),
            Self::RelationWhat(r) => b.relations.get(r).map(|x| x.what.as_str()),
            Self::RelationQualifier(r) => b.relations.get(r).and_then(|x| x.qualifier.as_deref()),
            Self::RelationExcerpt(r) => b.relations.get(r).and_then(|x| x.excerpt.as_deref()),
            Self::FigureValue(f) => b.figures.get(f).map(|x| x.value.as_str()),
            Self::FigureLabel(f) => b.figures.get(f).map(|x| x.label.as_str()),
            Self::FigureQualifier(f) => b.figures.get(f).and_then(|x| x.qualifier.as_deref()),
            Self::FigureExcerpt(f) => b.figures.get(f).map(|x| x.excerpt.as_str()),
            Self::Quote(q) => b.quotes.get(q).map(|x| x.text.as_str()),
            Self::Context(q) => b.quotes.get(q).map(|x| x.context.as_str()),
            Self::Heading(s) => b.sections.get(s).and_then(|x| x.heading.as_deref()),
            Self::Paragraph(s, p) => b
                .sections
                .get(s)
                .and_then(|x| x.paragraphs.get(p))
                .map(String::as_str),
            Self::CitedFor(s) => b.sources.get(s).map(|x| x.cited_for.as_str()),
        };
        text.unwrap_or_default()
    }
}

/// The strings that together must cover the article, in its order: title,
/// lede, summary points, then each section's heading and paragraphs.
pub fn covering(b: &Briefing) -> Vec<Field> {
    let mut out = vec![Field::Title];
    if !b.lede.is_empty() {
        out.push(Field::Lede);
    }
    out.extend((0..b.summary.len()).map(Field::Summary));
    for (s, section) in b.sections.iter().enumerate() {
        if section.heading.is_some() {
            out.push(Field::Heading(s));
        }
        out.extend((0..section.paragraphs.len()).map(|p| Field::Paragraph(s, p)));
    }
    out
}

/// The strings that must each stand verbatim somewhere in the article:
/// quotes, excerpts, aliases and topics.
pub fn verbatim(b: &Briefing) -> Vec<Field> {
    let mut out: Vec<Field> = (0..b.quotes.len()).map(Field::Quote).collect();
    out.extend((0..b.figures.len()).map(Field::FigureExcerpt));
    out.extend(
        b.relations
            .iter()
            .enumerate()
            .filter(|(_, r)| r.excerpt.is_some())
            .map(|(i, _)| Field::RelationExcerpt(i)),
    );
    for (a, actor) in b.actors.iter().enumerate() {
        out.extend((0..actor.aliases.len()).map(|i| Field::Alias(a, i)));
    }
    out.extend((0..b.topics.len()).map(Field::Topic));
    out
}

/// The strings written in the author's own words, whose numbers must all
/// be the article's: roles, relations, labels, contexts, what a source is
/// cited for.
pub fn paraphrased(b: &Briefing) -> Vec<Field> {
    let mut out: Vec<Field> = (0..b.actors.len()).map(Field::Role).collect();
    out.extend((0..b.relations.len()).map(Field::RelationWhat));
    out.extend((0..b.figures.len()).map(Field::FigureLabel));
    out.extend((0..b.quotes.len()).map(Field::Context));
    out.extend((0..b.sources.len()).map(Field::CitedFor));
    out
}
