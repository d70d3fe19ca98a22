//! One vertical scroll: the top line of a view over some lines, kept in
//! range, with the moves every scrolling view shares (line, page, half page,
//! top, bottom, reveal). The reader's main column, its detail column, the
//! help overlay and the library list all scroll with it.

use std::ops::Range;

/// How far to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Some lines.
    Lines(usize),
    /// A page.
    Page,
    /// Half a page, rounded up.
    Half,
    /// All the way.
    End,
}

/// The top line of a view of `page` lines over `lines` lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    top: usize,
    lines: usize,
    page: usize,
}

impl Scroll {
    /// The first line shown.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Lines of the view (at least 1).
    pub fn page(&self) -> usize {
        self.page.max(1)
    }

    /// Lines of the content.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// The largest top: the last line at the bottom of the view.
    pub fn max(&self) -> usize {
        self.lines.saturating_sub(self.page())
    }

    /// Whether lines lie below the view.
    pub fn more_below(&self) -> bool {
        self.top < self.max()
    }

    /// Takes new content and view sizes; the top stays where it was, within
    /// range.
    pub fn set_extent(&mut self, lines: usize, page: usize) {
        self.lines = lines;
        self.page = page;
        self.top = self.top.min(self.max());
    }

    /// Puts `line` at the top, as far as the content allows.
    pub fn set_top(&mut self, line: usize) {
        self.top = line.min(self.max());
    }

    /// The number of lines `step` stands for.
    pub fn lines_of(&self, step: Step) -> usize {
        match step {
            Step::Lines(n) => n,
            Step::Page => self.page(),
            Step::Half => self.page().div_ceil(2),
            Step::End => self.lines,
        }
    }

    /// Moves down (`true`) or up by `step`.
    pub fn by(&mut self, step: Step, down: bool) {
        let n = self.lines_of(step);
        self.top = if down {
            self.top.saturating_add(n).min(self.max())
        } else {
            self.top.saturating_sub(n)
        };
    }

    /// Scrolls as little as possible so that `range` is on screen. One
    /// taller than the view shows its start when `from_start`, else its end.
    pub fn reveal(&mut self, range: Range<usize>, from_start: bool) {
        let page = self.page();
        let top = if range.len() > page {
            if from_start {
                range.start
            } else {
                range.end - page
            }
        } else if range.end > self.top + page {
            range.end - page
        } else if range.start < self.top {
            range.start
        } else {
            self.top
        };
        self.set_top(top);
    }

    /// Whether `line` is on screen.
    pub fn shows(&self, line: usize) -> bool {
        line >= self.top && line < self.top + self.page()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scroll(lines: usize, page: usize) -> Scroll {
        let mut s = Scroll::default();
        s.set_extent(lines, page);
        s
    }

    #[test]
    fn moves_stop_at_both_ends() {
        let mut s = scroll(100, 20);
        assert_eq!(s.max(), 80);
        s.by(Step::Lines(1), false);
        assert_eq!(s.top(), 0);
        s.by(Step::Page, true);
        assert_eq!(s.top(), 20);
        s.by(Step::Half, true);
        assert_eq!(s.top(), 30);
        s.by(Step::End, true);
        assert_eq!(s.top(), 80);
        assert!(!s.more_below());
        s.by(Step::Lines(usize::MAX), true);
        assert_eq!(s.top(), 80);
        s.by(Step::Half, false);
        assert_eq!(s.top(), 70);
        s.by(Step::End, false);
        assert_eq!(s.top(), 0);
    }

    #[test]
    fn half_a_page_rounds_up_and_an_empty_view_counts_as_one_line() {
        let mut s = scroll(10, 5);
        s.by(Step::Half, true);
        assert_eq!(s.top(), 3);
        let mut tiny = scroll(10, 0);
        assert_eq!(tiny.page(), 1);
        tiny.by(Step::Page, true);
        assert_eq!(tiny.top(), 1);
    }

    #[test]
    fn short_content_never_scrolls() {
        let mut s = scroll(5, 20);
        s.by(Step::Page, true);
        s.set_top(3);
        assert_eq!(s.top(), 0);
        assert!(!s.more_below());
    }

    #[test]
    fn a_smaller_extent_pulls_the_top_back_into_range() {
        let mut s = scroll(100, 20);
        s.set_top(70);
        s.set_extent(50, 20);
        assert_eq!(s.top(), 30);
        s.set_extent(50, 60);
        assert_eq!(s.top(), 0);
    }

    #[test]
    fn reveal_scrolls_the_least() {
        let mut s = scroll(100, 10);
        s.reveal(3..5, true);
        assert_eq!(s.top(), 0, "already shown");
        s.reveal(12..14, true);
        assert_eq!(s.top(), 4, "bottom edge");
        s.reveal(2..3, false);
        assert_eq!(s.top(), 2, "top edge");
        s.reveal(20..40, true);
        assert_eq!(s.top(), 20, "tall, from its start");
        s.reveal(20..40, false);
        assert_eq!(s.top(), 30, "tall, its end");
        s.reveal(95..100, true);
        assert_eq!(s.top(), 90);
        assert!(s.shows(95) && !s.shows(89));
    }
}
