//! Where actors are mentioned and where figures and quotes stand in the full
//! text: found in one pass over it, so following a link costs nothing later.
//!
//! The work is bounded whatever the file holds: identical names and passages
//! are searched once ([`Matcher`] maps each distinct one to all its owners),
//! nested ones cost nothing extra, and an actor keeps only its first
//! [`MAX_KEPT`] mentions, with a count of the rest.

use super::{Anchor, Doc};
use crate::briefing::Briefing;
use crate::text::matcher::Matcher;

/// Mentions kept per actor (the detail lists fewer); the rest are counted.
pub const MAX_KEPT: usize = 16;
/// Most mentions handed to actors in all (one mention of a name that `k`
/// actors share counts `k`): past this the counting stops, and counts are
/// only lower bounds.
pub const MAX_MENTION_WORK: usize = 4_000_000;

/// Positions in the full-text doc.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchors {
    /// Per actor: its first mentions (name or alias), in text order, at most
    /// [`MAX_KEPT`].
    pub mentions: Vec<Vec<Anchor>>,
    /// Per actor: how many mentions it has in all.
    pub mention_counts: Vec<usize>,
    /// Whether every mention was counted; if not, the counts are lower
    /// bounds (the text had more than [`MAX_MENTION_WORK`] to hand out).
    pub counts_complete: bool,
    /// Per figure: where its excerpt stands.
    pub figures: Vec<Option<Anchor>>,
    /// Per quote: where its words stand.
    pub quotes: Vec<Option<Anchor>>,
}

impl Anchors {
    /// Finds every anchor of `briefing` in `text`, the full-text doc.
    pub fn find(briefing: &Briefing, text: &Doc) -> Self {
        let (mentions, mention_counts, counts_complete) = mentions(briefing, text);
        Self {
            mentions,
            mention_counts,
            counts_complete,
            figures: first_places(text, briefing.figures.iter().map(|f| f.excerpt.as_str())),
            quotes: first_places(text, briefing.quotes.iter().map(|q| q.text.as_str())),
        }
    }

    /// How many mentions actor `ix` has, and whether that is exact (not a
    /// lower bound).
    pub fn mention_count(&self, ix: usize) -> (usize, bool) {
        let count = self.mention_counts.get(ix).copied().unwrap_or(0);
        (count, self.counts_complete)
    }
}

/// One actor's mentions while the text is read.
#[derive(Default)]
struct Tally {
    kept: Vec<Anchor>,
    count: usize,
    /// The last mention, kept or not: the next may extend it.
    last: Option<Anchor>,
}

impl Tally {
    fn add(&mut self, block: usize, range: std::ops::Range<usize>) {
        // "Russlands Präsident Wladimir Putin" is one mention, not two.
        if let Some(last) = &mut self.last
            && last.block == block
            && range.start <= last.range.end + 1
        {
            last.range.end = last.range.end.max(range.end);
            if self.count <= MAX_KEPT
                && let Some(kept) = self.kept.last_mut()
            {
                kept.range.end = last.range.end;
            }
            return;
        }
        self.count += 1;
        let anchor = Anchor { block, range };
        if self.kept.len() < MAX_KEPT {
            self.kept.push(anchor.clone());
        }
        self.last = Some(anchor);
    }
}

/// Mentions of actors: at each place the longest name that starts there
/// wins (leftmost-longest), whole words only. Returns the kept mentions and
/// the count of each actor, and whether every mention was counted.
fn mentions(briefing: &Briefing, text: &Doc) -> (Vec<Vec<Anchor>>, Vec<usize>, bool) {
    let actors = briefing.actors.len();
    let mut owners = Vec::new();
    let mut names = Vec::new();
    for (ix, actor) in briefing.actors.iter().enumerate() {
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            owners.push(ix);
            names.push(name.as_str());
        }
    }
    let (matcher, ids) = Matcher::new(names, true);
    // Distinct name → every actor it names, each once.
    let mut named_by: Vec<Vec<usize>> = vec![Vec::new(); matcher.len()];
    for (id, owner) in ids.iter().zip(owners) {
        if let Some(list) = id.and_then(|id| named_by.get_mut(id))
            && list.last() != Some(&owner)
        {
            list.push(owner);
        }
    }
    let mut tallies: Vec<Tally> = (0..actors).map(|_| Tally::default()).collect();
    let mut work = 0usize;
    let mut complete = true;
    let mut starts = Vec::new();
    'blocks: for (block, b) in text.blocks.iter().enumerate() {
        matcher.longest_starts(&b.text, &mut starts);
        let mut at = 0;
        while let Some(offset) = starts
            .get(at..)
            .and_then(|s| s.iter().position(Option::is_some))
        {
            let start = at + offset;
            let Some(Some(id)) = starts.get(start).copied() else {
                break;
            };
            let end = start + matcher.pattern_len(id as usize);
            at = end.max(start + 1);
            if word_char_before(&b.text, start) || word_char_after(&b.text, end) {
                continue;
            }
            let owners = named_by.get(id as usize).map_or(&[][..], Vec::as_slice);
            for &owner in owners {
                if work >= MAX_MENTION_WORK {
                    complete = false;
                    break 'blocks;
                }
                work += 1;
                if let Some(tally) = tallies.get_mut(owner) {
                    tally.add(block, start..end);
                }
            }
        }
    }
    let counts = tallies.iter().map(|t| t.count).collect();
    let kept = tallies.into_iter().map(|t| t.kept).collect();
    (kept, counts, complete)
}

/// The first place each passage stands; passages may overlap each other.
fn first_places<'a>(text: &Doc, passages: impl Iterator<Item = &'a str>) -> Vec<Option<Anchor>> {
    let (matcher, ids) = Matcher::new(passages, false);
    let ends = matcher.first_ends(text.blocks.iter().map(|b| b.text.as_str()));
    ids.iter()
        .map(|id| {
            let id = (*id)?;
            let (block, end) = (*ends.get(id)?)?;
            Some(Anchor {
                block,
                range: end - matcher.pattern_len(id)..end,
            })
        })
        .collect()
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
