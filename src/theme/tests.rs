//! Every theme at every level: no colour where none is wanted, only the
//! level's own colours, meaning without colour, hues and contrast that hold.

use ratatui::style::{Color, Modifier, Style};

use super::*;

const LEVELS: [ColourLevel; 4] = [
    ColourLevel::None,
    ColourLevel::Ansi16,
    ColourLevel::Indexed256,
    ColourLevel::TrueColor,
];

fn every() -> impl Iterator<Item = (ThemeName, ColourLevel, Theme)> {
    ThemeName::ALL.into_iter().flat_map(|theme| {
        LEVELS
            .into_iter()
            .map(move |level| (theme, level, Theme::new(Colours { theme, level })))
    })
}

/// What is left on a terminal without colour.
fn shape(s: Style) -> Modifier {
    s.add_modifier
}

#[test]
fn no_colour_level_has_no_colour_in_any_theme() {
    for theme in ThemeName::ALL {
        let t = Theme::new(Colours {
            theme,
            level: ColourLevel::None,
        });
        for (role, s) in t.named() {
            assert_eq!((s.fg, s.bg), (None, None), "{theme} {role}");
        }
    }
}

#[test]
fn each_level_uses_only_its_own_colours() {
    for (theme, level, t) in every() {
        let mut coloured = 0;
        for (role, s) in t.named() {
            for c in [s.fg, s.bg].into_iter().flatten() {
                coloured += 1;
                let ok = match level {
                    ColourLevel::None => false,
                    ColourLevel::Ansi16 => !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    ColourLevel::Indexed256 => matches!(c, Color::Indexed(n) if n >= 16),
                    ColourLevel::TrueColor => matches!(c, Color::Rgb(..)),
                };
                assert!(ok, "{theme} {level:?} {role}: {c:?}");
            }
        }
        assert_eq!(
            coloured > 0,
            level != ColourLevel::None,
            "{theme} {level:?}"
        );
    }
}

#[test]
fn meaning_never_rests_on_colour_alone() {
    for (theme, level, t) in every() {
        let at = format!("{theme} at {level:?}");
        for (role, s) in [
            ("tab_active", t.tab_active),
            ("hit", t.hit),
            ("hit_current", t.hit_current),
            ("selection", t.selection),
            ("mark", t.mark),
            ("role_mark", t.role_mark),
            ("key", t.key),
            ("notice", t.notice),
        ] {
            assert!(!shape(s).is_empty(), "{at}: {role} is only a colour");
        }
        assert_ne!(shape(t.tab), shape(t.tab_active), "{at}: tabs");
        assert_ne!(shape(t.hit), shape(t.hit_current), "{at}: hits");
        // A hit is patched over text: it must differ from every text role.
        for role in [
            t.role_body,
            t.role_title,
            t.role_heading,
            t.role_value,
            t.role_name,
            t.role_mark,
        ] {
            assert!(!shape(role).contains(shape(t.hit)), "{at}: hit in {role:?}");
        }
        assert_ne!(shape(t.role_heading), shape(t.role_body), "{at}: headings");
    }
}

#[test]
fn dark_among_the_16_is_the_look_the_reader_always_had() {
    let t = Theme::new(Colours {
        theme: ThemeName::Dark,
        level: ColourLevel::Ansi16,
    });
    assert_eq!(t.title.fg, Some(Color::Cyan));
    assert_eq!(t.tab_active.fg, Some(Color::Cyan));
    assert_eq!(t.rule.fg, Some(Color::DarkGray));
    assert_eq!(t.key.fg, Some(Color::Yellow));
    assert_eq!(t.hit.fg, Some(Color::Yellow));
    assert_eq!(t.hit_current.fg, Some(Color::LightRed));
    assert_eq!(t.role_quote.fg, Some(Color::Green));
    assert_eq!(t.role_name.fg, Some(Color::Magenta));
    assert_eq!(t.role_body, Style::new());
}

fn inks(def: &themes::ThemeDef) -> Vec<(&'static str, Ink)> {
    def.roles
        .named()
        .into_iter()
        .flat_map(|(role, p)| [p.fg, p.bg].into_iter().flatten().map(move |i| (role, i)))
        .collect()
}

#[test]
fn hues_survive_among_the_16() {
    let grey = [Color::Black, Color::DarkGray, Color::Gray, Color::White];
    for theme in ThemeName::ALL {
        for (role, ink) in inks(theme.def()) {
            let (r, g, b) = ink.rgb;
            let chroma = r.max(g).max(b) - r.min(g).min(b);
            let c = ink.at(ColourLevel::Ansi16).unwrap();
            if chroma > 48 {
                assert!(!grey.contains(&c), "{theme} {role}: {:?} → {c:?}", ink.rgb);
            }
        }
    }
}

/// WCAG relative luminance.
fn luminance((r, g, b): Rgb) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn text_stands_out_from_the_background_it_is_made_for() {
    for theme in ThemeName::ALL {
        let def = theme.def();
        for (role, p) in def.roles.named() {
            let Some(fg) = p.fg else { continue };
            // Reversed, the background ink (or the terminal's) is the text.
            let behind = p.bg.map_or(def.background, |i| i.rgb);
            let ratio = contrast(fg.rgb, behind);
            assert!(ratio >= 4.5, "{theme} {role}: {ratio:.2}");
        }
    }
}
