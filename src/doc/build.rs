//! Builds the six pane docs from a briefing.

use super::{Block, Doc, Link, Role};
use crate::briefing::{ActorKind, Briefing, Figure, Relation};
use crate::labels::Labels;
use crate::pane::PaneId;
use crate::symbols::Symbols;

/// Everything the panes show, in tab order.
pub fn build_docs(b: &Briefing, l: &Labels, s: &Symbols) -> [Doc; 6] {
    PaneId::ALL.map(|id| build_doc(b, l, s, id))
}

/// What one pane shows.
pub fn build_doc(b: &Briefing, l: &Labels, s: &Symbols, section: PaneId) -> Doc {
    match section {
        PaneId::Overview => overview(b, l, s),
        PaneId::Figures => figures(b, l, s),
        PaneId::Quotes => quotes(b, s),
        PaneId::Actors => actors(b, l, s),
        PaneId::Text => full_text(b),
        PaneId::Sources => sources(b, l, s),
    }
}

fn overview(b: &Briefing, l: &Labels, s: &Symbols) -> Doc {
    let mut doc = Doc::default();
    doc.push(Block::new(Role::Title, b.title.as_str()));
    if !b.lede.is_empty() {
        doc.gap();
        doc.push(Block::new(Role::Lede, b.lede.as_str()));
    }
    if !b.summary.is_empty() {
        doc.gap();
        doc.push(Block::new(Role::Heading, l.key_points).unsearched());
        for point in &b.summary {
            doc.push(Block::new(Role::Body, point.as_str()).bullet(s.bullet));
        }
    }
    if !b.topics.is_empty() {
        doc.gap();
        doc.push(Block::new(Role::Heading, l.topics).unsearched());
        let joined = b.topics.join(&format!(" {} ", s.dot));
        doc.push(Block::new(Role::Meta, joined));
    }
    doc
}

/// The first lines of a figure: value, unit, label, hedge and source.
pub(super) fn figure_head(b: &Briefing, f: &Figure, l: &Labels, s: &Symbols) -> Vec<Block> {
    let mut value = Block::new(Role::Value, f.value.as_str());
    if let Some(unit) = f.unit.as_deref().filter(|u| !f.value.contains(u)) {
        value = value.and(Role::Label, &format!(" {unit}"));
    }
    let mut blocks = vec![value, Block::new(Role::Body, f.label.as_str())];
    let meta = hedge(b, f.qualifier.as_deref(), f.attribution, l, s);
    if f.qualifier.is_some() {
        blocks.push(Block::new(Role::Meta, format!("{}: {meta}", l.hedge)));
    } else if !meta.is_empty() {
        blocks.push(Block::new(Role::Meta, meta));
    }
    blocks
}

fn figures(b: &Briefing, l: &Labels, s: &Symbols) -> Doc {
    let mut doc = Doc::default();
    for (i, f) in b.figures.iter().enumerate() {
        let mut blocks = figure_head(b, f, l, s);
        blocks.push(quoted(Role::Quote, &f.excerpt, s).indent(2));
        doc.push_item(i, Some(Link::Figure(i)), blocks);
        doc.gap();
    }
    doc
}

fn quotes(b: &Briefing, s: &Symbols) -> Doc {
    let mut doc = Doc::default();
    for (i, q) in b.quotes.iter().enumerate() {
        let speaker = b.actors.get(q.speaker).map_or("", |a| a.name.as_str());
        let mut blocks = vec![
            quoted(Role::Quote, &q.text, s),
            Block::new(Role::Meta, format!("{} ", s.dash)).and(Role::Name, speaker),
        ];
        if !q.context.is_empty() {
            blocks.push(Block::new(Role::Meta, q.context.as_str()));
        }
        doc.push_item(i, Some(Link::Actor(q.speaker)), blocks);
        doc.gap();
    }
    doc
}

fn actors(b: &Briefing, l: &Labels, s: &Symbols) -> Doc {
    let mut doc = Doc::default();
    for kind in ActorKind::ALL {
        let members: Vec<_> = b
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == kind)
            .collect();
        if members.is_empty() {
            continue;
        }
        doc.gap();
        doc.push(Block::new(Role::Heading, l.kind(kind)).unsearched());
        for (ix, a) in members {
            let mut blocks = vec![Block::new(Role::Name, a.name.as_str())];
            if !a.role.is_empty() {
                blocks.push(Block::new(Role::Meta, a.role.as_str()).indent(2));
            }
            doc.push_item(ix, Some(Link::FirstMention(ix)), blocks);
        }
    }
    if !b.relations.is_empty() {
        doc.gap();
        doc.push(Block::new(Role::Heading, l.relations).unsearched());
        for r in &b.relations {
            doc.push(relation(b, r, l, s));
        }
    }
    doc
}

/// One relation on one line: who → whom: what (hedge, source).
pub(super) fn relation(b: &Briefing, r: &Relation, l: &Labels, s: &Symbols) -> Block {
    let name = |ix: usize| b.actors.get(ix).map_or("", |a| a.name.as_str());
    let mut block = Block::new(Role::Name, name(r.from))
        .and(Role::Meta, &format!(" {} ", s.arrow))
        .and(Role::Name, name(r.to))
        .and(Role::Body, &format!(": {}", r.what))
        .bullet(s.bullet);
    let meta = hedge(b, r.qualifier.as_deref(), r.attribution, l, s);
    if !meta.is_empty() {
        block = block.and(Role::Meta, &format!(" ({meta})"));
    }
    block
}

fn full_text(b: &Briefing) -> Doc {
    let mut doc = Doc::default();
    for section in &b.sections {
        if let Some(heading) = &section.heading {
            doc.gap();
            doc.push(Block::new(Role::Heading, heading.as_str()));
        }
        for p in &section.paragraphs {
            doc.gap();
            doc.push(Block::new(Role::Body, p.as_str()));
        }
    }
    doc
}

fn sources(b: &Briefing, l: &Labels, s: &Symbols) -> Doc {
    let mut doc = Doc::default();
    for (i, src) in b.sources.iter().enumerate() {
        let mut blocks = vec![Block::new(Role::Name, src.name.as_str()).and(
            Role::Meta,
            &format!(" {} {}", s.dot, l.source_kind(src.kind)),
        )];
        if !src.cited_for.is_empty() {
            blocks.push(
                Block::new(Role::Meta, format!("{}: ", l.cited_for))
                    .and(Role::Body, &src.cited_for)
                    .indent(2),
            );
        }
        doc.push_item(i, src.actor.map(Link::Actor), blocks);
        doc.gap();
    }
    doc
}

/// "qualifier · according to X", or as much of it as there is.
pub(super) fn hedge(
    b: &Briefing,
    qualifier: Option<&str>,
    attribution: Option<usize>,
    l: &Labels,
    s: &Symbols,
) -> String {
    let source = attribution
        .and_then(|ix| b.actors.get(ix))
        .map(|a| format!("{} {}", l.according_to, a.name));
    match (qualifier, source) {
        (Some(q), Some(src)) => format!("{q} {} {src}", s.dot),
        (Some(q), None) => q.to_string(),
        (None, Some(src)) => src,
        (None, None) => String::new(),
    }
}

/// Text in quotation marks.
pub(super) fn quoted(role: Role, text: &str, s: &Symbols) -> Block {
    Block::new(role, format!("{}{text}{}", s.quote_open, s.quote_close))
}
