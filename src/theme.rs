//! All styles in one place. A theme is defined once ([`themes`]: every role
//! a 24-bit colour and modifiers) and rendered down to the terminal's
//! [`ColourLevel`]: 24-bit, the nearest of the 256, the 16 ANSI colours
//! (which follow the user's palette), or none. Without colour nothing is
//! lost: everything that matters is also bold, reversed or underlined.

mod level;
mod name;
mod paint;
mod palette;
mod roles;
pub mod themes;

pub use level::ColourLevel;
pub use name::{ThemeName, UnknownTheme};
pub use paint::{Ink, Paint};
pub use palette::Rgb;
use ratatui::style::Style;
pub use roles::Roles;

use crate::doc::Role;

/// Which theme, at which colour level: what a reader is told to draw with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Colours {
    /// The theme.
    pub theme: ThemeName,
    /// What the terminal shows.
    pub level: ColourLevel,
}

impl Colours {
    /// No colour at all (the theme then only decides the modifiers).
    pub const NONE: Self = Self {
        theme: ThemeName::Dark,
        level: ColourLevel::None,
    };
}

/// Every style the view uses: a theme rendered at one level.
pub type Theme = Roles<Style>;

impl Theme {
    /// `colours.theme` at `colours.level`.
    pub fn new(colours: Colours) -> Self {
        colours
            .theme
            .def()
            .roles
            .map(|paint| paint.style(colours.level))
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
mod tests;
