//! Drawing the library screen: title bar, the list of briefings (or the
//! full-text search results), the selected briefing's detail on wide
//! screens, the status line; a briefing opened from it under a one-line
//! frame.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::chrome::{Hints, put};
use super::help::{Look, overlay};
use crate::action::Mode;
use crate::labels::{Labels, Lang};
use crate::library::{Row, SortBy};
use crate::pane::PaneId;
use crate::shelf::{Line, Prompt, Shelf, ShelfLayout};
use crate::symbols::Symbols;
use crate::text::ascii::to_ascii;
use crate::text::fit::{fit, tail};

/// Draws the library screen into `area` of `buf`.
pub fn render(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let (w, h) = shelf.size();
    if (area.width, area.height) != (w, h) {
        // Laid out for its own size: drawn at the origin of a scratch
        // buffer, then what fits is copied (as the reader does).
        let mut scratch = Buffer::empty(Rect::new(0, 0, w, h));
        draw(shelf, &mut scratch);
        copy(&scratch, area, buf);
        return;
    }
    if area.x == 0 && area.y == 0 {
        draw(shelf, buf);
        return;
    }
    let mut scratch = Buffer::empty(Rect::new(0, 0, w, h));
    draw(shelf, &mut scratch);
    copy(&scratch, area, buf);
}

fn copy(from: &Buffer, area: Rect, to: &mut Buffer) {
    for y in 0..area.height.min(from.area.height) {
        for x in 0..area.width.min(from.area.width) {
            if let (Some(a), Some(b)) = (from.cell((x, y)), to.cell_mut((area.x + x, area.y + y))) {
                b.clone_from(a);
            }
        }
    }
}

/// Everything, at the origin of `buf` (which has the shelf's size).
fn draw(shelf: &Shelf, buf: &mut Buffer) {
    let (w, h) = shelf.size();
    if w == 0 || h == 0 {
        return;
    }
    let full = Rect::new(0, 0, w, h);
    if let Some(reading) = shelf.reading() {
        let frame = shelf.frame_rows();
        if frame > 0 {
            reader_frame(shelf, &reading.shown, Rect::new(0, 0, w, 1), buf);
        }
        let below = Rect::new(0, frame, w, h.saturating_sub(frame));
        super::render(&reading.app, below, buf);
        return;
    }
    let layout = ShelfLayout::new(w, h);
    if layout.too_small {
        let text = fit(&ui(shelf, shelf.labels().too_small), usize::from(w), "");
        let y = h / 2;
        put(buf, 0, y, w, &text, shelf.theme().notice);
        return;
    }
    title(shelf, layout.title, buf);
    if let Some((top, bottom)) = layout.rules {
        for r in [top, bottom] {
            let line = symbols(shelf).rule.repeat(usize::from(r.width));
            put(buf, r.x, r.y, r.right(), &line, shelf.theme().rule);
        }
    }
    match shelf.found() {
        Some(_) => results(shelf, layout.list, buf),
        None => list(shelf, layout.list, buf),
    }
    if let Some((detail_area, rule)) = layout.detail {
        for y in rule.y..rule.bottom() {
            put(
                buf,
                rule.x,
                y,
                rule.right(),
                symbols(shelf).vrule,
                shelf.theme().rule,
            );
        }
        detail(shelf, detail_area, buf);
    }
    status(shelf, layout.status, buf);
    if let Some(help) = shelf.help() {
        let look = Look {
            theme: shelf.theme(),
            labels: shelf.labels(),
            symbols: symbols(shelf),
        };
        overlay(&look, help, full, buf);
    }
}

fn symbols(shelf: &Shelf) -> &'static Symbols {
    if shelf.ascii() {
        &Symbols::ASCII
    } else {
        &Symbols::UNICODE
    }
}

/// Text from files and prompts as drawn: transliterated when ASCII only.
fn ui<'a>(shelf: &Shelf, text: &'a str) -> Cow<'a, str> {
    if shelf.ascii() {
        to_ascii(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// The one-line frame above an open briefing: where it is in the library.
fn reader_frame(shelf: &Shelf, shown: &str, area: Rect, buf: &mut Buffer) {
    let theme = shelf.theme();
    let left = format!(
        " {} {} {}",
        shelf.labels().library,
        if shelf.ascii() { ">" } else { "›" },
        ui(shelf, shown)
    );
    let left = fit(
        &left,
        usize::from(area.width.saturating_sub(1)),
        symbols(shelf).ellipsis,
    );
    put(buf, area.x, area.y, area.right(), &left, theme.status);
}

/// "Bibliothek · 214 Briefings · 37 ungelesen", the folder on the right.
fn title(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let l = shelf.labels();
    let dot = symbols(shelf).dot;
    let list = shelf.list();
    let count = Labels::counted(list.rows().len(), l.briefing, l.briefings);
    let mut text = format!(" {} {dot} {count}", l.library);
    let unread = list.unread_count();
    if unread > 0 {
        let _ = write!(text, " {dot} {unread} {}", l.unread);
    }
    if list.unread_only() {
        let _ = write!(text, " {dot} {}", l.unread_only);
    }
    if !list.filter().is_empty() {
        let _ = write!(text, " {dot} {} «{}»", l.filter, ui(shelf, list.filter()));
    }
    if let Some(found) = shelf.found() {
        let _ = write!(text, " {dot} {} «{}»", l.full_text, ui(shelf, &found.query));
    }
    let dir = ui(shelf, shelf.shown_dir());
    let room = usize::from(area.width).saturating_sub(text.width() + 3);
    let dir = if dir.width() <= room {
        dir.into_owned()
    } else {
        // Cut at the start: the folder's own name matters most.
        let ellipsis = symbols(shelf).ellipsis;
        format!(
            "{ellipsis}{}",
            tail(&dir, room.saturating_sub(ellipsis.width()))
        )
    };
    let x = put(
        buf,
        area.x,
        area.y,
        area.right(),
        &text,
        shelf.theme().title,
    );
    let dir_x = area
        .right()
        .saturating_sub(u16::try_from(dir.width()).unwrap_or(0) + 1);
    if dir_x > x {
        put(
            buf,
            dir_x,
            area.y,
            area.right(),
            &dir,
            shelf.theme().role_meta,
        );
    }
}

/// The rows of the list.
fn list(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let theme = shelf.theme();
    let list = shelf.list();
    let view = list.view();
    if view.is_empty() {
        let l = shelf.labels();
        let text = match (shelf.failed(), shelf.progress()) {
            (Some(why), _) => why.to_string(),
            (None, Some(_)) => format!("{} …", l.loading),
            (None, None) if list.rows().is_empty() => l.no_briefings.to_string(),
            (None, None) => l.nothing_matches.to_string(),
        };
        put(
            buf,
            area.x + 2,
            area.y,
            area.right(),
            &ui(shelf, &text),
            theme.notice,
        );
        return;
    }
    let per = shelf.row_lines();
    let selected = list.selected();
    let rows_shown = usize::from(area.height) / per;
    for (i, position) in (shelf.scroll().top()..view.len())
        .take(rows_shown)
        .enumerate()
    {
        let Some(row) = view.get(position).and_then(|&r| list.row(r)) else {
            continue;
        };
        let read = view.get(position).is_some_and(|&r| list.is_read(r));
        let y = area.y + u16::try_from(i * per).unwrap_or(u16::MAX);
        let is_selected = selected == Some(position);
        row_lines(
            shelf,
            row,
            read,
            is_selected,
            Rect::new(area.x, y, area.width, 1),
            per == 2,
            buf,
        );
    }
}

/// One briefing: the title line, and under it, where there is room, its
/// topics and counts.
#[allow(clippy::too_many_arguments)]
fn row_lines(
    shelf: &Shelf,
    row: &Row,
    read: bool,
    selected: bool,
    area: Rect,
    two: bool,
    buf: &mut Buffer,
) {
    let theme = shelf.theme();
    let s = symbols(shelf);
    let right = area.right();
    if selected {
        put(buf, area.x, area.y, right, s.selected, theme.selection);
        if two {
            put(
                buf,
                area.x,
                area.y + 1,
                right,
                s.selected_more,
                theme.selection,
            );
        }
    }
    let (mark, mark_style) = match (&row.content, read) {
        (Err(_), _) => (if shelf.ascii() { "x" } else { "✗" }, theme.notice),
        (Ok(_), false) => (if shelf.ascii() { "*" } else { "●" }, theme.key),
        (Ok(_), true) => (" ", theme.status),
    };
    let x = put(buf, area.x + 2, area.y, right, mark, mark_style);
    let lang = row.summary().map_or("--", |s| s.lang.as_str());
    let x = put(
        buf,
        x + 1,
        area.y,
        right,
        &fit(lang, 5, ""),
        theme.role_meta,
    );
    let title_x = area.x + 10;
    let date = date(shelf, row);
    let date_x = right.saturating_sub(u16::try_from(date.width()).unwrap_or(0) + 1);
    let title_end = date_x.saturating_sub(2).max(x + 1);
    let (title, title_style) = match &row.content {
        Ok(s) => (
            ui(shelf, &s.title).into_owned(),
            if selected {
                theme.tab_active
            } else {
                theme.role_name
            },
        ),
        Err(_) => (
            ui(shelf, &row.problem_line(&row.shown).unwrap_or_default()).into_owned(),
            theme.notice,
        ),
    };
    let room = usize::from(title_end.saturating_sub(title_x));
    put(
        buf,
        title_x,
        area.y,
        title_end,
        &fit(&title, room, s.ellipsis),
        title_style,
    );
    if date_x > title_end {
        put(buf, date_x, area.y, right, &date, theme.role_meta);
    }
    if !two {
        return;
    }
    let meta = match row.summary() {
        Some(summary) => {
            let topics = summary.topics.join(&format!(" {} ", s.dot));
            let counts = counts(shelf, summary);
            if topics.is_empty() {
                counts
            } else {
                format!("{counts} {} {topics}", s.dot)
            }
        }
        None => row.shown.clone(),
    };
    let room = usize::from(right.saturating_sub(title_x + 1));
    put(
        buf,
        title_x,
        area.y + 1,
        right,
        &fit(&ui(shelf, &meta), room, s.ellipsis),
        theme.role_meta,
    );
}

/// "Zitate: 4 · Zahlen: 6 · Akteure: 15".
fn counts(shelf: &Shelf, summary: &crate::library::Summary) -> String {
    let (l, dot) = (shelf.labels(), symbols(shelf).dot);
    format!(
        "{}: {} {dot} {}: {} {dot} {}: {}",
        l.count_quotes,
        summary.quotes,
        l.count_figures,
        summary.figures,
        l.count_actors,
        summary.actors
    )
}

/// The file's date: `12.06.2026` in German, `2026-06-12` in English.
fn date(shelf: &Shelf, row: &Row) -> String {
    let c = row.modified.civil();
    match shelf.lang() {
        Lang::De => format!("{:02}.{:02}.{}", c.day, c.month, c.year),
        Lang::En => c.date(),
    }
}

/// The full-text search results: a line per briefing, a line per hit.
fn results(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let Some(found) = shelf.found() else { return };
    let theme = shelf.theme();
    let s = symbols(shelf);
    let l = shelf.labels();
    if found.lines.is_empty() {
        let text = if found.job.is_some() {
            format!("{} …", l.searching)
        } else {
            l.no_results.to_string()
        };
        put(buf, area.x + 2, area.y, area.right(), &text, theme.notice);
        return;
    }
    let selected = found.lines.selected();
    let top = found.scroll.top();
    for (i, line) in found
        .lines
        .lines()
        .iter()
        .enumerate()
        .skip(top)
        .take(usize::from(area.height))
    {
        let y = area.y + u16::try_from(i - top).unwrap_or(u16::MAX);
        match *line {
            Line::Briefing(g) => {
                let Some(group) = found.results.groups.get(g) else {
                    continue;
                };
                let title = ui(shelf, &group.title);
                let text = format!("{title}  ({})", Labels::counted(group.count, l.hit, l.hits));
                let room = usize::from(area.width.saturating_sub(3));
                put(
                    buf,
                    area.x + 2,
                    y,
                    area.right(),
                    &fit(&text, room, s.ellipsis),
                    theme.role_name,
                );
            }
            Line::Hit(g, h) => {
                let Some(hit) = found
                    .results
                    .groups
                    .get(g)
                    .and_then(|group| group.hits.get(h))
                else {
                    continue;
                };
                let current = selected == Some(i);
                if current {
                    put(buf, area.x, y, area.right(), s.selected, theme.selection);
                }
                let pane = pane_label(shelf, hit.pane);
                let x = put(buf, area.x + 4, y, area.right(), &pane, theme.role_meta);
                snippet(
                    shelf,
                    &hit.snippet,
                    hit.snippet_hit.clone(),
                    current,
                    Rect::new(x + 2, y, area.right().saturating_sub(x + 2), 1),
                    buf,
                );
            }
        }
    }
}

/// A pane's label, short.
fn pane_label(shelf: &Shelf, pane: PaneId) -> String {
    shelf
        .labels()
        .sections
        .get(pane.index())
        .copied()
        .unwrap_or_default()
        .to_string()
}

/// A hit in its context, the hit itself highlighted.
fn snippet(
    shelf: &Shelf,
    text: &str,
    hit: std::ops::Range<usize>,
    current: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = shelf.theme();
    let before = text.get(..hit.start).unwrap_or_default();
    let found = text.get(hit.clone()).unwrap_or_default();
    let after = text.get(hit.end..).unwrap_or_default();
    let hit_style = if current {
        theme.hit_current
    } else {
        theme.hit
    };
    let mut x = area.x;
    for (part, style) in [
        (before, theme.role_body),
        (found, theme.role_body.patch(hit_style)),
        (after, theme.role_body),
    ] {
        x = put(buf, x, area.y, area.right(), &ui(shelf, part), style);
    }
}

/// The selected briefing's detail beside the list (wide screens).
fn detail(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let row = match shelf.found() {
        Some(found) => {
            let Some((g, _)) = found.lines.selected_hit() else {
                return;
            };
            let Some(group) = found.results.groups.get(g) else {
                return;
            };
            shelf
                .list()
                .rows()
                .iter()
                .find(|r| r.hash == Some(group.hash))
        }
        None => shelf.list().selected_row(),
    };
    let Some(row) = row else { return };
    let theme = shelf.theme();
    let l = shelf.labels();
    let width = usize::from(area.width);
    let mut lines: Vec<(String, Style)> = Vec::new();
    let mut add = |text: String, style: Style| {
        for part in crate::text::wrap::wrap(&text, width.max(1), None) {
            lines.push((
                text.get(part.start..part.end)
                    .unwrap_or_default()
                    .to_string(),
                style,
            ));
        }
    };
    add(ui(shelf, row.title()).into_owned(), theme.role_title);
    add(String::new(), theme.status);
    if let Ok(summary) = &row.content {
        if !summary.topics.is_empty() {
            add(
                format!(
                    "{}: {}",
                    l.topics_label,
                    ui(shelf, &summary.topics.join(", "))
                ),
                theme.role_meta,
            );
        }
        add(counts(shelf, summary), theme.role_meta);
        if !summary.actor_names.is_empty() {
            add(
                ui(shelf, &summary.actor_names.join(", ")).into_owned(),
                theme.role_body,
            );
        }
    } else if let Some(problem) = row.problem_line(&row.shown) {
        add(
            format!("{}: {}", l.problem_label, ui(shelf, &problem)),
            theme.notice,
        );
    }
    add(String::new(), theme.status);
    add(
        format!("{}: {}", l.file_label, ui(shelf, &row.shown)),
        theme.role_meta,
    );
    add(
        format!("{}: {}", l.date_label, date(shelf, row)),
        theme.role_meta,
    );
    for ((text, style), y) in lines.iter().zip(area.y..area.bottom()) {
        put(buf, area.x, y, area.right(), text, *style);
    }
}

/// The status line: the prompt, a notice or the hints; on the right where
/// in the list, and loading or searching progress.
fn status(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let theme = shelf.theme();
    let right_text = position(shelf);
    let right_w = u16::try_from(right_text.width()).unwrap_or(area.width);
    let right_x = area.right().saturating_sub(right_w + 1);
    let left_end = right_x.saturating_sub(2);
    if let (Mode::Search, Some(prompt)) = (shelf.mode(), shelf.prompt()) {
        let (label, text) = match prompt {
            Prompt::Filter(t) => (shelf.labels().filter, t),
            Prompt::FullText(t) => (shelf.labels().full_text, t),
        };
        let shown = format!("{label}: {}", ui(shelf, text));
        let room = usize::from(left_end.saturating_sub(area.x + 2));
        let shown = tail(&shown, room);
        let x = put(buf, area.x + 1, area.y, left_end, &shown, theme.notice);
        put(buf, x, area.y, left_end.saturating_add(1), " ", theme.hit);
    } else if let Some(notice) = shelf.notice() {
        put(
            buf,
            area.x + 1,
            area.y,
            left_end,
            &ui(shelf, notice),
            theme.notice,
        );
    } else {
        Hints {
            keymap: shelf.keymap(),
            screen: shelf.screen(),
            lang: shelf.lang(),
            ascii: shelf.ascii(),
            theme,
        }
        .draw(area, left_end, buf);
    }
    if right_x > area.x {
        put(
            buf,
            right_x,
            area.y,
            area.right(),
            &right_text,
            theme.status,
        );
    }
}

/// "3/214", and what is still loading or being searched.
fn position(shelf: &Shelf) -> String {
    let l = shelf.labels();
    let mut out = String::new();
    if let Some((done, total)) = shelf.progress() {
        let _ = write!(out, "{} {done}/{total}  ", l.loading);
    }
    if shelf.cut_short() {
        let _ = write!(out, "({})  ", l.cut_short);
    }
    if let Some(found) = shelf.found() {
        let r = &found.results;
        if found.job.is_some() {
            let _ = write!(out, "{} {}/{}  ", l.searched, r.progress.0, r.progress.1);
        }
        let _ = write!(
            out,
            "{} {} {}",
            Labels::counted(r.count, l.hit, l.hits),
            l.in_briefings,
            Labels::counted(r.groups.len(), l.briefing, l.briefings),
        );
        if r.capped {
            let _ = write!(out, " {}", l.capped);
        }
        return out;
    }
    let list = shelf.list();
    let shown = list.view().len();
    match list.selected() {
        Some(i) => {
            let _ = write!(out, "{}/{shown}", i + 1);
        }
        None => {
            let _ = write!(out, "0/{shown}");
        }
    }
    if list.sort() == SortBy::Title {
        out.push_str(" A-Z");
    }
    out
}
