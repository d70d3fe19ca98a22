//! The pane: wrapped lines of the docs, with search hits, the marked passage
//! and the selection, drawn only for the rows on screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::chrome::put;
use crate::app::{App, Hit, INLINE_INDENT, VLine};
use crate::doc::{Doc, Layout, LineRef};
use crate::geometry::{GUTTER, Geometry};
use crate::pane::PaneId;

/// Highlights that apply to one block: search hits and the marked passage.
struct Highlights<'a> {
    hits: &'a [Hit],
    current: Option<&'a Hit>,
    mark: Option<Range<usize>>,
}

impl Highlights<'_> {
    /// No highlights (details are not searched).
    const NONE: Highlights<'static> = Highlights {
        hits: &[],
        current: None,
        mark: None,
    };
}

pub(super) fn pane(app: &App, g: &Geometry, buf: &mut Buffer) {
    if !app.pane().is_list() {
        let col = g.text_column();
        main_column(app, col, 0, buf);
        return;
    }
    let list = g.list_column();
    main_column(app, list, GUTTER, buf);
    if let (Some(col), Some(rule)) = (g.detail_column(), g.detail_rule()) {
        for y in rule.y..rule.bottom() {
            put(
                buf,
                rule.x,
                y,
                rule.right(),
                app.symbols().vrule,
                app.theme().rule,
            );
        }
        let scroll = app.pane_state().detail_scroll.top();
        for (row, y) in (col.y..col.bottom()).enumerate() {
            let Some(line) = app.detail.layout.lines.get(scroll + row) else {
                break;
            };
            let doc = &app.detail.doc;
            draw_line(
                app,
                doc,
                line,
                col.x,
                y,
                col.right(),
                &Highlights::NONE,
                buf,
            );
        }
    }
}

/// The scrolling column: the pane's doc (with the inline detail on narrow
/// screens) and, in list panes, the selection gutter.
fn main_column(app: &App, col: Rect, gutter: u16, buf: &mut Buffer) {
    let pane = app.pane();
    let doc = app.doc();
    let layout = app.layout();
    let selected = app.selected();
    let selected_lines = selected.map(|i| app.item_lines(i));
    let current = app.search().current.and_then(|i| app.search().hits.get(i));
    for (row, y) in (col.y..col.bottom()).enumerate() {
        let v = app.scroll() + row;
        let Some(vline) = app.vline(v) else { break };
        let text_x = col.x + gutter;
        if let Some(lines) = &selected_lines
            && lines.contains(&v)
        {
            let marker = if v == lines.start {
                app.symbols().selected
            } else {
                app.symbols().selected_more
            };
            put(buf, col.x, y, text_x, marker, app.theme().selection);
        }
        match vline {
            VLine::Main(i) => {
                let Some(line) = layout.lines.get(i) else {
                    continue;
                };
                let block = line.block as usize;
                let hl = Highlights {
                    hits: app.search().hits_in(pane, block),
                    current: current.filter(|h| h.pane == pane.index() && h.block == block),
                    mark: mark_in(app, pane, block),
                };
                draw_line(app, doc, line, text_x, y, col.right(), &hl, buf);
            }
            VLine::Detail(i) => {
                let Some(line) = app.detail.layout.lines.get(i) else {
                    continue;
                };
                let x = text_x + INLINE_INDENT;
                let doc = &app.detail.doc;
                draw_line(app, doc, line, x, y, col.right(), &Highlights::NONE, buf);
            }
        }
    }
}

fn mark_in(app: &App, pane: PaneId, block: usize) -> Option<Range<usize>> {
    app.mark
        .as_ref()
        .filter(|m| m.pane == pane && m.anchor.block == block)
        .map(|m| m.anchor.range.clone())
}

/// Draws one wrapped line at `x`, `y`, clipped at `right`.
#[allow(clippy::too_many_arguments)]
fn draw_line(
    app: &App,
    doc: &Doc,
    line: &LineRef,
    x: u16,
    y: u16,
    right: u16,
    hl: &Highlights<'_>,
    buf: &mut Buffer,
) {
    let Some(block) = doc.blocks.get(line.block as usize) else {
        return;
    };
    let lead = Layout::lead(block, line);
    let mut x = put(buf, x, y, right, &lead, app.theme().role_meta);
    let mut last = app.theme().role_body;
    for (range, role) in Layout::pieces(block, line) {
        let base = app.theme().role(role);
        for (part, style) in split_by_highlights(range, base, hl, app) {
            let Some(text) = block.text.get(part) else {
                continue;
            };
            x = put(buf, x, y, right, text, style);
            last = style;
        }
    }
    if line.hyphen {
        put(buf, x, y, right, "-", last);
    }
}

/// Splits a piece of a line where search hits and the mark start and end.
fn split_by_highlights(
    range: Range<usize>,
    base: Style,
    hl: &Highlights<'_>,
    app: &App,
) -> Vec<(Range<usize>, Style)> {
    // Hits are sorted and do not overlap: only those on this piece matter.
    let first = hl.hits.partition_point(|h| h.range.end <= range.start);
    let last = hl.hits.partition_point(|h| h.range.start < range.end);
    let hits = hl.hits.get(first..last.max(first)).unwrap_or_default();
    let mut cuts = vec![range.start, range.end];
    let marks = hl.mark.iter().cloned();
    for r in hits.iter().map(|h| h.range.clone()).chain(marks) {
        for at in [r.start, r.end] {
            if at > range.start && at < range.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(*a..*b),
            _ => None,
        })
        .map(|part| {
            let inside = |r: &Range<usize>| r.start <= part.start && part.end <= r.end;
            let mut style = base;
            if hl.mark.as_ref().is_some_and(inside) {
                style = style.patch(app.theme().mark);
            }
            if hl.current.is_some_and(|h| inside(&h.range)) {
                style = style.patch(app.theme().hit_current);
            } else if hits.iter().any(|h| inside(&h.range)) {
                style = style.patch(app.theme().hit);
            }
            (part, style)
        })
        .collect()
}
