//! The full text against the article: title, lede, summary points,
//! headings and paragraphs found one after the other in the article's
//! order, and no text of the article left out between them.
//!
//! What a briefing has no field for is not counted as left out: the list
//! markers before summary points, and a heading line directly above the
//! first summary point (the article's own "Das Wichtigste in Kürze").

use std::ops::Range;

use crate::briefing::Briefing;

use super::check::{Finding, not_verbatim};
use super::field::{Field, covering};
use super::find::{Budget, OutOfWork, scan};
use super::haystack::Haystack;
use super::nearest::Snap;
use super::normal::Normal;
use super::shape::{bullet_len, heading_shaped};
use super::words::whole_words;

/// Finds each covering string after the one before it, then reports the
/// article text that none of them covers.
///
/// # Errors
/// When the budget is spent; `at` then names the string being checked.
pub fn check(
    b: &Briefing,
    hay: &Haystack<'_>,
    budget: &mut Budget,
    found: &mut Vec<Finding>,
    at: &mut Field,
) -> Result<(), OutOfWork> {
    let mut cursor = 0;
    let mut placed: Vec<(Range<usize>, Field)> = Vec::new();
    for field in covering(b) {
        *at = field;
        let norm = Normal::new(field.text(b));
        let needle = norm.text();
        if needle.is_empty() {
            continue;
        }
        let name = field.name();
        let text = hay.text();
        let whole = |s: usize| whole_words(text, s, s + needle.len());
        if let Some(start) = scan(&hay.words, needle, cursor, budget, whole)? {
            cursor = start + needle.len();
            placed.push((start..cursor, field));
        } else if let Some(start) = scan(&hay.words, needle, 0, budget, whole)? {
            let message = format!(
                "{name} is out of the article's order: the article has it earlier \
                 (moved or repeated?)"
            );
            found.push(Finding::at_start(field, message, Some(start)));
            placed.push((start..start + needle.len(), field));
        } else {
            let (finding, passage) = not_verbatim(field, &norm, hay, Snap::Unit, budget)?;
            found.push(finding);
            if let Some(passage) = passage {
                if passage.start >= cursor {
                    cursor = passage.end;
                }
                placed.push((passage, field));
            }
        }
    }
    left_out(b, hay, placed, found);
    Ok(())
}

/// Reports each stretch of the article that no covering string holds.
fn left_out(
    b: &Briefing,
    hay: &Haystack<'_>,
    mut placed: Vec<(Range<usize>, Field)>,
    found: &mut Vec<Finding>,
) {
    placed.sort_by_key(|(r, _)| (r.start, r.end));
    let summary_start = placed
        .iter()
        .find(|(_, f)| *f == Field::Summary(0))
        .map(|(r, _)| hay.norm.source(r.start));
    let mut covered_to = 0;
    let mut gaps = Vec::new();
    for (i, (range, _)) in placed.iter().enumerate() {
        if range.start > covered_to {
            gaps.push((covered_to..range.start, Some(i)));
        }
        covered_to = covered_to.max(range.end);
    }
    gaps.push((covered_to..hay.text().len(), None));
    for (gap, next) in gaps {
        let Some(first) = unexplained(hay, gap, summary_start) else {
            continue;
        };
        let (field, message) = match (next.and_then(|i| placed.get(i)), placed.last()) {
            (Some((_, f)), _) => (
                *f,
                format!(
                    "the briefing leaves out article text before this {}",
                    f.name()
                ),
            ),
            (None, Some((_, f))) => (
                *f,
                format!(
                    "the briefing leaves out article text after this {}",
                    f.name()
                ),
            ),
            (None, None) => (
                Field::Title,
                "the briefing holds none of the article's text".to_string(),
            ),
        };
        let _ = b;
        found.push(Finding::at_start(field, message, Some(first)));
    }
}

/// The first place in `gap` (a range of the normalised article) holding
/// text that no briefing field accounts for.
fn unexplained(
    hay: &Haystack<'_>,
    gap: Range<usize>,
    summary_start: Option<usize>,
) -> Option<usize> {
    let gap_text = hay.text().get(gap.clone())?;
    if gap_text.trim().is_empty() {
        return None;
    }
    let clean = hay.clean;
    let start = hay.norm.source(gap.start);
    let end = if gap.end >= hay.text().len() {
        clean.len()
    } else {
        hay.norm.source(gap.end)
    };
    let mut line_start = clean.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    while line_start < end {
        let line_end = clean
            .get(line_start..)?
            .find('\n')
            .map_or(clean.len(), |i| line_start + i);
        let line = clean.get(line_start..line_end)?;
        let piece = start.max(line_start)..end.min(line_end);
        let text = clean.get(piece.clone())?;
        let trimmed_start = piece.start + (text.len() - text.trim_start().len());
        let explained = text.trim().is_empty()
            || is_marker(line, line_start, &piece)
            || is_summary_label(clean, line, line_end, summary_start);
        if !explained {
            return Some(hay.norm.at_source(trimmed_start));
        }
        line_start = line_end + 1;
    }
    None
}

/// Whether `piece` of a line is no more than the line's list marker.
fn is_marker(line: &str, line_start: usize, piece: &Range<usize>) -> bool {
    bullet_len(line).is_some_and(|m| piece.end <= line_start + m)
}

/// Whether `line` is a heading directly above the first summary point.
fn is_summary_label(clean: &str, line: &str, line_end: usize, summary: Option<usize>) -> bool {
    let Some(summary) = summary else {
        return false;
    };
    if !heading_shaped(line) {
        return false;
    }
    let after = clean.get(line_end..).unwrap_or_default();
    let next_start = line_end + (after.len() - after.trim_start().len());
    let next_line_start = clean
        .get(..next_start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let next_end = clean
        .get(next_start..)
        .and_then(|s| s.find('\n'))
        .map_or(clean.len(), |i| next_start + i);
    (next_line_start..next_end).contains(&summary)
}
