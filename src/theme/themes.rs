//! The themes, each defined once: every role a 24-bit colour and
//! modifiers. The levels below 24-bit are rendered from these.
//!
//! Themes colour text and highlights, never the whole screen: `light` is
//! for terminals with a light background, `dark` for dark ones. The
//! background and foreground named here are what the theme expects of the
//! terminal (the pictures and the contrast test use them).

use ratatui::style::{Color, Modifier};

use super::paint::{Ink, Paint};
use super::palette::Rgb;
use super::roles::Roles;

/// A theme's definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeDef {
    /// The terminal background it is made for.
    pub background: Rgb,
    /// The terminal's own text colour it expects.
    pub foreground: Rgb,
    /// Every role's look.
    pub roles: Roles<Paint>,
}

const BOLD: Modifier = Modifier::BOLD;
const REVERSED: Modifier = Modifier::REVERSED;
const UNDERLINED: Modifier = Modifier::UNDERLINED;

/// What every theme marks with modifiers, so that nothing rests on colour:
/// active tab and hits reversed, the current hit and linked passages
/// underlined, selection, keys, values and names bold.
const fn shape(
    accent: Ink,
    muted: Ink,
    key: Ink,
    hit: Paint,
    hit_current: Paint,
    quote: Ink,
    name: Ink,
) -> Roles<Paint> {
    let plain = Paint::PLAIN;
    Roles {
        title: Paint::with(BOLD).fg(accent),
        lang: plain.fg(muted),
        tab: plain,
        tab_active: Paint::with(REVERSED.union(BOLD)).fg(accent),
        rule: plain.fg(muted),
        key: Paint::with(BOLD).fg(key),
        status: plain,
        notice: Paint::with(BOLD).fg(key),
        selection: Paint::with(BOLD).fg(key),
        hit,
        hit_current,
        mark: Paint::with(UNDERLINED).fg(key),
        role_title: Paint::with(BOLD).fg(accent),
        role_lede: Paint::with(BOLD),
        role_heading: Paint::with(BOLD.union(UNDERLINED)).fg(accent),
        role_body: plain,
        role_value: Paint::with(BOLD).fg(key),
        role_label: plain,
        role_meta: plain.fg(muted),
        role_quote: plain.fg(quote),
        role_name: Paint::with(BOLD).fg(name),
        role_mark: Paint::with(UNDERLINED).fg(key),
    }
}

/// For dark backgrounds; among the 16 colours, the look the reader always
/// had.
pub const DARK: ThemeDef = {
    let accent = Ink::hex(0x70_c0_ba).or16(Color::Cyan);
    let muted = Ink::hex(0x8a_91_99);
    let gold = Ink::hex(0xe6_c5_47);
    let red = Ink::hex(0xff_6e_67).or16(Color::LightRed);
    ThemeDef {
        background: (0x1d, 0x1f, 0x21),
        foreground: (0xd0, 0xd0, 0xd0),
        roles: shape(
            accent,
            muted,
            gold,
            Paint::with(REVERSED).fg(gold),
            Paint::with(REVERSED.union(UNDERLINED)).fg(red),
            Ink::hex(0xa6_c4_72).or16(Color::Green),
            Ink::hex(0xc3_97_d8).or16(Color::Magenta),
        ),
    }
};

/// For light backgrounds: darker inks, and hits drawn dark on yellow
/// whatever the terminal's own colours.
pub const LIGHT: ThemeDef = {
    let ink = Ink::hex(0x1f_23_28).or16(Color::Black);
    ThemeDef {
        background: (0xff, 0xff, 0xff),
        foreground: (0x1f, 0x23, 0x28),
        roles: shape(
            Ink::hex(0x05_50_ae),
            Ink::hex(0x6e_77_81),
            Ink::hex(0x95_38_00),
            // Reversed: the background ink becomes the text.
            Paint::with(REVERSED)
                .fg(Ink::hex(0xf2_cc_60).or16(Color::Yellow))
                .bg(ink),
            Paint::with(REVERSED.union(UNDERLINED))
                .fg(Ink::hex(0xfd_8c_73).or16(Color::Red))
                .bg(ink),
            Ink::hex(0x11_63_29).or16(Color::Green),
            Ink::hex(0x82_50_df).or16(Color::Magenta),
        ),
    }
};
