//! The keys the reader tells apart, how each is written in hints and help,
//! and how a config file names them. Below both the byte parser and the key
//! table, so each can use it.

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

/// Named keys, as written in a config file (any case) and in help.
const NAMES: [(&str, Key); 17] = [
    ("Space", Key::Char(' ')),
    ("Tab", Key::Tab),
    ("Shift-Tab", Key::BackTab),
    ("BackTab", Key::BackTab),
    ("Enter", Key::Enter),
    ("Backspace", Key::Backspace),
    ("Esc", Key::Esc),
    ("Escape", Key::Esc),
    ("Up", Key::Up),
    ("Down", Key::Down),
    ("Left", Key::Left),
    ("Right", Key::Right),
    ("PgUp", Key::PageUp),
    ("PageUp", Key::PageUp),
    ("PgDn", Key::PageDown),
    ("PageDown", Key::PageDown),
    ("Home", Key::Home),
];

impl std::str::FromStr for Key {
    type Err = String;

    /// A key as a config file names it: one character (`q`, `]`, `ä`), a
    /// name (`Tab`, `Right`, `PgDn`, `Space`), `Ctrl-x` or `F1`-`F12`.
    fn from_str(text: &str) -> Result<Self, String> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // What cannot be typed or shown in a column of its own is no key.
            let invisible = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) == 0;
            return if c.is_control() || invisible {
                Err(format!(
                    "U+{:04X} is not a key one can type and see",
                    u32::from(c)
                ))
            } else {
                Ok(Self::Char(c))
            };
        }
        if text.eq_ignore_ascii_case("End") {
            return Ok(Self::End);
        }
        if let Some((_, key)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(text)) {
            return Ok(*key);
        }
        let lower = text.to_ascii_lowercase();
        if let Some(letter) = lower.strip_prefix("ctrl-") {
            let mut letters = letter.chars();
            return match (letters.next(), letters.next()) {
                // Ctrl-i and Ctrl-m arrive as Tab and Enter.
                (Some(c @ 'a'..='z'), None) if c != 'i' && c != 'm' => Ok(Self::Ctrl(c)),
                _ => Err(format!(
                    "`{text}`: Ctrl goes with one letter a-z (not i or m, which are Tab and Enter)"
                )),
            };
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
        {
            return Ok(Self::F(n));
        }
        Err(format!(
            "`{text}` is not a key: use one character, Ctrl-x, F1-F12 or a name ({})",
            "Space Tab Shift-Tab Enter Backspace Esc Up Down Left Right PgUp PgDn Home End"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_label_names_its_key() {
        let keys = [
            Key::Char('q'),
            Key::Char(']'),
            Key::Char('ä'),
            Key::Char(' '),
            Key::Ctrl('c'),
            Key::Tab,
            Key::BackTab,
            Key::Enter,
            Key::Backspace,
            Key::Esc,
            Key::Up,
            Key::Down,
            Key::Left,
            Key::Right,
            Key::PageUp,
            Key::PageDown,
            Key::Home,
            Key::End,
            Key::F(1),
            Key::F(12),
        ];
        for key in keys {
            assert_eq!(key.label(true).parse::<Key>(), Ok(key), "{key:?}");
        }
    }

    #[test]
    fn names_in_any_case_and_mistakes_said() {
        assert_eq!("ctrl-C".parse::<Key>(), Ok(Key::Ctrl('c')));
        assert_eq!("pagedown".parse::<Key>(), Ok(Key::PageDown));
        assert_eq!(
            "Q".parse::<Key>(),
            Ok(Key::Char('Q')),
            "case of a letter kept"
        );
        for bad in [
            "", "Ctrl-", "Ctrl-i", "Ctrl-1", "F13", "F0", "Hyper-x", "\u{7}", "qq", "\u{301}",
            "\u{202e}", "\u{200b}", "\u{9b}",
        ] {
            assert!(bad.parse::<Key>().is_err(), "{bad:?}");
        }
    }
}
