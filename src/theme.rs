//! All styles in one place. The default uses only the 16 ANSI colours, so it
//! follows the user's palette; the monochrome theme uses no colour at all and
//! loses no meaning: everything that matters is also bold, reversed or
//! underlined.

use ratatui::style::{Color, Modifier, Style};

use crate::doc::Role;

/// Every style the view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Title bar.
    pub title: Style,
    /// Language tag in the title bar.
    pub lang: Style,
    /// Inactive tab.
    pub tab: Style,
    /// Active tab.
    pub tab_active: Style,
    /// Horizontal and vertical rules.
    pub rule: Style,
    /// Keys in the status line and help.
    pub key: Style,
    /// Key descriptions, position.
    pub status: Style,
    /// Notices in the status line.
    pub notice: Style,
    /// Selection marker in the gutter.
    pub selection: Style,
    /// A search hit (patched over the text's own style).
    pub hit: Style,
    /// The current search hit.
    pub hit_current: Style,
    /// A passage reached by a link.
    pub mark: Style,
    /// Title of the bundled headline.
    pub role_title: Style,
    /// See [`Role`].
    pub role_lede: Style,
    /// See [`Role`].
    pub role_heading: Style,
    /// See [`Role`].
    pub role_body: Style,
    /// See [`Role`].
    pub role_value: Style,
    /// See [`Role`].
    pub role_label: Style,
    /// See [`Role`].
    pub role_meta: Style,
    /// See [`Role`].
    pub role_quote: Style,
    /// See [`Role`].
    pub role_name: Style,
    /// See [`Role`].
    pub role_mark: Style,
}

const fn plain() -> Style {
    Style::new()
}

impl Theme {
    /// No colour: modifiers only. Colours stay `Reset`, so no colour command
    /// is ever sent.
    pub const MONO: Self = Self {
        title: plain().add_modifier(Modifier::BOLD),
        lang: plain(),
        tab: plain(),
        tab_active: plain()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        rule: plain(),
        key: plain().add_modifier(Modifier::BOLD),
        status: plain(),
        notice: plain().add_modifier(Modifier::BOLD),
        selection: plain().add_modifier(Modifier::BOLD),
        hit: plain().add_modifier(Modifier::REVERSED),
        hit_current: plain()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::UNDERLINED),
        mark: plain().add_modifier(Modifier::UNDERLINED),
        role_title: plain().add_modifier(Modifier::BOLD),
        role_lede: plain().add_modifier(Modifier::BOLD),
        role_heading: plain()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        role_body: plain(),
        role_value: plain().add_modifier(Modifier::BOLD),
        role_label: plain(),
        role_meta: plain(),
        role_quote: plain(),
        role_name: plain().add_modifier(Modifier::BOLD),
        role_mark: plain().add_modifier(Modifier::UNDERLINED),
    };

    /// The 16 ANSI colours plus the monochrome modifiers.
    pub const ANSI: Self = Self {
        title: Self::MONO.title.fg(Color::Cyan),
        lang: Self::MONO.lang.fg(Color::DarkGray),
        tab: Self::MONO.tab,
        tab_active: Self::MONO.tab_active.fg(Color::Cyan),
        rule: Self::MONO.rule.fg(Color::DarkGray),
        key: Self::MONO.key.fg(Color::Yellow),
        status: Self::MONO.status,
        notice: Self::MONO.notice.fg(Color::Yellow),
        selection: Self::MONO.selection.fg(Color::Yellow),
        hit: Self::MONO.hit.fg(Color::Yellow),
        hit_current: Self::MONO.hit_current.fg(Color::LightRed),
        mark: Self::MONO.mark.fg(Color::Yellow),
        role_title: Self::MONO.role_title.fg(Color::Cyan),
        role_lede: Self::MONO.role_lede,
        role_heading: Self::MONO.role_heading.fg(Color::Cyan),
        role_body: Self::MONO.role_body,
        role_value: Self::MONO.role_value.fg(Color::Yellow),
        role_label: Self::MONO.role_label,
        role_meta: Self::MONO.role_meta.fg(Color::DarkGray),
        role_quote: Self::MONO.role_quote.fg(Color::Green),
        role_name: Self::MONO.role_name.fg(Color::Magenta),
        role_mark: Self::MONO.role_mark.fg(Color::Yellow),
    };

    /// The theme for `colour` on or off.
    pub fn new(colour: bool) -> Self {
        if colour { Self::ANSI } else { Self::MONO }
    }

    /// The style of a text role.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Title => self.role_title,
            Role::Lede => self.role_lede,
            Role::Heading => self.role_heading,
            Role::Body => self.role_body,
            Role::Value => self.role_value,
            Role::Label => self.role_label,
            Role::Meta => self.role_meta,
            Role::Quote => self.role_quote,
            Role::Name => self.role_name,
            Role::Mark => self.role_mark,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_theme_has_no_colour() {
        let t = Theme::MONO;
        for s in [
            t.title,
            t.tab_active,
            t.hit,
            t.hit_current,
            t.mark,
            t.selection,
            t.role_meta,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
    }

    #[test]
    fn meaning_never_rests_on_colour_alone() {
        let m = Theme::MONO;
        for s in [m.tab_active, m.hit, m.hit_current, m.selection, m.mark] {
            assert!(!s.add_modifier.is_empty(), "{s:?}");
        }
        assert_ne!(m.hit, m.hit_current);
        assert_ne!(m.tab, m.tab_active);
    }
}
