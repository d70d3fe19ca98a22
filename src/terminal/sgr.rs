//! Style → SGR escape sequence at a colour level: `38;2;r;g;b` for 24-bit,
//! `38;5;n` for the 256, the short codes `30-37`/`90-97` for the 16
//! (crossterm writes `38;5;n` even for those, twice the bytes), and no
//! colour at all without colour.

use std::fmt::Write as _;

use ratatui::style::{Color, Modifier, Style};

use crate::theme::ColourLevel;

/// Appends the parameters of an SGR sequence that sets `style` from a
/// reset state (`0;1;36` for bold cyan) to `out`, with its colours brought
/// down to `level`.
pub fn write_params(out: &mut String, style: Style, level: ColourLevel) {
    out.push('0');
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if m.contains(flag) {
            let _ = write!(out, ";{code}");
        }
    }
    if let Some(fg) = style.fg.and_then(|c| level.cap(c)) {
        colour(out, fg, 30);
    }
    if let Some(bg) = style.bg.and_then(|c| level.cap(c)) {
        colour(out, bg, 40);
    }
}

/// Appends a colour parameter; `base` is 30 for foreground, 40 for background.
fn colour(out: &mut String, c: Color, base: u8) {
    let ansi = |n: u8| Some(base + n);
    let bright = |n: u8| Some(base + 60 + n);
    let code = match c {
        Color::Reset => None,
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(n) => {
            let _ = write!(out, ";{};5;{n}", base + 8);
            None
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, ";{};2;{r};{g};{b}", base + 8);
            None
        }
    };
    if let Some(code) = code {
        let _ = write!(out, ";{code}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(style: Style) -> String {
        at(style, ColourLevel::TrueColor)
    }

    fn at(style: Style, level: ColourLevel) -> String {
        let mut out = String::new();
        write_params(&mut out, style, level);
        out
    }

    #[test]
    fn each_level_writes_its_own_codes_only() {
        let s = Style::new()
            .fg(Color::Rgb(0x70, 0xc0, 0xba))
            .bg(Color::Rgb(0x1d, 0x1f, 0x21))
            .add_modifier(Modifier::UNDERLINED);
        assert_eq!(
            at(s, ColourLevel::TrueColor),
            "0;4;38;2;112;192;186;48;2;29;31;33"
        );
        assert_eq!(at(s, ColourLevel::Indexed256), "0;4;38;5;73;48;5;234");
        assert_eq!(at(s, ColourLevel::Ansi16), "0;4;90;40");
        assert_eq!(at(s, ColourLevel::None), "0;4");
        let named = Style::new().fg(Color::Cyan).bg(Color::Indexed(196));
        assert_eq!(at(named, ColourLevel::Ansi16), "0;36;101");
        assert_eq!(at(named, ColourLevel::None), "0");
    }

    #[test]
    fn short_codes_for_ansi_colours() {
        let s = Style::new()
            .fg(Color::Cyan)
            .bg(Color::DarkGray)
            .add_modifier(Modifier::BOLD);
        assert_eq!(params(s), "0;1;36;100");
        assert_eq!(params(Style::new()), "0");
        assert_eq!(params(Style::new().fg(Color::Indexed(200))), "0;38;5;200");
        assert_eq!(
            params(
                Style::new()
                    .fg(Color::Reset)
                    .add_modifier(Modifier::REVERSED)
            ),
            "0;7"
        );
    }
}
