//! The one key table: it dispatches keys on every screen (the reader, the
//! reader opened from a library, the library's list and its search
//! results), and the status hints and the help overlay are generated from
//! it, so they cannot disagree.

use crate::action::{Action, Mode};
use crate::keys::Key;
use crate::labels::Lang;

/// Text in both interface languages.
#[derive(Debug, Clone, Copy)]
pub struct Both {
    /// German.
    pub de: &'static str,
    /// English.
    pub en: &'static str,
}

impl Both {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }
}

/// A screen with keys of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The reader, alone.
    Reader,
    /// The reader opened from a library: the reader's keys and the way back.
    Hosted,
    /// The library's list of briefings.
    Library,
    /// The library's full-text search results.
    Results,
}

impl Screen {
    /// Every screen.
    pub const ALL: [Screen; 4] = [Self::Reader, Self::Hosted, Self::Library, Self::Results];
}

/// The reader's screens.
const READER: &[Screen] = &[Screen::Reader, Screen::Hosted];
/// The library's screens.
const LISTS: &[Screen] = &[Screen::Library, Screen::Results];
/// Everywhere.
const ALL: &[Screen] = &Screen::ALL;
/// Where `u` is half a page up (in the library it shows unread only).
const READER_AND_RESULTS: &[Screen] = &[Screen::Reader, Screen::Hosted, Screen::Results];

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The screens it works on.
    pub screens: &'static [Screen],
    /// The keys, first one shown in hints.
    pub keys: &'static [Key],
    /// What they do. For `GoTo`, the key's position in `keys` is the pane.
    pub action: Action,
    /// How the keys are written when listing them one by one is too long.
    pub keys_label: Option<&'static str>,
    /// Description for the help overlay.
    pub help: Both,
    /// Short label for the status line, for the few keys advertised there.
    pub hint: Option<Both>,
}

const fn both(de: &'static str, en: &'static str) -> Both {
    Both { de, en }
}

/// Every key of every screen in normal mode.
pub static BINDINGS: &[Binding] = &[
    Binding {
        screens: READER,
        keys: &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
            Key::Char('6'),
        ],
        action: Action::GoTo(0),
        keys_label: Some("1-6"),
        help: both("zum Abschnitt 1-6", "jump to section 1-6"),
        hint: Some(both("Abschnitte", "sections")),
    },
    Binding {
        screens: READER,
        keys: &[Key::Tab, Key::Char('l'), Key::Right, Key::Char(']')],
        action: Action::NextSection,
        keys_label: None,
        help: both("nächster Abschnitt", "next section"),
        hint: None,
    },
    Binding {
        screens: READER,
        keys: &[Key::BackTab, Key::Char('h'), Key::Left, Key::Char('[')],
        action: Action::PrevSection,
        keys_label: None,
        help: both("vorheriger Abschnitt", "previous section"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('j'), Key::Down],
        action: Action::Down,
        keys_label: None,
        help: both("eine Zeile / nächster Eintrag", "down a line / next item"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('k'), Key::Up],
        action: Action::Up,
        keys_label: None,
        help: both(
            "eine Zeile zurück / vorheriger Eintrag",
            "up a line / previous item",
        ),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[
            Key::Char(' '),
            Key::Char('f'),
            Key::PageDown,
            Key::Ctrl('f'),
        ],
        action: Action::PageDown,
        keys_label: None,
        help: both("eine Seite weiter", "page down"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('b'), Key::PageUp, Key::Ctrl('b')],
        action: Action::PageUp,
        keys_label: None,
        help: both("eine Seite zurück", "page up"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('d'), Key::Ctrl('d')],
        action: Action::HalfDown,
        keys_label: None,
        help: both("halbe Seite weiter", "half a page down"),
        hint: None,
    },
    Binding {
        screens: READER_AND_RESULTS,
        keys: &[Key::Char('u'), Key::Ctrl('u')],
        action: Action::HalfUp,
        keys_label: None,
        help: both("halbe Seite zurück", "half a page up"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('g'), Key::Home],
        action: Action::Top,
        keys_label: None,
        help: both("zum Anfang", "to the top"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('G'), Key::End],
        action: Action::Bottom,
        keys_label: None,
        help: both("zum Ende", "to the bottom"),
        hint: None,
    },
    Binding {
        screens: READER,
        keys: &[Key::Enter],
        action: Action::Follow,
        keys_label: None,
        help: both(
            "Verweis folgen (Zitat → Akteur, Zahl → Volltext, Akteur → erste Erwähnung)",
            "follow the link (quote → speaker, figure → passage, actor → first mention)",
        ),
        hint: None,
    },
    Binding {
        screens: &[Screen::Reader],
        keys: &[Key::Backspace, Key::Ctrl('h')],
        action: Action::Back,
        keys_label: None,
        help: both(
            "zurück, woher der Verweis kam",
            "back to where the link was followed from",
        ),
        hint: None,
    },
    Binding {
        screens: &[Screen::Hosted],
        keys: &[Key::Backspace, Key::Ctrl('h')],
        action: Action::Back,
        keys_label: None,
        help: both(
            "zurück, woher der Verweis kam; danach zur Bibliothek",
            "back to where the link was followed from; then to the library",
        ),
        hint: None,
    },
    Binding {
        screens: &[Screen::Hosted],
        keys: &[Key::Char('0')],
        action: Action::Library,
        keys_label: None,
        help: both("zurück zur Bibliothek", "back to the library"),
        hint: Some(both("Bibliothek", "library")),
    },
    Binding {
        screens: &[Screen::Library],
        keys: &[Key::Ctrl('u')],
        action: Action::HalfUp,
        keys_label: None,
        help: both("halbe Seite zurück", "half a page up"),
        hint: None,
    },
    Binding {
        screens: LISTS,
        keys: &[Key::Enter],
        action: Action::Open,
        keys_label: None,
        help: both(
            "Briefing öffnen (bei einem Treffer: an dieser Stelle)",
            "open the briefing (at the hit, from search results)",
        ),
        hint: Some(both("öffnen", "open")),
    },
    Binding {
        screens: &[Screen::Library],
        keys: &[Key::Char('/')],
        action: Action::Filter,
        keys_label: None,
        help: both(
            "Liste filtern beim Tippen (Titel, Themen, Akteure)",
            "filter the list as you type (title, topics, actors)",
        ),
        hint: Some(both("Filter", "filter")),
    },
    Binding {
        screens: LISTS,
        keys: &[Key::Char('F')],
        action: Action::FullText,
        keys_label: None,
        help: both(
            "den Volltext aller Briefings durchsuchen",
            "search the full text of every briefing",
        ),
        hint: Some(both("Volltext", "full text")),
    },
    Binding {
        screens: &[Screen::Library],
        keys: &[Key::Char('s')],
        action: Action::Sort,
        keys_label: None,
        help: both(
            "nach Datum oder Titel sortieren",
            "sort by date or by title",
        ),
        hint: Some(both("Sortierung", "sort")),
    },
    Binding {
        screens: &[Screen::Library],
        keys: &[Key::Char('u')],
        action: Action::UnreadOnly,
        keys_label: None,
        help: both("nur ungelesene oder alle zeigen", "unread only, or all"),
        hint: Some(both("ungelesen", "unread")),
    },
    Binding {
        screens: READER,
        keys: &[Key::Char('/')],
        action: Action::SearchStart,
        keys_label: None,
        help: both("in allen Abschnitten suchen", "search all sections"),
        hint: Some(both("Suche", "search")),
    },
    Binding {
        screens: &[Screen::Reader, Screen::Hosted, Screen::Results],
        keys: &[Key::Char('n')],
        action: Action::SearchNext,
        keys_label: None,
        help: both("nächster Treffer", "next hit"),
        hint: None,
    },
    Binding {
        screens: &[Screen::Reader, Screen::Hosted, Screen::Results],
        keys: &[Key::Char('N')],
        action: Action::SearchPrev,
        keys_label: None,
        help: both("vorheriger Treffer", "previous hit"),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('?'), Key::F(1)],
        action: Action::Help,
        keys_label: None,
        help: both("diese Hilfe", "this help"),
        hint: Some(both("Hilfe", "help")),
    },
    Binding {
        screens: READER,
        keys: &[Key::Esc],
        action: Action::Escape,
        keys_label: None,
        help: both(
            "Hilfe schliessen, Suche aufheben",
            "close help, clear the search",
        ),
        hint: None,
    },
    Binding {
        screens: LISTS,
        keys: &[Key::Esc],
        action: Action::Escape,
        keys_label: None,
        help: both(
            "Hilfe schliessen, Filter aufheben, zurück zur Liste",
            "close help, clear the filter, back to the list",
        ),
        hint: None,
    },
    Binding {
        screens: ALL,
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        action: Action::Quit,
        keys_label: None,
        help: both("beenden", "quit"),
        hint: Some(both("Ende", "quit")),
    },
    Binding {
        screens: ALL,
        keys: &[Key::Ctrl('z')],
        action: Action::Suspend,
        keys_label: None,
        help: both(
            "in die Shell (zurück mit fg)",
            "suspend to the shell (back with fg)",
        ),
        hint: None,
    },
];

/// Keys that also work while the help overlay is open.
const HELP_KEYS: [Action; 7] = [
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::HalfDown,
    Action::HalfUp,
    Action::Top,
];

/// The order of the hints in the status line, per screen: help first, so
/// that a narrow status line that has room for one hint shows the way to
/// all the others.
fn hint_order(screen: Screen) -> &'static [Action] {
    match screen {
        Screen::Reader => &[
            Action::Help,
            Action::SearchStart,
            Action::GoTo(0),
            Action::Quit,
        ],
        Screen::Hosted => &[
            Action::Help,
            Action::SearchStart,
            Action::GoTo(0),
            Action::Library,
            Action::Quit,
        ],
        Screen::Library => &[
            Action::Help,
            Action::Filter,
            Action::FullText,
            Action::Open,
            Action::Sort,
            Action::UnreadOnly,
            Action::Quit,
        ],
        Screen::Results => &[Action::Help, Action::Open, Action::FullText, Action::Quit],
    }
}

/// The bindings of `screen`.
pub fn bindings(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.screens.contains(&screen))
}

/// The bindings advertised in the status line of `screen`, in the order
/// they are shown.
pub fn hinted(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    hint_order(screen).iter().filter_map(move |action| {
        bindings(screen).find(|b| b.action == *action && b.hint.is_some())
    })
}

/// The action of `key` on `screen` in normal mode.
pub fn normal_action(screen: Screen, key: Key) -> Option<Action> {
    bindings(screen).find_map(|b| {
        let at = b.keys.iter().position(|k| *k == key)?;
        Some(match b.action {
            Action::GoTo(_) => Action::GoTo(at),
            other => other,
        })
    })
}

/// The action of `key` on `screen` in `mode`.
pub fn action(screen: Screen, mode: Mode, key: Key) -> Option<Action> {
    match mode {
        Mode::Normal => normal_action(screen, key),
        Mode::Search => Some(match key {
            Key::Ctrl('c') => Action::Quit,
            Key::Esc => Action::SearchCancel,
            Key::Enter => Action::SearchSubmit,
            Key::Backspace | Key::Ctrl('h') => Action::SearchDelete,
            Key::Ctrl('u') => Action::SearchClear,
            Key::Char(c) => Action::SearchInput(c),
            _ => return None,
        }),
        Mode::Help => match key {
            Key::Esc | Key::Char('q' | '?') | Key::F(1) => Some(Action::Escape),
            Key::Ctrl('c') => Some(Action::Quit),
            Key::Ctrl('z') => Some(Action::Suspend),
            _ => {
                normal_action(screen, key).filter(|a| HELP_KEYS.contains(a) || *a == Action::Bottom)
            }
        },
    }
}

/// How a binding's keys are written: "j ↓", or its `keys_label`.
pub fn keys_text(binding: &Binding, ascii: bool) -> String {
    if let Some(label) = binding.keys_label {
        return label.to_string();
    }
    binding
        .keys
        .iter()
        .map(|k| k.label(ascii))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a binding is written in the status line: its first key only.
pub fn hint_key(binding: &Binding, ascii: bool) -> String {
    binding
        .keys_label
        .map(str::to_string)
        .or_else(|| binding.keys.first().map(|k| k.label(ascii)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for screen in Screen::ALL {
            let all: Vec<Key> = bindings(screen)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in all.iter().enumerate() {
                assert!(
                    !all[i + 1..].contains(k),
                    "{k:?} is bound twice on {screen:?}"
                );
            }
        }
    }

    #[test]
    fn every_hint_is_shown_help_first() {
        for screen in Screen::ALL {
            let shown: Vec<Action> = hinted(screen).map(|b| b.action).collect();
            assert_eq!(shown.first(), Some(&Action::Help));
            assert_eq!(
                shown.len(),
                bindings(screen).filter(|b| b.hint.is_some()).count(),
                "{screen:?}"
            );
        }
    }

    #[test]
    fn digits_go_to_their_section_and_zero_back_to_the_library() {
        assert_eq!(
            normal_action(Screen::Reader, Key::Char('1')),
            Some(Action::GoTo(0))
        );
        assert_eq!(
            normal_action(Screen::Hosted, Key::Char('6')),
            Some(Action::GoTo(5))
        );
        assert_eq!(normal_action(Screen::Reader, Key::Char('7')), None);
        assert_eq!(normal_action(Screen::Reader, Key::Char('0')), None);
        assert_eq!(
            normal_action(Screen::Hosted, Key::Char('0')),
            Some(Action::Library)
        );
    }

    #[test]
    fn keys_mean_what_their_screen_says() {
        assert_eq!(
            normal_action(Screen::Reader, Key::Char('u')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            normal_action(Screen::Library, Key::Char('u')),
            Some(Action::UnreadOnly)
        );
        assert_eq!(
            normal_action(Screen::Library, Key::Ctrl('u')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            normal_action(Screen::Library, Key::Char('/')),
            Some(Action::Filter)
        );
        assert_eq!(
            normal_action(Screen::Reader, Key::Char('/')),
            Some(Action::SearchStart)
        );
        assert_eq!(
            normal_action(Screen::Results, Key::Enter),
            Some(Action::Open)
        );
        assert_eq!(
            normal_action(Screen::Reader, Key::Enter),
            Some(Action::Follow)
        );
    }

    #[test]
    fn search_mode_types_letters_that_are_keys_elsewhere() {
        assert_eq!(
            action(Screen::Reader, Mode::Search, Key::Char('q')),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            action(Screen::Library, Mode::Search, Key::Ctrl('c')),
            Some(Action::Quit)
        );
    }
}
