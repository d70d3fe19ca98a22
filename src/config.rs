//! The config file (DESIGN.md section 10): defaults for the reader's
//! options and the keys bound to actions by name. Found at `--config PATH`,
//! else `$BRIEFING_CONFIG`, else `$XDG_CONFIG_HOME/briefing/config.toml`;
//! the command line wins over it. `serve` never reads it: a served reader's
//! keys and colours are not the server user's.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::briefing::LineIndex;
use crate::briefing::sanitize::one_line;
use crate::cli::spec::{READ, ValueKind};
use crate::cli::{Cli, ColorChoice, UiLang};
use crate::dirs::Dirs;
use crate::keymap::Keymap;
use crate::keys::Key;
use crate::theme::ThemeName;

/// Largest config file read: a config is a few lines.
pub const MAX_BYTES: u64 = 64 * 1024;

/// Most problems reported from one file.
const MAX_PROBLEMS: usize = 20;

/// What the config file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `color`.
    pub color: Option<ColorChoice>,
    /// `theme`.
    pub theme: Option<ThemeName>,
    /// `ascii`.
    pub ascii: Option<bool>,
    /// `lang`.
    pub lang: Option<UiLang>,
    /// `width`, for the plain view.
    pub width: Option<u16>,
    /// `mouse`.
    pub mouse: Option<bool>,
    /// The default keys with `[keys]` bound over them.
    pub keymap: Keymap,
}

/// Where the config file is, and whether it must be there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Named by `--config` or `$BRIEFING_CONFIG`: it must exist.
    Named(PathBuf),
    /// The usual place: used if it exists.
    Usual(PathBuf),
    /// No home, nothing named: no config.
    Nowhere,
}

impl Location {
    /// Where to look: `--config`, else the `BRIEFING_CONFIG` value, else
    /// the config folder of `dirs`.
    pub fn find(option: Option<&Path>, variable: Option<OsString>, dirs: &Dirs) -> Self {
        if let Some(path) = option {
            return Self::Named(path.to_path_buf());
        }
        if let Some(path) = variable.filter(|v| !v.is_empty()) {
            return Self::Named(PathBuf::from(path));
        }
        match &dirs.config {
            Some(dir) => Self::Usual(dir.join("config.toml")),
            None => Self::Nowhere,
        }
    }

    /// Where to look, from the process environment.
    pub fn from_process(option: Option<&Path>) -> Self {
        Self::find(
            option,
            std::env::var_os("BRIEFING_CONFIG"),
            &Dirs::from_process(),
        )
    }

    /// Reads and checks the file, if there is one to read.
    ///
    /// # Errors
    /// Each problem in one line, `PATH:LINE:COLUMN: message` where it has a
    /// place.
    pub fn load(&self) -> Result<Config, Vec<String>> {
        let (path, must) = match self {
            Self::Named(p) => (p, true),
            Self::Usual(p) => (p, false),
            Self::Nowhere => return Ok(Config::default()),
        };
        let name = one_line(&path.display().to_string());
        let text = match read(path) {
            Ok(text) => text,
            Err(e) if !must && e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(e) => return Err(vec![format!("{name}: cannot read the config file: {e}")]),
        };
        parse(&text, &name)
    }
}

/// The file's text, refusing what is too large or not UTF-8.
fn read(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    // As a briefing is opened: a FIFO without a writer never blocks.
    let file = crate::briefing::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {} KiB", MAX_BYTES / 1024),
        ));
    }
    String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::InvalidData, "not UTF-8"))
}

/// The file as written, with where each value stands.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    color: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    ascii: Option<bool>,
    lang: Option<Spanned<String>>,
    width: Option<Spanned<i64>>,
    mouse: Option<bool>,
    keys: Option<KeysTable>,
}

/// `[keys]` as written: action name → key names.
type KeysTable = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

/// A problem at a byte offset of the file.
struct Problem {
    offset: usize,
    message: String,
}

/// Reads config text; `name` is used in messages.
///
/// # Errors
/// Each problem in one line, `NAME:LINE:COLUMN: message`, in file order.
pub fn parse(text: &str, name: &str) -> Result<Config, Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let (line, column) = lines.line_col(offset);
            // toml's message may quote the file: one safe line.
            let message = one_line(e.message());
            return Err(vec![format!("{name}:{line}:{column}: {message}")]);
        }
    };
    let mut problems = Vec::new();
    let config = check(&raw, &mut problems);
    if problems.is_empty() {
        return Ok(config);
    }
    problems.sort_by_key(|p| p.offset);
    problems.truncate(MAX_PROBLEMS);
    let offsets: Vec<usize> = problems.iter().map(|p| p.offset).collect();
    Err(problems
        .into_iter()
        .zip(lines.line_cols(&offsets))
        .map(|(p, (line, column))| format!("{name}:{line}:{column}: {}", p.message))
        .collect())
}

/// The accepted values of the reader's option `--long`, from the one table.
fn choices(long: &str) -> &'static [&'static str] {
    READ.options
        .iter()
        .find(|o| o.long == long)
        .and_then(|o| o.value)
        .and_then(|v| match v.kind {
            ValueKind::Choice(words) => Some(words),
            _ => None,
        })
        .unwrap_or_default()
}

/// `value` if it is one of `--long`'s choices, else a problem.
fn choice<'a>(
    long: &str,
    value: &'a Spanned<String>,
    problems: &mut Vec<Problem>,
) -> Option<&'a str> {
    let words = choices(long);
    let word = value.get_ref().as_str();
    if words.contains(&word) {
        return Some(word);
    }
    problems.push(Problem {
        offset: value.span().start,
        message: format!(
            "`{long}` is one of {}, not \"{}\"",
            words.join(", "),
            one_line(word)
        ),
    });
    None
}

/// The checked config, problems added to `problems`.
fn check(raw: &Raw, problems: &mut Vec<Problem>) -> Config {
    let mut config = Config {
        ascii: raw.ascii,
        mouse: raw.mouse,
        ..Config::default()
    };
    if let Some(v) = &raw.color {
        config.color = choice("color", v, problems).and_then(|w| match w {
            "auto" => Some(ColorChoice::Auto),
            "always" => Some(ColorChoice::Always),
            "never" => Some(ColorChoice::Never),
            _ => None,
        });
    }
    if let Some(v) = &raw.theme {
        match v.get_ref().parse::<ThemeName>() {
            Ok(theme) => config.theme = Some(theme),
            Err(e) => problems.push(Problem {
                offset: v.span().start,
                message: one_line(&e.to_string()),
            }),
        }
    }
    if let Some(v) = &raw.lang {
        config.lang = choice("lang", v, problems).and_then(|w| match w {
            "de" => Some(UiLang::De),
            "en" => Some(UiLang::En),
            _ => None,
        });
    }
    if let Some(v) = &raw.width {
        match u16::try_from(*v.get_ref()) {
            Ok(w) if (8..=1000).contains(&w) => config.width = Some(w),
            _ => problems.push(Problem {
                offset: v.span().start,
                message: format!("`width` is 8-1000, not {}", v.get_ref()),
            }),
        }
    }
    if let Some(keys) = &raw.keys {
        config.keymap = keymap(keys, problems);
    }
    config
}

/// The default keys with each `action = [keys]` bound over them; every
/// key bound to two actions on one screen is a problem.
fn keymap(table: &KeysTable, problems: &mut Vec<Problem>) -> Keymap {
    let mut keymap = Keymap::default();
    // Where each key was written, by action: clashes are shown there.
    let mut written: Vec<(&str, Key, usize)> = Vec::new();
    for (name, list) in table {
        let mut keys = Vec::new();
        for item in list.get_ref() {
            let at = item.span().start;
            match item.get_ref().parse::<Key>() {
                Ok(key) if keys.contains(&key) => problems.push(Problem {
                    offset: at,
                    message: format!("`{}` is listed twice", one_line(item.get_ref())),
                }),
                Ok(key) => {
                    keys.push(key);
                    written.push((name.get_ref(), key, at));
                }
                Err(why) => problems.push(Problem {
                    offset: at,
                    message: one_line(&why),
                }),
            }
        }
        if let Err(why) = keymap.bind(name.get_ref(), &keys) {
            problems.push(Problem {
                offset: name.span().start,
                message: one_line(&why),
            });
        }
    }
    for clash in keymap.clashes() {
        // One of the two was written here (the defaults never clash).
        let at = written
            .iter()
            .rev()
            .find(|(n, k, _)| *k == clash.key && clash.names.contains(n))
            .map_or(0, |(_, _, at)| *at);
        let [a, b] = clash.names;
        problems.push(Problem {
            offset: at,
            message: format!(
                "`{}` is bound to both {a} and {b} (on {})",
                clash.key.label(false),
                clash.screen.name()
            ),
        });
    }
    keymap
}

impl Cli {
    /// These arguments, with the config's values where none was given.
    #[must_use]
    pub fn with_config(mut self, config: &Config) -> Self {
        self.color = self.color.or(config.color);
        self.theme = self.theme.or(config.theme);
        self.ascii = self.ascii || config.ascii == Some(true);
        self.lang = self.lang.or(config.lang);
        self.width = self.width.or(config.width);
        self.mouse = self.mouse || config.mouse == Some(true);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::keymap::Screen;

    fn ok(text: &str) -> Config {
        parse(text, "c.toml").unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn problems(text: &str) -> Vec<String> {
        parse(text, "c.toml").expect_err("should be refused")
    }

    #[test]
    fn every_setting_is_read() {
        let config = ok(
            "color = \"never\"\ntheme = \"light\"\nascii = true\nlang = \"en\"\nwidth = 72\nmouse = true\n",
        );
        assert_eq!(
            config,
            Config {
                color: Some(ColorChoice::Never),
                theme: Some(ThemeName::Light),
                ascii: Some(true),
                lang: Some(UiLang::En),
                width: Some(72),
                mouse: Some(true),
                keymap: Keymap::default(),
            }
        );
        assert_eq!(ok(""), Config::default());
    }

    #[test]
    fn keys_are_bound_by_action_name() {
        let config = ok("[keys]\nquit = [\"x\", \"Ctrl-q\"]\nnext_section = [\"Tab\", \"L\"]\n");
        let keymap = &config.keymap;
        assert_eq!(
            keymap.normal_action(Screen::Reader, Key::Char('x')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.normal_action(Screen::Library, Key::Ctrl('q')),
            Some(Action::Quit)
        );
        assert_eq!(keymap.normal_action(Screen::Reader, Key::Char('q')), None);
        assert_eq!(
            keymap.normal_action(Screen::Reader, Key::Char('L')),
            Some(Action::NextSection)
        );
        assert_eq!(keymap.normal_action(Screen::Reader, Key::Char('l')), None);
    }

    #[test]
    fn problems_say_where_they_are() {
        assert_eq!(problems("colour = \"auto\"\n").len(), 1);
        let p = problems("colour = \"auto\"\n");
        assert!(
            p[0].starts_with("c.toml:1:1: unknown field `colour`"),
            "{p:?}"
        );
        assert_eq!(
            problems("width = 4\n"),
            ["c.toml:1:9: `width` is 8-1000, not 4"]
        );
        assert_eq!(
            problems("ascii = true\ncolor = \"sometimes\"\n"),
            ["c.toml:2:9: `color` is one of auto, always, never, not \"sometimes\""]
        );
        assert_eq!(problems("lang = \"fr\"\n").len(), 1);
        let p = problems("theme = \"solarized\"\n");
        assert!(
            p[0].starts_with("c.toml:1:9: unknown theme `solarized`"),
            "{p:?}"
        );
        assert!(p[0].contains("dark, light"), "{p:?}");
        assert!(problems("width = [\n")[0].starts_with("c.toml:1:"));
        assert!(problems("ascii = \"yes\"\n")[0].starts_with("c.toml:1:9: "));
    }

    #[test]
    fn unknown_actions_and_keys_and_keys_bound_twice_are_problems() {
        let p = problems("[keys]\nexit = [\"x\"]\n");
        assert!(
            p[0].starts_with("c.toml:2:1: `exit` is no action; the actions are sections,"),
            "{p:?}"
        );
        assert_eq!(
            problems("[keys]\nquit = [\"x\", \"Hyper-x\"]\n"),
            [
                "c.toml:2:14: `Hyper-x` is not a key: use one character, Ctrl-x, F1-F12 or a name \
              (Space Tab Shift-Tab Enter Backspace Esc Up Down Left Right PgUp PgDn Home End)"
            ]
        );
        assert_eq!(
            problems("[keys]\nquit = [\"q\", \"j\"]\n"),
            ["c.toml:2:14: `j` is bound to both down and quit (on the reader)"]
        );
        assert_eq!(
            problems("[keys]\nquit = [\"x\", \"x\"]\n"),
            ["c.toml:2:14: `x` is listed twice"]
        );
        assert_eq!(
            problems("[keys]\nquit = []\n"),
            ["c.toml:2:1: `quit` needs at least one key"]
        );
        // Two problems, in file order.
        let p = problems("[keys]\nup = [\"F13\"]\nquit = \"x\"\n");
        assert_eq!(p.len(), 1, "a type error stops the parse: {p:?}");
        assert!(p[0].starts_with("c.toml:3:8: "), "{p:?}");
        let p = problems("[keys]\nup = [\"F13\"]\ndown = [\"F0\"]\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with("c.toml:2:7: ") && p[1].starts_with("c.toml:3:9: "),
            "{p:?}"
        );
    }

    #[test]
    fn hostile_text_in_problems_stays_on_one_line() {
        for p in problems("lang = \"\\u001b[2J\\n\"\n[keys]\n\"\\u001b]0;x\\u0007\" = [\"q\"]\n") {
            assert!(!p.chars().any(char::is_control), "{p:?}");
        }
    }

    #[test]
    fn the_command_line_wins_over_the_config() {
        let config =
            ok("color = \"never\"\nlang = \"en\"\nwidth = 72\nascii = true\ntheme = \"light\"\n");
        let given = match Cli::parse_from(["--color", "always", "-w", "50", "--theme", "dark"]) {
            Ok(crate::cli::Command::Run(cli)) => cli,
            other => panic!("{other:?}"),
        };
        let cli = given.with_config(&config);
        assert_eq!(cli.color, Some(ColorChoice::Always));
        assert_eq!(cli.width, Some(50));
        assert_eq!(cli.theme, Some(ThemeName::Dark));
        assert_eq!(cli.lang, Some(UiLang::En));
        assert!(cli.ascii);
        let cli = Cli::default().with_config(&config);
        assert_eq!(cli.color, Some(ColorChoice::Never));
        assert_eq!(cli.width, Some(72));
        assert_eq!(cli.theme, Some(ThemeName::Light));
    }

    #[test]
    fn the_config_is_found_where_it_is_named_first() {
        let dirs = Dirs {
            config: Some(PathBuf::from("/home/a/.config/briefing")),
            ..Dirs::default()
        };
        let option = Path::new("/x.toml");
        assert_eq!(
            Location::find(Some(option), Some("/y.toml".into()), &dirs),
            Location::Named(option.into())
        );
        assert_eq!(
            Location::find(None, Some("/y.toml".into()), &dirs),
            Location::Named("/y.toml".into())
        );
        assert_eq!(
            Location::find(None, None, &dirs),
            Location::Usual("/home/a/.config/briefing/config.toml".into())
        );
        assert_eq!(
            Location::find(None, None, &Dirs::default()),
            Location::Nowhere
        );
    }

    #[test]
    fn a_missing_usual_file_is_no_config_but_a_missing_named_one_is_an_error() {
        let missing = PathBuf::from("/nonexistent/briefing/config.toml");
        assert_eq!(
            Location::Usual(missing.clone()).load(),
            Ok(Config::default())
        );
        let e = Location::Named(missing).load().unwrap_err();
        assert!(
            e[0].starts_with("/nonexistent/briefing/config.toml: cannot read"),
            "{e:?}"
        );
    }

    #[test]
    fn the_example_config_in_assets_loads_and_binds_what_it_says() {
        // It spells out the defaults: every action, each with its keys.
        let text = include_str!("../assets/config.toml");
        let config = ok(text);
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.color, Some(ColorChoice::Auto));
        assert_eq!(config.theme, Some(ThemeName::Dark));
        for name in crate::keymap::names() {
            assert!(text.contains(&format!("\n{name} = [")), "{name} is missing");
        }
    }
}
