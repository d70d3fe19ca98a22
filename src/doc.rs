//! What each pane shows, as blocks of styled text independent of the screen
//! width; the reader and the plain view both draw from these.

mod anchors;
mod build;
mod detail;
mod layout;

use std::ops::Range;

pub use anchors::{Anchors, MAX_KEPT, MAX_MENTION_WORK};
pub use build::{build_doc, build_docs};
pub use detail::{Context, detail};
pub use layout::{Layout, LineRef};

use crate::briefing::ActorIx;

/// What a piece of text is; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The headline.
    Title,
    /// The lede under it.
    Lede,
    /// A heading inside a pane.
    Heading,
    /// Running text.
    Body,
    /// A key figure's value.
    Value,
    /// What a figure counts, or a unit.
    Label,
    /// Qualifiers, attributions, context: secondary text.
    Meta,
    /// Quoted words.
    Quote,
    /// An actor's or source's name.
    Name,
    /// A passage singled out inside other text (a mention, an excerpt).
    Mark,
}

/// A paragraph-like unit: wrapped as one, drawn with one indent.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text (may hold newlines: hard breaks).
    pub text: String,
    /// Where each role starts, by byte offset; the first starts at 0.
    pub runs: Vec<(usize, Role)>,
    /// Columns of indent before every line.
    pub indent: u16,
    /// A marker before the first line; later lines are indented to match.
    pub bullet: Option<&'static str>,
    /// The selectable item this block belongs to.
    pub item: Option<usize>,
    /// Whether search looks at this block.
    pub searchable: bool,
}

impl Block {
    /// A block of one role.
    pub fn new(role: Role, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            runs: vec![(0, role)],
            indent: 0,
            bullet: None,
            item: None,
            searchable: true,
        }
    }

    /// An empty line.
    pub fn blank() -> Self {
        Self {
            searchable: false,
            ..Self::new(Role::Body, "")
        }
    }

    /// Appends text in another role.
    #[must_use]
    pub fn and(mut self, role: Role, text: &str) -> Self {
        if text.is_empty() {
            return self;
        }
        if self.runs.last().is_some_and(|&(_, r)| r != role) || self.text.is_empty() {
            self.runs.retain(|&(at, _)| at < self.text.len());
            self.runs.push((self.text.len(), role));
        }
        self.text.push_str(text);
        self
    }

    /// Indents every line.
    #[must_use]
    pub fn indent(mut self, columns: u16) -> Self {
        self.indent = columns;
        self
    }

    /// Puts a marker before the first line.
    #[must_use]
    pub fn bullet(mut self, bullet: &'static str) -> Self {
        self.bullet = Some(bullet);
        self
    }

    /// Keeps search away from this block (derived text, shown elsewhere).
    #[must_use]
    pub fn unsearched(mut self) -> Self {
        self.searchable = false;
        self
    }

    /// The role of the text at byte `at`.
    pub fn role_at(&self, at: usize) -> Role {
        let i = self.runs.partition_point(|&(start, _)| start <= at);
        self.runs
            .get(i.saturating_sub(1))
            .map_or(Role::Body, |&(_, r)| r)
    }
}

/// Where a link leads; passages are looked up in the full text only when a
/// link is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// To an actor in the actors pane.
    Actor(ActorIx),
    /// To the passage a figure comes from.
    Figure(usize),
    /// To the first mention of an actor in the full text.
    FirstMention(ActorIx),
}

/// A passage in a pane: block index and byte range in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Block index.
    pub block: usize,
    /// Bytes of the block's text.
    pub range: Range<usize>,
}

/// A selectable entry in a list pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its blocks.
    pub blocks: Range<usize>,
    /// Index into the briefing's list (actors, figures, quotes or sources).
    pub target: usize,
    /// Where Enter leads.
    pub link: Option<Link>,
}

/// The content of one pane.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// Blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// Selectable entries (empty for reading panes).
    pub items: Vec<Item>,
}

impl Doc {
    /// Appends a block that belongs to no item.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Appends the blocks of one selectable item.
    pub fn push_item(&mut self, target: usize, link: Option<Link>, blocks: Vec<Block>) {
        let index = self.items.len();
        let start = self.blocks.len();
        self.blocks.extend(blocks.into_iter().map(|mut b| {
            b.item = Some(index);
            b
        }));
        self.items.push(Item {
            blocks: start..self.blocks.len(),
            target,
            link,
        });
    }

    /// Appends a blank line unless the doc is empty or already ends in one.
    pub fn gap(&mut self) {
        if self.blocks.last().is_some_and(|b| !b.text.is_empty()) {
            self.blocks.push(Block::blank());
        }
    }

    /// The item whose target is `target`.
    pub fn item_for(&self, target: usize) -> Option<usize> {
        self.items.iter().position(|i| i.target == target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_follow_appended_text() {
        let b = Block::new(Role::Value, "4,8")
            .and(Role::Label, " Mio.")
            .and(Role::Label, "!");
        assert_eq!(b.text, "4,8 Mio.!");
        assert_eq!(b.role_at(0), Role::Value);
        assert_eq!(b.role_at(3), Role::Label);
        assert_eq!(b.runs.len(), 2);
        let empty_start = Block::new(Role::Body, "").and(Role::Name, "X");
        assert_eq!(empty_start.role_at(0), Role::Name);
    }
}
