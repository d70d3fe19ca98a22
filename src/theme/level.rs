//! How many colours the terminal shows, read from `TERM` and `COLORTERM`,
//! and any colour brought down to what a level can show.

use ratatui::style::Color;

use super::palette::{ansi16, indexed_rgb, nearest16, nearest256};

/// The colours a terminal can show, fewest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ColourLevel {
    /// No colour: modifiers (bold, reverse, underline) only.
    #[default]
    None,
    /// The 16 ANSI colours (SGR 30-37, 90-97), in the user's own palette.
    Ansi16,
    /// The xterm 256-colour palette (SGR `38;5;n`).
    Indexed256,
    /// 24-bit colour (SGR `38;2;r;g;b`).
    TrueColor,
}

impl ColourLevel {
    /// What a terminal that may use colour shows, from its `TERM` and
    /// `COLORTERM`: `COLORTERM=truecolor|24bit` or `TERM=*-direct` is 24-bit,
    /// `TERM=*-256color` is 256, anything else 16.
    pub fn of_terminal(term: Option<&str>, colorterm: Option<&str>) -> Self {
        let colorterm = colorterm.unwrap_or_default();
        let term = term.unwrap_or_default();
        if colorterm.eq_ignore_ascii_case("truecolor")
            || colorterm.eq_ignore_ascii_case("24bit")
            || term.ends_with("-direct")
        {
            Self::TrueColor
        } else if term.ends_with("-256color") {
            Self::Indexed256
        } else {
            Self::Ansi16
        }
    }

    /// `colour` as this level sends it: unchanged when it can, else its
    /// nearest; `None` when no colour is to be sent at all.
    pub fn cap(self, colour: Color) -> Option<Color> {
        let rgb = match colour {
            Color::Reset => return None,
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(n) if n < 16 => return self.cap(ansi16(n)),
            Color::Indexed(n) => indexed_rgb(n),
            named => {
                return (self != Self::None).then_some(named);
            }
        };
        match self {
            Self::None => None,
            Self::Ansi16 => Some(nearest16(rgb)),
            Self::Indexed256 if matches!(colour, Color::Indexed(_)) => Some(colour),
            Self::Indexed256 => Some(Color::Indexed(nearest256(rgb))),
            Self::TrueColor => Some(colour),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_come_from_term_and_colorterm() {
        let level = ColourLevel::of_terminal;
        assert_eq!(level(Some("xterm"), None), ColourLevel::Ansi16);
        assert_eq!(level(None, None), ColourLevel::Ansi16);
        assert_eq!(level(Some("xterm-256color"), None), ColourLevel::Indexed256);
        assert_eq!(level(Some("tmux-256color"), None), ColourLevel::Indexed256);
        assert_eq!(level(Some("xterm-direct"), None), ColourLevel::TrueColor);
        assert_eq!(
            level(Some("xterm"), Some("truecolor")),
            ColourLevel::TrueColor
        );
        assert_eq!(
            level(Some("xterm-256color"), Some("24bit")),
            ColourLevel::TrueColor
        );
        assert_eq!(level(Some("xterm"), Some("yes")), ColourLevel::Ansi16);
        assert_eq!(level(Some("xterm-256colour"), None), ColourLevel::Ansi16);
    }

    #[test]
    fn cap_brings_every_colour_down_to_the_level() {
        let rgb = Color::Rgb(0xff, 0x00, 0x00);
        assert_eq!(ColourLevel::TrueColor.cap(rgb), Some(rgb));
        assert_eq!(ColourLevel::Indexed256.cap(rgb), Some(Color::Indexed(196)));
        assert_eq!(ColourLevel::Ansi16.cap(rgb), Some(Color::LightRed));
        assert_eq!(ColourLevel::None.cap(rgb), None);
        assert_eq!(
            ColourLevel::Ansi16.cap(Color::Indexed(21)),
            Some(Color::Blue)
        );
        assert_eq!(ColourLevel::Ansi16.cap(Color::Indexed(1)), Some(Color::Red));
        assert_eq!(
            ColourLevel::Indexed256.cap(Color::Indexed(21)),
            Some(Color::Indexed(21))
        );
        assert_eq!(ColourLevel::Ansi16.cap(Color::Cyan), Some(Color::Cyan));
        assert_eq!(ColourLevel::None.cap(Color::Cyan), None);
        assert_eq!(ColourLevel::TrueColor.cap(Color::Reset), None);
    }
}
