//! Command line plus environment → the choices the program runs with. A pure
//! function of its inputs; only `main` reads the real environment.

use crate::cli::{Cli, ColorChoice, UiLang};
pub use crate::environ::Env;
use crate::labels::Lang;
use crate::theme::{ColourLevel, Colours};

/// How to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Open the full-screen reader (else print the plain view).
    pub interactive: bool,
    /// The theme, and the colours the terminal is sent.
    pub colours: Colours,
    /// Draw with ASCII only.
    pub ascii: bool,
    /// Interface language, if chosen on the command line.
    pub lang: Option<Lang>,
    /// Width of the plain view.
    pub width: u16,
}

/// Resolves the settings; `stdout_tty` and `term_width` describe the terminal
/// (if any).
pub fn resolve(cli: &Cli, env: &Env, stdout_tty: bool, term_width: Option<u16>) -> Settings {
    let interactive = !cli.plain && !cli.check && stdout_tty && !env.dumb();
    let level = match cli.color.unwrap_or_default() {
        ColorChoice::Always => env.colour_level().max(ColourLevel::Ansi16),
        ColorChoice::Auto if stdout_tty && !env.no_color && !env.dumb() => env.colour_level(),
        ColorChoice::Auto | ColorChoice::Never => ColourLevel::None,
    };
    Settings {
        interactive,
        colours: Colours {
            theme: cli.theme.unwrap_or_default(),
            level,
        },
        ascii: cli.ascii || !env.utf8(),
        lang: cli.lang.map(|l| match l {
            UiLang::De => Lang::De,
            UiLang::En => Lang::En,
        }),
        width: cli
            .width
            .or(term_width)
            .or(env.columns)
            .unwrap_or(80)
            .clamp(8, 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        match Cli::parse_from(args.iter().copied()) {
            Ok(crate::cli::Command::Run(cli)) => cli,
            other => panic!("{other:?}"),
        }
    }

    fn utf8_env() -> Env {
        Env {
            locale: Some("de_CH.UTF-8".into()),
            term: Some("xterm-256color".into()),
            ..Env::default()
        }
    }

    fn level(args: &[&str], env: &Env, tty: bool) -> ColourLevel {
        resolve(&cli(args), env, tty, None).colours.level
    }

    #[test]
    fn a_terminal_gets_the_reader_in_colour() {
        let s = resolve(&cli(&[]), &utf8_env(), true, Some(100));
        assert!(s.interactive && !s.ascii);
        assert_eq!(s.colours.level, ColourLevel::Indexed256);
        assert_eq!(s.colours.theme, crate::theme::ThemeName::Dark);
        assert_eq!(s.width, 100);
    }

    #[test]
    fn the_level_follows_term_and_colorterm() {
        let env = |term: &str, colorterm: Option<&str>| Env {
            term: Some(term.into()),
            colorterm: colorterm.map(Into::into),
            ..utf8_env()
        };
        assert_eq!(level(&[], &env("xterm", None), true), ColourLevel::Ansi16);
        assert_eq!(
            level(&[], &env("xterm-direct", None), true),
            ColourLevel::TrueColor
        );
        assert_eq!(
            level(&[], &env("xterm", Some("truecolor")), true),
            ColourLevel::TrueColor
        );
        assert_eq!(
            level(&[], &env("screen-256color", Some("1")), true),
            ColourLevel::Indexed256
        );
        // Always: at least 16, more when the terminal says so.
        assert_eq!(
            level(&["--color", "always"], &env("dumb", None), false),
            ColourLevel::Ansi16
        );
        assert_eq!(
            level(&["--color", "always"], &env("xterm-direct", None), false),
            ColourLevel::TrueColor
        );
        assert_eq!(level(&[], &env("dumb", None), true), ColourLevel::None);
    }

    #[test]
    fn the_theme_is_chosen_by_name() {
        let s = resolve(&cli(&["--theme", "light"]), &utf8_env(), true, None);
        assert_eq!(s.colours.theme, crate::theme::ThemeName::Light);
    }

    #[test]
    fn pipes_dumb_terminals_and_plain_get_the_plain_view() {
        assert!(!resolve(&cli(&[]), &utf8_env(), false, None).interactive);
        assert!(!resolve(&cli(&["--plain"]), &utf8_env(), true, None).interactive);
        let dumb = Env {
            term: Some("dumb".into()),
            ..utf8_env()
        };
        assert!(!resolve(&cli(&[]), &dumb, true, None).interactive);
    }

    #[test]
    fn no_color_and_color_never_turn_colour_off() {
        let env = Env {
            no_color: true,
            ..utf8_env()
        };
        assert_eq!(level(&[], &env, true), ColourLevel::None);
        assert_eq!(
            level(&["--color", "never"], &utf8_env(), true),
            ColourLevel::None
        );
        assert_eq!(level(&[], &utf8_env(), false), ColourLevel::None);
        assert_eq!(
            level(&["--color", "always"], &env, false),
            ColourLevel::Indexed256
        );
    }

    #[test]
    fn non_utf8_locales_get_ascii() {
        let env = Env {
            locale: Some("C".into()),
            ..utf8_env()
        };
        assert!(resolve(&cli(&[]), &env, true, None).ascii);
        assert!(resolve(&cli(&[]), &Env::default(), true, None).ascii);
        assert!(resolve(&cli(&["--ascii"]), &utf8_env(), true, None).ascii);
    }

    #[test]
    fn plain_width_falls_back_to_columns_then_80() {
        let env = Env {
            columns: Some(50),
            ..utf8_env()
        };
        assert_eq!(resolve(&cli(&[]), &env, false, None).width, 50);
        assert_eq!(resolve(&cli(&[]), &utf8_env(), false, None).width, 80);
        assert_eq!(
            resolve(&cli(&["-w", "30"]), &env, false, Some(120)).width,
            30
        );
    }
}
