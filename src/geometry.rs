//! Where everything goes on a screen of a given size: a pure function of the
//! size, shared by the state (page sizes) and the view (drawing).

use std::ops::Range;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::labels::Labels;

/// Widest column of running text, for readable lines.
pub const MAX_TEXT_WIDTH: u16 = 96;
/// Terminals at least this wide show list and detail side by side.
pub const WIDE: u16 = 120;
/// Below this width or height the reader shows a "too small" notice.
pub const MIN_WIDTH: u16 = 16;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 4;
/// Columns of the selection gutter in list panes.
pub const GUTTER: u16 = 2;
/// Largest area drawn: a bigger terminal gets this much, from its top left
/// corner. Bounds the memory of a frame whatever size a terminal claims.
pub const MAX_WIDTH: u16 = 1000;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: u16 = 500;

/// A terminal size brought within [`MAX_WIDTH`] x [`MAX_HEIGHT`].
pub fn capped(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// The screen's regions; rows that are dropped on small screens are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The whole screen.
    pub area: Rect,
    /// Whether the screen is below the smallest useful size.
    pub too_small: bool,
    /// Title bar.
    pub title: Option<Rect>,
    /// Section tabs.
    pub tabs: Rect,
    /// Rule under the tabs.
    pub top_rule: Option<Rect>,
    /// The pane.
    pub body: Rect,
    /// Rule over the status line.
    pub bottom_rule: Option<Rect>,
    /// Status line.
    pub status: Rect,
}

impl Geometry {
    /// Lays out a screen of `width` x `height` (capped at [`MAX_WIDTH`] x
    /// [`MAX_HEIGHT`]). Small screens lose the rules first, then the title
    /// bar.
    pub fn new(width: u16, height: u16) -> Self {
        let (width, height) = capped(width, height);
        let area = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self {
                area,
                too_small: true,
                ..Self::default()
            };
        }
        // Narrow screens (under 60 columns) drop the rules: every row counts.
        let rules = height >= 12 && width >= 60;
        let title = height >= 7;
        let mut y = 0;
        let mut row = || {
            let r = Rect::new(0, y, width, 1);
            y += 1;
            r
        };
        let title = title.then(&mut row);
        let tabs = row();
        let top_rule = rules.then(&mut row);
        let below = 1 + u16::from(rules);
        let body_top = y;
        let body = Rect::new(0, body_top, width, height.saturating_sub(body_top + below));
        let bottom_rule = rules.then(|| Rect::new(0, height - 2, width, 1));
        let status = Rect::new(0, height - 1, width, 1);
        Self {
            area,
            too_small: false,
            title,
            tabs,
            top_rule,
            body,
            bottom_rule,
            status,
        }
    }

    /// The same layout with its top left corner at `x`, `y`.
    #[must_use]
    pub fn offset(&self, x: u16, y: u16) -> Self {
        let at = |r: Rect| {
            Rect::new(
                r.x.saturating_add(x),
                r.y.saturating_add(y),
                r.width,
                r.height,
            )
        };
        Self {
            area: at(self.area),
            too_small: self.too_small,
            title: self.title.map(at),
            tabs: at(self.tabs),
            top_rule: self.top_rule.map(at),
            body: at(self.body),
            bottom_rule: self.bottom_rule.map(at),
            status: at(self.status),
        }
    }

    /// Whether list panes show the detail beside the list.
    pub fn wide(&self) -> bool {
        self.area.width >= WIDE
    }

    /// The column of running text: at most [`MAX_TEXT_WIDTH`], centred.
    pub fn text_column(&self) -> Rect {
        centred_column(self.body, MAX_TEXT_WIDTH)
    }

    /// The list column of list panes (gutter included).
    pub fn list_column(&self) -> Rect {
        if !self.wide() {
            return centred_column(self.body, MAX_TEXT_WIDTH + GUTTER);
        }
        let inner = self.body.width.saturating_sub(2);
        let two_fifths = u32::from(inner) * 2 / 5;
        let width = u16::try_from(two_fifths).unwrap_or(u16::MAX).clamp(40, 60);
        Rect::new(self.body.x + 1, self.body.y, width, self.body.height)
    }

    /// The detail column beside the list, on wide screens.
    pub fn detail_column(&self) -> Option<Rect> {
        if !self.wide() {
            return None;
        }
        let list = self.list_column();
        let x = list.right().saturating_add(3); // space, rule, space
        let width = self
            .body
            .right()
            .saturating_sub(x.saturating_add(1))
            .min(MAX_TEXT_WIDTH);
        Some(Rect::new(x, self.body.y, width, self.body.height))
    }

    /// The rule between list and detail, on wide screens.
    pub fn detail_rule(&self) -> Option<Rect> {
        self.wide().then(|| {
            Rect::new(
                self.list_column().right().saturating_add(1),
                self.body.y,
                1,
                self.body.height,
            )
        })
    }
}

/// A column of at most `max` columns, centred in `area`, with a margin of one
/// column on each side when there is room.
fn centred_column(area: Rect, max: u16) -> Rect {
    let margin = u16::from(area.width >= 40);
    let width = area.width.saturating_sub(2 * margin).min(max);
    let x = area.x + (area.width - width) / 2;
    Rect::new(x, area.y, width, area.height)
}

/// How much of each tab label fits in the tab row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabStyle {
    /// " 1 Überblick " and so on.
    Full,
    /// " 1 " and so on, then the active label.
    Numbers,
    /// "1 2 3 4 5 6", for the narrowest screens.
    Tight,
}

/// The tab style for a row of `width` columns; `marks` are the keys that
/// open each tab ("1" to "6" unless rebound).
pub fn tab_style(labels: &Labels, marks: &[String], width: u16) -> TabStyle {
    let marked = labels.sections.iter().zip(marks);
    let full: usize = marked
        .map(|(l, m)| l.width() + m.width() + 3)
        .sum::<usize>()
        + 1;
    let numbers: usize = marks.iter().map(|m| m.width() + 2).sum::<usize>() + 1;
    if full <= usize::from(width) {
        TabStyle::Full
    } else if numbers <= usize::from(width) {
        TabStyle::Numbers
    } else {
        TabStyle::Tight
    }
}

/// The column range of each tab, for drawing and for mouse clicks.
pub fn tab_spans(labels: &Labels, marks: &[String], width: u16) -> Vec<Range<u16>> {
    let style = tab_style(labels, marks, width);
    let mut x = u16::from(style != TabStyle::Tight);
    labels
        .sections
        .iter()
        .zip(marks)
        .map(|(label, mark)| {
            let mark = u16::try_from(mark.width()).unwrap_or(u16::MAX);
            let w = match style {
                TabStyle::Full => {
                    let label = u16::try_from(label.width()).unwrap_or(u16::MAX);
                    label.saturating_add(mark).saturating_add(2)
                }
                TabStyle::Numbers => mark.saturating_add(2),
                TabStyle::Tight => mark,
            };
            let span = x..x.saturating_add(w);
            x = span
                .end
                .saturating_add(u16::from(style != TabStyle::Numbers));
            span
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_layout_at_80x24() {
        let g = Geometry::new(80, 24);
        assert!(!g.too_small);
        assert_eq!(g.title.map(|r| r.y), Some(0));
        assert_eq!(g.tabs.y, 1);
        assert_eq!(g.body, Rect::new(0, 3, 80, 19));
        assert_eq!(g.status.y, 23);
        assert_eq!(g.text_column().width, 78);
        assert!(g.detail_column().is_none());
    }

    #[test]
    fn small_screens_lose_rules_then_title() {
        assert!(Geometry::new(59, 30).top_rule.is_none());
        assert!(Geometry::new(60, 12).top_rule.is_some());
        let g = Geometry::new(40, 10);
        assert!(g.top_rule.is_none() && g.title.is_some());
        let g = Geometry::new(20, 5);
        assert!(g.title.is_none() && g.top_rule.is_none());
        assert_eq!(g.body.height, 3);
        assert!(Geometry::new(15, 24).too_small);
        assert!(Geometry::new(80, 3).too_small);
        assert!(Geometry::new(0, 0).too_small);
    }

    #[test]
    fn wide_screens_put_detail_beside_the_list() {
        let g = Geometry::new(200, 60);
        let list = g.list_column();
        let detail = g.detail_column().unwrap();
        assert!(detail.x > list.right());
        assert!(detail.right() <= 200);
        assert!(g.text_column().width == MAX_TEXT_WIDTH);
        assert_eq!(g.text_column().x, (200 - MAX_TEXT_WIDTH) / 2);
    }

    #[test]
    fn every_size_is_consistent() {
        for w in 0..130 {
            for h in 0..30 {
                let g = Geometry::new(w, h);
                if g.too_small {
                    continue;
                }
                for r in [g.tabs, g.body, g.status, g.text_column(), g.list_column()] {
                    assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                }
                assert!(g.body.height >= 2, "{w}x{h}");
            }
        }
    }

    #[test]
    fn any_u16_size_is_capped_and_consistent() {
        let sizes = [
            0, 1, 15, 16, 119, 120, 999, 1000, 1001, 32_769, 32_770, 65_534, 65_535,
        ];
        for &w in &sizes {
            for &h in &sizes {
                let g = Geometry::new(w, h);
                assert!(g.area.width <= MAX_WIDTH && g.area.height <= MAX_HEIGHT);
                let mut rects = vec![g.area, g.tabs, g.body, g.status];
                rects.extend([g.text_column(), g.list_column()]);
                rects.extend(g.detail_column());
                rects.extend(g.detail_rule());
                for r in rects {
                    assert!(
                        r.right() <= g.area.right() && r.bottom() <= g.area.bottom(),
                        "{w}x{h}: {r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_offset_layout_moves_every_region() {
        let g = Geometry::new(130, 40);
        let moved = g.offset(7, 3);
        assert_eq!(moved.area, Rect::new(7, 3, 130, 40));
        assert_eq!(moved.body.x, g.body.x + 7);
        assert_eq!(moved.list_column().y, g.list_column().y + 3);
        assert_eq!(
            moved.detail_column().unwrap().x,
            g.detail_column().unwrap().x + 7
        );
    }
}
