//! A plain-text article cut into units: headings, list items and
//! paragraphs. Both `new` (the draft's paragraphs) and `verify` (the
//! nearest passage of a paragraph) use this one cut.
//!
//! Two shapes are told apart by blank lines. Without any, every line is a
//! unit (the bundled article). With them, a blank line ends a unit and the
//! lines between are one paragraph wrapped over several lines; a list
//! marker starts a new item; a block of one short line that does not end
//! like a sentence is a heading.

use std::ops::Range;

use super::shape::{bullet_len, heading_shaped};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A sub-heading (or the title, when it comes first).
    Heading,
    /// A list item; its range leaves out the marker.
    Item,
    /// A paragraph, perhaps over several lines.
    Paragraph,
}

/// One unit of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// What it is.
    pub kind: UnitKind,
    /// Its text in the article, trimmed, without a list marker.
    pub range: Range<usize>,
}

/// A line: where its text starts and ends (trimmed), and its list marker.
struct Line {
    range: Range<usize>,
    bullet: Option<usize>,
}

/// The units of `text`, in order.
pub fn units(text: &str) -> Vec<Unit> {
    let mut lines: Vec<Option<Line>> = Vec::new();
    let mut at = 0;
    for raw in text.split('\n') {
        let start = at + (raw.len() - raw.trim_start().len());
        let end = at + raw.trim_end().len();
        at += raw.len() + 1;
        lines.push((end > start).then(|| Line {
            bullet: text.get(start..end).and_then(bullet_len),
            range: start..end,
        }));
    }
    let first = lines.iter().position(Option::is_some).unwrap_or(0);
    let last = lines.iter().rposition(Option::is_some).unwrap_or(0);
    let wrapped = lines
        .get(first..=last)
        .is_some_and(|inner| inner.iter().any(Option::is_none));
    if wrapped {
        blocks(text, &lines)
    } else {
        lines.iter().flatten().map(|l| single(text, l)).collect()
    }
}

/// A unit of one line.
fn single(text: &str, line: &Line) -> Unit {
    let line_text = text.get(line.range.clone()).unwrap_or_default();
    match line.bullet {
        Some(marker) => Unit {
            kind: UnitKind::Item,
            range: line.range.start + marker..line.range.end,
        },
        None if heading_shaped(line_text) => Unit {
            kind: UnitKind::Heading,
            range: line.range.clone(),
        },
        None => Unit {
            kind: UnitKind::Paragraph,
            range: line.range.clone(),
        },
    }
}

/// Units of an article whose paragraphs are separated by blank lines.
fn blocks(text: &str, lines: &[Option<Line>]) -> Vec<Unit> {
    let mut out = Vec::new();
    for block in lines.split(Option::is_none) {
        let block: Vec<&Line> = block.iter().flatten().collect();
        if let [only] = block.as_slice() {
            out.push(single(text, only));
            continue;
        }
        let mut current: Option<Unit> = None;
        for line in block {
            if let Some(marker) = line.bullet {
                out.extend(current.take());
                current = Some(Unit {
                    kind: UnitKind::Item,
                    range: line.range.start + marker..line.range.end,
                });
            } else if let Some(unit) = current.as_mut() {
                unit.range.end = line.range.end;
            } else {
                current = Some(Unit {
                    kind: UnitKind::Paragraph,
                    range: line.range.clone(),
                });
            }
        }
        out.extend(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(UnitKind, &str)> {
        units(text)
            .into_iter()
            .map(|u| (u.kind, &text[u.range]))
            .collect()
    }

    #[test]
    fn without_blank_lines_every_line_is_a_unit() {
        let text = "Titel\nEin Satz. Noch einer.\nZwischentitel\n- Punkt eins.\n  - Punkt zwei\n";
        assert_eq!(
            shapes(text),
            [
                (UnitKind::Heading, "Titel"),
                (UnitKind::Paragraph, "Ein Satz. Noch einer."),
                (UnitKind::Heading, "Zwischentitel"),
                (UnitKind::Item, "Punkt eins."),
                (UnitKind::Item, "Punkt zwei"),
            ]
        );
    }

    #[test]
    fn with_blank_lines_a_paragraph_wraps_over_lines() {
        let text = "Title\n\nA paragraph that\nwraps «over\nlines».\n\n- one item\n  that wraps\n- two\n\nSub-heading\n\nLast.\n";
        assert_eq!(
            shapes(text),
            [
                (UnitKind::Heading, "Title"),
                (
                    UnitKind::Paragraph,
                    "A paragraph that\nwraps «over\nlines»."
                ),
                (UnitKind::Item, "one item\n  that wraps"),
                (UnitKind::Item, "two"),
                (UnitKind::Heading, "Sub-heading"),
                (UnitKind::Paragraph, "Last."),
            ]
        );
    }

    #[test]
    fn empty_text_has_no_units() {
        assert!(units("").is_empty());
        assert!(units("\n \n").is_empty());
    }
}
