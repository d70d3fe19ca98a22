//! The man page's KEYS: every screen's keys from the key table that
//! dispatches them (the keys the program starts with, before a config
//! changes them), and the keys of the help overlay and the search prompt
//! as the dispatcher answers them.

use roff::{Roff, bold, roman};

use crate::action::{Action, Mode};
use crate::keymap::{self, BINDINGS, Binding, Screen};
use crate::keys::Key;

/// The KEYS section.
pub fn keys(r: &mut Roff) {
    r.control("SH", ["KEYS"]);
    r.text([roman(
        "Single keys, as in less(1) and vim(1); ? or F1 shows them on the screen. These \
         are the keys the program starts with.",
    )]);
    screen(r, "In the reader", keymap::bindings(Screen::Reader));
    r.control("SS", ["In a briefing opened from the library"]);
    r.text([roman("The reader's keys, and:")]);
    rows(
        r,
        keymap::bindings(Screen::Hosted).filter(|b| !b.screens.contains(&Screen::Reader)),
    );
    screen(r, "In the library", keymap::bindings(Screen::Library));
    screen(
        r,
        "In the full-text search results of the library",
        keymap::bindings(Screen::Results),
    );
    prompt(r);
    overlay(r);
}

fn screen<'a>(r: &mut Roff, title: &str, bindings: impl Iterator<Item = &'a Binding>) {
    r.control("SS", [title]);
    rows(r, bindings);
}

fn rows<'a>(r: &mut Roff, bindings: impl Iterator<Item = &'a Binding>) {
    for b in bindings {
        let keys = b
            .keys_label
            .map_or_else(|| labels(b.keys.iter().copied()), str::to_string);
        row(r, &keys, b.help.en);
    }
}

fn row(r: &mut Roff, keys: &str, text: &str) {
    r.control("TP", []);
    r.text([bold(keys)]);
    r.text([roman(text)]);
}

/// Keys as the help writes them, in ASCII: "j, Down".
fn labels(keys: impl Iterator<Item = Key>) -> String {
    keys.map(|k| k.label(true)).collect::<Vec<_>>().join(", ")
}

/// Every key worth asking the dispatcher about: the named keys, F1-F12,
/// Ctrl and a letter, printable ASCII.
fn candidates() -> impl Iterator<Item = Key> {
    [
        Key::Esc,
        Key::Enter,
        Key::Tab,
        Key::BackTab,
        Key::Backspace,
        Key::Down,
        Key::Up,
        Key::Left,
        Key::Right,
        Key::PageDown,
        Key::PageUp,
        Key::Home,
        Key::End,
    ]
    .into_iter()
    .chain((1..=12).map(Key::F))
    .chain(('a'..='z').map(Key::Ctrl))
    .chain((' '..='~').map(Key::Char))
}

/// The keys that do `action` in `mode` on the reader's screen: those of
/// the key table's row first, in its order.
fn keys_for(mode: Mode, action: Action) -> Vec<Key> {
    let row: &[Key] = BINDINGS
        .iter()
        .find(|b| b.action == action)
        .map_or(&[], |b| b.keys);
    let keymap = keymap::Keymap::default();
    let mut keys: Vec<Key> = candidates()
        .filter(|k| keymap.action(Screen::Reader, mode, *k) == Some(action))
        .collect();
    keys.sort_by_key(|k| row.iter().position(|r| r == k).unwrap_or(row.len()));
    keys
}

/// The actions of `mode`: those described here first, then those of the
/// key table in its order.
fn actions(mode: Mode) -> Vec<Action> {
    let keymap = keymap::Keymap::default();
    let mut seen = Vec::new();
    for key in candidates() {
        if let Some(a) = keymap.action(Screen::Reader, mode, key)
            && !matches!(a, Action::SearchInput(_))
            && !seen.contains(&a)
        {
            seen.push(a);
        }
    }
    seen.sort_by_key(|a| {
        own_words(*a).map_or_else(
            || {
                BINDINGS
                    .iter()
                    .position(|b| b.action == *a)
                    .unwrap_or(BINDINGS.len())
            },
            |_| 0,
        )
    });
    seen
}

/// What an action does where the key table has no row for it.
fn own_words(action: Action) -> Option<&'static str> {
    Some(match action {
        Action::SearchSubmit => "search for what was typed (on an empty prompt: the last search)",
        Action::SearchCancel => "close the prompt without searching",
        Action::SearchDelete => "delete the last character",
        Action::SearchClear => "clear the prompt",
        Action::Escape => "close the help",
        _ => return None,
    })
}

/// The help text of the key table's row for `action`.
fn table_words(action: Action) -> Option<&'static str> {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .map(|b| b.help.en)
}

/// A mode's keys, one row per action.
fn mode_rows(r: &mut Roff, mode: Mode) {
    for action in actions(mode) {
        let text = own_words(action).or_else(|| table_words(action));
        if let Some(text) = text {
            row(r, &labels(keys_for(mode, action).into_iter()), text);
        }
    }
}

fn prompt(r: &mut Roff) {
    r.control("SS", ["At the search and filter prompts"]);
    r.text([roman(
        "Other keys type. The search is case- and accent-insensitive: pjongjang finds \
         Pjöngjang.",
    )]);
    mode_rows(r, Mode::Search);
}

fn overlay(r: &mut Roff) {
    r.control("SS", ["In the help overlay"]);
    mode_rows(r, Mode::Help);
}
