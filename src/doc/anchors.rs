//! Where actors are mentioned and where figures and quotes stand in the full
//! text: found in one pass over it, so following a link costs nothing later.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Anchor, Doc};
use crate::briefing::Briefing;

/// Positions in the full-text doc.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchors {
    /// Per actor: every mention of its name or an alias, in text order.
    pub mentions: Vec<Vec<Anchor>>,
    /// Per figure: where its excerpt stands.
    pub figures: Vec<Option<Anchor>>,
    /// Per quote: where its words stand.
    pub quotes: Vec<Option<Anchor>>,
}

impl Anchors {
    /// Finds every anchor of `briefing` in `text`, the full-text doc.
    pub fn find(briefing: &Briefing, text: &Doc) -> Self {
        Self {
            mentions: mentions(briefing, text),
            figures: first_places(text, briefing.figures.iter().map(|f| f.excerpt.as_str())),
            quotes: first_places(text, briefing.quotes.iter().map(|q| q.text.as_str())),
        }
    }
}

/// Mentions of actors: longest name wins, whole words only.
fn mentions(briefing: &Briefing, text: &Doc) -> Vec<Vec<Anchor>> {
    let mut owners = Vec::new();
    let mut patterns = Vec::new();
    for (ix, actor) in briefing.actors.iter().enumerate() {
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            owners.push(ix);
            patterns.push(name.as_str());
        }
    }
    let mut found = vec![Vec::new(); briefing.actors.len()];
    // An NFA: a DFA would search faster but takes milliseconds to build,
    // which is most of the start-up; the text is searched once.
    let Ok(ac) = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return found;
    };
    for (block, b) in text.blocks.iter().enumerate() {
        for m in ac.find_iter(&b.text) {
            let whole = !word_char_before(&b.text, m.start()) && !word_char_after(&b.text, m.end());
            let owner = owners.get(m.pattern().as_usize()).copied();
            let Some(seen) = owner.and_then(|o| found.get_mut(o)).filter(|_| whole) else {
                continue;
            };
            // "Russlands Präsident Wladimir Putin" is one mention, not two.
            match seen.last_mut() {
                Some(last) if last.block == block && m.start() <= last.range.end + 1 => {
                    last.range.end = m.end();
                }
                _ => seen.push(Anchor {
                    block,
                    range: m.range(),
                }),
            }
        }
    }
    found
}

/// The first place each passage stands, passages may overlap each other.
fn first_places<'a>(text: &Doc, passages: impl Iterator<Item = &'a str>) -> Vec<Option<Anchor>> {
    let patterns: Vec<&str> = passages.collect();
    let mut found = vec![None; patterns.len()];
    let Ok(ac) = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&patterns)
    else {
        return found;
    };
    for (block, b) in text.blocks.iter().enumerate() {
        for m in ac.find_overlapping_iter(&b.text) {
            if let Some(slot @ None) = found.get_mut(m.pattern().as_usize()) {
                *slot = Some(Anchor {
                    block,
                    range: m.range(),
                });
            }
        }
    }
    found
}

fn word_char_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

fn word_char_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}
