//! The keys the reader tells apart, and how each is written in hints and
//! help. Below both the byte parser and the key table, so each can use it.

/// A key as the reader tells keys apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character (shift already applied).
    Char(char),
    /// Control plus a letter.
    Ctrl(char),
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Enter.
    Enter,
    /// Backspace.
    Backspace,
    /// Escape.
    Esc,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key.
    F(u8),
}

impl Key {
    /// How the key is written in hints and help.
    pub fn label(self, ascii: bool) -> String {
        let arrow = |u: &str, a: &str| if ascii { a.to_string() } else { u.to_string() };
        match self {
            Self::Char(' ') => "Space".to_string(),
            Self::Char(c) => c.to_string(),
            Self::Ctrl(c) => format!("Ctrl-{c}"),
            Self::Tab => "Tab".to_string(),
            Self::BackTab => "Shift-Tab".to_string(),
            Self::Enter => "Enter".to_string(),
            Self::Backspace => "Backspace".to_string(),
            Self::Esc => "Esc".to_string(),
            Self::Up => arrow("↑", "Up"),
            Self::Down => arrow("↓", "Down"),
            Self::Left => arrow("←", "Left"),
            Self::Right => arrow("→", "Right"),
            Self::PageUp => "PgUp".to_string(),
            Self::PageDown => "PgDn".to_string(),
            Self::Home => "Home".to_string(),
            Self::End => "End".to_string(),
            Self::F(n) => format!("F{n}"),
        }
    }
}
