//! What a theme says of one role — a 24-bit colour and modifiers — and how
//! that comes down to a style at each colour level.

use ratatui::style::{Color, Modifier, Style};

use super::level::ColourLevel;
use super::palette::{Rgb, nearest16, nearest256};

/// A colour as a theme defines it: 24-bit, with the ANSI colour to use
/// among the 16 when the nearest one would lose its hue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    /// The colour itself.
    pub rgb: Rgb,
    /// Among the 16: this one rather than the nearest.
    pub ansi: Option<Color>,
}

impl Ink {
    /// The colour `0xRRGGBB`; among the 16, its nearest.
    pub const fn hex(v: u32) -> Self {
        let [_, r, g, b] = v.to_be_bytes();
        Self {
            rgb: (r, g, b),
            ansi: None,
        }
    }

    /// The same colour, shown as `ansi` among the 16.
    #[must_use]
    pub const fn or16(self, ansi: Color) -> Self {
        Self {
            ansi: Some(ansi),
            ..self
        }
    }

    /// The colour sent at `level` (none at [`ColourLevel::None`]).
    pub fn at(self, level: ColourLevel) -> Option<Color> {
        let (r, g, b) = self.rgb;
        match level {
            ColourLevel::None => None,
            ColourLevel::Ansi16 => Some(self.ansi.unwrap_or_else(|| nearest16(self.rgb))),
            ColourLevel::Indexed256 => Some(Color::Indexed(nearest256(self.rgb))),
            ColourLevel::TrueColor => Some(Color::Rgb(r, g, b)),
        }
    }
}

/// One role in a theme: colours and modifiers. The modifiers alone must
/// carry the meaning; colours only add to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Text colour (`None`: the terminal's).
    pub fg: Option<Ink>,
    /// Background (`None`: the terminal's).
    pub bg: Option<Ink>,
    /// Bold, reverse, underline...
    pub modifiers: Modifier,
}

impl Paint {
    /// The terminal's own colours, no modifiers.
    pub const PLAIN: Self = Self {
        fg: None,
        bg: None,
        modifiers: Modifier::empty(),
    };

    /// No colour, these modifiers.
    pub const fn with(modifiers: Modifier) -> Self {
        Self {
            modifiers,
            ..Self::PLAIN
        }
    }

    /// The same, in text colour `ink`.
    #[must_use]
    pub const fn fg(self, ink: Ink) -> Self {
        Self {
            fg: Some(ink),
            ..self
        }
    }

    /// The same, on background `ink`.
    #[must_use]
    pub const fn bg(self, ink: Ink) -> Self {
        Self {
            bg: Some(ink),
            ..self
        }
    }

    /// The style at `level`: the modifiers always, colours the level can
    /// show.
    pub fn style(self, level: ColourLevel) -> Style {
        let mut style = Style::new().add_modifier(self.modifiers);
        if let Some(fg) = self.fg.and_then(|i| i.at(level)) {
            style = style.fg(fg);
        }
        if let Some(bg) = self.bg.and_then(|i| i.at(level)) {
            style = style.bg(bg);
        }
        style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paint_comes_down_level_by_level() {
        let p = Paint::with(Modifier::BOLD).fg(Ink::hex(0x70_c0_ba).or16(Color::Cyan));
        let bold = Style::new().add_modifier(Modifier::BOLD);
        assert_eq!(p.style(ColourLevel::None), bold);
        assert_eq!(p.style(ColourLevel::Ansi16), bold.fg(Color::Cyan));
        assert_eq!(
            p.style(ColourLevel::Indexed256),
            bold.fg(Color::Indexed(73))
        );
        assert_eq!(
            p.style(ColourLevel::TrueColor),
            bold.fg(Color::Rgb(0x70, 0xc0, 0xba))
        );
        let nearest = Paint::PLAIN.bg(Ink::hex(0xff_00_00));
        assert_eq!(
            nearest.style(ColourLevel::Ansi16),
            Style::new().bg(Color::LightRed)
        );
    }
}
