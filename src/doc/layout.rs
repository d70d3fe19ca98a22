//! A doc wrapped to a width: one entry per screen line, pointing back into
//! the blocks, so drawing a screenful costs the same in any size of document.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::{Block, Doc, Role};
use crate::text::hyphenate::Hyphenator;
use crate::text::wrap::{Hyphenation, wrap_with};

/// Fewest columns of text that must remain beside an indent and a bullet.
const MIN_TEXT_BESIDE_LEAD: usize = 8;

/// One screen line: a byte range of one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRef {
    /// Block index.
    pub block: u32,
    /// Start byte in the block's text.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// Whether this is the block's first line (it gets the bullet).
    pub first: bool,
    /// Whether a hyphen follows.
    pub hyphen: bool,
    /// Whether the block's indent and bullet are drawn before it.
    pub lead: bool,
}

impl LineRef {
    /// The byte range in the block's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A doc wrapped to `width` columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The width it was wrapped to.
    pub width: u16,
    /// Every line, top to bottom.
    pub lines: Vec<LineRef>,
    /// Index of each block's first line.
    pub block_lines: Vec<u32>,
}

impl Layout {
    /// Wraps every block of `doc` to `width` columns.
    pub fn new(doc: &Doc, width: u16, hyphenator: Hyphenator) -> Self {
        // One dictionary budget for the whole doc.
        let mut hyphenation = hyphenator
            .for_width(usize::from(width))
            .map(Hyphenation::new);
        let mut lines = Vec::new();
        let mut block_lines = Vec::with_capacity(doc.blocks.len());
        for (i, block) in doc.blocks.iter().enumerate() {
            block_lines.push(to_u32(lines.len()));
            let lead = usize::from(block.indent) + block.bullet.map_or(0, |b| b.width() + 1);
            // In a column too narrow for it, the indent and bullet go: text first.
            let with_lead = usize::from(width) >= lead + MIN_TEXT_BESIDE_LEAD;
            let room = usize::from(width)
                .saturating_sub(if with_lead { lead } else { 0 })
                .max(1);
            let wrapped = wrap_with(&block.text, room, hyphenation.as_mut());
            for (n, r) in wrapped.into_iter().enumerate() {
                lines.push(LineRef {
                    block: to_u32(i),
                    start: to_u32(r.start),
                    end: to_u32(r.end),
                    first: n == 0,
                    hyphen: r.hyphen,
                    lead: with_lead,
                });
            }
        }
        Self {
            width,
            lines,
            block_lines,
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there are no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Lines of blocks `blocks` (a block range, as items have).
    pub fn lines_of(&self, blocks: &Range<usize>) -> Range<usize> {
        let start = self.first_line(blocks.start);
        let end = if blocks.end >= self.block_lines.len() {
            self.lines.len()
        } else {
            self.first_line(blocks.end)
        };
        start..end.max(start)
    }

    /// The line holding byte `at` of block `block`.
    pub fn line_at(&self, block: usize, at: usize) -> usize {
        let lines = self.lines_of(&(block..block + 1));
        let within = self
            .lines
            .get(lines.clone())
            .map_or(0, |ls| ls.partition_point(|l| l.end as usize <= at));
        (lines.start + within).min(lines.end.saturating_sub(1).max(lines.start))
    }

    /// The indent and bullet drawn before a line of `block`.
    pub fn lead(block: &Block, line: &LineRef) -> String {
        if !line.lead {
            return String::new();
        }
        let mut lead = " ".repeat(usize::from(block.indent));
        if let Some(bullet) = block.bullet {
            if line.first {
                lead.push_str(bullet);
                lead.push(' ');
            } else {
                lead.push_str(&" ".repeat(bullet.width() + 1));
            }
        }
        lead
    }

    /// The pieces of a line, each a byte range of the block with its role.
    pub fn pieces(block: &Block, line: &LineRef) -> Vec<(Range<usize>, Role)> {
        let range = line.range();
        let mut out = Vec::new();
        let mut at = range.start;
        while at < range.end {
            let role = block.role_at(at);
            let next = block
                .runs
                .iter()
                .map(|&(start, _)| start)
                .find(|&start| start > at)
                .unwrap_or(usize::MAX)
                .min(range.end);
            out.push((at..next, role));
            at = next;
        }
        out
    }

    fn first_line(&self, block: usize) -> usize {
        self.block_lines
            .get(block)
            .map_or(self.lines.len(), |&l| l as usize)
    }
}

/// Lines and blocks are bounded by the file size limit, far below `u32::MAX`.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, Role};

    fn doc() -> Doc {
        let mut d = Doc::default();
        d.push(Block::new(Role::Heading, "Kopf"));
        d.push(Block::blank());
        d.push(Block::new(
            Role::Body,
            "eins zwei drei vier fünf sechs sieben acht",
        ));
        d
    }

    #[test]
    fn wraps_each_block_and_indexes_first_lines() {
        let layout = Layout::new(&doc(), 10, Hyphenator::default());
        assert_eq!(layout.block_lines, vec![0, 1, 2]);
        assert!(layout.len() > 4);
        assert_eq!(layout.lines_of(&(2..3)), 2..layout.len());
    }

    #[test]
    fn finds_the_line_of_a_byte() {
        let d = doc();
        let layout = Layout::new(&d, 10, Hyphenator::default());
        let text = &d.blocks[2].text;
        let at = text.find("acht").unwrap();
        let line = layout.line_at(2, at);
        let l = layout.lines[line];
        assert!(text[l.range()].contains("acht"), "{:?}", &text[l.range()]);
        assert_eq!(layout.line_at(2, 0), 2);
    }
}
