//! The detail of a selected item: shown beside the list on wide terminals,
//! and under the selected actor on narrow ones.

use super::build::{figure_head, quoted, relation};
use super::{Anchor, Anchors, Block, Doc, Role};
use crate::briefing::{ActorIx, Briefing};
use crate::labels::Labels;
use crate::pane::PaneId;
use crate::symbols::Symbols;

/// Most entries in each list of a detail (quotes, figures, relations,
/// mentions); the rest are counted.
const MAX_LISTED: usize = 12;
/// Bytes of context on each side of a mention.
const CONTEXT_BYTES: usize = 50;

/// Everything the context needs to describe items.
pub struct Context<'a> {
    /// The briefing.
    pub briefing: &'a Briefing,
    /// The full-text doc the anchors point into.
    pub text: &'a Doc,
    /// Anchors in the full text.
    pub anchors: &'a Anchors,
    /// Interface labels.
    pub labels: &'a Labels,
    /// Glyphs.
    pub symbols: &'a Symbols,
    /// The key that follows a link, as named in hints; `None` when unbound.
    pub follow: Option<&'a str>,
}

/// The detail blocks of item `target` (an index into the briefing's list) in
/// pane `section`; empty for panes without items. `inline` details stand
/// under the item's own card, so they leave out what the card shows.
pub fn detail(cx: &Context<'_>, section: PaneId, target: usize, inline: bool) -> Vec<Block> {
    let blocks = match section {
        PaneId::Figures => figure(cx, target),
        PaneId::Quotes => quote(cx, target),
        PaneId::Actors => actor(cx, target, !inline, !inline),
        PaneId::Sources => source(cx, target),
        PaneId::Overview | PaneId::Text => Vec::new(),
    };
    blocks.into_iter().map(Block::unsearched).collect()
}

fn figure(cx: &Context<'_>, i: usize) -> Vec<Block> {
    let (b, l, s) = (cx.briefing, cx.labels, cx.symbols);
    let Some(f) = b.figures.get(i) else {
        return Vec::new();
    };
    let mut out = figure_head(b, f, l, s);
    out.extend(attribution_role(b, f.attribution));
    out.push(Block::blank());
    out.extend(passage(
        cx,
        cx.anchors.figures.get(i).and_then(Option::as_ref),
        &follow(cx, l.enter_to_text),
    ));
    if cx.anchors.figures.get(i).is_none_or(Option::is_none) {
        out.push(quoted(Role::Quote, &f.excerpt, s));
    }
    out
}

fn quote(cx: &Context<'_>, i: usize) -> Vec<Block> {
    let (b, l, s) = (cx.briefing, cx.labels, cx.symbols);
    let Some(q) = b.quotes.get(i) else {
        return Vec::new();
    };
    let mut out = vec![quoted(Role::Quote, &q.text, s), Block::blank()];
    if let Some(a) = b.actors.get(q.speaker) {
        out.push(Block::new(Role::Meta, format!("{} ", s.dash)).and(Role::Name, &a.name));
        if !a.role.is_empty() {
            out.push(Block::new(Role::Meta, a.role.as_str()).indent(2));
        }
    }
    if !q.context.is_empty() {
        out.push(Block::new(Role::Body, q.context.as_str()));
    }
    out.extend(follow_hint(cx, l.enter_to_actor));
    out.push(Block::blank());
    out.extend(passage(
        cx,
        cx.anchors.quotes.get(i).and_then(Option::as_ref),
        "",
    ));
    out
}

fn source(cx: &Context<'_>, i: usize) -> Vec<Block> {
    let (b, l, s) = (cx.briefing, cx.labels, cx.symbols);
    let Some(src) = b.sources.get(i) else {
        return Vec::new();
    };
    let mut out = vec![Block::new(Role::Name, src.name.as_str()).and(
        Role::Meta,
        &format!(" {} {}", s.dot, l.source_kind(src.kind)),
    )];
    if !src.cited_for.is_empty() {
        out.push(
            Block::new(Role::Meta, format!("{}: ", l.cited_for)).and(Role::Body, &src.cited_for),
        );
    }
    if let Some(ix) = src.actor {
        out.extend(follow_hint(cx, l.enter_to_actor));
        out.push(Block::blank());
        out.extend(actor(cx, ix, false, true));
    }
    out
}

/// An actor's role, names, quotes, figures, relations and mentions.
fn actor(cx: &Context<'_>, ix: ActorIx, with_name: bool, with_role: bool) -> Vec<Block> {
    let (b, l, s) = (cx.briefing, cx.labels, cx.symbols);
    let Some(a) = b.actors.get(ix) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if with_name {
        out.push(
            Block::new(Role::Name, a.name.as_str())
                .and(Role::Meta, &format!(" {} {}", s.dot, l.kind(a.kind))),
        );
    }
    if with_role && !a.role.is_empty() {
        out.push(Block::new(Role::Body, a.role.as_str()));
    }
    if !a.aliases.is_empty() {
        let joined = a.aliases.join(&format!(" {} ", s.dot));
        out.push(Block::new(
            Role::Meta,
            format!("{}: {joined}", l.also_called),
        ));
    }
    let quotes = b.quotes.iter().filter(|q| q.speaker == ix);
    listed(&mut out, cx, l.quotes, quotes, |q| {
        Some(quoted(Role::Quote, &q.text, s).bullet(s.bullet))
    });
    let figures = b.figures.iter().filter(|f| f.attribution == Some(ix));
    listed(&mut out, cx, l.figures, figures, |f| {
        Some(
            Block::new(Role::Value, f.value.as_str())
                .and(Role::Body, &format!(" {}", f.label))
                .bullet(s.bullet),
        )
    });
    let relations = b
        .relations
        .iter()
        .filter(|r| r.from == ix || r.to == ix || r.attribution == Some(ix));
    listed(&mut out, cx, l.relations, relations, |r| {
        Some(relation(b, r, l, s))
    });
    let mentions = cx.anchors.mentions.get(ix).map_or(&[][..], Vec::as_slice);
    if !mentions.is_empty() {
        // Only the first mentions are kept: the count says how many there
        // are, and says "at least" when counting stopped early.
        let (count, exact) = cx.anchors.mention_count(ix);
        let count = count.max(mentions.len());
        let bound = if exact { "" } else { l.at_least };
        let heading = format!("{} ({})", l.mentions, spaced(bound, count));
        let shown = mentions.len().min(MAX_LISTED);
        listed(&mut out, cx, &heading, mentions.iter().take(shown), |m| {
            snippet(cx, m)
        });
        more(&mut out, cx, count - shown, bound);
        out.extend(follow_hint(cx, l.enter_to_text));
    }
    out
}

/// "at least 5" or "5".
fn spaced(bound: &str, count: usize) -> String {
    if bound.is_empty() {
        count.to_string()
    } else {
        format!("{bound} {count}")
    }
}

/// "… 5 more" (or "… at least 5 more") after a cut list; nothing for 0.
fn more(out: &mut Vec<Block>, cx: &Context<'_>, count: usize, bound: &str) {
    if count > 0 {
        out.push(Block::new(
            Role::Meta,
            format!(
                "{} {} {}",
                cx.symbols.ellipsis,
                spaced(bound, count),
                cx.labels.more
            ),
        ));
    }
}

/// A headed list of at most [`MAX_LISTED`] entries, then how many more
/// there are (counted, not drawn): an actor's detail in a huge briefing
/// stays cheap to build.
fn listed<T>(
    out: &mut Vec<Block>,
    cx: &Context<'_>,
    heading: &str,
    items: impl Iterator<Item = T>,
    show: impl Fn(T) -> Option<Block>,
) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    out.push(Block::blank());
    out.push(Block::new(Role::Heading, heading));
    out.extend(items.by_ref().take(MAX_LISTED).filter_map(show));
    more(out, cx, items.count(), "");
}

/// "According to X: role of X", for figures with an attribution.
fn attribution_role(b: &Briefing, attribution: Option<ActorIx>) -> Option<Block> {
    let a = b.actors.get(attribution?)?;
    (!a.role.is_empty()).then(|| Block::new(Role::Meta, a.role.as_str()).indent(2))
}

/// The paragraph holding an anchor, with the anchored words marked.
/// "Enter: go to actor", with the key as bound; empty without a key.
fn follow(cx: &Context<'_>, template: &str) -> String {
    cx.follow
        .map(|key| Labels::keyed(template, Some(key)))
        .unwrap_or_default()
}

/// [`follow`] as a block, if there is a key.
fn follow_hint(cx: &Context<'_>, template: &str) -> Option<Block> {
    cx.follow
        .map(|_| Block::new(Role::Meta, follow(cx, template)))
}

fn passage(cx: &Context<'_>, anchor: Option<&Anchor>, hint: &str) -> Vec<Block> {
    let Some(anchor) = anchor else {
        return Vec::new();
    };
    let Some(para) = cx.text.blocks.get(anchor.block) else {
        return Vec::new();
    };
    let text = para.text.as_str();
    let (Some(before), Some(marked), Some(after)) = (
        text.get(..anchor.range.start),
        text.get(anchor.range.clone()),
        text.get(anchor.range.end..),
    ) else {
        return Vec::new();
    };
    let mut out = vec![
        Block::new(Role::Heading, cx.labels.in_text),
        Block::new(Role::Body, before)
            .and(Role::Mark, marked)
            .and(Role::Body, after),
    ];
    if !hint.is_empty() {
        out.push(Block::new(Role::Meta, hint));
    }
    out
}

/// A mention with some words around it.
fn snippet(cx: &Context<'_>, m: &Anchor) -> Option<Block> {
    let text = cx.text.blocks.get(m.block)?.text.as_str();
    let start = word_start(text, m.range.start.saturating_sub(CONTEXT_BYTES)).min(m.range.start);
    let end = word_end(text, (m.range.end + CONTEXT_BYTES).min(text.len())).max(m.range.end);
    let ellipsis = cx.symbols.ellipsis;
    let lead = if start > 0 { ellipsis } else { "" };
    let tail = if end < text.len() { ellipsis } else { "" };
    Some(
        Block::new(Role::Meta, lead)
            .and(Role::Body, text.get(start..m.range.start)?)
            .and(Role::Mark, text.get(m.range.clone())?)
            .and(Role::Body, text.get(m.range.end..end)?)
            .and(Role::Meta, tail)
            .bullet(cx.symbols.bullet),
    )
}

/// The start of the first word at or after `at` (0 stays 0).
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let from = (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text.get(from..)
        .and_then(|s| s.find(' '))
        .map_or(from, |i| from + i + 1)
}

/// The end of the last word at or before `at`.
fn word_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let to = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.get(..to).and_then(|s| s.rfind(' ')).unwrap_or(to)
}
