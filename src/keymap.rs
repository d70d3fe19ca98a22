//! The one key table: it dispatches keys on every screen (the reader, the
//! reader opened from a library, the library's list and its search
//! results), and the status hints and the help overlay are generated from
//! it, so they cannot disagree.

use std::sync::{Arc, OnceLock};

use crate::action::{Action, Mode};
use crate::keys::Key;
use crate::labels::Lang;
use crate::text::ascii::to_ascii;

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

    /// How messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Reader => "the reader",
            Self::Hosted => "the reader opened from the library",
            Self::Library => "the library",
            Self::Results => "the search results",
        }
    }
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
    /// The action's name in the config file's `[keys]` table.
    pub name: &'static str,
    /// The screens it works on.
    pub screens: &'static [Screen],
    /// The default keys, first one shown in hints.
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
        name: "sections",
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
        name: "next_section",
        screens: READER,
        keys: &[Key::Tab, Key::Char('l'), Key::Right, Key::Char(']')],
        action: Action::NextSection,
        keys_label: None,
        help: both("nächster Abschnitt", "next section"),
        hint: None,
    },
    Binding {
        name: "prev_section",
        screens: READER,
        keys: &[Key::BackTab, Key::Char('h'), Key::Left, Key::Char('[')],
        action: Action::PrevSection,
        keys_label: None,
        help: both("vorheriger Abschnitt", "previous section"),
        hint: None,
    },
    Binding {
        name: "down",
        screens: ALL,
        keys: &[Key::Char('j'), Key::Down],
        action: Action::Down,
        keys_label: None,
        help: both("eine Zeile / nächster Eintrag", "down a line / next item"),
        hint: None,
    },
    Binding {
        name: "up",
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
        name: "page_down",
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
        name: "page_up",
        screens: ALL,
        keys: &[Key::Char('b'), Key::PageUp, Key::Ctrl('b')],
        action: Action::PageUp,
        keys_label: None,
        help: both("eine Seite zurück", "page up"),
        hint: None,
    },
    Binding {
        name: "half_down",
        screens: ALL,
        keys: &[Key::Char('d'), Key::Ctrl('d')],
        action: Action::HalfDown,
        keys_label: None,
        help: both("halbe Seite weiter", "half a page down"),
        hint: None,
    },
    Binding {
        name: "half_up",
        screens: READER_AND_RESULTS,
        keys: &[Key::Char('u'), Key::Ctrl('u')],
        action: Action::HalfUp,
        keys_label: None,
        help: both("halbe Seite zurück", "half a page up"),
        hint: None,
    },
    Binding {
        name: "top",
        screens: ALL,
        keys: &[Key::Char('g'), Key::Home],
        action: Action::Top,
        keys_label: None,
        help: both("zum Anfang", "to the top"),
        hint: None,
    },
    Binding {
        name: "bottom",
        screens: ALL,
        keys: &[Key::Char('G'), Key::End],
        action: Action::Bottom,
        keys_label: None,
        help: both("zum Ende", "to the bottom"),
        hint: None,
    },
    Binding {
        name: "follow",
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
        name: "back",
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
        name: "back",
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
        name: "library",
        screens: &[Screen::Hosted],
        keys: &[Key::Char('0')],
        action: Action::Library,
        keys_label: None,
        help: both("zurück zur Bibliothek", "back to the library"),
        hint: Some(both("Bibliothek", "library")),
    },
    Binding {
        name: "half_up",
        screens: &[Screen::Library],
        keys: &[Key::Ctrl('u')],
        action: Action::HalfUp,
        keys_label: None,
        help: both("halbe Seite zurück", "half a page up"),
        hint: None,
    },
    Binding {
        name: "open",
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
        name: "filter",
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
        name: "full_text",
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
        name: "sort",
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
        name: "unread_only",
        screens: &[Screen::Library],
        keys: &[Key::Char('u')],
        action: Action::UnreadOnly,
        keys_label: None,
        help: both("nur ungelesene oder alle zeigen", "unread only, or all"),
        hint: Some(both("ungelesen", "unread")),
    },
    Binding {
        name: "search",
        screens: READER,
        keys: &[Key::Char('/')],
        action: Action::SearchStart,
        keys_label: None,
        help: both("in allen Abschnitten suchen", "search all sections"),
        hint: Some(both("Suche", "search")),
    },
    Binding {
        name: "search_next",
        screens: &[Screen::Reader, Screen::Hosted, Screen::Results],
        keys: &[Key::Char('n')],
        action: Action::SearchNext,
        keys_label: None,
        help: both("nächster Treffer", "next hit"),
        hint: None,
    },
    Binding {
        name: "search_prev",
        screens: &[Screen::Reader, Screen::Hosted, Screen::Results],
        keys: &[Key::Char('N')],
        action: Action::SearchPrev,
        keys_label: None,
        help: both("vorheriger Treffer", "previous hit"),
        hint: None,
    },
    Binding {
        name: "help",
        screens: ALL,
        keys: &[Key::Char('?'), Key::F(1)],
        action: Action::Help,
        keys_label: None,
        help: both("diese Hilfe", "this help"),
        hint: Some(both("Hilfe", "help")),
    },
    Binding {
        name: "escape",
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
        name: "escape",
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
        name: "quit",
        screens: ALL,
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        action: Action::Quit,
        keys_label: None,
        help: both("beenden", "quit"),
        hint: Some(both("Ende", "quit")),
    },
    Binding {
        name: "suspend",
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

/// How a key is written; in ASCII, a letter like `ä` bound in a config
/// file is transliterated too.
pub fn label(key: Key, ascii: bool) -> String {
    let text = key.label(ascii);
    if ascii {
        to_ascii(&text).into_owned()
    } else {
        text
    }
}

/// Every action name the config file knows, in table order, once each.
pub fn names() -> impl Iterator<Item = &'static str> {
    BINDINGS
        .iter()
        .enumerate()
        .filter(|(i, b)| !BINDINGS.iter().take(*i).any(|e| e.name == b.name))
        .map(|(_, b)| b.name)
}

/// A binding with the keys it has now: the defaults, or what the config
/// file bound to its action.
#[derive(Debug, Clone, Copy)]
pub struct Bound<'a> {
    /// The row of the key table.
    pub binding: &'static Binding,
    /// Its keys, first one shown in hints.
    pub keys: &'a [Key],
}

impl Bound<'_> {
    /// How the keys are written: "j ↓", or the table's short form ("1-6")
    /// while they are the defaults.
    pub fn keys_text(&self, ascii: bool) -> String {
        match self.binding.keys_label {
            Some(label) if self.keys == self.binding.keys => label.to_string(),
            _ => self
                .keys
                .iter()
                .map(|k| label(*k, ascii))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// How it is written in the status line: its first key only (or the
    /// short form of the defaults).
    pub fn hint_key(&self, ascii: bool) -> String {
        match self.binding.keys_label {
            Some(label) if self.keys == self.binding.keys => label.to_string(),
            // Keys that each do their own thing (one per section) are all
            // shown; otherwise the first stands for the rest.
            Some(_) => self.keys_text(ascii),
            None => self
                .keys
                .first()
                .map(|k| label(*k, ascii))
                .unwrap_or_default(),
        }
    }
}

/// The keys in force: the table's defaults, with the config file's
/// `[keys]` bound over them by action name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row of [`BINDINGS`], in its order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

/// Two actions that want the same key on one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Where.
    pub screen: Screen,
    /// The key.
    pub key: Key,
    /// The two actions' names.
    pub names: [&'static str; 2],
}

impl Keymap {
    /// The default keys, one copy for every app that keeps them.
    pub fn shared_default() -> Arc<Self> {
        static DEFAULT: OnceLock<Arc<Keymap>> = OnceLock::new();
        Arc::clone(DEFAULT.get_or_init(|| Arc::new(Self::default())))
    }

    /// Binds `keys` to the action called `name`, on every screen it works
    /// on, in place of its keys until now (save a default key its screen
    /// gives another meaning).
    ///
    /// # Errors
    /// An unknown name, a quit without keys, or the section keys not one
    /// per section; said in one line.
    pub fn bind(&mut self, name: &str, keys: &[Key]) -> Result<(), String> {
        let rows: Vec<usize> = BINDINGS
            .iter()
            .enumerate()
            .filter(|(_, b)| b.name == name)
            .map(|(i, _)| i)
            .collect();
        let Some(first) = rows.first().and_then(|&i| BINDINGS.get(i)) else {
            return Err(format!(
                "`{name}` is no action; the actions are {}",
                names().collect::<Vec<_>>().join(", ")
            ));
        };
        if matches!(first.action, Action::GoTo(_)) && keys.len() != first.keys.len() {
            return Err(format!(
                "`{name}` takes {} keys, one per section in order",
                first.keys.len()
            ));
        }
        if first.action == Action::Quit && keys.is_empty() {
            return Err("`quit` needs at least one key".into());
        }
        // A row that leaves out one of the action's default keys does so
        // because its screen gives that key another meaning (`u` in the
        // library): it keeps leaving it out.
        let defaults: Vec<Key> = rows
            .iter()
            .filter_map(|&i| BINDINGS.get(i))
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for i in rows {
            let (Some(slot), Some(row)) = (self.keys.get_mut(i), BINDINGS.get(i)) else {
                continue;
            };
            *slot = keys
                .iter()
                .copied()
                .filter(|k| row.keys.contains(k) || !defaults.contains(k))
                .collect();
        }
        Ok(())
    }

    /// The first key bound to `action` on `screen`.
    pub fn first_key(&self, screen: Screen, action: Action) -> Option<Key> {
        self.bindings(screen)
            .filter(|b| b.binding.action == action)
            .find_map(|b| b.keys.first().copied())
    }

    /// The key that opens each section, as the tabs show it: "1" to "6"
    /// unless rebound ("" for a section left without a key).
    pub fn section_marks(&self, ascii: bool) -> [String; 6] {
        let keys = BINDINGS
            .iter()
            .zip(&self.keys)
            .find(|(b, _)| matches!(b.action, Action::GoTo(_)))
            .map(|(_, keys)| keys.as_slice())
            .unwrap_or_default();
        std::array::from_fn(|i| keys.get(i).map(|k| label(*k, ascii)).unwrap_or_default())
    }

    /// The keys that close help on `screen`, as its footer names them: Esc,
    /// then the first key of quit that is no Ctrl key, then of help.
    pub fn help_closers(&self, screen: Screen, ascii: bool) -> Vec<String> {
        let first = |action: Action| {
            self.bindings(screen)
                .filter(|b| b.binding.action == action)
                .flat_map(|b| b.keys.iter().copied())
                .find(|k| !matches!(k, Key::Ctrl(_)))
        };
        std::iter::once(Key::Esc)
            .chain(first(Action::Quit))
            .chain(first(Action::Help))
            .map(|k| label(k, ascii))
            .collect()
    }

    /// Every key bound to two actions on one screen, each clash once.
    pub fn clashes(&self) -> Vec<Clash> {
        let mut out = Vec::new();
        for screen in Screen::ALL {
            let mut seen: Vec<(Key, &'static str)> = Vec::new();
            for b in self.bindings(screen) {
                for &key in b.keys {
                    match seen.iter().find(|(k, _)| *k == key) {
                        Some(&(_, other)) => {
                            let names = [other, b.binding.name];
                            if !out.iter().any(|c: &Clash| c.key == key && c.names == names) {
                                out.push(Clash { screen, key, names });
                            }
                        }
                        None => seen.push((key, b.binding.name)),
                    }
                }
            }
        }
        out
    }

    /// The bindings of `screen`.
    pub fn bindings(&self, screen: Screen) -> impl Iterator<Item = Bound<'_>> {
        BINDINGS
            .iter()
            .zip(&self.keys)
            .filter(move |(b, _)| b.screens.contains(&screen))
            .map(|(binding, keys)| Bound { binding, keys })
    }

    /// The bindings advertised in the status line of `screen`, in the
    /// order they are shown; an action left without keys is not.
    pub fn hinted(&self, screen: Screen) -> impl Iterator<Item = Bound<'_>> {
        hint_order(screen).iter().filter_map(move |action| {
            self.bindings(screen).find(|b| {
                b.binding.action == *action && b.binding.hint.is_some() && !b.keys.is_empty()
            })
        })
    }

    /// The action of `key` on `screen` in normal mode.
    pub fn normal_action(&self, screen: Screen, key: Key) -> Option<Action> {
        self.bindings(screen).find_map(|b| {
            let at = b.keys.iter().position(|k| *k == key)?;
            Some(match b.binding.action {
                Action::GoTo(_) => Action::GoTo(at),
                other => other,
            })
        })
    }

    /// The action of `key` on `screen` in `mode`.
    pub fn action(&self, screen: Screen, mode: Mode, key: Key) -> Option<Action> {
        let normal = self.normal_action(screen, key);
        match mode {
            Mode::Normal => normal,
            // Letters are typed; the editing keys are fixed; a Ctrl key
            // bound to quit still quits.
            Mode::Search => Some(match key {
                Key::Esc => Action::SearchCancel,
                Key::Enter => Action::SearchSubmit,
                Key::Backspace | Key::Ctrl('h') => Action::SearchDelete,
                Key::Ctrl('u') => Action::SearchClear,
                Key::Char(c) => Action::SearchInput(c),
                Key::Ctrl(_) if normal == Some(Action::Quit) => Action::Quit,
                _ => return None,
            }),
            // Esc, the help keys and the quit keys close help (a Ctrl key
            // bound to quit quits); scrolling works inside it.
            Mode::Help => match normal {
                _ if key == Key::Esc => Some(Action::Escape),
                Some(Action::Quit) if matches!(key, Key::Ctrl(_)) => Some(Action::Quit),
                Some(Action::Help | Action::Quit) => Some(Action::Escape),
                Some(a @ Action::Suspend) => Some(a),
                Some(a) if HELP_KEYS.contains(&a) || a == Action::Bottom => Some(a),
                _ => None,
            },
        }
    }
}

/// The default bindings of `screen` (the man page lists these).
pub fn bindings(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.screens.contains(&screen))
}

/// How a binding's default keys are written: "j ↓", or its `keys_label`.
pub fn keys_text(binding: &'static Binding, ascii: bool) -> String {
    Bound {
        binding,
        keys: binding.keys,
    }
    .keys_text(ascii)
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
            assert!(Keymap::default().clashes().is_empty());
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
            let shown: Vec<Action> = Keymap::default()
                .hinted(screen)
                .map(|b| b.binding.action)
                .collect();
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
            Keymap::default().normal_action(Screen::Reader, Key::Char('1')),
            Some(Action::GoTo(0))
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Hosted, Key::Char('6')),
            Some(Action::GoTo(5))
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Reader, Key::Char('7')),
            None
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Reader, Key::Char('0')),
            None
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Hosted, Key::Char('0')),
            Some(Action::Library)
        );
    }

    #[test]
    fn keys_mean_what_their_screen_says() {
        assert_eq!(
            Keymap::default().normal_action(Screen::Reader, Key::Char('u')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Library, Key::Char('u')),
            Some(Action::UnreadOnly)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Library, Key::Ctrl('u')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Library, Key::Char('/')),
            Some(Action::Filter)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Reader, Key::Char('/')),
            Some(Action::SearchStart)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Results, Key::Enter),
            Some(Action::Open)
        );
        assert_eq!(
            Keymap::default().normal_action(Screen::Reader, Key::Enter),
            Some(Action::Follow)
        );
    }

    #[test]
    fn search_mode_types_letters_that_are_keys_elsewhere() {
        assert_eq!(
            Keymap::default().action(Screen::Reader, Mode::Search, Key::Char('q')),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            Keymap::default().action(Screen::Library, Mode::Search, Key::Ctrl('c')),
            Some(Action::Quit)
        );
    }

    fn bound(pairs: &[(&str, &[Key])]) -> Keymap {
        let mut keymap = Keymap::default();
        for (name, keys) in pairs {
            keymap.bind(name, keys).unwrap();
        }
        keymap
    }

    #[test]
    fn a_rebound_action_answers_its_new_keys_only_and_says_so() {
        let keymap = bound(&[("quit", &[Key::Char('x')])]);
        for screen in Screen::ALL {
            assert_eq!(
                keymap.normal_action(screen, Key::Char('x')),
                Some(Action::Quit)
            );
            assert_eq!(keymap.normal_action(screen, Key::Char('q')), None);
            assert_eq!(keymap.normal_action(screen, Key::Ctrl('c')), None);
            let quit = keymap
                .hinted(screen)
                .find(|b| b.binding.action == Action::Quit)
                .unwrap();
            assert_eq!(quit.hint_key(false), "x");
            let help: Vec<String> = keymap
                .bindings(screen)
                .filter(|b| b.binding.name == "quit")
                .map(|b| b.keys_text(false))
                .collect();
            assert_eq!(help, ["x"]);
        }
        // Help closes with the new key, not the old one.
        assert_eq!(
            keymap.action(Screen::Reader, Mode::Help, Key::Char('x')),
            Some(Action::Escape)
        );
        assert_eq!(
            keymap.action(Screen::Reader, Mode::Help, Key::Char('q')),
            None
        );
        assert_eq!(
            keymap.action(Screen::Reader, Mode::Search, Key::Ctrl('c')),
            None
        );
    }

    #[test]
    fn an_action_on_several_rows_is_rebound_on_all_of_them() {
        let keymap = bound(&[("back", &[Key::Char('H')]), ("half_up", &[Key::Char('U')])]);
        assert_eq!(
            keymap.normal_action(Screen::Reader, Key::Char('H')),
            Some(Action::Back)
        );
        assert_eq!(
            keymap.normal_action(Screen::Hosted, Key::Char('H')),
            Some(Action::Back)
        );
        assert_eq!(keymap.normal_action(Screen::Hosted, Key::Backspace), None);
        assert_eq!(
            keymap.normal_action(Screen::Library, Key::Char('U')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            keymap.normal_action(Screen::Results, Key::Char('U')),
            Some(Action::HalfUp)
        );
        assert_eq!(keymap.normal_action(Screen::Library, Key::Ctrl('u')), None);
        assert!(keymap.clashes().is_empty());
    }

    #[test]
    fn a_default_key_its_screen_gives_another_meaning_stays_there() {
        // `u` is half a page up in the reader, unread-only in the library.
        let keymap = bound(&[("half_up", &[Key::Char('u'), Key::Char('U')])]);
        assert!(keymap.clashes().is_empty());
        assert_eq!(
            keymap.normal_action(Screen::Reader, Key::Char('u')),
            Some(Action::HalfUp)
        );
        assert_eq!(
            keymap.normal_action(Screen::Library, Key::Char('u')),
            Some(Action::UnreadOnly)
        );
        assert_eq!(
            keymap.normal_action(Screen::Library, Key::Char('U')),
            Some(Action::HalfUp)
        );
        assert_eq!(keymap.normal_action(Screen::Library, Key::Ctrl('u')), None);
        let defaults = bound(&[("half_up", &[Key::Char('u'), Key::Ctrl('u')])]);
        assert_eq!(defaults, Keymap::default());
    }

    #[test]
    fn section_keys_go_to_their_section_in_order() {
        let keys = ['a', 's', 'd', 'f', 'g', 'h'].map(Key::Char);
        let mut keymap = bound(&[("prev_section", &[Key::BackTab])]);
        keymap.bind("sections", &keys).unwrap();
        assert_eq!(
            keymap.normal_action(Screen::Reader, Key::Char('d')),
            Some(Action::GoTo(2))
        );
        assert_eq!(keymap.normal_action(Screen::Reader, Key::Char('3')), None);
        let hint = keymap
            .hinted(Screen::Reader)
            .find(|b| b.binding.name == "sections");
        assert_eq!(hint.unwrap().hint_key(false), "a s d f g h");
        assert!(keymap.bind("sections", &keys[..5]).is_err());
    }

    #[test]
    fn clashes_unknown_names_and_a_quit_without_keys_are_refused() {
        let keymap = bound(&[("quit", &[Key::Char('j')])]);
        let clashes = keymap.clashes();
        assert_eq!(clashes.len(), 1, "once, not once per screen: {clashes:?}");
        assert!(
            clashes
                .iter()
                .all(|c| c.key == Key::Char('j') && c.names == ["down", "quit"])
        );
        let keymap = bound(&[("sort", &[Key::Char('/')])]);
        let clashes = keymap.clashes();
        assert_eq!(clashes.len(), 1, "{clashes:?}");
        assert_eq!(clashes.first().map(|c| c.screen), Some(Screen::Library));
        let mut keymap = Keymap::default();
        assert!(keymap.bind("quit", &[]).is_err());
        let unknown = keymap.bind("exit", &[Key::Char('x')]).unwrap_err();
        assert!(
            unknown.contains("quit") && unknown.contains("next_section"),
            "{unknown}"
        );
        assert!(
            keymap.bind("search", &[]).is_ok(),
            "other actions may be left without keys"
        );
        assert!(
            keymap
                .hinted(Screen::Reader)
                .all(|b| b.binding.name != "search")
        );
    }

    #[test]
    fn every_name_is_one_action() {
        let names: Vec<&str> = names().collect();
        assert!(names.contains(&"quit") && names.contains(&"next_section"));
        for name in names {
            let actions: Vec<Action> = BINDINGS
                .iter()
                .filter(|b| b.name == name)
                .map(|b| b.action)
                .collect();
            assert!(actions.windows(2).all(|w| w[0] == w[1]), "{name}");
        }
    }
}
