//! Finding rows that moved between two frames, so that the terminal's own
//! scrolling (a scrolling region plus line feeds) can move them instead of
//! sending them again.

/// Fewest lines saved for a scroll to be worth its escape sequences.
const MIN_SCROLL_GAIN: usize = 2;

/// A scroll of rows `top..=bottom` by `lines`, up (content moves up) or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shift {
    pub(super) top: u16,
    pub(super) bottom: u16,
    pub(super) lines: u16,
    pub(super) up: bool,
}

/// The shift that saves the most rows, if it saves enough, from the row
/// hashes of the previous and the next frame; rows equal to `blank` are not
/// worth saving.
pub(super) fn detect(old: &[u64], new: &[u64], blank: u64) -> Option<Shift> {
    if old.len() != new.len() {
        return None;
    }
    let blank = Some(blank);
    let h = new.len();
    let mut best: Option<(usize, Shift)> = None;
    for d in 1..h {
        for up in [true, false] {
            let source = |y: usize| if up { y + d } else { y.wrapping_sub(d) };
            let mut y = if up { 0 } else { d };
            let end = if up { h - d } else { h };
            while y < end {
                let run_start = y;
                let mut gain = 0;
                while y < end && new.get(y) == old.get(source(y)) {
                    if new.get(y) != old.get(y) && new.get(y).copied() != blank {
                        gain += 1;
                    }
                    y += 1;
                }
                if y > run_start && gain >= MIN_SCROLL_GAIN && best.is_none_or(|(g, _)| gain > g) {
                    let (top, bottom) = if up {
                        (run_start, y - 1 + d)
                    } else {
                        (run_start - d, y - 1)
                    };
                    let s = Shift {
                        top: to_u16(top),
                        bottom: to_u16(bottom),
                        lines: to_u16(d),
                        up,
                    };
                    best = Some((gain, s));
                }
                y += 1;
            }
        }
    }
    best.map(|(_, s)| s)
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLANK: u64 = 0;

    #[test]
    fn content_moved_up_is_a_scroll_up_of_its_region() {
        // Title, six body rows scrolled by two, status.
        let old = [9, 1, 2, 3, 4, 5, 6, 8];
        let new = [9, 3, 4, 5, 6, 7, 10, 8];
        let s = detect(&old, &new, BLANK).unwrap();
        assert_eq!(
            s,
            Shift {
                top: 1,
                bottom: 6,
                lines: 2,
                up: true
            }
        );
    }

    #[test]
    fn content_moved_down_is_a_scroll_down() {
        let old = [9, 3, 4, 5, 6, 7, 10, 8];
        let new = [9, 1, 2, 3, 4, 5, 6, 8];
        let s = detect(&old, &new, BLANK).unwrap();
        assert_eq!(
            s,
            Shift {
                top: 1,
                bottom: 6,
                lines: 2,
                up: false
            }
        );
    }

    #[test]
    fn too_little_gain_or_different_sizes_is_no_scroll() {
        assert_eq!(detect(&[1, 2, 3], &[2, 7, 8], BLANK), None, "one row saved");
        assert_eq!(detect(&[1, 2, 3, 4], &[1, 2, 3], BLANK), None);
        assert_eq!(
            detect(&[1, 2, 3, 4], &[1, 2, 3, 4], BLANK),
            None,
            "unchanged"
        );
        assert_eq!(detect(&[], &[], BLANK), None);
    }

    #[test]
    fn blank_rows_are_not_worth_moving() {
        let old = [1, 2, BLANK, BLANK, BLANK, 6];
        let new = [1, BLANK, BLANK, BLANK, 5, 6];
        assert_eq!(detect(&old, &new, BLANK), None);
    }

    #[test]
    fn the_largest_gain_wins() {
        // Rows 1-2 moved by one, rows 3-7 by three: the second is larger.
        let old = [0, 11, 12, 13, 21, 22, 23, 24, 25, 99];
        let new = [0, 12, 13, 21, 22, 23, 24, 25, 50, 99];
        let s = detect(&old, &new, BLANK).unwrap();
        assert_eq!((s.lines, s.up), (1, true));
        assert_eq!((s.top, s.bottom), (1, 8));
    }
}
