//! The briefing as `CommonMark` for people: a heading per pane, key points
//! as a list, figures with their hedge, attribution and passage, quotes as
//! block quotes with their speaker, the full text with its sub-headings.
//! Every string is escaped so that it reads back unchanged.

use std::fmt::Write as _;

use crate::briefing::{ActorIx, ActorKind, Briefing};
use crate::labels::{Labels, Lang};

use super::escape::inline;

/// The briefing as a `CommonMark` document, headings in its own language.
pub fn render(b: &Briefing) -> String {
    let l = Lang::for_tag(&b.lang).labels();
    let mut o = String::with_capacity(4096);
    let _ = writeln!(o, "# {}", inline(&b.title));
    overview(&mut o, b, l);
    figures(&mut o, b, l);
    quotes(&mut o, b, l);
    actors(&mut o, b, l);
    full_text(&mut o, b, l);
    sources(&mut o, b, l);
    o
}

/// A pane's heading (`sections[i]` of the labels).
fn pane(o: &mut String, l: &Labels, i: usize) {
    let label = l.sections.get(i).copied().unwrap_or_default();
    let _ = write!(o, "\n## {}\n", inline(label));
}

/// The name of actor `ix`.
fn name(b: &Briefing, ix: ActorIx) -> &str {
    b.actors.get(ix).map_or("", |a| a.name.as_str())
}

/// "Vorbehalt: soll · laut X", or nothing.
fn hedged(b: &Briefing, l: &Labels, qualifier: Option<&str>, by: Option<ActorIx>) -> String {
    let mut parts = Vec::new();
    if let Some(q) = qualifier {
        parts.push(format!("{}: {}", inline(l.hedge), inline(q)));
    }
    if let Some(by) = by {
        parts.push(format!(
            "{} {}",
            inline(l.according_to),
            inline(name(b, by))
        ));
    }
    parts.join(" · ")
}

fn overview(o: &mut String, b: &Briefing, l: &Labels) {
    pane(o, l, 0);
    if !b.lede.is_empty() {
        let _ = write!(o, "\n{}\n", inline(&b.lede));
    }
    if !b.summary.is_empty() {
        let _ = write!(o, "\n### {}\n\n", inline(l.key_points));
        for point in &b.summary {
            let _ = writeln!(o, "- {}", inline(point));
        }
    }
    if !b.topics.is_empty() {
        let topics: Vec<String> = b.topics.iter().map(|t| inline(t)).collect();
        let _ = write!(o, "\n### {}\n\n{}\n", inline(l.topics), topics.join(" · "));
    }
}

fn figures(o: &mut String, b: &Briefing, l: &Labels) {
    if b.figures.is_empty() {
        return;
    }
    pane(o, l, 1);
    for f in &b.figures {
        let unit = f.unit.as_deref().map(|u| format!(" {}", inline(u)));
        let _ = write!(
            o,
            "\n### {}{}\n\n",
            inline(&f.value),
            unit.unwrap_or_default()
        );
        let _ = writeln!(o, "{}", inline(&f.label));
        let hedge = hedged(b, l, f.qualifier.as_deref(), f.attribution);
        if !hedge.is_empty() {
            let _ = write!(o, "\n{hedge}\n");
        }
        let _ = write!(o, "\n> {}\n", inline(&f.excerpt));
    }
}

fn quotes(o: &mut String, b: &Briefing, l: &Labels) {
    if b.quotes.is_empty() {
        return;
    }
    pane(o, l, 2);
    for q in &b.quotes {
        let _ = write!(
            o,
            "\n> {}\n>\n> — {}",
            inline(&q.text),
            inline(name(b, q.speaker))
        );
        if !q.context.is_empty() {
            let _ = write!(o, ", {}", inline(&q.context));
        }
        o.push('\n');
    }
}

fn actors(o: &mut String, b: &Briefing, l: &Labels) {
    if b.actors.is_empty() && b.relations.is_empty() {
        return;
    }
    pane(o, l, 3);
    for kind in ActorKind::ALL {
        let group: Vec<_> = b.actors.iter().filter(|a| a.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        let _ = write!(o, "\n### {}\n\n", inline(l.kind(kind)));
        for a in group {
            let _ = write!(o, "- **{}**", inline(&a.name));
            if !a.role.is_empty() {
                let _ = write!(o, ": {}", inline(&a.role));
            }
            if !a.aliases.is_empty() {
                let aliases: Vec<String> = a.aliases.iter().map(|x| inline(x)).collect();
                let _ = write!(o, " ({}: {})", inline(l.also_called), aliases.join(", "));
            }
            o.push('\n');
        }
    }
    if b.relations.is_empty() {
        return;
    }
    let _ = write!(o, "\n### {}\n", inline(l.relations));
    for r in &b.relations {
        let _ = write!(
            o,
            "\n- {} → {}: {}",
            inline(name(b, r.from)),
            inline(name(b, r.to)),
            inline(&r.what)
        );
        let hedge = hedged(b, l, r.qualifier.as_deref(), r.attribution);
        if !hedge.is_empty() {
            let _ = write!(o, " ({hedge})");
        }
        o.push('\n');
        if let Some(e) = &r.excerpt {
            let _ = write!(o, "\n  > {}\n", inline(e));
        }
    }
}

fn full_text(o: &mut String, b: &Briefing, l: &Labels) {
    if b.sections.is_empty() {
        return;
    }
    pane(o, l, 4);
    for s in &b.sections {
        if let Some(h) = &s.heading {
            let _ = write!(o, "\n### {}\n", inline(h));
        }
        for p in &s.paragraphs {
            let _ = write!(o, "\n{}\n", inline(p));
        }
    }
}

fn sources(o: &mut String, b: &Briefing, l: &Labels) {
    if b.sources.is_empty() {
        return;
    }
    pane(o, l, 5);
    o.push('\n');
    for s in &b.sources {
        let _ = write!(
            o,
            "- **{}** ({})",
            inline(&s.name),
            inline(l.source_kind(s.kind))
        );
        if !s.cited_for.is_empty() {
            let _ = write!(o, ": {} {}", inline(l.cited_for), inline(&s.cited_for));
        }
        o.push('\n');
    }
}
